import { createRequire } from 'node:module';

// dynalite 4 (the local DynamoDB) has two defects the local stack cannot live with, fixed here by
// replacing two functions its actions call through its `db` module at call time:
//
// 1. A PutItem, UpdateItem or DeleteItem wrote the secondary-index entries and the item as separate
//    LevelDB writes, so a kill in between left an entry the index lists but GetItem does not find.
//    `updateIndexes` now writes the index entries and the item in one LevelDB batch (atomic); the
//    action's own item write that follows rewrites the same value.
// 2. A Query or Scan that stops early (Limit, 1 MB) never closed its LevelDB iterator (its stream's
//    destroy() looks for a `return()` that abstract-level iterators do not have), and every open
//    iterator stays attached to the database until it closes: about 1 KB of heap per Query in
//    memory, 8 KB on disk. `queryTable` now closes the iterators it opened once it has answered.

interface Table {
  TableName: string;
  KeySchema: { AttributeName: string }[];
  LocalSecondaryIndexes?: Index[];
  GlobalSecondaryIndexes?: Index[];
}
interface Index {
  IndexName: string;
}
type Item = Record<string, unknown>;
type Callback = (err?: unknown, ...rest: unknown[]) => void;
interface BatchOp {
  type: 'put' | 'del';
  key: string;
  value?: unknown;
}
interface Closable {
  close(): Promise<void>;
}
interface LevelDb {
  batch(ops: BatchOp[], cb: Callback): void;
  values(options: unknown): Closable;
}
interface Store {
  db: LevelDb;
}
interface DynaliteDb {
  updateIndexes(
    store: Store,
    table: Table,
    existing: Item | null,
    item: Item | null,
    cb: Callback,
  ): void;
  getIndexActions(
    indexes: Index[],
    existing: Item | null,
    item: Item | null,
    table: Table,
  ): {
    puts: { index: string; key: string; item: Item }[];
    deletes: { index: string; key: string }[];
  };
  createKey(item: Item, table: Table): string;
  queryTable(store: Store, ...rest: unknown[]): void;
}

const requireFromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const dynaliteDb = requireFromDynalite('./db') as DynaliteDb & { __journalPatched?: true };

// The key prefixes of dynalite's getItemDb/getIndexDb (one LevelDB, prefixed keys).
const itemPrefix = (table: string): string => `item-${table}~`;
const indexPrefix = (type: 'Local' | 'Global', table: string, index: string): string =>
  `index-${type.toLowerCase()}~${table}~${index}~`;

function atomicUpdateIndexes(
  store: Store,
  table: Table,
  existing: Item | null,
  item: Item | null,
  cb: Callback,
): void {
  if (!existing && !item) return cb();
  const deletes: BatchOp[] = [];
  const puts: BatchOp[] = [];
  for (const type of ['Local', 'Global'] as const) {
    const indexes = table[`${type}SecondaryIndexes`] ?? [];
    const actions = dynaliteDb.getIndexActions(indexes, existing, item, table);
    for (const d of actions.deletes)
      deletes.push({ type: 'del', key: indexPrefix(type, table.TableName, d.index) + d.key });
    for (const p of actions.puts)
      puts.push({
        type: 'put',
        key: indexPrefix(type, table.TableName, p.index) + p.key,
        value: p.item,
      });
  }
  const whole = item ?? existing;
  if (!whole) return cb();
  const key = itemPrefix(table.TableName) + dynaliteDb.createKey(whole, table);
  const itemOp: BatchOp = item ? { type: 'put', key, value: item } : { type: 'del', key };
  store.db.batch([...deletes, ...puts, itemOp], (err) => cb(err));
}

// Iterators opened by the synchronous start of a queryTable call (dynalite opens its one value
// stream there), collected through the database's `values()`.
let collecting: Closable[] | null = null;
const wrappedDbs = new WeakSet<object>();

function collectIterators(db: LevelDb): void {
  if (wrappedDbs.has(db)) return;
  wrappedDbs.add(db);
  const values = db.values.bind(db);
  db.values = (options: unknown): Closable => {
    const iterator = values(options);
    collecting?.push(iterator);
    return iterator;
  };
}

function closingQueryTable(original: DynaliteDb['queryTable']): DynaliteDb['queryTable'] {
  return function queryTable(store: Store, ...rest: unknown[]): void {
    collectIterators(store.db);
    const opened: Closable[] = [];
    const cb = rest[rest.length - 1] as Callback;
    const done: Callback = (...args) => {
      // dynalite's stream would close its iterator only if it had been read to the end.
      for (const iterator of opened) iterator.close().catch(() => undefined);
      cb(...args);
    };
    const outer = collecting;
    collecting = opened;
    try {
      original(store, ...rest.slice(0, -1), done);
    } finally {
      collecting = outer;
    }
  };
}

/** Applies both fixes once per process (dynalite's module is shared by every stack in it). */
export function patchDynalite(): void {
  if (dynaliteDb.__journalPatched) return;
  dynaliteDb.__journalPatched = true;
  dynaliteDb.updateIndexes = atomicUpdateIndexes;
  dynaliteDb.queryTable = closingQueryTable(dynaliteDb.queryTable.bind(dynaliteDb));
}
