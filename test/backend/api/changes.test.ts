/** The changes query: full and incremental passes, paging, tombstones, isolation and cost. */
import { GetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../backend/api/changeCursor';
import { SETTLE_MS } from '../../../backend/api/changes';
import { createdSkOf, updatedSkOf } from '../../../backend/api/sortKeys';
import { TOMBSTONE_RETENTION_MS } from '../../../backend/api/tombstones';
import { codesOf, newIdentity, startTestApi, type EntryShape, type TestApi } from './api';
import { startLocalDynamo, type LocalDynamo } from './dynamo';

let dynamo: LocalDynamo;
let api: TestApi;
let t = Date.parse('2024-06-01T00:00:00.000Z');
const advance = (ms: number) => {
  t += ms;
};

/** What the table was asked: every command with its input and output. */
const calls: {
  command: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}[] = [];

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      calls.push({
        command: context.commandName ?? '?',
        input: args.input as Record<string, unknown>,
        output: result.output as unknown as Record<string, unknown>,
      });
      return result;
    },
    { step: 'initialize', name: 'recordCalls' },
  );
  api = await startTestApi(dynamo, { now: () => new Date(t) });
});

afterAll(async () => {
  await dynamo.close();
});

interface Change {
  id: string;
  updateDate: string;
  deleted: boolean;
  entry: EntryShape | null;
}
interface ChangePage {
  items: Change[];
  nextToken: string | null;
  cursor: string;
}

const CHANGES = `query Changes($since: String, $limit: Int, $nextToken: String) {
  changes(since: $since, limit: $limit, nextToken: $nextToken) {
    items { id updateDate deleted entry { id createDate updateDate content } }
    nextToken cursor
  }
}`;
const CREATE =
  'mutation($c: String!, $id: ID, $d: String) { createEntry(content: $c, id: $id, createDate: $d) { id createDate updateDate content } }';
const UPDATE = 'mutation($id: ID!, $c: String!) { updateEntry(id: $id, content: $c) { id } }';
const DELETE = 'mutation($id: ID!) { deleteEntry(id: $id) { id content } }';

async function page(
  who: string,
  variables: { since?: string | null; limit?: number; nextToken?: string | null },
): Promise<ChangePage> {
  return (await api.data<{ changes: ChangePage }>(who, CHANGES, variables)).changes;
}

/** A whole pass: every page, as a device syncs. */
async function pass(
  who: string,
  since: string | null,
  limit?: number,
): Promise<{ items: Change[]; cursor: string; pageSizes: number[] }> {
  const items: Change[] = [];
  const pageSizes: number[] = [];
  let nextToken: string | null = null;
  let cursor = '';
  do {
    const result: ChangePage = await page(who, { since, limit, nextToken });
    items.push(...result.items);
    pageSizes.push(result.items.length);
    cursor = result.cursor;
    nextToken = result.nextToken;
    expect(pageSizes.length).toBeLessThan(1000);
  } while (nextToken);
  return { items, cursor, pageSizes };
}

async function create(who: string, content: string, id?: string): Promise<EntryShape> {
  return (await api.data<{ createEntry: EntryShape }>(who, CREATE, { c: content, id })).createEntry;
}

describe('a full pass (no since)', () => {
  const me = newIdentity();
  const ids: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 130; i++) {
      ids.push((await create(me, `entry ${i}`, `f${String(i).padStart(3, '0')}`)).id);
      advance(1_000);
    }
  }, 60_000);

  it('pages through every entry, newest first, no duplicate, no gap', async () => {
    const { items, pageSizes, cursor } = await pass(me, null, 50);
    expect(pageSizes).toEqual([50, 50, 30]);
    expect(items.map((change) => change.id)).toEqual([...ids].reverse());
    expect(items.every((change) => !change.deleted && change.entry !== null)).toBe(true);
    expect(items[0]!.entry!.content).toBe('entry 129');
    // The cursor is fixed when the pass starts, a settling time before the server's clock.
    expect(cursor).toBe(encodeCursor(new Date(t - SETTLE_MS).toISOString()));
  });

  it('uses the default page size of 100', async () => {
    expect((await page(me, {})).items).toHaveLength(100);
  });

  it('the same list as `entries`', async () => {
    const { entries } = await api.data<{ entries: { id: string }[] }>(me, '{ entries { id } }');
    expect((await pass(me, null)).items.map((change) => change.id)).toEqual(
      entries.map((entry) => entry.id),
    );
  });
});

