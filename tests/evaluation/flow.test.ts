import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../people/fixture';
import { SkpOffice } from '../skp/fixture';

/**
 * The year running for one staff member (Nurul, Staf A) appraised by the Kasubbag, whose superior
 * (atasan) is the Sekretaris: realisasi with evidence, feedback, a dialogue, the evaluation, its
 * acknowledgement and an appeal decided by the atasan.
 */
let f: SkpOffice;
let skpId: string;
let rhkId: string;
let indicatorIds: string[];

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(() => {
  f = SkpOffice.create();
  const boss = f.draftWithRhk('kasubbag', 'Terlaksananya layanan administrasi umum');
  const mine = f.draftWithRhk('stafA', 'Tersusunnya laporan persuratan', boss.rhkId);
  const v = f.as('stafA').call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
  f.as('kasubbag').call('skp.approve', { skpId: mine.skpId, version: v });
  skpId = mine.skpId;
  const detail = f.as('stafA').call('skp.get', { skpId });
  rhkId = detail.rhk[0]!.id;
  indicatorIds = detail.rhk[0]!.indicators.map((i) => i.id);
});
afterAll(() => {
  f.o.close();
  removeTempDirs();
});

const files = () => {
  const dir = path.join(f.o.dir, 'evidence');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).filter((p) => fs.statSync(path.join(dir, String(p))).isFile()).length;
};
const rows = (t: string) => (f.o.core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;

describe('realisasi with evidence', () => {
  it('saves a draft, stores a file content-addressed, and submits the period', () => {
    const staf = f.as('stafA');
    staf.call('realisasi.save', { skpId, period: '1', entries: [{ indicatorId: indicatorIds[0]!, version: null, value: 11, notes: 'Laporan Januari lengkap' }] });
    const ev = staf.call('realisasi.addEvidence', { skpId, period: '1', indicatorId: indicatorIds[0]!, file: { name: 'laporan-januari.pdf', contentBase64: pdf.toString('base64') } });
    expect(ev.evidence).toMatchObject({ kind: 'file', fileName: 'laporan-januari.pdf', mimeType: 'application/pdf', size: pdf.length });
    expect(files()).toBe(1);
    staf.call('realisasi.addEvidence', { skpId, period: '1', link: 'https://drive.langsakota.go.id/berkas/123', title: 'Arsip daring' });
    const report = staf.call('realisasi.get', { skpId, period: '1' });
    expect(report.rows[0]).toMatchObject({ value: 11, targetLabel: '10 - 12 dokumen' });
    expect(report.rows[0]!.evidence).toHaveLength(1);
    staf.call('realisasi.submit', { skpId, period: '1' });
    expect(staf.call('realisasi.get', { skpId, period: '1' })).toMatchObject({ status: 'diajukan', canEdit: false });
    expect(staf.fail('realisasi.save', { skpId, period: '1', entries: [] }).message).toMatch(/sudah dikirim/);
    expect(f.as('kasubbag').call('realisasi.incoming', {}).items.map((i) => i.period)).toEqual(['1']);
  });

  it('refuses a too-large file, a wrong type, a disguised file and a path-traversal name, writing nothing', () => {
    const staf = f.as('stafA');
    const before = { evidence: rows('evidence'), audit: rows('audit_log'), files: files() };
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x25).toString('base64');
    expect(staf.fail('realisasi.addEvidence', { skpId, period: '2', file: { name: 'besar.pdf', contentBase64: big } }).message).toMatch(/20 MB/);
    expect(staf.fail('realisasi.addEvidence', { skpId, period: '2', file: { name: 'program.exe', contentBase64: pdf.toString('base64') } }).message).toMatch(/\.exe tidak diterima/);
    expect(staf.fail('realisasi.addEvidence', { skpId, period: '2', file: { name: 'foto.png', contentBase64: pdf.toString('base64') } }).message).toMatch(/tidak sesuai/);
    for (const name of ['../../kinerja.db.pdf', '..\\rahasia.pdf', 'a/b.pdf', '.hidden.pdf']) {
      expect(staf.fail('realisasi.addEvidence', { skpId, period: '2', file: { name, contentBase64: pdf.toString('base64') } }).code).toBe('VALIDATION');
    }
    expect(staf.fail('realisasi.addEvidence', { skpId, period: '2', link: 'javascript:alert(1)' }).code).toBe('VALIDATION');
    expect({ evidence: rows('evidence'), audit: rows('audit_log'), files: files() }).toEqual(before);
    // Someone else cannot report on Nurul's plan.
    expect(f.as('stafB').fail('realisasi.save', { skpId, period: '2', entries: [] }).code).toBe('FORBIDDEN');
    expect(f.as('stafB').fail('realisasi.get', { skpId, period: '2' }).code).toBe('FORBIDDEN');
  });
});

