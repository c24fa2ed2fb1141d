import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startDynamo } from '../../../backend/local/dynamo';

// SIGKILL in a burst of writes, five times over, in bounded time: afterwards every entry the index
// lists can be read, every acknowledged write is there, and the folder is not taken for damaged.

const dir = mkdtempSync(join(tmpdir(), 'journal-kill-'));
const path = join(dir, 'dynamodb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tsx = createRequire(import.meta.url).resolve('tsx');
const child = join(import.meta.dirname, 'killChild.ts');

/** Runs the child until it has acknowledged `acks` puts, then kills it; returns the acknowledged ids. */
function burstThenKill(round: number, acks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', tsx, child, path, `r${round}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`no burst within 20 s: ${stderr}`));
    }, 20_000);
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line !== 'ready') acked.push(line);
      if (acked.length >= acks && proc.exitCode === null && !proc.killed) proc.kill('SIGKILL');
    });
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child exited by itself: ${stderr}`));
    });
  });
}

it(
  'leaves no half-written entry and loses no acknowledged one when killed mid-burst',
  { timeout: 90_000 },
  async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < 5; round++) {
      acknowledged.push(...(await burstThenKill(round, 150 + 40 * round)));
      const dynamo = await startDynamo(path, 'us-east-1'); // refuses a folder it takes for damaged
      try {
        const listed: string[] = [];
        let start: Record<string, never> | undefined;
        do {
          const page = await dynamo.client.send(
            new QueryCommand({
              TableName: 'journal',
              IndexName: 'byCreateDate',
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': { S: 'us-east-1:kill-test' } },
              ExclusiveStartKey: start,
            }),
          );
          listed.push(...(page.Items ?? []).map((i) => i.sk?.S ?? ''));
          start = page.LastEvaluatedKey as Record<string, never> | undefined;
        } while (start);
        const missing: string[] = [];
        for (const id of listed) {
          const got = await dynamo.client.send(
            new GetItemCommand({
              TableName: 'journal',
              Key: { pk: { S: 'us-east-1:kill-test' }, sk: { S: id } },
            }),
          );
          if (!got.Item) missing.push(id);
        }
        expect(missing, `listed by the index but not readable after kill ${round + 1}`).toEqual([]);
        const listedSet = new Set(listed);
        expect(acknowledged.filter((id) => !listedSet.has(id))).toEqual([]);
      } finally {
        await dynamo.close();
      }
    }
  },
);
