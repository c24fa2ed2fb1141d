/**
 * `nextToken`: an opaque cursor, the base64url of the DynamoDB key where the last page stopped.
 * It is checked before use: a malformed token or one that belongs to another identity is refused.
 */
import { badUserInput } from './errors';
import { isValidId } from './validation';

/** A position in the `byCreateDate` index: the table's key plus the index's sort key. */
export interface EntryKey {
  pk: string;
  sk: string;
  createdSk: string;
}

/** Far more than a real key needs; keeps a hostile token from costing anything. */
export const MAX_TOKEN_CHARS = 2_048;

export function encodeNextToken(key: EntryKey): string {
  const { pk, sk, createdSk } = key;
  return Buffer.from(JSON.stringify({ pk, sk, createdSk }), 'utf8').toString('base64url');
}

const RESTART = 'Start again without a nextToken.';

/** An owner is a User Pool `sub` (36 characters) or, in old local data, an identity id (~46). */
const MAX_OWNER_CHARS = 128;
/** `Date#toISOString()` of a year 1000–9999: how createDate is stored. */
const CREATED_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The key in `token`, or a BAD_USER_INPUT error when it is malformed or not `identityId`'s. */
export function decodeNextToken(token: string, identityId: string): EntryKey {
  const malformed = () => badUserInput(`nextToken is not one this API gave out. ${RESTART}`);
  if (token.length === 0 || token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw malformed();
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!isEntryKey(value)) throw malformed();
  if (value.pk !== identityId) {
    throw badUserInput(`nextToken belongs to another account's journal. ${RESTART}`);
  }
  return { pk: value.pk, sk: value.sk, createdSk: value.createdSk };
}

export function isEntryKey(value: unknown): value is EntryKey {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const { pk, sk, createdSk } = record;
  return (
    Object.keys(record).length === 3 &&
    typeof pk === 'string' &&
    pk !== '' &&
    typeof sk === 'string' &&
    isValidId(sk) &&
    pk.length <= MAX_OWNER_CHARS &&
    typeof createdSk === 'string' &&
    // Exactly what createdSkOf makes: a canonical date, '#', the id. Anything longer could pass
    // DynamoDB's 1,024-byte key limit and come back as a ValidationException (a 500).
    CREATED_DATE.test(createdSk.slice(0, -sk.length - 1)) &&
    createdSk.endsWith(`#${sk}`)
  );
}
