/**
 * Bringing a local journal table written by an earlier version up to `journalTableSchema`.
 *
 * DynamoDB (and dynalite) cannot change a table's indexes in every way in place — dynalite cannot
 * add a GSI at all — so the table is rebuilt: its items are copied to `<name>-migrating`, the
 * table is made again with the current design, and the items are copied back. Each copy brings an
 * item up to date on the way (an entry from before the changes feed gets `updateDate` and
 * `updatedSk`). Every step can be interrupted: on the next start the state of the two tables says
 * where it stopped, and the migration goes on from there without losing an item. This runs before
 * the stack serves any request, so nothing writes meanwhile.
 */
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { updatedSkOf } from '../api/sortKeys';
import { createTableInput, journalTableSchema } from '../api/table';

export const MIGRATING_SUFFIX = '-migrating';

async function describe(
  client: DynamoDBClient,
  name: string,
): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** Whether a table already has the current design's indexes (the keys never changed). */
export function isCurrentDesign(table: TableDescription): boolean {
  const names = (indexes: { IndexName?: string }[] | undefined) =>
    new Set((indexes ?? []).map((index) => index.IndexName));
  const lsis = names(table.LocalSecondaryIndexes);
  const gsis = names(table.GlobalSecondaryIndexes);
  return (
    journalTableSchema.localSecondaryIndexes.every((index) => lsis.has(index.indexName)) &&
    journalTableSchema.globalSecondaryIndexes.every((index) => gsis.has(index.indexName))
  );
}

/** An item as the current version writes it. */
export function upgradeItem(item: Record<string, unknown>): Record<string, unknown> {
  if (typeof item['updatedSk'] === 'string') return item;
  const sk = item['sk'] as string;
  const updateDate =
    typeof item['updateDate'] === 'string' ? item['updateDate'] : (item['createDate'] as string);
  return { ...item, updateDate, updatedSk: updatedSkOf(updateDate, sk) };
}

async function create(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new CreateTableCommand(createTableInput(name)));
  await waitFor(client, name, (table) => table?.TableStatus === 'ACTIVE');
}

async function drop(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: name }));
  await waitFor(client, name, (table) => table === undefined);
}

async function waitFor(
  client: DynamoDBClient,
  name: string,
  done: (table: TableDescription | undefined) => boolean,
): Promise<void> {
  // dynalite changes a table's status on a timer, even with its delays at 0.
  while (!done(await describe(client, name))) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every item of `from` into `to`, upgraded; puts are idempotent, so a copy can be redone. */
async function copy(client: DynamoDBClient, from: string, to: string): Promise<number> {
  const doc = DynamoDBDocumentClient.from(client);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    // A Scan, once, over a local table at start: a migration, never a request's path.
    const page = await doc.send(new ScanCommand({ TableName: from, ExclusiveStartKey: start }));
    const items = (page.Items ?? []).map(upgradeItem);
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await doc.send(
          new BatchWriteCommand({ RequestItems: { [to]: requests } }),
        );
        requests = (UnprocessedItems?.[to] ?? []) as typeof requests;
      }
    }
    count += items.length;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/**
 * Makes sure `name` exists with the current design, migrating an older one (or finishing an
 * interrupted migration). Returns what it did, for the stack's log.
 */
export async function ensureCurrentTable(
  client: DynamoDBClient,
  name: string,
): Promise<'created' | 'current' | 'migrated'> {
  const temp = `${name}${MIGRATING_SUFFIX}`;
  let table = await describe(client, name);
  const tempTable = await describe(client, temp);
  if (table && isCurrentDesign(table) && !tempTable) {
    await waitFor(client, name, (t) => t?.TableStatus === 'ACTIVE');
    return 'current';
  }
  if (!table && !tempTable) {
    await create(client, name);
    return 'created';
  }
  if (table && !isCurrentDesign(table)) {
    // The old table is still whole: a half-made copy from an interrupted run is started again.
    if (tempTable) await drop(client, temp);
    await create(client, temp);
    await copy(client, name, temp);
    await drop(client, name);
    table = undefined;
  }
  // From here every item is in `temp`; `name` is missing, or current and perhaps half filled.
  if (!table) await create(client, name);
  await copy(client, temp, name);
  await drop(client, temp);
  return 'migrated';
}
