import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../people/fixture';
import { SkpOffice } from './fixture';

let f: SkpOffice;
beforeAll(() => {
  f = SkpOffice.create();
});
afterAll(() => {
  f.o.close();
  removeTempDirs();
});

const counts = () => {
  const q = (t: string) => (f.o.core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { audit: q('audit_log'), change: q('change_log'), rhk: q('skp_rhk'), skps: q('skps') };
};

describe('SKP cascade', () => {
  it('hands one RHK down to many appraisees in one transaction, creating missing SKP drafts', () => {
    const boss = f.draftWithRhk('kasubbag', 'Tertibnya administrasi umum dan kepegawaian');
    // stafA already drafts; stafB has no SKP yet.
    f.as('stafA').call('skp.create', { yearId: f.yearId });
    const before = counts();
    const r = f.as('kasubbag').call('skp.cascade', { sourceRhkId: boss.rhkId, employeeIds: [f.org.people.stafA.id, f.org.people.stafB.id] });
    expect(r).toEqual({ created: 2, skpsCreated: 1 });
    const after = counts();
    expect(after.audit - before.audit).toBe(1);
    expect(after.rhk - before.rhk).toBe(2);
    expect(after.skps - before.skps).toBe(1);
    for (const who of ['stafA', 'stafB'] as const) {
      const skp = f.as(who).call('skp.list', {}).skps[0]!;
      const detail = f.as(who).call('skp.get', { skpId: skp.id });
      expect(detail.rhk).toHaveLength(1);
      expect(detail.rhk[0]).toMatchObject({ parentRhkId: boss.rhkId, text: 'Tertibnya administrasi umum dan kepegawaian', kind: 'utama' });
      expect(detail.rhk[0]!.indicators).toHaveLength(3);
    }
    // Cascading again does not duplicate.
    expect(f.as('kasubbag').call('skp.cascade', { sourceRhkId: boss.rhkId, employeeIds: [f.org.people.stafA.id] }).created).toBe(0);
    expect(f.as('kasubbag').call('skp.get', { skpId: boss.skpId }).rhk[0]!.childCount).toBe(2);
  });

  it('refuses the whole cascade, writing nothing, when one target is not an appraisee', () => {
    const boss = f.as('kasubbag').call('skp.list', {}).skps[0]!;
    const rhkId = f.as('kasubbag').call('skp.get', { skpId: boss.id }).rhk[0]!.id;
    const before = counts();
    const err = f.as('kasubbag').fail('skp.cascade', { sourceRhkId: rhkId, employeeIds: [f.org.people.stafA.id, f.org.people.stafC.id] });
    expect(err.code).toBe('RULE_VIOLATION');
    expect(err.message).toContain('Fitriani Staf C bukan pegawai yang Anda nilai');
    expect(counts()).toEqual(before);
    // Someone else's RHK cannot be cascaded at all.
    expect(f.as('kasi').fail('skp.cascade', { sourceRhkId: rhkId, employeeIds: [f.org.people.stafC.id] }).code).toBe('FORBIDDEN');
  });

  it('shows the cascade tree from the head down and flags RHK linked to nothing above', () => {
    const kadis = f.draftWithRhk('kadis', 'Meningkatnya mutu pendidikan dasar');
    f.draftWithRhk('sekretaris', 'Terkelolanya kesekretariatan', kadis.rhkId);
    f.draftWithRhk('kasi', 'Tersusunnya kurikulum muatan lokal'); // not linked: flagged
    const tree = f.o.call('skp.cascadeTree', { yearId: f.yearId }, f.o.admin);
    const head = tree.roots.find((n) => n.employeeName === 'Teuku Kepala Dinas')!;
    expect(head.rhk[0]!.unlinked).toBe(false); // the head's plan comes from the Perjanjian Kinerja
    const names = head.children.map((c) => c.employeeName);
    expect(names).toEqual(expect.arrayContaining(['Cut Sekretaris', 'Rahmat Kasi']));
    const kasi = head.children.find((c) => c.employeeName === 'Rahmat Kasi')!;
    expect(kasi.rhk[0]!.unlinked).toBe(true);
    const sek = head.children.find((c) => c.employeeName === 'Cut Sekretaris')!;
    expect(sek.rhk[0]!.unlinked).toBe(false);
    expect(sek.children[0]!.employeeName).toBe('Muhammad Kasubbag');
    expect(sek.children[0]!.children.map((c) => c.employeeName).sort()).toEqual(['Nurul Staf A', 'Zulkifli Staf B']);
    expect(tree.unlinkedCount).toBeGreaterThanOrEqual(2); // kasi, kasubbag
    // Fitriani has no SKP yet: she appears as "belum dibuat" under the Kasi.
    expect(kasi.children[0]).toMatchObject({ employeeName: 'Fitriani Staf C', status: 'belum_dibuat' });
    // An appraiser sees their own subtree only.
    const mine = f.as('kasubbag').call('skp.cascadeTree', { yearId: f.yearId });
    expect(mine.roots.map((r) => r.employeeName)).toEqual(['Muhammad Kasubbag']);
    expect(f.as('kasubbag').fail('skp.cascadeTree', { yearId: f.yearId, rootEmployeeId: f.org.people.kadis.id }).code).toBe('FORBIDDEN');
  });

  it('monitors statuses with counts, and bulk-approves all or nothing', () => {
    const m = f.o.call('skp.monitor', { yearId: f.yearId }, f.o.admin);
    expect(m.deadline).toBe('2026-01-31');
    expect(m.rows.find((r) => r.name === 'Fitriani Staf C')!.status).toBe('belum_dibuat');
    expect(m.counts.belum_dibuat).toBe(1);
    expect(m.rows.some((r) => r.name === 'Safrizal Tanpa Jabatan')).toBe(false);
    expect(f.as('stafA').fail('skp.monitor', { yearId: f.yearId }).code).toBe('FORBIDDEN');
    expect(f.as('kasubbag').fail('skp.monitor', { yearId: f.yearId, scope: 'office' }).code).toBe('FORBIDDEN');
    const team = f.as('kasubbag').call('skp.monitor', { yearId: f.yearId, scope: 'team' });
    expect(team.rows.map((r) => r.name).sort()).toEqual(['Nurul Staf A', 'Zulkifli Staf B']);

    const a = f.as('stafA').call('skp.list', {}).skps[0]!;
    const b = f.as('stafB').call('skp.list', {}).skps[0]!;
    const va = f.as('stafA').call('skp.submit', { skpId: a.id, version: a.version }).version;
    // stafB's plan is still a draft: the bulk approval refuses both.
    const err = f.as('kasubbag').fail('skp.approveMany', { items: [{ skpId: a.id, version: va }, { skpId: b.id, version: b.version }] });
    expect(err.message).toMatch(/Zulkifli Staf B.*Tidak ada SKP yang disetujui/);
    expect(f.as('stafA').call('skp.get', { skpId: a.id }).status).toBe('diajukan');
    const vb = f.as('stafB').call('skp.submit', { skpId: b.id, version: b.version }).version;
    expect(f.as('kasubbag').call('skp.approveMany', { items: [{ skpId: a.id, version: va }, { skpId: b.id, version: vb }] }).approved).toBe(2);
    expect(f.as('kasubbag').call('skp.monitor', { yearId: f.yearId, scope: 'team' }).counts.disetujui).toBe(2);
  });

  it('opens a year with SKP shells for everyone holding a position', () => {
    const r = f.o.call('year.open', { year: 2027, createShells: true }, f.o.admin);
    expect(r.shellsCreated).toBe(7);
    expect(f.o.fail('year.open', { year: 2027 }, f.o.admin).code).toBe('VALIDATION');
    expect(f.as('stafA').fail('year.open', { year: 2028 }).code).toBe('FORBIDDEN');
  });
});
