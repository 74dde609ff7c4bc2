import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perilakuValues } from '../../shared/skp/perilaku';
import { renderEvaluationBatch, type BatchProgress } from '../../electron/core/evaluation/batch';
import { renderEvaluationDocument } from '../../electron/core/evaluation/document';
import { evaluationBatchFileName, evaluationPdfFileName } from '../../electron/core/evaluation/format';
import { buildServer } from '../../electron/server/app';
import { runCli } from '../helpers/cli';
import { removeTempDirs, tempDir } from '../people/fixture';
import { SkpOffice } from '../skp/fixture';

/**
 * The PDF read back: `pdftotext -layout` as a person sees the page (for what must sit on one line),
 * and the text in drawing order (`-raw`), where a cell's wrapped lines stay together and the DRAF
 * watermark, drawn last, does not land in the middle of a row; runs of spaces collapsed in both.
 */
function pdfText(bytes: Buffer): { layout: string; flat: string; pages: number } {
  const file = path.join(tempDir('kinerja-eval-pdf-'), 'evaluasi.pdf');
  fs.writeFileSync(file, bytes);
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return { layout, flat: raw.replace(/\s+/g, ' '), pages };
}

/**
 * The words of a phrase in order. A table row may break across pages (the page footer and the
 * repeated headings then sit between its lines), so a phrase in a narrow cell is found word by word.
 */
function expectPhrase(text: string, phrase: string): void {
  const words = phrase.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  expect(text, phrase).toMatch(new RegExp(words.join('[\\s\\S]{1,600}?')));
}

const meta = (token: string | null) => ({ transport: 'ipc' as const, sessionToken: token, requireCsrf: false });

/**
 * Nurul (Staf A) is appraised by the Kasubbag, whose superior is the Sekretaris. January 2026:
 * realisasi with a file and a link, feedback both ways, the office's Capaian Kinerja Organisasi,
 * the evaluation finalised on 6 February and received by Nurul on 10 February. Zulkifli (Staf B),
 * same appraiser, has a draft evaluation only.
 */
let f: SkpOffice;
let skpA: string;
let skpB: string;
const texts = {
  bossRhk: 'Terlaksananya layanan administrasi umum',
  rhk1: 'Tersusunnya arsip surat masuk',
  rhk2: 'Terlaksananya piket layanan tamu',
  indicators: ['Jumlah surat masuk yang diarsipkan', 'Persentase arsip tanpa kesalahan', 'Jumlah hari piket layanan tamu'],
  description: 'Arsip Januari lengkap termasuk surat dari sekolah',
  feedback: 'Arsip rapi; lampirkan juga daftar surat keluar.',
  reply: 'Baik, Pak. Daftar surat keluar saya lampirkan bulan depan.',
  perilakuFeedback: 'Bantu rekan di subbagian saat beban tinggi.',
  rhkNote: 'Melampaui target bulan ini.',
  notes: 'Pertahankan ketepatan waktu; ikutkan pelatihan kearsipan digital pada triwulan berikutnya.',
  expectation: 'Membalas surat masuk paling lambat dua hari kerja.',
};
const nips = { stafA: '19850101 201001 2 014', kasubbag: '19850101 201001 1 013', sekretaris: '19850101 201001 2 012' };

