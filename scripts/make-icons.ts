/**
 * Draws the toolbar icon (a bound notebook with a bookmark ribbon) at 16/32/48/128 px into assets/.
 * Shapes are described in a 128-unit space and rasterised with 8×8 supersampling, so the 16 px icon
 * stays crisp. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];
type Shape = { inside: (x: number, y: number) => boolean; color: RGBA };

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

const rect = (x0: number, y0: number, x1: number, y1: number) => roundRect(x0, y0, x1, y1, 0);

// Painted in order, later over earlier.
const shapes: Shape[] = [
  { inside: roundRect(22, 8, 110, 120, 12), color: [122, 78, 29, 255] }, // cover
  { inside: roundRect(22, 8, 42, 120, 12), color: [84, 52, 17, 255] }, // spine
  { inside: rect(36, 8, 42, 120), color: [84, 52, 17, 255] },
  { inside: roundRect(52, 28, 98, 60, 5), color: [251, 246, 236, 255] }, // label
  { inside: rect(60, 38, 90, 43), color: [122, 78, 29, 255] }, // writing on the label
  { inside: rect(60, 47, 82, 52), color: [122, 78, 29, 255] },
  {
    // ribbon, with a notch cut at its end
    inside: (x, y) =>
      x >= 84 &&
      x <= 96 &&
      y >= 100 &&
      y <= 126 &&
      !(y > 116 && Math.abs(x - 90) < (y - 116) * 0.7),
    color: [214, 64, 52, 255],
  },
];

function pixel(size: number, px: number, py: number): RGBA {
  const samples = 8;
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = ((px + (sx + 0.5) / samples) * 128) / size;
      const y = ((py + (sy + 0.5) / samples) * 128) / size;
      let color: RGBA = [0, 0, 0, 0];
      for (const shape of shapes) if (shape.inside(x, y)) color = shape.color;
      for (let i = 0; i < 4; i++) sum[i]! += i < 3 ? color[i]! * color[3] : color[3];
    }
  }
  const alpha = sum[3]!;
  const n = samples * samples;
  if (alpha === 0) return [0, 0, 0, 0];
  return [sum[0]! / alpha, sum[1]! / alpha, sum[2]! / alpha, alpha / n].map(Math.round) as RGBA;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++)
      Buffer.from(pixel(size, x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`assets/icon-${size}.png`, png(size));
