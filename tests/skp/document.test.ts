import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perilakuValues } from '../../shared/skp/perilaku';
import { periodeText } from '../../electron/core/documents/dates';
import { contentDisposition } from '../../electron/core/documents/downloads';
import { resolveFontsDir } from '../../electron/core/documents/fonts';
import { defaultLetterhead, letterheadOf, setLetterhead } from '../../electron/core/documents/letterhead';
import { skpPdfFileName, skpPdfFor } from '../../electron/core/skp/document';
import { buildServer } from '../../electron/server/app';
import { removeTempDirs, tempDir } from '../people/fixture';
import { SkpOffice } from './fixture';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The PDF as a person reads it: `pdftotext -layout`, with runs of spaces collapsed for matching. */
function pdfText(bytes: Buffer): { layout: string; flat: string } {
  const file = path.join(tempDir('kinerja-skp-pdf-'), 'skp.pdf');
  fs.writeFileSync(file, bytes);
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { layout, flat: layout.replace(/\s+/g, ' ') };
}

const meta = (token: string) => ({ transport: 'ipc' as const, sessionToken: token, requireCsrf: false });

let f: SkpOffice;
/** stafA's approved kuantitatif SKP: two Utama (one linked to the Kasubbag's RHK) and one Tambahan. */
let skpA: string;
const texts = {
  bossRhk: 'Terlaksananya layanan umum kantor',
  rhk1: 'Tersusunnya arsip surat masuk',
  rhk2: 'Terkelolanya agenda rapat dinas',
  rhkTambahan: 'Terlaksananya piket layanan tamu',
  indicators: [
    'Jumlah surat masuk yang diarsipkan',
    'Persentase arsip tanpa kesalahan',
    'Waktu penyelesaian pengarsipan',
    'Jumlah agenda rapat yang dicatat',
    'Notulen rapat yang disahkan',
    'Jumlah hari piket layanan tamu',
  ],
  expectation: 'Membalas surat masuk paling lambat dua hari kerja.',
  annex: ['Aplikasi persuratan elektronik', 'Laporan bulanan kepada Kasubbag', 'Teguran lisan bila target terlambat'],
};

beforeAll(() => {
  f = SkpOffice.create();
  const boss = f.draftWithRhk('kasubbag', texts.bossRhk);
  const staf = f.as('stafA');
  const skp = staf.call('skp.create', { yearId: f.yearId }).skp;
  let v = skp.version;
  v = staf.call('skp.saveRhk', {
    skpId: skp.id,
    version: v,
    rhk: {
      kind: 'utama',
      text: texts.rhk1,
      parentRhkId: boss.rhkId,
      indicators: [
        { aspek: 'kuantitas', text: texts.indicators[0]!, targetMin: 1200, targetMax: 1500, targetUnit: 'surat' },
        { aspek: 'kualitas', text: texts.indicators[1]!, targetMin: 95, targetUnit: 'persen' },
        { aspek: 'waktu', text: texts.indicators[2]!, targetMin: 12, targetUnit: 'bulan' },
      ],
    },
  }).version;
  v = staf.call('skp.saveRhk', {
    skpId: skp.id,
    version: v,
    rhk: {
      kind: 'utama',
      text: texts.rhk2,
      indicators: [
        { aspek: 'kuantitas', text: texts.indicators[3]!, targetMin: 24, targetUnit: 'agenda' },
        { aspek: 'kualitas', text: texts.indicators[4]!, targetMin: 90, targetMax: 100, targetUnit: 'persen' },
      ],
    },
  }).version;
  v = staf.call('skp.saveRhk', {
    skpId: skp.id,
    version: v,
    rhk: { kind: 'tambahan', text: texts.rhkTambahan, indicators: [{ aspek: 'kuantitas', text: texts.indicators[5]!, targetMin: 48, targetUnit: 'hari' }] },
  }).version;
  v = staf.call('skp.saveAnnex', {
    skpId: skp.id,
    version: v,
    dukungan_sumber_daya: [texts.annex[0]!],
    skema_pertanggungjawaban: [texts.annex[1]!],
    konsekuensi: [texts.annex[2]!],
  }).version;
  v = f.as('kasubbag').call('skp.setExpectations', { skpId: skp.id, version: v, expectations: [{ valueCode: 'berorientasi_pelayanan', text: texts.expectation }] }).version;
  v = staf.call('skp.submit', { skpId: skp.id, version: v }).version;
  f.as('kasubbag').call('skp.approve', { skpId: skp.id, version: v });
  skpA = skp.id;
});

