import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { buildServer } from '../../server/app';
import { verifyAuditChain } from '../audit/chain';
import { Core } from '../core';
import { databasePath } from '../db/connection';
import { dispatch } from '../dispatch';
import { packDirectory } from './archive';
import { createBackup, createBackupSync } from './create';
import { checkDatabaseFile } from './database-file';
import { listBackups } from './layout';
import { applyPendingRestore, restoreBackup } from './restore';
import { backupServiceFor } from './service';
import { adminToken, openOffice, tempDir, writeEvidence } from './test-support';

const dirs: string[] = [];
const cores: Core[] = [];
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
function track(core: Core): Core {
  cores.push(core);
  return core;
}

afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Grows the database so a backup needs many steps (the interesting case for concurrent writes). */
function pad(core: Core, megabytes: number): void {
  core.sqlite.exec('CREATE TABLE IF NOT EXISTS test_padding (id INTEGER PRIMARY KEY, blob BLOB)');
  const insert = core.sqlite.prepare('INSERT INTO test_padding (blob) VALUES (randomblob(?))');
  core.sqlite.transaction(() => {
    for (let i = 0; i < megabytes * 16; i++) insert.run(64 * 1024);
  })();
}

function auditIds(file: string): { seq: number; id: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT seq, id FROM audit_log ORDER BY seq').all() as { seq: number; id: string }[];
  } finally {
    db.close();
  }
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('backup while the server is writing', () => {
  it('restores to a database that passes integrity_check and holds every row committed before the backup', async () => {
    const data = dir();
    const core = track(openOffice(data));
    // Each failed login costs a password-hash verification (tens of ms, on the thread pool), so the
    // copy goes a page per event-loop turn over a database large enough for logins to land meanwhile.
    pad(core, 16);
    const app = await buildServer({ core, loginRateLimit: 1_000_000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      // Each failed login is a committed write: a hash-chained audit row.
      let writing = true;
      let committed = 0;
      const writer = (async () => {
        while (writing) {
          const res = await fetch(`${address}/api/auth.login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ login: `tidak-ada-${committed}`, password: 'salah12345' }),
          });
          expect(res.status).toBe(401);
          committed++;
        }
      })();
      while (committed < 3) await new Promise((r) => setTimeout(r, 10));

      const maxSeq = () => (core.sqlite.prepare('SELECT MAX(seq) AS s FROM audit_log').get() as { s: number }).s;
      const beforeSeq = maxSeq();
      const committedBefore = committed;
      const entry = await createBackup(core.sqlite, { dataDir: data, kind: 'manual', pagesPerStep: 1 });
      const committedDuring = committed - committedBefore;
      writing = false;
      await writer;
      // The copy took many event-loop turns with the server answering in between.
      expect(committedDuring).toBeGreaterThan(0);

      const target = dir();
      const result = restoreBackup({ dataDir: target, source: entry.dir });
      expect(result.setAsideDir).toBeNull();
      expect(checkDatabaseFile(databasePath(target))).toMatchObject({ ok: true });

      const restored = auditIds(databasePath(target));
      const live = auditIds(databasePath(data));
      const restoredMax = restored[restored.length - 1]!.seq;
      expect(restoredMax).toBeGreaterThanOrEqual(beforeSeq);
      // Exactly the live rows up to the snapshot: none missing, none invented, none reordered.
      expect(restored).toEqual(live.filter((r) => r.seq <= restoredMax));

      const reopened = track(Core.open({ dataDir: target }));
      expect(verifyAuditChain(reopened).ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('finishes even when another process keeps writing (restarted copies fall back to one step)', async () => {
    const data = dir();
    const core = track(openOffice(data));
    pad(core, 8);
    // Another connection stands for `kinerja serve` while the CLI backs up through its own.
    const other = new Database(databasePath(data));
    other.pragma('busy_timeout = 5000');
    other.exec('CREATE TABLE IF NOT EXISTS test_other (id INTEGER PRIMARY KEY, at TEXT)');
    let n = 0;
    const timer = setInterval(() => other.prepare('INSERT INTO test_other (at) VALUES (?)').run(String(n++)), 1);
    try {
      const before = n;
      const entry = await createBackup(core.sqlite, { dataDir: data, kind: 'manual', pagesPerStep: 4 });
      const copy = new Database(path.join(entry.dir, 'kinerja.db'), { readonly: true });
      const rows = (copy.prepare('SELECT COUNT(*) AS c FROM test_other').get() as { c: number }).c;
      copy.close();
      expect(rows).toBeGreaterThanOrEqual(before);
    } finally {
      clearInterval(timer);
      other.close();
    }
  });
});

describe('backup contents', () => {
  it('holds the database, the evidence files and a manifest; lists newest first', async () => {
    const data = dir();
    const core = track(openOffice(data));
    const evidence = writeEvidence(data, ['bukti satu', 'bukti dua']);
    const first = await createBackup(core.sqlite, { dataDir: data, kind: 'daily', now: new Date('2025-03-01T01:00:00Z') });
    const second = await createBackup(core.sqlite, { dataDir: data, kind: 'manual', now: new Date('2025-03-02T01:00:00Z') });
    expect(listBackups(data).map((b) => b.id)).toEqual([second.id, first.id]);
    expect(first.id).toBe('20250301T010000Z-daily');
    expect(first.evidence).toEqual({ files: 2, bytes: 'bukti satu'.length + 'bukti dua'.length });
    for (const rel of evidence) expect(fs.readFileSync(path.join(first.dir, 'evidence', rel), 'utf8')).toMatch(/^bukti/);
    expect(first.database.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.schemaVersion).toBeGreaterThan(0);
    // Self-contained: no -wal beside the copy, and it opens read-only.
    expect(fs.existsSync(path.join(first.dir, 'kinerja.db-wal'))).toBe(false);
    expect(checkDatabaseFile(path.join(first.dir, 'kinerja.db'))).toMatchObject({ ok: true, officeId: core.officeId() });
  });

  it('gives two backups in the same second distinct ids', async () => {
    const data = dir();
    const core = track(openOffice(data));
    const now = new Date('2025-03-01T01:00:00Z');
    const a = await createBackup(core.sqlite, { dataDir: data, kind: 'manual', now });
    const b = createBackupSync(core.sqlite, { dataDir: data, kind: 'manual', now });
    expect(a.id).not.toBe(b.id);
    expect(b.id).toBe('20250301T010000Z-manual-2');
  });
});

describe('restore', () => {
  it('sets the current database aside, restores the backup and its evidence', async () => {
    const data = dir();
    const core = openOffice(data);
    const [rel] = writeEvidence(data, ['bukti lama']);
    const entry = await createBackup(core.sqlite, { dataDir: data, kind: 'manual' });
    core.setMeta('after_backup', 'yes');
    core.close();
    fs.rmSync(path.join(data, 'evidence'), { recursive: true });

    const result = restoreBackup({ dataDir: data, source: entry.dir });
    expect(result.evidence.copied).toBe(1);
    expect(fs.readFileSync(path.join(data, 'evidence', rel!), 'utf8')).toBe('bukti lama');
    expect(result.setAsideDir).toMatch(/replaced/);
    const aside = new Database(path.join(result.setAsideDir!, 'kinerja.db'));
    expect((aside.prepare("SELECT value FROM meta WHERE key = 'after_backup'").get() as { value: string }).value).toBe('yes');
    aside.close();
    const back = track(Core.open({ dataDir: data }));
    expect(back.getMeta('after_backup')).toBeNull();
    expect(back.officeId()).not.toBeNull();
  });

  it('restores from a packed archive and from a bare database file', async () => {
    const data = dir();
    const core = openOffice(data);
    writeEvidence(data, ['bukti arsip']);
    const entry = await createBackup(core.sqlite, { dataDir: data, kind: 'manual' });
    core.close();
    const archive = path.join(dir(), 'cadangan.tar');
    packDirectory(entry.dir, archive);

    const target = dir();
    const fromArchive = restoreBackup({ dataDir: target, source: archive });
    expect(fromArchive.evidence.copied).toBe(1);
    expect(checkDatabaseFile(databasePath(target))).toMatchObject({ ok: true });
    // The unpacked scratch copy is cleaned up.
    expect(fs.readdirSync(path.join(target, 'backups')).filter((n) => n.startsWith('.unpack'))).toEqual([]);

    const bare = dir();
    restoreBackup({ dataDir: bare, source: path.join(entry.dir, 'kinerja.db') });
    expect(checkDatabaseFile(databasePath(bare))).toMatchObject({ ok: true });
  });

  it('refuses a corrupt file and leaves the current database untouched', async () => {
    const data = dir();
    const core = openOffice(data);
    pad(core, 1);
    const entry = await createBackup(core.sqlite, { dataDir: data, kind: 'manual' });
    core.close();
    const broken = path.join(dir(), 'rusak.db');
    const bytes = fs.readFileSync(path.join(entry.dir, 'kinerja.db'));
    // Scribble over the b-tree pages after the header page; the SQLite header stays valid.
    for (let i = 4096; i < bytes.length; i += 4096) bytes.fill(0xa5, i, i + 64);
    fs.writeFileSync(broken, bytes);
    const before = fs.readFileSync(databasePath(data));

    const err = errorOf(() => restoreBackup({ dataDir: data, source: broken }));
    expect(err.code).toBe('RULE_VIOLATION');
    expect(err.details?.reason).toBe('CORRUPT');
    expect(fs.readFileSync(databasePath(data)).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(data, 'replaced'))).toBe(false);

    // A backup folder whose database no longer matches its manifest is refused too.
    fs.appendFileSync(path.join(entry.dir, 'kinerja.db'), Buffer.alloc(4096));
    expect(errorOf(() => restoreBackup({ dataDir: data, source: entry.dir })).details?.reason).toBe('CORRUPT');
  });

  it('refuses a backup from a newer schema', async () => {
    const data = dir();
    const core = openOffice(data);
    core.close();
    const newer = path.join(dir(), 'baru.db');
    fs.copyFileSync(databasePath(data), newer);
    const db = new Database(newer);
    db.pragma('journal_mode = DELETE');
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, ?)').run('dari masa depan', new Date().toISOString());
    db.close();
    const err = errorOf(() => restoreBackup({ dataDir: data, source: newer }));
    expect(err.details?.reason).toBe('NEWER_SCHEMA');
    expect(err.message).toMatch(/versi Kinerja yang lebih baru/);
  });

  it('refuses files that are not Kinerja backups', () => {
    const data = dir();
    const text = path.join(data, 'catatan.txt');
    fs.writeFileSync(text, 'bukan cadangan');
    expect(errorOf(() => restoreBackup({ dataDir: data, source: text })).details?.reason).toBe('NOT_BACKUP');
    const foreign = path.join(data, 'lain.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE x (a)');
    db.close();
    expect(errorOf(() => restoreBackup({ dataDir: data, source: foreign })).details?.reason).toBe('NOT_KINERJA');
    expect(errorOf(() => restoreBackup({ dataDir: data, source: path.join(data, 'tidak-ada') })).code).toBe('NOT_FOUND');
  });

  it('refuses while another connection has the database open', async () => {
    const data = dir();
    const core = track(openOffice(data));
    const entry = await createBackup(core.sqlite, { dataDir: data, kind: 'manual' });
    const err = errorOf(() => restoreBackup({ dataDir: data, source: entry.dir }));
    expect(err.code).toBe('CONFLICT');
    expect(err.details?.reason).toBe('IN_USE');
  });
});

describe('backup commands and the pending restore', () => {
  it('lists, creates in the background, and schedules a restore applied at the next start', async () => {
    const data = dir();
    const core = openOffice(data);
    const token = adminToken(core);
    const meta = { transport: 'ipc' as const, sessionToken: token, requireCsrf: false };

    const started = dispatch(core, 'backup.create', {}, meta).result as { running: { kind: string } };
    expect(started.running.kind).toBe('manual');
    await backupServiceFor(core).idle();
    const list = dispatch(core, 'backup.list', {}, meta).result as { backups: { id: string; totalBytes: number }[]; running: unknown; lastError: unknown };
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]!.totalBytes).toBeGreaterThan(0);
    expect(list.running).toBeNull();
    expect(list.lastError).toBeNull();

    core.setMeta('after_backup', 'yes');
    const scheduled = dispatch(core, 'backup.restore', { id: list.backups[0]!.id }, meta).result as { scheduled: boolean };
    expect(scheduled.scheduled).toBe(true);
    const listed = dispatch(core, 'backup.list', {}, meta).result as { pendingRestore: { backupId: string } | null };
    expect(listed.pendingRestore?.backupId).toBe(list.backups[0]!.id);
    core.close();

    const applied = applyPendingRestore(data);
    expect(applied && 'result' in applied).toBe(true);
    expect(applyPendingRestore(data)).toBeNull();
    const back = track(Core.open({ dataDir: data }));
    expect(back.getMeta('after_backup')).toBeNull();
  });

  it('is for the office admin only, and refuses unknown backups', () => {
    const data = dir();
    const core = track(openOffice(data));
    expect(() => dispatch(core, 'backup.list', {}, { transport: 'ipc', requireCsrf: false })).toThrow(/masuk/);
    const meta = { transport: 'ipc' as const, sessionToken: adminToken(core), requireCsrf: false };
    expect(errorOf(() => dispatch(core, 'backup.restore', { id: '20250101T000000Z-manual' }, meta)).code).toBe('NOT_FOUND');
    expect(errorOf(() => dispatch(core, 'backup.restore', { id: '../../etc' }, meta)).code).toBe('VALIDATION');
  });
});
