import { SyncScheduler } from '../core/sync/scheduler';
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import { bridgeChannels, type MenuAction } from '../../shared/desktop/bridge';
import {
  applyPendingRestore,
  backupBeforeMigrate,
  backupServiceFor,
  findBackup,
  listBackups,
  restoreBackup,
  startBackupScheduler,
  type BackupService,
} from '../core/backup';
import { Core } from '../core/core';
import { setDefaultNativeBinding } from '../core/db/connection';
import { latestSchemaVersion } from '../core/db/migrations';
import { dispatch } from '../core/dispatch';
import { appVersion, schemaVersion } from '../core/version';
import { DesktopBridge } from './bridge';
import { buildMenuTemplate } from './menu';
import { fileExists, resolveDataDir, resolveNativeBinding } from './paths';
import {
  appEntryUrl,
  appOrigin,
  appScheme,
  contentSecurityPolicy,
  decideWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isWebviewAllowed,
  mimeTypeOf,
  resolveAppFile,
  secureWebPreferences,
  type OriginPolicy,
} from './security';
import { classifyStartupError, errorPagePath, parseStartupAction, renderStartupErrorPage, type StartupProblem } from './startup-error';
import { leaveDespiteUnsaved, unsavedChangesDialog } from './unsaved-changes';
import type * as ElectronUpdater from 'electron-updater';
import { checkSignedRelease, matchesPin, trustFromConfig } from './release-check';
import { builtInReleaseKeys } from './release-keys';
import { UpdateController, resolveFeedUrl, updaterAvailability } from './updater';
import { loadWindowState, saveWindowState, windowStateFile } from './window-state';

/**
 * The desktop shell. It decides nothing itself: the security rules live in security.ts, the update
 * rules in updater.ts, backups in core/backup, the IPC handlers and the per-window session tokens
 * (which never reach the renderer) in bridge.ts. This file wires them to Electron's events.
 */

// --- before ready -------------------------------------------------------------------------------

if (process.env.KINERJA_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.KINERJA_USER_DATA_DIR));

// One office database, one process: a second launch hands over to the first and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
  process.exit(0);
}

// Standard + secure: `app://kinerja` is a real origin (same-origin policy, 'self' in the CSP).
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();

const devServerOrigin = !app.isPackaged && process.env.KINERJA_RENDERER_URL ? new URL(process.env.KINERJA_RENDERER_URL).origin : null;
const policy: OriginPolicy = { devServerOrigin };
const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
const dataDir = resolveDataDir({ env: process.env, userDataDir: app.getPath('userData') });

let core: Core | null = null;
let backups: BackupService | null = null;
let scheduler: { stop(): void } | null = null;
/** LAN sync with the central in the background once this office is enrolled (docs/sync.md). */
let syncScheduler: SyncScheduler | null = null;
let startupProblem: StartupProblem | null = null;
let mainWindow: BrowserWindow | null = null;
let updater: UpdateController | null = null;
/**
 * The IPC handlers (`kinerja:call`, `kinerja:file`, `kinerja:file-job`) and the per-window
 * session tokens, which only main ever sees: electron/main/bridge.ts.
 */
const bridge = new DesktopBridge({
  core: () => core,
  unavailableMessage: () => startupProblem?.message ?? 'Basis data belum terbuka.',
  policy,
  log,
  onRestartingCommand: () => setImmediate(() => void restoreScheduled()),
});

// --- logging ------------------------------------------------------------------------------------

const logFile = path.join(app.getPath('userData'), 'logs', 'main.log');
function log(message: string): void {
  const line = `${new Date().toISOString()} ${message}\n`;
  process.stdout.write(line);
  try {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    if (fs.existsSync(logFile) && fs.statSync(logFile).size > 1024 * 1024) fs.renameSync(logFile, `${logFile}.1`);
    fs.appendFileSync(logFile, line);
  } catch {
    // A log that cannot be written must not stop the app.
  }
}

// --- database -----------------------------------------------------------------------------------

