import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  appOrigin,
  contentSecurityPolicy,
  decideWindowOpen,
  isAppOrigin,
  isExternalLinkAllowed,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSender,
  isWebviewAllowed,
  isWellFormedCall,
  isWellFormedFileRequest,
  mimeTypeOf,
  resolveAppFile,
  secureWebPreferences,
} from './security';

describe('navigation stays inside the app origin', () => {
  it('allows the app itself and its client-side routes', () => {
    expect(isNavigationAllowed(appEntryUrl)).toBe(true);
    expect(isNavigationAllowed(`${appOrigin}/pegawai/123?tab=skp#x`)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://kinerja.evil.com/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it('allows the dev server only when the policy names it', () => {
    expect(isAppOrigin('http://localhost:5173/x')).toBe(false);
    expect(isAppOrigin('http://localhost:5173/x', { devServerOrigin: 'http://localhost:5173' })).toBe(true);
    expect(isAppOrigin('http://localhost:5174/x', { devServerOrigin: 'http://localhost:5173' })).toBe(false);
  });
});

describe('external links', () => {
  it('opens allowlisted https hosts only', () => {
    expect(isExternalLinkAllowed('https://peraturan.bpk.go.id/Details/123')).toBe(true);
    expect(isExternalLinkAllowed('https://WWW.BKN.GO.ID/berita')).toBe(true);
  });

  it.each([
    'http://peraturan.bpk.go.id/',
    'https://peraturan.bpk.go.id.evil.com/',
    'https://evil.com/?peraturan.bpk.go.id',
    'https://user:pw@peraturan.bpk.go.id/',
    'https://peraturan.bpk.go.id:8443/',
    'file://peraturan.bpk.go.id/c$/windows',
    'ms-msdt:/id PCWDiagnostic',
    'smb://peraturan.bpk.go.id/share',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(isExternalLinkAllowed(url)).toBe(false);
  });

  it('window.open is always denied; allowlisted links go to the system browser, normalised', () => {
    expect(decideWindowOpen('https://peraturan.bpk.go.id/a b')).toEqual({ action: 'deny', openExternally: 'https://peraturan.bpk.go.id/a%20b' });
    expect(decideWindowOpen('https://evil.com/')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen(`${appOrigin}/index.html`)).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('IPC sender check', () => {
  it('trusts only the top frame showing the app origin', () => {
    expect(isTrustedSender({ url: appEntryUrl, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: appEntryUrl, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.com/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('checks the shape of a call before anything reads it', () => {
    expect(isWellFormedCall('auth.login', { login: 'x' })).toBe(true);
    expect(isWellFormedCall('setup.status', undefined)).toBe(true);
    expect(isWellFormedCall('__proto__', {})).toBe(false);
    expect(isWellFormedCall('auth.login/../x', {})).toBe(false);
    expect(isWellFormedCall(42, {})).toBe(false);
    expect(isWellFormedCall('auth.login', 'string input')).toBe(false);
    expect(isWellFormedCall(`a.${'b'.repeat(200)}`, {})).toBe(false);
  });

  it('checks the shape of a kinerja:file request: a download name and a small query of strings', () => {
    expect(isWellFormedFileRequest('skp.pdf', { skpId: 'abc' })).toBe(true);
    expect(isWellFormedFileRequest('evaluasi-batch.pdf', { yearId: 'y', period: 'Q1' })).toBe(true);
    expect(isWellFormedFileRequest('people.export.xlsx', { status: ['aktif', 'cuti'] })).toBe(true);
    expect(isWellFormedFileRequest('people.template.xlsx', undefined)).toBe(true);
    expect(isWellFormedFileRequest('../kinerja.db', {})).toBe(false);
    expect(isWellFormedFileRequest('evidence/..', {})).toBe(false);
    expect(isWellFormedFileRequest('SKP.PDF', {})).toBe(false);
    expect(isWellFormedFileRequest(7, {})).toBe(false);
    expect(isWellFormedFileRequest('skp.pdf', 'skpId=1')).toBe(false);
    expect(isWellFormedFileRequest('skp.pdf', ['x'])).toBe(false);
    expect(isWellFormedFileRequest('skp.pdf', { skpId: { nested: 1 } })).toBe(false);
    expect(isWellFormedFileRequest('skp.pdf', { skpId: 1 })).toBe(false);
    expect(isWellFormedFileRequest('skp.pdf', { __proto__x: 'a', ['__proto__']: 'b' })).toBe(false);
    expect(isWellFormedFileRequest('skp.pdf', { skpId: 'x'.repeat(2001) })).toBe(false);
    expect(isWellFormedFileRequest('skp.pdf', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])))).toBe(false);
  });
});

describe('app:// protocol path guard', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-proto-'));
  fs.mkdirSync(path.join(root, 'assets'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('serves files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://kinerja/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://kinerja/index.html')).toBe(path.join(root, 'index.html'));
  });

  it('gives client-side routes the app shell', () => {
    expect(resolveAppFile(root, 'app://kinerja/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://kinerja/pegawai/123')).toBe(path.join(root, 'index.html'));
  });

  it.each(['app://kinerja/../secret.txt', 'app://kinerja/%2e%2e/secret.txt', 'app://kinerja/assets/%2e%2e/%2e%2e/secret.txt'])(
    'clamps dot segments the URL parser resolves (%s) to the root, never above it',
    (url) => {
      expect(resolveAppFile(root, url)).toBe(path.join(root, 'secret.txt'));
    },
  );

  it.each([
    'app://kinerja/assets/..%2f..%2fsecret.txt',
    'app://kinerja/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kinerja/..%5c..%5csecret.txt',
    'app://kinerja/assets%5c..%5c..%5csecret.txt',
    'app://kinerja/index.html%00.png',
    'app://kinerja/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://kinerja/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('knows the content types it serves', () => {
    expect(mimeTypeOf('a/index.html')).toMatch(/text\/html/);
    expect(mimeTypeOf('a/x.JS')).toMatch(/javascript/);
    expect(mimeTypeOf('a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allows scripts only from the app, never inline or eval', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
  });

  it('forbids plugins, frames and foreign connections', () => {
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
  });

  it('names the dev server only when one is given', () => {
    expect(csp).not.toContain('localhost');
    expect(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' })).toContain('ws://localhost:5173');
  });
});

describe('permissions, webview and window preferences', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'fullscreen'])(
    'denies permission %s',
    (p) => {
      expect(isPermissionGranted(p)).toBe(false);
    },
  );

  it('never attaches a webview', () => {
    expect(isWebviewAllowed()).toBe(false);
  });

  it('turns every isolation feature on', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });
});
