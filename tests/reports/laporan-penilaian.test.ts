import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../electron/core/auth/sessions';
import { Core } from '../../electron/core/core';
import { laporanColumnsFull, laporanColumnsShort, laporanPenilaianData, laporanPenilaianFor, writeLaporanPenilaian } from '../../electron/core/reports/laporan-penilaian';
import { seedSynthetic } from '../../electron/core/seed';
import { buildServer } from '../../electron/server/app';
import { makeTempDir, removeAllTempDirs, runCli, TestClock } from '../helpers';

/**
 * The Laporan Penilaian SKP export (docs/spec/documents.md §5) on a synthetic office with a year of
 * evaluations: written by the CLI, read back with exceljs.
 */
let dir: string;
let core: Core;
let yearId: string;

beforeAll(() => {
  dir = makeTempDir('kinerja-laporan-');
  const clock = new TestClock('2026-11-16T03:00:00.000Z');
  core = Core.open({ dataDir: dir, clock: clock.now, beforeMigrate: null });
  seedSynthetic(core, 150, () => {}, { seed: 3 });
  yearId = (core.q.prepare('SELECT id FROM performance_years WHERE year = 2026').get() as { id: string }).id;
  // The CLI opens the same folder in its own process.
  core.close();
}, 120_000);

afterAll(() => {
  core?.close();
  removeAllTempDirs();
});

