import type { CommandOutput } from '../../../shared/commands';
import { AppError, isErrorBody } from '../../../shared/errors';
import type { EmployeeListFilters } from '../../../shared/people/commands';
import { call, transport } from '../api/client';
import { downloadFile, type DownloadQuery } from '../api/download';

/**
 * Employee spreadsheets from the screens. In the browser (LAN server) an import goes through the
 * server's upload route, which parses it next to the data; the desktop app has no HTTP, so there
 * the shared code reads the file in the renderer and only rows cross IPC.
 */
type Preview = CommandOutput<'people.importPreview'>;
type Applied = CommandOutput<'people.import'>;

export type ImportPhase = { phase: 'upload'; percent: number } | { phase: 'check' } | { phase: 'save' };

/**
 * The export and the template are downloads like any other (renderer/src/api/download.ts): built
 * next to the data by the same producer in the browser (HTTP route) and the desktop app (bridge).
 */
export function downloadExport(filters: EmployeeListFilters): Promise<void> {
  return downloadFile('people.export.xlsx', filters as DownloadQuery);
}

export function downloadTemplate(): Promise<void> {
  return downloadFile('people.template.xlsx');
}

/** Uploads with progress (XHR: fetch cannot report upload progress). */
function uploadHttp(file: File, apply: boolean, csrf: string | null, onPhase: (p: ImportPhase) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `api/files/people.import${apply ? '?apply=1' : ''}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onPhase({ phase: 'upload', percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => onPhase(apply ? { phase: 'save' } : { phase: 'check' });
    xhr.onerror = () => reject(new AppError('INTERNAL', 'Tidak dapat menghubungi server Kinerja. Periksa jaringan kantor.'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: reported below */
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      const err = (body as { error?: unknown } | null)?.error;
      reject(isErrorBody(err) ? AppError.fromBody(err) : new AppError('INTERNAL', `Server menjawab dengan status ${xhr.status}.`));
    };
    xhr.send(file);
  });
}

async function parseLocally(file: File) {
  const sheet = await import('../../../shared/people/spreadsheet');
  const parsed = await sheet.parseEmployeeFile(new Uint8Array(await file.arrayBuffer()));
  if (parsed.problems.length > 0) {
    throw new AppError('VALIDATION', 'Berkas tidak dapat diimpor; tidak ada data yang disimpan.', { details: { problems: parsed.problems } });
  }
  return parsed.rows;
}

/** Checks every row; nothing is saved. Throws VALIDATION with details.problems for a bad file. */
export async function previewImport(file: File, onPhase: (p: ImportPhase) => void): Promise<Preview> {
  if (transport === 'http') return (await uploadHttp(file, false, null, onPhase)) as Preview;
  onPhase({ phase: 'check' });
  return call('people.importPreview', { rows: await parseLocally(file) });
}

/** Imports all rows or none; on bad rows throws VALIDATION with details.problems. */
export async function applyImport(file: File, onPhase: (p: ImportPhase) => void): Promise<Applied> {
  if (transport === 'http') {
    // The CSRF token travels with the session; auth.me hands out the current one.
    const me = await call('auth.me', {});
    return (await uploadHttp(file, true, me.csrfToken, onPhase)) as Applied;
  }
  onPhase({ phase: 'save' });
  return call('people.import', { rows: await parseLocally(file) });
}
