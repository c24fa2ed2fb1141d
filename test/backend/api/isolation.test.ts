/** Two callers never see or change each other's entries. */
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

let dynamo: LocalDynamo;
let api: TestApi;
const alice = newIdentity();
const bob = newIdentity();
let aliceIds: string[] = [];
let bobIds: string[] = [];

const CREATE = `mutation($content: String!, $id: ID) { createEntry(content: $content, id: $id) { ${ENTRY_FIELDS} } }`;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  api = await startTestApi(dynamo);
  const create = async (who: string, content: string, id?: string) =>
    (await api.data<{ createEntry: EntryShape }>(who, CREATE, { content, id })).createEntry.id;
  aliceIds = [];
  bobIds = [];
  for (let i = 0; i < 5; i++) aliceIds.push(await create(alice, `alice ${i}`));
  for (let i = 0; i < 3; i++) bobIds.push(await create(bob, `bob ${i}`));
  // The same client-chosen id in both journals is two different entries.
  aliceIds.push(await create(alice, 'alice shared', 'shared-id'));
  bobIds.push(await create(bob, 'bob shared', 'shared-id'));
});

afterAll(async () => {
  await dynamo.close();
});

async function contentsOf(who: string): Promise<string[]> {
  const { entries } = await api.data<{ entries: EntryShape[] }>(
    who,
    `{ entries { ${ENTRY_FIELDS} } }`,
  );
  return entries.map((entry) => entry.content);
}

describe('two identities', () => {
  it('list only their own entries', async () => {
    expect((await contentsOf(alice)).sort()).toEqual(
      ['alice 0', 'alice 1', 'alice 2', 'alice 3', 'alice 4', 'alice shared'].sort(),
    );
    expect((await contentsOf(bob)).sort()).toEqual(
      ['bob 0', 'bob 1', 'bob 2', 'bob shared'].sort(),
    );
    const page = await api.data<{ recentEntries: { items: EntryShape[] } }>(
      bob,
      '{ recentEntries(limit: 100) { items { content } nextToken } }',
    );
    expect(page.recentEntries.items.map((e) => e.content).sort()).toEqual(
      ['bob 0', 'bob 1', 'bob 2', 'bob shared'].sort(),
    );
  });

  it("get null for the other's ids", async () => {
    for (const id of aliceIds.filter((id) => id !== 'shared-id')) {
      expect(await api.data(bob, 'query($id: ID!) { entry(id: $id) { id } }', { id })).toEqual({
        entry: null,
      });
    }
    const shared = await api.data<{ entry: EntryShape }>(
      bob,
      '{ entry(id: "shared-id") { content } }',
    );
    expect(shared.entry.content).toBe('bob shared');
  });

  it("cannot update the other's entries", async () => {
    const target = aliceIds[0]!;
    const body = await api.gql(
      bob,
      'mutation($id: ID!) { updateEntry(id: $id, content: "hacked") { id } }',
      {
        id: target,
      },
    );
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
    const { entry } = await api.data<{ entry: EntryShape }>(
      alice,
      'query($id: ID!) { entry(id: $id) { content } }',
      {
        id: target,
      },
    );
    expect(entry.content).toBe('alice 0');
    // Nor does the update create an entry in bob's journal.
    expect(await contentsOf(bob)).not.toContain('hacked');
  });

  it("cannot delete the other's entries", async () => {
    const target = aliceIds[1]!;
    const body = await api.gql(bob, 'mutation($id: ID!) { deleteEntry(id: $id) { id } }', {
      id: target,
    });
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
    expect(await contentsOf(alice)).toContain('alice 1');
  });

  it('a same-id create by the other makes their own entry, not a read of mine', async () => {
    const { createEntry } = await api.data<{ createEntry: EntryShape }>(bob, CREATE, {
      content: 'bob retry',
      id: aliceIds[2],
    });
    expect(createEntry.content).toBe('bob retry');
    expect(await contentsOf(alice)).toContain('alice 2');
    await api.data(bob, 'mutation($id: ID!) { deleteEntry(id: $id) { id } }', { id: aliceIds[2] });
    expect(await contentsOf(alice)).toContain('alice 2');
  });

  it("refuse the other's nextToken", async () => {
    const page = await api.data<{ recentEntries: { nextToken: string | null } }>(
      alice,
      '{ recentEntries(limit: 2) { nextToken } }',
    );
    const token = page.recentEntries.nextToken;
    expect(token).toEqual(expect.any(String));
    const body = await api.gql(
      bob,
      'query($t: String) { recentEntries(limit: 2, nextToken: $t) { items { id } } }',
      {
        t: token,
      },
    );
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0]?.message).toMatch(/another account/);
    expect(body.data).toBeNull();
    // Alice's own token still works for her.
    const next = await api.data<{ recentEntries: { items: EntryShape[] } }>(
      alice,
      'query($t: String) { recentEntries(limit: 2, nextToken: $t) { items { id } } }',
      { t: token },
    );
    expect(next.recentEntries.items).toHaveLength(2);
  });
});