describe('feedback, dialogue, evaluation and appeal', () => {
  it('threads feedback with who said what, and counts unread', () => {
    f.as('kasubbag').call('feedback.post', { skpId, period: '1', target: { kind: 'rhk', rhkId }, body: 'Laporan rapi; lampirkan juga daftar surat keluar.' });
    f.as('kasubbag').call('feedback.post', { skpId, period: '1', target: { kind: 'perilaku', valueCode: 'kolaboratif' }, body: 'Bantu rekan di subbagian saat beban tinggi.' });
    expect(f.as('stafA').call('feedback.unread', {}).total).toBe(2);
    f.as('stafA').call('feedback.post', { skpId, period: '1', target: { kind: 'rhk', rhkId }, body: 'Baik, Pak. Akan saya lampirkan pada bulan depan.' });
    const thread = f.as('stafA').call('feedback.thread', { skpId, period: '1' });
    expect(thread.messages.map((m) => [m.authorRole, m.mine])).toEqual([
      ['penilai', false],
      ['penilai', false],
      ['pegawai', true],
    ]);
    f.as('stafA').call('feedback.markRead', { skpId });
    expect(f.as('stafA').call('feedback.unread', {}).total).toBe(0);
    expect(f.as('kasubbag').call('feedback.unread', {}).total).toBe(1);
    expect(f.as('stafB').fail('feedback.post', { skpId, period: '1', target: { kind: 'umum' }, body: 'Halo' }).code).toBe('FORBIDDEN');
  });

  it('holds a dialogue that both sides confirm', () => {
    const req = f.as('stafA').call('dialogue.request', { kind: 'pemantauan', skpId, note: 'Saya ingin membahas beban kerja persuratan.' });
    expect(req.dialogue).toMatchObject({ status: 'diminta', appraiserName: 'Muhammad Kasubbag' });
    let d = f.as('kasubbag').call('dialogue.schedule', { dialogueId: req.dialogue.id, version: req.dialogue.version, scheduledAt: '2026-02-05T09:00:00+07:00', place: 'Ruang Subbagian Umum', agenda: 'Beban kerja persuratan' }).dialogue;
    d = f.as('kasubbag').call('dialogue.record', {
      dialogueId: d.id,
      version: d.version,
      discussion: 'Volume surat naik 40% sejak Januari.',
      employeeConcerns: 'Saya kewalahan karena juga mengurus arsip.',
      agreed: 'Arsip dibagi dengan Staf B.',
      actions: [{ text: 'Menyusun pembagian tugas arsip', owner: 'penilai', dueDate: '2026-02-12' }],
    }).dialogue;
    expect(f.as('stafB').fail('dialogue.confirm', { dialogueId: d.id, version: d.version }).code).toBe('FORBIDDEN');
    d = f.as('stafA').call('dialogue.confirm', { dialogueId: d.id, version: d.version }).dialogue;
    expect(d.status).toBe('dicatat');
    d = f.as('kasubbag').call('dialogue.confirm', { dialogueId: d.id, version: d.version }).dialogue;
    expect(d.status).toBe('dikonfirmasi');
    expect(d.employeeConcerns).toBe('Saya kewalahan karena juga mengurus arsip.');
    expect(f.as('kasubbag').fail('dialogue.record', { dialogueId: d.id, version: d.version, discussion: 'ubah' }).code).toBe('RULE_VIOLATION');
  });

  it('refuses "Di atas" results while a Utama RHK is below, computes the predikat, locks when final', () => {
    const boss = f.as('kasubbag');
    const err = boss.fail('evaluation.save', { skpId, period: '1', version: null, rhk: [{ rhkId, judgement: 'dibawah' }], resultsRating: 'diatas', behaviourRating: 'diatas' });
    expect(err.code).toBe('RULE_VIOLATION');
    expect(err.message).toMatch(/RHK Utama/);
    expect(rows('evaluations')).toBe(0);
    const saved = boss.call('evaluation.save', { skpId, period: '1', version: null, rhk: [{ rhkId, judgement: 'diatas' }], resultsRating: 'diatas', behaviourRating: 'sesuai', notes: 'Pertahankan.' });
    expect(saved.predikat).toBe('baik');
    expect(f.as('stafA').fail('evaluation.save', { skpId, period: '1', version: null, rhk: [] }).code).toBe('FORBIDDEN');
    expect(f.as('kasi').fail('evaluation.save', { skpId, period: '1', version: null, rhk: [] }).code).toBe('RULE_VIOLATION');
    f.o.call('evaluation.setOrgRating', { yearId: f.yearId, period: '1', unitId: null, version: null, rating: 'baik' }, f.o.admin);
    boss.call('evaluation.finalize', { evaluationId: saved.evaluationId, version: saved.version });
    const detail = f.as('stafA').call('evaluation.get', { skpId, period: '1' });
    expect(detail).toMatchObject({ status: 'final', predikat: 'baik', orgRating: 'baik', can: { acknowledge: true, appeal: false } });
    expect(detail.rhk[0]!.feedback.map((x) => x.body)).toContain('Laporan rapi; lampirkan juga daftar surat keluar.');
    expect(detail.perilaku.find((p) => p.valueCode === 'kolaboratif')!.feedback).toHaveLength(1);
    // Final means final, for everyone.
    expect(boss.fail('evaluation.save', { skpId, period: '1', version: null, rhk: [], resultsRating: 'sesuai' }).message).toMatch(/final/);
    expect(f.o.fail('evaluation.save', { skpId, period: '1', version: null, rhk: [] }, f.o.admin).code).toBe('FORBIDDEN');
    expect(f.as('stafA').fail('realisasi.addEvidence', { skpId, period: '1', link: 'https://contoh.go.id' }).message).toMatch(/final/);
  });

  it('accepts an appeal on day 14 after receipt and refuses it on day 15', () => {
    const e = f.as('stafA').call('evaluation.get', { skpId, period: '1' });
    f.o.setDate('2026-02-10');
    f.relogin();
    const ack = f.as('stafA').call('evaluation.acknowledge', { evaluationId: e.id!, version: e.version! });
    expect(ack.appealDeadline).toBe('2026-02-24');
    // Day 15: refused, naming the closing date.
    f.o.setDate('2026-02-25');
    f.relogin();
    const late = f.as('stafA').fail('appeal.file', { evaluationId: e.id!, reasons: 'Saya tidak setuju.' });
    expect(late.code).toBe('RULE_VIOLATION');
    expect(late.message).toContain('24 Februari 2026');
    // Day 14: accepted.
    f.o.setDate('2026-02-24');
    f.relogin();
    const filed = f.as('stafA').call('appeal.file', { evaluationId: e.id!, reasons: 'Realisasi saya melampaui target pada semua indikator.' }).appeal;
    expect(filed).toMatchObject({ status: 'diajukan', atasanName: 'Cut Sekretaris', viewerSide: 'pegawai' });
    expect(f.as('stafA').fail('appeal.file', { evaluationId: e.id!, reasons: 'lagi' }).message).toMatch(/sudah pernah/);

    let a = f.as('kasubbag').call('appeal.explain', { appealId: filed.id, version: filed.version, explanation: 'Perilaku kolaboratif masih perlu ditingkatkan.' }).appeal;
    a = f.as('stafA').call('appeal.explain', { appealId: a.id, version: a.version, explanation: 'Saya membantu rekan setiap minggu.' }).appeal;
    expect(f.as('kasubbag').fail('appeal.decide', { appealId: a.id, version: a.version, decision: 'tetap', reason: 'x' }).code).toBe('RULE_VIOLATION');
    a = f.as('sekretaris').call('appeal.decide', { appealId: a.id, version: a.version, decision: 'diubah', behaviourRating: 'diatas', reason: 'Bukti kolaborasi cukup.' }).appeal;
    expect(a).toMatchObject({ status: 'diputus', decision: 'diubah', original: { predikat: 'baik' }, decided: { predikat: 'sangat_baik' } });
    expect(f.as('stafA').call('evaluation.get', { skpId, period: '1' }).predikat).toBe('sangat_baik');
    expect(f.as('sekretaris').fail('appeal.decide', { appealId: a.id, version: a.version, decision: 'tetap', reason: 'ulang' }).message).toMatch(/final/);
    expect(f.as('stafA').call('appeal.list', {}).appeals).toHaveLength(1);
  });

  it('reports the distribution per unit with breaches in words, and the dashboards', () => {
    const dist = f.o.call('distribution.get', { yearId: f.yearId, period: '1' }, f.o.admin);
    expect(dist.office).toMatchObject({ orgRating: 'baik', total: 1 });
    expect(dist.office.breaches.join(' ')).toMatch(/Butuh Perbaikan\/Cukup dan\/atau Kurang\/Misconduct: harus ada/);
    const dash = f.o.call('reports.officeDashboard', { yearId: f.yearId, period: '1' }, f.o.admin);
    expect(dash).toMatchObject({ realisasiSubmitted: 1, evaluationsFinal: 1 });
    expect(f.as('stafA').fail('reports.officeDashboard', { yearId: f.yearId, period: '1' }).code).toBe('FORBIDDEN');
    const team = f.as('kasubbag').call('reports.team', { yearId: f.yearId });
    expect(team.members.find((m) => m.name === 'Nurul Staf A')).toMatchObject({ periodsEvaluated: 1, lastPredikat: 'sangat_baik' });
    const mine = f.as('stafA').call('reports.myYear', { yearId: f.yearId });
    expect(mine.periods[0]).toMatchObject({ code: '1', realisasi: 'diajukan', evaluation: 'final', predikat: 'sangat_baik' });
    const reminders = f.as('stafA').call('reports.reminders', {}).reminders;
    // 24 February: February's report is due within the week; January's was sent.
    expect(reminders.filter((r) => r.kind === 'realisasi').map((r) => r.message)).toEqual(['Realisasi Februari 2026 belum dikirim kepada Pejabat Penilai.']);
  });
});