afterAll(() => {
  f.o.close();
  removeTempDirs();
});

describe('SKP document (PDF)', () => {
  it('prints the kuantitatif SKP with every part a civil servant expects', async () => {
    const file = await skpPdfFor(f.o.core, meta(f.tokens.stafA), skpA);
    expect(file.fileName).toBe(`SKP_${f.org.people.stafA.nip}_2026.pdf`);
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { layout, flat } = pdfText(file.bytes);

    for (const line of ['SASARAN KINERJA PEGAWAI', 'PENDEKATAN HASIL KERJA KUANTITATIF', 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL']) {
      expect(layout).toContain(line);
    }
    expect(flat).toContain('PEMERINTAH KOTA LANGSA');
    expect(flat).toContain('DINAS PENDIDIKAN DAN KEBUDAYAAN KOTA LANGSA');
    expect(flat).toContain('PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026');
    for (const h of ['PEGAWAI YANG DINILAI', 'PEJABAT PENILAI KINERJA', 'PANGKAT/GOL. RUANG', 'UNIT KERJA', 'HASIL KERJA', 'A. UTAMA', 'B. TAMBAHAN']) expect(flat).toContain(h);
    for (const h of ['RENCANA HASIL KERJA PIMPINAN YANG', 'INDIKATOR KINERJA INDIVIDU', 'ASPEK', 'TARGET']) expect(flat).toContain(h);

    // NIPs with spaces, both names (identity table and signatures).
    const nipA = '19850101 201001 2 014';
    expect(f.org.people.stafA.nip).toBe('198501012010012014');
    expect(flat).toContain(nipA);
    expect(flat).toContain(`NIP. ${nipA}`);
    expect(flat).toContain('NIP. 19850101 201001 1 013'); // the Kasubbag, appraiser
    expect(flat.match(/Nurul Staf A/g)!.length).toBeGreaterThanOrEqual(3);
    expect(flat).toContain('Muhammad Kasubbag');

    // Every RHK (and the superior's), every indicator with its aspek and target.
    for (const t of [texts.bossRhk, texts.rhk1, texts.rhk2, texts.rhkTambahan, ...texts.indicators]) expect(flat).toContain(t);
    for (const t of ['1.200 - 1.500 surat', '95 persen', '12 bulan', '24 agenda', '90 - 100 persen', '48 hari', 'Kuantitas', 'Kualitas', 'Waktu']) {
      expect(flat).toContain(t);
    }
    // The linked RHK sits on the same line as the superior's RHK it supports.
    expect(layout.split('\n').some((l) => l.includes(texts.bossRhk) && l.includes(texts.rhk1))).toBe(true);
    // The Tambahan RHK comes after the B. TAMBAHAN section row.
    expect(flat.indexOf(texts.rhkTambahan)).toBeGreaterThan(flat.indexOf('B. TAMBAHAN'));

    expect(flat).toContain('PERILAKU KERJA');
    expect(flat).toContain('EKSPEKTASI KHUSUS PIMPINAN');
    for (const v of perilakuValues) expect(flat).toContain(v.name);
    expect(flat.match(/Ekspektasi Khusus Pimpinan:/g)!.length).toBe(7);
    expect(flat).toContain(texts.expectation);
    expect(flat).toContain('Pimpinan dapat memberikan Ekspektasi Khusus Pimpinan');

    // Signatures: place and the approval date in Indonesian (the test clock: 12 January 2026).
    expect(flat).toContain('Pegawai yang Dinilai');
    expect(flat).toContain('Langsa, 12 Januari 2026');

    // The annex on its own page, with the three lists.
    const pages = layout.split('\f');
    const lampiran = pages.findIndex((p) => p.includes('LAMPIRAN SASARAN KINERJA PEGAWAI'));
    expect(lampiran).toBeGreaterThan(0);
    const annexPage = pages[lampiran]!.replace(/\s+/g, ' ');
    for (const t of ['DUKUNGAN SUMBER DAYA', 'SKEMA PERTANGGUNGJAWABAN', 'KONSEKUENSI', ...texts.annex, 'Pejabat Penilai Kinerja', `NIP. ${nipA}`]) expect(annexPage).toContain(t);
    expect(flat).toMatch(new RegExp(`Halaman 1 dari ${pages.filter((p) => p.trim()).length}`));
    // Approved: no DRAF mark.
    expect(flat).not.toMatch(/\bDRAF\b/);
  });

  it('prints the kualitatif layout: RHK with its measures of success as bullets, no ASPEK/TARGET columns', async () => {
    const staf = f.as('stafB');
    const skp = staf.call('skp.create', { yearId: f.yearId, approach: 'kualitatif' }).skp;
    staf.call('skp.saveRhk', {
      skpId: skp.id,
      version: skp.version,
      rhk: {
        kind: 'utama',
        text: 'Terlaksananya penataan ruang arsip',
        indicators: [{ aspek: 'kualitas', text: 'Ruang arsip tertata rapi', targetText: 'Arsip mudah ditemukan' }],
      },
    });
    const { flat } = pdfText((await skpPdfFor(f.o.core, meta(f.tokens.stafB), skp.id)).bytes);
    expect(flat).toContain('PENDEKATAN HASIL KERJA KUALITATIF');
    expect(flat).toContain('BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL');
    expect(flat).toContain('Ukuran keberhasilan/Indikator Kinerja Individu, dan Target:');
    expect(flat).toContain('Ruang arsip tertata rapi');
    expect(flat).toContain('Arsip mudah ditemukan');
    expect(flat).not.toContain('ASPEK');
    expect(flat).not.toContain('TARGET ');
    // A draft says so on every page.
    expect(flat.match(/status Draf/g)!.length).toBe(3);
  });

  it('prints the JPT layout for the head of office: PERSPEKTIF, no superior RHK column, the Sekda as appraiser', async () => {
    const head = f.draftWithRhk('kadis', 'Meningkatnya mutu layanan pendidikan');
    const { flat } = pdfText((await skpPdfFor(f.o.core, meta(f.tokens.kadis), head.skpId)).bytes);
    expect(flat).toContain('BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI');
    expect(flat).toContain('PERSPEKTIF');
    expect(flat).toContain('Proses Bisnis');
    expect(flat).not.toContain('PIMPINAN YANG DIINTERVENSI');
    expect(flat).toContain('Perjanjian Kinerja');
    expect(flat).toContain('Drs. H. Sekda Langsa, M.Si.');
    expect(flat).toContain('NIP. 19700101 199503 1 002');
  });

  it('takes the place and agency from the settings, with Langsa as the default', async () => {
    expect(letterheadOf(f.o.core)).toEqual(defaultLetterhead);
    setLetterhead(f.o.core, { agency: 'PEMERINTAH KABUPATEN ACEH TIMUR', place: 'Idi Rayeuk' });
    try {
      const { flat } = pdfText((await skpPdfFor(f.o.core, meta(f.tokens.stafA), skpA)).bytes);
      expect(flat).toContain('PEMERINTAH KABUPATEN ACEH TIMUR');
      expect(flat).toContain('Idi Rayeuk, 12 Januari 2026');
    } finally {
      setLetterhead(f.o.core, { agency: '', place: '' });
    }
    expect(letterheadOf(f.o.core)).toEqual(defaultLetterhead);
  });

  it('formats periods and file names the Indonesian way', () => {
    expect(periodeText('2026-01-01', '2026-12-31')).toBe('1 JANUARI SD 31 DESEMBER TAHUN 2026');
    expect(periodeText('2026-05-15', '2026-12-31')).toBe('15 MEI SD 31 DESEMBER TAHUN 2026');
    expect(skpPdfFileName({ employeeNip: '19850101 201001 1 011', year: 2026 })).toBe('SKP_198501012010011011_2026.pdf');
    expect(contentDisposition('SKP_1_2026.pdf')).toBe(`attachment; filename="SKP_1_2026.pdf"; filename*=UTF-8''SKP_1_2026.pdf`);
    expect(resolveFontsDir()).toBe(path.join(repoRoot, 'resources', 'fonts'));
    expect(resolveFontsDir({ env: {}, resourcesPath: '/nowhere', searchFrom: [path.join(repoRoot, 'electron', 'core')] })).toBe(path.join(repoRoot, 'resources', 'fonts'));
    expect(() => resolveFontsDir({ env: {}, resourcesPath: undefined, searchFrom: ['/'] })).toThrow(/huruf/);
  });

  // Rendering speed is measured by `npm run bench`; here only the property that makes batches fast.
  it('reads the font files once per process, whatever the number of documents', async () => {
    const detail = f.as('stafA').call('skp.get', { skpId: skpA });
    const { renderSkpPdf } = await import('../../electron/core/skp/document');
    const { loadFonts } = await import('../../electron/core/documents/fonts');
    const o = { letterhead: defaultLetterhead, printedAt: new Date() };
    await renderSkpPdf(detail, o);
    const first = loadFonts();
    await renderSkpPdf(detail, o);
    await renderSkpPdf(detail, o);
    expect(loadFonts()).toBe(first);
  });
});

describe('SKP download over HTTP', () => {
  it('serves the PDF to the owner and the appraiser, refuses others (403) and strangers (401)', async () => {
    const app = await buildServer({ core: f.o.core });
    try {
      const get = (token: string | null) =>
        app.inject({ method: 'GET', url: `/api/files/skp.pdf?skpId=${skpA}`, ...(token ? { cookies: { kinerja_session: token } } : {}) });
      const own = await get(f.tokens.stafA);
      expect(own.statusCode).toBe(200);
      expect(own.headers['content-type']).toBe('application/pdf');
      expect(own.headers['content-disposition']).toContain(`filename="SKP_${f.org.people.stafA.nip}_2026.pdf"`);
      expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await get(f.tokens.kasubbag)).statusCode).toBe(200);
      expect((await get(f.o.admin)).statusCode).toBe(200);

      const other = await get(f.tokens.stafC);
      expect(other.statusCode).toBe(403);
      expect(other.json().error.code).toBe('FORBIDDEN');
      expect((await get(null)).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/files/skp.pdf', cookies: { kinerja_session: f.tokens.stafA } })).statusCode).toBe(400);
      expect((await app.inject({ method: 'GET', url: '/api/files/skp.pdf?skpId=0190a0a0-0000-7000-8000-000000000000', cookies: { kinerja_session: f.tokens.stafA } })).statusCode).toBe(404);
      const inline = await app.inject({ method: 'GET', url: `/api/files/skp.pdf?skpId=${skpA}&inline=1`, cookies: { kinerja_session: f.tokens.stafA } });
      expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    } finally {
      await app.close();
    }
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'electron/cli/main.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('kinerja export skp (CLI)', () => {
  it('writes the SKP of an employee by NIP and year, as the office admin', async () => {
    // A separate office on disk, closed before the CLI opens it.
    const g = SkpOffice.create();
    const mine = g.draftWithRhk('stafC', 'Terkelolanya data kurikulum sekolah');
    g.as('stafC').call('skp.submit', { skpId: mine.skpId, version: mine.version });
    const dir = g.o.dir;
    g.o.close();
    const out = path.join(tempDir('kinerja-skp-cli-'), 'nested', 'skp.pdf');
    const r = await runCli(['export', 'skp', '--data', dir, '--nip', '19850101 201001 2 017', '--year', '2026', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    const { flat } = pdfText(fs.readFileSync(out));
    expect(flat).toContain('Fitriani Staf C');
    expect(flat).toContain('Terkelolanya data kurikulum sekolah');
    expect(flat).toContain('status Diajukan');
    expect(r.stdout).toContain('status diajukan');

    const none = await runCli(['export', 'skp', '--data', dir, '--nip', '198501012010012017', '--year', '2025', '--out', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/Tahun Penilaian 2025/);
    const usage = await runCli(['export', 'skp', '--data', dir, '--nip', '198501012010012017', '--year', '2026', '--out', path.join(dir, 'x.txt')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/\.pdf/);
  }, 120_000);
});
