import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../electron/core/audit/verify';
import { approvedSkp, expectFailure, makeOffice, removeAllTempDirs, skpTeam, type Office } from './helpers';

/**
 * docs/spec/operations.md §2: the audit trail in words (who did what to whom), filtered on the server by
 * person, capability, date range and outcome, paged, and each entry opening its before/after.
 */

let office: Office;
let year: number;

beforeAll(() => {
  office = makeOffice();
  const ref = approvedSkp(office);
  year = (office.core.sqlite.prepare('SELECT year FROM performance_years WHERE id = ?').get(ref.yearId) as { year: number }).year;
  // A failed sign-in a day later.
  office.clock.advance(24 * 60 * 60 * 1000);
  expectFailure(office.tryCall('auth.login', { login: skpTeam(office).staff.nip, password: 'SalahSekali1' }));
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

const list = (input: Parameters<typeof office.asAdmin<'audit.list'>>[1]) => office.asAdmin('audit.list', input);

describe('audit.list in Indonesian words', () => {
  it('says who approved whose SKP of which year, never a command name or table and id', () => {
    const { entries } = list({ limit: 100 });
    const team = skpTeam(office);
    const approve = entries.find((e) => e.command === 'skp.approve')!;
    expect(approve.summary).toBe(`${team.head.name} menyetujui SKP ${year} milik ${team.staff.name}`);
    for (const e of entries) {
      expect(e.summary).not.toMatch(/\b(skp|auth|people|org|year|setup)\.[a-zA-Z]+/);
      expect(e.summary).not.toMatch(/[a-z_]+ · [0-9a-f]{8}/);
      expect(e.summary).not.toMatch(/undefined|null/);
    }
    expect(entries.find((e) => e.command === 'skp.submit')!.summary).toBe(`${team.staff.name} mengajukan SKP ${year} milik ${team.staff.name}`);
    expect(entries.find((e) => e.command === 'auth.login:gagal')!.summary).toBe(`${team.staff.name} gagal masuk (kata sandi salah)`);
  });

  it('filters by person, capability and outcome on the server', () => {
    const team = skpTeam(office);
    const byHead = list({ limit: 100, actorUserId: team.head.userId }).entries;
    expect(byHead.length).toBeGreaterThan(0);
    expect(new Set(byHead.map((e) => e.actorName))).toEqual(new Set([team.head.name]));
    const skp = list({ limit: 100, capability: 'skp' }).entries;
    expect(skp.map((e) => e.command).sort()).toEqual(['skp.approve', 'skp.create', 'skp.saveRhk', 'skp.submit']);
    const failed = list({ limit: 100, outcome: 'gagal' }).entries;
    expect(failed.map((e) => e.command)).toEqual(['auth.login:gagal']);
    expect(failed[0]!.outcome).toBe('gagal');
    expect(list({ limit: 100, outcome: 'berhasil' }).entries.every((e) => e.outcome === 'berhasil')).toBe(true);
  });

  it('filters by an inclusive date range (the SKP work was the day before the failed sign-in)', () => {
    const failedAt = list({ limit: 1, outcome: 'gagal' }).entries[0]!.at.slice(0, 10);
    const day = list({ limit: 100, from: failedAt, to: failedAt }).entries;
    expect(day.map((e) => e.command)).toContain('auth.login:gagal');
    expect(day.every((e) => e.at.startsWith(failedAt))).toBe(true);
    const approvedOn = list({ limit: 100, capability: 'skp' }).entries[0]!.at.slice(0, 10);
    expect(approvedOn < failedAt).toBe(true);
    expect(list({ limit: 100, to: approvedOn }).entries.map((e) => e.command)).toContain('skp.approve');
    expect(list({ limit: 100, from: failedAt }).entries.map((e) => e.command)).not.toContain('skp.approve');
    const before = list({ limit: 100, to: '2000-01-01' }).entries;
    expect(before).toEqual([]);
  });

  it('pages from the newest with nextBeforeSeq until the oldest', () => {
    const all = list({ limit: 500 }).entries.map((e) => e.seq);
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = list({ limit: 4, ...(before ? { beforeSeq: before } : {}) });
      seen.push(...page.entries.map((e) => e.seq));
      if (page.nextBeforeSeq === null) break;
      before = page.nextBeforeSeq;
    }
    expect(seen).toEqual(all);
  });

  it('the actors of the trail are offered for the person filter', () => {
    const team = skpTeam(office);
    const { actors } = office.asAdmin('audit.actors', {});
    expect(actors.map((a) => a.userId)).toEqual(expect.arrayContaining([team.head.userId, team.staff.userId]));
  });
});

describe('audit.get: an entry with its before and after', () => {
  it("the approval shows the SKP's status before and after, in words for the record", () => {
    const approve = list({ limit: 100, capability: 'skp' }).entries.find((e) => e.command === 'skp.approve')!;
    const { entry, changes } = office.asAdmin('audit.get', { seq: approve.seq });
    expect(entry.summary).toBe(approve.summary);
    const skp = changes.find((c) => c.table === 'skps')!;
    expect(skp.label).toBe(`SKP ${year} milik ${skpTeam(office).staff.name}`);
    expect(skp.kind).toBe('ubah');
    expect(skp.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'status', label: 'Status SKP', before: 'diajukan', after: 'disetujui', beforeText: 'Diajukan', afterText: 'Disetujui' })]),
    );
    // A moment in the office's words and clock, never an ISO string.
    const approvedAt = skp.fields.find((f) => f.field === 'approved_at')!;
    expect(approvedAt.label).toBe('Disetujui pada');
    expect(approvedAt.beforeText).toBe('—');
    expect(approvedAt.afterText).toMatch(/^\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} \d{2}\.\d{2} WIB$/);
  });

  it('no change in any entry shows a raw column name, an id column or an ISO date', () => {
    const entries = list({ limit: 500 }).entries;
    let fields = 0;
    for (const e of entries) {
      for (const c of office.asAdmin('audit.get', { seq: e.seq }).changes) {
        for (const f of c.fields) {
          fields++;
          expect(['id', 'office_id', 'hlc'], `${c.table}.${f.field}`).not.toContain(f.field);
          expect(f.label, `${c.table}.${f.field}`).not.toMatch(/_|^[a-z]/);
          for (const text of [f.beforeText, f.afterText]) {
            expect(text, `${c.table}.${f.field}`).not.toMatch(/^\d{4}-\d{2}-\d{2}/);
            expect(text, `${c.table}.${f.field}: a password hash shown`).not.toMatch(/scrypt|\$/);
            expect(text, `${c.table}.${f.field}: an id shown`).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
          }
        }
      }
    }
    expect(fields).toBeGreaterThan(50);
  });

  it('a new employee shows as new with its fields', () => {
    const created = list({ limit: 100, capability: 'people' }).entries.find((e) => e.command === 'people.create')!;
    const { changes } = office.asAdmin('audit.get', { seq: created.seq });
    const emp = changes.find((c) => c.table === 'employees')!;
    expect(emp.kind).toBe('baru');
    expect(emp.fields.find((f) => f.field === 'name')).toMatchObject({ label: 'Nama', before: null, beforeText: '—' });
    const birth = emp.fields.find((f) => f.field === 'birth_date')!;
    expect(birth.label).toBe('Tanggal lahir');
    expect(birth.afterText).toMatch(/^\d{1,2} [A-Z][a-z]+ (19|20)\d{2}$/);
    expect(emp.fields.find((f) => f.field === 'status')).toMatchObject({ label: 'Status pegawai', afterText: 'Aktif' });
  });

  it('an unknown entry is NOT_FOUND in Indonesian', () => {
    const err = expectFailure(office.tryCall('audit.get', { seq: 987654 }, office.adminSession()));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('Entri jejak audit tidak ditemukan.');
  });

  it('the office this built verifies green', () => {
    expect(verifyAudit(office.core).findings).toEqual([]);
  });
});
