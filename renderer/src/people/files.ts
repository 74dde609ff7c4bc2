import type { CommandOutput } from '../../../shared/commands';
import { AppError, isErrorBody } from '../../../shared/errors';
import type { EmployeeListFilters } from '../../../shared/people/commands';
import { call, transport } from '../api/client';

/**
 * Employee spreadsheets from the screens. In the browser (LAN server) the files go through the
 * server's file routes, which parse and build them next to the data; the desktop app has no HTTP,
 * so there the same shared code reads and writes the file in the renderer and only rows cross IPC.
 */
type Preview = CommandOutput<'people.importPreview'>;
type Applied = CommandOutput<'people.import'>;

export type ImportPhase = { phase: 'upload'; percent: number } | { phase: 'check' } | { phase: 'save' };

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function query(filters: EmployeeListFilters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.set(k, String(v));
  }
  return p.toString();
}

async function errorOf(res: Response): Promise<AppError> {
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  if (isErrorBody(body?.error)) return AppError.fromBody(body.error);
  return new AppError('INTERNAL', `Server menjawab dengan status ${res.status}.`);
}

async function downloadHttp(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw await errorOf(res);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  saveBlob(await res.blob(), name);
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function downloadExport(filters: EmployeeListFilters): Promise<void> {
  if (transport === 'http') return downloadHttp(`api/files/people.export.xlsx?${query(filters)}`, 'pegawai.xlsx');
  const [sheet, rows] = await Promise.all([import('../../../shared/people/spreadsheet'), call('people.exportRows', filters)]);
  const bytes = await sheet.buildExport(rows.rows, rows);
  saveBlob(new Blob([bytes as BlobPart], { type: xlsxType }), `pegawai-${rows.date}.xlsx`);
}

export async function downloadTemplate(): Promise<void> {
  if (transport === 'http') return downloadHttp('api/files/people.template.xlsx', 'templat-impor-pegawai.xlsx');
  const [sheet, units, positions, office] = await Promise.all([
    import('../../../shared/people/spreadsheet'),
    call('org.listUnits', {}),
    call('org.listPositions', {}),
    call('org.getOffice', {}),
  ]);
  const bytes = await sheet.buildTemplate(units.units, positions.positions, office.office.name);
  saveBlob(new Blob([bytes as BlobPart], { type: xlsxType }), 'templat-impor-pegawai.xlsx');
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
