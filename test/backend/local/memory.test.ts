import { PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import { ensureJournalTable, startDynamo } from '../../../backend/local/dynamo';

// dynalite left the LevelDB iterator of every Query that stopped early open: about 8 KB of heap per
// list call on disk, for as long as the stack ran. The bench's soak figure measures the whole stack;
// this is the regression test for the store alone.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const dir = mkdtempSync(join(tmpdir(), 'journal-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the heap flat under a stream of list Queries', { timeout: 60_000 }, async () => {
  const dynamo = await startDynamo(join(dir, 'dynamodb'), 'us-east-1');
  try {
    await ensureJournalTable(dynamo.client, 'journal');
    for (let i = 0; i < 60; i++) {
      await dynamo.client.send(
        new PutItemCommand({
          TableName: 'journal',
          Item: {
            pk: { S: 'us-east-1:memory' },
            sk: { S: `id-${i}` },
            createdSk: { S: `2026-12-01T00:00:${String(i).padStart(2, '0')}.000Z#id-${i}` },
            content: { S: 'x'.repeat(300) },
          },
        }),
      );
    }
    const list = () =>
      dynamo.client.send(
        new QueryCommand({
          TableName: 'journal',
          IndexName: 'byCreateDate',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'us-east-1:memory' } },
          ScanIndexForward: false,
          Limit: 20,
        }),
      );
    for (let i = 0; i < 500; i++) await list();
    const before = heapAfterGc();
    const calls = 3000;
    for (let i = 0; i < calls; i++) await list();
    const perCall = (heapAfterGc() - before) / calls;
    // Measured: about 8,400 bytes per call before the fix, under 300 after.
    expect(perCall).toBeLessThan(1500);
  } finally {
    await dynamo.close();
  }
});
