import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core, type CoreOptions } from '../core';
import { dispatch } from '../dispatch';

/** Helpers for the backup tests: a temp folder and a set-up office, nothing shared with other suites. */

export const adminNip = '198609262015051001';
export const adminPassword = 'Rahasia-Cadangan-42';

export function tempDir(prefix = 'kinerja-backup-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openOffice(dataDir: string, options: Partial<CoreOptions> = {}): Core {
  const core = Core.open({ dataDir, ...options });
  if (!core.officeId()) {
    dispatch(
      core,
      'setup.create',
      { officeName: 'Dinas Uji Cadangan', adminNip, adminName: 'Admin Uji', adminPassword },
      { transport: 'cli', requireCsrf: false },
    );
  }
  return core;
}

/** A session token for the office admin, as the desktop main keeps it. */
export function adminToken(core: Core): string {
  const { sessionChange } = dispatch(core, 'auth.login', { login: adminNip, password: adminPassword }, { transport: 'ipc', requireCsrf: false });
  if (sessionChange?.kind !== 'start') throw new Error('login failed');
  return sessionChange.token;
}

/** Writes some evidence files the way the evidence store will: sha256 names under a fan-out folder. */
export function writeEvidence(dataDir: string, contents: string[]): string[] {
  return contents.map((c) => {
    const hash = crypto.createHash('sha256').update(c).digest('hex');
    const rel = `${hash.slice(0, 2)}/${hash}.pdf`;
    const file = path.join(dataDir, 'evidence', rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, c);
    return rel;
  });
}
