import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { admin, expect, kinerja, login, newUserContext, test, type Server } from './fixtures';

/**
 * docs/spec/sync.md on screen: Admin Pusat registers an office at the central (`serve --central`) and reads
 * its one-time code; the office's Pengelola enrols with it on Sinkronisasi and syncs; the central's
 * Kantor page then shows the office Tersinkron. Then the USB bundle round trip. Both servers run
 * on loopback on the fixed test date (e2eNow, through KINERJA_FAKE_NOW).
 */

const adminPusat = { nip: '198001012005011001', name: 'Nurul Aini, S.E.', password: 'Sandi-Pusat-Langsa-26' };
const officeName = 'Dinas Pendidikan dan Kebudayaan';

const root = path.resolve(import.meta.dirname, '..');

/** `kinerja serve --central` on a fresh central data folder, until it prints its address. */
async function startCentral(): Promise<{ server: Server; child: ChildProcess }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-pusat-'));
  kinerja(['init', '--central', '--data', dir, '--office-name', 'BKPSDM Kota Langsa', '--admin-nip', adminPusat.nip, '--admin-name', adminPusat.name, '--admin-password', adminPusat.password]);
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'electron', 'cli', 'main.ts'), 'serve', '--central', '--data', dir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`central did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /berjalan di (http:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`central exited ${code}:\n${output}`)));
  });
  return { server: { url: url + '/', dataDir: dir }, child };
}

test('Admin Pusat mendaftarkan kantor, Pengelola kantor mendaftar dengan kodenya dan sinkron, halaman Kantor menunjukkan Tersinkron; lalu bundel USB pulang-pergi', async ({ page, officeServer, browser }, testInfo) => {
  test.setTimeout(180_000);
  const { server: central, child } = await startCentral();
  try {
    // --- at the central: register the office and read its code -------------------------------
    await login(page, central, adminPusat.nip, adminPusat.password);
    await page.getByRole('link', { name: 'Kantor', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Kantor', exact: true })).toBeVisible();
    await expect(page.getByTestId('empty-state')).toContainText('Belum ada kantor yang terdaftar');
    await page.getByRole('button', { name: 'Daftarkan kantor' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Daftarkan kantor' });
    await dialog.getByLabel('Nama kantor').fill(officeName);
    await dialog.getByLabel('Kode kantor (opsional)').fill('DISDIKBUD');
    await dialog.getByRole('button', { name: 'Daftarkan dan buat kode' }).click();
    const codeDialog = page.getByRole('dialog', { name: `Kode pendaftaran ${officeName}` });
    await expect(codeDialog).toContainText('berlaku 24 jam');
    const code = (await codeDialog.getByTestId('kode-pendaftaran').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: testInfo.outputPath(`pusat-kode-${width}.png`) });
    }
    await codeDialog.getByRole('button', { name: 'Tutup' }).click();
    const row = page.getByTestId(`kantor-${officeName}`);
    await expect(row).toContainText('Menunggu pendaftaran');
    await expect(row).toContainText('Kode berlaku sampai');

    // --- at the office: enrol on Sinkronisasi and sync ------------------------------------------
    const officeContext = await newUserContext(browser);
    const office = await officeContext.newPage();
    await login(office, officeServer, admin.nip, admin.password);
    await office.getByRole('link', { name: 'Sinkronisasi' }).click();
    await expect(office.getByTestId('empty-state')).toContainText('belum terdaftar di server pusat');
    await office.getByLabel('Alamat server pusat').fill(central.url);
    await office.getByLabel('Kode pendaftaran').fill(code.toLowerCase());
    await office.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await expect(office.getByText(`Terdaftar di BKPSDM Kota Langsa sebagai "${officeName}"`)).toBeVisible();
    // The first sync starts by itself; the state is said in words once the digests are equal.
    await expect(office.getByTestId('keadaan-sinkron')).toHaveText('Tersinkron', { timeout: 60_000 });
    await expect(office.getByRole('cell', { name: /dikirim \d+, diambil \d+/ }).first()).toBeVisible();
    for (const width of [1024, 1366]) {
      await office.setViewportSize({ width, height: 900 });
      await office.screenshot({ path: testInfo.outputPath(`kantor-sinkronisasi-${width}.png`), fullPage: true });
    }

    // --- back at the central: the office is Tersinkron ------------------------------------------
    await page.reload();
    await expect(row).toContainText('Aktif');
    await expect(row).toContainText('Tersinkron');
    await expect(row).not.toContainText('belum pernah');
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: testInfo.outputPath(`pusat-kantor-${width}.png`) });
    }

    // --- USB bundle: office → central (twice) → reply → office ---------------------------------
    await office.getByRole('button', { name: 'Bundel USB (kantor tanpa jaringan ke pusat)' }).click();
    const [bundleDownload] = await Promise.all([office.waitForEvent('download'), office.getByRole('button', { name: 'Unduh bundel kiriman' }).click()]);
    expect(bundleDownload.suggestedFilename()).toMatch(/^kiriman-dinas-pendidikan-dan-kebudayaan-\d{4}-\d{2}-\d{2}\.kinerja$/);
    const bundleFile = testInfo.outputPath(bundleDownload.suggestedFilename());
    await bundleDownload.saveAs(bundleFile);

    await page.getByRole('link', { name: 'Impor Bundel USB' }).click();
    await expect(page.getByTestId('empty-state')).toContainText('Belum ada bundel yang diimpor');
    await page.locator('input[type="file"]').setInputFiles(bundleFile);
    await page.getByRole('button', { name: 'Impor bundel' }).click();
    await expect(page.getByTestId('hasil-impor')).toContainText(`Bundel ${officeName} diimpor`);
    await page.locator('input[type="file"]').setInputFiles(bundleFile);
    await page.getByRole('button', { name: 'Impor bundel' }).click();
    await expect(page.getByTestId('hasil-impor')).toContainText('sudah pernah diimpor');
    await page.screenshot({ path: testInfo.outputPath('pusat-bundel-1366.png') });
    const [replyDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh bundel balasan' }).click()]);
    const replyFile = testInfo.outputPath(replyDownload.suggestedFilename());
    await replyDownload.saveAs(replyFile);

    await office.locator('input[type="file"]').setInputFiles(replyFile);
    await office.getByRole('button', { name: 'Impor balasan' }).click();
    await expect(office.getByText(/Balasan diimpor: \d+ kiriman diakui/)).toBeVisible();
    await expect(office.getByRole('cell', { name: 'USB' }).first()).toBeVisible();
    await officeContext.close();
  } finally {
    child.kill('SIGTERM');
  }
});
