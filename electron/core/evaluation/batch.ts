import { AppError } from '../../../shared/errors';
import { findPeriod } from '../../../shared/evaluation/periods';
import type { Core } from '../core';
import { batchEvaluations, officeUnit, officeYear } from './queries';
import { call, toAppError, type CallMeta } from '../dispatch';
import { unitLineage } from './service';
import { type EvaluationDocumentData, type EvaluationDocumentOptions, documentOptionsOf, evaluationDocumentData, newDocumentCache } from './document-data';
import { renderEvaluationPdf } from './document';
import { type EvaluationForm, defaultEvaluationForm, evaluationBatchFileName } from './format';

// ---------------------------------------------------------------------------------------------
// Batch: a unit's or the office's documents for one period, as one PDF
// ---------------------------------------------------------------------------------------------

export interface BatchProgress {
  /** `data`: reading each evaluation; `render`: laying out the PDF; `selesai`: done. */
  phase: 'data' | 'render' | 'selesai';
  done: number;
  total: number;
  message: string;
}

export interface BatchInput {
  yearId: string;
  period: string;
  /** A unit and the units under it; absent or null: the whole office. */
  unitId?: string | null;
  form?: EvaluationForm;
  /** Only final evaluations (what is signed); default: every evaluation recorded, drafts marked DRAF. */
  finalOnly?: boolean;
  /**
   * Only the plans the caller appraises (their Penilaian list), not everything else they may see
   * (an atasan also sees their appraisers' appraisees). What is printed is still what
   * evaluation.get allows.
   */
  appraisedByMe?: boolean;
}

export interface BatchResult {
  fileName: string;
  bytes: Buffer;
  /** Documents in the file, in print order. */
  count: number;
  skipped: number;
}

/**
 * Lays out a batch's documents as one PDF: by default on the calling thread (the CLI, the bench);
 * the download producer passes the worker thread (documents/layout-thread.ts) so a server stays
 * responsive while a big batch is laid out. `onProgress` reports documents laid out when known.
 */
export type BatchLayout = (
  docs: EvaluationDocumentData[],
  form: EvaluationForm,
  options: EvaluationDocumentOptions,
  onProgress: (p: { done: number; total: number }) => void,
) => Promise<Buffer>;

const layoutHere: BatchLayout = (docs, form, options) => renderEvaluationPdf(docs, form, options);

/**
 * Every evaluation of a period in a unit (with its sub-units) or the whole office, as one PDF: the
 * admin prints one file, each document starting on a new page with its own page numbers. Each
 * evaluation is read through `evaluation.get` with the caller's session; evaluations the caller
 * may not see are left out (an appraiser printing their unit gets their own appraisees), and none
 * at all is refused. One PDF for the batch, not one per document: the fonts are embedded once and
 * pdfmake's per-document start-up is paid once, which is what makes a batch fast.
 *
 * `onProgress` is called after each evaluation read and around the layout; between reads the
 * function yields to the event loop so a server stays responsive while a big batch is read, and
 * `layout` may take the layout off this thread (the downloads do: documents/layout-thread.ts).
 */
export async function renderEvaluationBatch(
  core: Core,
  meta: CallMeta,
  input: BatchInput,
  onProgress?: (p: BatchProgress) => void,
  layout: BatchLayout = layoutHere,
): Promise<BatchResult> {
  const form = input.form ?? defaultEvaluationForm;
  const me = call(core, meta, 'auth.me', {}).user;
  if (!me) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  const year = officeYear(core, input.yearId, me.officeId);
  if (!year) throw new AppError('NOT_FOUND', 'Tahun Penilaian tidak ditemukan.');
  if (!findPeriod(year.year, year.cadence, input.period)) {
    throw new AppError('VALIDATION', year.cadence === 'bulanan' ? 'Periode harus 1-12 atau "tahunan".' : 'Periode harus Q1-Q4 atau "tahunan".', { fields: { period: 'Periode tidak sesuai siklus tahun.' } });
  }
  let scope: string | null = null;
  if (input.unitId) {
    const u = officeUnit(core, input.unitId, me.officeId);
    if (!u) throw new AppError('NOT_FOUND', 'Unit kerja tidak ditemukan.');
    scope = u.code || u.name;
  }
  const rows = batchEvaluations(core, {
    yearId: year.id,
    period: input.period,
    officeId: me.officeId,
    finalOnly: input.finalOnly,
    appraiserEmployeeId: input.appraisedByMe ? me.employeeId : undefined,
  });
  const wanted = input.unitId ? rows.filter((r) => unitLineage(core, r.unit_id).includes(input.unitId!)) : rows;
  const cache = newDocumentCache();
  const docs: EvaluationDocumentData[] = [];
  let skipped = 0;
  const total = wanted.length;
  const report = (p: BatchProgress) => onProgress?.(p);
  report({ phase: 'data', done: 0, total, message: `Membaca ${total} penilaian` });
  for (const [i, r] of wanted.entries()) {
    try {
      docs.push(evaluationDocumentData(core, meta, { skpId: r.skp_id, period: input.period, form }, cache));
    } catch (err) {
      if (toAppError(err).code !== 'FORBIDDEN') throw err;
      skipped++;
    }
    report({ phase: 'data', done: i + 1, total, message: `Membaca penilaian ${i + 1} dari ${total}` });
    if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
  if (docs.length === 0) {
    throw new AppError(
      total === 0 ? 'NOT_FOUND' : 'FORBIDDEN',
      total === 0 ? 'Belum ada penilaian pada periode dan unit ini.' : 'Tidak ada penilaian pada periode dan unit ini yang boleh Anda cetak.',
    );
  }
  report({ phase: 'render', done: 0, total: docs.length, message: `Menyusun PDF ${docs.length} dokumen` });
  const bytes = await layout(docs, form, documentOptionsOf(core), (p) =>
    report({ phase: 'render', done: p.done, total: p.total, message: `Menyusun PDF ${p.total} dokumen` }),
  );
  report({ phase: 'selesai', done: docs.length, total: docs.length, message: `${docs.length} dokumen siap` });
  return { fileName: evaluationBatchFileName(scope, year.year, input.period, form), bytes, count: docs.length, skipped };
}
