import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { renderEvaluationPdf } from '../evaluation/document';
import { loadFonts } from './fonts';
import type { LayoutReply, LayoutRequest } from './layout-thread';

/**
 * The PDF layout thread (started by layout-thread.ts, never imported by anything else): it gets
 * plain document data already read, with access checked, on the main thread, lays it out with
 * pdfmake and sends the bytes back. It opens no database and sees no session, so nothing here can
 * widen what a caller may print. Bundled as its own entry point: `layout-worker.js` beside
 * `kinerja.js` (scripts/build-server.mjs) and `layout-worker.cjs` beside `main.cjs`
 * (scripts/build-electron.mjs).
 */
const port = parentPort;
if (!port) throw new Error('layout-worker.ts berjalan hanya sebagai worker thread (lihat layout-thread.ts).');

function post(reply: LayoutReply, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(reply, transfer);
}

async function handle(req: LayoutRequest): Promise<void> {
  try {
    // The fonts the main thread found: Electron's resourcesPath is the main process's to know.
    loadFonts(req.fontsDir);
    post({ id: req.id, type: 'progress', done: 0, total: req.docs.length });
    const bytes = await renderEvaluationPdf(req.docs, req.form, req.options);
    // Moved, not copied, to the main thread; a Buffer that shares Node's pool is copied out first.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
    post({ id: req.id, type: 'done', bytes: new Uint8Array(own.buffer, own.byteOffset, own.byteLength) }, [own.buffer as ArrayBuffer]);
  } catch (err) {
    // A typed error keeps its Indonesian message; anything else goes back with its stack for the log.
    if (err instanceof AppError) post({ id: req.id, type: 'error', error: err.toBody(), internal: null });
    else post({ id: req.id, type: 'error', error: null, internal: (err as Error)?.stack ?? String(err) });
  }
}

port.on('message', (req: LayoutRequest) => void handle(req));
