/**
 * Draws Gleaner's toolbar icon (a page with text lines, one of them highlighted in yellow, on a
 * deep-teal rounded square) and encodes it as PNG at the sizes the manifest asks for.
 * Pure Node (zlib for the PNG deflate stream), 4x4 supersampling for smooth edges.
 */
import { deflateSync } from 'node:zlib';

const TEAL = [15, 76, 92];
const PAPER = [250, 248, 240];
const INK = [120, 132, 140];
const YELLOW = [255, 209, 41];

function roundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Colour at a point of the unit square, or null for transparent. */
function shade(u, v) {
  if (!roundedRect(u, v, 0, 0, 1, 1, 0.2)) return null;
  if (roundedRect(u, v, 0.2, 0.14, 0.8, 0.86, 0.05)) {
    if (u > 0.26 && u < 0.74 && v > 0.44 && v < 0.58) return YELLOW; // the highlight
    for (const line of [0.27, 0.51, 0.71]) {
      const right = line === 0.71 ? 0.58 : 0.7;
      if (u > 0.3 && u < right && Math.abs(v - line) < 0.035) return INK;
    }
    return PAPER;
  }
  return TEAL;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** CRC-32 (IEEE 802.3), as PNG and ZIP use it. */
export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA PNG of the icon at `size` pixels. */
export function iconPng(size) {
  const ss = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      const o = 1 + x * 4;
      if (a) {
        row[o] = r / a;
        row[o + 1] = g / a;
        row[o + 2] = b / a;
      }
      row[o + 3] = Math.round((255 * a) / (ss * ss));
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
