import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
  chmodSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from '../../../backend/local';
import { describeStartError } from '../../../backend/local/banner';
import { DataDamagedError } from '../../../backend/local/dataDamage';
import { ledgerFileOf } from '../../../backend/local/dynamoLedger';
import { signWithAws4 } from '../sigv4/signers';
import { CREATE, RECENT, signInAndGetCredentials, signedGraphql } from './peer';

// A data folder that was damaged while the stack was stopped is refused at start, naming the file
// and what to do; one written by this or an earlier version (no ledger yet) still starts.

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'journal-damage-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const start = () => startStack({ port: 0, dataDir, log: () => {} });

async function createEntries(stack: RunningStack, n: number): Promise<void> {
  const caller = await signInAndGetCredentials(
    stack,
    stack.demoUser.email,
    stack.demoUser.password,
  );
  for (let i = 0; i < n; i++) {
    const r = await signedGraphql(stack, {
      signer: signWithAws4,
      credentials: caller.credentials,
      query: CREATE,
      variables: { content: `entry ${i} ${'x'.repeat(200)}` },
    });
    expect(r.status).toBe(200);
  }
}

async function countEntries(stack: RunningStack): Promise<number> {
  const caller = await signInAndGetCredentials(
    stack,
    stack.demoUser.email,
    stack.demoUser.password,
  );
  const r = await signedGraphql(stack, {
    signer: signWithAws4,
    credentials: caller.credentials,
    query: RECENT,
  });
  return (r.json as { data: { recentEntries: { items: unknown[] } } }).data.recentEntries.items
    .length;
}

const dbDir = () => join(dataDir, 'dynamodb');
const files = (suffix: string) =>
  readdirSync(dbDir())
    .filter((n) => n.endsWith(suffix))
    .map((n) => join(dbDir(), n));

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}

async function refusal(): Promise<string> {
  try {
    const stack = await start();
    await stack.close();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the stack started');
}

describe('damage detection at start', () => {
  async function folderWith20Entries(): Promise<string> {
    const stack = await start();
    await createEntries(stack, 20);
    await stack.close();
    const [log] = files('.log');
    if (!log) throw new Error('no log');
    return log;
  }

  it('refuses a DynamoDB log cut to half its size', async () => {
    const log = await folderWith20Entries();
    truncateSync(log, Math.floor(statSync(log).size / 2));
    const message = await refusal();
    expect(message).toContain(log);
    expect(message).toMatch(/cut off/);
    expect(message).toMatch(/Restore the data folder from a backup,\s+or move it aside/);
  });

  it('refuses a DynamoDB log with 64 bytes overwritten', async () => {
    const log = await folderWith20Entries();
    overwrite(log, Math.floor(statSync(log).size / 2), Buffer.alloc(64, 0x41));
    const message = await refusal();
    expect(message).toContain(log);
    expect(message).toMatch(/checksum/);
  });

  it('refuses a DynamoDB log with 64 bytes zeroed (LevelDB would skip the rest of the block)', async () => {
    const log = await folderWith20Entries();
    overwrite(log, 4000, Buffer.alloc(64, 0));
    expect(await refusal()).toContain(log);
  });

  it('refuses a DynamoDB table file with 64 bytes overwritten, after the log was compacted into it', async () => {
    await folderWith20Entries();
    const again = await start(); // LevelDB turns the log into a table file when it opens
    expect(await countEntries(again)).toBe(20);
    await again.close();
    const [table] = files('.ldb');
    if (!table) throw new Error('no table file');
    overwrite(table, 100, Buffer.alloc(64, 0x42));
    const message = await refusal();
    expect(message).toContain(table);
    expect(message).toMatch(/checksum/);
  });

  it('refuses JSON state holding null, cut off, or empty, naming the file', async () => {
    const stack = await start();
    await stack.close();
    const pool = join(dataDir, 'cognito-user-pool.json');
    const good = readFileSync(pool, 'utf8');
    writeFileSync(pool, 'null');
    let message = await refusal();
    expect(message).toContain(pool);
    expect(message).toMatch(/found null/);
    writeFileSync(pool, good.slice(0, Math.floor(good.length / 2)));
    message = await refusal();
    expect(message).toContain(pool);
    expect(message).toMatch(/not valid JSON/);
    writeFileSync(pool, good);
    const identity = join(dataDir, 'cognito-identity-pool.json');
    writeFileSync(identity, '');
    expect(await refusal()).toContain(identity);
    rmSync(identity);
    const ids = join(dataDir, 'stack.json');
    writeFileSync(ids, '{"userPoolId": 1}');
    expect(await refusal()).toContain(ids);
  });

  it('starts a sound folder, one without a ledger (earlier versions), and keeps every entry', async () => {
    await folderWith20Entries();
    rmSync(join(dataDir, ledgerFileOf(dbDir())));
    const again = await start();
    expect(await countEntries(again)).toBe(20);
    await again.close();
    const third = await start();
    expect(await countEntries(third)).toBe(20);
    await third.close();
  });
});

describe('permissions', () => {
  it('keeps the data folder 700 and its files 600, also when an earlier version left them open', async () => {
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    const stack = await start();
    await createEntries(stack, 2);
    await stack.close();
    chmodSync(dataDir, 0o755);
    chmodSync(dbDir(), 0o755);
    for (const log of files('.log')) chmodSync(log, 0o644);
    const again = await start();
    await createEntries(again, 1);
    await again.close();
    const modes: string[] = [];
    const walk = (dir: string) => {
      modes.push(`${dir} ${(statSync(dir).mode & 0o777).toString(8)}`);
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else modes.push(`${path} ${(statSync(path).mode & 0o777).toString(8)}`);
      }
    };
    walk(dataDir);
    expect(modes.length).toBeGreaterThan(8);
    expect(modes.filter((m) => !/ (700|600)$/.test(m))).toEqual([]);
    expect(modes.filter((m) => m.endsWith(' 700'))).toEqual([`${dataDir} 700`, `${dbDir()} 700`]);
  });
});

describe('the message npm run stack prints', () => {
  it('names the file, the problem and what to do, with the data folder to move aside', () => {
    const message = describeStartError(
      new DataDamagedError('/home/ann/.journal/dynamodb/000003.log', 'it is cut off'),
      4566,
    );
    expect(message.split('\n')).toEqual([
      "The local stack's data is damaged: /home/ann/.journal/dynamodb/000003.log: it is cut off.",
      'The stack did not start, so nothing was changed. Restore the data folder from a backup,',
      "or move it aside to start with an empty one (its users and entries would be gone): mv '/home/ann/.journal' '/home/ann/.journal.damaged'",
    ]);
  });
});
