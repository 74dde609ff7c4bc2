import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { AppError, forbidden, notFound, ruleViolation } from '../../../shared/errors';
import { monthNames, periodsOf, type Period } from '../../../shared/evaluation/periods';
import { predikatLabels, ratingPrintLabels, type Predikat, type Rating } from '../../../shared/evaluation/predikat';
import { positionTypeLabels, type PositionType } from '../../../shared/org/jabatan';
import { sql } from 'kysely';
import type { Core } from '../core';
import { call, type CallMeta } from '../dispatch';
import { bytesWrittenBy } from '../documents/stream-bytes';
import { xlsxStreamWriter } from '../documents/xlsx-writer';

/**
 * "Laporan Penilaian SKP" in the shape of the e-Kinerja BKN download (docs/spec/documents.md §5), so
 * the recap sheets offices and BKPSDM already keep read ours: six header lines in column A, a blank
 * row, one header row in lowercase snake_case, then one row per approved SKP running in the period
 * with its evaluation (`-` while not final). NIPs and ids are text cells.
 *
 * For a city's 20,000 rows: one SQL statement reads everything (the plan's header snapshot, its
 * position and assignment, the period's evaluation, the appraiser's unit), and exceljs' streaming
 * writer writes row by row (no workbook held in memory, no shared-strings table).
 *
 * Periods: the BKN download is monthly ("Periode Bulanan Januari"); a quarterly year prints
 * "Periode Triwulanan I" and the annual evaluation "Periode Tahunan". Assumptions where the layout
 * gives only a column name: `jenis` is the period kind (BULANAN/TRIWULANAN/TAHUNAN), `bulan_skp`
 * the last month the period covers, `skp_jenis_jabatan` our position type label, golru the
 * golongan code (III/b) without the pangkat name.
 */
export const laporanColumnsFull = [
  'jenis',
  'id',
  'nip',
  'nama',
  'periode_awal_skp',
  'periode_akhir_skp',
  'skp_unor_id',
  'skp_unor',
  'skp_unor_induk',
  'skp_jabatan',
  'skp_jenis_jabatan',
  'is_skp_plt_plh_pjb',
  'hasil_kerja',
  'perilaku_kerja',
  'hasil_akhir',
  'pegawai_atasan_id',
  'pegawai_atasan_nip',
  'pegawai_atasan_nama',
  'pegawai_atasan_unor_id',
  'pegawai_atasan_unor',
  'pegawai_atasan_jabatan',
  'pegawai_atasan_golru',
  'waktu_dinilai',
  'pegawai_penilai_id',
  'tahun_skp',
  'skp_id',
  'periode_id',
  'skp_penilaian_id',
  'golru',
  'jenis_pegawai',
  'bulan_skp',
] as const;

export const laporanColumnsShort = [
  'No',
  'nip',
  'nama',
  'skp_unor',
  'skp_unor_induk',
  'skp_jabatan',
  'hasil_kerja',
  'perilaku_kerja',
  'hasil_akhir',
  'golru',
  'jenis_pegawai',
  'skp_jenis_jabatan',
  'is_skp_plt_plh_pjb',
] as const;

export type LaporanColumn = (typeof laporanColumnsFull)[number] | (typeof laporanColumnsShort)[number];
export type LaporanRow = Record<(typeof laporanColumnsFull)[number], string | number | boolean | null>;

/** Columns whose values are identifiers or dates kept as text (NIP: 18 digits do not fit a number). */
const textColumns = new Set<string>(['nip', 'pegawai_atasan_nip', 'id', 'skp_id', 'skp_penilaian_id', 'skp_unor_id', 'pegawai_atasan_id', 'pegawai_atasan_unor_id', 'pegawai_penilai_id', 'periode_id']);

export interface LaporanPenilaian {
  officeName: string;
  year: number;
  period: Period;
  cadence: 'bulanan' | 'triwulanan';
  /** When the data was read ("Data ditarik pada"). */
  pulledAt: Date;
  rows: LaporanRow[];
}

interface DbRow {
  skp_id: string;
  employee_id: string;
  employee_name: string;
  employee_nip: string;
  employee_golongan: string | null;
  employee_position: string | null;
  employee_unit: string | null;
  period_start: string;
  period_end: string;
  appraiser_employee_id: string | null;
  appraiser_name: string | null;
  appraiser_nip: string | null;
  appraiser_golongan: string | null;
  appraiser_position: string | null;
  appraiser_unit: string | null;
  unit_id: string | null;
  position_type: PositionType | null;
  assignment_kind: string | null;
  kind: string | null;
  evaluation_id: string | null;
  status: string | null;
  results_rating: Rating | null;
  behaviour_rating: Rating | null;
  predikat: Predikat | null;
  finalized_at: string | null;
  evaluator_id: string | null;
}

/** "Penata Muda Tingkat I, III/b" (the header snapshot) as the golongan code "III/b". */
export function golruOf(snapshot: string | null): string | null {
  if (!snapshot) return null;
  const i = snapshot.lastIndexOf(', ');
  return i >= 0 ? snapshot.slice(i + 2) : snapshot;
}