describe('a pass since a cursor', () => {
  const me = newIdentity();
  const old: EntryShape[] = [];
  let cursor = '';

  beforeAll(async () => {
    for (let i = 0; i < 20; i++) old.push(await create(me, `old ${i}`, `o${i}`));
    advance(60_000);
    cursor = (await pass(me, null)).cursor;
    advance(60_000);
  }, 60_000);

  it('returns exactly what was created, edited and deleted since, latest change first', async () => {
    await create(me, 'new 1', 'n1');
    advance(1_000);
    await api.data(me, UPDATE, { id: 'o3', c: 'old 3, edited' });
    advance(1_000);
    const deleted = await api.data<{ deleteEntry: EntryShape }>(me, DELETE, { id: 'o5' });
    expect(deleted.deleteEntry.content).toBe('old 5');
    advance(1_000);
    // Written offline long ago, stored now: it is a change now.
    await api.data(me, CREATE, { c: 'offline', id: 'n2', d: '2020-01-01T00:00:00Z' });
    advance(60_000);

    const { items, cursor: next } = await pass(me, cursor);
    expect(items.map(({ id, deleted }) => ({ id, deleted }))).toEqual([
      { id: 'n2', deleted: false },
      { id: 'o5', deleted: true },
      { id: 'o3', deleted: false },
      { id: 'n1', deleted: false },
    ]);
    expect(items[1]!.entry).toBeNull();
    expect(items[2]!.entry!.content).toBe('old 3, edited');
    expect(items[0]!.entry!.createDate).toBe('2020-01-01T00:00:00.000Z');
    const dates = items.map((change) => change.updateDate);
    expect([...dates].sort().reverse()).toEqual(dates);

    // Nothing new since: one request, no item, no nextToken; the cursor moves on.
    const before = calls.length;
    const quiet = await page(me, { since: next });
    expect(quiet).toEqual({
      items: [],
      nextToken: null,
      cursor: encodeCursor(new Date(t - SETTLE_MS).toISOString()),
    });
    expect(calls.slice(before).map((call) => call.command)).toEqual(['QueryCommand']);
    cursor = quiet.cursor;
  });

  it('delivers a change of the last seconds again rather than miss it', async () => {
    await create(me, 'just now', 'n3');
    const first = await pass(me, cursor);
    expect(first.items.map((change) => change.id)).toEqual(['n3']);
    // Synced again at once: still within the settling time, so it comes again.
    const second = await pass(me, first.cursor);
    expect(second.items.map((change) => change.id)).toEqual(['n3']);
    advance(SETTLE_MS + 1);
    const third = await pass(me, second.cursor);
    expect(third.items.map((change) => change.id)).toEqual(['n3']);
    advance(1);
    expect((await pass(me, third.cursor)).items).toEqual([]);
    cursor = third.cursor;
    advance(SETTLE_MS);
    cursor = (await pass(me, cursor)).cursor;
  });

  it('pages many changes with no duplicate and no gap', async () => {
    advance(SETTLE_MS);
    const start = (await pass(me, cursor)).cursor;
    advance(SETTLE_MS);
    for (let i = 0; i < 20; i++) {
      await api.data(me, UPDATE, { id: `o${i === 5 ? 19 : i}`, c: `edit ${i}` });
      advance(10);
    }
    for (let i = 0; i < 25; i++) {
      await create(me, `more ${i}`, `m${i}`);
      advance(10);
    }
    const { items, pageSizes } = await pass(me, start, 7);
    expect(pageSizes).toEqual([7, 7, 7, 7, 7, 7, 2]);
    const ids = items.map((change) => change.id);
    // o19 edited twice is listed once, at its latest change.
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(44);
    expect(ids.slice(0, 3)).toEqual(['m24', 'm23', 'm22']);
    expect(items.find((change) => change.id === 'o19')!.entry!.content).toBe('edit 19');
  });

  it('misses nothing changed while a pass is under way', async () => {
    advance(SETTLE_MS);
    const first = await page(me, { since: null, limit: 5 });
    advance(1_000);
    // One entry already read by this pass is edited, one not read yet is deleted.
    const read = first.items[0]!.id;
    await api.data(me, UPDATE, { id: read, c: 'edited during the pass' });
    await api.data(me, DELETE, { id: 'o0' });
    let nextToken = first.nextToken;
    let cursor = first.cursor;
    const rest: Change[] = [];
    while (nextToken) {
      const result = await page(me, { since: null, limit: 5, nextToken });
      rest.push(...result.items);
      nextToken = result.nextToken;
      expect(result.cursor).toBe(first.cursor); // the whole pass ends at one cursor
      cursor = result.cursor;
    }
    expect(rest.some((change) => change.id === 'o0')).toBe(false);
    const after = await pass(me, cursor);
    expect(after.items.find((change) => change.id === read)!.entry!.content).toBe(
      'edited during the pass',
    );
    expect(after.items.find((change) => change.id === 'o0')!.deleted).toBe(true);
  });
});

