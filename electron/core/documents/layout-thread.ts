import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorBody } from '../../../shared/errors';
import type { EvaluationDocumentData, EvaluationDocumentOptions } from '../evaluation/document-data';
import type { EvaluationForm } from '../evaluation/format';
import { resolveFontsDir } from './fonts';

/**
 * PDF layout off the main thread. pdfmake lays a document out synchronously: a unit's 200
 * evaluation documents take seconds of CPU, and on the main thread of `kinerja serve` (or of the
 * desktop main process) every other request, poll and IPC call would wait for them. So batches
 * are laid out in one worker thread (layout-worker.ts), used by the one producer behind HTTP and
 * IPC alike (`evaluasi-batch.pdf` in downloads.ts).
 *
 * The data is read on the main thread, not in the worker: it goes through `dispatch` with the
 * caller's session (evaluation.get decides what may be printed, exactly as on screen) on the one
 * connection the server already has, and costs milliseconds per document with a yield every ten.
 * A worker with its own connection would need a second Core (sessions, clock, office) to apply the
 * same rules, and would read while the main thread writes. The worker gets plain data
 * (structured-cloned) and sends back bytes (transferred, not copied).
 *
 * One worker for the process, started on the first batch and stopped after a minute idle: an
 * office PC has two cores, so one layout at a time leaves the other core to the server; batches
 * from several users queue in the worker. The worker keeps pdfmake and the parsed fonts warm
 * between batches (pdf.ts), as the main thread would.
 *
 * Where the worker's code is, in the three ways the backend runs:
 * - from TypeScript (tsx for `npm run kinerja`, vitest): `layout-worker.ts` beside this file,
 *   started through a small ES module that registers tsx in the worker first (a worker does not
 *   inherit the parent's loader for its entry file on Node 20);
 * - bundled (`npm run serve`: dist-server/, ES modules, this code possibly in dist-server/chunks/;
 *   the desktop main: dist-electron/main.cjs, CommonJS): the build scripts make the worker an entry
 *   point of its own and define `KINERJA_LAYOUT_WORKER` as its file name, found in the folder of
 *   the running file or its parent (Electron's fs reads inside app.asar). In Electron that is inside app.asar, from which worker threads
 *   load since Electron 19 (electron/electron#33216); pdfmake is then required from app.asar's
 *   node_modules as in the main bundle.
 *
 * `KINERJA_PDF_WORKER=0` lays out on the calling thread instead (a diagnosis aid, should a
 * worker ever fail to start on some installation).
 */

declare const KINERJA_LAYOUT_WORKER: string | undefined;

export interface EvaluationLayoutTask {
  kind: 'evaluation';
  docs: EvaluationDocumentData[];
  form: EvaluationForm;
  options: EvaluationDocumentOptions;
}

export type LayoutTask = EvaluationLayoutTask;

export type LayoutRequest = LayoutTask & { id: number; fontsDir: string };

export type LayoutReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; bytes: Uint8Array }
  | { id: number; type: 'error'; error: ErrorBody | null; internal: string | null };

export interface LayoutProgress {
  done: number;
  total: number;
}

/** The worker's entry: a file to run, or (from TypeScript) a bootstrap module as a data: URL. */
export function layoutWorkerEntry(): URL {
  const here = fileURLToPath(import.meta.url);
  const bundled = typeof KINERJA_LAYOUT_WORKER === 'string' ? KINERJA_LAYOUT_WORKER : null;
  if (bundled) {
    // Code-split bundles put this module in a chunk folder under the entry points.
    const dir = path.dirname(here);
    for (const candidate of [path.join(dir, bundled), path.join(dir, '..', bundled)]) {
      if (fs.existsSync(candidate)) return pathToFileURL(candidate);
    }
    throw new AppError('INTERNAL', `Berkas penyusun PDF (${bundled}) tidak ditemukan di samping ${here}. Pasang ulang aplikasi.`);
  }
  const entry = pathToFileURL(path.join(path.dirname(here), 'layout-worker.ts')).href;
  const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const boot = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(entry)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

interface Pending {
  resolve(bytes: Buffer): void;
  reject(err: unknown): void;
  onProgress?: (p: LayoutProgress) => void;
}

export interface LayoutThreadOptions {
  /** A worker without work is stopped after this long (its heap holds pdfmake and the fonts). */
  idleMs?: number;
}

/** One worker thread and the layouts waiting for it. */
export class LayoutThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly idleMs: number;
  /** How many workers this thread object has started (tests: one worker serves many batches). */
  started = 0;

  constructor(options: LayoutThreadOptions = {}) {
    this.idleMs = options.idleMs ?? 60_000;
  }

  layout(task: LayoutTask, onProgress?: (p: LayoutProgress) => void): Promise<Buffer> {
    const id = this.nextId++;
    const request: LayoutRequest = { ...task, id, fontsDir: resolveFontsDir() };
    return new Promise<Buffer>((resolve, reject) => {
      const worker = this.ensureWorker();
      this.pending.set(id, { resolve, reject, onProgress });
      worker.postMessage(request);
    });
  }

  /** Stops the worker; layouts still waiting fail. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.clearIdle();
    this.failAll(new AppError('INTERNAL', 'Penyusunan PDF dihentikan.'));
    if (w) await w.terminate();
  }

  private ensureWorker(): Worker {
    this.clearIdle();
    if (this.worker) {
      // A waiting layout keeps the process alive, as work on the main thread would.
      this.worker.ref();
      return this.worker;
    }
    const worker = new Worker(layoutWorkerEntry(), { name: 'kinerja-pdf' });
    this.started++;
    worker.on('message', (reply: LayoutReply) => this.onReply(reply));
    worker.on('error', (err) => {
      // An uncaught failure inside the worker (or its code not loading): every layout waiting fails.
      if (this.worker === worker) this.worker = null;
      this.failAll(err);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      if (code !== 0) this.failAll(new Error(`Worker penyusun PDF berhenti dengan kode ${code}.`));
    });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: LayoutReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') {
      p.onProgress?.({ done: reply.done, total: reply.total });
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'done') p.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    else if (reply.error) p.reject(AppError.fromBody(reply.error));
    // Not an AppError: the transport logs it as internal (with the worker's stack) and answers generically.
    else p.reject(new Error(`Galat pada penyusun PDF: ${reply.internal ?? 'tidak diketahui'}`));
    if (this.pending.size === 0) this.becomeIdle();
  }

  private becomeIdle(): void {
    const worker = this.worker;
    if (!worker) return;
    // An idle worker must not keep a CLI or a test process from exiting.
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.worker === worker && this.pending.size === 0) {
        this.worker = null;
        void worker.terminate();
      }
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private failAll(err: unknown): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(err);
  }
}

let shared: LayoutThread | null = null;

/** The process's layout thread (created on first use). */
export function layoutThread(): LayoutThread {
  shared ??= new LayoutThread();
  return shared;
}

/** Whether batches are laid out in the worker (`KINERJA_PDF_WORKER=0` turns it off). */
export function layoutWorkerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.KINERJA_PDF_WORKER !== '0';
}
