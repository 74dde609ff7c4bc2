import fs from 'node:fs';
import { idSchema } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { normalizePeriodCode } from '../../../shared/evaluation/periods';
import { localDate } from '../../../shared/people/dates';
import { employeeStatuses } from '../../../shared/people/fields';
import { accountSlipsJob, slipJobName } from '../accounts/slips';
import { resolveSession } from '../auth/sessions';
import type { Actor } from '../context';
import type { Core } from '../core';
import { call, type CallMeta } from '../dispatch';
import { renderEvaluationBatch, type BatchProgress } from '../evaluation/batch';
import { renderEvaluationDocument } from '../evaluation/document';
import { parseEvaluationForm } from '../evaluation/format';
import { evidenceFileFor, type EvidenceFile } from '../realisasi/handlers';
import { parseGuideRole, renderGuide } from '../help/guide';
import { skpPdfFor } from '../skp/document';
import { layoutThread, layoutWorkerEnabled } from './layout-thread';

/**
 * Every download, for every transport alike: the HTTP route (`GET /api/files/<name>?...`,
 * electron/server/documents.ts), the desktop bridge (`kinerja:file`, electron/main/bridge.ts) and
 * the CLI. A request (name + query) becomes bytes here and nowhere else, so the transports cannot
 * drift apart in what they check. Each producer reads its data through `dispatch` (or the same
 * access function the screen's command uses) with the caller's session, so roles and row access
 * are exactly those of the screen that shows the same data. Add a download with one line.
 */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  /** How many documents a batch holds (batches only). */
  count?: number;
}

/** Progress of a long download (today: the evaluation batch), reported to a job's poller. */
export type DownloadProgress = BatchProgress;

/**
 * The query of a download: what an HTTP query string parses to (a repeated key is a list), or the
 * same object sent over IPC. Producers read it with `one` / `list`, never by indexing directly.
 */
export type DownloadQuery = Readonly<Record<string, string | readonly string[] | undefined>>;

type Producer = (core: Core, meta: CallMeta, query: DownloadQuery, onProgress?: (p: DownloadProgress) => void) => Promise<DownloadFile>;

export const pdfMime = 'application/pdf';
export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The spreadsheet code (exceljs) is loaded on the first export, not when the server or the app
 * starts: it is one of the largest modules either would otherwise load before answering.
 */
const excel = () => import('../people/excel');
const laporan = () => import('../reports/laporan-penilaian');

/** One value of a query key: the first of a repeated key, trimmed; undefined when empty. */
export function one(query: DownloadQuery, name: string): string | undefined {
  const raw = query[name];
  const v = (typeof raw === 'string' ? raw : raw?.[0])?.trim();
  return v ? v : undefined;
}

/** A list from repeated keys and/or commas (`?status=aktif&status=cuti` or `?status=aktif,cuti`). */
function list(query: DownloadQuery, name: string): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const values = (typeof raw === 'string' ? [raw] : raw).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

function param(query: DownloadQuery, name: string): string {
  const v = one(query, name);
  if (!v) throw new AppError('VALIDATION', `Parameter ${name} wajib diisi.`, { fields: { [name]: 'Wajib diisi.' } });
  return v;
}

/**
 * The signed-in actor of a download that is not read through a command (evidence files), refused
 * exactly as `dispatch` refuses a command: anonymous or expired is UNAUTHENTICATED, a temporary
 * password not yet changed is FORBIDDEN.
 */
export function signedInActor(core: Core, meta: CallMeta): Actor {
  const lookup = resolveSession(core, meta.sessionToken, core.now());
  if (lookup.status !== 'active') {
    throw new AppError('UNAUTHENTICATED', lookup.status === 'expired' ? 'Sesi Anda telah berakhir. Silakan masuk kembali.' : 'Silakan masuk terlebih dahulu.');
  }
  if (lookup.actor.mustChangePassword) {
    throw new AppError('FORBIDDEN', 'Anda wajib mengganti kata sandi sementara sebelum melanjutkan.', { details: { reason: 'MUST_CHANGE_PASSWORD' } });
  }
  return lookup.actor;
}

/**
 * An evidence file (bukti dukung) for the caller, after the check of realisasi.get
 * (`evidenceFileFor`): the file's path for the HTTP route, which streams it, and the `evidence`
 * producer below, which reads it for the desktop bridge. Nothing from the request reaches the
 * file system: the id must be a UUID and the file is found by its stored content hash.
 */
export function evidenceDownload(core: Core, meta: CallMeta, evidenceId: string): EvidenceFile {
  const actor = signedInActor(core, meta);
  if (!idSchema.safeParse(evidenceId).success) throw new AppError('NOT_FOUND', 'Bukti dukung tidak ditemukan.');
  return evidenceFileFor(core, actor, evidenceId);
}

