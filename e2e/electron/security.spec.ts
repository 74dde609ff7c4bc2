import { expect, test } from '@playwright/test';
import { electronSkipReason, hasElectron, launchApp, type LaunchedApp } from './app';

// The rules themselves are unit-tested in electron/main/security.test.ts; here the real shell
// proves it applies them.
test.describe('desktop shell security', () => {
  test.skip(!hasElectron, electronSkipReason);

  let launched: LaunchedApp;
  test.beforeEach(async () => {
    launched = await launchApp();
  });
  test.afterEach(async () => {
    await launched?.close();
  });

  test('loads the renderer from app://kinerja with no Node in the page', async () => {
    const page = await launched.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/kinerja\//);
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridgeKeys: Object.keys((window as unknown as { kinerja?: object }).kinerja ?? {}).sort(),
      platform: (window as unknown as { kinerja?: { platform: string } }).kinerja?.platform,
    }));
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.platform).toBe('desktop');
    expect(globals.bridgeKeys).toEqual(['call', 'file', 'fileJob', 'onMenu', 'platform']);
  });

  test('sends the strict CSP with the app files', async () => {
    const page = await launched.app.firstWindow();
    const csp = await page.evaluate(async () => (await fetch('app://kinerja/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  test('refuses navigation to another origin', async () => {
    const page = await launched.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
  });

  test('refuses window.open and opens no second window', async () => {
    const page = await launched.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const opened = await page.evaluate(() => window.open('https://example.com/', '_blank') === null);
    await page.waitForTimeout(500);
    expect(opened).toBe(true);
    expect(launched.app.windows()).toHaveLength(1);
    const sameOrigin = await page.evaluate(() => window.open('app://kinerja/index.html') === null);
    expect(sameOrigin).toBe(true);
    expect(launched.app.windows()).toHaveLength(1);
  });

  test('runs the window with isolation, sandbox and no webview', async () => {
    const prefs = await launched.app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
      return contents.getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  test('denies permission requests', async () => {
    const page = await launched.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const result = await page.evaluate(async () => {
      const notification = await Notification.requestPermission();
      const media = await navigator.mediaDevices
        .getUserMedia({ audio: true })
        .then(() => 'granted')
        .catch(() => 'denied');
      return { notification, media };
    });
    expect(result).toEqual({ notification: 'denied', media: 'denied' });
  });

  test('answers bridge calls from the app origin with typed results', async () => {
    const page = await launched.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const reply = await page.evaluate(() => (window as unknown as { kinerja: { call(n: string, i: unknown): Promise<unknown> } }).kinerja.call('nggak.ada', {}));
    expect(reply).toMatchObject({ ok: false, error: { code: expect.any(String) } });
  });
});
