import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHeadPath, auditKeyPath, hmacValid, readAuditKey, readHeadFile } from '../electron/core/audit/anchor';
import { rowsDigest } from '../electron/core/audit/rows';
import { auditedTables } from '../electron/core/audit/state';
import { verifyAudit, verifyTables } from '../electron/core/audit/verify';
import { createBackupSync } from '../electron/core/backup/create';
import { readManifest } from '../electron/core/backup/layout';
import { restoreBackup } from '../electron/core/backup/restore';
import { Core } from '../electron/core/core';
import { databasePath } from '../electron/core/db/connection';
import { auditRows as auditRowsMigration } from '../electron/core/db/migrations/0009_audit_rows';
import { seedDemo } from '../electron/core/seed';
import type { AuditFinding, AuditVerifyReport } from '../shared/audit/commands';
import { TestClock, createUserWithRoles, makeOffice, makeTempDir, removeAllTempDirs, runCli, type AuditRow } from './helpers';

/**
 * docs/spec/operations.md §1: tamper evidence over the data, not only over the log. A demo office is seeded once;
 * every tampering runs inside a transaction that is rolled back, so each case starts from the
 * same intact office.
 */

let dir: string;
let core: Core;

beforeAll(() => {
  dir = makeTempDir('kinerja-audit-tamper-');
  // A fixed date in the demo's year keeps the seeded content independent of the machine's clock.
  const clock = new TestClock(new Date('2026-11-16T03:00:00.000Z'));
  core = Core.open({ dataDir: dir, clock: clock.now, beforeMigrate: null });
  seedDemo(core);
}, 600_000);

afterAll(() => {
  core?.close();
  removeAllTempDirs();
});

/** Tampers inside a transaction that is always rolled back (constraints off, as a forger's editor has them). */
function tampered(tamper: (db: Database.Database) => void): AuditVerifyReport;
function tampered(tamper: (db: Database.Database) => void, onlyTable: string): AuditFinding[];
function tampered(tamper: (db: Database.Database) => void, onlyTable?: string): AuditVerifyReport | AuditFinding[] {
  const db = core.sqlite;
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  db.exec('BEGIN');
  try {
    tamper(db);
    return onlyTable ? verifyTables(core, [onlyTable]) : verifyAudit(core);
  } finally {
    db.exec('ROLLBACK');
    db.pragma('ignore_check_constraints = OFF');
    db.pragma('foreign_keys = ON');
  }
}

function auditRows(): AuditRow[] {
  return core.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
}

/** A value different from `v` of the same kind. */
function changed(v: unknown): unknown {
  if (v === null || v === undefined) return 'diubah';
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'string') return `${v}x`;
  return 'diubah';
}

function kinds(findings: AuditFinding[]): string[] {
  return findings.map((f) => f.kind);
}

describe('audit verify on a demo office', () => {
  it('is green: chain, anchor, row digests and every audited table agree', () => {
    const report = verifyAudit(core);
    expect(report.findings, report.message).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rowsChecked).toBeGreaterThan(1000);
    expect(report.message).toMatch(/^Rantai audit utuh: \d+ baris diperiksa\. Isi data sesuai jejak audit/);
  });

  it('covers the tables the issue found editable: evaluations, employees, change_log, users', () => {
    expect(auditedTables(core.sqlite)).toEqual(expect.arrayContaining(['evaluations', 'employees', 'change_log', 'users', 'skps', 'realisasi']));
    expect(auditedTables(core.sqlite)).not.toContain('sessions');
  });

  it('the key and the head live outside the database, owner-only, and the head is signed by the key', () => {
    for (const file of [auditKeyPath(dir), auditHeadPath(dir)]) {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    const key = readAuditKey(dir)!;
    const read = readHeadFile(dir);
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(hmacValid(key, read.head)).toBe(true);
    const last = core.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    expect({ seq: read.head.seq, hash: read.head.hash }).toEqual(last);
    // The database never holds the key.
    const text = fs.readFileSync(databasePath(dir)).toString('latin1');
    expect(text).not.toContain(key.toString('hex'));
  });
});

