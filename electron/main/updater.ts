/**
 * Updates over the office LAN, as a small state machine behind an interface. electron-updater's
 * `autoUpdater` is one implementation of `UpdaterBackend`; the tests use a fake. The rules:
 *   - check at start (quietly) and from the menu (telling the result either way);
 *   - download only after the user agrees, showing progress;
 *   - install only when the user agrees; never silently on quit (`autoInstallOnAppQuit = false`):
 *     a PC shut down at 16:00 must not spend ten minutes installing while people go home;
 *   - disabled when not packaged and under tests.
 * No Electron import here, so the whole file runs under Node.
 */

export type UpdateState =
  | { status: 'disabled'; reason: string }
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'not-available'; currentVersion: string }
  | { status: 'available'; version: string }
  | { status: 'downloading'; version: string; percent: number; transferred: number; total: number; bytesPerSecond: number }
  | { status: 'downloaded'; version: string }
  | { status: 'error'; message: string };

export interface UpdateInfoLike {
  version: string;
  files?: { url?: string; sha512?: string }[];
  sha512?: string;
}

export interface ProgressLike {
  percent: number;
  transferred: number;
  total: number;
  bytesPerSecond: number;
}

/** The part of electron-updater's AppUpdater we use. */
export interface UpdaterBackend {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'update-not-available', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'download-progress', listener: (progress: ProgressLike) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the user is asked or told; main implements these with native dialogs. */
export interface UpdatePrompts {
  confirmDownload(version: string): Promise<boolean>;
  confirmInstall(version: string): Promise<boolean>;
  /** Results the user asked for from the menu ("already up to date", errors). */
  inform(kind: 'info' | 'error', message: string): void;
}

export type UpdaterEvent =
  | { type: 'check' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'download' }
  | { type: 'progress'; progress: ProgressLike }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

/**
 * The transitions. Anything not listed is ignored (a second check while downloading does not
 * restart the download; a late progress event after the download finished changes nothing).
 */
export function nextUpdateState(state: UpdateState, event: UpdaterEvent, currentVersion: string): UpdateState {
  if (state.status === 'disabled') return state;
  switch (event.type) {
    case 'check':
      return state.status === 'downloading' || state.status === 'downloaded' || state.status === 'checking' ? state : { status: 'checking' };
    case 'available':
      return state.status === 'checking' ? { status: 'available', version: event.version } : state;
    case 'not-available':
      return state.status === 'checking' ? { status: 'not-available', currentVersion } : state;
    case 'download':
      return state.status === 'available'
        ? { status: 'downloading', version: state.version, percent: 0, transferred: 0, total: 0, bytesPerSecond: 0 }
        : state;
    case 'progress':
      return state.status === 'downloading'
        ? {
            ...state,
            percent: Math.max(0, Math.min(100, event.progress.percent)),
            transferred: event.progress.transferred,
            total: event.progress.total,
            bytesPerSecond: event.progress.bytesPerSecond,
          }
        : state;
    case 'downloaded':
      return state.status === 'downloading' || state.status === 'available' ? { status: 'downloaded', version: event.version } : state;
    case 'error':
      return { status: 'error', message: event.message };
  }
}

/** Whether updates run at all here. Pure, so the rule is tested. */
export function updaterAvailability(opts: { isPackaged: boolean; env: Record<string, string | undefined> }): { enabled: true } | { enabled: false; reason: string } {
  const { env } = opts;
  if (env.KINERJA_DISABLE_UPDATES === '1' || env.NODE_ENV === 'test' || env.KINERJA_E2E === '1') {
    return { enabled: false, reason: 'Pembaruan otomatis dinonaktifkan untuk pengujian.' };
  }
  if (!opts.isPackaged) return { enabled: false, reason: 'Pembaruan otomatis hanya aktif pada aplikasi yang terpasang dari penginstal.' };
  return { enabled: true };
}

/**
 * Where to look for updates. `KINERJA_UPDATE_URL` (set machine-wide by IT) wins, then
 * `update.json` in the data folder (`{ "url": "http://server:8080/updates/" }`), else null: the
 * URL built into the installer (electron-builder.yml `publish`) is used.
 */
export function resolveFeedUrl(opts: { env: Record<string, string | undefined>; configFileText: string | null }): { url: string | null; problem: string | null } {
  const candidates: { url: unknown; from: string }[] = [];
  if (opts.env.KINERJA_UPDATE_URL) candidates.push({ url: opts.env.KINERJA_UPDATE_URL, from: 'KINERJA_UPDATE_URL' });
  if (opts.configFileText !== null) {
    try {
      candidates.push({ url: (JSON.parse(opts.configFileText) as { url?: unknown }).url, from: 'update.json' });
    } catch {
      return { url: null, problem: 'Berkas update.json di folder data bukan JSON yang sah; alamat bawaan dipakai.' };
    }
  }
  const first = candidates[0];
  if (!first) return { url: null, problem: null };
  const url = normalizeFeedUrl(first.url);
  if (!url) return { url: null, problem: `Alamat pembaruan dari ${first.from} tidak sah (harus http:// atau https://); alamat bawaan dipakai.` };
  return { url, problem: null };
}

export function normalizeFeedUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password || u.search || u.hash) return null;
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.href;
}