function openDatabase(): void {
  closeDatabase();
  startupProblem = null;
  const binding = resolveNativeBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    env: process.env,
    platform: process.platform,
    arch: process.arch,
  });
  try {
    if (!fileExists(binding)) {
      throw new Error(`better_sqlite3.node untuk Electron tidak ditemukan di ${binding} (NODE_MODULE_VERSION ${process.versions.modules}).`);
    }
    setDefaultNativeBinding(binding);
    const pending = applyPendingRestore(dataDir);
    if (pending && 'error' in pending) log(`Pemulihan terjadwal gagal: ${pending.error.message}`);
    if (pending && 'result' in pending) log(`Pemulihan terjadwal dari ${pending.request.backupId} selesai; basis data lama di ${pending.result.setAsideDir}`);
    core = Core.open({ dataDir, beforeMigrate: backupBeforeMigrate(dataDir) });
    backups = backupServiceFor(core, { log });
    scheduler = startBackupScheduler(backups, { log });
    syncScheduler = new SyncScheduler(core, { log }).start();
    log(`Basis data dibuka: ${dataDir} (skema ${schemaVersion}, aplikasi ${appVersion})`);
  } catch (err) {
    startupProblem = classifyStartupError(err);
    log(`Basis data tidak dapat dibuka (${startupProblem.reason}): ${startupProblem.technical}`);
  }
}

function closeDatabase(): void {
  scheduler?.stop();
  scheduler = null;
  void syncScheduler?.stop();
  syncScheduler = null;
  core?.close();
  core = null;
  backups = null;
  bridge.clear();
}

function entryUrl(): string {
  if (startupProblem) return `${appOrigin}${errorPagePath}`;
  return devServerOrigin ? process.env.KINERJA_RENDERER_URL! : appEntryUrl;
}

function reloadWindow(): void {
  void mainWindow?.loadURL(entryUrl());
}

// --- app:// protocol ----------------------------------------------------------------------------

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': contentSecurityPolicy(policy),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

