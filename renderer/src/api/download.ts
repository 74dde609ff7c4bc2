import type { FileBody, FileJobReply, FileJobRequest, FileJobView, FileQuery } from '../../../shared/desktop/bridge';
import { AppError, isErrorBody } from '../../../shared/errors';
import { csrfTokenNow, transport } from './client';

/**
 * The one way the renderer downloads a file, for both transports. A download is a name and a
 * query, the same everywhere (`skp.pdf` + `{ skpId }`, `evidence` + `{ id }`,
 * `people.export.xlsx` + filters; the names are those of electron/core/documents/downloads.ts):
 *
 * - in the browser (LAN server) it is fetched from `GET /api/files/<name>?<query>` with the
 *   session cookie, with progress from Content-Length;
 * - in the desktop app there is no HTTP server and the session token stays in main, so it comes
 *   over the bridge (`window.kinerja.file`), built by the same producer.
 *
 * Either way the bytes are saved with `<a download>` (Electron shows its save dialog), and a
 * failure is the backend's typed error with its Indonesian message instead of a page of JSON.
 */
export type DownloadQuery = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** Progress in percent when it is known (HTTP with a length, jobs); null while only busy. */
export type DownloadProgress = { percent: number | null };

/** The query as strings, without empty values: what a query string would carry. */
export function fileQuery(query: DownloadQuery = {}): FileQuery {
  const out: FileQuery = {};
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) out[k] = v.map(String);
    } else out[k] = String(v);
  }
  return out;
}

/**
 * The browser's address of a download (also the `href` of download links, so "copy link" and a
 * middle click still work there). Evidence files have their own streamed route.
 */
export function downloadHref(name: string, query: DownloadQuery = {}): string {
  const q = fileQuery(query);
  if (name === 'evidence' && typeof q.id === 'string') return `api/files/evidence/${encodeURIComponent(q.id)}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  const s = params.toString();
  return `api/files/${name}${s ? `?${s}` : ''}`;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; the URL must only outlive the browser's read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function saveBody(file: FileBody): void {
  saveBlob(new Blob([file.bytes as BlobPart], { type: file.contentType }), file.fileName);
}

const networkError = () =>
  new AppError('INTERNAL', 'Tidak dapat menghubungi server Kinerja. Periksa jaringan kantor atau apakah server masih berjalan.', { details: { network: true } });

function bridgeOf() {
  const bridge = window.kinerja;
  if (!bridge?.file || !bridge.fileJob) throw new AppError('INTERNAL', 'Aplikasi desktop ini belum dapat mengunduh berkas. Pasang versi Kinerja yang terbaru.');
  return { file: bridge.file, fileJob: bridge.fileJob };
}

async function errorOf(res: Response): Promise<AppError> {
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  if (isErrorBody(body?.error)) return AppError.fromBody(body.error);
  return new AppError('INTERNAL', `Server menjawab dengan status ${res.status}.`);
}

/** The name the server gave (`filename*` first: it carries every character), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A malformed encoding falls back to the plain name.
    }
  }
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

async function fetchFile(url: string, fallbackName: string, onProgress?: (p: DownloadProgress) => void): Promise<FileBody> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await errorOf(res);
  const total = Number(res.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    if (res.body && total > 0 && onProgress) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        onProgress({ percent: Math.min(100, Math.round((received / total) * 100)) });
      }
    } else {
      chunks.push(new Uint8Array(await res.arrayBuffer()));
    }
  } catch {
    throw networkError();
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { fileName: fileNameOf(res.headers.get('content-disposition'), fallbackName), contentType: res.headers.get('content-type') ?? 'application/octet-stream', bytes };
}

/** Downloads `name` with `query` and saves it. Throws the typed error (Indonesian message). */
export async function downloadFile(name: string, query: DownloadQuery = {}, onProgress?: (p: DownloadProgress) => void): Promise<void> {
  if (transport === 'ipc') {
    const reply = await bridgeOf().file(name, fileQuery(query));
    if (!reply.ok) throw AppError.fromBody(reply.error);
    return saveBody(reply);
  }
  saveBody(await fetchFile(downloadHref(name, query), name, onProgress));
}

/** The HTTP routes of downloads that run as jobs (electron/server/documents.ts). */
const httpJobRoutes: Record<string, string> = { 'evaluasi-batch.pdf': 'api/files/jobs/evaluasi-batch', 'akun-slip.pdf': 'api/files/jobs/akun-slip' };

async function httpJson(url: string, init?: RequestInit): Promise<FileJobView> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as FileJobView;
}

async function ipcJob(request: FileJobRequest): Promise<Extract<FileJobReply, { ok: true }>> {
  const reply = await bridgeOf().fileJob(request);
  if (!reply.ok) throw AppError.fromBody(reply.error);
  return reply;
}

/**
 * Reading the evaluations is the first 80 %, laying out the PDF (in the server's worker thread)
 * the rest: the layout reports its start (done 0) and its end, so it shows 80 % until done.
 */
function percentOf(job: FileJobView): number | null {
  const { phase, done, total } = job.progress;
  if (phase === 'selesai') return 100;
  if (total <= 0) return phase === 'render' ? 80 : null;
  return Math.round(phase === 'data' ? (done / total) * 80 : 80 + (done / total) * 20);
}

/**
 * A long download (the evaluation batch) with progress: started as a job, polled about once a
 * second, then saved. Same steps over HTTP (the job routes) and the bridge (`fileJob`).
 */
export async function downloadWithProgress(name: string, query: DownloadQuery, onProgress: (p: DownloadProgress) => void, pollMs = 1000): Promise<void> {
  const q = fileQuery(query);
  const route = httpJobRoutes[name];
  if (transport === 'http' && !route) return downloadFile(name, query, onProgress);
  const start = async (): Promise<FileJobView> => {
    if (transport === 'ipc') return (await ipcJob({ action: 'start', name, query: q })).job;
    const { final, ...rest } = q;
    return httpJson(route!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(csrfTokenNow() ? { 'x-csrf-token': csrfTokenNow()! } : {}) },
      body: JSON.stringify({ ...rest, finalOnly: final === '1' || final === 'true' }),
    });
  };
  const status = async (jobId: string): Promise<FileJobView> =>
    transport === 'ipc' ? (await ipcJob({ action: 'status', jobId })).job : httpJson(`api/files/jobs/${encodeURIComponent(jobId)}`);
  let job = await start();
  while (job.status === 'berjalan') {
    onProgress({ percent: percentOf(job) });
    await new Promise((r) => setTimeout(r, pollMs));
    job = await status(job.jobId);
  }
  if (job.status === 'gagal') throw job.error ? AppError.fromBody(job.error) : new AppError('INTERNAL', 'Pencetakan gagal.');
  onProgress({ percent: 100 });
  if (transport === 'ipc') {
    const done = await ipcJob({ action: 'file', jobId: job.jobId });
    if (!done.file) throw new AppError('INTERNAL', 'Pencetakan gagal.');
    return saveBody(done.file);
  }
  saveBody(await fetchFile(`api/files/jobs/${encodeURIComponent(job.jobId)}/file`, job.fileName ?? name));
}
