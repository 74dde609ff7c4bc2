import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { admin, expect, login, test, type Server } from './fixtures';

/**
 * People and organisation in Chromium, as the office admin: building the structure and seeing the
 * appraisal chain, and importing employees from Excel (one bad NIP: a report and nothing saved;
 * 200 good rows: all of them saved).
 */
test.describe.configure({ timeout: 120_000 });

async function api(server: Server) {
  const ctx = await request.newContext({ baseURL: server.url });
  const r = await ctx.post('api/auth.login', { data: { login: admin.nip, password: admin.password } });
  const csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  const call = async <T = Record<string, unknown>>(name: string, input: unknown): Promise<T> => {
    const res = await ctx.post(`api/${name}`, { data: input ?? {}, headers: { 'x-csrf-token': csrf } });
    const body = await res.json();
    if (!res.ok()) throw new Error(`${name} failed (${res.status()}): ${JSON.stringify(body)}`);
    return body as T;
  };
  return { call, dispose: () => ctx.dispose() };
}

/** The head of office (held) and the office profile, so a chain has somewhere to go. */
async function baseline(server: Server): Promise<void> {
  const a = await api(server);
  try {
    const head = (await a.call<{ position: { id: string } }>('org.createPosition', { name: 'Kepala Dinas Pendidikan dan Kebudayaan', type: 'jpt_pratama', isHead: true })).position;
    await a.call('people.create', {
      nip: '197002101994111008',
      frontTitle: 'Drs. H.',
      name: 'Teuku Muhammad Syahrial',
      backTitle: 'M.Pd.',
      golongan: 'IV/c',
      assignment: { positionId: head.id, startDate: '2024-01-02' },
    });
    const office = (await a.call<{ office: { version: number } }>('org.getOffice', {})).office;
    await a.call('org.updateOffice', {
      version: office.version,
      headAppraiserName: 'Ir. H. Teuku Syarbaini Usman, M.Si.',
      headAppraiserPosition: 'Sekretaris Daerah Kota Langsa',
      headAppraiserSuperiorName: 'Wali Kota Langsa',
    });
    const unit = (await a.call<{ unit: { id: string } }>('org.createUnit', { name: 'Subbagian Umum dan Kepegawaian', kind: 'subbagian', code: 'SEK.1' })).unit;
    const kasub = (await a.call<{ position: { id: string } }>('org.createPosition', { name: 'Kepala Subbagian Umum dan Kepegawaian', type: 'pengawas', unitId: unit.id, reportsToPositionId: head.id })).position;
    await a.call('people.create', { nip: '198112172007062015', name: 'Nurhayati Abdullah', backTitle: 'S.Pd.', golongan: 'III/d', assignment: { positionId: kasub.id, startDate: '2024-01-02' } });
    await a.call('org.createPosition', { name: 'Pengadministrasi Perkantoran', type: 'pelaksana', unitId: unit.id, reportsToPositionId: kasub.id });
  } finally {
    await a.dispose();
  }
}

