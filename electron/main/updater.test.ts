import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  nextUpdateState,
  normalizeFeedUrl,
  resolveFeedUrl,
  UpdateController,
  updaterAvailability,
  type ProgressLike,
  type UpdatePrompts,
  type UpdaterBackend,
  type UpdateState,
} from './updater';

/** A stand-in for electron-updater: the test decides what the "server" answers. */
class FakeUpdater extends EventEmitter implements UpdaterBackend {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  feed: string | null = null;
  checks = 0;
  downloads = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  nextCheck: 'available' | 'none' | Error = 'none';
  version = '0.2.0';
  downloadFails: Error | null = null;

  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feed = options.url;
  }
  async checkForUpdates() {
    this.checks++;
    await Promise.resolve();
    if (this.nextCheck instanceof Error) throw this.nextCheck;
    if (this.nextCheck === 'available') this.emit('update-available', { version: this.version });
    else this.emit('update-not-available', { version: '0.1.0' });
    return null;
  }
  async downloadUpdate() {
    this.downloads++;
    if (this.downloadFails) throw this.downloadFails;
    for (const percent of [10, 55, 100]) this.emit('download-progress', { percent, transferred: percent * 1000, total: 100_000, bytesPerSecond: 5000 } satisfies ProgressLike);
    this.emit('update-downloaded', { version: this.version });
    return [];
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function prompts(answers: { download: boolean; install: boolean }) {
  const told: [string, string][] = [];
  const asked: string[] = [];
  const p: UpdatePrompts = {
    confirmDownload: async (v) => (asked.push(`download ${v}`), answers.download),
    confirmInstall: async (v) => (asked.push(`install ${v}`), answers.install),
    inform: (kind, message) => told.push([kind, message]),
  };
  return { p, told, asked };
}

const enabled = { enabled: true } as const;
const flush = () => new Promise((r) => setTimeout(r, 0));

function controller(fake: FakeUpdater, p: UpdatePrompts, feedUrl: string | null = null, verifyRelease: (info: { version: string }) => Promise<string | null> = async () => null) {
  const states: UpdateState['status'][] = [];
  const c = new UpdateController(fake, p, { currentVersion: '0.1.0', availability: enabled, feedUrl, onState: (s) => states.push(s.status), verifyRelease });
  return { c, states };
}

describe('update controller with a fake updater', () => {
  it('never downloads nor installs on its own, and never on quit', () => {
    const fake = new FakeUpdater();
    controller(fake, prompts({ download: false, install: false }).p, 'http://server:8080/updates/');
    expect(fake.autoDownload).toBe(false);
    expect(fake.autoInstallOnAppQuit).toBe(false);
    expect(fake.allowDowngrade).toBe(false);
    expect(fake.feed).toBe('http://server:8080/updates/');
  });

  it('checks, asks, downloads with progress, asks again, installs', async () => {
    const fake = new FakeUpdater();
    fake.nextCheck = 'available';
    const { p, asked } = prompts({ download: true, install: true });
    const { c, states } = controller(fake, p);
    await c.check();
    await flush();
    expect(states).toEqual(['checking', 'available', 'downloading', 'downloading', 'downloading', 'downloading', 'downloaded']);
    expect(asked).toEqual(['download 0.2.0', 'install 0.2.0']);
    expect(fake.installs).toEqual([[false, true]]);
  });

  it('leaves the download alone when the user says no', async () => {
    const fake = new FakeUpdater();
    fake.nextCheck = 'available';
    const { c } = controller(fake, prompts({ download: false, install: true }).p);
    await c.check();
    await flush();
    expect(c.state).toEqual({ status: 'available', version: '0.2.0' });
    expect(fake.downloads).toBe(0);
  });

  it('keeps a downloaded update for later when the user declines, and offers it again from the menu', async () => {
    const fake = new FakeUpdater();
    fake.nextCheck = 'available';
    const answers = { download: true, install: false };
    const { p, asked } = prompts(answers);
    const { c } = controller(fake, p);
    await c.check();
    await flush();
    expect(c.state.status).toBe('downloaded');
    expect(fake.installs).toEqual([]);
    answers.install = true;
    await c.check(true);
    expect(fake.checks).toBe(1);
    expect(asked).toEqual(['download 0.2.0', 'install 0.2.0', 'install 0.2.0']);
    expect(fake.installs).toHaveLength(1);
  });

  it('tells the user "up to date" only when asked from the menu', async () => {
    const fake = new FakeUpdater();
    const quiet = prompts({ download: true, install: true });
    const { c } = controller(fake, quiet.p);
    await c.check(false);
    expect(c.state).toEqual({ status: 'not-available', currentVersion: '0.1.0' });
    expect(quiet.told).toEqual([]);
    await c.check(true);
    expect(quiet.told).toEqual([['info', 'Kinerja sudah versi terbaru (0.1.0).']]);
  });

  it('turns errors into Indonesian messages and can check again afterwards', async () => {
    const fake = new FakeUpdater();
    fake.nextCheck = new Error('getaddrinfo ENOTFOUND kinerja-server');
    const { p, told } = prompts({ download: true, install: true });
    const { c } = controller(fake, p);
    await c.check(true);
    expect(c.state).toEqual({ status: 'error', message: expect.stringContaining('tidak dapat dihubungi') });
    expect(told[0]?.[0]).toBe('error');
    fake.nextCheck = 'none';
    await c.check();
    expect(c.state.status).toBe('not-available');
  });

  it('reports a failed download', async () => {
    const fake = new FakeUpdater();
    fake.nextCheck = 'available';
    fake.downloadFails = new Error('sha512 checksum mismatch');
    const { c } = controller(fake, prompts({ download: true, install: true }).p);
    await c.check();
    await flush();
    expect(c.state).toEqual({ status: 'error', message: expect.stringContaining('sha512') });
  });

  it('does nothing at all when disabled', async () => {
    const fake = new FakeUpdater();
    const { p, told } = prompts({ download: true, install: true });
    const c = new UpdateController(fake, p, { currentVersion: '0.1.0', availability: { enabled: false, reason: 'tidak terpasang' } });
    await c.check(true);
    expect(fake.checks).toBe(0);
    expect(fake.autoInstallOnAppQuit).toBe(true); // untouched: nothing was configured
    expect(c.state).toEqual({ status: 'disabled', reason: 'tidak terpasang' });
    expect(told).toEqual([['info', 'tidak terpasang']]);
  });
});

describe('state transitions', () => {
  const v = '0.1.0';
  it('ignores a check while downloading and late progress after the download', () => {
    const downloading: UpdateState = { status: 'downloading', version: '2', percent: 5, transferred: 1, total: 2, bytesPerSecond: 1 };
    expect(nextUpdateState(downloading, { type: 'check' }, v)).toBe(downloading);
    const done: UpdateState = { status: 'downloaded', version: '2' };
    expect(nextUpdateState(done, { type: 'progress', progress: { percent: 50, transferred: 1, total: 2, bytesPerSecond: 1 } }, v)).toBe(done);
  });
  it('clamps progress to 0..100 and only downloads what is available', () => {
    const downloading = nextUpdateState({ status: 'available', version: '2' }, { type: 'download' }, v);
    expect(downloading.status).toBe('downloading');
    expect(nextUpdateState(downloading, { type: 'progress', progress: { percent: 140, transferred: 1, total: 1, bytesPerSecond: 1 } }, v)).toMatchObject({ percent: 100 });
    expect(nextUpdateState({ status: 'idle' }, { type: 'download' }, v)).toEqual({ status: 'idle' });
  });
  it('a disabled updater stays disabled', () => {
    const disabled: UpdateState = { status: 'disabled', reason: 'x' };
    expect(nextUpdateState(disabled, { type: 'check' }, v)).toBe(disabled);
    expect(nextUpdateState(disabled, { type: 'error', message: 'y' }, v)).toBe(disabled);
  });
});

describe('availability and feed URL', () => {
  it('is off unless packaged, and off under tests', () => {
    expect(updaterAvailability({ isPackaged: false, env: {} }).enabled).toBe(false);
    expect(updaterAvailability({ isPackaged: true, env: {} }).enabled).toBe(true);
    expect(updaterAvailability({ isPackaged: true, env: { NODE_ENV: 'test' } }).enabled).toBe(false);
    expect(updaterAvailability({ isPackaged: true, env: { KINERJA_E2E: '1' } }).enabled).toBe(false);
    expect(updaterAvailability({ isPackaged: true, env: { KINERJA_DISABLE_UPDATES: '1' } }).enabled).toBe(false);
  });

  it('takes the environment first, then update.json, else the built-in URL', () => {
    expect(resolveFeedUrl({ env: { KINERJA_UPDATE_URL: 'http://10.0.0.5:8080/updates' }, configFileText: '{"url":"http://x/"}' })).toEqual({
      url: 'http://10.0.0.5:8080/updates/',
      problem: null,
    });
    expect(resolveFeedUrl({ env: {}, configFileText: '{"url":"https://bkpsdm.example.go.id/updates/"}' }).url).toBe('https://bkpsdm.example.go.id/updates/');
    expect(resolveFeedUrl({ env: {}, configFileText: null })).toEqual({ url: null, problem: null });
    expect(resolveFeedUrl({ env: {}, configFileText: 'bukan json' }).problem).toMatch(/update\.json/);
    expect(resolveFeedUrl({ env: { KINERJA_UPDATE_URL: 'file:///c:/x' }, configFileText: null }).problem).toMatch(/tidak sah/);
  });

  it('accepts only plain http(s) URLs', () => {
    expect(normalizeFeedUrl('ftp://x/')).toBeNull();
    expect(normalizeFeedUrl('http://u:p@x/')).toBeNull();
    expect(normalizeFeedUrl('http://x/updates/?a=1')).toBeNull();
    expect(normalizeFeedUrl(42)).toBeNull();
    expect(normalizeFeedUrl(' http://server:8080/updates ')).toBe('http://server:8080/updates/');
  });
});