describe('changing any field of any audited row directly in SQLite is named by table, row and field', () => {
  const tables = () => auditedTables(core.sqlite);

  it('the demo office has rows in every audited table but a few that its story never fills', () => {
    const empty = tables().filter((t) => !(core.sqlite.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get()));
    // Listed so that a table the demo stops filling shows here instead of silently dropping out
    // (no one in the demo story has opened a feedback thread yet).
    expect(empty).toEqual(['feedback_reads']);
  });

  it('one field of one row of every audited table, with the whole verify', () => {
    for (const table of tables()) {
      const row = core.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id LIMIT 1`).get() as Record<string, unknown> | undefined;
      if (!row) continue;
      const column = table === 'change_log' ? 'data' : Object.keys(row).includes('updated_at') ? 'updated_at' : 'created_at';
      const report = tampered((db) => db.prepare(`UPDATE ${table} SET "${column}" = ? WHERE id = ?`).run(changed(row[column]) as string, row.id));
      expect(report.ok, table).toBe(false);
      expect(report.findings, table).toEqual([expect.objectContaining({ kind: 'row_changed', table, rowId: row.id, fields: [column] })]);
    }
  }, 240_000);

  it('every field of one row of every audited table (that table checked)', () => {
    const missed: string[] = [];
    let cases = 0;
    for (const table of tables()) {
      const row = core.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id DESC LIMIT 1`).get() as Record<string, unknown> | undefined;
      if (!row) continue;
      for (const column of Object.keys(row)) {
        // The id names the row (changing it is tested below); change_log.sent_at is sync's to set.
        if (column === 'id' || (table === 'change_log' && (column === 'sent_at' || column === 'seq'))) continue;
        cases++;
        const findings = tampered((db) => db.prepare(`UPDATE ${table} SET "${column}" = ? WHERE id = ?`).run(changed(row[column]) as string, row.id), table);
        const hit = findings.find((f) => f.kind === 'row_changed' && f.table === table && f.rowId === row.id);
        if (!hit || !hit.fields.includes(column)) missed.push(`${table}.${column}: ${hit ? hit.fields.join(',') || hit.message : 'tidak terdeteksi'}`);
      }
    }
    expect(cases).toBeGreaterThan(200);
    expect(missed).toEqual([]);
  }, 240_000);

  it("the issue's case: a final evaluation's predikat changed in the file (CLI exits non-zero naming it)", async () => {
    const ev = core.sqlite.prepare("SELECT id, predikat FROM evaluations WHERE status = 'final' AND predikat IS NOT NULL LIMIT 1").get() as
      | { id: string; predikat: string }
      | undefined;
    expect(ev).toBeDefined();
    const report = tampered((db) => db.prepare("UPDATE evaluations SET predikat = 'sangat_baik_palsu' WHERE id = ?").run(ev!.id));
    const hit = report.findings.find((f) => f.table === 'evaluations' && f.rowId === ev!.id)!;
    expect(hit.kind).toBe('row_changed');
    expect(hit.fields).toEqual(['predikat']);
    expect(hit.message).toBe(`Tabel evaluations, baris ${ev!.id}: kolom predikat diubah di luar aplikasi (predikat: tercatat "${ev!.predikat}", sekarang "sangat_baik_palsu").`);
  });

  it('changing a row id reads as a row added and a row deleted outside the app', () => {
    const emp = core.sqlite.prepare('SELECT id FROM employees LIMIT 1').get() as { id: string };
    const report = tampered((db) => db.prepare("UPDATE employees SET id = 'ffffffff-palsu' WHERE id = ?").run(emp.id));
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'row_added', table: 'employees', rowId: 'ffffffff-palsu' }),
        expect.objectContaining({ kind: 'row_missing', table: 'employees', rowId: emp.id }),
      ]),
    );
  });

  it('a row inserted or deleted outside the app is named', () => {
    const unit = core.sqlite.prepare('SELECT * FROM units LIMIT 1').get() as Record<string, unknown>;
    const added = tampered((db) => {
      const copy = { ...unit, id: 'unit-palsu' };
      db.prepare(`INSERT INTO units (${Object.keys(copy).join(', ')}) VALUES (${Object.keys(copy).map(() => '?').join(', ')})`).run(...(Object.values(copy) as string[]));
    });
    expect(added.findings).toEqual([expect.objectContaining({ kind: 'row_added', table: 'units', rowId: 'unit-palsu' })]);
    const deleted = tampered((db) => db.prepare('DELETE FROM units WHERE id = ?').run(unit.id));
    expect(deleted.findings).toEqual([expect.objectContaining({ kind: 'row_missing', table: 'units', rowId: unit.id })]);
    expect(deleted.findings[0]!.message).toMatch(/^Tabel units, baris .*: dihapus di luar aplikasi/);
  });

  it('editing a row and its recorded hash together breaks the digest its audit entry committed to', () => {
    const emp = core.sqlite.prepare('SELECT * FROM employees LIMIT 1').get() as Record<string, unknown>;
    const report = tampered((db) => {
      db.prepare("UPDATE employees SET golongan = 'IV/e' WHERE id = ?").run(emp.id);
      const forged = (core.sqlite.prepare('SELECT * FROM employees WHERE id = ?').get(emp.id) as Record<string, unknown>);
      const keys = Object.keys(forged).sort();
      const parts: unknown[] = [];
      for (const k of keys) if (forged[k] !== null) parts.push(k, forged[k]);
      const hash = crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
      db.prepare("UPDATE audit_rows SET hash = ? WHERE table_name = 'employees' AND row_id = ?").run(hash, emp.id);
    });
    expect(report.ok).toBe(false);
    expect(kinds(report.findings)).toContain('rows_mismatch');
    expect(kinds(report.findings)).not.toContain('row_changed');
  });
});