async function readBack(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

describe('Laporan Penilaian SKP (bentuk unduhan e-Kinerja BKN)', () => {
  it('CLI writes the six header lines, a blank row, the 31 snake_case columns and one row per plan, NIP as text', async () => {
    const out = path.join(dir, 'laporan', 'oktober.xlsx');
    const r = await runCli(['export', 'laporan-penilaian', '--data', dir, '--year', '2026', '--period', '10', '--out', out], 60_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Laporan Penilaian SKP Oktober 2026: \d+ pegawai/);

    const ws = await readBack(out);
    const a = (row: number) => String(ws.getRow(row).getCell(1).value ?? '');
    expect(a(1)).toBe('Laporan Penilaian SKP Periode Bulanan Oktober Tahun 2026');
    expect(a(2)).toBe('Instansi Dinas Sintetis 150 Pegawai');
    expect(a(3)).toBe('Periode : Bulanan 10');
    expect(a(4)).toBe('Unor Induk : Dinas Sintetis 150 Pegawai');
    expect(a(5)).toBe('Unor : ALL');
    expect(a(6)).toMatch(/^Data ditarik pada : \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(ws.getRow(7).cellCount).toBe(0);
    const header = (ws.getRow(8).values as unknown[]).slice(1);
    expect(header).toEqual([...laporanColumnsFull]);

    const db = Core.open({ dataDir: dir, beforeMigrate: null });
    try {
      const expected = laporanPenilaianData(db, db.officeId()!, yearId, '10');
      const rows = ws.rowCount - 8;
      expect(rows).toBe(expected.rows.length);
      expect(rows).toBeGreaterThan(100);
      const col = (name: string) => laporanColumnsFull.indexOf(name as (typeof laporanColumnsFull)[number]) + 1;
      const finals = (db.q.prepare("SELECT COUNT(*) AS n FROM evaluations WHERE year_id = ? AND period = '10' AND status = 'final'").get(yearId) as { n: number }).n;
      let evaluated = 0;
      for (let r = 9; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const nip = row.getCell(col('nip'));
        // 18 digits as a string cell with the Text format: Excel keeps every digit.
        expect(nip.type).toBe(ExcelJS.ValueType.String);
        expect(String(nip.value)).toMatch(/^\d{18}$/);
        expect(nip.numFmt).toBe('@');
        const akhir = String(row.getCell(col('hasil_akhir')).value);
        expect(['SANGAT BAIK', 'BAIK', 'BUTUH PERBAIKAN', 'KURANG/MISCONDUCT', 'SANGAT KURANG', '-']).toContain(akhir);
        const kerja = String(row.getCell(col('hasil_kerja')).value);
        expect(['DIATAS EKSPEKTASI', 'SESUAI EKSPEKTASI', 'DIBAWAH EKSPEKTASI', '-']).toContain(kerja);
        if (akhir !== '-') evaluated++;
        expect(row.getCell(col('tahun_skp')).value).toBe(2026);
        expect(row.getCell(col('periode_id')).value).toBe('10');
        expect(row.getCell(col('jenis')).value).toBe('BULANAN');
        expect(typeof row.getCell(col('is_skp_plt_plh_pjb')).value).toBe('boolean');
      }
      expect(evaluated).toBe(finals);
      // The same rows the function reads, in the same order.
      expect(ws.getRow(9).getCell(col('skp_id')).value).toBe(expected.rows[0]!.skp_id);
    } finally {
      db.close();
    }
  }, 90_000);

  it('the short set numbers the rows; the annual period prints its own title', async () => {
    const db = Core.open({ dataDir: dir, beforeMigrate: null });
    try {
      const l = laporanPenilaianData(db, db.officeId()!, yearId, '3');
      const file = path.join(dir, 'ringkas.xlsx');
      await writeLaporanPenilaian(l, file, { columns: 'ringkas' });
      const ws = await readBack(file);
      expect((ws.getRow(8).values as unknown[]).slice(1)).toEqual([...laporanColumnsShort]);
      expect(ws.getRow(9).getCell(1).value).toBe(1);
      expect(ws.getRow(10).getCell(1).value).toBe(2);
      expect(ws.getRow(9).getCell(2).type).toBe(ExcelJS.ValueType.String);
      const annual = laporanPenilaianData(db, db.officeId()!, yearId, 'tahunan');
      const f2 = path.join(dir, 'tahunan.xlsx');
      await writeLaporanPenilaian(annual, f2);
      const ws2 = await readBack(f2);
      expect(String(ws2.getRow(1).getCell(1).value)).toBe('Laporan Penilaian SKP Periode Tahunan Tahun 2026');
      expect(String(ws2.getRow(3).getCell(1).value)).toBe('Periode : Tahunan');
      // No annual evaluation yet: every result is "-".
      expect(annual.rows.every((r) => r.hasil_akhir === '-')).toBe(true);
    } finally {
      db.close();
    }
  }, 60_000);

  it('downloads over HTTP for the Pengelola Kinerja (GET /api/files/laporan-penilaian.xlsx), the same rows as the CLI; others are refused', async () => {
    const db = Core.open({ dataDir: dir, beforeMigrate: null });
    const app = await buildServer({ core: db, rendererDir: null });
    try {
      const user = (name: string) => (db.q.prepare('SELECT id FROM users WHERE username = ?').get(name) as { id: string }).id;
      const admin = { kinerja_session: createSession(db, user('admin'), db.now()).token };
      const staf = { kinerja_session: createSession(db, user('staf'), db.now()).token };
      const get = (query: string, cookies?: Record<string, string>) => app.inject({ method: 'GET', url: `/api/files/laporan-penilaian.xlsx?${query}`, ...(cookies ? { cookies } : {}) });

      const res = await get('year=2026&period=10', admin);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toContain('filename="Laporan_Penilaian_SKP_2026_10.xlsx"');
      const file = path.join(dir, 'http.xlsx');
      fs.writeFileSync(file, res.rawPayload);
      const ws = await readBack(file);
      expect(String(ws.getRow(1).getCell(1).value)).toBe('Laporan Penilaian SKP Periode Bulanan Oktober Tahun 2026');
      expect((ws.getRow(8).values as unknown[]).slice(1)).toEqual([...laporanColumnsFull]);
      expect(ws.rowCount - 8).toBe(laporanPenilaianData(db, db.officeId()!, yearId, '10').rows.length);

      const short = await get('year=2026&period=tahunan&columns=ringkas', admin);
      expect(short.headers['content-disposition']).toContain('Laporan_Penilaian_SKP_2026_tahunan.xlsx');
      fs.writeFileSync(file, short.rawPayload);
      expect(((await readBack(file)).getRow(8).values as unknown[]).slice(1)).toEqual([...laporanColumnsShort]);

      const refused = await get('year=2026&period=10', staf);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toEqual({ code: 'FORBIDDEN', message: 'Laporan Penilaian SKP diunduh oleh Pengelola Kinerja.' });
      expect((await get('year=2026&period=10')).statusCode).toBe(401);
      expect((await get('period=10', admin)).json().error).toMatchObject({ code: 'VALIDATION', message: 'Parameter year wajib diisi.' });
      expect((await get('year=2026&period=13', admin)).json().error).toMatchObject({ code: 'VALIDATION' });
      expect((await get('year=2026&period=Q2', admin)).json().error.message).toMatch(/periode bulanan/);
      expect((await get('year=2031&period=10', admin)).json().error.message).toMatch(/Tahun Penilaian 2031 tidak ditemukan/);
    } finally {
      await app.close();
      db.close();
    }
  }, 60_000);

  it('is for the Pengelola Kinerja: a staff session is refused, an unknown year and period are named', () => {
    const db = Core.open({ dataDir: dir, beforeMigrate: null });
    try {
      const staff = db.q.prepare("SELECT id FROM users WHERE username = 'staf'").get() as { id: string };
      const admin = db.q.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: string };
      const meta = (userId: string) => ({ transport: 'cli' as const, sessionToken: createSession(db, userId, db.now()).token, requireCsrf: false });
      expect(() => laporanPenilaianFor(db, meta(staff.id), { year: 2026, period: '10' })).toThrow(/Pengelola Kinerja/);
      expect(() => laporanPenilaianFor(db, meta(admin.id), { year: 2031, period: '10' })).toThrow(/Tahun Penilaian 2031 tidak ditemukan/);
      expect(() => laporanPenilaianFor(db, meta(admin.id), { year: 2026, period: 'Q2' })).toThrow(/periode bulanan/);
    } finally {
      db.close();
    }
  });
});
