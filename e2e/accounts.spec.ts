import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { admin, expect, login, test } from './fixtures';

/**
 * Akun untuk pegawai baru (docs/spec/operations.md §8), di Chromium: Pengelola Kinerja mengimpor dua pegawai
 * dari Excel, membuat akun satu pegawai dari halaman pegawainya dan akun pegawai lainnya dengan
 * "Buat akun untuk semua pegawai tanpa akun"; setiap kali slip kata sandi sementara (PDF) terunduh.
 * Pegawai baru masuk dengan kata sandi dari slip dan wajib menggantinya lebih dulu.
 */
test.describe.configure({ timeout: 240_000 });

const baru = [
  { nip: '199203142019031004', name: 'Fajar Ramadhan' },
  { nip: '199507222020122011', name: 'Intan Permatasari' },
];

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pegawai');
  ws.addRow(['NIP', 'Nama', 'Golongan Ruang']);
  for (const p of baru) ws.addRow([p.nip, p.name, 'III/a']);
  ws.getColumn(1).numFmt = '@';
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-akun-')), 'pegawai-baru.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The slip's text (pdftotext), and the temporary password printed for `name`. */
async function slipPassword(download: Download, name: string): Promise<{ text: string; password: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-slip-')), download.suggestedFilename());
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const block = text.slice(text.indexOf(name));
  const password = /Kata sandi sementara\s+([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})/.exec(block)?.[1];
  if (!password) throw new Error(`no password for ${name} in the slip:\n${text}`);
  return { text, password };
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Kinerja' })).toBeVisible();
}

test('pegawai baru diimpor, diberi akun, slip dicetak, lalu masuk pertama kali dan wajib mengganti kata sandi', async ({ page, officeServer }) => {
  await login(page, officeServer, admin.nip, admin.password);
  await expect(page.getByTestId('user-menu')).toBeVisible();

  // Impor dua pegawai baru dari Excel.
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByRole('link', { name: 'Impor' }).click();
  await page.locator('input[type="file"]').setInputFiles(await workbook());
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Semua 2 baris valid.', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Impor 2 baris' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Impor selesai: 2 pegawai baru', { timeout: 30_000 });

  // Akun Pengguna menunjukkan siapa yang belum dapat masuk.
  await page.getByRole('link', { name: 'Akun Pengguna', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Akun Pengguna', level: 1 })).toBeVisible();
  const without = page.getByTestId('without-account');
  await expect(without).toContainText('Pegawai tanpa akun (2)');
  await expect(without).toContainText('Fajar Ramadhan');
  await expect(without).toContainText('Intan Permatasari');

  // Satu akun dari halaman pegawai: slip satu orang terunduh.
  await without.getByRole('link', { name: 'Fajar Ramadhan' }).click();
  const section = page.getByTestId('employee-account');
  await expect(section).toContainText('Fajar Ramadhan belum memiliki akun');
  await section.getByRole('button', { name: 'Buat akun' }).click();
  let dialog = page.getByRole('dialog', { name: 'Buat akun untuk Fajar Ramadhan' });
  await expect(dialog).toContainText('tidak dapat dicetak ulang');
  let downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Buat akun dan unduh slip' }).click();
  const fajarSlip = await downloading;
  expect(fajarSlip.suggestedFilename()).toMatch(/^slip-akun-199203142019031004-\d{4}-\d{2}-\d{2}\.pdf$/);
  const fajar = await slipPassword(fajarSlip, 'Fajar Ramadhan');
  expect(fajar.text).toContain('AKUN KINERJA: KATA SANDI SEMENTARA');
  expect(fajar.text).toContain(new URL(officeServer.url).origin);
  await expect(page.getByText('Akun Fajar Ramadhan dibuat.')).toBeVisible();
  await expect(section).toContainText('Wajib ganti kata sandi');
  await expect(section).toContainText('Masuk dengan NIP 19920314 201903 1 004');

  // Sisanya sekaligus dari Akun Pengguna.
  await page.getByRole('link', { name: 'Akun Pengguna', exact: true }).click();
  await page.getByRole('button', { name: 'Buat akun untuk semua pegawai tanpa akun (1)' }).click();
  dialog = page.getByRole('dialog', { name: 'Buat akun untuk 1 pegawai' });
  downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Buat 1 akun dan unduh slip' }).click();
  const intan = await slipPassword(await downloading, 'Intan Permatasari');
  expect(intan.text).not.toContain('Fajar Ramadhan');
  await expect(page.getByTestId('without-account')).toHaveCount(0);

  // Pencarian dan saringan.
  await page.getByRole('textbox', { name: 'Cari akun' }).fill('intan');
  await expect(page.getByTestId('account-row')).toHaveCount(1);
  await expect(page.getByTestId('account-row')).toContainText('Intan Permatasari');
  await page.getByRole('textbox', { name: 'Cari akun' }).fill('');
  await page.getByRole('combobox', { name: 'Saring menurut status' }).click();
  await page.getByRole('option', { name: 'Wajib ganti kata sandi (2)' }).click();
  await expect(page.getByTestId('account-row')).toHaveCount(2);

  // Pegawai baru masuk dengan kata sandi dari slip: wajib menggantinya dulu.
  await signOut(page);
  await login(page, officeServer, baru[0]!.nip, fajar.password);
  await expect(page.getByText('Kata sandi Anda bersifat sementara.')).toBeVisible();
  await page.getByLabel('Kata sandi lama').fill(fajar.password);
  await page.getByLabel(/^Kata sandi baru/).fill('FajarKinerja2026');
  await page.getByLabel('Ulangi kata sandi baru').fill('FajarKinerja2026');
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(page.getByText('Kata sandi berhasil diganti.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Fajar Ramadhan/ })).toBeVisible();

  // Slip yang sama tidak berlaku lagi; kata sandi baru berlaku.
  await signOut(page);
  await login(page, officeServer, baru[0]!.nip, fajar.password);
  await expect(page.getByRole('alert')).toContainText('kata sandi salah');
  await page.getByLabel(/^Kata sandi/).fill('FajarKinerja2026');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();

  // Akun yang dinonaktifkan tidak dapat masuk.
  await signOut(page);
  await login(page, officeServer, admin.nip, admin.password);
  await page.getByRole('link', { name: 'Akun Pengguna', exact: true }).click();
  await page.getByRole('button', { name: 'Tindakan untuk akun Intan Permatasari' }).click();
  await page.getByRole('menuitem', { name: 'Nonaktifkan akun' }).click();
  dialog = page.getByRole('dialog', { name: 'Nonaktifkan akun Intan Permatasari?' });
  await dialog.getByRole('button', { name: 'Nonaktifkan akun' }).click();
  await expect(page.getByText('Akun Intan Permatasari dinonaktifkan.')).toBeVisible();
  await signOut(page);
  await login(page, officeServer, baru[1]!.nip, intan.password);
  await expect(page.getByRole('alert')).toContainText('kata sandi salah');
});
