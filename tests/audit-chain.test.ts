import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genesisHash, verifyAuditChain } from '../electron/core/audit/chain';
import { databasePath } from '../electron/core/db/connection';
import {
  createUserWithRoles,
  makeOffice,
  makeTempDir,
  removeAllTempDirs,
  runCli,
  type AuditRow,
  type Office,
} from './helpers';

let office: Office;

beforeAll(() => {
  office = makeOffice();
  // A handful of audited writes: setup, login, account creation, role change, logout.
  const user = createUserWithRoles(office);
  office.asAdmin('auth.setPengelola', { userId: user.userId, isPengelola: true, version: 1 });
  office.call('auth.logout', {}, office.adminSession());
  office.adminSession();
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

function rows(): AuditRow[] {
  return office.core.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
}

/** Runs `tamper` inside a transaction that is always rolled back, and returns what verify said. */
function verifyTampered(tamper: (db: Database.Database) => void) {
  const db = office.core.sqlite;
  db.exec('BEGIN');
  try {
    tamper(db);
    return verifyAuditChain(office.core);
  } finally {
    db.exec('ROLLBACK');
  }
}

describe('audit hash chain', () => {
  it('is intact after real commands: linked from the genesis hash, one hash per row', () => {
    const all = rows();
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all[0]!.prev_hash).toBe(genesisHash);
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
    expect(verifyAuditChain(office.core)).toEqual({
      ok: true,
      checked: all.length,
      firstBadSeq: null,
      message: `Rantai audit utuh: ${all.length} baris diperiksa.`,
    });
  });

  it('audit.verify (the command) says what the chain check says, and more (data, anchor)', () => {
    const chain = verifyAuditChain(office.core);
    const report = office.asAdmin('audit.verify', {});
    expect(report).toMatchObject({ ok: chain.ok, checked: chain.checked, firstBadSeq: chain.firstBadSeq, findings: [] });
    expect(report.message).toContain(chain.message);
  });

  it('audit.list returns the newest entries first, with actor names', () => {
    const { entries } = office.asAdmin('audit.list', { limit: 3 });
    const all = rows();
    expect(entries.map((e) => e.seq)).toEqual(all.slice(-3).reverse().map((r) => r.seq));
    const older = office.asAdmin('audit.list', { limit: 2, beforeSeq: entries[2]!.seq });
    expect(older.entries.map((e) => e.seq)).toEqual(all.slice(-5, -3).reverse().map((r) => r.seq));
    expect(entries.some((e) => e.actorName === office.admin.name)).toBe(true);
  });

  const editable: (keyof AuditRow)[] = [
    'id',
    'at',
    'actor_user_id',
    'actor_nip',
    'actor_name',
    'command',
    'record_table',
    'record_id',
    'before',
    'after',
    'prev_hash',
    'hash',
  ];

  it.each(editable)('editing "%s" of a middle row by hand names that row', (column) => {
    const target = rows()[2]!;
    const result = verifyTampered((db) => db.prepare(`UPDATE audit_log SET "${column}" = ? WHERE seq = ?`).run(`diubah-${column}`, target.seq));
    expect(result.ok).toBe(false);
    expect(result.firstBadSeq).toBe(target.seq);
  });

  it('changing `after` names the row and its command in the message', () => {
    const target = rows()[1]!;
    const result = verifyTampered((db) => db.prepare('UPDATE audit_log SET after = ? WHERE seq = ?').run('{"is_pengelola":1}', target.seq));
    expect(result).toMatchObject({ ok: false, firstBadSeq: target.seq, checked: 2 });
    expect(result.message).toContain(`Baris audit ${target.seq} (${target.command}`);
  });

  it('changing `command` of a middle row is detected', () => {
    const target = rows()[3]!;
    const result = verifyTampered((db) => db.prepare("UPDATE audit_log SET command = 'auth.logout' WHERE seq = ?").run(target.seq));
    expect(result).toMatchObject({ ok: false, firstBadSeq: target.seq });
  });

  it('deleting a middle row breaks the link of the row after it', () => {
    const all = rows();
    const result = verifyTampered((db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(all[2]!.seq));
    expect(result).toMatchObject({ ok: false, firstBadSeq: all[3]!.seq });
    expect(result.message).toContain(`terputus pada baris ${all[3]!.seq}`);
  });

  it('a forger who rewrites a row and recomputes its hash still breaks the next link', () => {
    const all = rows();
    const target = all[1]!;
    const result = verifyTampered((db) => {
      const forged = { ...target, after: '{"is_pengelola":1}' };
      const canonical = JSON.stringify([
        forged.id,
        forged.at,
        forged.actor_user_id,
        forged.actor_nip,
        forged.actor_name,
        forged.command,
        forged.record_table,
        forged.record_id,
        forged.before,
        forged.after,
        forged.prev_hash,
        // Entries since migration 0009 (audit_rows) also cover the digest of the rows their command wrote.
        ...(forged.rows_digest === null ? [] : [forged.rows_digest]),
      ]);
      const hash = crypto.createHash('sha256').update(canonical).digest('hex');
      db.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE seq = ?').run(forged.after, hash, target.seq);
    });
    // The forged row itself verifies; the chain breaks at the row that linked to the original.
    expect(result).toMatchObject({ ok: false, firstBadSeq: all[2]!.seq });
  });

  it('the tampering tests left the real chain intact', () => {
    expect(verifyAuditChain(office.core).ok).toBe(true);
  });

  it('never stores secrets: no password hash, session or CSRF token in before/after', () => {
    for (const r of rows()) {
      for (const text of [r.before, r.after]) {
        if (!text) continue;
        expect(text).not.toMatch(/scrypt\$/);
        const parsed = JSON.stringify(JSON.parse(text));
        expect(parsed).not.toMatch(/"password_hash":"(?!\[disembunyikan\])/);
      }
    }
  });
});

describe('kinerja audit verify (CLI)', () => {
  it('exits 0 on an intact chain and non-zero naming the first bad row after tampering', async () => {
    const dir = makeTempDir();
    const other = makeOffice({ dir });
    createUserWithRoles(other);
    const count = (other.core.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    other.close();

    const intact = await runCli(['audit', 'verify', '--data', dir]);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain(`Rantai audit utuh: ${count} baris diperiksa.`);

    const raw = new Database(databasePath(dir));
    raw.prepare("UPDATE audit_log SET after = '{\"name\":\"Orang Lain\"}' WHERE seq = 2").run();
    raw.close();

    const tampered = await runCli(['audit', 'verify', '--data', dir]);
    expect(tampered.code).not.toBe(0);
    expect(tampered.stderr).toMatch(/Baris audit 2 \(/);
  });
});
