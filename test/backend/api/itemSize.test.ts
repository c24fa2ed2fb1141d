/**
 * DynamoDB's 400 KB item limit, checked by the API in UTF-8 before the write. dynalite measures
 * UTF-16, so without the API's own check the local stack would store what DynamoDB refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codesOf,
  ENTRY_FIELDS,
  newIdentity,
  startTestApi,
  type EntryShape,
  type TestApi,
} from './api';
import { startLocalDynamo, type LocalDynamo } from './dynamo';
import { MAX_ENTRY_CHARS, MAX_URL_CHARS } from '../../../src/shared/entryLimits';

let dynamo: LocalDynamo;
let api: TestApi;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  api = await startTestApi(dynamo);
});

afterAll(async () => {
  await dynamo.close();
});

const CREATE = `mutation Create($content: String!, $attachments: [AttachmentInput]) {
  createEntry(content: $content, attachments: $attachments) { ${ENTRY_FIELDS} }
}`;
const UPDATE = `mutation Update($id: ID!, $content: String!, $attachments: [AttachmentInput]) {
  updateEntry(id: $id, content: $content, attachments: $attachments) { ${ENTRY_FIELDS} }
}`;
const ENTRIES = `{ entries { ${ENTRY_FIELDS} } }`;

// 65,536 characters of four UTF-8 bytes each: within the character limit, 256 KB of text.
const EMOJI_TEXT = '😀'.repeat(MAX_ENTRY_CHARS);
const url = (i: number) =>
  `https://example.com/${String(i).padStart(4, '0')}/${'a'.repeat(MAX_URL_CHARS - 30)}`;
const HUNDRED = Array.from({ length: 100 }, (_, i) => ({ position: i, url: url(i) }));

describe('the stored item’s size', () => {
  it('refuses 65,536 four-byte characters with 100 long attachment URLs, saying what to do', async () => {
    const me = newIdentity();
    const body = await api.gql(me, CREATE, { content: EMOJI_TEXT, attachments: HUNDRED });
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0]?.message).toMatch(
      /^This entry is too large to store\. Its text and attachment addresses take [\d,]+ KB; the journal keeps at most 392 KB per entry\. Shorten the text or remove some attachments, then save again\.$/,
    );
    const { entries } = await api.data<{ entries: EntryShape[] }>(me, ENTRIES);
    expect(entries).toEqual([]);
  });

  it('stores the same text alone, and the same attachments with short text', async () => {
    const me = newIdentity();
    await api.data(me, CREATE, { content: EMOJI_TEXT });
    await api.data(me, CREATE, { content: 'x'.repeat(MAX_ENTRY_CHARS), attachments: HUNDRED });
    const { entries } = await api.data<{ entries: EntryShape[] }>(me, ENTRIES);
    expect(entries).toHaveLength(2);
  });

  it('refuses an update that would make the item too large', async () => {
    const me = newIdentity();
    const { createEntry } = await api.data<{ createEntry: EntryShape }>(me, CREATE, {
      content: 'short',
    });
    const body = await api.gql(me, UPDATE, {
      id: createEntry.id,
      content: EMOJI_TEXT,
      attachments: HUNDRED,
    });
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0]?.message).toMatch(/too large to store/);
  });
});
