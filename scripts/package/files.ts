/** What goes into each package: a build folder's files, less what a store must not receive. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ZipFile } from './zip';

/** Source maps and test or tool configuration never ship (the build makes none; this is the guard). */
const NEVER_SHIPPED = [
  /\.map$/,
  /(^|\/)\.[^/]+$/,
  /(^|\/)(vitest|vite|tsconfig)[^/]*$/,
  /\.test\./,
];

export function isShippable(path: string): boolean {
  return !NEVER_SHIPPED.some((pattern) => pattern.test(path));
}

export function readTree(root: string): ZipFile[] {
  const out: ZipFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        out.push({ path: relative(root, full).split(sep).join('/'), data: readFileSync(full) });
    }
  };
  walk(root);
  return out;
}

export interface ManifestChanges {
  version: string;
  /** Chrome Web Store uploads refuse a `key`: the store assigns the item's id and key itself. */
  keepKey: boolean;
}

/** The built manifest, versioned from package.json, with `key` kept or dropped. */
export function storeManifest(json: string, changes: ManifestChanges): string {
  const manifest = JSON.parse(json) as Record<string, unknown>;
  manifest['version'] = changes.version;
  if (!changes.keepKey) delete manifest['key'];
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** A build folder as a store package's file list. */
export function packageFiles(root: string, changes: ManifestChanges): ZipFile[] {
  return readTree(root)
    .filter((file) => isShippable(file.path))
    .map((file) =>
      file.path === 'manifest.json'
        ? {
            path: file.path,
            data: new TextEncoder().encode(
              storeManifest(new TextDecoder().decode(file.data), changes),
            ),
          }
        : file,
    );
}
