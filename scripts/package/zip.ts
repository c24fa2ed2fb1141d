/**
 * ZIPs that are the same bytes for the same files: entries sorted by path, one fixed timestamp,
 * fixed permissions, one compression level. A store compares uploads by content, and a reviewer
 * (AMO) rebuilds from the source ZIP and compares: neither should see a difference that is only a
 * clock or a file system's order.
 */
import { zipSync, type Zippable } from 'fflate';

// 1980-01-01 00:00, built from local-time parts: ZIP stores local (DOS) time, and fflate reads the
// Date's local fields, so this gives the same bytes in every time zone.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

export interface ZipFile {
  /** Forward slashes, relative to the ZIP's root. */
  path: string;
  data: Uint8Array;
}

export function reproducibleZip(files: readonly ZipFile[]): Uint8Array {
  const seen = new Set<string>();
  const tree: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (seen.has(file.path)) throw new Error(`Two files at ${file.path} in one ZIP.`);
    seen.add(file.path);
    // Regular file, rw-r--r-- (Unix mode in the high 16 bits of the external attributes).
    tree[file.path] = [file.data, { mtime: FIXED_TIME, level: 9, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(tree, { mtime: FIXED_TIME, level: 9 });
}
