import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import type { CallMeta } from '../dispatch';
import { parseEvaluationForm, renderEvaluationBatch, renderEvaluationDocument } from '../evaluation/document';
import { skpPdfFor } from '../skp/document';

/**
 * Official documents as files, for every transport alike: the HTTP route
 * (`GET /api/files/<name>?...`, electron/server/documents.ts), the desktop bridge and the CLI.
 * Each producer first reads its data through `dispatch` with the caller's session, so roles and row
 * access are exactly those of the screen that shows the same data. Add a document with one line.
 */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

type Producer = (core: Core, meta: CallMeta, query: Record<string, string | undefined>) => Promise<DownloadFile>;

export const pdfMime = 'application/pdf';

function param(query: Record<string, string | undefined>, name: string): string {
  const v = query[name]?.trim();
  if (!v) throw new AppError('VALIDATION', `Parameter ${name} wajib diisi.`, { fields: { [name]: 'Wajib diisi.' } });
  return v;
}

export const downloads: Record<string, Producer> = {
  /** `skp.pdf?skpId=...`: the SKP document, for whoever may open that SKP (skp.get). */
  'skp.pdf': async (core, meta, q) => ({ contentType: pdfMime, ...(await skpPdfFor(core, meta, param(q, 'skpId'))) }),
  /**
   * `evaluasi.pdf?skpId=...&period=Q1|1..12|tahunan[&form=dokumen|evaluasi]`: the Dokumen Evaluasi
   * (default) or the evaluation form, for whoever may open that evaluation (evaluation.get).
   */
  'evaluasi.pdf': async (core, meta, q) => {
    const { fileName, bytes } = await renderEvaluationDocument(core, meta, { skpId: param(q, 'skpId'), period: param(q, 'period'), form: parseEvaluationForm(q.form) });
    return { contentType: pdfMime, fileName, bytes };
  },
  /**
   * `evaluasi-batch.pdf?yearId=...&period=...[&unitId=...][&form=...][&final=1]`: every evaluation of
   * a unit (with its sub-units) or the office for the period, one PDF; only those the caller may see.
   * For progress in the browser use the job routes (electron/server/documents.ts).
   */
  'evaluasi-batch.pdf': async (core, meta, q) => {
    const r = await renderEvaluationBatch(core, meta, {
      yearId: param(q, 'yearId'),
      period: param(q, 'period'),
      unitId: q.unitId?.trim() || null,
      form: parseEvaluationForm(q.form),
      finalOnly: q.final === '1' || q.final === 'true',
    });
    return { contentType: pdfMime, fileName: r.fileName, bytes: r.bytes };
  },
};

export function produceDownload(core: Core, name: string, query: Record<string, string | undefined>, meta: CallMeta): Promise<DownloadFile> {
  const producer = Object.hasOwn(downloads, name) ? downloads[name] : undefined;
  if (!producer) return Promise.reject(new AppError('NOT_FOUND', `Dokumen "${name}" tidak dikenal.`));
  return producer(core, meta, query);
}

/**
 * `Content-Disposition` for a download: the plain name for every browser, and the RFC 5987 form
 * for names with other characters. `inline` opens the PDF in the browser's viewer instead.
 */
export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
