/** A local table written before the changes feed is migrated on start, even after a crash midway. */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DeleteTableCommand,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../backend/api/handler';
import { createTableInput } from '../../../backend/api/table';
import { ensureJournalTable, startDynamo, type LocalDynamo } from '../../../backend/local/dynamo';
import { ensureCurrentTable, MIGRATING_SUFFIX } from '../../../backend/local/migrateTable';
import { proxyEvent } from '../api/events';

const TABLE = 'journal';
const OWNER = 'us-east-1:11111111-2222-3333-4444-555555555555';
const dirs: string[] = [];
const open: LocalDynamo[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((dynamo) => dynamo.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dir: string): Promise<LocalDynamo> {
  const dynamo = await startDynamo(dir, 'us-east-1');
  open.push(dynamo);
  return dynamo;
}

async function restart(dynamo: LocalDynamo, dir: string): Promise<LocalDynamo> {
  open.splice(open.indexOf(dynamo), 1);
  await dynamo.close();
  return start(dir);
}

/** The table as the first version made it: the byCreateDate LSI only. */
function oldTableInput(name: string) {
  const input = createTableInput(name);
  return {
    ...input,
    AttributeDefinitions: input.AttributeDefinitions!.filter(
      (definition) => definition.AttributeName !== 'updatedSk',
    ),
    GlobalSecondaryIndexes: undefined,
  };
}

/** Entries as the first version wrote them: no updatedSk; updateDate only once edited. */
const legacy = Array.from({ length: 60 }, (_, i) => {
  const id = `old${String(i).padStart(2, '0')}`;
  const createDate = new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();
  return {
    pk: OWNER,
    sk: id,
    createdSk: `${createDate}#${id}`,
    createDate,
    content: `legacy ${i}`,
    ...(i % 10 === 0 ? { updateDate: new Date(Date.UTC(2024, 2, 1, 0, i)).toISOString() } : {}),
  };
});

async function writeLegacy(dynamo: LocalDynamo, table: string): Promise<void> {
  await dynamo.client.send(new CreateTableCommand(oldTableInput(table)));
  for (;;) {
    const { Table } = await dynamo.client.send(new DescribeTableCommand({ TableName: table }));
    if (Table?.TableStatus === 'ACTIVE') break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const doc = DynamoDBDocumentClient.from(dynamo.client);
  for (let i = 0; i < legacy.length; i += 25) {
    await doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [table]: legacy.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  }
}

async function tables(dynamo: LocalDynamo): Promise<string[]> {
  const names: string[] = [];
  for (const name of [TABLE, `${TABLE}${MIGRATING_SUFFIX}`]) {
    try {
      await dynamo.client.send(new DescribeTableCommand({ TableName: name }));
      names.push(name);
    } catch {
      // missing
    }
  }
  return names;
}

async function gql(dynamo: LocalDynamo, query: string, variables?: Record<string, unknown>) {
  const handler = createApiHandler({
    client: dynamo.client,
    tableName: TABLE,
    now: () => new Date('2024-04-01T00:00:00.000Z'),
    log: () => {},
  });
  const result = await handler(proxyEvent({ identityId: OWNER, body: { query, variables } }));
  const body = JSON.parse(result.body) as { data: Record<string, unknown>; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** What a person must still see after the migration, through the API. */
async function expectMigrated(dynamo: LocalDynamo): Promise<void> {
  expect(await tables(dynamo)).toEqual([TABLE]);
  const { Table } = await dynamo.client.send(new DescribeTableCommand({ TableName: TABLE }));
  expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byUpdateDate']);
  const { Items = [] } = await DynamoDBDocumentClient.from(dynamo.client).send(
    new ScanCommand({ TableName: TABLE }),
  );
  expect(Items).toHaveLength(legacy.length);
  const { entries } = (await gql(dynamo, '{ entries { id content updateDate } }')) as {
    entries: { id: string; content: string; updateDate: string }[];
  };
  expect(entries.map((entry) => entry.id)).toEqual(legacy.map((item) => item.sk).reverse());
  // Every entry is now in the changes feed, at its last edit or else at its creation.
  const since = '2024-02-15T00:00:00.000Z';
  const cursor = Buffer.from(JSON.stringify({ v: 1, t: since })).toString('base64url');
  const { changes } = (await gql(
    dynamo,
    'query($s: String) { changes(since: $s) { items { id updateDate } } }',
    { s: cursor },
  )) as { changes: { items: { id: string }[] } };
  expect(changes.items.map((change) => change.id)).toEqual([
    'old50',
    'old40',
    'old30',
    'old20',
    'old10',
    'old00',
  ]);
  // And it can be edited and deleted as any entry.
  await gql(dynamo, 'mutation { updateEntry(id: "old01", content: "edited") { id } }');
  await gql(dynamo, 'mutation { deleteEntry(id: "old02") { id } }');
}

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'journal-migrate-'));
  dirs.push(dir);
  return dir;
}

describe('ensureJournalTable with a table from an earlier version', () => {
  it('migrates it on start, keeping every entry, and survives a restart', async () => {
    const dir = newDir();
    let dynamo = await start(dir);
    await writeLegacy(dynamo, TABLE);
    dynamo = await restart(dynamo, dir);
    await ensureJournalTable(dynamo.client, TABLE);
    await expectMigrated(dynamo);
    dynamo = await restart(dynamo, dir);
    expect(await ensureCurrentTable(dynamo.client, TABLE)).toBe('current');
    const { entry } = (await gql(dynamo, '{ entry(id: "old01") { content } }')) as {
      entry: { content: string };
    };
    expect(entry.content).toBe('edited');
  });

  it('finishes a migration interrupted after the old table was dropped', async () => {
    const dir = newDir();
    const dynamo = await start(dir);
    await writeLegacy(dynamo, `${TABLE}${MIGRATING_SUFFIX}`);
    expect(await ensureCurrentTable(dynamo.client, TABLE)).toBe('migrated');
    await expectMigrated(dynamo);
  });

  it('starts again a migration interrupted while copying out', async () => {
    const dir = newDir();
    const dynamo = await start(dir);
    await writeLegacy(dynamo, TABLE);
    // A half-made copy: the new design, a few items.
    await dynamo.client.send(
      new CreateTableCommand(createTableInput(`${TABLE}${MIGRATING_SUFFIX}`)),
    );
    expect(await ensureCurrentTable(dynamo.client, TABLE)).toBe('migrated');
    await expectMigrated(dynamo);
  });

  it('finishes a migration interrupted while copying back', async () => {
    const dir = newDir();
    const dynamo = await start(dir);
    await writeLegacy(dynamo, `${TABLE}${MIGRATING_SUFFIX}`);
    await dynamo.client.send(new CreateTableCommand(createTableInput(TABLE)));
    expect(await ensureCurrentTable(dynamo.client, TABLE)).toBe('migrated');
    await expectMigrated(dynamo);
  });

  it('creates a table that is missing, and leaves a current one alone', async () => {
    const dynamo = await start(newDir());
    expect(await ensureCurrentTable(dynamo.client, TABLE)).toBe('created');
    expect(await ensureCurrentTable(dynamo.client, TABLE)).toBe('current');
    await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
  });
});