/** The list filters of the employee export from a query (`?unitId=..&golongan=III/a&status=aktif,cuti`). */
function exportFilters(query: DownloadQuery): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['q', 'unitId', 'kind', 'positionType', 'date', 'officeId'] as const) {
    const v = one(query, key);
    if (v) out[key] = v;
  }
  const sub = one(query, 'includeSubunits');
  if (sub !== undefined) out.includeSubunits = sub !== 'false' && sub !== '0';
  const golongan = list(query, 'golongan');
  if (golongan) out.golongan = golongan;
  const status = list(query, 'status');
  if (status) out.status = status.filter((s) => (employeeStatuses as readonly string[]).includes(s));
  return out;
}

function fileSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'instansi';
}

export const downloads: Record<string, Producer> = {
  /**
   * `panduan.pdf?peran=pegawai|penilai|pengelola`: the printable guide of a role, from the same
   * texts as the Bantuan panel (shared/help/topics.ts). Any signed-in user may print any role's guide.
   */
  'panduan.pdf': async (core, meta, q) => {
    signedInActor(core, meta);
    return { contentType: pdfMime, ...(await renderGuide(parseGuideRole(one(q, 'peran')))) };
  },
  /** `skp.pdf?skpId=...`: the SKP document, for whoever may open that SKP (skp.get). */
  'skp.pdf': async (core, meta, q) => ({ contentType: pdfMime, ...(await skpPdfFor(core, meta, param(q, 'skpId'))) }),
  /**
   * `evaluasi.pdf?skpId=...&period=Q1|1..12|tahunan[&form=dokumen|evaluasi]`: the Dokumen Evaluasi
   * (default) or the evaluation form, for whoever may open that evaluation (evaluation.get).
   */
  'evaluasi.pdf': async (core, meta, q) => {
    const { fileName, bytes } = await renderEvaluationDocument(core, meta, { skpId: param(q, 'skpId'), period: param(q, 'period'), form: parseEvaluationForm(one(q, 'form')) });
    return { contentType: pdfMime, fileName, bytes };
  },
  /**
   * `evaluasi-batch.pdf?yearId=...&period=...[&unitId=...][&form=...][&final=1][&mine=1]`: every
   * evaluation of a unit (with its sub-units) or the office for the period, one PDF; only those the
   * caller may see (`mine=1`: only those the caller appraises, the Penilaian list).
   * With progress: run it as a job (electron/core/documents/jobs.ts). The evaluations are read here
   * on the main thread with the caller's session; the layout runs in the PDF worker thread
   * (layout-thread.ts), so other users' requests are answered meanwhile.
   */
  'evaluasi-batch.pdf': async (core, meta, q, onProgress) => {
    const final = one(q, 'final');
    const r = await renderEvaluationBatch(
      core,
      meta,
      {
        yearId: param(q, 'yearId'),
        period: param(q, 'period'),
        unitId: one(q, 'unitId') ?? null,
        form: parseEvaluationForm(one(q, 'form')),
        finalOnly: final === '1' || final === 'true',
        appraisedByMe: one(q, 'mine') === '1' || one(q, 'mine') === 'true',
      },
      onProgress,
      layoutWorkerEnabled() ? (docs, form, options, progress) => layoutThread().layout({ kind: 'evaluation', docs, form, options }, progress) : undefined,
    );
    return { contentType: pdfMime, fileName: r.fileName, bytes: r.bytes, count: r.count };
  },
  /**
   * `evidence?id=...`: an evidence file with its original name and type, for whoever may open the
   * SKP's realisasi. The browser uses `GET /api/files/evidence/<id>` (streamed, same check).
   */
  evidence: async (core, meta, q) => {
    const file = evidenceDownload(core, meta, one(q, 'id') ?? '');
    return { fileName: file.fileName, contentType: file.mimeType, bytes: await fs.promises.readFile(file.path) };
  },
  /**
   * `laporan-penilaian.xlsx?year=2026&period=1..12|Q1..Q4|tahunan[&columns=lengkap|ringkas]`: the
   * Laporan Penilaian SKP in the e-Kinerja BKN shape, exactly what `kinerja export
   * laporan-penilaian` writes, through the same `laporanPenilaianFor` (Pengelola Kinerja or Admin
   * Pusat, their own office's years).
   */
  'laporan-penilaian.xlsx': async (core, meta, q) => {
    const yearText = param(q, 'year');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText)) throw new AppError('VALIDATION', 'Tahun harus empat angka, misalnya 2026.', { fields: { year: 'Tahun tidak sah.' } });
    const period = normalizePeriodCode(param(q, 'period'));
    if (!period) throw new AppError('VALIDATION', 'Periode harus 1 sampai 12, Q1 sampai Q4, atau tahunan.', { fields: { period: 'Periode tidak sah.' } });
    const columns = one(q, 'columns') ?? 'lengkap';
    if (columns !== 'lengkap' && columns !== 'ringkas') throw new AppError('VALIDATION', 'Kolom harus lengkap (31 kolom) atau ringkas.', { fields: { columns: 'Pilihan tidak sah.' } });
    const { laporanFileName, laporanPenilaianBytes, laporanPenilaianFor } = await laporan();
    const l = laporanPenilaianFor(core, meta, { year, period });
    return { contentType: xlsxMime, fileName: laporanFileName(l), bytes: await laporanPenilaianBytes(l, { columns }) };
  },
  /** `people.export.xlsx?q=&unitId=&golongan=&kind=&positionType=&status=&date=`: the employee list (people.exportRows). */
  'people.export.xlsx': async (core, meta, q) => {
    const r = call(core, meta, 'people.exportRows', exportFilters(q));
    const officeId = one(q, 'officeId') ?? core.officeId();
    const code = officeId ? core.q.first(core.db.selectFrom('offices').select('code').where('id', '=', officeId))?.code : undefined;
    return { contentType: xlsxMime, fileName: `pegawai-${fileSafe(code ?? r.officeName)}-${r.date}.xlsx`, bytes: await (await excel()).buildExport(r.rows, r) };
  },
  /** `people.template.xlsx`: the import template with this office's units and positions. */
  'people.template.xlsx': async (core, meta) => {
    const units = call(core, meta, 'org.listUnits', {});
    const positions = call(core, meta, 'org.listPositions', {});
    const office = call(core, meta, 'org.getOffice', {});
    return {
      contentType: xlsxMime,
      fileName: `templat-impor-pegawai-${localDate(core.now())}.xlsx`,
      bytes: await (await excel()).buildTemplate(units.units, positions.positions, office.office.name),
    };
  },
};

