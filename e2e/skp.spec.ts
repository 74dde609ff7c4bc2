import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { admin, e2eNow, newUserContext } from './fixtures';
import { expect, login, password, test, type Server } from './skp-office';

const year = e2eNow.getFullYear();

// Whole workflows across three users: longer than the default minute.
test.describe.configure({ timeout: 180_000 });

async function signIn(page: Page, server: Server, nip: string, pass = password) {
  await login(page, server, nip, pass);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Each person works in their own browser session, side by side, as in an office. */
async function sessionOf(browser: Browser, server: Server, nip: string): Promise<Page> {
  const context = await newUserContext(browser);
  const page = await context.newPage();
  await signIn(page, server, nip);
  return page;
}

/** The office admin opens this year from the Tahun Penilaian screen (defaults: 1 Jan - 31 Dec, Bulanan, 31 Jan). */
async function openYear(page: Page, server: Server, shells: boolean) {
  await signIn(page, server, admin.nip, admin.password);
  await page.getByRole('link', { name: 'Tahun Penilaian', exact: true }).click();
  await page.getByRole('button', { name: 'Buka Tahun Penilaian' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Buka Tahun Penilaian' });
  await expect(dialog.getByLabel(/^Tahun/)).toHaveValue(String(year));
  // Dates in Indonesian (docs/spec/terms.md §5), never the operating system's mm/dd/yyyy.
  await expect(dialog.getByLabel(/^Tanggal mulai/)).toHaveValue(`1 Januari ${year}`);
  await expect(dialog.getByLabel(/^Tanggal akhir/)).toHaveValue(`31 Desember ${year}`);
  await expect(dialog.getByLabel(/^Batas persetujuan SKP/)).toHaveValue(`31 Januari ${year}`);
  const box = dialog.getByLabel('Buat draf SKP untuk semua pegawai');
  if (shells) await box.check();
  else await box.uncheck();
  await dialog.getByRole('button', { name: 'Buka Tahun Penilaian' }).click();
  await expect(page.getByText(shells ? `Tahun Penilaian ${year} dibuka; 6 draf SKP dibuat.` : `Tahun Penilaian ${year} dibuka.`)).toBeVisible();
  await expect(page.getByTestId(`year-row-${year}`)).toContainText('Terbuka');
  await expect(page.getByTestId(`year-row-${year}`)).toContainText('31 Januari');
}

test('an employee drafts and submits, the appraiser returns it with a note, the employee revises and resubmits, the appraiser approves, the PDF downloads', async ({
  page: adminPage,
  browser,
  skpOffice,
}) => {
  const { server, employee, appraiser } = skpOffice;
  await openYear(adminPage, server, false);

  // The employee starts the plan from Beranda.
  const page = await sessionOf(browser, server, employee.nip);
  await expect(page.getByTestId('home-skp')).toContainText(`Anda belum membuat SKP ${year}.`);
  await page.getByTestId('home-skp').getByRole('link', { name: 'Buat SKP' }).click();
  const create = page.getByTestId('skp-create');
  await expect(create).toContainText(`Buat SKP ${year}`);
  await create.getByLabel('Kuantitatif').check();
  await create.getByRole('button', { name: 'Buat SKP' }).click();
  await expect(page.getByRole('heading', { name: `SKP ${year}` })).toBeVisible();
  await expect(page.getByTestId('skp-status').first()).toHaveText('Draf');
  await expect(page.getByText(appraiser.name).first()).toBeVisible();

  // One RHK Utama with a numeric indicator; the appraiser has no SKP yet, so the link comes later.
  await page.getByRole('button', { name: 'Tambah RHK' }).click();
  const drawer = page.getByRole('dialog', { name: 'Tambah Rencana Hasil Kerja' });
  await expect(drawer.getByTestId('no-parent-options')).toContainText('Anda tetap dapat menyusun dan menyimpan RHK sekarang');
  await expect(drawer.getByLabel(/^Rencana Hasil Kerja/)).toBeFocused();
  await drawer.getByLabel(/^Rencana Hasil Kerja/).fill('Terlaksananya administrasi surat masuk dan surat keluar yang tertib');
  await drawer.getByLabel(/^Indikator Kinerja Individu/).fill('Jumlah surat yang diagendakan dan didistribusikan');
  // No target yet: the backend's field error lands on the target field.
  await drawer.getByRole('button', { name: 'Simpan RHK' }).click();
  await expect(drawer.getByText('Isi target angka.')).toBeVisible();
  await drawer.getByLabel(/^Target \(batas bawah\)/).fill('1200');
  await drawer.getByLabel('Satuan').fill('surat');
  await drawer.getByLabel('Satuan').press('Enter');
  await expect(page.getByText('RHK tersimpan.')).toBeVisible();
  const utama = page.getByTestId('rhk-group-utama');
  await expect(utama).toContainText('Terlaksananya administrasi surat masuk dan surat keluar yang tertib');
  await expect(utama).toContainText('1.200 surat');
  await expect(utama).toContainText('Belum terhubung ke RHK pimpinan');

  await page.getByRole('button', { name: 'Ajukan' }).click();
  await page.getByRole('dialog', { name: 'Ajukan SKP' }).getByRole('button', { name: 'Ajukan' }).click();
  await expect(page.getByText('SKP diajukan kepada Pejabat Penilai.')).toBeVisible();
  await expect(page.getByTestId('skp-status').first()).toHaveText('Diajukan');

  // The appraiser reviews from the inbox and returns it with a note.
  const apr = await sessionOf(browser, server, appraiser.nip);
  await expect(apr.getByTestId('home-inbox')).toContainText('1 SKP menunggu persetujuan Anda.');
  await apr.getByRole('link', { name: 'Persetujuan SKP' }).click();
  await apr.getByRole('link', { name: `Tinjau SKP ${employee.name}` }).click();
  await expect(apr.getByRole('heading', { name: `SKP ${year}: ${employee.name}` })).toBeVisible();
  await apr.getByRole('button', { name: 'Kembalikan' }).click();
  const ret = apr.getByRole('dialog', { name: 'Kembalikan SKP' });
  await expect(ret.getByLabel(/^Catatan perbaikan/)).toBeFocused();
  await ret.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(ret.getByText('Catatan perbaikan wajib diisi.')).toBeVisible();
  const note = 'Tambahkan rentang target 1.200 - 1.400 surat sesuai beban kerja tahun lalu.';
  await ret.getByLabel(/^Catatan perbaikan/).fill(note);
  await ret.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(apr.getByTestId('skp-status').first()).toHaveText('Dikembalikan');

  // The employee sees the note on Beranda and on the SKP, revises and resubmits.
  await page.goto(server.url);
  await page.reload();
  await expect(page.getByTestId('home-skp')).toContainText('Dikembalikan');
  await page.getByTestId('home-skp').getByRole('link', { name: 'Buka SKP' }).click();
  await expect(page.getByTestId('return-note')).toContainText(note);
  await page.getByRole('button', { name: /^Ubah RHK/ }).click();
  const edit = page.getByRole('dialog', { name: 'Ubah Rencana Hasil Kerja' });
  await edit.getByLabel(/^Target \(batas atas\)/).fill('1400');
  await edit.getByRole('button', { name: 'Simpan RHK' }).click();
  await expect(utama).toContainText('1.200 - 1.400 surat');
  await page.getByRole('button', { name: 'Ajukan' }).click();
  await page.getByRole('dialog', { name: 'Ajukan SKP' }).getByRole('button', { name: 'Ajukan' }).click();
  await expect(page.getByTestId('skp-status').first()).toHaveText('Diajukan');

  // The appraiser approves from the inbox (with the bulk confirmation), then downloads the PDF.
  await apr.goto(`${server.url}#/persetujuan-skp`);
  await apr.reload();
  await apr.getByLabel(`Pilih SKP ${employee.name}`).check();
  await apr.getByRole('button', { name: 'Setujui yang dipilih (1)' }).click();
  const confirm = apr.getByRole('dialog', { name: 'Setujui 1 SKP?' });
  await expect(confirm).toContainText(employee.name);
  await confirm.getByRole('button', { name: 'Setujui 1 SKP' }).click();
  await expect(apr.getByText('1 SKP disetujui.')).toBeVisible();
  await expect(apr.getByText('Tidak ada SKP yang menunggu persetujuan Anda.')).toBeVisible();

  await apr.getByRole('link', { name: 'Pemantauan SKP', exact: true }).click();
  await expect(apr.getByTestId('count-disetujui')).toContainText('1');
  await apr.getByRole('link', { name: employee.name }).click();
  await expect(apr.getByTestId('skp-status').first()).toHaveText('Disetujui');
  await expect(apr.getByRole('cell', { name: 'Versi 1', exact: true })).toBeVisible();

  const [download] = await Promise.all([apr.waitForEvent('download'), apr.getByRole('link', { name: 'Unduh PDF' }).click()]);
  expect(await download.failure()).toBeNull();
  expect(download.suggestedFilename()).toMatch(/^SKP.*\.pdf$/i);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
});

test('the appraiser cascades one RHK to three appraisees at once and sees the cascade tree', async ({ page: adminPage, browser, skpOffice }) => {
  const { server, appraiser, employee, others } = skpOffice;
  await openYear(adminPage, server, true);

  const page = await sessionOf(browser, server, appraiser.nip);
  await page.getByRole('link', { name: 'SKP', exact: true }).click();
  await page.getByRole('link', { name: `Buka SKP ${year}` }).click();
  await page.getByRole('button', { name: 'Tambah RHK' }).click();
  const drawer = page.getByRole('dialog', { name: 'Tambah Rencana Hasil Kerja' });
  const rhk = 'Terselenggaranya layanan administrasi kepegawaian yang tertib dan tepat waktu';
  await drawer.getByLabel(/^Rencana Hasil Kerja/).fill(rhk);
  await drawer.getByLabel(/^Indikator Kinerja Individu/).fill('Persentase layanan kepegawaian yang selesai tepat waktu');
  await drawer.getByLabel(/^Target \(batas bawah\)/).fill('90');
  await drawer.getByLabel(/^Target \(batas atas\)/).fill('100');
  await drawer.getByLabel('Satuan').fill('persen');
  await drawer.getByRole('button', { name: 'Simpan RHK' }).click();
  await expect(page.getByTestId('rhk-group-utama')).toContainText(rhk);

  await page.getByRole('button', { name: 'Turunkan ke pegawai' }).click();
  const modal = page.getByRole('dialog', { name: 'Turunkan RHK ke pegawai yang Anda nilai' });
  const team = modal.getByTestId('cascade-team');
  await expect(team.getByRole('checkbox')).toHaveCount(4);
  for (const o of others) await team.getByLabel(o.name).check();
  await modal.getByRole('button', { name: 'Turunkan ke 3 pegawai' }).click();
  await expect(page.getByText('RHK diturunkan ke 3 pegawai.')).toBeVisible();
  await expect(page.getByTestId('rhk-group-utama')).toContainText('Diturunkan ke 3 pegawai');

  // The tree: the appraiser's RHK is flagged (not linked to the head's), the three have the linked draft RHK.
  await page.getByRole('link', { name: 'Pohon Kaskade' }).click();
  await expect(page.getByTestId('unlinked-count')).toContainText('1 RHK belum terhubung');
  const nodes = page.getByTestId('tree-node');
  for (const o of others) {
    const node = nodes.filter({ has: page.getByRole('link', { name: o.name }) }).last();
    await expect(node).toContainText(rhk);
    await expect(node).toContainText('Mendukung RHK pimpinan');
  }
  const own = nodes.filter({ has: page.getByRole('link', { name: employee.name }) }).last();
  await expect(own).toContainText('Belum ada RHK.');

  // Monitoring of the team: four appraisees, all in Draf; one of them opened shows the linked RHK.
  await page.getByRole('link', { name: 'Pemantauan SKP' }).click();
  await expect(page.getByTestId('count-draf')).toContainText('4');
  await page.getByRole('link', { name: others[0]!.name }).click();
  await expect(page.getByTestId('rhk-group-utama')).toContainText(rhk);
  await expect(page.getByTestId('rhk-group-utama')).toContainText(`Mendukung RHK pimpinan: ${rhk}`);
});
