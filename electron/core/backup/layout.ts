import fs from 'node:fs';
import path from 'node:path';
import type { SignedHead } from '../audit/anchor';

/**
 * Where backups live and what one looks like on disk.
 *
 * A backup is a folder `<data>/backups/<id>/` holding
 *   - `kinerja.db`: a self-contained copy of the database (journal mode DELETE, no -wal beside it),
 *   - `evidence/`: the evidence files (bukti dukung) at the time, same relative paths as
 *     `<data>/evidence/`, hard-linked when the file system allows (content-addressed files never
 *     change in place, so 26 backups do not cost 26 times the evidence),
 *   - `manifest.json`: what, when, which versions, the database's sha256.
 * A folder still being written is named `<id>.partial` and is never listed; a crash leaves at most
 * that, which the next pruning removes. For carrying elsewhere (`backup --out FILE`) the same folder
 * is packed into one uncompressed tar file, which 7-Zip or `tar -xf` also open.
 */

export const backupsDirName = 'backups';
export const evidenceDirName = 'evidence';
/** Databases set aside by a restore, one folder per restore. */
export const replacedDirName = 'replaced';
export const manifestFileName = 'manifest.json';
export const backupDbFileName = 'kinerja.db';
export const partialSuffix = '.partial';
export const pendingRestoreFileName = 'restore-pending.json';

export const backupKinds = ['daily', 'manual', 'pre-migration'] as const;
export type BackupKind = (typeof backupKinds)[number];

export interface BackupManifest {
  format: 'kinerja-backup';
  formatVersion: 1;
  id: string;
  kind: BackupKind;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  officeId: string | null;
  database: { file: string; bytes: number; sha256: string };
  evidence: { files: number; bytes: number };
  /**
   * The audit trail's head in this copy, signed with the office's audit key (docs/spec/operations.md §1): a restore
   * refuses a copy whose trail no longer ends there. Absent in backups made before it existed.
   */
  auditHead?: SignedHead;
}

/** A listed backup: its manifest plus where it is. */
export interface BackupEntry extends BackupManifest {
  dir: string;
  totalBytes: number;
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, backupsDirName);
}

export function evidenceDir(dataDir: string): string {
  return path.join(dataDir, evidenceDirName);
}

/** `20250131T102205Z-daily`: sorts by time, safe as a file name everywhere, unique per second and kind. */
export function backupIdFor(at: Date, kind: BackupKind): string {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `${stamp}-${kind}`;
}

/** Ids come back from the renderer: only our own shape may name a folder. */
export function isBackupId(id: string): boolean {
  return /^\d{8}T\d{6}Z-(daily|manual|pre-migration)(-\d{1,3})?$/.test(id);
}

export function readManifest(dir: string): BackupManifest | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, manifestFileName), 'utf8')) as Partial<BackupManifest>;
    if (raw.format !== 'kinerja-backup' || typeof raw.id !== 'string' || typeof raw.createdAt !== 'string' || !raw.database) return null;
    if (!(backupKinds as readonly string[]).includes(raw.kind as string)) return null;
    return raw as BackupManifest;
  } catch {
    return null;
  }
}

/** Every finished backup in `<data>/backups`, newest first. Folders without a readable manifest are skipped. */
export function listBackups(dataDir: string): BackupEntry[] {
  const root = backupsDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const name of names) {
    if (!isBackupId(name)) continue;
    const dir = path.join(root, name);
    const manifest = readManifest(dir);
    if (!manifest || manifest.id !== name) continue;
    out.push({ ...manifest, dir, totalBytes: manifest.database.bytes + manifest.evidence.bytes });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)));
}

export function findBackup(dataDir: string, id: string): BackupEntry | null {
  if (!isBackupId(id)) return null;
  return listBackups(dataDir).find((b) => b.id === id) ?? null;
}
