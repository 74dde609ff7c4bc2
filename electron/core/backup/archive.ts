import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * A backup folder packed into one file, for `backup --out FILE` and for restoring from a USB stick.
 * Plain POSIX ustar, uncompressed (the database is mostly text-free pages and evidence is already
 * PDF/JPEG), so any `tar -xf` or 7-Zip opens it without Kinerja. We write and read only the subset
 * we need: regular files and folders with short, plain relative names. The reader refuses anything
 * else (links, device files, absolute or `..` paths) before writing a byte, because a restore file
 * comes from outside and must not be able to write outside its own extraction folder.
 */

const block = 512;
const maxSize = 8 ** 11 - 1; // 11 octal digits: 8 GiB
const safeName = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

function isSafeName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && safeName.test(name) && !name.split('/').some((s) => s === '.' || s === '..');
}

function writeOctal(buf: Buffer, offset: number, length: number, value: number): void {
  buf.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii');
}

function header(name: string, size: number, type: '0' | '5', mtime: number): Buffer {
  const buf = Buffer.alloc(block, 0);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || name.length - cut - 1 > 100) throw new Error(`Nama berkas terlalu panjang untuk arsip: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  buf.write(base, 0, 100, 'utf8');
  writeOctal(buf, 100, 8, type === '5' ? 0o755 : 0o644);
  writeOctal(buf, 108, 8, 0);
  writeOctal(buf, 116, 8, 0);
  writeOctal(buf, 124, 12, size);
  writeOctal(buf, 136, 12, Math.floor(mtime / 1000));
  buf.write('        ', 148, 8, 'ascii');
  buf.write(type, 156, 1, 'ascii');
  buf.write('ustar\0', 257, 6, 'ascii');
  buf.write('00', 263, 2, 'ascii');
  buf.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of buf) sum += b;
  buf.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return buf;
}

function listTree(root: string): { rel: string; dir: boolean }[] {
  const out: { rel: string; dir: boolean }[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out.push({ rel: child, dir: true });
        walk(child);
      } else if (e.isFile()) {
        out.push({ rel: child, dir: false });
      }
    }
  };
  walk('');
  return out;
}

/** Packs every file under `sourceDir` into `outFile` (written beside it first, then renamed). */
export function packDirectory(sourceDir: string, outFile: string): { files: number; bytes: number } {
  const tmp = `${outFile}.partial`;
  const fd = fs.openSync(tmp, 'w');
  let files = 0;
  let bytes = 0;
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (const entry of listTree(sourceDir)) {
      if (!isSafeName(entry.rel)) throw new Error(`Nama berkas tidak dapat diarsipkan: ${entry.rel}`);
      const full = path.join(sourceDir, entry.rel);
      const stat = fs.statSync(full);
      if (entry.dir) {
        fs.writeSync(fd, header(`${entry.rel}/`, 0, '5', stat.mtimeMs));
        continue;
      }
      if (stat.size > maxSize) throw new Error(`Berkas terlalu besar untuk arsip: ${entry.rel}`);
      fs.writeSync(fd, header(entry.rel, stat.size, '0', stat.mtimeMs));
      const src = fs.openSync(full, 'r');
      let written = 0;
      try {
        let n: number;
        while (written < stat.size && (n = fs.readSync(src, chunk, 0, Math.min(chunk.length, stat.size - written), null)) > 0) {
          fs.writeSync(fd, chunk, 0, n);
          written += n;
        }
      } finally {
        fs.closeSync(src);
      }
      if (written !== stat.size) throw new Error(`Berkas berubah ukuran saat diarsipkan: ${entry.rel}`);
      const pad = (block - (stat.size % block)) % block;
      if (pad) fs.writeSync(fd, Buffer.alloc(pad, 0));
      files++;
      bytes += stat.size;
    }
    fs.writeSync(fd, Buffer.alloc(block * 2, 0));
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, outFile);
  return { files, bytes };
}

/**
 * The same archive as `packDirectory`, as a stream of chunks (the browser download of a backup,
 * electron/server/backup-download.ts): nothing is written to disk, the event loop is free between
 * chunks, and `bytes` (known before the first chunk) lets the browser show progress. Files are
 * read as they are streamed; one that changes size meanwhile aborts the stream (a backup folder
 * never changes once written).
 */
export function packDirectoryStream(sourceDir: string): { bytes: number; chunks: AsyncGenerator<Buffer> } {
  const entries = listTree(sourceDir).map((entry) => {
    if (!isSafeName(entry.rel)) throw new Error(`Nama berkas tidak dapat diarsipkan: ${entry.rel}`);
    const stat = fs.statSync(path.join(sourceDir, entry.rel));
    if (!entry.dir && stat.size > maxSize) throw new Error(`Berkas terlalu besar untuk arsip: ${entry.rel}`);
    return { ...entry, size: entry.dir ? 0 : stat.size, mtimeMs: stat.mtimeMs };
  });
  const padOf = (size: number) => (block - (size % block)) % block;
  const bytes = entries.reduce((n, e) => n + block + (e.dir ? 0 : e.size + padOf(e.size)), 0) + block * 2;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (const e of entries) {
      if (e.dir) {
        yield header(`${e.rel}/`, 0, '5', e.mtimeMs);
        continue;
      }
      yield header(e.rel, e.size, '0', e.mtimeMs);
      const handle = await fs.promises.open(path.join(sourceDir, e.rel), 'r');
      let written = 0;
      try {
        while (written < e.size) {
          const chunk = Buffer.alloc(Math.min(1 << 20, e.size - written));
          const { bytesRead } = await handle.read(chunk, 0, chunk.length, written);
          if (bytesRead === 0) break;
          written += bytesRead;
          yield bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead);
        }
      } finally {
        await handle.close();
      }
      if (written !== e.size) throw new Error(`Berkas berubah ukuran saat diarsipkan: ${e.rel}`);
      const pad = padOf(e.size);
      if (pad) yield Buffer.alloc(pad, 0);
    }
    yield Buffer.alloc(block * 2, 0);
  }
  return { bytes, chunks: chunks() };
}

export function isTarArchive(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(block);
    if (fs.readSync(fd, buf, 0, block, 0) !== block) return false;
    return buf.toString('ascii', 257, 262) === 'ustar';
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function readString(buf: Buffer, offset: number, length: number): string {
  const raw = buf.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.toString('utf8', 0, end === -1 ? length : end);
}

function readOctal(buf: Buffer, offset: number, length: number): number {
  const text = readString(buf, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) return NaN;
  return parseInt(text, 8);
}

const badArchive = (why: string) => new AppError('RULE_VIOLATION', `Arsip cadangan tidak dapat dibaca: ${why}`, { details: { reason: 'BAD_ARCHIVE' } });

/** Unpacks an archive written by `packDirectory` into the (new, empty) folder `destDir`. */
export function unpackArchive(file: string, destDir: string): { files: number } {
  const fd = fs.openSync(file, 'r');
  const total = fs.fstatSync(fd).size;
  fs.mkdirSync(destDir, { recursive: true });
  let pos = 0;
  let files = 0;
  try {
    const head = Buffer.alloc(block);
    const chunk = Buffer.alloc(1 << 20);
    for (;;) {
      if (fs.readSync(fd, head, 0, block, pos) !== block) throw badArchive('berkas terpotong.');
      pos += block;
      if (head.every((b) => b === 0)) break;
      let sum = 0;
      for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 32 : head[i]!;
      if (readOctal(head, 148, 8) !== sum) throw badArchive('checksum header salah.');
      const prefix = readString(head, 345, 155);
      const name = (prefix ? `${prefix}/` : '') + readString(head, 0, 100);
      const type = String.fromCharCode(head[156]!);
      const size = readOctal(head, 124, 12);
      const clean = name.replace(/\/$/, '');
      if (!isSafeName(clean)) throw badArchive(`nama berkas tidak aman: ${JSON.stringify(name)}.`);
      if (!Number.isFinite(size) || size < 0 || pos + size > total) throw badArchive('ukuran berkas tidak sah.');
      const target = path.join(destDir, ...clean.split('/'));
      if (type === '5') {
        fs.mkdirSync(target, { recursive: true });
        continue;
      }
      if (type !== '0' && type !== '\0') throw badArchive(`jenis entri "${type}" tidak didukung (hanya berkas dan folder).`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const out = fs.openSync(target, 'wx');
      try {
        let left = size;
        while (left > 0) {
          const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, left), pos);
          if (n <= 0) throw badArchive('berkas terpotong.');
          fs.writeSync(out, chunk, 0, n);
          pos += n;
          left -= n;
        }
      } finally {
        fs.closeSync(out);
      }
      pos += (block - (size % block)) % block;
      files++;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { files };
}