function describe(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/.test(message)) {
    return 'Server pembaruan tidak dapat dihubungi. Periksa jaringan kantor atau alamat server pembaruan.';
  }
  if (/404|latest.*\.yml/i.test(message)) return 'Server pembaruan belum menyediakan berkas pembaruan (latest.yml).';
  if (/sha512|checksum/i.test(message)) return 'Berkas pembaruan rusak atau tidak cocok (sha512 berbeda). Minta admin memeriksa folder updates.';
  return `Pembaruan gagal: ${message}`;
}

export class UpdateController {
  private current: UpdateState;
  private interactive = false;

  constructor(
    private readonly backend: UpdaterBackend,
    private readonly prompts: UpdatePrompts,
    private readonly options: {
      currentVersion: string;
      availability: ReturnType<typeof updaterAvailability>;
      feedUrl?: string | null;
      onState?: (state: UpdateState) => void;
      /**
       * The signed-release check (release-check.ts): null when the update is covered by the
       * office's release key, else the refusal. Asked before offering the download and again
       * before offering the install; without it nothing is downloaded nor installed.
       */
      verifyRelease?: (info: UpdateInfoLike) => Promise<string | null>;
    },
  ) {
    this.current = options.availability.enabled ? { status: 'idle' } : { status: 'disabled', reason: options.availability.reason };
    if (!options.availability.enabled) return;
    backend.autoDownload = false;
    backend.autoInstallOnAppQuit = false;
    backend.allowDowngrade = false;
    if (options.feedUrl) backend.setFeedURL({ provider: 'generic', url: options.feedUrl });
    backend.on('update-available', (info) => void this.onAvailable(info));
    backend.on('update-not-available', () => {
      this.apply({ type: 'not-available' });
      if (this.interactive) this.prompts.inform('info', `Kinerja sudah versi terbaru (${options.currentVersion}).`);
    });
    backend.on('download-progress', (progress) => this.apply({ type: 'progress', progress }));
    backend.on('update-downloaded', (info) => void this.onDownloaded(info));
    backend.on('error', (error) => this.fail(error));
  }

  get state(): UpdateState {
    return this.current;
  }

  /** `interactive`: asked from the menu, so "no update" and errors are told, not only logged. */
  async check(interactive = false): Promise<UpdateState> {
    if (this.current.status === 'disabled') {
      if (interactive) this.prompts.inform('info', this.current.reason);
      return this.current;
    }
    if (this.current.status === 'downloaded') {
      // Already here: asking again is how a user who said "later" installs it.
      await this.offerInstall(this.current.version);
      return this.current;
    }
    if (this.current.status === 'downloading' || this.current.status === 'checking') {
      if (interactive) this.prompts.inform('info', this.current.status === 'checking' ? 'Pemeriksaan pembaruan sedang berjalan.' : 'Pembaruan sedang diunduh.');
      return this.current;
    }
    this.interactive = interactive;
    this.apply({ type: 'check' });
    try {
      await this.backend.checkForUpdates();
    } catch (err) {
      this.fail(err);
    }
    return this.current;
  }

  /** The release check; a refusal is an error state the user is told about (even when quiet). */
  private async refused(info: UpdateInfoLike): Promise<boolean> {
    const verify = this.options.verifyRelease;
    let problem: string | null;
    try {
      problem = verify ? await verify(info) : 'Pembaruan ditolak: pemeriksaan tanda tangan rilis tidak tersedia.';
    } catch (err) {
      problem = `Pembaruan ditolak: ${(err as Error)?.message ?? String(err)}`;
    }
    if (problem === null) return false;
    this.apply({ type: 'error', message: problem });
    this.prompts.inform('error', problem);
    return true;
  }

  private async onAvailable(info: UpdateInfoLike): Promise<void> {
    const version = info.version;
    this.apply({ type: 'available', version });
    if (await this.refused(info)) return;
    if (!(await this.prompts.confirmDownload(version))) return;
    this.apply({ type: 'download' });
    try {
      await this.backend.downloadUpdate();
    } catch (err) {
      this.fail(err);
    }
  }

  private async onDownloaded(info: UpdateInfoLike): Promise<void> {
    // Checked again: the feed may have changed between the check and the end of the download.
    if (await this.refused(info)) return;
    this.apply({ type: 'downloaded', version: info.version });
    await this.offerInstall(info.version);
  }

  private async offerInstall(version: string): Promise<void> {
    if (!(await this.prompts.confirmInstall(version))) return;
    // Not silent: the installer shows its own progress; run the new version afterwards.
    this.backend.quitAndInstall(false, true);
  }

  private fail(err: unknown): void {
    const message = describe(err);
    this.apply({ type: 'error', message });
    if (this.interactive) this.prompts.inform('error', message);
  }

  private apply(event: UpdaterEvent): void {
    const next = nextUpdateState(this.current, event, this.options.currentVersion);
    if (next !== this.current) {
      this.current = next;
      this.options.onState?.(next);
    }
  }
}