function serveApp(request: Request): Response {
  const url = new URL(request.url);
  if (url.pathname === errorPagePath && startupProblem) {
    const html = renderStartupErrorPage({
      problem: startupProblem,
      dataDir,
      backups: listBackups(dataDir),
      supportedSchema: latestSchemaVersion(),
    });
    return new Response(html, { status: 200, headers: securityHeaders('text/html; charset=utf-8') });
  }
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return new Response('Tidak ditemukan', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
  try {
    return new Response(fs.readFileSync(file), { status: 200, headers: securityHeaders(mimeTypeOf(file)) });
  } catch {
    if (file.endsWith('index.html')) {
      return new Response('Tampilan belum dibangun. Jalankan "npm run build".', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
    }
    return new Response('Tidak ditemukan', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
  }
}

// --- hardening of every web contents ------------------------------------------------------------

function harden(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => {
    if (!isWebviewAllowed()) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    else log(`Jendela baru ditolak: ${url.slice(0, 200)}`);
    return { action: decision.action };
  });
  const guard = (event: { preventDefault(): void; url: string }) => {
    const action = parseStartupAction(event.url);
    if (action) {
      event.preventDefault();
      void runStartupAction(action);
      return;
    }
    if (!isNavigationAllowed(event.url, policy)) {
      event.preventDefault();
      log(`Navigasi ditolak: ${event.url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('destroyed', () => bridge.forget(contents.id));
}

// --- backups and restore from the shell ---------------------------------------------------------

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

async function info(message: string, detail?: string): Promise<void> {
  const options = { type: 'info' as const, title: 'Kinerja', message, detail, buttons: ['OK'] };
  await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function failure(message: string, detail?: string): Promise<void> {
  const options = { type: 'error' as const, title: 'Kinerja', message, detail, buttons: ['OK'] };
  await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function confirm(message: string, detail: string, yes: string): Promise<boolean> {
  const options = { type: 'question' as const, title: 'Kinerja', message, detail, buttons: [yes, 'Batal'], defaultId: 1, cancelId: 1 };
  const r = await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  return r.response === 0;
}

async function backupNow(): Promise<void> {
  if (!backups) return failure('Basis data tidak terbuka, jadi tidak dapat dicadangkan.');
  try {
    const entry = await backups.run('manual');
    await info('Cadangan selesai dibuat.', `${entry.id}\nUkuran: ${formatBytes(entry.totalBytes)} (bukti dukung: ${entry.evidence.files} berkas)\nFolder: ${entry.dir}`);
  } catch (err) {
    await failure('Pencadangan gagal.', (err as Error).message);
  }
}

/** Only an office admin restores while the app is healthy; on the error screen nobody can sign in. */
function mayRestore(): boolean {
  if (!core) return true;
  const token = mainWindow ? bridge.sessionOf(mainWindow.webContents.id) : null;
  if (!token) return false;
  try {
    const me = dispatch(core, 'auth.me', {}, { transport: 'ipc', sessionToken: token, requireCsrf: false }).result as { user: { roles: string[] } | null };
    return !!me.user?.roles.includes('pengelola');
  } catch {
    return false;
  }
}

async function restoreFrom(source: string): Promise<void> {
  if (!mayRestore()) return failure('Hanya Pengelola Kinerja yang dapat memulihkan cadangan.', 'Masuk sebagai pengelola, lalu ulangi dari menu Berkas.');
  const ok = await confirm(
    'Pulihkan basis data dari cadangan ini?',
    `${source}\n\nSemua perubahan setelah cadangan itu dibuat tidak akan tampak lagi. Basis data yang sekarang tidak dihapus: ia disisihkan ke folder "replaced" di folder data.`,
    'Pulihkan',
  );
  if (!ok) return;
  await backups?.idle();
  closeDatabase();
  try {
    const result = restoreBackup({ dataDir, source });
    openDatabase();
    reloadWindow();
    await info('Pemulihan selesai.', `Basis data lama disimpan di:\n${result.setAsideDir ?? '(tidak ada)'}\nBukti dukung disalin: ${result.evidence.copied}`);
  } catch (err) {
    openDatabase();
    reloadWindow();
    await failure('Pemulihan gagal; basis data tidak diubah.', (err as Error).message);
  }
}

async function restoreFromFile(): Promise<void> {
  const options = {
    title: 'Pilih cadangan Kinerja',
    defaultPath: path.join(dataDir, 'backups'),
    properties: ['openFile' as const],
    filters: [
      { name: 'Cadangan Kinerja', extensions: ['tar', 'db', 'json'] },
      { name: 'Semua berkas', extensions: ['*'] },
    ],
  };
  const picked = await (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options));
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return;
  // Picking a backup folder's manifest.json means that folder.
  await restoreFrom(path.basename(file) === 'manifest.json' ? path.dirname(file) : file);
}

/** After `backup.restore` from the admin screen: close, restore, reopen, reload; no app restart needed. */
async function restoreScheduled(): Promise<void> {
  await backups?.idle();
  closeDatabase();
  openDatabase();
  reloadWindow();
  if (!startupProblem) await info('Pemulihan selesai. Silakan masuk kembali.');
}

async function runStartupAction(action: NonNullable<ReturnType<typeof parseStartupAction>>): Promise<void> {
  switch (action.kind) {
    case 'restore-backup': {
      const entry = findBackup(dataDir, action.id);
      if (entry) await restoreFrom(entry.dir);
      return;
    }
    case 'restore-file':
      return restoreFromFile();
    case 'open-data-folder':
      await shell.openPath(dataDir);
      return;
    case 'retry':
      openDatabase();
      reloadWindow();
      return;
    case 'quit':
      app.quit();
  }
}

function sendMenu(action: MenuAction): void {
  mainWindow?.webContents.send(bridgeChannels.menu, action);
}

async function about(): Promise<void> {
  await info(
    `Kinerja ${appVersion}`,
    [
      'Manajemen kinerja pegawai ASN, luring lebih dulu.',
      '',
      `Skema basis data: ${schemaVersion}`,
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
      `Folder data: ${dataDir}`,
      `Pembaruan: ${updater?.state.status === 'disabled' ? updater.state.reason : 'aktif'}`,
    ].join('\n'),
  );
}

// --- window -------------------------------------------------------------------------------------

function createWindow(): void {
  const stateFile = windowStateFile(app.getPath('userData'));
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const icon = path.join(app.getAppPath(), 'build', 'icon.png');
  mainWindow = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kinerja',
    backgroundColor: '#f4f6f8',
    ...(fs.existsSync(icon) ? { icon } : {}),
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const save = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    const b = mainWindow.getNormalBounds();
    saveWindowState(stateFile, { ...b, maximized: mainWindow.isMaximized() });
  };
  let timer: NodeJS.Timeout | null = null;
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  mainWindow.on('resize', saveSoon);
  mainWindow.on('move', saveSoon);
  mainWindow.on('close', save);
  // A form with unsaved changes refuses the unload; ask rather than keep the window open silently.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    if (mainWindow && leaveDespiteUnsaved(dialog.showMessageBoxSync(mainWindow, unsavedChangesDialog))) event.preventDefault();
  });
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(entryUrl());
}

function createUpdater(): void {
  const availability = updaterAvailability({ isPackaged: app.isPackaged, env: process.env });
  let configText: string | null;
  try {
    configText = fs.readFileSync(path.join(dataDir, 'update.json'), 'utf8');
  } catch {
    configText = null;
  }
  const feed = resolveFeedUrl({ env: process.env, configFileText: configText });
  if (feed.problem) log(feed.problem);
  const prompts = {
    confirmDownload: (version: string) => confirm(`Kinerja ${version} tersedia.`, `Versi terpasang: ${appVersion}. Unduh pembaruan dari server kantor sekarang?`, 'Unduh'),
    confirmInstall: (version: string) =>
      confirm(`Pembaruan Kinerja ${version} siap dipasang.`, 'Aplikasi akan ditutup, pembaruan dipasang, lalu aplikasi dibuka kembali. Simpan pekerjaan Anda terlebih dahulu.', 'Pasang dan mulai ulang'),
    inform: (kind: 'info' | 'error', message: string) => void (kind === 'error' ? failure(message) : info(message)),
  };
  if (!availability.enabled) {
    updater = new UpdateController(inertBackend, prompts, { currentVersion: appVersion, availability });
    return;
  }
  // Signed releases over pinned TLS (docs/spec/operations.md §3): the office server's certificate is trusted by the
  // fingerprint in update.json, for the update feed's host only, in the sessions electron-updater uses.
  const trust = trustFromConfig(configText, builtInReleaseKeys);
  const feedHost = feed.url ? new URL(feed.url).hostname : null;
  if (feedHost && trust.fingerprint) {
    for (const s of [session.defaultSession, session.fromPartition('electron-updater')]) {
      s.setCertificateVerifyProc((request, callback) => {
        callback(request.hostname === feedHost && matchesPin(request.certificate.data, trust.fingerprint) ? 0 : -3);
      });
    }
  }
  // Loaded only when enabled: electron-updater reads app-update.yml, which exists only when packaged.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { autoUpdater } = require('electron-updater') as typeof ElectronUpdater;
  updater = new UpdateController(autoUpdater, prompts, {
    currentVersion: appVersion,
    availability,
    feedUrl: feed.url,
    verifyRelease: (info) =>
      feed.url
        ? checkSignedRelease(feed.url, info, trust)
        : Promise.resolve('Pembaruan ditolak: alamat server pembaruan kantor belum diatur (update.json "url"), sehingga tanda tangan rilis tidak dapat diperiksa.'),
    onState: (s) => {
      log(`Pembaruan: ${JSON.stringify(s)}`);
      if (s.status === 'downloading') mainWindow?.setProgressBar(s.percent / 100);
      else mainWindow?.setProgressBar(-1);
    },
  });
}

/** Stands in for electron-updater when updates are off; the controller never calls it then. */
const inertBackend = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  allowDowngrade: false,
  setFeedURL: () => undefined,
  checkForUpdates: async () => null,
  downloadUpdate: async () => [],
  quitAndInstall: () => undefined,
  on: () => undefined,
};

// --- lifecycle ----------------------------------------------------------------------------------

app.on('web-contents-created', (_event, contents) => harden(contents));

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
});

app.whenReady().then(() => {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
  ses.setDevicePermissionHandler(() => false);
  protocol.handle(appScheme, (request) => serveApp(request));
  if (devServerOrigin) {
    // The dev server sends no CSP of its own; add ours so development sees the same rules.
    ses.webRequest.onHeadersReceived({ urls: [`${devServerOrigin}/*`] }, (details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, 'content-security-policy': [contentSecurityPolicy(policy)] } }),
    );
  }
  ipcMain.handle(bridgeChannels.call, (event, name: unknown, input: unknown) => bridge.call(event, name, input));
  ipcMain.handle(bridgeChannels.file, (event, name: unknown, query: unknown) => bridge.file(event, name, query));
  ipcMain.handle(bridgeChannels.fileJob, (event, request: unknown) => bridge.fileJob(event, request));

  openDatabase();
  createUpdater();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        {
          backupNow: () => void backupNow(),
          showBackups: () => sendMenu('open-backups'),
          restoreFromFile: () => void restoreFromFile(),
          openDataFolder: () => void shell.openPath(dataDir),
          checkForUpdates: () => void updater?.check(true),
          about: () => void about(),
        },
        { isPackaged: app.isPackaged, platform: process.platform },
      ),
    ),
  );
  createWindow();
  // A quiet check a little after start, so the first screen is not competing with it.
  setTimeout(() => void updater?.check(false), 15_000).unref();
}, (err: unknown) => {
  log(`Gagal memulai: ${String(err)}`);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting) return;
  // A backup in progress holds the connection: let it finish (seconds) rather than leave a
  // half-written copy and a connection SQLite refuses to close.
  if (backups?.current) {
    event.preventDefault();
    log('Menunggu pencadangan selesai sebelum keluar.');
    void backups.idle().then(() => {
      quitting = true;
      closeDatabase();
      app.quit();
    });
    return;
  }
  quitting = true;
  closeDatabase();
});
