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

describe('SKP workflow', () => {
  it('runs draft -> submitted -> returned -> revised -> submitted -> approved, each step by the right person only', () => {
    const boss = f.draftWithRhk('kasubbag', 'Terlaksananya layanan administrasi umum');
    const mine = f.draftWithRhk('stafA', 'Tersusunnya laporan persuratan', boss.rhkId);
    const staf = f.as('stafA');
    const kasubbag = f.as('kasubbag');

    // Only the appraiser returns or approves, and only a submitted SKP.
    expect(kasubbag.fail('skp.approve', { skpId: mine.skpId, version: mine.version }).message).toMatch(/Diajukan/);
    expect(staf.fail('skp.approve', { skpId: mine.skpId, version: mine.version }).code).toBe('FORBIDDEN'); // no penilai role at all

    let v = staf.call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
    expect(staf.call('skp.get', { skpId: mine.skpId }).status).toBe('diajukan');
    // The header names the appraiser and the atasan from the appraisal chain.
    const header = staf.call('skp.get', { skpId: mine.skpId }).header;
    expect(header.appraiser?.name).toBe('Muhammad Kasubbag');
    expect(header.atasan?.name).toBe('Cut Sekretaris');

    // A submitted SKP is not edited by the employee; another appraiser cannot act on it.
    expect(staf.fail('skp.saveAnnex', { skpId: mine.skpId, version: v, dukungan_sumber_daya: [], skema_pertanggungjawaban: [], konsekuensi: [] }).code).toBe(
      'RULE_VIOLATION',
    );
    expect(f.as('kasi').fail('skp.return', { skpId: mine.skpId, version: v, note: 'bukan penilai' }).message).toMatch(/Pejabat Penilai/);
    expect(kasubbag.fail('skp.return', { skpId: mine.skpId, version: v, note: '' }).code).toBe('VALIDATION');

    v = kasubbag.call('skp.return', { skpId: mine.skpId, version: v, note: 'Target kualitas terlalu rendah; naikkan menjadi 95 persen.' }).version;
    const returned = staf.call('skp.get', { skpId: mine.skpId });
    expect(returned.status).toBe('dikembalikan');
    expect(returned.returnNote).toContain('95 persen');
    expect(returned.can).toMatchObject({ edit: true, submit: true, approve: false });

    const rhk = returned.rhk[0]!;
    v = staf.call('skp.saveRhk', {
      skpId: mine.skpId,
      version: v,
      rhk: {
        id: rhk.id,
        kind: 'utama',
        text: rhk.text,
        parentRhkId: boss.rhkId,
        indicators: rhk.indicators.map((i) => ({ ...i, targetMin: i.aspek === 'kualitas' ? 95 : i.targetMin })),
      },
    }).version;
    // A stale version is a CONFLICT, never a silent overwrite.
    expect(staf.fail('skp.submit', { skpId: mine.skpId, version: v - 1 }).code).toBe('CONFLICT');
    v = staf.call('skp.submit', { skpId: mine.skpId, version: v }).version;

    expect(f.as('kasubbag').call('skp.inbox', {}).skps.map((s) => s.id)).toContain(mine.skpId);
    const approved = kasubbag.call('skp.approve', { skpId: mine.skpId, version: v });
    expect(approved.versionNo).toBe(1);
    const detail = staf.call('skp.get', { skpId: mine.skpId });
    expect(detail.status).toBe('disetujui');
    expect(detail.events.map((e) => e.action)).toEqual(['buat', 'ajukan', 'kembalikan', 'ajukan', 'setujui']);
    expect(detail.rhk[0]!.parentRhkText).toBe('Terlaksananya layanan administrasi umum');
    expect(detail.rhk[0]!.indicators.find((i) => i.aspek === 'kualitas')!.targetLabel).toBe('95 persen');
    expect(detail.rhk[0]!.indicators.find((i) => i.aspek === 'kuantitas')!.targetLabel).toBe('10 - 12 dokumen');
  });

  it('keeps every approved version through an amendment and compares them side by side', () => {
    const mine = f.draftWithRhk('stafC', 'Terkelolanya data kurikulum sekolah');
    const staf = f.as('stafC');
    const kasi = f.as('kasi');
    let v = staf.call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
    v = kasi.call('skp.approve', { skpId: mine.skpId, version: v }).version;
    expect(staf.fail('skp.saveAnnex', { skpId: mine.skpId, version: v, dukungan_sumber_daya: ['Laptop'], skema_pertanggungjawaban: [], konsekuensi: [] }).message).toMatch(
      /Disetujui/,
    );
    expect(staf.fail('skp.amend', { skpId: mine.skpId, version: v, reason: '' }).code).toBe('VALIDATION');
    v = staf.call('skp.amend', { skpId: mine.skpId, version: v, reason: 'Tambahan tugas dari Kepala Dinas' }).version;
    v = staf.call('skp.saveRhk', {
      skpId: mine.skpId,
      version: v,
      rhk: { kind: 'tambahan', text: 'Terlaksananya pendampingan sekolah penggerak', indicators: [{ aspek: 'kuantitas', text: 'Jumlah sekolah', targetMin: 5, targetUnit: 'sekolah' }] },
    }).version;
    v = staf.call('skp.submit', { skpId: mine.skpId, version: v }).version;
    expect(kasi.call('skp.approve', { skpId: mine.skpId, version: v }).versionNo).toBe(2);

    const detail = staf.call('skp.get', { skpId: mine.skpId });
    expect(detail.versions.map((x) => x.versionNo)).toEqual([1, 2]);
    const cmp = staf.call('skp.compare', { skpId: mine.skpId, from: 1, to: 2 });
    expect(cmp.from.rhk).toHaveLength(1);
    expect(cmp.to.rhk.map((r) => r.kind)).toEqual(['utama', 'tambahan']);
    expect(cmp.fromLabel).toMatch(/^Versi 1/);
  });

  it('keeps the header snapshot of a plan when the employee later changes grade', () => {
    const mine = f.draftWithRhk('stafB', 'Terarsipnya dokumen kepegawaian');
    const before = f.as('stafB').call('skp.get', { skpId: mine.skpId }).header.employee.golongan;
    expect(before).toBe('Penata Muda, III/a');
    const e = f.o.call('people.get', { id: f.org.people.stafB.id }, f.o.admin).employee;
    f.o.call('people.update', { id: e.id, version: e.version, golongan: 'III/b' }, f.o.admin);
    expect(f.as('stafB').call('skp.get', { skpId: mine.skpId }).header.employee.golongan).toBe('Penata Muda, III/a');
  });

  it('refuses a second SKP for the same year and position, and an SKP for someone without a position', () => {
    expect(f.as('stafB').fail('skp.create', { yearId: f.yearId }).message).toMatch(/sudah memiliki SKP tahun 2026/);
    expect(f.as('guest').fail('skp.create', { yearId: f.yearId }).message).toMatch(/belum memegang jabatan/);
    // An employee cannot create an SKP in someone else's name.
    expect(f.as('stafA').fail('skp.create', { yearId: f.yearId, employeeId: f.org.people.guest.id }).code).toBe('FORBIDDEN');
  });

  it('lets an employee draft before the appraiser has an SKP and link later', () => {
    const early = f.draftWithRhk('sekretaris', 'Terkoordinasinya administrasi dinas');
    const opts = f.as('sekretaris').call('skp.parentOptions', { skpId: early.skpId });
    expect(opts.options).toEqual([]);
    const head = f.draftWithRhk('kadis', 'Meningkatnya mutu layanan pendidikan');
    const later = f.as('sekretaris').call('skp.parentOptions', { skpId: early.skpId });
    expect(later.options.map((o) => o.id)).toEqual([head.rhkId]);
  });

  it('shows other people\'s SKP only to their appraiser, atasan and the office admin', () => {
    const mine = f.as('stafA').call('skp.list', {}).skps[0]!;
    expect(f.as('stafB').fail('skp.get', { skpId: mine.id }).code).toBe('FORBIDDEN');
    expect(f.as('kasi').fail('skp.get', { skpId: mine.id }).code).toBe('FORBIDDEN');
    expect(f.as('kasubbag').call('skp.get', { skpId: mine.id }).viewerRole).toBe('penilai');
    expect(f.as('sekretaris').call('skp.get', { skpId: mine.id }).viewerRole).toBe('atasan_penilai');
    expect(f.o.call('skp.get', { skpId: mine.id }, f.o.admin).viewerRole).toBe('pengelola');
    expect(f.as('stafB').fail('skp.list', { employeeId: f.org.people.stafA.id }).code).toBe('FORBIDDEN');
  });

  it("lets the office admin record the external appraiser's decision on the head of office's plan", () => {
    const head = f.as('kadis').call('skp.list', {}).skps[0] ?? f.as('kadis').call('skp.create', { yearId: f.yearId }).skp;
    const detail = f.as('kadis').call('skp.get', { skpId: head.id });
    let v = detail.version;
    if (detail.rhk.length === 0) v = f.draftWithRhk('kadis', 'Meningkatnya mutu layanan pendidikan').version;
    v = f.as('kadis').call('skp.submit', { skpId: head.id, version: v }).version;
    const asAdmin = f.o.call('skp.get', { skpId: head.id }, f.o.admin);
    expect(asAdmin.header.appraiser?.name).toBe('Drs. H. Sekda Langsa, M.Si.');
    expect(asAdmin.can.approve).toBe(true);
    // A staff member's plan (appraiser inside the office) stays the appraiser's to decide.
    const staf = f.as('stafA').call('skp.list', {}).skps[0]!;
    expect(f.o.call('skp.get', { skpId: staf.id }, f.o.admin).can.approve).toBe(false);
    f.o.call('skp.approve', { skpId: head.id, version: v }, f.o.admin);
    const events = f.as('kadis').call('skp.get', { skpId: head.id }).events;
    expect(events.at(-1)!.note).toContain('dicatat oleh Pengelola Kinerja atas persetujuan Drs. H. Sekda Langsa, M.Si.');
  });
});
