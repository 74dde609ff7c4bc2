import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

export function storeEvidence(dataDir: string, content: Buffer): string {
  const sha = crypto.createHash('sha256').update(content).digest('hex');
  const target = evidencePath(dataDir, sha);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, target);
  }
  return sha;
}
