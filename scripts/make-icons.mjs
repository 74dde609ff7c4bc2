// Draws the Kinerja app icon in pure JavaScript (no ImageMagick, no network) and writes
//   build/icon.png        512x512, electron-builder's source icon and the window icon
//   build/icon.ico        16..256 px, PNG-compressed entries, for the Windows installer and exe
//   build/icons/NxN.png   the Linux icon set (AppImage, deb)
// Run `node scripts/make-icons.mjs` after changing the drawing; the outputs are committed.
//
// The picture: a blue-to-teal rounded square with three rising white bars (performance going up)
// and a gold badge with a check mark (the appraisal done). Shapes are signed-distance functions,
// rendered once at 1024 px with analytic anti-aliasing and box-filtered down to each size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const S = 1024;

const sdRoundBox = (px, py, cx, cy, hw, hh, r) => {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const sdCircle = (px, py, cx, cy, r) => Math.hypot(px - cx, py - cy) - r;
const sdSegment = (px, py, ax, ay, bx, by) => {
  const pax = px - ax, pay = py - ay, bax = bx - ax, bay = by - ay;
  const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)));
  return Math.hypot(pax - bax * h, pay - bay * h);
};
const cover = (d) => Math.max(0, Math.min(1, 0.5 - d));
const mix = (a, b, t) => a + (b - a) * t;

function over(dst, rgb, alpha) {
  const a = alpha + dst[3] * (1 - alpha);
  if (a === 0) return;
  for (let i = 0; i < 3; i++) dst[i] = (rgb[i] * alpha + dst[i] * dst[3] * (1 - alpha)) / a;
  dst[3] = a;
}

function drawPixel(x, y) {
  const px = x + 0.5, py = y + 0.5;
  const out = [0, 0, 0, 0];
  // Tile: 6% margin, 22% corner radius, vertical gradient.
  const tile = cover(sdRoundBox(px, py, S / 2, S / 2, S * 0.44, S * 0.44, S * 0.2));
  if (tile > 0) {
    const t = py / S;
    over(out, [mix(0x1c, 0x0b, t), mix(0x7e, 0x72, t), mix(0xd6, 0x85, t)], tile);
  }
  // Three rising bars.
  const base = S * 0.76;
  const bars = [
    [S * 0.3, S * 0.2],
    [S * 0.46, S * 0.32],
    [S * 0.62, S * 0.46],
  ];
  for (const [cx, h] of bars) {
    const c = cover(sdRoundBox(px, py, cx, base - h / 2, S * 0.055, h / 2, S * 0.03));
    if (c > 0) over(out, [255, 255, 255], c * tile);
  }
  // Gold badge with a check mark, top right.
  const bx = S * 0.7, by = S * 0.3, br = S * 0.13;
  const ring = cover(sdCircle(px, py, bx, by, br + S * 0.018));
  if (ring > 0) over(out, [0x0b, 0x72, 0x85], ring * tile);
  const badge = cover(sdCircle(px, py, bx, by, br));
  if (badge > 0) over(out, [0xfa, 0xb0, 0x05], badge);
  const check = Math.min(
    sdSegment(px, py, bx - br * 0.45, by + br * 0.02, bx - br * 0.1, by + br * 0.38),
    sdSegment(px, py, bx - br * 0.1, by + br * 0.38, bx + br * 0.48, by - br * 0.32),
  ) - S * 0.022;
  const c = cover(check);
  if (c > 0) over(out, [255, 255, 255], c * badge);
  return out;
}

function render() {
  const img = new Float64Array(S * S * 4);
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      const [r, g, b, a] = drawPixel(x, y);
      const i = (y * S + x) * 4;
      // Premultiplied, so the box filter does not bleed dark edges.
      img[i] = r * a;
      img[i + 1] = g * a;
      img[i + 2] = b * a;
      img[i + 3] = a;
    }
  }
  return img;
}

function downsample(img, size) {
  const f = S / size;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let yy = 0; yy < f; yy++) {
        for (let xx = 0; xx < f; xx++) {
          const i = ((y * f + yy) * S + (x * f + xx)) * 4;
          for (let k = 0; k < 4; k++) acc[k] += img[i + k];
        }
      }
      const n = f * f;
      const a = acc[3] / n;
      const o = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) out[o + k] = a > 0 ? Math.round(Math.min(255, acc[k] / n / a)) : 0;
      out[o + 3] = Math.round(a * 255);
    }
  }
  return out;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const img = render();
const buildDir = path.join(root, 'build');
fs.mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
const pngs = new Map();
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) pngs.set(size, png(downsample(img, size), size));
fs.writeFileSync(path.join(buildDir, 'icon.png'), pngs.get(512));
fs.writeFileSync(path.join(buildDir, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: pngs.get(size) }))));
for (const size of [16, 32, 48, 64, 128, 256, 512]) fs.writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), pngs.get(size));
console.log('build/icon.png, build/icon.ico, build/icons/*.png');
