import fs from 'node:fs';
import path from 'node:path';

/** Where things live for the desktop app. Pure functions over what main knows at start. */

/** The office data: `<userData>/data` unless `KINERJA_DATA_DIR` points elsewhere (a shared drive, a test). */
export function resolveDataDir(opts: { env: Record<string, string | undefined>; userDataDir: string }): string {
  const override = opts.env.KINERJA_DATA_DIR?.trim();
  return override ? path.resolve(override) : path.join(opts.userDataDir, 'data');
}

/** The folder of the Electron-ABI better-sqlite3 build made by scripts/electron-native.mjs. */
export function nativeCacheDir(projectDir: string, platform: string, arch: string): string {
  return path.join(projectDir, 'node_modules', '.cache', 'kinerja-electron-native', `${platform}-${arch}`);
}

export const nativeBindingFileName = 'better_sqlite3.node';

/**
 * better_sqlite3.node built for this Electron. Packaged: shipped as an extra resource next to
 * app.asar (outside the archive, since a native module cannot be loaded from inside it).
 * Development: `KINERJA_NATIVE_BINDING` (set by `npm start`), else the build cache.
 */
export function resolveNativeBinding(opts: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
  env: Record<string, string | undefined>;
  platform: string;
  arch: string;
}): string {
  if (opts.isPackaged) return path.join(opts.resourcesPath, 'native', nativeBindingFileName);
  if (opts.env.KINERJA_NATIVE_BINDING) return path.resolve(opts.env.KINERJA_NATIVE_BINDING);
  return path.join(nativeCacheDir(opts.appPath, opts.platform, opts.arch), nativeBindingFileName);
}

export function fileExists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
