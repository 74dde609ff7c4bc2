import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
  });
});
