import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
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
  close(): Promise<void>;
}

/** dynalite in this process (LevelDB on disk at `path`, or in memory), on an ephemeral loopback port. */
export async function startDynamo(path: string | null, region: string): Promise<LocalDynamo> {
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
  return {
    client,
    async close() {
      client.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((e) => (e ? reject(e) : resolve())),
      );
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
