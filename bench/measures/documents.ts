import fs from 'node:fs';
import path from 'node:path';
import type { CallMeta } from '../../electron/core/dispatch';
import { laporanPenilaianFor, writeLaporanPenilaian } from '../../electron/core/reports/laporan-penilaian';
import { call, sessionFor, type Dataset } from '../lib/data';
import { summarize, timeAsync, type TimingOptions } from '../lib/stats';
import type { Measure } from '../lib/types';
import { lastEndedPeriod } from './reads';

const meta = (token: string): CallMeta => ({ transport: 'cli', sessionToken: token, requireCsrf: false });

/**
 * The employee list as .xlsx, as the Export button and `kinerja export employees` make it: the
 * rows through people.exportRows, then the workbook. Whatever `buildExport` the people capability
 * exports is measured.
 */
export async function employeeExcelMeasure(d: Dataset, o: TimingOptions, label: string, dir: string): Promise<Measure> {
  const token = sessionFor(d.core, { username: 'admin' });
  const excel = (await import('../../electron/core/people/excel')) as unknown as {
    buildExport: (rows: unknown[], meta: { officeName: string; date: string }) => Promise<Uint8Array | Buffer>;
  };
  let rows = 0;
  let bytes = 0;
  const file = path.join(dir, 'pegawai.xlsx');
  const t = await timeAsync(async () => {
    const r = call<{ rows: unknown[]; officeName: string; date: string }>(d.core, token, 'people.exportRows', {});
    const out = await excel.buildExport(r.rows, { officeName: r.officeName, date: r.date });
    fs.writeFileSync(file, out);
    rows = r.rows.length;
    bytes = out.length;
  }, o);
  return {
    id: 'excel.employees',
    title: 'Ekspor Excel daftar pegawai (people.exportRows + .xlsx)',
    scale: label,
    unit: 'ms',
    handler: summarize(t.ms, t.cpu),
    extra: { rows, bytes },
    status: 'ok',
  };
}

/** Laporan Penilaian SKP (BKN shape) for every employee of the database, one period. */
export async function laporanMeasure(d: Dataset, o: TimingOptions, label: string, dir: string): Promise<Measure> {
  const token = sessionFor(d.core, { username: 'admin' });
  const period = lastEndedPeriod(d);
  const file = path.join(dir, 'laporan-penilaian.xlsx');
  let rows = 0;
  const t = await timeAsync(async () => {
    const l = laporanPenilaianFor(d.core, meta(token), { year: d.year, period });
    await writeLaporanPenilaian(l, file);
    rows = l.rows.length;
  }, o);
  return {
    id: 'excel.laporanPenilaian',
    title: `Ekspor Excel Laporan Penilaian SKP bentuk BKN (periode ${period})`,
    scale: label,
    unit: 'ms',
    handler: summarize(t.ms, t.cpu),
    extra: { rows, bytes: fs.statSync(file).size },
    status: 'ok',
  };
}

type RenderOne = (core: Dataset['core'], meta: CallMeta, input: { skpId: string; period: string; form?: string }) => Promise<{ bytes: Buffer }>;
type RenderBatch = (
  core: Dataset['core'],
  meta: CallMeta,
  input: { yearId: string; period: string; unitId?: string | null; form?: string; finalOnly?: boolean },
) => Promise<{ bytes: Buffer; count: number }>;

/**
 * Dokumen Evaluasi for `count` employees, one PDF each (what a download makes), through the
 * evaluation capability's own function. It is looked up by name, so the bench runs before that
 * capability exists and reports the measure as pending.
 */
export async function evaluationPdfMeasure(d: Dataset, count: number, label: string): Promise<Measure[]> {
  const base: Measure = { id: 'pdf.evaluasi', title: `PDF Dokumen Evaluasi, ${count} pegawai, satu berkas per pegawai (dokumen per detik)`, scale: label, unit: 'docs/s', status: 'pending' };
  let render: RenderOne | undefined;
  let batch: RenderBatch | undefined;
  try {
    const mod = (await import('../../electron/core/evaluation/document')) as Record<string, unknown>;
    const batchMod = (await import('../../electron/core/evaluation/batch')) as Record<string, unknown>;
    render = (mod.renderEvaluationDocument ?? mod.evaluationPdfFor ?? mod.renderDokumenEvaluasi) as RenderOne | undefined;
    batch = batchMod.renderEvaluationBatch as RenderBatch | undefined;
  } catch (err) {
    return [{ ...base, note: `belum ada: electron/core/evaluation/document.ts tidak dapat dimuat (${(err as Error).message.split('\n')[0]})` }];
  }
  if (typeof render !== 'function') return [{ ...base, note: 'belum ada: evaluation/document.ts belum mengekspor renderEvaluationDocument' }];
  const token = sessionFor(d.core, { username: 'admin' });
  const period = lastEndedPeriod(d);
  const skps = (
    d.core.q
      .prepare("SELECT skp_id FROM evaluations WHERE year_id = ? AND period = ? AND status = 'final' AND deleted_at IS NULL ORDER BY skp_id LIMIT ?")
      .all(d.yearId, period, count) as { skp_id: string }[]
  ).map((r) => r.skp_id);
  // The first document pays for loading fonts once per process: warm up, then time the batch.
  await render(d.core, meta(token), { skpId: skps[0]!, period, form: 'dokumen' });
  const each: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (const skpId of skps) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await render(d.core, meta(token), { skpId, period, form: 'dokumen' });
    each.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    bytes += r.bytes.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const out: Measure[] = [
    {
      ...base,
      handler: summarize(each, cpu),
      value: Math.round((skps.length / seconds) * 10) / 10,
      extra: { documents: skps.length, seconds: Math.round(seconds * 100) / 100, averageKB: Math.round(bytes / skps.length / 102.4) / 10, period },
      status: 'ok',
    },
  ];
  if (typeof batch === 'function') {
    // A unit's documents as one PDF (what the admin prints): the unit with the most final evaluations.
    const unit = d.core.q
      .prepare("SELECT unit_id, COUNT(*) AS n FROM evaluations WHERE year_id = ? AND period = ? AND status = 'final' AND unit_id IS NOT NULL GROUP BY unit_id ORDER BY n DESC LIMIT 1")
      .get(d.yearId, period) as { unit_id: string; n: number };
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await batch(d.core, meta(token), { yearId: d.yearId, period, unitId: unit.unit_id, form: 'dokumen', finalOnly: true });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    out.push({
      id: 'pdf.evaluasi.batch',
      title: `PDF Dokumen Evaluasi satu unit dalam satu berkas (${r.count} pegawai, dokumen per detik)`,
      scale: label,
      unit: 'docs/s',
      handler: summarize([ms], [(c.user + c.system) / 1000]),
      value: Math.round((r.count / (ms / 1000)) * 10) / 10,
      extra: { documents: r.count, seconds: Math.round(ms / 10) / 100, sizeKB: Math.round(r.bytes.length / 1024) },
      status: 'ok',
    });
  }
  return out;
}
