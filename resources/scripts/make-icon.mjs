// Draws the app icon (a dark tile with three flow lines) as PNGs in resources/icons,
// the sizes electron-builder takes for Linux and converts for Windows and macOS.
//   node resources/scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../icons', import.meta.url));
mkdirSync(out, { recursive: true });

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};

function draw(size) {
  const px = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.18;
  const lines = [
    { y: 0.32, from: 0.2, to: 0.8, rgb: [110, 160, 240] },
    { y: 0.5, from: 0.2, to: 0.66, rgb: [240, 180, 41] },
    { y: 0.68, from: 0.2, to: 0.74, rgb: [110, 160, 240] },
  ];
  for (let y = 0; y < size; y++) {
    px[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // Rounded tile: outside the corner circles is transparent.
      const cx = Math.min(Math.max(x, r), size - 1 - r);
      const cy = Math.min(Math.max(y, r), size - 1 - r);
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
      let rgba = inside ? [31, 42, 60, 255] : [0, 0, 0, 0];
      for (const l of lines) {
        if (inside && Math.abs(y / size - l.y) < 0.045 && x / size >= l.from && x / size <= l.to) rgba = [...l.rgb, 255];
      }
      px.set(rgba, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(px)), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) writeFileSync(`${out}/${size}x${size}.png`, draw(size));
console.log(`icons written to ${out}`);