describe('tombstones', () => {
  const me = newIdentity();

  it('are never listed or read as entries, and keep no text', async () => {
    await create(me, 'keep me', 'keep');
    await create(me, 'secret words', 'gone');
    advance(1_000);
    await api.data(me, DELETE, { id: 'gone' });
    const lists = await api.data<{
      entries: { id: string }[];
      recentEntries: { items: { id: string }[] };
      entry: unknown;
    }>(me, '{ entries { id } recentEntries(limit: 20) { items { id } } entry(id: "gone") { id } }');
    expect(lists).toEqual({
      entries: [{ id: 'keep' }],
      recentEntries: { items: [{ id: 'keep' }] },
      entry: null,
    });
    expect(codesOf(await api.gql(me, UPDATE, { id: 'gone', c: 'again' }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(me, DELETE, { id: 'gone' }))).toEqual(['NOT_FOUND']);
    const { Item } = await DynamoDBDocumentClient.from(dynamo.client).send(
      new GetCommand({ TableName: api.tableName, Key: { pk: me, sk: 'gone' } }),
    );
    expect(Item).toEqual({
      pk: me,
      sk: 'gone',
      deleted: true,
      updateDate: new Date(t).toISOString(),
      updatedSk: updatedSkOf(new Date(t).toISOString(), 'gone'),
      expiresAt: Math.ceil((t + TOMBSTONE_RETENTION_MS) / 1000),
    });
    expect(JSON.stringify(Item)).not.toContain('secret');
  });

  it('are not in a full pass, and are in a pass since before the deletion', async () => {
    expect((await pass(me, null)).items.map((change) => change.id)).toEqual(['keep']);
    const since = encodeCursor(new Date(t - 60_000).toISOString());
    const { items } = await pass(me, since);
    expect(items.map(({ id, deleted }) => ({ id, deleted }))).toEqual([
      { id: 'gone', deleted: true },
      { id: 'keep', deleted: false },
    ]);
  });

  it('give way to an entry created again with the same id', async () => {
    advance(1_000);
    const since = encodeCursor(new Date(t).toISOString());
    advance(1_000);
    const again = await create(me, 'back again', 'gone');
    expect(again.content).toBe('back again');
    const { items } = await pass(me, since);
    expect(items.map(({ id, deleted }) => ({ id, deleted }))).toEqual([
      { id: 'gone', deleted: false },
    ]);
  });
});

describe('between users', () => {
  const alice = newIdentity();
  const bob = newIdentity();

  beforeAll(async () => {
    for (let i = 0; i < 12; i++) await create(alice, `alice ${i}`, `a${i}`);
    await create(bob, 'bob 0', 'b0');
    await create(bob, 'bob shared', 'shared');
    await create(alice, 'alice shared', 'shared');
    await api.data(alice, DELETE, { id: 'a1' });
  }, 60_000);

  it('each pass holds only the caller’s own changes', async () => {
    const since = encodeCursor(new Date(t - 60_000).toISOString());
    const bobs = [...(await pass(bob, null)).items, ...(await pass(bob, since)).items];
    expect(bobs.map((change) => change.entry?.content).sort()).toEqual([
      'bob 0',
      'bob 0',
      'bob shared',
      'bob shared',
    ]);
    const alices = (await pass(alice, since)).items;
    expect(alices).toHaveLength(13);
    expect(alices.some((change) => change.entry?.content.startsWith('bob'))).toBe(false);
  });

  it('a nextToken of one is refused for the other', async () => {
    for (const since of [null, encodeCursor(new Date(t - 60_000).toISOString())]) {
      const first = await page(alice, { since, limit: 5 });
      expect(first.nextToken).not.toBeNull();
      const body = await api.gql(bob, CHANGES, { since, limit: 5, nextToken: first.nextToken });
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors![0]!.message).toMatch(/another account/);
    }
  });
});

