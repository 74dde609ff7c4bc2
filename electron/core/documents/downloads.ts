import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import type { CallMeta } from '../dispatch';
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
