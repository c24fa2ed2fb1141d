import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataDamagedError } from './dataDamage';
import { secureFolder } from './dataDir';
import { patchDynalite } from './dynalitePatches';
import { removeDanglingIndexEntries } from './dynaliteRepair';
import { checkLedger, currentFiles, writeLedger } from './dynamoLedger';
import { checkLevelDbFolder } from './leveldbCheck';

// How often the ledger and the files' modes catch up with LevelDB while the stack runs.
const LOOK_MS = 500;
import { ensureCurrentTable } from './migrateTable';

// dynalite ships no types: this is the one function of it that is used.
const dynalite = createRequire(import.meta.url)('dynalite') as (options: {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;

export interface LocalDynamo {
  client: DynamoDBClient;
  /** Once the database is open: keep the ledger and the files' modes up to date until close. */
  watch(): void;
  close(): Promise<void>;
}

/**
 * Refuses a damaged LevelDB folder (checksums, and sizes against the ledger kept beside it) with a
 * DataDamagedError naming the file; LevelDB itself would open it with records silently missing.
 */
function checkFolder(path: string): void {
  const damage = checkLevelDbFolder(path) ?? checkLedger(dirname(path), path);
  if (damage) throw new DataDamagedError(damage.file, damage.problem);
}

/** Keeps the ledger and the files' modes (LevelDB creates its files 644) up to date. */
function watchFolder(path: string): () => void {
  let last = '';
  const look = () => {
    const now = JSON.stringify(currentFiles(path));
    if (now === last) return;
    writeLedger(dirname(path), path);
    secureFolder(path);
    last = now;
  };
  look();
  const timer = setInterval(look, LOOK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    look();
  };
}

/** dynalite in this process (LevelDB on disk at `path`, or in memory), on an ephemeral loopback port. */
export async function startDynamo(
  path: string | null,
  region: string,
  log: (line: string) => void = () => {},
): Promise<LocalDynamo> {
  patchDynalite();
  if (path) {
    checkFolder(path);
    if (existsSync(join(path, 'CURRENT'))) {
      const removed = await removeDanglingIndexEntries(path);
      if (removed > 0)
        log(`[dynamodb] removed ${removed} half-written index entries an earlier crash left`);
    }
  }
  const server = dynalite({
    ...(path ? { path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region,
    // dynalite checks no signature, but the SDK wants something to sign with.
    credentials: { accessKeyId: 'AKIDLOCALSTACK', secretAccessKey: 'local' },
  });
  let unwatch = (): void => {};
  return {
    client,
    watch() {
      if (path) unwatch = watchFolder(path);
    },
    async close() {
      client.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((e) => (e ? reject(e) : resolve())),
      );
      unwatch();
    },
  };
}

/**
 * Creates the journal table unless it is there, and waits until it is ACTIVE. A table written by
 * an earlier version is migrated to the current design first (migrateTable.ts).
 */
export async function ensureJournalTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await ensureCurrentTable(client, tableName);
}
