import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { genesis, hmacValid, readAuditKey, reanchorAfterRestore, type SignedHead } from '../audit/anchor';
import { databaseFileName, databasePath, openRawSqlite } from '../db/connection';
import { isTarArchive, unpackArchive } from './archive';
import { systemNow } from '../clock';
import { assertRestorableDatabase, isDatabaseInUse, looksLikeSqlite, sha256File } from './database-file';
import { restoreEvidence } from './evidence';
import {
  backupDbFileName,
  backupsDir,
  evidenceDir,
  evidenceDirName,
  findBackup,
  pendingRestoreFileName,
  readManifest,
  replacedDirName,
} from './layout';

export interface RestoreResult {
  /** What was restored from (folder, archive or database file). */
  source: string;
  schemaVersion: number;
  /** Where the database that was replaced now lives; null when there was none. */
  setAsideDir: string | null;
  evidence: { copied: number; present: number; skipped: string[] };
}

interface Candidate {
  dbFile: string;
  evidenceRoot: string | null;
  expectedSha256: string | null;
  auditHead?: SignedHead | null;
  cleanup: () => void;
}

const notABackup = () =>
  new AppError('RULE_VIOLATION', 'Berkas ini bukan cadangan Kinerja. Pilih folder cadangan, arsip cadangan (.tar), atau berkas basis data (.db).', {
    details: { reason: 'NOT_BACKUP' },
  });

/** A backup folder, a packed backup (tar), or a bare database file: the three things people hand us. */
function openCandidate(source: string, scratchRoot: string): Candidate {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new AppError('NOT_FOUND', `Cadangan tidak ditemukan: ${source}`);
  }
  if (stat.isDirectory()) {
    const dbFile = path.join(source, backupDbFileName);
    if (!fs.existsSync(dbFile)) throw notABackup();
    const manifest = readManifest(source);
    const ev = path.join(source, evidenceDirName);
    return {
      dbFile,
      evidenceRoot: fs.existsSync(ev) ? ev : null,
      expectedSha256: manifest?.database.sha256 ?? null,
      auditHead: manifest?.auditHead ?? null,
      cleanup: () => {},
    };
  }
  if (isTarArchive(source)) {
    fs.mkdirSync(scratchRoot, { recursive: true });
    const scratch = fs.mkdtempSync(path.join(scratchRoot, '.unpack-'));
    try {
      unpackArchive(source, scratch);
      const inner = openCandidate(scratch, scratchRoot);
      return { ...inner, cleanup: () => fs.rmSync(scratch, { recursive: true, force: true }) };
    } catch (err) {
      fs.rmSync(scratch, { recursive: true, force: true });
      throw err;
    }
  }
  if (looksLikeSqlite(source)) return { dbFile: source, evidenceRoot: null, expectedSha256: null, cleanup: () => {} };
  throw notABackup();
}

/**
 * A manifest head signed with this office's key vouches for the copy's audit trail: a copy whose
 * trail no longer ends there was changed after it was made, even if its sha256 in the manifest was
 * rewritten too. A head from another office's key (a backup carried from another computer) cannot
 * be checked here and is let through; the sha256 check above still applies.
 */
