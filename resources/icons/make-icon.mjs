// Draws resources/icons/icon.png (512x512 RGBA): a teal rounded square with a light "S" made of
// two ring arcs. Node only, no image library: `node resources/icons/make-icon.mjs`.
// electron-builder turns this one PNG into the Windows .ico and the Linux icon set.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SUPERSAMPLE = 4;
const BACKGROUND = [15, 118, 110]; // teal
const LETTER = [153, 246, 228]; // light mint
const CORNER = 112;
const RING = 76;
const HALF_STROKE = 24;
const TOP = { x: 256, y: 256 - RING };
const BOTTOM = { x: 256, y: 256 + RING };

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), SIZE - CORNER);
  const cy = Math.min(Math.max(y, CORNER), SIZE - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function onArc(x, y, center, keep) {
  const dx = x - center.x;
  const dy = y - center.y;
  if (Math.abs(Math.hypot(dx, dy) - RING) > HALF_STROKE) return false;
  return keep((Math.atan2(dy, dx) * 180) / Math.PI);
}

function cap(center, degrees) {
  const radians = (degrees * Math.PI) / 180;
  return { x: center.x + RING * Math.cos(radians), y: center.y + RING * Math.sin(radians) };
}

// Angles in degrees, y pointing down: the top arc runs from its upper right (-30) over the top
// and down the left to the middle (90); the bottom arc from the middle (-90) down the right and
// round to its lower left (150). Round caps at both free ends.
const CAPS = [cap(TOP, -30), cap(BOTTOM, 150)];

function inLetter(x, y) {
  return (
    onArc(x, y, TOP, (a) => a >= 90 || a <= -30) ||
    onArc(x, y, BOTTOM, (a) => a >= -90 && a <= 150) ||
    CAPS.some((c) => (x - c.x) ** 2 + (y - c.y) ** 2 <= HALF_STROKE ** 2)
  );
}

function pixel(px, py) {
  let square = 0;
  let letter = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = px + (sx + 0.5) / SUPERSAMPLE;
      const y = py + (sy + 0.5) / SUPERSAMPLE;
      if (!inRoundedSquare(x, y)) continue;
      square++;
      if (inLetter(x, y)) letter++;
    }
  }
  if (square === 0) return [0, 0, 0, 0];
  const mix = letter / square;
  const rgb = BACKGROUND.map((b, i) => Math.round(b + (LETTER[i] - b) * mix));
  return [...rgb, Math.round((255 * square) / SUPERSAMPLE ** 2)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// Each scanline: filter type 0 (none), then RGBA pixels.
const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const row = y * (1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, no filter method, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${path.basename(out)} (${png.length} bytes)`);
