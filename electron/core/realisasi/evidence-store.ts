import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isStorageFull, storageFullMessage } from '../../../shared/errors';

/**
 * Evidence files live content-addressed under `<data>/evidence/<first two hex>/<sha256>`: the same
 * file uploaded twice is stored once, names from users never reach the file system, and a backup
 * copies the folder as it is.
 */
export function evidenceDir(dataDir: string): string {
  return path.join(dataDir, 'evidence');
}

export function evidencePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid evidence hash');
  return path.join(evidenceDir(dataDir), sha256.slice(0, 2), sha256);
}

/** The file system calls storing evidence makes: a seam, so tests can make the disk full. */
export interface EvidenceFileSystem {
  writeFileSync(file: string, data: Buffer): void;
  renameSync(from: string, to: string): void;
}

/**
 * Stores the content under its hash and returns the hash. The bytes go to a temporary file first
 * and are renamed into place, so a reader never sees half a file. If writing fails (a full disk
 * answers ENOSPC part-way through), the temporary file is removed and a full disk is reported as
 * STORAGE_FULL: nothing of the upload stays behind.
 */
export function storeEvidence(dataDir: string, content: Buffer, files: EvidenceFileSystem = fs): string {
  const sha = crypto.createHash('sha256').update(content).digest('hex');
  const target = evidencePath(dataDir, sha);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      files.writeFileSync(tmp, content);
      files.renameSync(tmp, target);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      if (isStorageFull(err)) throw new AppError('STORAGE_FULL', storageFullMessage);
      throw err;
    }
  }
  return sha;
}
