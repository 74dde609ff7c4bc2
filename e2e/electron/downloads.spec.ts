import { expect, test } from '@playwright/test';
import { electronSkipReason, hasElectron, hasNativeBinding, launchApp, nativeSkipReason, type LaunchedApp } from './app';

// The handlers are unit-tested on a real office in electron/main/bridge.test.ts; here the real
// preload and main prove the `kinerja:file` channel is wired: a signed-in window gets the bytes,
// an unknown name and a signed-out window get the Indonesian refusals.
test.describe('desktop downloads over the bridge', () => {
  test.skip(!hasElectron, electronSkipReason);
  test.skip(!hasNativeBinding, nativeSkipReason);

  let launched: LaunchedApp | null = null;
  test.afterEach(async () => {
    await launched?.close();
    launched = null;
  });

  test('the import template comes over kinerja:file for the signed-in admin', async () => {
    launched = await launchApp();
    const page = await launched.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const result = await page.evaluate(async () => {
      type Bridge = {
        call(n: string, i: unknown): Promise<{ ok: boolean }>;
        file(n: string, q: Record<string, string>): Promise<{ ok: true; fileName: string; contentType: string; bytes: Uint8Array } | { ok: false; error: { code: string; message: string } }>;
      };
      const k = (window as unknown as { kinerja: Bridge }).kinerja;
      const anonymous = await k.file('people.template.xlsx', {});
      await k.call('setup.create', { officeName: 'Dinas Uji Kota Langsa', officeCode: 'DUJI', adminNip: '198001012005011001', adminName: 'Pengelola Uji', adminPassword: 'Rahasia-Kantor-7' });
      await k.call('auth.login', { login: '198001012005011001', password: 'Rahasia-Kantor-7' });
      const template = await k.file('people.template.xlsx', {});
      const unknown = await k.file('gaji.pdf', {});
      return {
        anonymous,
        template: template.ok ? { fileName: template.fileName, contentType: template.contentType, head: String.fromCharCode(...template.bytes.slice(0, 2)) } : template,
        unknown,
      };
    });
    expect(result.anonymous).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } });
    expect(result.template).toMatchObject({ fileName: expect.stringMatching(/^templat-impor-pegawai-.*\.xlsx$/), contentType: expect.stringMatching(/spreadsheetml/), head: 'PK' });
    expect(result.unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('tidak dikenal') } });
  });
});
