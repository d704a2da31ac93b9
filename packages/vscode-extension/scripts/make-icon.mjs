// Draws icon.png (128x128: a house with a letter, the extension's icon) pixel by pixel; run `node scripts/make-icon.mjs icon.png` after changing it.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
const W = 128, H = 128;
const px = Buffer.alloc(W * H * 4);
const set = (x, y, [r, g, b, a = 255]) => { const i = (y * W + x) * 4; px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a; };
const bg = [0, 0, 0, 0], teal = [0, 110, 120], light = [255, 255, 255], orange = [240, 140, 40];
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
  let c = bg;
  // rounded square background
  const r = 22, inCorner = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  const inside = x >= 4 && x < 124 && y >= 4 && y < 124 && !((x < 4 + r && y < 4 + r && !inCorner(4 + r, 4 + r)) || (x >= 124 - r && y < 4 + r && !inCorner(123 - r, 4 + r)) || (x < 4 + r && y >= 124 - r && !inCorner(4 + r, 123 - r)) || (x >= 124 - r && y >= 124 - r && !inCorner(123 - r, 123 - r)));
  if (inside) c = teal;
  // roof: triangle apex (64,22), base y=58 from x=22..106
  if (y >= 22 && y <= 58 && Math.abs(x - 64) <= (y - 22) * (42 / 36)) c = light;
  // body: letter sheet x 34..94, y 58..104
  if (x >= 34 && x <= 94 && y >= 56 && y <= 104) c = light;
  // envelope fold lines (orange V) inside the body
  if (y >= 58 && y <= 84 && x >= 34 && x <= 94 && Math.abs(Math.abs(x - 64) - (y - 58) * (30 / 26)) <= 1.6) c = orange;
  set(x, y, c);
}
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) { raw[y * (W * 4 + 1)] = 0; px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4); }
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
writeFileSync(process.argv[2], Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
