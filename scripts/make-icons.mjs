// Draws the app icon and the .speech file icon as PNGs (assets/icons/), with no image tools:
// a dark red rounded square with a white lectern (a slanted reading desk on a post and base).
// Run once: node scripts/make-icons.mjs. The PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const RED = [163, 31, 36, 255];
const WHITE = [255, 250, 240, 255];
const PAPER = [250, 248, 243, 255];
const NONE = [0, 0, 0, 0];

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function lectern(x, y) {
  // Slanted desk: a parallelogram from (0.25,0.36)-(0.75,0.28) down to thickness 0.08.
  const top = 0.36 - (x - 0.25) * 0.16;
  const desk = x >= 0.25 && x <= 0.75 && y >= top && y <= top + 0.08;
  const post = x >= 0.46 && x <= 0.54 && y >= 0.4 && y <= 0.72;
  const base = x >= 0.32 && x <= 0.68 && y >= 0.72 && y <= 0.78;
  return desk || post || base;
}

writeFileSync(
  'assets/icons/icon.png',
  png(512, (x, y) => (roundedRect(x, y, 0.06, 0.06, 0.94, 0.94, 0.18) ? (lectern(x, y) ? WHITE : RED) : NONE)),
);
writeFileSync(
  'assets/icons/speech-file.png',
  png(256, (x, y) => {
    if (!roundedRect(x, y, 0.18, 0.06, 0.82, 0.94, 0.04)) return NONE;
    if (x > 0.66 && y < 0.22 && x - 0.66 > y - 0.06) return NONE; // folded corner
    if (roundedRect(x, y, 0.3, 0.5, 0.7, 0.86, 0.06)) return lectern((x - 0.3) / 0.4, (y - 0.5) / 0.36) ? WHITE : RED;
    return y > 0.2 && y < 0.42 && Math.floor(y * 40) % 3 === 0 && x > 0.28 && x < 0.72 ? RED : PAPER;
  }),
);
