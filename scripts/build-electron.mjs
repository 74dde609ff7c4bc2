// Bundles the Electron main process and the preload script with esbuild (CommonJS, as Electron
// loads `main` and sandboxed preloads). Everything is bundled except Electron itself and the two
// packages that must stay files on disk: better-sqlite3 (native, loaded with an explicit
// nativeBinding for Electron's ABI), electron-updater and pdfmake (both read files beside themselves
// at run time: pdfkit its font metrics and colour profile through __dirname).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist-electron');
fs.rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  // The package.json import in core/version.ts and JSON data are inlined.
  loader: { '.json': 'json' },
};

// Main and the PDF layout worker (electron/core/documents/layout-thread.ts), both CommonJS files
// in dist-electron/ (inside app.asar once packaged, where Electron's worker threads load from).
const mainProcess = {
  ...common,
  external: ['electron', 'better-sqlite3', 'electron-updater', 'pdfmake'],
  // import() of those packages becomes require(): CommonJS resolution, which reads app.asar.
  supported: { 'dynamic-import': false },
  // Code shared with the ES module server asks `import.meta.url` where it runs; in CommonJS that
  // is the bundle's own file. The worker's file name tells layout-thread.ts it runs bundled.
  banner: { js: 'var __kinerjaImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__kinerjaImportMetaUrl', KINERJA_LAYOUT_WORKER: '"layout-worker.cjs"' },
};

await Promise.all([
  build({ ...mainProcess, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(outdir, 'main.cjs') }),
  build({ ...mainProcess, entryPoints: [path.join(root, 'electron/core/documents/layout-worker.ts')], outfile: path.join(outdir, 'layout-worker.cjs') }),
  build({
    ...common,
    // A sandboxed preload can require only `electron` (and a few Node-free modules): bundle the rest.
    platform: 'browser',
    entryPoints: [path.join(root, 'electron/preload/preload.ts')],
    outfile: path.join(outdir, 'preload.cjs'),
    external: ['electron'],
  }),
]);

const size = (f) => `${(fs.statSync(path.join(outdir, f)).size / 1024).toFixed(0)} KB`;
console.log(`dist-electron/main.cjs (${size('main.cjs')}), dist-electron/layout-worker.cjs (${size('layout-worker.cjs')}), dist-electron/preload.cjs (${size('preload.cjs')})`);
