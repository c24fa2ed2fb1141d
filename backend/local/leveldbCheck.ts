import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// LevelDB (under dynalite) opens a damaged folder without a word: with its default options a bad
// checksum in the log drops the record (or the rest of its 32 KB block) and goes on. These checks
// read the files as LevelDB's formats define them (doc/log_format.md, doc/table_format.md) and
// report the first damage found, before LevelDB is let near them.

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32C (Castagnoli), as LevelDB checksums records and blocks. */
export function crc32c(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

// LevelDB stores checksums masked (a CRC of data that contains CRCs is poor).
const unmask = (masked: number): number => {
  const rot = (masked - 0xa282ead8) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
};

const BLOCK = 32768;
const HEADER = 7;

/** A log-format file (`*.log`, `MANIFEST-*`): undefined when sound, else what is wrong. */
export function checkLogFile(data: Buffer): string | undefined {
  let pos = 0;
  let inRecord = false;
  while (pos < data.length) {
    const leftInBlock = BLOCK - (pos % BLOCK);
    if (leftInBlock < HEADER) {
      pos += leftInBlock; // the block's trailer
      continue;
    }
    if (pos + HEADER > data.length) return undefined; // a header cut off by a crash: the last write
    const length = data.readUInt16LE(pos + 4);
    const type = data[pos + 6] ?? 0;
    if (type === 0 && length === 0) {
      // Zeros: LevelDB skips the rest of the block. Fine only as the file's end (preallocation).
      return data.subarray(pos).every((b) => b === 0)
        ? undefined
        : `zeroed bytes at offset ${pos} hide records after them`;
    }
    if (HEADER + length > leftInBlock) return `a record at offset ${pos} runs past its block`;
    if (pos + HEADER + length > data.length) return undefined; // the last write, cut off by a crash
    const expected = unmask(data.readUInt32LE(pos));
    if (crc32c(data.subarray(pos + 6, pos + HEADER + length)) !== expected)
      return `the record at offset ${pos} fails its checksum`;
    if (type < 1 || type > 4) return `unknown record type ${type} at offset ${pos}`;
    const starts = type === 1 || type === 2;
    if (starts === inRecord) return `records out of order at offset ${pos}`;
    inRecord = type === 2 || type === 3;
    pos += HEADER + length;
  }
  return undefined;
}

function varint(data: Buffer, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const byte = data[pos];
    if (byte === undefined || shift > 49) throw new Error('bad varint');
    value += (byte & 0x7f) * 2 ** shift;
    pos++;
    if (byte < 0x80) return [value, pos];
    shift += 7;
  }
}

const TABLE_MAGIC = Buffer.from('57fb808b247547db', 'hex');
const FOOTER = 48;
const TRAILER = 5;

/** Snappy's block format (LevelDB compresses blocks with it): enough to read an index block. */
export function snappyUncompress(input: Buffer): Buffer {
  const [length, start] = varint(input, 0);
  const out = Buffer.alloc(length);
  let o = 0;
  let i = start;
  while (i < input.length) {
    const tag = input[i++] ?? 0;
    let len: number;
    let offset: number;
    if ((tag & 3) === 0) {
      len = (tag >> 2) + 1;
      if (len > 60) {
        const bytes = len - 60;
        len = input.readUIntLE(i, bytes) + 1;
        i += bytes;
      }
      input.copy(out, o, i, i + len);
      i += len;
      o += len;
      continue;
    }
    if ((tag & 3) === 1) {
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | (input[i++] ?? 0);
    } else if ((tag & 3) === 2) {
      len = (tag >> 2) + 1;
      offset = input.readUInt16LE(i);
      i += 2;
    } else {
      len = (tag >> 2) + 1;
      offset = input.readUInt32LE(i);
      i += 4;
    }
    if (offset === 0 || offset > o) throw new Error('bad snappy copy');
    for (let k = 0; k < len; k++, o++) out[o] = out[o - offset] ?? 0;
  }
  if (o !== length) throw new Error('bad snappy length');
  return out;
}

function blockAt(data: Buffer, offset: number, size: number): Buffer | string {
  if (offset + size + TRAILER > data.length) return `a block at offset ${offset} runs past the end`;
  const expected = unmask(data.readUInt32LE(offset + size + 1));
  if (crc32c(data.subarray(offset, offset + size + 1)) !== expected)
    return `the block at offset ${offset} fails its checksum`;
  const contents = data.subarray(offset, offset + size);
  const type = data[offset + size];
  if (type === 0) return contents;
  if (type === 1) return snappyUncompress(contents);
  return `the block at offset ${offset} has an unknown compression (${type})`;
}

/** A table file (`*.ldb`, `*.sst`): every block's checksum, found through the index block. */
export function checkTableFile(data: Buffer): string | undefined {
  if (data.length < FOOTER || !data.subarray(data.length - 8).equals(TABLE_MAGIC))
    return 'it is cut off or overwritten (no table footer)';
  try {
    const footer = data.subarray(data.length - FOOTER);
    const [metaOffset, p1] = varint(footer, 0);
    const [metaSize, p2] = varint(footer, p1);
    const [indexOffset, p3] = varint(footer, p2);
    const [indexSize] = varint(footer, p3);
    const meta = blockAt(data, metaOffset, metaSize);
    if (typeof meta === 'string') return meta;
    const index = blockAt(data, indexOffset, indexSize);
    if (typeof index === 'string') return index;
    const restarts = index.readUInt32LE(index.length - 4);
    const end = index.length - 4 - 4 * restarts;
    let pos = 0;
    while (pos < end) {
      const [shared, a] = varint(index, pos);
      const [unshared, b] = varint(index, a);
      const [valueLength, c] = varint(index, b);
      void shared;
      const value = c + unshared;
      const [offset, d] = varint(index, value);
      const [size] = varint(index, d);
      const block = blockAt(data, offset, size);
      if (typeof block === 'string') return block;
      pos = value + valueLength;
    }
    return undefined;
  } catch {
    return 'its index cannot be read';
  }
}

/** Every LevelDB file in `dir`: undefined when all are sound, else the first damaged one and why. */
export function checkLevelDbFolder(dir: string): { file: string; problem: string } | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  for (const name of names) {
    const file = join(dir, name);
    const check = /\.log$|^MANIFEST-\d+$/.test(name)
      ? checkLogFile
      : /\.(ldb|sst)$/.test(name)
        ? checkTableFile
        : undefined;
    const problem = check?.(readFileSync(file));
    if (problem) return { file, problem };
  }
  return undefined;
}
