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

// `import("./chunk.js")`; the minifier writes the specifier as a template literal.
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** Every file an entry reaches, statically or by `import()`. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  const path = resolve(file);
  if (seen.has(path)) return seen;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  for (const match of [...code.matchAll(IMPORT), ...code.matchAll(DYNAMIC_IMPORT)])
    reachable(join(dirname(path), match[1]!), seen);
  return seen;
}

/**
 * The QR library's chunk (two-step sign-in set-up): its size, loaded only when the options page
 * draws a QR code, and how many other entries reach it (budget 0: only the options page may).
 */
export function measureQrChunk(dist: string): Figure[] {
  const options = reachable(join(dist, 'src/options/index.js'));
  const qr = [...options].find((path) => /qrcode[^/]*\.js$/.test(path));
  if (!qr) throw new Error('No QR chunk reached from the options page');
  const others = ['src/popup/index.js', 'src/background/index.js'].filter((file) =>
    reachable(join(dist, file)).has(qr),
  );
  return [
    { name: 'bundleGzipBytes.optionsQrLazy', unit: 'B', value: entryGzipBytes(qr) },
    {
      name: 'qrChunkOutsideOptions',
      unit: 'entries',
      value: others.length,
      note: others.length ? others.join(', ') : 'popup and worker never load it',
    },
  ];
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
