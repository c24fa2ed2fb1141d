import { createRequire } from 'node:module';

// Folders written before the store's writes became atomic (dynalitePatches.ts) can hold index
// entries whose item was never written: a create cut off by a kill, listed but unreadable, and
// listed twice once retried. At start, before dynalite opens the folder, such entries are removed
// (an index entry can be rebuilt from its item, never the other way round). Items are not touched.

interface Table {
  TableName: string;
  LocalSecondaryIndexes?: { IndexName: string }[];
  GlobalSecondaryIndexes?: { IndexName: string }[];
}
interface LevelDb {
  open(): Promise<void>;
  close(): Promise<void>;
  get(key: string): Promise<unknown>;
  batch(ops: { type: 'del'; key: string }[]): Promise<void>;
  iterator(options: { gte: string; lt: string }): AsyncIterable<[string, unknown]>;
}
type LevelCtor = new (path: string, options: { valueEncoding: 'json' }) => LevelDb;

const requireFromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const { Level } = requireFromDynalite('level') as { Level: LevelCtor };
const { createKey } = requireFromDynalite('./db') as {
  createKey(item: unknown, table: Table): string;
};

const range = (prefix: string) => ({ gte: prefix, lt: `${prefix}\xff` });

/** Removes index entries without their item; returns how many. The folder must not be open. */
export async function removeDanglingIndexEntries(path: string): Promise<number> {
  const db = new Level(path, { valueEncoding: 'json' });
  await db.open();
  try {
    const tables: Table[] = [];
    for await (const [, table] of db.iterator(range('table~'))) tables.push(table as Table);
    const dangling: string[] = [];
    for (const table of tables) {
      const indexes = [
        ...(table.LocalSecondaryIndexes ?? []).map(
          (i) => `local~${table.TableName}~${i.IndexName}`,
        ),
        ...(table.GlobalSecondaryIndexes ?? []).map(
          (i) => `global~${table.TableName}~${i.IndexName}`,
        ),
      ];
      for (const index of indexes) {
        for await (const [key, item] of db.iterator(range(`index-${index}~`))) {
          const itemKey = `item-${table.TableName}~${createKey(item, table)}`;
          if ((await db.get(itemKey)) === undefined) dangling.push(key);
        }
      }
    }
    if (dangling.length) await db.batch(dangling.map((key) => ({ type: 'del', key })));
    return dangling.length;
  } finally {
    await db.close();
  }
}
