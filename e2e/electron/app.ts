import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from '@playwright/test';

/**
 * Launching the real desktop app for Playwright. Where the Electron binary was never downloaded
 * (our build machines), `electronAvailability` says why and the specs skip themselves. The check
 * reads node_modules/electron/path.txt instead of `require('electron')`, because requiring it
 * would try to download the binary.
 */

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function findElectron(): { ok: true; executable: string } | { ok: false; reason: string } {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(exe) ? { ok: true, executable: exe } : { ok: false, reason: `${exe} does not exist` };
  }
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { ok: false, reason: 'node_modules/electron/path.txt missing (binary never downloaded; run "npx install-electron" with internet)' };
  const exe = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? { ok: true, executable: exe } : { ok: false, reason: `${exe} missing` };
}

const found = findElectron();
export const electronAvailability = found;
export const hasElectron = found.ok;
export const electronSkipReason = found.ok ? '' : `Electron binary not available: ${found.reason}`;

const nativeBinding = path.join(root, 'node_modules/.cache/kinerja-electron-native', `${process.platform}-${process.arch}`, 'better_sqlite3.node');
/** The database needs better-sqlite3 built for Electron (scripts/electron-native.mjs). */
export const hasNativeBinding = fs.existsSync(nativeBinding);
export const nativeSkipReason = hasNativeBinding ? '' : 'better-sqlite3 for Electron not built: run "node scripts/electron-native.mjs" (needs internet once)';

/** Builds dist-electron/ if it is missing: the specs run after `npm run build:renderer` only. */
export function ensureBundles(): void {
  if (!fs.existsSync(path.join(root, 'dist-electron', 'main.cjs'))) {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, stdio: 'inherit' });
  }
}

export interface LaunchedApp {
  app: ElectronApplication;
  dataDir: string;
  userDataDir: string;
  close(): Promise<void>;
}

/** One app on fresh folders. `prepare` may put files into the data folder before start. */
export async function launchApp(prepare?: (dataDir: string) => void): Promise<LaunchedApp> {
  if (!found.ok) throw new Error(electronSkipReason);
  ensureBundles();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-electron-'));
  const dataDir = path.join(base, 'data');
  const userDataDir = path.join(base, 'userdata');
  fs.mkdirSync(dataDir, { recursive: true });
  prepare?.(dataDir);
  const app = await _electron.launch({
    executablePath: found.executable,
    // Chromium's sandbox refuses to start as root (CI containers); the renderer sandbox flag in
    // webPreferences is still what the tests check.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    env: {
      ...process.env,
      KINERJA_DATA_DIR: dataDir,
      KINERJA_USER_DATA_DIR: userDataDir,
      KINERJA_NATIVE_BINDING: nativeBinding,
      KINERJA_E2E: '1',
    } as Record<string, string>,
  });
  return {
    app,
    dataDir,
    userDataDir,
    close: async () => {
      await app.close().catch(() => undefined);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
