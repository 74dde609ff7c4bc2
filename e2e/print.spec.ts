import type { Page } from '@playwright/test';
import { admin } from './fixtures';
import { Api, expect, login, password, test, year, type Server } from './evaluation-office';

/**
 * Printing a period at once: the appraiser's "Cetak semua (PDF)" on the Penilaian list and the
 * Pengelola Kinerja's on the dashboard (a batch job with progress, laid out in the server's worker
 * thread), and the dashboard's Laporan Penilaian SKP (Excel).
 */
test.describe.configure({ timeout: 300_000 });

async function signIn(page: Page, server: Server, nip: string, pass = password) {
  await login(page, server, nip, pass);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

async function january(page: Page) {
  await page.getByRole('combobox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: `Januari ${year}` }).click();
}

test('the appraiser prints their final evaluations of a period; the admin prints the office and downloads the Laporan Penilaian', async ({ page, evaluationOffice: o }) => {
  const { server, appraiser } = o;
  const appr = await Api.login(server.url, appraiser.nip, password);
  const saved = await appr.call<{ evaluationId: string; version: number }>('evaluation.save', {
    skpId: o.skpId,
    period: '1',
    version: null,
    rhk: [{ rhkId: o.rhkId, judgement: 'sesuai' }],
    resultsRating: 'sesuai',
    behaviourRating: 'sesuai',
  });
  await appr.call('evaluation.finalize', { evaluationId: saved.evaluationId, version: saved.version });
  await appr.dispose();

  await signIn(page, server, appraiser.nip);
  await page.getByRole('navigation').getByRole('link', { name: 'Penilaian' }).click();
  await january(page);
  await expect(page.getByTestId('eval-count-final')).toContainText('1');
  const batch = page.waitForEvent('download');
  await page.getByTestId('print-all').click();
  expect((await batch).suggestedFilename()).toBe(`EVALUASI_SEMUA_${year}_JANUARI.pdf`);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();

  await signIn(page, server, admin.nip, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dasbor Kinerja' }).click();
  await january(page);
  const laporan = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh Laporan Penilaian SKP (Excel)' }).click();
  expect((await laporan).suggestedFilename()).toBe(`Laporan_Penilaian_SKP_${year}_1.xlsx`);
  const office = page.waitForEvent('download');
  await page.getByTestId('print-all').click();
  expect((await office).suggestedFilename()).toBe(`EVALUASI_SEMUA_${year}_JANUARI.pdf`);
});
