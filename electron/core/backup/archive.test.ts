import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { isTarArchive, packDirectory, unpackArchive } from './archive';
import { tempDir } from './test-support';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir('kinerja-tar-');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A hand-made ustar entry, to feed the reader what our writer never would. */
function entry(name: string, body: string, type = '0'): Buffer {
  const h = Buffer.alloc(512, 0);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const data = Buffer.alloc(Math.ceil(body.length / 512) * 512, 0);
  data.write(body);
  return Buffer.concat([h, data]);
}

describe('backup archive (ustar)', () => {
  it('round-trips a backup folder, nested evidence included', () => {
    const src = dir();
    fs.writeFileSync(path.join(src, 'kinerja.db'), Buffer.alloc(70_000, 7));
    fs.writeFileSync(path.join(src, 'manifest.json'), '{"a":1}');
    const deep = path.join(src, 'evidence', 'ab', `${'ab'.repeat(32)}.pdf`);
    fs.mkdirSync(path.dirname(deep), { recursive: true });
    fs.writeFileSync(deep, 'isi bukti');
    const file = path.join(dir(), 'c.tar');
    expect(packDirectory(src, file)).toEqual({ files: 3, bytes: 70_000 + 7 + 9 });
    expect(isTarArchive(file)).toBe(true);
    const out = path.join(dir(), 'x');
    unpackArchive(file, out);
    expect(fs.readFileSync(path.join(out, 'kinerja.db')).equals(Buffer.alloc(70_000, 7))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'evidence', 'ab', `${'ab'.repeat(32)}.pdf`), 'utf8')).toBe('isi bukti');
  });

  it.each([
    ['../keluar.txt', '0'],
    ['/etc/passwd', '0'],
    ['evidence/../../keluar.txt', '0'],
    ['a\\..\\..\\keluar.txt', '0'],
    ['tautan', '2'],
    ['keras', '1'],
  ])('refuses the entry %s (type %s) without writing outside', (name, type) => {
    const file = path.join(dir(), 'jahat.tar');
    fs.writeFileSync(file, Buffer.concat([entry(name, 'x', type), Buffer.alloc(1024, 0)]));
    const out = path.join(dir(), 'out');
    expect(() => unpackArchive(file, out)).toThrow(AppError);
    expect(fs.existsSync(path.join(out, '..', 'keluar.txt'))).toBe(false);
  });

  it('refuses a truncated archive and a bad header checksum', () => {
    const good = Buffer.concat([entry('kinerja.db', 'y'.repeat(2000)), Buffer.alloc(1024, 0)]);
    const truncated = path.join(dir(), 't.tar');
    fs.writeFileSync(truncated, good.subarray(0, 1200));
    expect(() => unpackArchive(truncated, path.join(dir(), 'o'))).toThrow(/terpotong|ukuran/);
    const bad = Buffer.from(good);
    bad[0] = 'K'.charCodeAt(0);
    const badFile = path.join(dir(), 'b.tar');
    fs.writeFileSync(badFile, bad);
    expect(() => unpackArchive(badFile, path.join(dir(), 'o2'))).toThrow(/checksum/);
  });
});
