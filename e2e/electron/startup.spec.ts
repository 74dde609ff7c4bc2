import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { electronSkipReason, hasElectron, hasNativeBinding, launchApp, nativeSkipReason, type LaunchedApp } from './app';

test.describe('desktop app start', () => {
  test.skip(!hasElectron, electronSkipReason);
  test.skip(!hasNativeBinding, nativeSkipReason);

  let launched: LaunchedApp | null = null;
  test.afterEach(async () => {
    await launched?.close();
    launched = null;
  });

  test('opens the database in the folder KINERJA_DATA_DIR names and answers setup.status', async () => {
    launched = await launchApp();
    const page = await launched.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const reply = await page.evaluate(() => (window as unknown as { kinerja: { call(n: string, i: unknown): Promise<unknown> } }).kinerja.call('setup.status', {}));
    expect(reply).toEqual({ ok: true, result: { initialized: false, officeName: null } });
    expect(fs.existsSync(path.join(launched.dataDir, 'kinerja.db'))).toBe(true);
  });

  test('shows a clear page, not a crash, for a database from a newer Kinerja', async () => {
    launched = await launchApp((dataDir) => {
      const db = new Database(path.join(dataDir, 'kinerja.db'));
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      db.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run('masa depan', new Date().toISOString());
      db.close();
    });
    const page = await launched.app.firstWindow();
    await expect(page.locator('main[data-reason="NEWER_SCHEMA"]')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('lebih baru');
    await expect(page.getByRole('link', { name: 'Coba lagi' })).toBeVisible();
  });

  test('shows the corrupt-database page with the way out', async () => {
    launched = await launchApp((dataDir) => fs.writeFileSync(path.join(dataDir, 'kinerja.db'), 'ini bukan basis data'.repeat(400)));
    const page = await launched.app.firstWindow();
    await expect(page.locator('main[data-reason="CORRUPT"]')).toBeVisible();
    await expect(page.getByRole('link', { name: /Pulihkan dari berkas cadangan/ })).toBeVisible();
  });
});