beforeAll(() => {
  f = SkpOffice.create();
  const boss = f.draftWithRhk('kasubbag', texts.bossRhk);
  const staf = f.as('stafA');
  const skp = staf.call('skp.create', { yearId: f.yearId }).skp;
  let v = staf.call('skp.saveRhk', {
    skpId: skp.id,
    version: skp.version,
    rhk: {
      kind: 'utama',
      text: texts.rhk1,
      parentRhkId: boss.rhkId,
      indicators: [
        { aspek: 'kuantitas', text: texts.indicators[0]!, targetMin: 1200, targetMax: 1500, targetUnit: 'surat' },
        { aspek: 'kualitas', text: texts.indicators[1]!, targetMin: 95, targetUnit: 'persen' },
      ],
    },
  }).version;
  v = staf.call('skp.saveRhk', {
    skpId: skp.id,
    version: v,
    rhk: { kind: 'tambahan', text: texts.rhk2, indicators: [{ aspek: 'kuantitas', text: texts.indicators[2]!, targetMin: 48, targetUnit: 'hari' }] },
  }).version;
  v = f.as('kasubbag').call('skp.setExpectations', { skpId: skp.id, version: v, expectations: [{ valueCode: 'akuntabel', text: texts.expectation }] }).version;
  v = staf.call('skp.submit', { skpId: skp.id, version: v }).version;
  f.as('kasubbag').call('skp.approve', { skpId: skp.id, version: v });
  skpA = skp.id;
  const plan = staf.call('skp.get', { skpId: skpA });
  const [r1, r2] = plan.rhk;
  const ind = plan.rhk.flatMap((r) => r.indicators);

  staf.call('realisasi.save', {
    skpId: skpA,
    period: '1',
    entries: [
      { indicatorId: ind[0]!.id, version: null, value: 1234, description: texts.description },
      { indicatorId: ind[1]!.id, version: null, value: 97.5, notes: 'Diperiksa Kasubbag' },
      { indicatorId: ind[2]!.id, version: null, value: 4 },
    ],
  });
  staf.call('realisasi.addEvidence', { skpId: skpA, period: '1', indicatorId: ind[0]!.id, file: { name: 'arsip-januari.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') } });
  staf.call('realisasi.addEvidence', { skpId: skpA, period: '1', indicatorId: ind[2]!.id, link: 'https://drive.langsakota.go.id/piket/januari', title: 'Jadwal piket' });
  staf.call('realisasi.submit', { skpId: skpA, period: '1' });

  f.as('kasubbag').call('feedback.post', { skpId: skpA, period: '1', target: { kind: 'rhk', rhkId: r1!.id }, body: texts.feedback });
  f.as('kasubbag').call('feedback.post', { skpId: skpA, period: '1', target: { kind: 'perilaku', valueCode: 'kolaboratif' }, body: texts.perilakuFeedback });
  staf.call('feedback.post', { skpId: skpA, period: '1', target: { kind: 'rhk', rhkId: r1!.id }, body: texts.reply });

  // Staf B: approved plan, a draft evaluation for January.
  const b = f.draftWithRhk('stafB', 'Terkelolanya agenda rapat dinas', boss.rhkId);
  const vb = f.as('stafB').call('skp.submit', { skpId: b.skpId, version: b.version }).version;
  f.as('kasubbag').call('skp.approve', { skpId: b.skpId, version: vb });
  skpB = b.skpId;
  f.as('kasubbag').call('evaluation.save', { skpId: skpB, period: '1', version: null, rhk: [{ rhkId: b.rhkId, judgement: 'sesuai' }], resultsRating: 'sesuai' });

  f.o.setDate('2026-02-06');
  f.relogin();
  f.o.call('evaluation.setOrgRating', { yearId: f.yearId, period: '1', unitId: null, version: null, rating: 'baik' }, f.o.admin);
  const saved = f.as('kasubbag').call('evaluation.save', {
    skpId: skpA,
    period: '1',
    version: null, rhk: [
      { rhkId: r1!.id, judgement: 'diatas', note: texts.rhkNote },
      { rhkId: r2!.id, judgement: 'sesuai' },
    ],
    resultsRating: 'diatas',
    behaviourRating: 'sesuai',
    notes: texts.notes,
  });
  f.as('kasubbag').call('evaluation.finalize', { evaluationId: saved.evaluationId, version: saved.version });
  f.o.setDate('2026-02-10');
  f.relogin();
  const e = f.as('stafA').call('evaluation.get', { skpId: skpA, period: '1' });
  f.as('stafA').call('evaluation.acknowledge', { evaluationId: e.id!, version: e.version! });
});

afterAll(() => {
  f.o.close();
  removeTempDirs();
});

