import type { Page } from '@playwright/test';
import { Api, expect, login, password, test, year } from './evaluation-office';

/**
 * Formulir (docs/spec/operations.md §8): an empty required field says "Wajib diisi." under the
 * field (no toast, the example text stays grey), a dialogue cannot be scheduled outside its year,
 * and dialogue minutes typed but not saved survive a reload of the page.
 */
test.describe.configure({ timeout: 180_000 });

async function openTeamDialogues(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Dialog Kinerja' }).click();
  await page.getByRole('tab', { name: 'Dengan pegawai yang saya nilai' }).click();
}

test('formulir dialog: wajib diisi, jadwal di luar tahunnya ditolak, draf notulen bertahan setelah muat ulang', async ({ page, evaluationOffice: o }) => {
  // The employee asks for a dialogue about this year's plan (no note, so the agenda starts empty).
  const emp = await Api.login(o.server.url, o.employee.nip, password);
  await emp.call('dialogue.request', { kind: 'pemantauan', skpId: o.skpId });
  await emp.dispose();

  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, o.server, o.appraiser.nip, password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await openTeamDialogues(page);
  const card = page.getByTestId('dialogue-card').filter({ hasText: o.employee.name });
  await card.getByRole('button', { name: 'Tetapkan jadwal' }).click();
  const schedule = page.getByRole('dialog', { name: 'Jadwal dialog' });

  // Nothing filled in: each required field says so under itself, nothing is sent, no toast.
  await schedule.getByRole('button', { name: 'Simpan jadwal' }).click();
  await expect(schedule.getByText('Wajib diisi.')).toHaveCount(2);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  // The example text in the empty date field is not painted red like the message.
  const when = schedule.getByLabel(/^Tanggal dan jam/);
  const placeholderColour = await when.evaluate((el) => getComputedStyle(el, '::placeholder').color);
  const errorColour = await schedule.getByText('Wajib diisi.').first().evaluate((el) => getComputedStyle(el).color);
  expect(placeholderColour).not.toBe(errorColour);
  await page.screenshot({ path: test.info().outputPath('jadwal-wajib-1366.png') });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: test.info().outputPath('jadwal-wajib-1024.png') });

  // A time in the next year: the form refuses it before saving; the dialogue stays requested.
  await when.fill(`${year + 1}-04-06 09:00`);
  await schedule.getByRole('textbox', { name: /^Agenda/ }).fill('Beban kerja persuratan');
  await schedule.getByRole('button', { name: 'Simpan jadwal' }).click();
  await expect(schedule.getByText(`Dialog ini tentang tahun penilaian ${year}: pilih waktu dari 1 Januari ${year} sampai 31 Maret ${year + 1}.`)).toBeVisible();
  await expect(schedule.getByText('Wajib diisi.')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('jadwal-luar-tahun-1024.png') });
  await when.fill(`${year}-12-10 09:00`);
  await schedule.getByRole('button', { name: 'Simpan jadwal' }).click();
  await expect(schedule).toBeHidden();
  await expect(card.getByTestId('dialogue-status')).toHaveText('Dijadwalkan');

  // Minutes typed, then the page reloads before saving: the text is still there.
  await page.setViewportSize({ width: 1366, height: 900 });
  await card.getByRole('button', { name: 'Catat notulen' }).click();
  let minutes = page.getByRole('dialog', { name: 'Notulen dialog' });
  const discussion = 'Volume surat naik menjelang ujian sekolah; arsip tertinggal dua minggu.';
  await minutes.getByRole('textbox', { name: /^Yang dibahas/ }).fill(discussion);
  await minutes.getByRole('textbox', { name: 'Kesepakatan' }).fill('Arsip dibantu rekan selama masa ujian.');
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await openTeamDialogues(page);
  await card.getByRole('button', { name: 'Catat notulen' }).click();
  minutes = page.getByRole('dialog', { name: 'Notulen dialog' });
  await expect(minutes.getByTestId('draft-restored')).toBeVisible();
  await expect(minutes.getByRole('textbox', { name: /^Yang dibahas/ })).toHaveValue(discussion);
  await expect(minutes.getByRole('textbox', { name: 'Kesepakatan' })).toHaveValue('Arsip dibantu rekan selama masa ujian.');
  await page.screenshot({ path: test.info().outputPath('notulen-draf-1366.png') });
  await minutes.getByRole('button', { name: 'Simpan notulen' }).click();
  await expect(minutes).toBeHidden();
  await expect(card.getByTestId('dialogue-status')).toHaveText('Notulen dicatat');

  // Saved: the draft is gone, the form shows what the server has.
  await card.getByRole('button', { name: 'Ubah notulen' }).click();
  minutes = page.getByRole('dialog', { name: 'Notulen dialog' });
  await expect(minutes.getByRole('textbox', { name: /^Yang dibahas/ })).toHaveValue(discussion);
  await expect(minutes.getByTestId('draft-restored')).toHaveCount(0);
});
