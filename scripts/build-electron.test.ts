import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { LayoutReply, LayoutRequest } from '../electron/core/documents/layout-thread';
import { resolveFontsDir } from '../electron/core/documents/fonts';
import { documentOptionsOf, evaluationDocumentData } from '../electron/core/evaluation/document-data';
import { removeTempDirs } from '../tests/people/fixture';
import { SkpOffice } from '../tests/skp/fixture';

/**
 * The desktop bundles build without the Electron binary, so this runs here: it keeps the preload
 * free of anything a sandboxed preload cannot load, and main's externals to the known few.
 */
const root = path.resolve(__dirname, '..');

describe('npm run build:electron', () => {
  it('bundles main and preload with only the allowed run-time requires', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    const requiresOf = (file: string) =>
      [...fs.readFileSync(path.join(root, 'dist-electron', file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    const preload = new Set(requiresOf('preload.cjs'));
    expect([...preload]).toEqual(['electron']);
    const main = new Set(requiresOf('main.cjs'));
    // pdfmake stays a package: pdfkit reads its font metrics beside its own files (__dirname).
    const allowed = new Set(['electron', 'better-sqlite3', 'electron-updater', 'pdfmake', 'pdfmake/js/PDFDocument.js']);
    // Node's own modules are fine (exceljs, bundled for the employee export, asks for assert,
    // string_decoder and constants); any npm package left unbundled is not.
    for (const r of main) expect(r.startsWith('node:') || allowed.has(r) || builtinModules.includes(r), r).toBe(true);
    expect(main.has('better-sqlite3')).toBe(true);
    expect(main.has('pdfmake')).toBe(true);
    // A bundled package reading files beside itself would look for them in dist-electron/.
    expect(fs.readFileSync(path.join(root, 'dist-electron/main.cjs'), 'utf8')).not.toMatch(/__dirname \+ "\/data\//);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(fs.existsSync(path.join(root, pkg.main))).toBe(true);
    // The PDF layout worker is a CommonJS file of its own beside main.cjs, found by the name main was built with.
    const worker = new Set(requiresOf('layout-worker.cjs'));
    for (const r of worker) expect(r.startsWith('node:') || allowed.has(r) || builtinModules.includes(r), r).toBe(true);
    expect(worker.has('pdfmake')).toBe(true);
    expect(fs.readFileSync(path.join(root, 'dist-electron/main.cjs'), 'utf8')).toContain('"layout-worker.cjs"');
  }, 120_000);

  it('lays out an evaluation document in the bundled CommonJS worker (run here under Node, as Electron runs it in main)', async () => {
    // Needs the bundle of the test above (vitest runs a file's tests in order).
    const f = SkpOffice.create();
    try {
      const mine = f.draftWithRhk('stafA', 'Tersusunnya laporan persuratan');
      const v = f.as('stafA').call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
      f.as('kasubbag').call('skp.approve', { skpId: mine.skpId, version: v });
      f.as('kasubbag').call('evaluation.save', { skpId: mine.skpId, period: '1', version: null, rhk: [{ rhkId: mine.rhkId, judgement: 'sesuai' }], resultsRating: 'sesuai' });
      const meta = { transport: 'ipc' as const, sessionToken: f.tokens.kasubbag, requireCsrf: false };
      const docs = [evaluationDocumentData(f.o.core, meta, { skpId: mine.skpId, period: '1' })];
      const request: LayoutRequest = { id: 1, kind: 'evaluation', docs, form: 'dokumen', options: documentOptionsOf(f.o.core), fontsDir: resolveFontsDir() };
      const worker = new Worker(path.join(root, 'dist-electron/layout-worker.cjs'));
      const replies: LayoutReply[] = [];
      try {
        await new Promise<void>((resolve, reject) => {
          worker.on('error', reject);
          worker.on('message', (r: LayoutReply) => {
            replies.push(r);
            if (r.type !== 'progress') resolve();
          });
          worker.postMessage(request);
        });
      } finally {
        await worker.terminate();
      }
      expect(replies[0]).toEqual({ id: 1, type: 'progress', done: 0, total: 1 });
      const last = replies.at(-1)!;
      if (last.type !== 'done') throw new Error(JSON.stringify(last));
      const out = path.join(f.o.dir, 'worker.pdf');
      fs.writeFileSync(out, last.bytes);
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
      expect(text).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
      expect(text).toContain(docs[0]!.detail.header.employee.name);
    } finally {
      f.o.close();
      removeTempDirs();
    }
  }, 120_000);
});