/** 2026-03-04T05:06:07Z as "2026-03-04 12:06:07" in the office's local time. */
function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const periodKind = (p: Period, cadence: 'bulanan' | 'triwulanan') => (p.annual ? 'TAHUNAN' : cadence === 'bulanan' ? 'BULANAN' : 'TRIWULANAN');

/** The rows of one period of an office's performance year, read in one statement. */
export function laporanPenilaianData(core: Core, officeId: string, yearId: string, periodCode: string, now: Date = core.now()): LaporanPenilaian {
  const year = core.q.first(core.db.selectFrom('performance_years').select(['id', 'year', 'cadence', 'office_id']).where('id', '=', yearId).where('deleted_at', 'is', null));
  if (!year || year.office_id !== officeId) throw notFound('Tahun Penilaian');
  const period = periodsOf(year.year, year.cadence).find((p) => p.code === periodCode);
  if (!period) {
    throw ruleViolation(
      year.cadence === 'bulanan'
        ? `Tahun Penilaian ${year.year} memakai periode bulanan: pilih 1-12 atau "tahunan".`
        : `Tahun Penilaian ${year.year} memakai periode triwulanan: pilih Q1-Q4 atau "tahunan".`,
    );
  }
  const officeName = core.q.first(core.db.selectFrom('offices').select('name').where('id', '=', officeId))?.name ?? '';
  // The unit each appraiser works in (their definitive position on the period's last day).
  const appraiserUnits = new Map(
    core.q
      .all(
        sql<{ employee_id: string; unit_id: string | null }>`SELECT a.employee_id, p.unit_id FROM assignments a JOIN positions p ON p.id = a.position_id
          WHERE a.office_id = ${officeId} AND a.kind = 'definitif' AND a.deleted_at IS NULL AND a.start_date <= ${period.end} AND (a.end_date IS NULL OR a.end_date >= ${period.end})`,
      )
      .map((r) => [r.employee_id, r.unit_id]),
  );
  const db = core.q.all(
    sql<DbRow>`SELECT s.id AS skp_id, s.employee_id, s.employee_name, s.employee_nip, s.employee_golongan, s.employee_position, s.employee_unit,
              s.period_start, s.period_end, s.appraiser_employee_id, s.appraiser_name, s.appraiser_nip, s.appraiser_golongan,
              s.appraiser_position, s.appraiser_unit, p.unit_id, p.type AS position_type, a.kind AS assignment_kind, emp.kind,
              e.id AS evaluation_id, e.status, e.results_rating, e.behaviour_rating, e.predikat, e.finalized_at,
              e.appraiser_employee_id AS evaluator_id
       FROM skps s
       LEFT JOIN positions p ON p.id = s.position_id
       LEFT JOIN assignments a ON a.id = s.assignment_id
       LEFT JOIN employees emp ON emp.id = s.employee_id
       LEFT JOIN evaluations e ON e.skp_id = s.id AND e.period = ${period.code} AND e.deleted_at IS NULL
       WHERE s.year_id = ${year.id} AND s.office_id = ${officeId} AND s.deleted_at IS NULL AND s.approved_version > 0
         AND s.period_start <= ${period.end} AND s.period_end >= ${period.start}
       ORDER BY s.employee_unit, s.employee_name, s.employee_nip, s.period_start`,
  );
  const kind = periodKind(period, year.cadence);
  const month = Number(period.end.slice(5, 7));
  const rows = db.map((r): LaporanRow => {
    const final = r.status === 'final';
    return {
      jenis: kind,
      id: r.evaluation_id ?? `${r.skp_id}-${period.code}`,
      nip: r.employee_nip,
      nama: r.employee_name,
      periode_awal_skp: r.period_start,
      periode_akhir_skp: r.period_end,
      skp_unor_id: r.unit_id,
      skp_unor: r.employee_unit,
      skp_unor_induk: officeName,
      skp_jabatan: r.employee_position,
      skp_jenis_jabatan: r.position_type ? positionTypeLabels[r.position_type] : null,
      is_skp_plt_plh_pjb: r.assignment_kind !== null && r.assignment_kind !== 'definitif',
      hasil_kerja: final && r.results_rating ? ratingPrintLabels[r.results_rating] : '-',
      perilaku_kerja: final && r.behaviour_rating ? ratingPrintLabels[r.behaviour_rating] : '-',
      hasil_akhir: final && r.predikat ? predikatLabels[r.predikat].toUpperCase() : '-',
      pegawai_atasan_id: r.appraiser_employee_id,
      pegawai_atasan_nip: r.appraiser_nip,
      pegawai_atasan_nama: r.appraiser_name,
      pegawai_atasan_unor_id: r.appraiser_employee_id ? (appraiserUnits.get(r.appraiser_employee_id) ?? null) : null,
      pegawai_atasan_unor: r.appraiser_unit,
      pegawai_atasan_jabatan: r.appraiser_position,
      pegawai_atasan_golru: golruOf(r.appraiser_golongan),
      waktu_dinilai: final && r.finalized_at ? localDateTime(new Date(r.finalized_at)) : null,
      pegawai_penilai_id: final ? r.evaluator_id : null,
      tahun_skp: year.year,
      skp_id: r.skp_id,
      periode_id: period.code,
      skp_penilaian_id: r.evaluation_id,
      golru: golruOf(r.employee_golongan),
      jenis_pegawai: r.kind,
      bulan_skp: month,
    };
  });
  return { officeName, year: year.year, period, cadence: year.cadence, pulledAt: now, rows };
}