describe('bad input', () => {
  const me = newIdentity();

  it.each([
    ['a since that is no cursor', { since: 'yesterday' }, /since is not a cursor/],
    ['a since of a bad time', { since: encodeCursor('2024-13-01T00:00:00.000Z') }, /since/],
    ['a malformed nextToken', { nextToken: 'x!' }, /nextToken is not one/],
    ['a limit of 0', { limit: 0 }, /limit must be between 1 and 100/],
    ['a limit of 101', { limit: 101 }, /limit must be between 1 and 100/],
  ])('%s is BAD_USER_INPUT', async (_name, variables, message) => {
    const body = await api.gql(me, CHANGES, variables);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors![0]!.message).toMatch(message);
  });

  it('a nextToken from a pass with another since is refused', async () => {
    for (let i = 0; i < 3; i++) await create(me, `x ${i}`);
    const full = await page(me, { since: null, limit: 1 });
    const since = encodeCursor(new Date(t - 60_000).toISOString());
    const body = await api.gql(me, CHANGES, { since, limit: 1, nextToken: full.nextToken });
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('a cursor older than the tombstones’ retention must start again', async () => {
    const since = encodeCursor(new Date(t - TOMBSTONE_RETENTION_MS - 1).toISOString());
    const body = await api.gql(me, CHANGES, { since });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/more than 90 days ago.*send no since/),
        extensions: { code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED' },
      }),
    ]);
    const recent = encodeCursor(new Date(t - TOMBSTONE_RETENTION_MS + 60_000).toISOString());
    expect((await api.gql(me, CHANGES, { since: recent })).errors).toBeUndefined();
  });
});

describe('cost', () => {
  /** A journal of `size` entries written long ago, stored straight into the table. */
  async function journalOf(size: number): Promise<string> {
    const who = newIdentity();
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    const date = '2023-01-01T00:00:00.000Z';
    for (let i = 0; i < size; i += 25) {
      const batch = Array.from({ length: Math.min(25, size - i) }, (_, j) => {
        const id = `e${i + j}`;
        return {
          PutRequest: {
            Item: {
              pk: who,
              sk: id,
              createdSk: createdSkOf(date, id),
              createDate: date,
              updateDate: date,
              updatedSk: updatedSkOf(date, id),
              content: `entry ${i + j}`,
            },
          },
        };
      });
      await doc.send(new BatchWriteCommand({ RequestItems: { [api.tableName]: batch } }));
    }
    return who;
  }

  /** Items DynamoDB read for one changes request. */
  async function readFor(who: string, since: string): Promise<number[]> {
    const before = calls.length;
    await page(who, { since, limit: 100 });
    return calls.slice(before).map((call) => {
      expect(call.command).toBe('QueryCommand');
      expect(call.input['IndexName']).toBe('byUpdateDate');
      return call.output['ScannedCount'] as number;
    });
  }

  it(
    'a sync reads only what changed, whether the journal holds 20 entries or 3,000',
    { timeout: 60_000 },
    async () => {
      const small = await journalOf(20);
      const large = await journalOf(3_000);
      advance(60_000);
      const since = encodeCursor(new Date(t).toISOString());
      advance(1_000);
      for (const who of [small, large]) {
        await api.data(who, UPDATE, { id: 'e7', c: 'edited' });
        await create(who, 'new');
      }
      expect(await readFor(small, since)).toEqual([2]);
      expect(await readFor(large, since)).toEqual([2]);
      advance(60_000);
      const quiet = encodeCursor(new Date(t).toISOString());
      expect(await readFor(small, quiet)).toEqual([0]);
      expect(await readFor(large, quiet)).toEqual([0]);
      // A full pass's page reads one page's worth, never the journal.
      const before = calls.length;
      await page(large, { since: null, limit: 100 });
      const [query] = calls.slice(before);
      expect(query!.command).toBe('QueryCommand');
      expect(query!.output['ScannedCount']).toBe(101);
      expect(calls.some((call) => call.command === 'ScanCommand')).toBe(false);
    },
  );
});
