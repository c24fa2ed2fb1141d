import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../report';

// Static imports in the minified output: `from"./chunk.js"` or `import"./chunk.js"`.
const IMPORT = /(?:from|import)\s*["']([^"']+\.js)["']/g;

/** gzip bytes of an entry's JavaScript: the entry file and every chunk it statically imports. */
export function entryGzipBytes(file: string, seen = new Set<string>()): number {
  const path = resolve(file);
  if (seen.has(path)) return 0;
  seen.add(path);
  const code = readFileSync(path);
  let total = gzipSync(code, { level: 9 }).length;
  for (const match of code.toString('utf8').matchAll(IMPORT)) {
    total += entryGzipBytes(join(dirname(path), match[1]!), seen);
  }
  return total;
}

export function measureBundles(dist: string): Figure[] {
  const entries = {
    popup: 'src/popup/index.js',
    options: 'src/options/index.js',
    worker: 'src/background/index.js',
  };
  return Object.entries(entries).map(([name, file]) => ({
    name: `bundleGzipBytes.${name}`,
    unit: 'B',
    value: entryGzipBytes(join(dist, file)),
  }));
}
