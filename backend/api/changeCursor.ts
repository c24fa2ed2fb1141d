/**
 * The changes query's two opaque strings:
 * - `cursor`: where a device's replica stands; the next sync asks for changes since it. It is a
 *   time and belongs to no one in particular (it reveals nothing and opens nothing).
 * - `nextToken`: where a pass through the changes stopped. It carries the pass's `since` and the
 *   `cursor` the pass will end with, and the DynamoDB key to go on from, so it is bound to its
 *   identity like `recentEntries`' token.
 * Both are base64url JSON and are checked before use.
 */
import { badUserInput } from './errors';
import { isEntryKey, MAX_TOKEN_CHARS, type EntryKey } from './cursor';
import { isValidId } from './validation';

/** A position in the `byUpdateDate` index: the table's key plus the index's sort key. */
export interface ChangeKey {
  pk: string;
  sk: string;
  updatedSk: string;
}

/** A pass through the changes: everything live (since null, by create date) or changes since a time. */
export interface ChangePass {
  since: string | null;
  cursor: string;
  key: EntryKey | ChangeKey;
}

const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isTime(value: unknown): value is string {
  if (typeof value !== 'string' || !CANONICAL_TIME.test(value)) return false;
  const time = Date.parse(value);
  // 2024-02-30 parses to March 1st: only a time that prints back as itself is one we gave out.
  return Number.isFinite(time) && new Date(time).toISOString() === value;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode(token: string): unknown {
  if (token.length === 0 || token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function encodeCursor(time: string): string {
  return encode({ v: 1, t: time });
}

/** The time in `cursor`, or a BAD_USER_INPUT error when it is not one this API gave out. */
export function decodeCursor(cursor: string): string {
  const value = decode(cursor);
  if (
    !isRecord(value) ||
    Object.keys(value).length !== 2 ||
    value['v'] !== 1 ||
    !isTime(value['t'])
  ) {
    throw badUserInput(
      'since is not a cursor this API gave out. Sync from the start: send no since.',
    );
  }
  return value['t'];
}

export function isChangeKey(value: unknown): value is ChangeKey {
  if (!isRecord(value) || Object.keys(value).length !== 3) return false;
  const { pk, sk, updatedSk } = value;
  return (
    typeof pk === 'string' &&
    pk !== '' &&
    typeof sk === 'string' &&
    isValidId(sk) &&
    typeof updatedSk === 'string' &&
    isTime(updatedSk.slice(0, -(sk.length + 1))) &&
    updatedSk.endsWith(`#${sk}`)
  );
}

export function encodeChangeToken(pass: ChangePass): string {
  return encode({ s: pass.since, c: pass.cursor, k: pass.key });
}

const RESTART = 'Start the pass again without a nextToken.';

/**
 * The pass in `token`, or a BAD_USER_INPUT error when it is malformed, another identity's, or
 * from a pass with another `since`.
 */
export function decodeChangeToken(
  token: string,
  identityId: string,
  since: string | null,
): ChangePass {
  const value = decode(token);
  const malformed = () => badUserInput(`nextToken is not one this API gave out. ${RESTART}`);
  if (!isRecord(value) || Object.keys(value).length !== 3) throw malformed();
  const { s, c, k } = value;
  if (!(s === null || isTime(s)) || !isTime(c)) throw malformed();
  // A full pass reads by create date, a pass since a time by update date: the key says which.
  const key: EntryKey | ChangeKey | undefined =
    s === null ? (isEntryKey(k) ? k : undefined) : isChangeKey(k) ? k : undefined;
  if (!key) throw malformed();
  if (key.pk !== identityId) {
    throw badUserInput(`nextToken belongs to another account's journal. ${RESTART}`);
  }
  if (s !== since) {
    throw badUserInput(`nextToken is from a pass with another since. ${RESTART}`);
  }
  return { since: s, cursor: c, key };
}
