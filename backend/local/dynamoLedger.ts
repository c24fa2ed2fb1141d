import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hasObjectFields, readJson, writeJson } from './cognito/jsonFile';

// A log or MANIFEST cut off on a record boundary is sound to every checksum: only its size tells.
// The ledger keeps the size LevelDB's newest log and MANIFEST had at the last look (after each write,
// at most every half second, and at close). These files only grow until LevelDB moves on to new
// ones, so at the next start each must be at least as large as recorded, or have been replaced by a
// newer one. A kill between a write and the next look only leaves the ledger behind: never a false
// alarm. (A folder from a version without a ledger gets only the checksum checks at its first start.)

/** The ledger of the LevelDB folder `dbDir`, kept beside it: `dynamodb-files.json` for `dynamodb/`. */
export const ledgerFileOf = (dbDir: string): string => `${basename(dbDir)}-files.json`;

interface Ledger {
  version: 1;
  files: Record<string, number>; // name -> size
}

const isLedger = (v: unknown): v is Ledger =>
  hasObjectFields(v, ['files']) && (v as { version?: unknown }).version === 1;

const numbered = /^(\d+)\.log$|^MANIFEST-(\d+)$/;
const kindOf = (name: string): string => (name.endsWith('.log') ? 'log' : 'MANIFEST');
const numberOf = (name: string): number => {
  const m = numbered.exec(name);
  return Number(m?.[1] ?? m?.[2] ?? -1);
};

/** The newest log and MANIFEST in `dbDir` with their sizes. */
export function currentFiles(dbDir: string): Record<string, number> {
  const newest = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(dbDir);
  } catch {
    return {};
  }
  for (const name of names) {
    if (!numbered.test(name)) continue;
    const kind = kindOf(name);
    const seen = newest.get(kind);
    if (!seen || numberOf(name) > numberOf(seen)) newest.set(kind, name);
  }
  const files: Record<string, number> = {};
  for (const name of newest.values()) {
    try {
      files[name] = statSync(join(dbDir, name)).size;
    } catch {
      // removed meanwhile: the next look records its successor
    }
  }
  return files;
}

/** Compares the folder with the ledger: undefined when consistent, else the file and what is wrong. */
export function checkLedger(
  dataDir: string,
  dbDir: string,
): { file: string; problem: string } | undefined {
  const ledger = readJson(dataDir, ledgerFileOf(dbDir), isLedger);
  if (!ledger) return undefined;
  const now = new Map<string, number>();
  try {
    for (const name of readdirSync(dbDir)) {
      if (numbered.test(name)) now.set(name, statSync(join(dbDir, name)).size);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const [name, size] of Object.entries(ledger.files)) {
    const file = join(dbDir, name);
    const actual = now.get(name);
    if (actual === undefined) {
      const replaced = [...now.keys()].some(
        (other) => kindOf(other) === kindOf(name) && numberOf(other) > numberOf(name),
      );
      if (!replaced) return { file, problem: 'the file is missing' };
    } else if (actual < size) {
      return { file, problem: `it is cut off (${actual} bytes, it had ${size})` };
    }
  }
  return undefined;
}

export function writeLedger(dataDir: string, dbDir: string): void {
  writeJson(dataDir, ledgerFileOf(dbDir), {
    version: 1,
    files: currentFiles(dbDir),
  } satisfies Ledger);
}