/** The six header lines, as the BKN download has them. */
export function laporanHeaderLines(l: Pick<LaporanPenilaian, 'officeName' | 'year' | 'period' | 'cadence' | 'pulledAt'>): string[] {
  const p = l.period;
  const roman = ['I', 'II', 'III', 'IV'];
  const title = p.annual
    ? `Laporan Penilaian SKP Periode Tahunan Tahun ${l.year}`
    : l.cadence === 'bulanan'
      ? `Laporan Penilaian SKP Periode Bulanan ${monthNames[Number(p.code) - 1]} Tahun ${l.year}`
      : `Laporan Penilaian SKP Periode Triwulanan ${roman[Number(p.code.slice(1)) - 1]} Tahun ${l.year}`;
  const periode = p.annual ? 'Periode : Tahunan' : l.cadence === 'bulanan' ? `Periode : Bulanan ${p.code}` : `Periode : Triwulanan ${p.code.slice(1)}`;
  return [title, `Instansi ${l.officeName}`, periode, `Unor Induk : ${l.officeName}`, 'Unor : ALL', `Data ditarik pada : ${localDateTime(l.pulledAt)}`];
}

export interface WriteOptions {
  /** The 31 columns (default) or the short set of 13 with a running number. */
  columns?: 'lengkap' | 'ringkas';
}

/**
 * Streams the workbook to `out` (a file path or a writable stream). Resolves when it is complete.
 */
export async function writeLaporanPenilaian(l: LaporanPenilaian, out: string | Writable, options: WriteOptions = {}): Promise<void> {
  const columns: readonly LaporanColumn[] = options.columns === 'ringkas' ? laporanColumnsShort : laporanColumnsFull;
  if (typeof out === 'string') fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const wb = xlsxStreamWriter({
    ...(typeof out === 'string' ? { filename: out } : { stream: out }),
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Kinerja';
  wb.created = l.pulledAt;
  const ws = wb.addWorksheet('Laporan Penilaian SKP');
  ws.columns = columns.map((c) => ({ key: c, width: c === 'nama' || c.endsWith('_nama') || c.endsWith('unor') || c.endsWith('jabatan') ? 32 : c === 'nip' || c.endsWith('_nip') ? 21 : 16 }));
  for (const line of laporanHeaderLines(l)) ws.addRow([line]).commit();
  ws.addRow([]).commit();
  const header = ws.addRow([...columns]);
  header.font = { bold: true };
  header.commit();
  // One style object per kind of cell: exceljs recognises a style it has seen by identity, while
  // a fresh object per cell is serialised again for every one of the 600,000 cells.
  const textStyle: Partial<ExcelJS.Style> = { numFmt: '@' };
  const plainStyle: Partial<ExcelJS.Style> = {};
  const styles = columns.map((c) => (textColumns.has(c) ? textStyle : plainStyle));
  const text = columns.map((c) => textColumns.has(c));
  let n = 0;
  for (const r of l.rows) {
    n++;
    const values = columns.map((c, i) => {
      const v = c === 'No' ? n : (r[c] ?? null);
      // A string cell with the Text format: Excel keeps all 18 digits of a NIP.
      return text[i] && v !== null && typeof v !== 'string' ? String(v) : v;
    });
    const row = ws.addRow(values);
    for (let i = 0; i < columns.length; i++) row.getCell(i + 1).style = styles[i]!;
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The workbook as bytes (for transports that send a buffer). */
export function laporanPenilaianBytes(l: LaporanPenilaian, options: WriteOptions = {}): Promise<Buffer> {
  return bytesWrittenBy((out) => writeLaporanPenilaian(l, out, options));
}

/** `Laporan_Penilaian_SKP_2026_10.xlsx`. */
export function laporanFileName(l: Pick<LaporanPenilaian, 'year' | 'period'>): string {
  return `Laporan_Penilaian_SKP_${l.year}_${l.period.code}.xlsx`;
}

/**
 * For any transport: the caller's session decides, through `dispatch` like every screen, who they
 * are (the office's Pengelola Kinerja, or Admin Pusat) and which years their office has.
 */
export function laporanPenilaianFor(core: Core, meta: CallMeta, input: { year: number; period: string }): LaporanPenilaian {
  const me = call(core, meta, 'auth.me', {});
  if (!me.user) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  if (!me.user.roles.includes('pengelola') && !me.user.roles.includes('admin_pusat')) {
    throw forbidden('Laporan Penilaian SKP diunduh oleh Pengelola Kinerja.');
  }
  const years = call(core, meta, 'year.list', {});
  const y = years.years.find((x) => x.year === input.year);
  if (!y) throw notFound(`Tahun Penilaian ${input.year}`);
  return laporanPenilaianData(core, me.user.officeId, y.id, input.period);
}
