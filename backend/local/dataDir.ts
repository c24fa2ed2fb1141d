import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds entry text, password verifiers and AWS credentials: owner-only (700, files
 * 600), also when an earlier version or LevelDB (which creates its files 644) made it otherwise.
 */
export function secureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  secureFolder(dir);
}

/** 700 for `dir` and the folders in it, 600 for its files. */
export function secureFolder(dir: string): void {
  chmodIfNeeded(dir, 0o700);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const name of names) {
    const path = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue; // removed meanwhile (LevelDB deletes files as it compacts)
    }
    if (isDir) secureFolder(path);
    else chmodIfNeeded(path, 0o600);
  }
}

function chmodIfNeeded(path: string, mode: number): void {
  try {
    if ((statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
