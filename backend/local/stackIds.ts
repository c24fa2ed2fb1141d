import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from './cognito/jsonFile';

/** What makes one local stack itself: kept in the data folder so a restart is the same stack. */
export interface StackIds {
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  /** The generated demo password (used when JOURNAL_DEMO_PASSWORD is not set). */
  demoPassword: string;
}

const STATE_FILE = 'stack.json';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = `${LOWER}${LOWER.toUpperCase()}${DIGITS}`;

const pick = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet.charAt(randomInt(alphabet.length))).join('');

/** Meets Cognito's default policy (upper, lower, digit, symbol, 8+) and is easy to type. */
export const newDemoPassword = (): string => `Journal-${pick(LOWER, 6)}-${pick(DIGITS, 4)}`;

export function newStackIds(region: string): StackIds {
  return {
    userPoolId: `${region}_${pick(ALNUM, 9)}`,
    userPoolClientId: pick(`${LOWER}${DIGITS}`, 26),
    identityPoolId: `${region}:${randomUUID()}`,
    demoPassword: newDemoPassword(),
  };
}

const isStackIds = (v: unknown): v is StackIds =>
  !!v &&
  typeof v === 'object' &&
  ['userPoolId', 'userPoolClientId', 'identityPoolId', 'demoPassword'].every(
    (f) => typeof (v as Record<string, unknown>)[f] === 'string',
  );

/** The ids of the stack kept in `dataDir`, made and saved at its first start. */
export function loadOrCreateStackIds(dataDir: string, region: string): StackIds {
  const path = join(dataDir, STATE_FILE);
  const kept = readJson(dataDir, STATE_FILE, isStackIds);
  if (kept) return kept;
  const ids = newStackIds(region);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Owner-only: it holds the demo password.
  writeFileSync(`${path}.tmp`, JSON.stringify(ids, null, 2), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return ids;
}