function assertMatchesSignedHead(dataDir: string, candidate: Candidate): void {
  const head = candidate.auditHead;
  const key = readAuditKey(dataDir);
  if (!head || !key || !hmacValid(key, head)) return;
  const db = openRawSqlite(candidate.dbFile, { readonly: true, fileMustExist: true });
  let last: { seq: number; hash: string } | undefined;
  try {
    last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  } finally {
    db.close();
  }
  if ((last?.seq ?? 0) !== head.seq || (last?.hash ?? genesis.hash) !== head.hash) {
    throw new AppError(
      'RULE_VIOLATION',
      `Jejak audit dalam cadangan ini tidak lagi sama dengan yang ditandatangani saat dicadangkan (baris ${head.seq}): basis datanya diubah sesudah dicadangkan. Pilih cadangan lain.`,
      { details: { reason: 'AUDIT_HEAD_MISMATCH' } },
    );
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Checks a candidate the way a restore would, without touching the live database. */
export function verifyBackupSource(source: string, scratchRoot: string): { schemaVersion: number; officeId: string | null } {
  const candidate = openCandidate(source, scratchRoot);
  try {
    if (candidate.expectedSha256 && sha256File(candidate.dbFile) !== candidate.expectedSha256) {
      throw new AppError('RULE_VIOLATION', 'Berkas basis data dalam cadangan tidak sama dengan saat dicadangkan (sha256 berbeda): cadangan rusak.', {
        details: { reason: 'CORRUPT' },
      });
    }
    return assertRestorableDatabase(candidate.dbFile);
  } finally {
    candidate.cleanup();
  }
}

/**
 * Replaces the office database with a backup. Refuses a file that fails `PRAGMA integrity_check`,
 * is not a Kinerja database, or comes from a newer schema; refuses while another process has the
 * database open. The current database (with its -wal and -shm, which may hold the latest commits)
 * is moved, not deleted, into `<data>/replaced/<time>/`. The caller must have closed its own
 * connection; the next `Core.open` migrates an older backup forward as usual.
 */
export function restoreBackup(options: { dataDir: string; source: string; now?: Date }): RestoreResult {
  const now = options.now ?? systemNow();
  const dataDir = options.dataDir;
  const live = databasePath(dataDir);
  const candidate = openCandidate(path.resolve(options.source), backupsDir(dataDir));
  try {
    if (candidate.expectedSha256 && sha256File(candidate.dbFile) !== candidate.expectedSha256) {
      throw new AppError('RULE_VIOLATION', 'Berkas basis data dalam cadangan tidak sama dengan saat dicadangkan (sha256 berbeda): cadangan rusak.', {
        details: { reason: 'CORRUPT' },
      });
    }
    const { schemaVersion } = assertRestorableDatabase(candidate.dbFile);
    assertMatchesSignedHead(dataDir, candidate);
    if (isDatabaseInUse(live)) {
      throw new AppError('CONFLICT', 'Basis data sedang dipakai (aplikasi atau server Kinerja masih berjalan). Tutup aplikasi atau hentikan server, lalu ulangi pemulihan.', {
        details: { reason: 'IN_USE' },
      });
    }

    // Copy next to the live file first, so the swap below is two renames on one file system.
    const incoming = `${live}.restoring`;
    fs.rmSync(incoming, { force: true });
    fs.copyFileSync(candidate.dbFile, incoming);

    let setAsideDir: string | null = null;
    const liveFiles = [databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`].filter((f) => fs.existsSync(path.join(dataDir, f)));
    const moved: string[] = [];
    try {
      if (liveFiles.length) {
        setAsideDir = path.join(dataDir, replacedDirName, timestamp(now));
        for (let n = 2; fs.existsSync(setAsideDir); n++) setAsideDir = path.join(dataDir, replacedDirName, `${timestamp(now)}-${n}`);
        fs.mkdirSync(setAsideDir, { recursive: true });
        for (const f of liveFiles) {
          fs.renameSync(path.join(dataDir, f), path.join(setAsideDir, f));
          moved.push(f);
        }
      }
      fs.renameSync(incoming, live);
    } catch (err) {
      // Put the old database back exactly as it was; a half-done restore must not leave nothing.
      for (const f of moved) fs.renameSync(path.join(setAsideDir!, f), path.join(dataDir, f));
      fs.rmSync(incoming, { force: true });
      throw err;
    }

    // The trail is the backup's now: the anchor moves to it (the restoring administrator's act).
    const restored = openRawSqlite(live, { readonly: true, fileMustExist: true });
    try {
      reanchorAfterRestore(dataDir, restored, now.toISOString());
    } finally {
      restored.close();
    }

    const evidence = candidate.evidenceRoot
      ? restoreEvidence(candidate.evidenceRoot, evidenceDir(dataDir))
      : { copied: 0, present: 0, skipped: [] as string[] };
    return { source: options.source, schemaVersion, setAsideDir, evidence };
  } finally {
    candidate.cleanup();
  }
}

/**
 * A restore asked for from the admin screen while the app runs: the request is written down and
 * carried out by the next start (`applyPendingRestore`), before anything opens the database. The
 * desktop app restarts itself at once; `kinerja serve` applies it when the admin restarts it.
 */
export interface PendingRestore {
  backupId: string;
  requestedAt: string;
  requestedBy: string | null;
}

function pendingFile(dataDir: string): string {
  return path.join(backupsDir(dataDir), pendingRestoreFileName);
}

export function schedulePendingRestore(dataDir: string, request: PendingRestore): void {
  fs.mkdirSync(backupsDir(dataDir), { recursive: true });
  const tmp = `${pendingFile(dataDir)}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(request, null, 2));
  fs.renameSync(tmp, pendingFile(dataDir));
}

export function readPendingRestore(dataDir: string): PendingRestore | null {
  try {
    const raw = JSON.parse(fs.readFileSync(pendingFile(dataDir), 'utf8')) as PendingRestore;
    return typeof raw.backupId === 'string' ? raw : null;
  } catch {
    return null;
  }
}

export function cancelPendingRestore(dataDir: string): void {
  fs.rmSync(pendingFile(dataDir), { force: true });
}

/**
 * Carries out a pending restore, if any. The request is removed first whatever happens: a restore
 * that fails must not fail again on every start (the error is returned for the caller to show).
 */
export function applyPendingRestore(dataDir: string, now: Date = systemNow()): { result: RestoreResult; request: PendingRestore } | { error: AppError; request: PendingRestore } | null {
  const request = readPendingRestore(dataDir);
  if (!request) return null;
  cancelPendingRestore(dataDir);
  const entry = findBackup(dataDir, request.backupId);
  if (!entry) return { request, error: new AppError('NOT_FOUND', `Cadangan ${request.backupId} yang diminta untuk dipulihkan tidak ditemukan lagi.`) };
  try {
    return { request, result: restoreBackup({ dataDir, source: entry.dir, now }) };
  } catch (err) {
    return { request, error: err instanceof AppError ? err : new AppError('INTERNAL', `Pemulihan gagal: ${(err as Error).message}`) };
  }
}