describe('DOKUMEN EVALUASI KINERJA PEGAWAI', () => {
  it('prints the one-page signed outcome: period, three identities, capaian, predikat, notes, dated signatures', async () => {
    const r = await renderEvaluationDocument(f.o.core, meta(f.tokens.stafA), { skpId: skpA, period: '1' });
    expect(r.fileName).toBe('EVALUASI_198501012010012014_2026_JANUARI.pdf');
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { layout, flat, pages } = pdfText(r.bytes);
    expect(pages).toBe(1);
    expect(layout).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(flat).toContain('PERIODE: BULANAN JANUARI*');
    expect(flat).toContain('PEMERINTAH KOTA LANGSA');
    expect(flat).toContain('1 JANUARI SD 31 JANUARI TAHUN 2026');
    for (const h of ['1 PEGAWAI YANG DINILAI', '2 PEJABAT PENILAI KINERJA', '3 ATASAN PEJABAT PENILAI KINERJA', '4 EVALUASI KINERJA', '5 CATATAN/REKOMENDASI']) expect(flat).toContain(h);
    expect(flat.match(/NAMA :/g)).toHaveLength(3);
    expect(flat.match(/PANGKAT\/GOL\. RUANG :/g)).toHaveLength(3);
    // Names and NIPs (with spaces) of the employee, the appraiser and the atasan.
    for (const [name, nip] of [
      ['Nurul Staf A', nips.stafA],
      ['Muhammad Kasubbag', nips.kasubbag],
      ['Cut Sekretaris', nips.sekretaris],
    ]) {
      expect(flat).toContain(`NAMA : ${name}`);
      expect(flat).toContain(`NIP : ${nip}`);
    }
    expect(flat).toContain('CAPAIAN KINERJA ORGANISASI : BAIK');
    expect(flat).toContain('PREDIKAT KINERJA PEGAWAI : BAIK');
    expect(flat).toContain(texts.notes);
    // Each side dates its own signature: the employee on receipt, the appraiser on finalising.
    expect(layout.split('\n').some((l) => l.includes('Langsa, 10 Februari 2026') && l.includes('Langsa, 6 Februari 2026'))).toBe(true);
    expect(flat).toContain('Pegawai yang Dinilai,');
    expect(flat).toContain('Pejabat Penilai Kinerja,');
    expect(flat).toContain(`NIP. ${nips.stafA}`);
    expect(flat).toContain(`NIP. ${nips.kasubbag}`);
    expect(flat).toContain('*) Periode evaluasi mengikuti periode evaluasi kinerja yang berlaku di instansi');
    expect(flat).toContain('Halaman 1 dari 1');
    expect(flat).not.toMatch(/\bDRAF\b/);
  });

  it('marks a draft DRAF and leaves what is not decided yet to be written by hand', async () => {
    const r = await renderEvaluationDocument(f.o.core, meta(f.tokens.kasubbag), { skpId: skpB, period: '1' });
    const { flat, pages } = pdfText(r.bytes);
    expect(pages).toBe(1);
    expect(flat).toMatch(/\bDRAF\b/);
    expect(flat).toContain('Zulkifli Staf B, NIP 19850101 201001 1 015 - DRAF');
    expect(flat).toContain('Zulkifli Staf B');
    expect(flat).toMatch(/PREDIKAT KINERJA PEGAWAI : \.{10,}/);
    expect(flat).toMatch(/Langsa, \.{10,}/);
  });

  it('stays on one page with the longest note a form accepts', async () => {
    const long = f.draftWithRhk('stafC', 'Terkelolanya data kurikulum sekolah');
    const v = f.as('stafC').call('skp.submit', { skpId: long.skpId, version: long.version }).version;
    f.as('kasi').call('skp.approve', { skpId: long.skpId, version: v });
    const note = 'Catatan pembinaan yang panjang sekali. '.repeat(110).slice(0, 4000);
    f.as('kasi').call('evaluation.save', { skpId: long.skpId, period: '1', version: null, rhk: [{ rhkId: long.rhkId, judgement: 'sesuai' }], resultsRating: 'sesuai', behaviourRating: 'sesuai', notes: note });
    const { pages, flat } = pdfText((await renderEvaluationDocument(f.o.core, meta(f.tokens.kasi), { skpId: long.skpId, period: '1' })).bytes);
    expect(pages).toBe(1);
    expect(flat).toContain('Catatan pembinaan yang panjang sekali.');
  });
});

