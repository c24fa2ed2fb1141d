import {
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ensureJournalTable, startDynamo } from '../../../backend/local/dynamo';

// SIGKILL in a burst of writes, four times over, in bounded time: afterwards every entry the index
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
  { timeout: 180_000 },
  async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < 4; round++) {
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
        // Every item the index lists is stored (one Scan), and GetItem agrees for the newest ones,
        // where a write cut off by the kill would be.
        const stored = new Set<string>();
        let from: Record<string, never> | undefined;
        do {
          const page = await dynamo.client.send(
            new ScanCommand({ TableName: 'journal', ExclusiveStartKey: from }),
          );
          for (const item of page.Items ?? []) stored.add(item.sk?.S ?? '');
          from = page.LastEvaluatedKey as Record<string, never> | undefined;
        } while (from);
        const missing = listed.filter((id) => !stored.has(id));
        for (const id of listed.slice(-30)) {
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

it('removes, at start, index entries an earlier version left without their item', async () => {
  const older = join(dir, 'older');
  const key = (id: string) => ({ pk: { S: 'us-east-1:older' }, sk: { S: id } });
  const first = await startDynamo(older, 'us-east-1');
  await ensureJournalTable(first.client, 'journal');
  for (const id of ['kept', 'cut-off'])
    await first.client.send(
      new PutItemCommand({
        TableName: 'journal',
        Item: { ...key(id), createdSk: { S: `2026-12-01#${id}` }, content: { S: id } },
      }),
    );
  await first.close();
  // What a kill between dynalite's two writes left behind: the index entry without the item.
  const { Level } = createRequire(createRequire(import.meta.url).resolve('dynalite'))('level') as {
    Level: new (
      p: string,
      o: object,
    ) => {
      iterator(o: object): AsyncIterable<[string, { sk?: { S?: string } }]>;
      del(k: string): Promise<void>;
      close(): Promise<void>;
    };
  };
  const raw = new Level(older, { valueEncoding: 'json' });
  const cut: string[] = [];
  for await (const [k, item] of raw.iterator({ gte: 'item-', lt: 'item-\xff' }))
    if (item.sk?.S === 'cut-off') cut.push(k);
  expect(cut).toHaveLength(1);
  for (const k of cut) await raw.del(k);
  await raw.close();

  const lines: string[] = [];
  const again = await startDynamo(older, 'us-east-1', (line) => lines.push(line));
  try {
    const listed = await again.client.send(
      new QueryCommand({
        TableName: 'journal',
        IndexName: 'byCreateDate',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'us-east-1:older' } },
      }),
    );
    expect((listed.Items ?? []).map((i) => i.sk?.S)).toEqual(['kept']);
    expect(lines).toEqual([
      '[dynamodb] removed 1 half-written index entries an earlier crash left',
    ]);
  } finally {
    await again.close();
  }
});
