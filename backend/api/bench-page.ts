/**
 * Latency of one page, `recentEntries(limit: 20)`, through the handler against an in-memory
 * DynamoDB (dynalite), with 100 and then 10,000 entries stored for one identity.
 *
 *   npx tsx backend/api/bench-page.ts            (BENCH_RUNS=200 by default)
 *
 * Prints medians; not a test, so nothing here fails on a slow machine.
 */
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { startLocalDynamo } from '../../test/backend/api/dynamo';
import { proxyEvent } from '../../test/backend/api/events';
import { createApiHandler } from './handler';
import { createdSkOf } from './store';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 200);
const WARMUP = 20;
const identityId = 'us-east-1:00000000-0000-4000-8000-000000000bec';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main() {
  const dynamo = await startLocalDynamo();
  const tableName = await dynamo.createJournalTable('journal-bench');
  const doc = DynamoDBDocumentClient.from(dynamo.client);
  const handler = createApiHandler({ client: dynamo.client, tableName, log: console.error });
  let stored = 0;

  async function seedUpTo(total: number) {
    const start = Date.UTC(2020, 0, 1);
    while (stored < total) {
      const batch = [];
      for (; batch.length < 25 && stored < total; stored++) {
        const id = `bench-${String(stored).padStart(6, '0')}`;
        const createDate = new Date(start + stored * 60_000).toISOString();
        const Item = {
          pk: identityId,
          sk: id,
          createdSk: createdSkOf(createDate, id),
          createDate,
          content: `Entry ${stored}: ${'lorem ipsum dolor sit amet '.repeat(8)}`,
          attachments: [],
        };
        batch.push({ PutRequest: { Item } });
      }
      let request: Record<string, (typeof batch)[number][]> | undefined = { [tableName]: batch };
      while (request && Object.keys(request).length > 0) {
        const { UnprocessedItems } = await doc.send(
          new BatchWriteCommand({ RequestItems: request }),
        );
        request = UnprocessedItems as typeof request;
      }
    }
  }

  async function timePage(): Promise<number> {
    const event = proxyEvent({
      identityId,
      body: { query: '{ recentEntries(limit: 20) { items { id createDate content } nextToken } }' },
    });
    const t0 = performance.now();
    const result = await handler(event);
    const ms = performance.now() - t0;
    const body = JSON.parse(result.body) as { data?: { recentEntries: { items: unknown[] } } };
    if (result.statusCode !== 200 || body.data?.recentEntries.items.length !== 20) {
      throw new Error(`unexpected answer: ${result.statusCode} ${result.body.slice(0, 300)}`);
    }
    return ms;
  }

  for (const total of [100, 10_000]) {
    const seedStart = performance.now();
    await seedUpTo(total);
    const seedMs = performance.now() - seedStart;
    for (let i = 0; i < WARMUP; i++) await timePage();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timePage());
    times.sort((a, b) => a - b);
    console.log(
      `recentEntries(limit:20) with ${String(total).padStart(6)} entries: ` +
        `median ${quantile(times, 0.5).toFixed(2)} ms, p90 ${quantile(times, 0.9).toFixed(2)} ms, ` +
        `min ${times[0]!.toFixed(2)} ms over ${RUNS} runs (seeding took ${(seedMs / 1000).toFixed(1)} s)`,
    );
    // For contrast: the original `entries` query reads the whole journal, so it grows with it.
    const all: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await handler(proxyEvent({ identityId, body: { query: '{ entries { id } }' } }));
      all.push(performance.now() - t0);
    }
    all.sort((a, b) => a - b);
    console.log(
      `  (contrast) entries, all ${total}: median ${quantile(all, 0.5).toFixed(1)} ms over 5 runs`,
    );
  }
  await dynamo.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