describe('tampering with the audit trail itself', () => {
  it('an edited audit row is named', () => {
    const target = auditRows()[10]!;
    const report = tampered((db) => db.prepare("UPDATE audit_log SET actor_name = 'Orang Lain' WHERE seq = ?").run(target.seq));
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'audit_edited', seq: target.seq })]);
    expect(report.firstBadSeq).toBe(target.seq);
  });

  it('a deleted audit row is named, with the rows that lost their record', () => {
    const target = auditRows()[10]!;
    const report = tampered((db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(target.seq));
    expect(report.findings[0]).toMatchObject({ kind: 'audit_deleted', seq: target.seq + 1 });
    expect(report.findings[0]!.message).toContain(`Baris audit ${target.seq} dihapus di luar aplikasi`);
  });

  it('an audit row inserted in the middle (later rows renumbered) is named', () => {
    const all = auditRows();
    const at = all[20]!.seq;
    const report = tampered((db) => {
      db.prepare('UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= ?').run(at);
      db.prepare('UPDATE audit_log SET seq = seq - 999999 WHERE seq >= 1000000').run();
      const prev = all[19]!;
      const forged = { ...all[20]!, id: 'palsu', actor_name: 'Penyusup', prev_hash: prev.hash };
      const fields = [forged.id, forged.at, forged.actor_user_id, forged.actor_nip, forged.actor_name, forged.command, forged.record_table, forged.record_id, forged.before, forged.after, forged.prev_hash, forged.rows_digest];
      const hash = crypto.createHash('sha256').update(JSON.stringify(fields)).digest('hex');
      db.prepare(
        'INSERT INTO audit_log (seq, id, at, actor_user_id, actor_nip, actor_name, command, record_table, record_id, before, after, prev_hash, hash, rows_digest) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
      ).run(at, forged.id, forged.at, forged.actor_user_id, forged.actor_nip, forged.actor_name, forged.command, forged.record_table, forged.record_id, forged.before, forged.after, forged.prev_hash, hash, forged.rows_digest);
    });
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'audit_inserted', seq: at })]));
    expect(report.findings.find((f) => f.kind === 'audit_inserted')!.message).toContain(`Baris audit ${at} disisipkan`);
  });

  it('an audit row appended at the end with a correct hash is caught by the anchor', () => {
    const all = auditRows();
    const last = all[all.length - 1]!;
    const report = tampered((db) => {
      const forged = { ...last, id: 'palsu-akhir', actor_name: 'Penyusup', prev_hash: last.hash, rows_digest: rowsDigest([]) };
      const fields = [forged.id, forged.at, forged.actor_user_id, forged.actor_nip, forged.actor_name, forged.command, forged.record_table, forged.record_id, forged.before, forged.after, forged.prev_hash, forged.rows_digest];
      const hash = crypto.createHash('sha256').update(JSON.stringify(fields)).digest('hex');
      db.prepare(
        'INSERT INTO audit_log (id, at, actor_user_id, actor_nip, actor_name, command, record_table, record_id, before, after, prev_hash, hash, rows_digest) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
      ).run(forged.id, forged.at, forged.actor_user_id, forged.actor_nip, forged.actor_name, forged.command, forged.record_table, forged.record_id, forged.before, forged.after, forged.prev_hash, hash, forged.rows_digest);
    });
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'audit_unanchored', seq: last.seq + 1 })]);
  });

  it('two audit rows swapped (reordered) are named', () => {
    const all = auditRows();
    const a = all[30]!;
    const b = all[31]!;
    const report = tampered((db) => {
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(a.seq);
      db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(a.seq, b.seq);
      db.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(b.seq);
    });
    expect(report.findings[0]).toMatchObject({ kind: 'audit_reordered', seq: a.seq });
    expect(report.findings[0]!.message).toBe(`Urutan baris audit diubah di luar aplikasi: baris ${a.seq} seharusnya sesudah baris ${b.seq}.`);
  });

  it('truncation of the last N rows is caught by the anchor', () => {
    const all = auditRows();
    const last = all[all.length - 1]!.seq;
    for (const n of [1, 25]) {
      const report = tampered((db) => db.prepare('DELETE FROM audit_log WHERE seq > ?').run(last - n));
      expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'chain_truncated', seq: last - n })]));
      expect(report.findings.find((f) => f.kind === 'chain_truncated')!.message).toContain(`(${n} baris terakhir hilang)`);
    }
  });

  it('a forged data row with the whole chain recomputed without the key is caught by the anchor', () => {
    const emp = core.sqlite.prepare("SELECT id FROM employees WHERE golongan IS NOT NULL LIMIT 1").get() as { id: string };
    const report = tampered((db) => {
      db.prepare("UPDATE employees SET golongan = 'IV/e' WHERE id = ?").run(emp.id);
      // The forger knows every formula: the row hash, the rows digest, the chain.
      const forged = db.prepare('SELECT * FROM employees WHERE id = ?').get(emp.id) as Record<string, unknown>;
      const parts: unknown[] = [];
      for (const k of Object.keys(forged).sort()) if (forged[k] !== null) parts.push(k, forged[k]);
      const rowHash = crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
      db.prepare("UPDATE audit_rows SET hash = ? WHERE table_name = 'employees' AND row_id = ?").run(rowHash, emp.id);
      let prev = '0'.repeat(64);
      for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
        const rows = db.prepare('SELECT table_name AS "table", row_id AS id, hash FROM audit_rows WHERE seq = ?').all(r.seq) as { table: string; id: string; hash: string }[];
        const digest = r.rows_digest === null ? null : rowsDigest(rows);
        const fields: unknown[] = [r.id, r.at, r.actor_user_id, r.actor_nip, r.actor_name, r.command, r.record_table, r.record_id, r.before, r.after, prev];
        if (digest !== null) fields.push(digest);
        const hash = crypto.createHash('sha256').update(JSON.stringify(fields)).digest('hex');
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ?, rows_digest = ? WHERE seq = ?').run(prev, hash, digest, r.seq);
        prev = hash;
      }
    });
    // The chain and the data now agree with each other; only the anchor knows better.
    expect(kinds(report.findings)).toEqual(['chain_recomputed']);
    expect(report.findings[0]!.message).toMatch(/^Rantai audit dihitung ulang atau diganti di luar aplikasi/);
  });

  it('a head file that is deleted, edited or signed with another key is named', () => {
    const head = fs.readFileSync(auditHeadPath(dir), 'utf8');
    try {
      fs.rmSync(auditHeadPath(dir));
      expect(verifyAudit(core).findings).toEqual([expect.objectContaining({ kind: 'anchor_invalid' })]);
      const parsed = JSON.parse(head) as { seq: number };
      fs.writeFileSync(auditHeadPath(dir), JSON.stringify({ ...parsed, seq: parsed.seq - 3 }));
      expect(verifyAudit(core).findings[0]!.message).toContain('Jangkar jejak audit tidak sah');
    } finally {
      fs.writeFileSync(auditHeadPath(dir), head, { mode: 0o600 });
    }
    expect(verifyAudit(core).ok).toBe(true);
  });
});

