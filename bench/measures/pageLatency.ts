import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { createApiHandler } from '../../backend/api/handler';
import { createdSkOf } from '../../backend/api/store';
import { startLocalDynamo } from '../../test/backend/api/dynamo';
import { proxyEvent } from '../../test/backend/api/events';
import type { Figure } from '../report';
import { repeat, summarize } from '../stats';

const SMALL = 'us-east-1:00000000-0000-4000-8000-000000000100';
const LARGE = 'us-east-1:00000000-0000-4000-8000-000000010000';
const PAGE = '{ recentEntries(limit: 20) { items { id createDate content } nextToken } }';

/**
 * `recentEntries` latency with 10,000 entries stored ÷ with 100: a Query costs the same whatever
 * the journal's size, where a Scan would grow with it. Through the API handler against DynamoDB's API.
 */
export async function measurePageLatency(runs: number): Promise<Figure[]> {
  const dynamo = await startLocalDynamo();
  try {
    const tableName = await dynamo.createJournalTable('journal-bench');
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    const handler = createApiHandler({ client: dynamo.client, tableName, log: () => {} });
    // Two journals in one table, timed turn about, so neither size gets the warmer process.
    const seed = async (identityId: string, total: number) => {
      const start = Date.UTC(2020, 0, 1);
      let stored = 0;
      while (stored < total) {
        const batch = [];
        for (; batch.length < 25 && stored < total; stored++) {
          const id = `bench-${String(stored).padStart(6, '0')}`;
          const createDate = new Date(start + stored * 60_000).toISOString();
          const content = `Entry ${stored}: ${'lorem ipsum dolor sit amet '.repeat(8)}`;
          batch.push({
            PutRequest: {
              Item: {
                pk: identityId,
                sk: id,
                createdSk: createdSkOf(createDate, id),
                createDate,
                content,
              },
            },
          });
        }
        let request: Record<string, typeof batch> | undefined = { [tableName]: batch };
        while (request && Object.keys(request).length > 0) {
          const { UnprocessedItems } = await doc.send(
            new BatchWriteCommand({ RequestItems: request }),
          );
          request = UnprocessedItems as typeof request;
        }
      }
    };
    const timePage = async (identityId: string) => {
      const t0 = performance.now();
      const result = await handler(proxyEvent({ identityId, body: { query: PAGE } }));
      const ms = performance.now() - t0;
      if (result.statusCode !== 200 || !result.body.includes('"nextToken"'))
        throw new Error(`page failed: ${result.body.slice(0, 200)}`);
      return ms;
    };
    await seed(SMALL, 100);
    await seed(LARGE, 10_000);
    const smallRuns: number[] = [];
    const largeRuns = await repeat(
      Math.max(runs * 20, 100),
      async () => {
        smallRuns.push(await timePage(SMALL));
        return timePage(LARGE);
      },
      30,
    );
    const small = summarize(smallRuns.slice(30));
    const large = summarize(largeRuns);
    return [
      { name: 'pageLatencyMs.100', unit: 'ms', value: small.median, summary: small },
      { name: 'pageLatencyMs.10000', unit: 'ms', value: large.median, summary: large },
      {
        name: 'pageLatencyRatio',
        unit: '×',
        value: large.median / small.median,
        note: '10,000 entries ÷ 100',
      },
    ];
  } finally {
    await dynamo.close();
  }
}
