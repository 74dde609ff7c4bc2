import { admin, e2eNow } from './fixtures';
import { expect, login, test } from './evaluation-office';

/**
 * Jejak Audit (docs/spec/operations.md §2): Pengelola Kinerja membaca jejak audit dalam kalimat (siapa
 * melakukan apa terhadap data siapa), menyaringnya per orang, bagian, tanggal dan hasil, lalu
 * membuka satu baris untuk melihat isi sebelum dan sesudahnya. Periksa keutuhan hasilnya utuh.
 */

/** The day the e2e servers run on (e2e/fixtures.ts), never the machine's. */
const today = () => `${e2eNow.getFullYear()}-${String(e2eNow.getMonth() + 1).padStart(2, '0')}-${String(e2eNow.getDate()).padStart(2, '0')}`;

/** The name as stored (the trail speaks of people by name, without their academic titles). */
const plain = (name: string) => name.split(',')[0]!.trim();

test('Pengelola menyaring jejak audit dan membuka persetujuan SKP', async ({ page, evaluationOffice: o }) => {
  const appraiser = plain(o.appraiser.name);
  const employee = plain(o.employee.name);
  // Satu kali salah kata sandi dari pegawai, supaya ada kegiatan yang gagal.
  const failed = await page.request.post(`${o.server.url}api/auth.login`, { data: { login: o.employee.nip, password: 'BukanSandiIni1' } });
  expect(failed.ok()).toBe(false);

  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, o.server, admin.nip, admin.password);
  await page.getByRole('link', { name: 'Jejak Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Jejak Audit', level: 1 })).toBeVisible();

  const rows = page.getByTestId('audit-row');
  const approval = `${appraiser} menyetujui SKP ${o.year} milik ${employee}`;
  await expect(rows.filter({ hasText: approval })).toHaveCount(1);
  // Kalimat, bukan nama perintah atau tabel dan id.
  await expect(page.getByTestId('audit-table')).not.toContainText('skp.approve');
  await expect(page.getByTestId('audit-table')).not.toContainText(/users · [0-9a-f]{8}/);
  await page.screenshot({ path: 'test-results/audit-1366.png', fullPage: true });

  // Bagian: SKP. Hanya kegiatan SKP yang tersisa.
  await page.getByRole('combobox', { name: 'Bagian' }).click();
  await page.getByRole('option', { name: 'SKP', exact: true }).click();
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: `${employee} mengajukan SKP ${o.year} milik ${employee}` })).toHaveCount(1);

  // Hasil: Gagal (tanpa saringan bagian): hanya masuk yang gagal.
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await page.getByRole('combobox', { name: 'Hasil' }).click();
  await page.getByRole('option', { name: 'Gagal' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${employee} gagal masuk (kata sandi salah)`);
  await expect(rows.first()).toContainText('Gagal');

  // Orang: penilai. Semua baris kegiatannya.
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await page.getByRole('combobox', { name: 'Orang' }).click();
  await page.getByRole('option', { name: appraiser }).click();
  await expect(rows.filter({ hasText: approval })).toHaveCount(1);
  for (const text of await rows.allTextContents()) expect(text).toContain(appraiser);

  // Rentang tanggal: sampai kemarin tidak ada apa-apa; hari ini ada.
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  const yesterday = new Date(e2eNow.getTime() - 24 * 60 * 60 * 1000);
  const y = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
  await page.getByLabel('Sampai tanggal', { exact: true }).fill(y);
  await expect(page.getByTestId('empty-state')).toContainText('Tidak ada catatan yang cocok dengan saringan');
  await page.getByLabel('Sampai tanggal', { exact: true }).fill(today());
  await page.getByLabel('Dari tanggal', { exact: true }).fill(today());
  await expect(rows.filter({ hasText: approval })).toHaveCount(1);

  // Membuka baris persetujuan: isi sebelum dan sesudah.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/audit-1024.png', fullPage: true });
  await rows.filter({ hasText: approval }).click();
  const detail = page.getByRole('dialog', { name: 'Rincian jejak audit' });
  await expect(detail.getByTestId('audit-detail')).toContainText(approval);
  // Field labels and values in words (docs/spec/operations.md §2): "Status SKP", "Diajukan" -> "Disetujui", no column names.
  const status = detail.getByRole('row', { name: /^Status SKP/ });
  await expect(status).toContainText('Diajukan');
  await expect(status).toContainText('Disetujui');
  await expect(detail).not.toContainText('approved_at');
  await expect(detail.getByRole('row', { name: /^Disetujui pada/ }).first()).toContainText('WIB');
  await page.screenshot({ path: 'test-results/audit-detail-1024.png' });
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // Dengan papan ketik: Enter pada baris membukanya juga.
  await rows.filter({ hasText: approval }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Rincian jejak audit' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Periksa keutuhan: utuh, termasuk isi data.
  await page.getByRole('button', { name: 'Periksa keutuhan' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Rantai audit utuh');
  await expect(page.getByTestId('audit-verify-result')).toContainText('Isi data sesuai jejak audit');
});
