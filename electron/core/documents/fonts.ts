import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * The fonts of every PDF the app prints: Roboto TTF files shipped in `resources/fonts/` (copied
 * from the pdfmake npm package, OFL 1.1). Never the computer's own fonts, so that every office PC
 * prints the same document.
 */
export const documentFont = 'Roboto';

/** pdfmake's four styles; Medium serves as bold, as in pdfmake's own default. */
export const fontFiles = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

export interface FontsDirOptions {
  env?: Record<string, string | undefined>;
  /** Electron's `process.resourcesPath` (next to app.asar); absent under plain Node. */
  resourcesPath?: string | undefined;
  /** Folders to search upwards for `resources/fonts` (the repository in tests, serve and the CLI). */
  searchFrom?: string[];
}

function hasFonts(dir: string): boolean {
  return fs.existsSync(path.join(dir, fontFiles.normal));
}

/**
 * Where the TTF files are, in this order:
 * 1. `KINERJA_FONTS_DIR` (an override for unusual installs);
 * 2. `<resourcesPath>/fonts`: the packaged desktop app, where electron-builder's `extraResources`
 *    must copy `resources/fonts` to `fonts` (files inside app.asar are readable too, but keeping
 *    them beside it mirrors the native module and lets an office check what ships);
 * 3. `resources/fonts` in the working folder or a parent of it, or of the script being run: the
 *    repository, for tests, `npm run serve` and `npm run kinerja`.
 */
export function resolveFontsDir(opts: FontsDirOptions = {}): string {
  const env = opts.env ?? process.env;
  const resourcesPath = 'resourcesPath' in opts ? opts.resourcesPath : (process as { resourcesPath?: string }).resourcesPath;
  const searchFrom = opts.searchFrom ?? [process.cwd(), ...(process.argv[1] ? [path.dirname(path.resolve(process.argv[1]))] : [])];
  const tried: string[] = [];
  const override = env.KINERJA_FONTS_DIR?.trim();
  if (override) {
    const dir = path.resolve(override);
    if (hasFonts(dir)) return dir;
    tried.push(dir);
  }
  if (resourcesPath) {
    const dir = path.join(resourcesPath, 'fonts');
    if (hasFonts(dir)) return dir;
    tried.push(dir);
  }
  for (const start of searchFrom) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'resources', 'fonts');
      if (hasFonts(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
    tried.push(`${start} (dan folder induknya)/resources/fonts`);
  }
  throw new AppError('INTERNAL', `Berkas huruf untuk dokumen PDF tidak ditemukan (dicari di: ${tried.join('; ')}). Pasang ulang aplikasi atau setel KINERJA_FONTS_DIR.`);
}

let cache: { dir: string; files: Record<string, Buffer> } | null = null;

/**
 * The font files read once per process and kept in memory: a batch of documents (a whole office's
 * evaluation PDFs) must not touch the disk for fonts on every document.
 */
export function loadFonts(dir?: string): { dir: string; files: Record<string, Buffer> } {
  if (cache && (!dir || cache.dir === dir)) return cache;
  const from = dir ?? resolveFontsDir();
  const files: Record<string, Buffer> = {};
  for (const name of Object.values(fontFiles)) files[name] = fs.readFileSync(path.join(from, name));
  cache = { dir: from, files };
  return cache;
}