async function signIn(page: Page, server: Server) {
  await login(page, server, admin.nip, admin.password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Picks an option of a Mantine Select by its label, typing first when it is searchable. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string | RegExp, option: string, type?: string) {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an admin adds a unit, a position and an employee, and sees the appraisal chain on the employee page', async ({ page, officeServer }) => {
  await baseline(officeServer);
  await signIn(page, officeServer);

  // A unit under the office.
  await page.getByRole('link', { name: 'Unit Kerja' }).click();
  await expect(page.getByTestId('office-card')).toContainText('Teuku Muhammad Syahrial');
  await page.getByRole('button', { name: 'Tambah unit kerja' }).first().click();
  let dialog = page.getByRole('dialog', { name: 'Tambah unit kerja' });
  await dialog.getByRole('textbox', { name: 'Nama unit kerja' }).fill('Bidang Pembinaan Sekolah Dasar');
  await choose(page, dialog, 'Jenis unit', 'Bidang');
  await dialog.getByRole('textbox', { name: 'Kode (opsional)' }).fill('SD');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Unit kerja Bidang Pembinaan Sekolah Dasar tersimpan.')).toBeVisible();
  await expect(page.getByTestId('unit-Bidang Pembinaan Sekolah Dasar')).toContainText('Belum ada jabatan pimpinan');

  // Its head's position, reporting to the Kepala Dinas. A bad level first: a field error in Indonesian.
  await page.getByRole('link', { name: 'Jabatan' }).click();
  await page.getByRole('button', { name: 'Tambah jabatan' }).first().click();
  dialog = page.getByRole('dialog', { name: 'Tambah jabatan' });
  await dialog.getByRole('textbox', { name: 'Nama jabatan' }).fill('Kepala Bidang Pembinaan Sekolah Dasar');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Pilih jenis jabatan.')).toBeVisible();
  await choose(page, dialog, 'Jenis jabatan', 'Administrator');
  await choose(page, dialog, 'Unit kerja', 'Bidang Pembinaan Sekolah Dasar', 'Pembinaan');
  await choose(page, dialog, 'Jabatan atasan', 'Kepala Dinas Pendidikan dan Kebudayaan', 'Kepala Dinas');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Jabatan Kepala Bidang Pembinaan Sekolah Dasar tersimpan.')).toBeVisible();
  await expect(page.getByTestId('position-Kepala Bidang Pembinaan Sekolah Dasar')).toContainText('Kosong');

  // The employee, placed in that position; a NIP whose sex digit disagrees is refused first.
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByRole('button', { name: 'Tambah pegawai' }).click();
  dialog = page.getByRole('dialog', { name: 'Tambah pegawai' });
  await dialog.getByRole('textbox', { name: 'NIP' }).fill('19690813 199403 3 005');
  await expect(dialog.getByText(/angka ke-15 \(jenis kelamin\) harus 1/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'NIP' }).fill('19691113 199501 1 005');
  await expect(dialog.getByText(/Lahir 13 November 1969/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Gelar depan' }).fill('Drs.');
  await dialog.getByRole('textbox', { name: 'Nama (tanpa gelar)' }).fill('Hasanuddin Daud');
  await dialog.getByRole('textbox', { name: 'Gelar belakang' }).fill('M.Pd.');
  await choose(page, dialog, 'Pangkat / Golongan Ruang', 'IV/b - Pembina Tingkat I', 'IV/b');
  await choose(page, dialog, 'Jabatan (opsional)', 'Kepala Bidang Pembinaan Sekolah Dasar — Bidang Pembinaan Sekolah Dasar', 'Kepala Bidang');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Drs. Hasanuddin Daud, M.Pd. ditambahkan.')).toBeVisible();

  // The employee page: position and the chain (the Kepala Dinas, then the Sekda from the profile).
  await expect(page.getByTestId('employee-name')).toHaveText('Drs. Hasanuddin Daud, M.Pd.');
  await expect(page.getByTestId('assignments')).toContainText('Kepala Bidang Pembinaan Sekolah Dasar');
  await expect(page.getByTestId('chain-appraiser')).toContainText('Drs. H. Teuku Muhammad Syahrial, M.Pd.');
  await expect(page.getByTestId('chain-appraiser')).toContainText('Kepala Dinas Pendidikan dan Kebudayaan');
  await expect(page.getByTestId('chain-atasan')).toContainText('Ir. H. Teuku Syarbaini Usman, M.Si.');
  await expect(page.getByTestId('chain-atasan')).toContainText('Di luar instansi');
  await expect(page.getByTestId('history')).toContainText('Ditempatkan sebagai Kepala Bidang Pembinaan Sekolah Dasar');

  // The unit tree now names its head.
  await page.getByRole('link', { name: 'Unit Kerja' }).click();
  await expect(page.getByTestId('unit-Bidang Pembinaan Sekolah Dasar')).toContainText('Drs. Hasanuddin Daud, M.Pd.');
});

async function workbook(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pegawai');
  ws.addRow(['NIP', 'Nama', 'Golongan Ruang', 'Unit Kerja', 'Jabatan', 'TMT Jabatan']);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).numFmt = '@';
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-xlsx-')), 'pegawai.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

function staffRow(i: number): string[] {
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  const sex = i % 2 ? '1' : '2';
  return [`1990${month}${day}2015${month}${sex}${String(i + 1).padStart(3, '0')}`, `Pegawai Impor ${String(i + 1).padStart(3, '0')}`, 'II/c', 'Subbagian Umum dan Kepegawaian', 'Pengadministrasi Perkantoran', '2025-01-02'];
}

async function openImport(page: Page, server: Server) {
  await signIn(page, server);
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByRole('link', { name: 'Impor' }).click();
  await expect(page.getByRole('heading', { name: 'Impor Pegawai dari Excel' })).toBeVisible();
}

test('importing a file with one bad NIP names the row and imports nothing; the template downloads', async ({ page, officeServer }) => {
  await baseline(officeServer);
  const rows = Array.from({ length: 10 }, (_, i) => staffRow(i));
  rows[3]![0] = '19900404 201513 2 004'; // TMT month 13: spreadsheet row 5
  const file = await workbook(rows);
  await openImport(page, officeServer);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh templat .xlsx' }).click();
  expect((await download).suggestedFilename()).toMatch(/^templat-impor-pegawai-.*\.xlsx$/);

  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('1 baris perlu diperbaiki (1 masalah). Tidak ada data yang disimpan.');
  const problems = page.getByTestId('import-problems');
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(problems.getByRole('row').nth(1)).toContainText('5');
  await expect(problems.getByRole('row').nth(1)).toContainText('NIP');
  await expect(problems.getByRole('row').nth(1)).toContainText('bulan TMT CPNS');
  await expect(result.getByRole('button', { name: /^Impor/ })).toHaveCount(0);

  // Nothing was saved: no imported name is in the list, which holds the baseline's people only.
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await expect(page.getByTestId('people-count')).toHaveText('Menampilkan 1–3 dari 3');
  await page.getByRole('textbox', { name: 'Cari nama atau NIP' }).fill('Pegawai Impor');
  await expect(page.getByTestId('empty-state')).toContainText('Tidak ada pegawai yang cocok');
});

test('importing a good file of 200 rows saves them all, and they appear in the list', async ({ page, officeServer }) => {
  await baseline(officeServer);
  const file = await workbook(Array.from({ length: 200 }, (_, i) => staffRow(i)));
  await openImport(page, officeServer);
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Semua 200 baris valid.');
  await expect(page.getByTestId('import-result')).toContainText('200 pegawai baru, 0 diperbarui, 0 tidak berubah, 200 penempatan jabatan.');
  await page.getByRole('button', { name: 'Impor 200 baris' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Impor selesai: 200 pegawai baru, 0 diperbarui, 0 tidak berubah.');

  await page.getByRole('link', { name: 'Lihat daftar pegawai' }).click();
  await page.getByRole('textbox', { name: 'Cari nama atau NIP' }).fill('Pegawai Impor');
  await expect(page.getByTestId('people-count')).toHaveText('Menampilkan 1–50 dari 200');
  await expect(page.getByTestId('people-table')).toContainText('Pegawai Impor 001');
  await expect(page.getByTestId('people-table')).toContainText('Pengadministrasi Perkantoran');
  // Sorting by NIP descending and paging work on the server.
  await page.getByRole('button', { name: 'Urutkan menurut NIP' }).click();
  await page.getByRole('button', { name: 'Urutkan menurut NIP' }).click();
  await page.getByRole('button', { name: '4' }).click();
  await expect(page.getByTestId('people-count')).toHaveText('Menampilkan 151–200 dari 200');
});
