import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDamagedError } from '../dataDamage';
import type { IssuedCredentials } from './credentials';

// Issued credentials are appended, one JSON line per GetCredentialsForIdentity, instead of rewriting
// the whole Identity Pool file each time (which grew with every call: 2.6 MB and 15 ms a call after
// 4,000 calls). The log is compacted to the live credentials at each start.

export const CREDENTIALS_FILE = 'cognito-identity-credentials.jsonl';

const isCredentials = (v: unknown): v is IssuedCredentials => {
  const c = v as Partial<IssuedCredentials> | null;
  return (
    !!c &&
    typeof c.accessKeyId === 'string' &&
    typeof c.secretAccessKey === 'string' &&
    typeof c.sessionToken === 'string' &&
    typeof c.identityId === 'string' &&
    typeof c.expiresAt === 'number'
  );
};

/** The credentials in the log; a last line cut off by a crash is dropped, any other bad line is damage. */
export function readCredentialLog(dir: string): IssuedCredentials[] {
  const path = join(dir, CREDENTIALS_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const lines = text.split('\n');
  const complete = text.endsWith('\n') || text === '';
  const out: IssuedCredentials[] = [];
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const last = i === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (last && !complete) break; // the write a kill cut off: never answered
      throw new DataDamagedError(path, `line ${i + 1} is not valid JSON`);
    }
    if (!isCredentials(value))
      throw new DataDamagedError(path, `line ${i + 1} does not hold credentials`);
    out.push(value);
  }
  return out;
}

export function appendCredentials(dir: string, c: IssuedCredentials): void {
  appendFileSync(join(dir, CREDENTIALS_FILE), `${JSON.stringify(c)}\n`, { mode: 0o600 });
}

/** Rewrites the log with just `live` (write-then-rename). */
export function compactCredentialLog(dir: string, live: IssuedCredentials[]): void {
  const path = join(dir, CREDENTIALS_FILE);
  writeFileSync(`${path}.tmp`, live.map((c) => `${JSON.stringify(c)}\n`).join(''), {
    mode: 0o600,
  });
  renameSync(`${path}.tmp`, path);
}
