import { admin, expect, kinerja, login, test } from './fixtures';

test('first-run setup creates the office and signs the administrator in', async ({ page, emptyServer }) => {
  await page.goto(emptyServer.url);
  await expect(page.getByRole('heading', { name: 'Penyiapan Pertama' })).toBeVisible();
  await page.getByLabel('Nama instansi').fill('Badan Kepegawaian dan Pengembangan SDM Kota Langsa');
  await page.getByLabel('NIP').fill('19800101 200501 1 00');
  await page.getByLabel('Nama lengkap dengan gelar').fill('Cut Nyak Meutia, S.H.');
  await page.getByLabel(/^Kata sandi/).fill('Langsa2026');
  await page.getByLabel('Ulangi kata sandi').fill('Langsa2026');
  await page.getByRole('button', { name: 'Siapkan kantor' }).click();
  // A 17-digit NIP is refused in the form, with the reason in Indonesian.
  await expect(page.getByText('NIP harus 18 angka (sekarang 17 angka).')).toBeVisible();
  await page.getByLabel('NIP').fill('19800101 200501 2 001');
  await expect(page.getByText('Lahir 1 Januari 1980, perempuan')).toBeVisible();
  await page.getByRole('button', { name: 'Siapkan kantor' }).click();
  await expect(page.getByRole('heading', { name: /Cut Nyak Meutia/ })).toBeVisible();
  await expect(page.getByText('Pengelola Kinerja').first()).toBeVisible();
  // The office exists on disk: the CLI sees an intact audit chain with the setup and login rows.
  expect(kinerja(['audit', 'verify', '--data', emptyServer.dataDir])).toContain('Rantai audit utuh');
});

test('login, wrong password, logout', async ({ page, officeServer }) => {
  await login(page, officeServer, admin.nip, 'salah-sekali-1');
  await expect(page.getByRole('alert')).toContainText('NIP/nama pengguna atau kata sandi salah.');
  await page.getByLabel(/^Kata sandi/).fill(admin.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(admin.name.replace('.', '\\.')) })).toBeVisible();
  await expect(page.getByText('NIP 19860926 201505 1 001')).toBeVisible();
  // A reload keeps the session (HttpOnly cookie), then logout ends it.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Kinerja' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Masuk ke Kinerja' })).toBeVisible();
});

test('change password, then sign in with the new one only', async ({ page, officeServer }) => {
  await login(page, officeServer, admin.nip, admin.password);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Ganti kata sandi' }).click();
  await page.getByLabel('Kata sandi lama').fill('bukan-sandi-1');
  await page.getByLabel(/^Kata sandi baru/).fill('SandiBaru2027');
  await page.getByLabel('Ulangi kata sandi baru').fill('SandiBaru2027');
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(page.getByText('Kata sandi lama salah.').first()).toBeVisible();
  await page.getByLabel('Kata sandi lama').fill(admin.password);
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(page.getByText('Kata sandi berhasil diganti.')).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await login(page, officeServer, admin.nip, admin.password);
  await expect(page.getByRole('alert')).toContainText('kata sandi salah');
  await page.getByLabel(/^Kata sandi/).fill('SandiBaru2027');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
});
