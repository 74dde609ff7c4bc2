import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { addDays, formatDateId, localDate } from '../shared/people/dates';
import { e2eNow } from './fixtures';
import { Api, expect, login, password, test, year, type Server } from './evaluation-office';

/**
 * The employee's side of a period, through the screens: Tahun Saya, realisasi with a file (and a
 * refused one), a link, sending; the appraiser's feedback on the realisasi page, the employee's
 * reply with the unread badge; a performance dialogue requested, scheduled, minuted and confirmed
 * by both, its action ticked off; reminders on Beranda.
 */
test.describe.configure({ timeout: 300_000 });

const january = `Januari ${year}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function signIn(page: Page, server: Server, nip: string, pass = password) {
  await login(page, server, nip, pass);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Success notifications sit over the user menu (top right) for a few seconds: close them first. */
async function dismissNotifications(page: Page) {
  const close = page.locator('.mantine-Notification-root button');
  for (let n = 0; n < 10 && (await close.count()) > 0; n++) await close.first().click({ timeout: 2000 }).catch(() => undefined);
}

async function logout(page: Page) {
  await dismissNotifications(page);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Kinerja' })).toBeVisible();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

const nav = (page: Page, name: string | RegExp) => page.getByRole('navigation').getByRole('link', { name });

async function openGroup(group: Locator) {
  const control = group.locator('button[aria-expanded]').first();
  if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
}

test('employee reports realisasi with a file and sends it; appraiser comments, employee replies; a dialogue is held and confirmed by both', async ({
  page,
  evaluationOffice: o,
}) => {
  const { server, employee, appraiser } = o;

  // Beranda: the SKP card of the SKP screens stays, and January's report is a reminder once it is due.
  await signIn(page, server, employee.nip);
  await expect(page.getByTestId('home-skp')).toContainText('SKP Anda sudah disetujui');
  // January is due once it has ended (several late months read as one line that says where to start).
  if (e2eNow.getMonth() >= 1) await expect(page.getByTestId('reminders')).toContainText(january);
  await shot(page, '01-beranda-pegawai');

  // Tahun Saya: every period, January open to fill in.
  await nav(page, 'Tahun Saya').click();
  await expect(page.getByRole('heading', { name: `Tahun Saya ${year}` })).toBeVisible();
  await expect(page.getByTestId('my-year-period-1')).toContainText('Belum Dibuat');
  await shot(page, '02-tahun-saya');
  await page.getByRole('link', { name: `Isi realisasi ${january}` }).click();

  // Realisasi Januari: a value with a note, saved as a draft.
  await expect(page.getByRole('heading', { name: `Realisasi ${january}` })).toBeVisible();
  await expect(page.getByTestId('realisasi-status').first()).toHaveText('Belum Dibuat');
  const indicators = page.getByTestId('realisasi-indicator');
  await expect(indicators).toHaveCount(3);
  const first = indicators.first();
  await expect(first).toContainText('100 - 120 surat');
  await first.getByRole('textbox', { name: 'Realisasi' }).fill('112');
  await first.getByRole('textbox', { name: 'Catatan' }).fill('Termasuk 14 surat undangan rapat koordinasi.');
  await expect(page.getByTestId('realisasi-actions')).toContainText('Ada isian yang belum disimpan.');
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByText(`Draf realisasi ${january} tersimpan.`)).toBeVisible();
  await expect(page.getByTestId('realisasi-status').first()).toHaveText('Draf');
  await expect(page.getByTestId('realisasi-actions')).toContainText('Semua isian tersimpan.');

  // Evidence: a file over 20 MB is refused before anything is sent, a small PDF is uploaded.
  await first.getByRole('button', { name: 'Tambah bukti dukung' }).click();
  const add = page.getByRole('dialog', { name: 'Tambah bukti dukung' });
  await expect(add).toContainText('PDF, JPG, PNG, DOCX atau XLSX, paling besar 20 MB.');
  const fileInput = add.locator('input[type=file]');
  // From disk: a local browser takes the path as is (a 21 MB buffer would be copied over the protocol).
  const big = test.info().outputPath('pindaian-besar.pdf');
  fs.writeFileSync(big, Buffer.alloc(21.5 * 1024 * 1024, 0x25));
  await fileInput.setInputFiles(big);
  await expect(add).toContainText('Berkas "pindaian-besar.pdf" berukuran 21,5 MB, melebihi batas 20 MB.');
  await fileInput.setInputFiles({ name: 'agenda-surat-januari.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(add).not.toContainText('melebihi batas 20 MB');
  await add.getByRole('textbox', { name: 'Judul (boleh dikosongkan)' }).fill('Buku agenda surat Januari');
  await shot(page, '03-bukti-dukung');
  await add.getByRole('button', { name: 'Unggah' }).click();
  await expect(page.getByText('Bukti dukung "Buku agenda surat Januari" ditambahkan.')).toBeVisible();
  await expect(add).toBeHidden();
  const evidence = first.getByRole('link', { name: 'Unduh Buku agenda surat Januari' });
  await expect(evidence).toHaveAttribute('href', /^api\/files\/evidence\//);
  await expect(first.getByTestId('evidence-item')).toContainText('agenda-surat-januari.pdf');
  const downloading = page.waitForEvent('download');
  await evidence.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('agenda-surat-januari.pdf');
  expect(fs.readFileSync(await download.path())).toEqual(pdf);

  // A link on the second indicator, then removed again: evidence can change until it is sent.
  const second = indicators.nth(1);
  await second.getByRole('button', { name: 'Tambah bukti dukung' }).click();
  await add.getByText('Tautan', { exact: true }).click();
  await add.getByRole('textbox', { name: 'Alamat tautan' }).fill('https://drive.langsakota.go.id/arsip/januari');
  await add.getByRole('button', { name: 'Simpan tautan' }).click();
  await expect(second.getByRole('link', { name: /Buka tautan drive\.langsakota\.go\.id/ })).toBeVisible();
  await second.getByRole('button', { name: 'Hapus bukti dukung drive.langsakota.go.id' }).click();
  await page.getByRole('dialog', { name: 'Hapus bukti dukung?' }).getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByText('Bukti dukung dihapus.')).toBeVisible();
  await expect(second.getByTestId('evidence-item')).toHaveCount(0);
  await shot(page, '04-realisasi-draf');

  // Sending says it is final and what is still empty.
  await page.getByRole('button', { name: 'Kirim ke Pejabat Penilai' }).click();
  const send = page.getByRole('dialog', { name: `Kirim realisasi ${january}?` });
  await expect(send).toContainText(`dikirim kepada Pejabat Penilai Anda (${appraiser.name})`);
  await expect(send).toContainText('tidak dapat diubah lagi');
  await expect(send).toContainText('2 indikator belum diisi');
  await send.getByRole('button', { name: 'Kirim ke Pejabat Penilai' }).click();
  await expect(page.getByText(`Realisasi ${january} dikirim kepada Pejabat Penilai.`)).toBeVisible();
  // Sent: read-only, and it can be taken back while the appraiser has not begun judging (realisasi.withdraw).
  await expect(page.getByTestId('realisasi-sent')).toContainText('Anda dapat menariknya kembali');
  await expect(page.getByTestId('realisasi-sent').getByRole('button', { name: 'Tarik kembali' })).toBeVisible();
  await expect(page.getByTestId('realisasi-status').first()).toHaveText('Diajukan');
  await expect(page.getByRole('button', { name: 'Simpan draf' })).toHaveCount(0);
  await expect(first.getByTestId('realisasi-value')).toHaveText('112');
  await expect(first.getByRole('button', { name: /Hapus bukti dukung/ })).toHaveCount(0);
  await shot(page, '05-realisasi-terkirim');
  await logout(page);

  // The appraiser opens the employee's plan from Umpan Balik: the latest report sent, read-only.
  await signIn(page, server, appraiser.nip);
  await nav(page, /Umpan Balik/).click();
  await expect(page.getByRole('heading', { name: 'Umpan Balik', exact: true })).toBeVisible();
  await shot(page, '06-umpan-balik-penilai');
  await page.getByRole('link', { name: `Buka umpan balik ${employee.name}` }).click();
  await expect(page.getByRole('heading', { name: `Realisasi ${january}: ${employee.name}` })).toBeVisible();
  await expect(page.getByText(`Anda melihat realisasi pegawai yang Anda nilai (${employee.name}).`)).toBeVisible();
  await expect(page.getByTestId('realisasi-indicator').first().getByTestId('realisasi-value')).toHaveText('112');
  await expect(page.getByRole('link', { name: 'Unduh Buku agenda surat Januari' })).toBeVisible();

  const comment = 'Agenda rapi. Lampirkan juga rekap surat keluar per bidang.';
  const rhkGroup = page.getByTestId(`feedback-group-rhk:${o.rhkId}`);
  await openGroup(rhkGroup);
  await rhkGroup.getByRole('textbox', { name: 'Umpan balik Anda' }).fill(comment);
  await rhkGroup.getByRole('button', { name: 'Kirim' }).click();
  await expect(page.getByText('Terkirim.')).toBeVisible();
  await expect(rhkGroup.getByTestId('feedback-message')).toContainText(comment);
  await expect(rhkGroup.getByTestId('feedback-message')).toContainText('Pejabat Penilai Kinerja');
  const kolaboratif = page.getByTestId('feedback-group-perilaku:kolaboratif');
  await openGroup(kolaboratif);
  await kolaboratif.getByRole('textbox', { name: 'Umpan balik Anda' }).fill('Terima kasih sudah membantu bidang lain saat Ujian Sekolah.');
  await kolaboratif.getByRole('textbox', { name: 'Umpan balik Anda' }).press('Control+Enter');
  await expect(kolaboratif.getByTestId('feedback-message')).toContainText('membantu bidang lain');
  await shot(page, '07-umpan-balik-ditulis');
  await logout(page);

  // The employee sees two unread in the navigation, reads them next to the realisasi and replies.
  await signIn(page, server, employee.nip);
  await expect(nav(page, /Umpan Balik/).getByTestId('nav-badge')).toHaveText('2');
  await nav(page, /Umpan Balik/).click();
  const row = page.getByTestId('feedback-row').filter({ hasText: `SKP ${year}` });
  await expect(row).toContainText('2 belum dibaca');
  await expect(row).toContainText('membantu bidang lain');
  await row.getByRole('link', { name: /Buka umpan balik/ }).click();
  await expect(page.getByRole('heading', { name: `Realisasi ${january}` })).toBeVisible();
  const mine = page.getByTestId(`feedback-group-rhk:${o.rhkId}`);
  await expect(mine.getByTestId('feedback-message')).toContainText(comment);
  await expect(mine.getByTestId('feedback-message')).toContainText('Baru');
  // Opening the thread marks it read: the badge goes.
  await expect(nav(page, /Umpan Balik/).getByTestId('nav-badge')).toHaveCount(0);
  const reply = 'Baik, Bu. Rekap per bidang saya lampirkan mulai bulan depan.';
  await mine.getByRole('textbox', { name: 'Tanggapan Anda' }).fill(reply);
  await mine.getByRole('button', { name: 'Kirim' }).click();
  await expect(mine.getByTestId('feedback-message')).toHaveCount(2);
  await expect(mine.getByTestId('feedback-message').nth(1)).toContainText(reply);
  await expect(mine.getByTestId('feedback-message').nth(1)).toContainText('(Anda)');
  await shot(page, '08-umpan-balik-dibalas');

  // The employee asks for a dialogue.
  await nav(page, 'Dialog Kinerja').click();
  await expect(page.getByRole('heading', { name: 'Dialog Kinerja' })).toBeVisible();
  await expect(page.getByTestId('empty-state')).toContainText('mintalah dialog');
  await page.getByRole('button', { name: 'Minta dialog' }).click();
  const req = page.getByRole('dialog', { name: 'Minta dialog kinerja' });
  await expect(req.getByRole('radio', { name: 'Pemantauan' })).toBeChecked();
  await req.getByRole('textbox', { name: 'Yang ingin dibicarakan' }).fill('Saya ingin membahas beban surat menjelang ujian sekolah.');
  await shot(page, '09-minta-dialog');
  await req.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(page.getByText(`Permintaan dialog terkirim; ${appraiser.name} akan melihatnya di Dialog Kinerja.`)).toBeVisible();
  const card = page.getByTestId('dialogue-card').first();
  await expect(card.getByTestId('dialogue-status')).toHaveText('Diminta');
  await expect(card).toContainText(`Dialog Pemantauan dengan ${appraiser.name}`);
  await logout(page);

  // The appraiser schedules it, records the minutes with the employee's own words, and confirms.
  await signIn(page, server, appraiser.nip);
  await nav(page, 'Dialog Kinerja').click();
  await page.getByRole('tab', { name: 'Dengan pegawai yang saya nilai' }).click();
  const theirs = page.getByTestId('dialogue-card').filter({ hasText: employee.name });
  await expect(theirs).toContainText(`${employee.name} mengajak Anda berdialog.`);
  await theirs.getByRole('button', { name: 'Tetapkan jadwal' }).click();
  const schedule = page.getByRole('dialog', { name: 'Jadwal dialog' });
  await schedule.getByLabel(/^Tanggal dan jam/).fill(`${year}-12-01T09:00`);
  await schedule.getByRole('textbox', { name: 'Tempat' }).fill('Ruang Subbagian Umum');
  await expect(schedule.getByRole('textbox', { name: /^Agenda/ })).toHaveValue('Saya ingin membahas beban surat menjelang ujian sekolah.');
  await schedule.getByRole('button', { name: 'Simpan jadwal' }).click();
  await expect(page.getByText('Jadwal dialog tersimpan.')).toBeVisible();
  await expect(theirs.getByTestId('dialogue-status')).toHaveText('Dijadwalkan');
  await expect(theirs).toContainText(`1 Desember ${year}`);

  await theirs.getByRole('button', { name: 'Catat notulen' }).click();
  const minutes = page.getByRole('dialog', { name: 'Notulen dialog' });
  await expect(minutes.getByRole('textbox', { name: 'Peserta' })).toHaveValue(`${employee.name}, ${appraiser.name}`);
  await minutes.getByRole('button', { name: 'Simpan notulen' }).click();
  await expect(minutes.getByText('Wajib diisi.')).toBeVisible();
  await minutes.getByRole('textbox', { name: /^Yang dibahas/ }).fill('Volume surat naik menjelang ujian sekolah.');
  await minutes.getByRole('textbox', { name: 'Keprihatinan pegawai (dengan kata-katanya sendiri)' }).fill('Saya kewalahan bila juga mengurus arsip.');
  await minutes.getByRole('textbox', { name: 'Kesepakatan' }).fill('Arsip dibantu Muhammad Rizki selama masa ujian.');
  await minutes.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  await minutes.getByRole('textbox', { name: 'Tindak lanjut 1' }).fill('Membagi tugas arsip');
  await minutes.getByLabel('Batas waktu').fill(`${year}-12-08`);
  await shot(page, '10-notulen');
  await minutes.getByRole('button', { name: 'Simpan notulen' }).click();
  await expect(page.getByText('Notulen tersimpan.')).toBeVisible();
  await expect(theirs.getByTestId('dialogue-status')).toHaveText('Notulen dicatat');
  await expect(theirs.getByTestId('dialogue-concerns')).toContainText('Saya kewalahan bila juga mengurus arsip.');
  await theirs.getByRole('button', { name: 'Konfirmasi notulen' }).click();
  await page.getByRole('dialog', { name: 'Konfirmasi notulen' }).getByRole('button', { name: 'Konfirmasi notulen' }).click();
  await expect(page.getByText('Notulen dikonfirmasi.')).toBeVisible();
  await expect(theirs.getByTestId('dialogue-next')).toContainText(`${employee.name} belum mengonfirmasi`);
  await logout(page);

  // The employee is reminded on Beranda, reads the minutes, confirms, and ticks the action off.
  await signIn(page, server, employee.nip);
  const reminder = page.getByTestId('reminder').filter({ hasText: 'dialog kinerja menunggu tanggapan atau konfirmasi Anda' });
  await expect(reminder).toBeVisible();
  await reminder.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Dialog Kinerja' })).toBeVisible();
  const held = page.getByTestId('dialogue-card').first();
  await expect(held.getByTestId('dialogue-concerns')).toContainText('Saya kewalahan bila juga mengurus arsip.');
  await held.getByRole('button', { name: 'Konfirmasi notulen' }).click();
  await page.getByRole('dialog', { name: 'Konfirmasi notulen' }).getByRole('button', { name: 'Konfirmasi notulen' }).click();
  await expect(page.getByText('Notulen dikonfirmasi kedua pihak.')).toBeVisible();
  await expect(held.getByTestId('dialogue-status')).toHaveText('Dikonfirmasi kedua pihak');
  await held.getByRole('checkbox', { name: 'Tandai "Membagi tugas arsip" selesai' }).click();
  await expect(page.getByText('Tindak lanjut ditandai selesai.')).toBeVisible();
  await expect(held.getByRole('checkbox', { name: 'Tandai "Membagi tugas arsip" selesai' })).toBeChecked();
  await shot(page, '11-dialog-dikonfirmasi');

  // Tahun Saya now shows January sent with three messages, and the dialogue.
  await nav(page, 'Tahun Saya').click();
  await expect(page.getByTestId('my-year-period-1')).toContainText('Diajukan');
  await expect(page.getByTestId('my-year-period-1')).toContainText('3 pesan');
  await expect(page.getByText('1 dialog', { exact: true })).toBeVisible();
  await shot(page, '12-tahun-saya-akhir');
});

test('the employee acknowledges a final result on Tahun Saya and appeals; the appraiser explains; the superior decides, finally; history stays visible', async ({
  page,
  evaluationOffice: o,
}) => {
  const { server, employee, appraiser, head } = o;

  // January reported, rated Sesuai/Sesuai (Baik) and locked, through the API (the rating screens are another capability's).
  const emp = await Api.login(server.url, employee.nip, password);
  await emp.call('realisasi.save', { skpId: o.skpId, period: '1', entries: [{ indicatorId: o.indicatorIds[0], version: null, value: 104 }] });
  await emp.call('realisasi.submit', { skpId: o.skpId, period: '1' });
  await emp.dispose();
  const appr = await Api.login(server.url, appraiser.nip, password);
  const saved = await appr.call<{ evaluationId: string; version: number }>('evaluation.save', {
    skpId: o.skpId,
    period: '1',
    version: null,
    rhk: [{ rhkId: o.rhkId, judgement: 'sesuai' }],
    resultsRating: 'sesuai',
    behaviourRating: 'sesuai',
    notes: 'Pertahankan ketertiban agenda.',
  });
  await appr.call('evaluation.finalize', { evaluationId: saved.evaluationId, version: saved.version });
  await appr.dispose();

  // Tahun Saya asks the employee to acknowledge, and says receiving is not agreeing.
  await signIn(page, server, employee.nip);
  await nav(page, 'Tahun Saya').click();
  const ack = page.getByTestId('acknowledge');
  await expect(ack).toContainText(january);
  await expect(ack).toContainText('Baik');
  await expect(ack).toContainText('Menerima tidak berarti setuju');
  await ack.getByRole('button', { name: 'Saya telah menerima hasil ini' }).click();
  const deadline = formatDateId(addDays(localDate(e2eNow), 14));
  const confirm = page.getByRole('dialog', { name: `Terima hasil penilaian ${january}` });
  await expect(confirm).toContainText(`berakhir ${deadline}`);
  await confirm.getByRole('button', { name: 'Saya telah menerima hasil ini' }).click();
  await expect(page.getByText(`Hasil penilaian ${january} diterima. Keberatan dapat diajukan sampai ${deadline}.`)).toBeVisible();
  const jan = page.getByTestId('my-year-period-1');
  await expect(jan).toContainText(`Keberatan sampai ${deadline}`);
  await shot(page, '21-tahun-saya-diterima');

  // Filing: the reasons are required, then the appeal goes to the superior.
  await jan.getByRole('button', { name: 'Ajukan keberatan' }).click();
  const file = page.getByRole('dialog', { name: 'Ajukan keberatan' });
  await expect(file).toContainText(`Batas pengajuan: ${deadline}.`);
  await file.getByRole('button', { name: 'Ajukan keberatan' }).click();
  await expect(file.getByText('Wajib diisi.')).toBeVisible();
  await file.getByRole('textbox', { name: /^Alasan keberatan/ }).fill('Realisasi 104 surat berada dalam target; saya juga mengagendakan surat rapat koordinasi.');
  await file.getByRole('button', { name: 'Ajukan keberatan' }).click();
  await expect(page.getByText('Keberatan diajukan kepada Atasan Pejabat Penilai Kinerja.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keberatan', exact: true })).toBeVisible();
  const mine = page.getByTestId('appeal-card');
  await expect(mine.getByTestId('appeal-status')).toHaveText('Keberatan Diajukan');
  await expect(mine).toContainText(`Kepada ${head.name}`);
  await shot(page, '22-keberatan-diajukan');
  await logout(page);

  // The appraiser explains.
  await signIn(page, server, appraiser.nip);
  await nav(page, 'Keberatan').click();
  await expect(page.getByRole('tab', { name: /Perlu tindakan saya/ })).toHaveAttribute('aria-selected', 'true');
  const todo = page.getByTestId('appeal-card').filter({ hasText: employee.name });
  await todo.getByRole('button', { name: 'Beri penjelasan' }).click();
  const explain = page.getByRole('dialog', { name: 'Penjelasan kepada Atasan Pejabat Penilai' });
  await explain.getByRole('textbox', { name: /^Penjelasan/ }).fill('Realisasi sesuai target, belum melampaui; rekap per bidang belum dilampirkan.');
  await explain.getByRole('button', { name: 'Kirim penjelasan' }).click();
  await expect(page.getByText('Penjelasan terkirim.')).toBeVisible();
  await expect(todo).toContainText('rekap per bidang belum dilampirkan');
  await logout(page);

  // The superior decides: changed, with a preview of the predikat and the finality said plainly.
  await signIn(page, server, head.nip);
  await nav(page, 'Keberatan').click();
  const decide = page.getByTestId('appeal-card').filter({ hasText: employee.name });
  await decide.getByRole('button', { name: 'Putuskan' }).click();
  const form = page.getByRole('dialog', { name: `Putusan atas keberatan ${employee.name}` });
  await expect(form).toContainText('Putusan Anda bersifat final');
  await form.getByRole('radio', { name: 'Diubah' }).check();
  await expect(form.getByTestId('appeal-new-predikat')).toHaveText('Predikat setelah putusan: Baik');
  await form.getByRole('textbox', { name: /^Alasan putusan/ }).fill('Bukti agenda rapat koordinasi menunjukkan hasil di atas target.');
  // "Diubah" with the same ratings is not a change: said before anything is saved.
  await form.getByRole('button', { name: 'Tetapkan putusan (final)' }).click();
  await expect(form).toContainText('Pilih rating yang berbeda dari hasil semula');
  await form.getByRole('combobox', { name: 'Rating Perilaku Kerja baru' }).click();
  await page.getByRole('option', { name: 'Di Atas Ekspektasi' }).click();
  await form.getByRole('combobox', { name: 'Rating Hasil Kerja baru' }).click();
  await page.getByRole('option', { name: 'Di Atas Ekspektasi' }).click();
  await expect(form.getByTestId('appeal-new-predikat')).toHaveText('Predikat setelah putusan: Sangat Baik');
  await expect(form).not.toContainText('Pilih rating yang berbeda dari hasil semula');
  await shot(page, '23-putusan');
  await form.getByRole('button', { name: 'Tetapkan putusan (final)' }).click();
  await expect(page.getByText('Putusan keberatan tersimpan.')).toBeVisible();
  await expect(decide.getByTestId('appeal-status')).toHaveText('Diputus');
  await expect(decide.getByRole('button', { name: 'Putuskan' })).toHaveCount(0);
  await logout(page);

  // The employee reads the decision and its history; Tahun Saya shows the new predikat.
  await signIn(page, server, employee.nip);
  await nav(page, 'Keberatan').click();
  const done = page.getByTestId('appeal-card');
  await expect(done.getByTestId('appeal-decision')).toContainText('Hasil penilaian: Diubah');
  await expect(done.getByTestId('appeal-decision')).toContainText('Bukti agenda rapat koordinasi');
  await expect(done).toContainText('Keberatan diajukan oleh');
  await expect(done).toContainText('Pejabat Penilai memberi penjelasan');
  await shot(page, '24-keberatan-diputus');
  await nav(page, 'Tahun Saya').click();
  await expect(page.getByTestId('my-year-period-1').getByTestId('predikat')).toHaveText('Sangat Baik');
  await expect(page.getByTestId('my-year-period-1').getByTestId('appeal-status')).toHaveText('Diputus');
});