describe('EVALUASI KINERJA PEGAWAI form', () => {
  it('prints realisasi with evidence, feedback, ratings, the curve and one signature', async () => {
    const r = await renderEvaluationDocument(f.o.core, meta(f.tokens.kasubbag), { skpId: skpA, period: '1', form: 'evaluasi' });
    expect(r.fileName).toBe('FORMULIR-EVALUASI_198501012010012014_2026_JANUARI.pdf');
    const { layout, flat, pages } = pdfText(r.bytes);
    for (const line of ['EVALUASI KINERJA PEGAWAI', 'PENDEKATAN HASIL KERJA KUANTITATIF', 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL', 'PERIODE: BULANAN JANUARI']) {
      expect(layout).toContain(line);
    }
    expect(flat).toContain('PERIODE PENILAIAN: 1 JANUARI SD 31 JANUARI TAHUN 2026');
    expect(flat).toContain(nips.stafA);
    expect(flat).toContain(nips.kasubbag);
    expect(flat).toContain('CAPAIAN KINERJA ORGANISASI BAIK');
    expect(flat).toContain('POLA DISTRIBUSI');
    expect(flat).toContain('KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK');
    expect(flat).toContain('Frekuensi Pegawai');
    for (const p of ['Sangat Kurang', 'Kurang/Misconduct', 'Butuh Perbaikan', 'Sangat Baik']) expect(flat).toContain(p);
    expect(flat).toContain('Sebagian besar (lebih dari 50%, maksimal 70%) pegawai berpredikat Baik');
    // The rating here is the whole office's: an appraiser limited to their unit does not get the
    // office-wide counts (distribution.get), so the picture shows the pattern only; the admin sees
    // the actual spread (Nurul, the one final).
    expect(flat).not.toContain('sebaran predikat final');
    const asAdmin = pdfText((await renderEvaluationDocument(f.o.core, meta(f.o.admin), { skpId: skpA, period: '1', form: 'evaluasi' })).bytes).flat;
    expect(asAdmin).toContain('sebaran predikat final');
    expect(asAdmin).toContain('1 (100%)');

    for (const h of ['REALISASI BERDASARKAN BUKTI', 'UMPAN BALIK BERKELANJUTAN', 'A. UTAMA', 'B. TAMBAHAN', 'INDIKATOR KINERJA']) expect(flat).toContain(h);
    for (const t of [texts.bossRhk, texts.rhk1, texts.rhk2, ...texts.indicators]) expectPhrase(flat, t);
    // Realisasi in Indonesian numbers with the unit, description, notes and evidence.
    for (const t of ['1.234 surat', '97,5 persen', '4 hari', texts.description, 'Catatan: Diperiksa Kasubbag', 'arsip-januari.pdf', 'Jadwal piket']) expectPhrase(flat, t);
    // Feedback threads: who said what and when; the judgement and its note.
    expect(flat).toContain('Penilaian: Di Atas Ekspektasi');
    expectPhrase(flat, texts.rhkNote);
    expectPhrase(flat, texts.feedback);
    expect(flat).toContain('Tanggapan pegawai');
    expectPhrase(flat, texts.reply);
    expect(flat).toContain('12 Januari 2026');

    expect(flat).toContain('RATING HASIL KERJA DIATAS EKSPEKTASI');
    expect(flat).toContain('PERILAKU KERJA');
    expect(flat).toContain('EKSPEKTASI KHUSUS PIMPINAN');
    for (const v of perilakuValues) expect(flat).toContain(v.name);
    expectPhrase(flat, texts.expectation);
    expectPhrase(flat, texts.perilakuFeedback);
    expect(flat).toContain('RATING PERILAKU KERJA SESUAI EKSPEKTASI');
    expect(flat).toContain('PREDIKAT KINERJA PEGAWAI BAIK');
    // One signature block, the appraiser's, dated on finalising.
    expect(flat).toContain('Langsa, 6 Februari 2026');
    expect(flat).not.toContain('Pegawai yang Dinilai');
    expect(flat).toContain(`NIP. ${nips.kasubbag}`);
    expect(flat).toContain(`Halaman ${pages} dari ${pages}`);
    // Table headings repeat on every page.
    expect(layout.split('\f').filter((p) => p.includes('HASIL KERJA')).length).toBeGreaterThanOrEqual(1);
    expect(flat).not.toMatch(/\bDRAF\b/);
  });

  it('shows the employee the pattern without the unit spread they may not see', async () => {
    const { flat } = pdfText((await renderEvaluationDocument(f.o.core, meta(f.tokens.stafA), { skpId: skpA, period: '1', form: 'evaluasi' })).bytes);
    expect(flat).toContain('Sebagian besar (lebih dari 50%, maksimal 70%) pegawai berpredikat Baik');
    expect(flat).not.toContain('sebaran predikat final');
    expect(flat).toContain('Sebaran aktual unit tidak ditampilkan');
  });

  it('prints quarterly and annual periods, and the head of office appraised by the Sekda', async () => {
    const y = f.o.call('year.open', { year: 2027, cadence: 'triwulanan' }, f.o.admin).year;
    const head = f.as('kadis');
    const skp = head.call('skp.create', { yearId: y.id }).skp;
    head.call('skp.saveRhk', {
      skpId: skp.id,
      version: skp.version,
      rhk: { kind: 'utama', text: 'Meningkatnya mutu layanan pendidikan', indicators: [{ perspektif: 'penerima_layanan', text: 'Indeks kepuasan sekolah', targetMin: 85, targetUnit: 'poin' }] },
    });
    const q2 = await renderEvaluationDocument(f.o.core, meta(f.tokens.kadis), { skpId: skp.id, period: 'Q2' });
    expect(q2.fileName).toBe(`EVALUASI_${f.org.people.kadis.nip}_2027_TRIWULAN-II.pdf`);
    const d = pdfText(q2.bytes).flat;
    expect(d).toContain('PERIODE: TRIWULAN II*');
    expect(d).toContain('1 APRIL SD 30 JUNI TAHUN 2027');
    expect(d).toContain('NAMA : Drs. H. Sekda Langsa, M.Si.');
    expect(d).toContain('NIP : 19700101 199503 1 002');
    expect(d).toContain('NAMA : Wali Kota Langsa');
    expect(d).toMatch(/\bDRAF\b/);
    const annual = pdfText((await renderEvaluationDocument(f.o.core, meta(f.tokens.kadis), { skpId: skp.id, period: 'tahunan', form: 'evaluasi' })).bytes).flat;
    expect(annual).toContain('PERIODE: AKHIR');
    expect(annual).toContain('BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI');
    expect(annual).toContain('PERSPEKTIF');
    expect(annual).toContain('Penerima Layanan');
    expect(annual).toContain('Indeks kepuasan sekolah');
    expect(annual).toContain('PREDIKAT PERIODIK TAHUN INI');
    expect(annual).toContain('Belum dapat digambarkan');
  });

  it('keeps every word of a year of feedback on the annual form, however long', async () => {
    const rhkId = f.as('stafA').call('skp.get', { skpId: skpA }).rhk[0]!.id;
    const long = (n: number) => `Catatan ke-${n}: ${'arsip perlu diperiksa ulang bersama operator sekolah sebelum dikirim; '.repeat(4)}akhir catatan ${n}.`;
    for (let n = 1; n <= 24; n++) {
      const period = String(2 + (n % 11));
      f.as('kasubbag').call('feedback.post', { skpId: skpA, period, target: { kind: 'perilaku', valueCode: 'harmonis' }, body: long(n) });
      f.as('kasubbag').call('feedback.post', { skpId: skpA, period, target: { kind: 'rhk', rhkId }, body: long(100 + n) });
    }
    const { flat, pages } = pdfText((await renderEvaluationDocument(f.o.core, meta(f.tokens.kasubbag), { skpId: skpA, period: 'tahunan', form: 'evaluasi' })).bytes);
    expect(flat).toContain('PERIODE: AKHIR');
    // The year's realisasi, period by period.
    expect(flat).toContain('Per periode:');
    expect(flat).toContain('Jan: 1.234 surat');
    expect(flat).toContain('periode Februari 2026');
    for (let n = 1; n <= 24; n++) {
      expect(flat).toContain(`akhir catatan ${n}.`);
      expect(flat).toContain(`akhir catatan ${100 + n}.`);
    }
    expect(flat).toContain(`Halaman ${pages} dari ${pages}`);
    expect(flat).toContain('PREDIKAT KINERJA PEGAWAI');
  });

  it('refuses callers evaluation.get refuses', async () => {
    await expect(renderEvaluationDocument(f.o.core, meta(f.tokens.stafC), { skpId: skpA, period: '1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(renderEvaluationDocument(f.o.core, meta(null), { skpId: skpA, period: '1' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(renderEvaluationDocument(f.o.core, meta(f.tokens.stafA), { skpId: skpA, period: 'Q5' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('batch', () => {
  it('prints every evaluation of the period as one PDF, each document numbered on its own, with progress', async () => {
    const progress: BatchProgress[] = [];
    const r = await renderEvaluationBatch(f.o.core, meta(f.o.admin), { yearId: f.yearId, period: '1' }, (p) => progress.push(p));
    const evaluations = (f.o.core.sqlite.prepare("SELECT COUNT(*) AS n FROM evaluations WHERE period = '1' AND year_id = ? AND deleted_at IS NULL").get(f.yearId) as { n: number }).n;
    expect(evaluations).toBe(3);
    expect(r.count).toBe(evaluations);
    expect(r.fileName).toBe('EVALUASI_SEMUA_2026_JANUARI.pdf');
    const { flat, pages } = pdfText(r.bytes);
    expect(pages).toBe(evaluations);
    expect(flat.match(/Halaman 1 dari 1/g)).toHaveLength(evaluations);
    for (const name of ['Nurul Staf A', 'Zulkifli Staf B', 'Fitriani Staf C']) expect(flat).toContain(name);
    // Only the drafts carry DRAF.
    expect(flat.match(/ - DRAF/g)).toHaveLength(2);
    expect(progress.filter((p) => p.phase === 'data').at(-1)).toMatchObject({ done: 3, total: 3 });
    expect(progress.at(-1)).toMatchObject({ phase: 'selesai', done: 3 });

    const form = await renderEvaluationBatch(f.o.core, meta(f.o.admin), { yearId: f.yearId, period: '1', form: 'evaluasi', finalOnly: true });
    expect(form.count).toBe(1);
    const formText = pdfText(form.bytes);
    expect(formText.flat).toContain(`Halaman ${formText.pages} dari ${formText.pages}`);

    const unit = await renderEvaluationBatch(f.o.core, meta(f.o.admin), { yearId: f.yearId, period: '1', form: 'evaluasi', unitId: f.org.units.umum });
    expect(unit.count).toBe(2);
    const u = pdfText(unit.bytes);
    // Two documents, each restarting its page numbers.
    expect(u.flat.match(/Halaman 1 dari \d/g)).toHaveLength(2);
    expect(u.flat).not.toContain('Fitriani Staf C');
  });

  it('leaves out what the caller may not see, and refuses when nothing is left', async () => {
    const mine = await renderEvaluationBatch(f.o.core, meta(f.tokens.stafA), { yearId: f.yearId, period: '1' });
    expect(mine.count).toBe(1);
    expect(mine.skipped).toBe(2);
    await expect(renderEvaluationBatch(f.o.core, meta(f.tokens.sekretaris), { yearId: f.yearId, period: '2' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(renderEvaluationBatch(f.o.core, meta(f.tokens.guest), { yearId: f.yearId, period: '1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(renderEvaluationBatch(f.o.core, meta(null), { yearId: f.yearId, period: '1' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(evaluationBatchFileName('SD', 2026, 'Q3', 'evaluasi')).toBe('FORMULIR-EVALUASI_SD_2026_TRIWULAN-III.pdf');
    expect(evaluationPdfFileName({ employeeNip: '19850101 201001 1 011', year: 2026, period: 'tahunan' })).toBe('EVALUASI_198501012010011011_2026_TAHUNAN.pdf');
  });
});

describe('HTTP', () => {
  it('serves evaluasi.pdf to the owner, the appraiser, the atasan and the admin; 403 to others, 401 to strangers', async () => {
    const app = await buildServer({ core: f.o.core });
    try {
      const get = (token: string | null, extra = '') =>
        app.inject({ method: 'GET', url: `/api/files/evaluasi.pdf?skpId=${skpA}&period=1${extra}`, ...(token ? { cookies: { kinerja_session: token } } : {}) });
      const own = await get(f.tokens.stafA);
      expect(own.statusCode).toBe(200);
      expect(own.headers['content-type']).toBe('application/pdf');
      expect(own.headers['content-disposition']).toContain('filename="EVALUASI_198501012010012014_2026_JANUARI.pdf"');
      expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      for (const token of [f.tokens.kasubbag, f.tokens.sekretaris, f.o.admin]) expect((await get(token)).statusCode).toBe(200);
      const formResponse = await get(f.tokens.kasubbag, '&form=evaluasi');
      expect(formResponse.headers['content-disposition']).toContain('FORMULIR-EVALUASI_');
      const other = await get(f.tokens.stafC);
      expect(other.statusCode).toBe(403);
      expect(other.json().error.code).toBe('FORBIDDEN');
      expect((await get(null)).statusCode).toBe(401);
      expect((await get(f.tokens.stafA, '&form=lain')).statusCode).toBe(400);
      expect((await app.inject({ method: 'GET', url: `/api/files/evaluasi.pdf?skpId=${skpA}`, cookies: { kinerja_session: f.tokens.stafA } })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('serves a batch directly and as a job with progress, to the session that started it', async () => {
    const app = await buildServer({ core: f.o.core });
    try {
      const admin = { kinerja_session: f.o.admin };
      const direct = await app.inject({ method: 'GET', url: `/api/files/evaluasi-batch.pdf?yearId=${f.yearId}&period=1`, cookies: admin });
      expect(direct.statusCode).toBe(200);
      expect(direct.headers['content-disposition']).toContain('EVALUASI_SEMUA_2026_JANUARI.pdf');
      expect(pdfText(direct.rawPayload).pages).toBe(3);
      expect((await app.inject({ method: 'GET', url: `/api/files/evaluasi-batch.pdf?yearId=${f.yearId}&period=1` })).statusCode).toBe(401);

      const csrf = f.o.call('auth.me', {}, f.o.admin).csrfToken!;
      const start = (headers: Record<string, string>, cookies = admin) =>
        app.inject({ method: 'POST', url: '/api/files/jobs/evaluasi-batch', headers: { 'content-type': 'application/json', ...headers }, cookies, payload: JSON.stringify({ yearId: f.yearId, period: '1', form: 'evaluasi' }) });
      expect((await start({})).statusCode).toBe(403); // no CSRF token
      expect((await start({ 'x-csrf-token': csrf }, {} as typeof admin)).statusCode).toBe(401);
      const started = await start({ 'x-csrf-token': csrf });
      expect(started.statusCode).toBe(202);
      const jobId = started.json().jobId as string;
      let state = started.json();
      for (let i = 0; i < 200 && state.status === 'berjalan'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        state = (await app.inject({ method: 'GET', url: `/api/files/jobs/${jobId}`, cookies: admin })).json();
      }
      expect(state).toMatchObject({ status: 'selesai', count: 3, progress: { phase: 'selesai', done: 3, total: 3 }, fileName: 'FORMULIR-EVALUASI_SEMUA_2026_JANUARI.pdf' });
      const file = await app.inject({ method: 'GET', url: `/api/files/jobs/${jobId}/file`, cookies: admin });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(pdfText(file.rawPayload).flat.match(/Halaman 1 dari \d/g)).toHaveLength(3);
      // Another session (even the same person's) does not see the job.
      expect((await app.inject({ method: 'GET', url: `/api/files/jobs/${jobId}`, cookies: { kinerja_session: f.tokens.stafA } })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('kinerja export evaluasi (CLI)', () => {
  it('writes one employee\'s document by NIP and period, and a whole office with progress on stderr', async () => {
    // A separate office on disk, closed before the CLI opens it.
    const g = SkpOffice.create();
    const mine = g.draftWithRhk('stafC', 'Terkelolanya data kurikulum sekolah');
    const v = g.as('stafC').call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
    g.as('kasi').call('skp.approve', { skpId: mine.skpId, version: v });
    const s = g.as('kasi').call('evaluation.save', { skpId: mine.skpId, period: '3', version: null, rhk: [{ rhkId: mine.rhkId, judgement: 'sesuai' }], resultsRating: 'sesuai', behaviourRating: 'diatas', notes: 'Tingkatkan koordinasi dengan sekolah.' });
    g.as('kasi').call('evaluation.finalize', { evaluationId: s.evaluationId, version: s.version });
    const dir = g.o.dir;
    g.o.close();
    const outDir = tempDir('kinerja-eval-cli-');
    const one = path.join(outDir, 'nested', 'satu.pdf');
    const r = await runCli(['export', 'evaluasi', '--data', dir, '--nip', '19850101 201001 2 017', '--year', '2026', '--period', '3', '--out', one], 60_000);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('EVALUASI_198501012010012017_2026_MARET.pdf');
    const d = pdfText(fs.readFileSync(one));
    expect(d.pages).toBe(1);
    expect(d.flat).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(d.flat).toContain('PERIODE: BULANAN MARET*');
    expect(d.flat).toContain('NAMA : Fitriani Staf C');
    expect(d.flat).toContain('NIP : 19850101 201001 2 017');
    expect(d.flat).toContain('NAMA : Rahmat Kasi');
    expect(d.flat).toContain('PREDIKAT KINERJA PEGAWAI : BAIK');
    expect(d.flat).toContain('Tingkatkan koordinasi dengan sekolah.');

    const all = path.join(outDir, 'semua.pdf');
    const b = await runCli(['export', 'evaluasi', '--data', dir, '--all', '--year', '2026', '--period', '3', '--form', 'evaluasi', '--out', all], 60_000);
    expect(b.code).toBe(0);
    expect(b.stderr).toContain('Membaca penilaian 1 dari 1');
    expect(b.stderr).toContain('1 dokumen siap');
    expect(pdfText(fs.readFileSync(all)).flat).toContain('EVALUASI KINERJA PEGAWAI');

    const bad = await runCli(['export', 'evaluasi', '--data', dir, '--nip', '198501012010012017', '--year', '2026', '--period', 'Q1', '--out', one], 60_000);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bulanan/);
    const both = await runCli(['export', 'evaluasi', '--data', dir, '--all', '--nip', '198501012010012017', '--year', '2026', '--period', '3', '--out', one], 60_000);
    expect(both.code).toBe(2);
  }, 180_000);
});

describe('a result under appeal', () => {
  it('says so on both documents, with the date it was filed', async () => {
    f.o.setDate('2026-02-11');
    f.relogin();
    const e = f.as('stafA').call('evaluation.get', { skpId: skpA, period: '1' });
    f.as('stafA').call('appeal.file', { evaluationId: e.id!, reasons: 'Saya mohon hasil kerja dinilai kembali.' });
    const note = 'Atas hasil ini diajukan keberatan pada 11 Februari 2026; menunggu putusan Atasan Pejabat Penilai Kinerja.';
    for (const form of ['dokumen', 'evaluasi'] as const) {
      const { flat } = pdfText((await renderEvaluationDocument(f.o.core, meta(f.tokens.sekretaris), { skpId: skpA, period: '1', form })).bytes);
      expectPhrase(flat, note);
    }
  });
});
