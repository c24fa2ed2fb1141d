import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDamagedError } from '../dataDamage';

/**
 * Reads a JSON state file, or undefined when there is none yet. A file that is not JSON, or not of
 * the expected shape (`null`, a cut-off write from elsewhere, an edit gone wrong), is refused with
 * DataDamagedError: starting without it would silently lose users or identities.
 */
export function readJson<T>(
  dir: string,
  name: string,
  isValid: (value: unknown) => value is T,
): T | undefined {
  const path = join(dir, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DataDamagedError(
      path,
      text.trim() === '' ? 'the file is empty' : 'not valid JSON (cut off or overwritten?)',
      { cause },
    );
  }
  if (!isValid(value))
    throw new DataDamagedError(path, `not the state this file holds (found ${describe(value)})`);
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  return `an object with ${Object.keys(value).slice(0, 5).join(', ') || 'no fields'}`;
}

/** A plain object whose listed fields are objects (not null, not arrays). */
export function hasObjectFields(value: unknown, fields: string[]): value is Record<string, object> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return fields.every((f) => {
    const v = record[f];
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  });
}

// Synchronous write-then-rename: a crash leaves the old file or the new one, never half of one,
// and two requests in flight cannot interleave their writes. Owner-only: the files hold password
// verifiers, session hashes and AWS credentials.
export function writeJson(dir: string, name: string, value: unknown): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}
