// Bundles the command line (`kinerja serve`, export, backup...) for running as a LAN server:
// esbuild, ES modules, split so that code loaded on demand (PDF, spreadsheets, import, seed) stays
// in chunks that a starting server never reads. Starting from TypeScript through the tsx loader
// takes 1.5-4 s on an office PC; the bundle is healthy in about half a second (docs/performance.md).
// better-sqlite3 stays external: it is native and resolves from node_modules beside dist-server/.
//
//   node scripts/build-server.mjs [OUTDIR]     (default dist-server/; the bench builds its own copy)
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist-server'));
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  // The PDF layout worker (electron/core/documents/layout-thread.ts) is an entry point of its own,
  // dist-server/layout-worker.js, sharing chunks with kinerja.js; the define tells the code that
  // starts it that it runs bundled and what the file is called.
  entryPoints: { kinerja: path.join(root, 'electron/cli/main.ts'), 'layout-worker': path.join(root, 'electron/core/documents/layout-worker.ts') },
  define: { KINERJA_LAYOUT_WORKER: '"layout-worker.js"' },
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // pdfmake (with pdfkit) reads its data files beside its own modules (__dirname): it stays a package.
  external: ['better-sqlite3', 'pdfmake'],
  // CommonJS packages inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __kinerjaRequire } from 'node:module'; const require = __kinerjaRequire(import.meta.url);" },
  loader: { '.json': 'json' },
  logLevel: 'warning',
  absWorkingDir: root,
});
// The bundle is ES modules wherever it is put (the repository's package.json says so for dist-server/).
fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
console.log(`${path.relative(root, outdir) || outdir}/kinerja.js`);
