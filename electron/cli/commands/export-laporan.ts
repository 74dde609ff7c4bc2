import path from 'node:path';
import { normalizePeriodCode } from '../../../shared/evaluation/periods';
import { Core } from '../../core/core';
import { laporanFileName, laporanPenilaianFor, writeLaporanPenilaian } from '../../core/reports/laporan-penilaian';
import { createSession, endSession, hashToken } from '../../core/auth/sessions';
import { officeAdmin } from '../../core/seed/session';
import { dataDirFrom, parse, required, UsageError } from '../args';

/** The `laporan-penilaian` sub-command of `kinerja export` (electron/cli/commands/export.ts). */
export const usage = 'export laporan-penilaian --data DIR --year TAHUN --period (1..12|Q1..Q4|tahunan) --out BERKAS.xlsx [--columns lengkap|ringkas] [--as NIP]';

/**
 * Writes the Laporan Penilaian SKP of one period in the shape of the e-Kinerja BKN download
 * (docs/spec/documents.md §5), as the office admin (or `--as` another Pengelola Kinerja) through the
 * same session and access rules as the screens.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    year: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
    columns: { type: 'string', default: 'lengkap' },
    as: { type: 'string' },
  });
  const out = path.resolve(required(values.out, 'out'));
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out harus berakhiran .xlsx');
  const year = Number(required(values.year, 'year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year harus tahun empat angka, misalnya 2026.');
  const period = normalizePeriodCode(required(values.period, 'period'));
  if (!period) throw new UsageError('--period harus 1 sampai 12, Q1 sampai Q4, atau tahunan.');
  if (values.columns !== 'lengkap' && values.columns !== 'ringkas') throw new UsageError('--columns harus lengkap (31 kolom) atau ringkas.');

  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  try {
    const who = officeAdmin(core, values.as);
    const session = createSession(core, who.userId, core.now());
    try {
      const started = Date.now();
      const l = laporanPenilaianFor(core, { transport: 'cli', sessionToken: session.token, requireCsrf: false }, { year, period });
      await writeLaporanPenilaian(l, out, { columns: values.columns });
      const evaluated = l.rows.filter((r) => r.hasil_akhir !== '-').length;
      console.log(
        `Laporan Penilaian SKP ${l.period.label}: ${l.rows.length} pegawai (${evaluated} sudah dinilai final) disimpan ke ${out} dalam ${((Date.now() - started) / 1000).toFixed(1)} detik (nama unduhan: ${laporanFileName(l)}).`,
      );
      return 0;
    } finally {
      endSession(core, hashToken(session.token));
    }
  } finally {
    core.close();
  }
}