/**
 * Query keys a download cannot do without, checked before a job is started (so a missing one is
 * a VALIDATION error at once rather than a failed job); the producers check them again.
 */
const requiredParams: Readonly<Record<string, readonly string[]>> = {
  'skp.pdf': ['skpId'],
  'evaluasi.pdf': ['skpId', 'period'],
  'evaluasi-batch.pdf': ['yearId', 'period'],
  'laporan-penilaian.xlsx': ['year', 'period'],
  evidence: ['id'],
};

/**
 * Downloads that write: the slip of temporary passwords is printed by the request that creates
 * the passwords (electron/core/accounts/slips.ts). They run only as jobs, which are started by a
 * POST carrying the CSRF token (or over IPC), never by a plain GET of `/api/files/<name>`.
 */
export const jobOnlyDownloads: Record<string, Producer> = {
  [slipJobName]: accountSlipsJob,
};

export function checkRequiredParams(name: string, query: DownloadQuery): void {
  for (const key of Object.hasOwn(requiredParams, name) ? requiredParams[name]! : []) param(query, key);
}

export function isDownloadName(name: string): boolean {
  return Object.hasOwn(downloads, name);
}

/** The error of a name that is not in `downloads` (a stale link, a typo in a script). */
export function unknownDownload(name: string): AppError {
  return new AppError('NOT_FOUND', `Unduhan "${name.slice(0, 100)}" tidak dikenal. Muat ulang halaman lalu coba lagi.`);
}

export function produceDownload(
  core: Core,
  name: string,
  query: DownloadQuery,
  meta: CallMeta,
  onProgress?: (p: DownloadProgress) => void,
): Promise<DownloadFile> {
  if (!isDownloadName(name)) return Promise.reject(unknownDownload(name));
  return downloads[name]!(core, meta, query, onProgress);
}

/** A job's producer: any download, or a write-download (`jobOnlyDownloads`). */
export function produceJobDownload(
  core: Core,
  name: string,
  query: DownloadQuery,
  meta: CallMeta,
  onProgress?: (p: DownloadProgress) => void,
): Promise<DownloadFile> {
  if (Object.hasOwn(jobOnlyDownloads, name)) return jobOnlyDownloads[name]!(core, meta, query, onProgress);
  return produceDownload(core, name, query, meta, onProgress);
}

/**
 * `Content-Disposition` for a download: the plain name for every browser, and the RFC 5987 form
 * for names with other characters. `inline` opens the PDF in the browser's viewer instead.
 */
export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
