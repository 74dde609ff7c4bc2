import { admin, expect, kinerja, login, test } from './fixtures';

test('the office admin backs up from the admin screen, sees size and kind, and schedules a restore', async ({ page, officeServer }) => {
  await login(page, officeServer, admin.nip, admin.password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.getByRole('link', { name: 'Cadangan Data' }).click();
  await expect(page.getByRole('heading', { name: 'Cadangan Data' })).toBeVisible();
  await expect(page.getByText('Belum ada cadangan.', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  const row = page.getByTestId('backup-row').first();
  await expect(row).toContainText('Manual');
  await expect(row).toContainText(/\d+ KB/);
  await expect(row).toContainText('bukti dukung 0 berkas');

  // The CLI sees the same backup in the served data folder.
  expect(kinerja(['backup', '--data', officeServer.dataDir, '--list'])).toMatch(/-manual/);

  await row.getByRole('button', { name: 'Pulihkan' }).click();
  await expect(page.getByRole('dialog', { name: 'Pulihkan cadangan ini?' })).toContainText('dijalankan ulang');
  await page.getByRole('button', { name: 'Ya, pulihkan' }).click();
  await expect(page.getByTestId('backup-pending-restore')).toContainText('Hentikan lalu jalankan kembali server');
});