describe('backups, restore and upgrades keep verify green', () => {
  it("every backup's manifest carries the signed head; a restore of it verifies", () => {
    const d = makeTempDir();
    const office = makeOffice({ dir: d, ownsDir: false });
    createUserWithRoles(office);
    const backup = createBackupSync(office.core.sqlite, { dataDir: d, kind: 'manual', now: office.clock.now() });
    const manifest = readManifest(backup.dir)!;
    const key = readAuditKey(d)!;
    expect(manifest.auditHead).toBeDefined();
    expect(hmacValid(key, manifest.auditHead!)).toBe(true);
    const last = office.core.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    expect({ seq: manifest.auditHead!.seq, hash: manifest.auditHead!.hash }).toEqual(last);
    // More work after the backup, then the backup is restored: the trail is the backup's again.
    createUserWithRoles(office);
    office.close();
    restoreBackup({ dataDir: d, source: backup.dir });
    const reopened = Core.open({ dataDir: d, beforeMigrate: null });
    try {
      const report = verifyAudit(reopened);
      expect(report.findings, report.message).toEqual([]);
      expect(report.head?.seq).toBe(manifest.auditHead!.seq + 0);
    } finally {
      reopened.close();
    }
  });

  it('a backup whose database was altered and re-hashed in its manifest is refused by its signed head', () => {
    const d = makeTempDir();
    const office = makeOffice({ dir: d, ownsDir: false });
    createUserWithRoles(office);
    const backup = createBackupSync(office.core.sqlite, { dataDir: d, kind: 'manual', now: office.clock.now() });
    office.close();
    const dbFile = `${backup.dir}/kinerja.db`;
    const raw = new Database(dbFile);
    raw.prepare('DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)').run();
    raw.close();
    const manifestFile = `${backup.dir}/manifest.json`;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { database: { sha256: string; bytes: number } };
    manifest.database.sha256 = crypto.createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex');
    manifest.database.bytes = fs.statSync(dbFile).size;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(() => restoreBackup({ dataDir: d, source: backup.dir })).toThrow(/jejak audit/i);
  });

  it('an office from before this anchor existed is upgraded: the first open records a baseline, verify is green', () => {
    const d = makeTempDir();
    const office = makeOffice({ dir: d, ownsDir: false });
    createUserWithRoles(office);
    office.close();
    // Take the database back to the schema before audit_rows as older Kinerja wrote it: no audit_rows, no rows_digest,
    // the chain in the old formula, no key and no head beside it.
    const raw = new Database(databasePath(d));
    raw.exec(`DROP TABLE audit_rows; DROP INDEX audit_log_actor; ALTER TABLE audit_log DROP COLUMN rows_digest; DELETE FROM schema_migrations WHERE version = ${auditRowsMigration.version};`);
    let prev = '0'.repeat(64);
    for (const r of raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
      const hash = crypto
        .createHash('sha256')
        .update(JSON.stringify([r.id, r.at, r.actor_user_id, r.actor_nip, r.actor_name, r.command, r.record_table, r.record_id, r.before, r.after, prev]))
        .digest('hex');
      raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
      prev = hash;
    }
    raw.close();
    fs.rmSync(auditKeyPath(d));
    fs.rmSync(auditHeadPath(d));

    const upgraded = Core.open({ dataDir: d, beforeMigrate: null });
    try {
      const report = verifyAudit(upgraded);
      expect(report.findings, report.message).toEqual([]);
      const baseline = upgraded.sqlite.prepare("SELECT command, actor_name FROM audit_log ORDER BY seq DESC LIMIT 1").get();
      expect(baseline).toEqual({ command: 'sistem.garis_dasar', actor_name: 'Kinerja (pembaruan basis data)' });
      // From now on the data is covered: an edit after the upgrade is named.
      upgraded.sqlite.prepare("UPDATE employees SET name = 'Nama Palsu' WHERE rowid = 1").run();
      expect(verifyAudit(upgraded).findings).toEqual([expect.objectContaining({ kind: 'row_changed', table: 'employees', fields: ['name'] })]);
    } finally {
      upgraded.close();
    }
  });
});

describe('kinerja audit verify (CLI) on tampered data', () => {
  it("exits non-zero naming the table, row and field of an employee's changed golongan", async () => {
    const d = makeTempDir();
    const office = makeOffice({ dir: d, ownsDir: false });
    createUserWithRoles(office);
    const emp = office.core.sqlite.prepare('SELECT id FROM employees LIMIT 1').get() as { id: string };
    office.close();
    const ok = await runCli(['audit', 'verify', '--data', d]);
    expect(ok.code, ok.stderr).toBe(0);
    const raw = new Database(databasePath(d));
    raw.prepare("UPDATE employees SET golongan = 'IV/e' WHERE id = ?").run(emp.id);
    raw.close();
    const bad = await runCli(['audit', 'verify', '--data', d]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Jejak audit TIDAK utuh: 1 temuan.');
    expect(bad.stderr).toContain(`- Tabel employees, baris ${emp.id}: kolom golongan diubah di luar aplikasi`);
  });
});
