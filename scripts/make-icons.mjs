// Draws the toolbar icon (three stacked tier bars on an indigo tile) as PNGs into public/icon/.
// Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

for (const size of [16, 32, 48, 128]) {
  const u = size / 16;
  // Bars: Tier 1 narrow at the top, Tier 3 wide at the bottom, as the pyramid of ABM tiers.
  const bars = [
    [6, 3.2, 10, 5.6],
    [4.5, 6.8, 11.5, 9.2],
    [3, 10.4, 13, 12.8],
  ];
  const pixel = (x, y) => {
    const [px, py] = [x / u, y / u];
    if (!inRoundedRect(px, py, 0, 0, 16, 16, 3.5)) return [0, 0, 0, 0];
    for (const [x0, y0, x1, y1] of bars) if (inRoundedRect(px, py, x0, y0, x1, y1, 0.8)) return [255, 255, 255, 255];
    return [79, 70, 229, 255];
  };
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size, pixel));
}
