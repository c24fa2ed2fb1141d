/** createEntry, updateEntry, deleteEntry and entry(id) through the handler, against dynalite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codesOf,
  ENTRY_FIELDS,
  newIdentity,
  startTestApi,
  steppingClock,
  type EntryShape,
  type TestApi,
} from './api';
import { startLocalDynamo, type LocalDynamo } from './dynamo';

let dynamo: LocalDynamo;
let api: TestApi;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  api = await startTestApi(dynamo, { now: steppingClock('2024-05-01T09:00:00.000Z', 60_000) });
});

afterAll(async () => {
  await dynamo.close();
});

const CREATE = `mutation Create($content: String!, $attachments: [AttachmentInput], $id: ID, $createDate: String) {
  createEntry(content: $content, attachments: $attachments, id: $id, createDate: $createDate) { ${ENTRY_FIELDS} }
}`;
const UPDATE = `mutation Update($id: ID!, $content: String!, $attachments: [AttachmentInput]) {
  updateEntry(id: $id, content: $content, attachments: $attachments) { ${ENTRY_FIELDS} }
}`;
const DELETE = `mutation Delete($id: ID!) { deleteEntry(id: $id) { ${ENTRY_FIELDS} } }`;
const GET = `query Get($id: ID!) { entry(id: $id) { ${ENTRY_FIELDS} } }`;
const ENTRIES = `{ entries { ${ENTRY_FIELDS} } }`;

async function create(who: string, variables: Record<string, unknown>): Promise<EntryShape> {
  return (await api.data<{ createEntry: EntryShape }>(who, CREATE, variables)).createEntry;
}

async function get(who: string, id: string): Promise<EntryShape | null> {
  return (await api.data<{ entry: EntryShape | null }>(who, GET, { id })).entry;
}

describe('createEntry', () => {
  it('stores an entry with a server-made id and the clock’s date', async () => {
    const me = newIdentity();
    const entry = await create(me, { content: 'Hello, journal' });
    expect(entry).toEqual({
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      createDate: expect.stringMatching(/^2024-05-01T\d\d:\d\d:00\.000Z$/),
      // Set on create too (the time of the write), so that every entry is in the changes feed.
      updateDate: expect.stringMatching(/^2024-05-01T/),
      content: 'Hello, journal',
      attachments: [],
    });
    expect(entry.updateDate).toBe(entry.createDate);
    expect(await get(me, entry.id)).toEqual(entry);
  });

  it('keeps a client-chosen id, createDate (normalised to UTC) and attachments', async () => {
    const me = newIdentity();
    const attachments = [
      { position: 1, url: 'https://example.com/b.png' },
      { position: 0, url: 'http://example.com/a.png' },
    ];
    const entry = await create(me, {
      content: 'written offline',
      id: 'offline-1',
      createDate: '2024-04-30T23:15:00+02:00',
      attachments,
    });
    expect(entry).toEqual({
      id: 'offline-1',
      createDate: '2024-04-30T21:15:00.000Z',
      // Written offline the day before, stored now: other devices have yet to see it.
      updateDate: expect.stringMatching(/^2024-05-01T/),
      content: 'written offline',
      attachments,
    });
    expect(await get(me, 'offline-1')).toEqual(entry);
  });

  it('is idempotent: a repeat with the same id stores one entry and returns the first', async () => {
    const me = newIdentity();
    const first = await create(me, { content: 'first try', id: 'retry-me' });
    const again = await create(me, { content: 'first try', id: 'retry-me' });
    const different = await create(me, {
      content: 'a different text',
      id: 'retry-me',
      createDate: '2020-01-01T00:00:00Z',
      attachments: [{ position: 0, url: 'https://example.com' }],
    });
    expect(again).toEqual(first);
    expect(different).toEqual(first);
    const { entries } = await api.data<{ entries: EntryShape[] }>(me, ENTRIES);
    expect(entries).toEqual([first]);
  });

  it('concurrent creates with one id make one entry, and every caller gets it', async () => {
    const me = newIdentity();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create(me, { content: `racer ${i}`, id: 'raced' })),
    );
    const { entries } = await api.data<{ entries: EntryShape[] }>(me, ENTRIES);
    expect(entries).toHaveLength(1);
    for (const result of results) expect(result).toEqual(entries[0]);
  });

  it('a content of exactly 65,536 characters is stored whole', async () => {
    const me = newIdentity();
    const content = '😀'.repeat(65_536);
    const entry = await create(me, { content });
    expect((await get(me, entry.id))?.content).toBe(content);
  });
});

describe('updateEntry and deleteEntry', () => {
  it('update changes what is stored and sets updateDate', async () => {
    const me = newIdentity();
    const attachments = [{ position: 0, url: 'https://example.com/a.png' }];
    const entry = await create(me, { content: 'draft', attachments });
    const { updateEntry } = await api.data<{ updateEntry: EntryShape }>(me, UPDATE, {
      id: entry.id,
      content: 'final',
    });
    expect(updateEntry).toEqual({
      ...entry,
      content: 'final',
      attachments, // left out: kept
      updateDate: expect.stringMatching(/^2024-05-01T/),
    });
    expect(Date.parse(updateEntry.updateDate!)).toBeGreaterThan(Date.parse(entry.createDate));
    expect(await get(me, entry.id)).toEqual(updateEntry);

    const replaced = await api.data<{ updateEntry: EntryShape }>(me, UPDATE, {
      id: entry.id,
      content: 'final',
      attachments: [{ position: 2, url: 'https://example.com/c.png' }],
    });
    expect(replaced.updateEntry.attachments).toEqual([
      { position: 2, url: 'https://example.com/c.png' },
    ]);
    const cleared = await api.data<{ updateEntry: EntryShape }>(me, UPDATE, {
      id: entry.id,
      content: 'final',
      attachments: null,
    });
    expect(cleared.updateEntry.attachments).toEqual([]);
    expect(await get(me, entry.id)).toEqual(cleared.updateEntry);
  });

  it('update keeps the entry in its place in the list', async () => {
    const me = newIdentity();
    const a = await create(me, { content: 'a' });
    const b = await create(me, { content: 'b' });
    await api.data(me, UPDATE, { id: a.id, content: 'a, edited' });
    const { entries } = await api.data<{ entries: EntryShape[] }>(me, ENTRIES);
    expect(entries.map((entry) => entry.id)).toEqual([b.id, a.id]);
  });

  it('delete returns the deleted entry and removes it', async () => {
    const me = newIdentity();
    const keep = await create(me, { content: 'keep' });
    const gone = await create(me, { content: 'gone' });
    const { deleteEntry } = await api.data<{ deleteEntry: EntryShape }>(me, DELETE, {
      id: gone.id,
    });
    expect(deleteEntry).toEqual(gone);
    expect(await get(me, gone.id)).toBeNull();
    const { entries } = await api.data<{ entries: EntryShape[] }>(me, ENTRIES);
    expect(entries).toEqual([keep]);
    // A second delete of the same id finds nothing.
    expect(codesOf(await api.gql(me, DELETE, { id: gone.id }))).toEqual(['NOT_FOUND']);
  });

  it('update of a deleted entry does not bring it back', async () => {
    const me = newIdentity();
    const entry = await create(me, { content: 'short-lived' });
    await api.data(me, DELETE, { id: entry.id });
    expect(codesOf(await api.gql(me, UPDATE, { id: entry.id, content: 'zombie' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(await get(me, entry.id)).toBeNull();
  });
});

describe('bad input', () => {
  const me = newIdentity();
  const long = 'x'.repeat(70_001);

  it.each<[string, string, Record<string, unknown>, string, RegExp]>([
    ['empty content', CREATE, { content: '' }, 'BAD_USER_INPUT', /empty/],
    ['whitespace-only content', CREATE, { content: ' \n\t ' }, 'BAD_USER_INPUT', /empty/],
    [
      'content over the limit',
      CREATE,
      { content: long },
      'BAD_USER_INPUT',
      /^Entry is 70,001 characters; the limit is 65,536\.$/,
    ],
    [
      'malformed createDate',
      CREATE,
      { content: 'x', createDate: '2024-02-30T10:00:00Z' },
      'BAD_USER_INPUT',
      /createDate must be an ISO-8601/,
    ],
    [
      'createDate without zone',
      CREATE,
      { content: 'x', createDate: '2024-05-01T10:00:00' },
      'BAD_USER_INPUT',
      /createDate/,
    ],
    [
      'malformed id',
      CREATE,
      { content: 'x', id: 'no spaces please' },
      'BAD_USER_INPUT',
      /^id must be/,
    ],
    [
      'too long id',
      CREATE,
      { content: 'x', id: 'a'.repeat(129) },
      'BAD_USER_INPUT',
      /^id must be 1 to 128/,
    ],
    [
      'negative attachment position',
      CREATE,
      { content: 'x', attachments: [{ position: -1, url: 'https://e.com' }] },
      'BAD_USER_INPUT',
      /position must be 0 or more/,
    ],
    [
      'non-http attachment',
      CREATE,
      { content: 'x', attachments: [{ position: 0, url: 'file:///etc/passwd' }] },
      'BAD_USER_INPUT',
      /http:\/\/ or https:\/\//,
    ],
    ['null attachment', CREATE, { content: 'x', attachments: [null] }, 'BAD_USER_INPUT', /null/],
    [
      'update with empty content',
      UPDATE,
      { id: 'whatever', content: '  ' },
      'BAD_USER_INPUT',
      /empty/,
    ],
    [
      'update with content over the limit',
      UPDATE,
      { id: 'whatever', content: long },
      'BAD_USER_INPUT',
      /70,001/,
    ],
    [
      'update with bad attachment',
      UPDATE,
      { id: 'whatever', content: 'x', attachments: [{ position: 0, url: 'mailto:a@b.c' }] },
      'BAD_USER_INPUT',
      /https/,
    ],
    [
      'update of an unknown id',
      UPDATE,
      { id: 'nope', content: 'x' },
      'NOT_FOUND',
      /^No entry with id "nope" in your journal/,
    ],
    ['delete of an unknown id', DELETE, { id: 'nope' }, 'NOT_FOUND', /^No entry with id "nope"/],
    ['entry of a malformed id', GET, { id: 'a/b' }, 'BAD_USER_INPUT', /^id must be/],
    [
      'limit 0',
      'query($l: Int) { recentEntries(limit: $l) { nextToken } }',
      { l: 0 },
      'BAD_USER_INPUT',
      /^limit must be between 1 and 100; got 0\.$/,
    ],
    [
      'limit 101',
      'query($l: Int) { recentEntries(limit: $l) { nextToken } }',
      { l: 101 },
      'BAD_USER_INPUT',
      /got 101/,
    ],
    [
      'malformed nextToken',
      'query($t: String) { recentEntries(nextToken: $t) { nextToken } }',
      { t: 'garbage!' },
      'BAD_USER_INPUT',
      /nextToken is not one this API gave out/,
    ],
    [
      'a variable of the wrong type',
      'query($l: Int) { recentEntries(limit: $l) { nextToken } }',
      { l: 'ten' },
      'BAD_USER_INPUT',
      /\$l/,
    ],
    ['a missing required variable', CREATE, {}, 'BAD_USER_INPUT', /\$content/],
  ])('%s → %s', async (_name, query, variables, code, message) => {
    const body = await api.gql(me, query, variables);
    expect(codesOf(body)).toEqual([code]);
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it('stores nothing for refused creates', async () => {
    const { entries } = await api.data<{ entries: EntryShape[] }>(me, ENTRIES);
    expect(entries).toEqual([]);
  });

  it('entry(id) of an unknown id is null, not an error', async () => {
    expect(await api.gql(me, GET, { id: 'unknown' })).toEqual({ data: { entry: null } });
  });

  it('inline literals are checked the same way', async () => {
    const body = await api.gql(me, 'mutation { createEntry(content: "   ") { id } }');
    expect(body).toEqual({
      data: { createEntry: null },
      errors: [
        {
          message: 'Entry is empty; write something before saving.',
          locations: [{ line: 1, column: 12 }],
          path: ['createEntry'],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });
});
