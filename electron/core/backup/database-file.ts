import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { openRawSqlite } from '../db/connection';
import { latestSchemaVersion } from '../db/migrations';

/** Checks on SQLite files that are not (yet) the live database: backups, restore candidates. */

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

export function looksLikeSqlite(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(16);
    return fs.readSync(fd, buf, 0, 16, 0) === 16 && buf.equals(sqliteHeader);
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Streams the file through sha256: databases and evidence can be far larger than we want in memory. */
export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export type DatabaseCheck =
  | { ok: true; schemaVersion: number; officeId: string | null }
  | { ok: false; reason: 'NOT_SQLITE' | 'CORRUPT' | 'NOT_KINERJA' | 'NEWER_SCHEMA'; message: string; schemaVersion?: number };

/**
 * Would this file be safe to run the app on? It must be SQLite, pass `PRAGMA integrity_check`, be a
 * Kinerja database, and not come from a newer Kinerja (its tables could mean what we do not know).
 * Opened read-only: a check never changes the file it checks.
 */
export function checkDatabaseFile(file: string): DatabaseCheck {
  if (!looksLikeSqlite(file)) {
    return { ok: false, reason: 'NOT_SQLITE', message: 'Berkas ini bukan basis data Kinerja (bukan berkas SQLite).' };
  }
  let db;
  try {
    db = openRawSqlite(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, reason: 'CORRUPT', message: `Berkas basis data tidak dapat dibuka: ${(err as Error).message}` };
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      return { ok: false, reason: 'CORRUPT', message: `Pemeriksaan keutuhan gagal: ${(err as Error).message}` };
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      return {
        ok: false,
        reason: 'CORRUPT',
        message: `Basis data rusak (PRAGMA integrity_check): ${problems.slice(0, 3).join('; ')}`,
      };
    }
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('schema_migrations') || !tables.has('meta')) {
      return { ok: false, reason: 'NOT_KINERJA', message: 'Berkas ini basis data SQLite, tetapi bukan milik Kinerja.' };
    }
    const schemaVersion = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    const latest = latestSchemaVersion();
    if (schemaVersion > latest) {
      return {
        ok: false,
        reason: 'NEWER_SCHEMA',
        schemaVersion,
        message: `Cadangan ini dibuat oleh versi Kinerja yang lebih baru (skema ${schemaVersion}, aplikasi ini mengenal sampai ${latest}). Perbarui aplikasi terlebih dahulu.`,
      };
    }
    const office = db.prepare("SELECT value FROM meta WHERE key = 'office_id'").get() as { value: string } | undefined;
    return { ok: true, schemaVersion, officeId: office?.value ?? null };
  } finally {
    db.close();
  }
}

/** The check as a thrown error with the reason in `details`, for callers that refuse. */
export function assertRestorableDatabase(file: string): { schemaVersion: number; officeId: string | null } {
  const check = checkDatabaseFile(file);
  if (!check.ok) {
    throw new AppError('RULE_VIOLATION', check.message, {
      details: { reason: check.reason, ...(check.schemaVersion !== undefined ? { schemaVersion: check.schemaVersion } : {}) },
    });
  }
  return { schemaVersion: check.schemaVersion, officeId: check.officeId };
}

/**
 * Is another process (the app, `kinerja serve`) using this database right now? Every WAL connection
 * holds a shared lock while open, so an exclusive lock with no waiting succeeds only when nobody
 * else has the file open. A restore must never swap a file out from under a running server.
 */
export function isDatabaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let db;
  try {
    db = openRawSqlite(file, { fileMustExist: true, timeoutMs: 0 });
  } catch {
    return false;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    db.close();
  }
}
