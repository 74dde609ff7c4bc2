import fs from 'node:fs';
import path from 'node:path';
import { sha256File } from './database-file';

/**
 * Evidence files (bukti dukung) are a content-addressed store: a file's name is its sha256 (maybe
 * with an extension, maybe under a two-letter fan-out folder). Files never change in place, so a
 * hard link is as good as a copy and costs no space; we fall back to copying when the target is on
 * another file system (a USB stick, a network share).
 */

export interface EvidenceStats {
  files: number;
  bytes: number;
}

/** Relative paths of the regular files under `root`; symlinks and temporaries are ignored. */
export function listEvidenceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      // A writer stores evidence as a temporary then renames it; a half-written file is not evidence.
      if (e.name.startsWith('.') || e.name.endsWith('.tmp') || e.name.endsWith('.partial')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** Snapshot of `<data>/evidence` into a backup's `evidence/` folder. */
export function snapshotEvidence(sourceRoot: string, targetRoot: string, options: { link?: boolean } = {}): EvidenceStats {
  let files = 0;
  let bytes = 0;
  for (const rel of listEvidenceFiles(sourceRoot)) {
    const from = path.join(sourceRoot, rel);
    const to = path.join(targetRoot, rel);
    let size: number;
    try {
      size = fs.statSync(from).size;
    } catch {
      continue; // removed while we walked
    }
    if (options.link === false) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
    } else {
      linkOrCopy(from, to);
    }
    files++;
    bytes += size;
  }
  return { files, bytes };
}

const hashName = /^([0-9a-f]{64})(\.[A-Za-z0-9]{1,10})?$/;

/**
 * Puts a backup's evidence back: files missing from `<data>/evidence` are copied in (after checking
 * that a hash-named file still has that hash); files already there are left alone, and files the
 * backup does not know stay too, because evidence is never worth losing and orphans cost only space.
 */
export function restoreEvidence(backupRoot: string, targetRoot: string): { copied: number; present: number; skipped: string[] } {
  let copied = 0;
  let present = 0;
  const skipped: string[] = [];
  for (const rel of listEvidenceFiles(backupRoot)) {
    const from = path.join(backupRoot, rel);
    const to = path.join(targetRoot, rel);
    if (fs.existsSync(to)) {
      present++;
      continue;
    }
    const m = hashName.exec(path.basename(rel));
    if (m && sha256File(from) !== m[1]) {
      skipped.push(rel);
      continue;
    }
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const tmp = `${to}.${process.pid}.tmp`;
    fs.copyFileSync(from, tmp);
    fs.renameSync(tmp, to);
    copied++;
  }
  return { copied, present, skipped };
}
