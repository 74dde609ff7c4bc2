import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openOffice, tempDir, writeEvidence } from '../../core/backup/test-support';

/** The real command line, as an admin types it: `npm run kinerja -- backup|restore ...`. */
const root = path.resolve(__dirname, '../../..');
function kinerja(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'electron/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dirs: string[] = [];
const dir = () => {
  const d = tempDir('kinerja-cli-');
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('kinerja backup / restore', () => {
  it('backs up to a portable file and restores it into another data folder', () => {
    const data = dir();
    const core = openOffice(data);
    const officeId = core.officeId();
    const [rel] = writeEvidence(data, ['bukti cli']);
    core.close();

    const out = path.join(dir(), 'cadangan.tar');
    const made = kinerja('backup', '--data', data, '--out', out);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/Cadangan dibuat/);
    expect(fs.existsSync(out)).toBe(true);

    const listed = kinerja('backup', '--data', data, '--list');
    expect(listed.out).toMatch(/-manual/);

    const target = dir();
    const restored = kinerja('restore', '--data', target, out);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/Dipulihkan/);
    expect(fs.readFileSync(path.join(target, 'evidence', rel!), 'utf8')).toBe('bukti cli');
    const db = new Database(path.join(target, 'kinerja.db'), { readonly: true });
    expect((db.prepare("SELECT value FROM meta WHERE key = 'office_id'").get() as { value: string }).value).toBe(officeId);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // Restoring again keeps the current database aside, never deletes it.
    const again = kinerja('restore', '--data', target, out);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/disimpan di .*replaced/);
  });

  it('refuses a corrupt file with a clear message and exit code 1', () => {
    const data = dir();
    openOffice(data).close();
    const bad = path.join(dir(), 'rusak.db');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x41)]));
    const r = kinerja('restore', '--data', data, bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Galat \(RULE_VIOLATION\)/);
  });

  it('explains its usage', () => {
    const r = kinerja('restore', '--data', dir());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Penggunaan/);
  });
});
