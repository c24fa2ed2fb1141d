/** recentEntries pages newest first with no duplicate and no gap; entries returns them all. */
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdSkOf } from '../../../backend/api/store';
import { newIdentity, startTestApi, type EntryShape, type TestApi } from './api';
import { startLocalDynamo, type LocalDynamo } from './dynamo';

let dynamo: LocalDynamo;
let api: TestApi;
const owner = newIdentity();
const TOTAL = 250;
/** Ids newest first, as every listing must return them. */
let expectedIds: string[] = [];

interface PageData {
  recentEntries: { items: EntryShape[]; nextToken: string | null };
}

const PAGE = `query Page($limit: Int, $nextToken: String) {
  recentEntries(limit: $limit, nextToken: $nextToken) { items { id createDate content } nextToken }
}`;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  api = await startTestApi(dynamo);
  // 250 entries through the API; every fifth group shares one createDate to test the id tie-break.
  const created: { id: string; createDate: string }[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const createDate = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 5) * 60_000).toISOString();
    const { createEntry } = await api.data<{ createEntry: EntryShape }>(
      owner,
      'mutation($c: String!, $d: String, $id: ID) { createEntry(content: $c, createDate: $d, id: $id) { id createDate } }',
      { c: `entry ${i}`, d: createDate, id: `e${String(i).padStart(4, '0')}` },
    );
    created.push(createEntry);
  }
  expectedIds = created
    .map((entry) => ({ id: entry.id, sortKey: createdSkOf(entry.createDate, entry.id) }))
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1))
    .map((entry) => entry.id);
  // Someone else's entries in the same table must not show up.
  const other = newIdentity();
  for (let i = 0; i < 30; i++) {
    await api.data(other, 'mutation($c: String!) { createEntry(content: $c) { id } }', {
      c: `other ${i}`,
    });
  }
  // 280 requests one after another: seconds on a quiet machine, more under load.
}, 60_000);

afterAll(async () => {
  await dynamo.close();
});

async function readAllPages(
  limit: number | undefined,
): Promise<{ ids: string[]; pageSizes: number[] }> {
  const ids: string[] = [];
  const pageSizes: number[] = [];
  let nextToken: string | null = null;
  do {
    const { recentEntries }: PageData = await api.data<PageData>(owner, PAGE, { limit, nextToken });
    ids.push(...recentEntries.items.map((entry) => entry.id));
    pageSizes.push(recentEntries.items.length);
    nextToken = recentEntries.nextToken;
    expect(pageSizes.length).toBeLessThanOrEqual(TOTAL); // a loop that never ends is a failure
  } while (nextToken);
  return { ids, pageSizes };
}

describe('recentEntries over 250 entries', () => {
  it.each([
    [20, [...Array<number>(12).fill(20), 10]],
    [100, [100, 100, 50]],
    [undefined, [...Array<number>(12).fill(20), 10]], // the default limit is 20
    [1, Array<number>(250).fill(1)],
    [50, [50, 50, 50, 50, 50]], // an exact multiple: the last full page has no nextToken
  ])('limit %s: newest first, no duplicate, no gap', async (limit, sizes) => {
    const { ids, pageSizes } = await readAllPages(limit);
    expect(pageSizes).toEqual(sizes);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids).toEqual(expectedIds);
  });

  it('shows the newest first, with the newest createDate on top', async () => {
    const { recentEntries } = await api.data<{ recentEntries: { items: EntryShape[] } }>(
      owner,
      PAGE,
      {
        limit: 3,
      },
    );
    expect(recentEntries.items.map((entry) => entry.content)).toEqual([
      'entry 249',
      'entry 248',
      'entry 247',
    ]);
    const dates = recentEntries.items.map((entry) => entry.createDate);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('entries (the original query) returns all 250, newest first', async () => {
    const { entries } = await api.data<{ entries: EntryShape[] }>(owner, '{ entries { id } }');
    expect(entries.map((entry) => entry.id)).toEqual(expectedIds);
  });

  it('a token stays valid when its entry is deleted meanwhile', async () => {
    const first = await api.data<{ recentEntries: { items: EntryShape[]; nextToken: string } }>(
      owner,
      PAGE,
      {
        limit: 10,
      },
    );
    const last = first.recentEntries.items[9]!;
    await api.data(owner, 'mutation($id: ID!) { deleteEntry(id: $id) { id } }', { id: last.id });
    const second = await api.data<{ recentEntries: { items: EntryShape[] } }>(owner, PAGE, {
      limit: 10,
      nextToken: first.recentEntries.nextToken,
    });
    expect(second.recentEntries.items.map((entry) => entry.id)).toEqual(expectedIds.slice(10, 20));
    // Put it back for the other tests.
    await api.data(
      owner,
      'mutation($c: String!, $d: String, $id: ID) { createEntry(content: $c, createDate: $d, id: $id) { id } }',
      {
        c: last.content,
        d: last.createDate,
        id: last.id,
      },
    );
  });

  it('an empty journal is one empty page', async () => {
    const body = await api.data<{ recentEntries: unknown; entries: unknown }>(
      newIdentity(),
      '{ recentEntries { items { id } nextToken } entries { id } }',
    );
    expect(body).toEqual({ recentEntries: { items: [], nextToken: null }, entries: [] });
  });
});

describe('entries across DynamoDB pages', () => {
  it('follows LastEvaluatedKey past 1 MB of items', async () => {
    // 40 entries of ~60 KB each are ~2.4 MB: more than one DynamoDB Query page.
    const big = newIdentity();
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    const items = Array.from({ length: 40 }, (_, i) => {
      const id = `big${String(i).padStart(2, '0')}`;
      const createDate = new Date(Date.UTC(2024, 1, 1, 0, i)).toISOString();
      return {
        pk: big,
        sk: id,
        createdSk: createdSkOf(createDate, id),
        createDate,
        content: `${i}`.padEnd(60_000, '.'),
      };
    });
    for (let i = 0; i < items.length; i += 25) {
      await doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [api.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }
    const { entries } = await api.data<{ entries: EntryShape[] }>(big, '{ entries { id } }');
    expect(entries.map((entry) => entry.id)).toEqual(items.map((item) => item.sk).reverse());
    // A page of 100 stops at 1 MB: fewer items, and a nextToken that carries on without a gap.
    const seen: string[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const { recentEntries }: PageData = await api.data<PageData>(
        big,
        'query($t: String) { recentEntries(limit: 100, nextToken: $t) { items { id } nextToken } }',
        {
          t: nextToken,
        },
      );
      seen.push(...recentEntries.items.map((entry) => entry.id));
      nextToken = recentEntries.nextToken;
      pages++;
    } while (nextToken && pages < 10);
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual(items.map((item) => item.sk).reverse());
  });
});
