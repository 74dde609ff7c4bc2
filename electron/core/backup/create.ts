import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { auditHeadOf, type SignedHead } from '../audit/anchor';
import { openRawSqlite } from '../db/connection';
import { systemNow } from '../clock';
import { appVersion } from '../version';
import { checkDatabaseFile, sha256File } from './database-file';
import { snapshotEvidence } from './evidence';
import {
  backupDbFileName,
  backupIdFor,
  backupsDir,
  evidenceDir,
  evidenceDirName,
  manifestFileName,
  partialSuffix,
  readManifest,
  type BackupEntry,
  type BackupKind,
  type BackupManifest,
} from './layout';

export interface CreateBackupOptions {
  dataDir: string;
  kind: BackupKind;
  now?: Date;
  /** 0..1, reported while the database pages are copied. */
  onProgress?: (fraction: number) => void;
  /** Pages per step of the online backup; small steps keep the event loop (UI, HTTP) responsive. */
  pagesPerStep?: number;
  /** The backup's id, as soon as its folder is reserved. */
  onReserved?: (id: string) => void;
}

function reserveFolder(dataDir: string, kind: BackupKind, now: Date): { id: string; partial: string; final: string } {
  const root = backupsDir(dataDir);
  fs.mkdirSync(root, { recursive: true });
  const base = backupIdFor(now, kind);
  for (let n = 1; n < 1000; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const final = path.join(root, id);
    const partial = final + partialSuffix;
    if (fs.existsSync(final) || fs.existsSync(partial)) continue;
    try {
      fs.mkdirSync(partial);
    } catch {
      continue; // another process took this name this very moment
    }
    return { id, partial, final };
  }
  throw new Error('Tidak dapat menentukan nama folder cadangan.');
}

/**
 * After the pages are copied: make the copy a self-contained file (journal mode DELETE, so no -wal
 * sidecar is needed to read it), check it the way a restore will, add the evidence, write the
 * manifest, then publish the folder by renaming it. A backup that fails its own check is removed,
 * never listed: a bad backup found on the day of need is worse than a loud failure today.
 */
function finish(dataDir: string, slot: { id: string; partial: string; final: string }, kind: BackupKind, now: Date): BackupEntry {
  const dbFile = path.join(slot.partial, backupDbFileName);
  const copy = openRawSqlite(dbFile, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const check = checkDatabaseFile(dbFile);
  if (!check.ok) throw new AppError('INTERNAL', `Cadangan yang baru dibuat gagal diperiksa: ${check.message}`);
  const evidence = snapshotEvidence(evidenceDir(dataDir), path.join(slot.partial, evidenceDirName));
  const readCopy = openRawSqlite(dbFile, { readonly: true });
  let auditHead: SignedHead | null;
  try {
    auditHead = auditHeadOf(dataDir, readCopy);
  } finally {
    readCopy.close();
  }
  const manifest: BackupManifest = {
    format: 'kinerja-backup',
    formatVersion: 1,
    id: slot.id,
    kind,
    createdAt: now.toISOString(),
    appVersion,
    schemaVersion: check.schemaVersion,
    officeId: check.officeId,
    database: { file: backupDbFileName, bytes: fs.statSync(dbFile).size, sha256: sha256File(dbFile) },
    evidence,
    ...(auditHead ? { auditHead } : {}),
  };
  fs.writeFileSync(path.join(slot.partial, manifestFileName), JSON.stringify(manifest, null, 2) + '\n');
  fs.renameSync(slot.partial, slot.final);
  return { ...manifest, dir: slot.final, totalBytes: manifest.database.bytes + evidence.bytes };
}

/**
 * A backup through SQLite's online backup API (better-sqlite3's `db.backup`). Called with the live
 * connection, so the app keeps working meanwhile: the copy proceeds a few pages per event-loop turn,
 * and writes made through this same connection during the copy are carried into it. When another
 * process writes (a CLI backup while `kinerja serve` runs), SQLite restarts the copy; after the first
 * restart we copy the rest in one step, which holds only a read lock (WAL writers are not blocked),
 * so a busy server cannot starve the backup.
 */
export async function createBackup(sqlite: Database.Database, options: CreateBackupOptions): Promise<BackupEntry> {
  const now = options.now ?? systemNow();
  const slot = reserveFolder(options.dataDir, options.kind, now);
  options.onReserved?.(slot.id);
  try {
    let lastRemaining = Number.POSITIVE_INFINITY;
    await sqlite.backup(path.join(slot.partial, backupDbFileName), {
      progress: ({ totalPages, remainingPages }) => {
        const restarted = remainingPages > lastRemaining;
        lastRemaining = remainingPages;
        options.onProgress?.(totalPages ? 1 - remainingPages / totalPages : 1);
        return restarted ? 0x7fffffff : (options.pagesPerStep ?? 256);
      },
    });
    options.onProgress?.(1);
    return finish(options.dataDir, slot, options.kind, now);
  } catch (err) {
    fs.rmSync(slot.partial, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The synchronous variant, for the backup before a schema migration: migrations run inside the
 * synchronous `Core.open`, before anything else uses the database, so there is nobody to keep
 * responsive. `VACUUM INTO` writes a consistent snapshot in one statement.
 */
export function createBackupSync(sqlite: Database.Database, options: Omit<CreateBackupOptions, 'onProgress' | 'pagesPerStep'>): BackupEntry {
  const now = options.now ?? systemNow();
  const slot = reserveFolder(options.dataDir, options.kind, now);
  try {
    sqlite.prepare('VACUUM INTO ?').run(path.join(slot.partial, backupDbFileName));
    return finish(options.dataDir, slot, options.kind, now);
  } catch (err) {
    fs.rmSync(slot.partial, { recursive: true, force: true });
    throw err;
  }
}

/** Removes backups by id, and leftovers of interrupted ones (`*.partial` older than a day). */
export function deleteBackups(dataDir: string, ids: readonly string[], now: Date = systemNow()): void {
  const root = backupsDir(dataDir);
  for (const id of ids) {
    const dir = path.join(root, id);
    if (readManifest(dir)?.id === id) fs.rmSync(dir, { recursive: true, force: true });
  }
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith(partialSuffix)) continue;
    const dir = path.join(root, name);
    try {
      if (now.getTime() - fs.statSync(dir).mtimeMs > 24 * 60 * 60 * 1000) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // already gone
    }
  }
}

/**
 * The `beforeMigrate` hook for `Core.open`: a backup of the database as it was before an upgrade
 * changes its schema. If it cannot be made, the migration does not run (the error says why).
 */
export function backupBeforeMigrate(dataDir: string): (from: number, to: number, sqlite: Database.Database) => void {
  return (from, to, sqlite) => {
    try {
      createBackupSync(sqlite, { dataDir, kind: 'pre-migration' });
    } catch (err) {
      throw new AppError(
        'INTERNAL',
        `Cadangan sebelum pembaruan basis data (skema ${from} ke ${to}) gagal dibuat, jadi pembaruan dibatalkan: ${(err as Error).message}`,
        { details: { reason: 'PRE_MIGRATION_BACKUP_FAILED' } },
      );
    }
  };
}
