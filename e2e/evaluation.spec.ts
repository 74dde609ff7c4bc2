import type { Locator, Page } from '@playwright/test';
import { admin } from './fixtures';
import { Api, expect, login, password, test, year, type Server } from './evaluation-office';

/**
 * The acceptance of the monitoring and evaluation issue, one period through the screens of four
 * people: the employee reports January with a file, the appraiser comments and the employee
 * replies, both hold and confirm a dialogue, the admin records the organisation's rating, the
 * appraiser rates (the "Di Atas" refusal first) and locks, the curve and the dashboard show it, the
 * employee acknowledges and appeals, the appraiser explains, the superior decides, the PDF downloads.
 */
test.describe.configure({ timeout: 420_000 });

const january = `Januari ${year}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function signIn(page: Page, server: Server, nip: string, pass = password) {
  await login(page, server, nip, pass);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

async function logout(page: Page) {
  // Notifications stack over the user menu and stay while the pointer rests on them: let them go.
  await page.mouse.move(400, 600);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
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

test('the whole period: realisasi with a file, feedback and reply, a confirmed dialogue, rating and locking, receipt, appeal and decision, the PDF', async ({
  page,
  evaluationOffice: o,
}) => {
  const { server, employee, appraiser, head } = o;

  // The employee's position is a functional one (Ahli Pertama, coefficient 12,5): angka kredit applies.
  const adm = await Api.login(server.url, admin.nip, admin.password);
  const positions = await adm.call<{ positions: { id: string; name: string; version: number }[] }>('org.listPositions', { q: 'Pengadministrasi Perkantoran', includeHolders: false });
  const staff = positions.positions.find((p) => p.name === 'Pengadministrasi Perkantoran')!;
  await adm.call('org.updatePosition', { id: staff.id, version: staff.version, type: 'fungsional_keahlian', level: 'ahli_pertama' });
  await adm.dispose();

  // The employee reports January from Tahun Saya, with a file as evidence, and sends it.
  await signIn(page, server, employee.nip);
  await nav(page, 'Tahun Saya').click();
  await page.getByRole('link', { name: `Isi realisasi ${january}` }).click();
  await expect(page.getByRole('heading', { name: `Realisasi ${january}` })).toBeVisible();
  const indicators = page.getByTestId('realisasi-indicator');
  await expect(indicators).toHaveCount(3);
  await indicators.nth(0).getByRole('textbox', { name: 'Realisasi' }).fill('112');
  await indicators.nth(0).getByRole('textbox', { name: 'Catatan' }).fill('Termasuk 14 surat undangan rapat koordinasi.');
  await indicators.nth(1).getByRole('textbox', { name: 'Realisasi' }).fill('98');
  await indicators.nth(2).getByRole('textbox', { name: 'Realisasi' }).fill('1');
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByText(`Draf realisasi ${january} tersimpan.`)).toBeVisible();
  await indicators.nth(0).getByRole('button', { name: 'Tambah bukti dukung' }).click();
  const add = page.getByRole('dialog', { name: 'Tambah bukti dukung' });
  await add.locator('input[type=file]').setInputFiles({ name: 'agenda-surat-januari.pdf', mimeType: 'application/pdf', buffer: pdf });
  await add.getByRole('textbox', { name: 'Judul (boleh dikosongkan)' }).fill('Buku agenda surat Januari');
  await add.getByRole('button', { name: 'Unggah' }).click();
  await expect(page.getByText('Bukti dukung "Buku agenda surat Januari" ditambahkan.')).toBeVisible();
  // Evidence for the whole period, without an indicator: listed on its own and removable while a draft.
  const general = page.getByTestId('general-evidence');
  await general.getByRole('button', { name: 'Tambah bukti dukung umum' }).click();
  await expect(add).toContainText(`Untuk seluruh realisasi ${january}, tanpa indikator tertentu.`);
  await add.locator('input[type=file]').setInputFiles({ name: 'rekap-surat-januari.pdf', mimeType: 'application/pdf', buffer: pdf });
  await add.getByRole('textbox', { name: 'Judul (boleh dikosongkan)' }).fill('Rekap surat Januari');
  await add.getByRole('button', { name: 'Unggah' }).click();
  await expect(page.getByText('Bukti dukung "Rekap surat Januari" ditambahkan.')).toBeVisible();
  await expect(general.getByRole('link', { name: 'Unduh Rekap surat Januari' })).toHaveAttribute('href', /^api\/files\/evidence\//);
  await expect(general.getByRole('button', { name: 'Hapus bukti dukung Rekap surat Januari' })).toBeVisible();
  await page.getByRole('button', { name: 'Kirim ke Pejabat Penilai' }).click();
  await page.getByRole('dialog', { name: `Kirim realisasi ${january}?` }).getByRole('button', { name: 'Kirim ke Pejabat Penilai' }).click();
  await expect(page.getByText(`Realisasi ${january} dikirim kepada Pejabat Penilai.`)).toBeVisible();
  await logout(page);

  // The appraiser sees it come in under Penilaian and, from the evaluation, comments on the RHK and
  // on a BerAKHLAK value next to the realisasi.
  await signIn(page, server, appraiser.nip);
  await nav(page, 'Penilaian').click();
  await expect(page.getByRole('heading', { name: 'Penilaian Kinerja' })).toBeVisible();
  const incoming = page.getByTestId('incoming-row').filter({ hasText: `${employee.name} · ${january}` });
  await expect(incoming).toContainText('Menunggu penilaian');
  await incoming.getByRole('link', { name: `Buka penilaian ${employee.name}, ${january}` }).click();
  await expect(page.getByRole('heading', { name: `Penilaian ${january}: ${employee.name}` })).toBeVisible();
  await page.getByRole('link', { name: 'Realisasi dan umpan balik' }).click();
  await expect(page.getByRole('heading', { name: `Realisasi ${january}: ${employee.name}` })).toBeVisible();
  const comment = 'Agenda rapi. Lampirkan juga rekap surat keluar per bidang.';
  const rhkThread = page.getByTestId(`feedback-group-rhk:${o.rhkId}`);
  await openGroup(rhkThread);
  await rhkThread.getByRole('textbox', { name: 'Umpan balik Anda' }).fill(comment);
  await rhkThread.getByRole('button', { name: 'Kirim' }).click();
  await expect(rhkThread.getByTestId('feedback-message')).toContainText(comment);
  const kolaboratif = page.getByTestId('feedback-group-perilaku:kolaboratif');
  await openGroup(kolaboratif);
  await kolaboratif.getByRole('textbox', { name: 'Umpan balik Anda' }).fill('Terima kasih sudah membantu bidang lain saat Ujian Sekolah.');
  await kolaboratif.getByRole('button', { name: 'Kirim' }).click();
  await expect(kolaboratif.getByTestId('feedback-message')).toContainText('membantu bidang lain');
  await logout(page);

  // The employee replies, and asks for a dialogue.
  await signIn(page, server, employee.nip);
  await nav(page, /Umpan Balik/).click();
  await page.getByTestId('feedback-row').filter({ hasText: `SKP ${year}` }).getByRole('link', { name: /Buka umpan balik/ }).click();
  const reply = 'Baik, Bu. Rekap per bidang saya lampirkan mulai bulan depan.';
  const mine = page.getByTestId(`feedback-group-rhk:${o.rhkId}`);
  await expect(mine.getByTestId('feedback-message')).toContainText(comment);
  await mine.getByRole('textbox', { name: 'Tanggapan Anda' }).fill(reply);
  await mine.getByRole('button', { name: 'Kirim' }).click();
  await expect(mine.getByTestId('feedback-message')).toHaveCount(2);
  await nav(page, 'Dialog Kinerja').click();
  await page.getByRole('button', { name: 'Minta dialog' }).click();
  const req = page.getByRole('dialog', { name: 'Minta dialog kinerja' });
  await req.getByRole('textbox', { name: 'Yang ingin dibicarakan' }).fill('Saya ingin membahas beban surat menjelang ujian sekolah.');
  await req.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(page.getByText(/^Permintaan dialog terkirim/)).toBeVisible();
  await logout(page);

  // The appraiser schedules the dialogue, minutes it in the employee's own words, and confirms.
  await signIn(page, server, appraiser.nip);
  await nav(page, 'Dialog Kinerja').click();
  await page.getByRole('tab', { name: 'Dengan pegawai yang saya nilai' }).click();
  const theirs = page.getByTestId('dialogue-card').filter({ hasText: employee.name });
  await theirs.getByRole('button', { name: 'Tetapkan jadwal' }).click();
  const schedule = page.getByRole('dialog', { name: 'Jadwal dialog' });
  await schedule.getByLabel(/^Tanggal dan jam/).fill(`${year}-02-03T09:00`);
  await schedule.getByRole('textbox', { name: 'Tempat' }).fill('Ruang Subbagian Umum');
  await schedule.getByRole('button', { name: 'Simpan jadwal' }).click();
  await expect(theirs.getByTestId('dialogue-status')).toHaveText('Dijadwalkan');
  await theirs.getByRole('button', { name: 'Catat notulen' }).click();
  const minutes = page.getByRole('dialog', { name: 'Notulen dialog' });
  await minutes.getByRole('textbox', { name: /^Yang dibahas/ }).fill('Volume surat naik menjelang ujian sekolah.');
  await minutes.getByRole('textbox', { name: 'Keprihatinan pegawai (dengan kata-katanya sendiri)' }).fill('Saya kewalahan bila juga mengurus arsip.');
  await minutes.getByRole('textbox', { name: 'Kesepakatan' }).fill('Arsip dibantu Muhammad Rizki selama masa ujian.');
  await minutes.getByRole('button', { name: 'Simpan notulen' }).click();
  await expect(theirs.getByTestId('dialogue-status')).toHaveText('Notulen dicatat');
  await theirs.getByRole('button', { name: 'Konfirmasi notulen' }).click();
  await page.getByRole('dialog', { name: 'Konfirmasi notulen' }).getByRole('button', { name: 'Konfirmasi notulen' }).click();
  await expect(page.getByText('Notulen dikonfirmasi.')).toBeVisible();
  await logout(page);

  // The employee confirms the minutes too.
  await signIn(page, server, employee.nip);
  await nav(page, 'Dialog Kinerja').click();
  const held = page.getByTestId('dialogue-card').first();
  await expect(held.getByTestId('dialogue-concerns')).toContainText('Saya kewalahan bila juga mengurus arsip.');
  await held.getByRole('button', { name: 'Konfirmasi notulen' }).click();
  await page.getByRole('dialog', { name: 'Konfirmasi notulen' }).getByRole('button', { name: 'Konfirmasi notulen' }).click();
  await expect(held.getByTestId('dialogue-status')).toHaveText('Dikonfirmasi kedua pihak');
  await logout(page);

  // The office admin records the Capaian Kinerja Organisasi of the office for January.
  await signIn(page, server, admin.nip, admin.password);
  await nav(page, 'Kurva Distribusi').click();
  await expect(page.getByRole('heading', { name: 'Kurva Distribusi', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: january }).click();
  await expect(page.getByTestId('curve')).toContainText('Capaian Kinerja Organisasi belum dicatat');
  await page.getByRole('button', { name: `Catat Capaian Kinerja Organisasi ${admin.office}` }).click();
  const org = page.getByRole('dialog', { name: 'Capaian Kinerja Organisasi' });
  await expect(org).toContainText('Sebagian besar (lebih dari 50%, maksimal 70%) pegawai berpredikat Baik');
  await org.getByRole('radio', { name: 'Baik', exact: true }).check();
  await org.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(`Capaian Kinerja Organisasi ${admin.office} untuk ${january} dicatat: Baik.`)).toBeVisible();
  await expect(page.getByTestId('org-ratings')).toContainText('Baik');
  await logout(page);

  // The appraiser opens January's evaluation: targets against realisasi, the evidence, the feedback.
  await signIn(page, server, appraiser.nip);
  await nav(page, 'Penilaian').click();
  await page.getByRole('combobox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: january }).click();
  const row = page.getByTestId('eval-row').filter({ hasText: employee.name });
  await expect(row).toContainText('Sudah dikirim');
  await expect(row).toContainText('Belum Dinilai');
  await shot(page, '1-penilaian-list');
  await row.getByRole('link', { name: `Nilai ${employee.name}` }).click();
  await expect(page.getByRole('heading', { name: `Penilaian ${january}: ${employee.name}` })).toBeVisible();
  const rhk = page.getByTestId('eval-rhk').first();
  await expect(rhk).toContainText(o.rhkText);
  await expect(rhk.getByTestId('indicator-row').first()).toContainText('100 - 120 surat');
  await expect(rhk.getByTestId('indicator-row').first()).toContainText('112');
  await expect(rhk.getByRole('link', { name: /Buku agenda surat Januari/ })).toHaveAttribute('href', /^api\/files\/evidence\//);
  const generalEvidence = page.getByTestId('eval-general-evidence');
  await expect(generalEvidence).toContainText('Bukti dukung umum');
  const rekap = generalEvidence.getByRole('link', { name: /Rekap surat Januari/ });
  await expect(rekap).toHaveAttribute('href', /^api\/files\/evidence\//);
  const rekapDownload = page.waitForEvent('download');
  await rekap.click();
  expect((await rekapDownload).suggestedFilename()).toBe('rekap-surat-januari.pdf');
  await expect(rhk.getByTestId('feedback')).toHaveText([/Agenda rapi\. Lampirkan juga rekap/, /Rekap per bidang saya lampirkan/]);
  await expect(page.getByTestId('perilaku')).toContainText('Terima kasih sudah membantu bidang lain');
  await expect(page.getByTestId('org-rating')).toContainText('Baik');

  // "Di Atas" while no RHK is rated above expectation: the form says so before anything is saved.
  const results = page.getByRole('radiogroup', { name: /Rating Hasil Kerja/ });
  await rhk.getByRole('radio', { name: 'Sesuai Ekspektasi' }).check();
  await results.getByRole('radio', { name: 'Di Atas Ekspektasi' }).check();
  await expect(page.getByText('Rating Hasil Kerja tidak dapat "Di Atas Ekspektasi" karena belum ada RHK yang dinilai di atas ekspektasi.')).toBeVisible();

  // "Di Atas" with the Utama RHK below expectation: the rule shows before saving, and the backend
  // refuses with its own message.
  await rhk.getByRole('radio', { name: 'Di Bawah Ekspektasi' }).check();
  await expect(page.getByText('Rating Hasil Kerja tidak dapat "Di Atas Ekspektasi" karena 1 RHK Utama dinilai di bawah ekspektasi.')).toBeVisible();
  await page.getByRole('radiogroup', { name: /Rating Perilaku Kerja/ }).getByRole('radio', { name: 'Sesuai Ekspektasi' }).check();
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Tidak sesuai aturan' })).toContainText('1 RHK Utama dinilai di bawah ekspektasi');

  // Judged above expectation, the rating stands; the predikat follows the matrix live.
  await rhk.getByRole('radio', { name: 'Di Atas Ekspektasi' }).check();
  await rhk.getByLabel('Catatan untuk RHK ini').fill('Target terlampaui; agenda tertib dan tepat waktu.');
  await expect(page.locator('#main').getByText('1 RHK Utama dinilai di bawah ekspektasi')).toHaveCount(0);
  await expect(page.getByTestId('predikat-card').getByTestId('predikat')).toHaveText('Baik');
  await page.getByLabel('Catatan dan rekomendasi').fill('Pertahankan ketertiban agenda; ikuti pelatihan kearsipan digital.');
  // Leaving with unsaved judgements asks first (the app's own leave guard); staying keeps them.
  await nav(page, 'Tim Saya').click();
  const guard = page.getByRole('dialog', { name: 'Perubahan belum disimpan' });
  await expect(guard).toBeVisible();
  await guard.getByRole('button', { name: 'Tetap di halaman ini' }).click();
  await expect(guard).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `Penilaian ${january}: ${employee.name}` })).toBeVisible();
  await expect(page.getByLabel('Catatan dan rekomendasi')).toHaveValue('Pertahankan ketertiban agenda; ikuti pelatihan kearsipan digital.');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Penilaian disimpan sebagai draf. Predikat: Baik.')).toBeVisible();
  // Angka kredit: Baik is 100% of 12,5 a year, one month of it.
  await expect(page.getByTestId('angka-kredit')).toContainText('1,042');
  await expect(page.getByRole('alert').filter({ hasText: 'Tidak sesuai aturan' })).toHaveCount(0);
  await expect(page.getByTestId('eval-actions')).toContainText('Semua perubahan tersimpan sebagai draf.');
  await shot(page, '2-penilaian-form');

  // Locking asks first and says nobody can change it afterwards.
  await page.getByRole('button', { name: 'Kunci (final)' }).click();
  const lock = page.getByRole('dialog', { name: 'Kunci penilaian' });
  await expect(lock).toContainText('tidak seorang pun dapat mengubahnya lagi');
  await lock.getByRole('button', { name: 'Kunci penilaian' }).click();
  await expect(page.getByText(`Penilaian ${employee.name} (${january}) dikunci.`)).toBeVisible();
  await expect(page.getByTestId('locked')).toContainText('sudah final dan terkunci');
  await expect(page.getByTestId('eval-status').first()).toHaveText('Final');
  await expect(page.getByTestId('eval-kind')).toContainText(/dikunci \d+ \S+ \d{4}, berdasarkan SKP versi 1$/);
  await expect(page.getByRole('button', { name: 'Simpan' })).toHaveCount(0);
  await nav(page, 'Tim Saya').click();
  await expect(page.getByTestId('team-member').filter({ hasText: employee.name })).toContainText('Penilaian final: 1 dari 12 periode');
  await shot(page, '3-tim-saya');
  await logout(page);

  // The admin sees January's curve: one Baik out of one breaches the Baik pattern, as a warning.
  await signIn(page, server, admin.nip, admin.password);
  await nav(page, 'Kurva Distribusi').click();
  await page.getByRole('combobox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: january }).click();
  await expect(page.getByTestId('curve-title')).toHaveText('KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK');
  await expect(page.getByTestId('curve-chart')).toBeVisible();
  await expect(page.getByTestId('curve-pattern')).toContainText('Sebagian besar (lebih dari 50%, maksimal 70%) pegawai berpredikat Baik');
  await expect(page.getByTestId('breaches')).toContainText('Baik: sebagian besar (lebih dari 50%, maksimal 70%); kenyataannya 1 dari 1 pegawai (100%)');
  await expect(page.getByTestId('breaches')).toContainText('Butuh Perbaikan/Cukup dan/atau Kurang/Misconduct: harus ada');
  await expect(page.getByTestId('curve-table')).toContainText('Melebihi batas');
  await shot(page, '4-kurva');
  await nav(page, 'Dasbor Kinerja').click();
  await page.getByRole('combobox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: january }).click();
  await expect(page.getByTestId('dash-final')).toContainText('1 dari 1');
  await expect(page.getByTestId('dash-realisasi')).toContainText('1 dari 1');
  await expect(page.getByTestId('dash-units')).toContainText('2 pelanggaran');
  await shot(page, '5-dasbor');
  await logout(page);

  // The employee opens the result from Tahun Saya, acknowledges it, and appeals within the window.
  await signIn(page, server, employee.nip);
  await nav(page, 'Tahun Saya').click();
  await page.getByTestId('acknowledge').getByRole('link', { name: `Lihat penilaian ${january}` }).click();
  await expect(page.getByRole('heading', { name: `Hasil Penilaian ${january}` })).toBeVisible();
  await expect(page.getByTestId('result-summary').getByTestId('predikat')).toHaveText('Baik');
  await expect(page.getByTestId('eval-notes')).toHaveText('Pertahankan ketertiban agenda; ikuti pelatihan kearsipan digital.');
  await page.getByTestId('receipt').getByRole('button', { name: 'Saya telah menerima hasil ini' }).click();
  await page.getByRole('dialog', { name: 'Menyatakan telah menerima hasil penilaian' }).getByRole('button', { name: 'Saya telah menerima hasil ini' }).click();
  await expect(page.getByText(/^Tercatat\. Batas pengajuan keberatan: /)).toBeVisible();
  await expect(page.getByTestId('receipt-done')).toContainText(`Anda dapat mengajukan keberatan kepada Atasan Pejabat Penilai (${head.name})`);
  await shot(page, '6-pegawai-terima');
  await page.getByTestId('receipt-done').getByRole('button', { name: 'Ajukan keberatan' }).click();
  const appeal = page.getByRole('dialog', { name: 'Ajukan keberatan' });
  await appeal.getByRole('textbox', { name: /^Alasan keberatan/ }).fill('Saya membantu bidang lain setiap pekan; perilaku kolaboratif saya di atas ekspektasi.');
  await appeal.getByRole('button', { name: 'Ajukan keberatan' }).click();
  await expect(page.getByText('Keberatan diajukan kepada Atasan Pejabat Penilai Kinerja.')).toBeVisible();
  await expect(page.getByTestId('appeal-status')).toContainText(`Menunggu penjelasan dan putusan ${head.name}`);
  await logout(page);

  // The appraiser explains the rating to the superior.
  await signIn(page, server, appraiser.nip);
  await nav(page, 'Keberatan').click();
  const toExplain = page.getByTestId('appeal-card').filter({ hasText: employee.name });
  await toExplain.getByRole('button', { name: 'Beri penjelasan' }).click();
  const explain = page.getByRole('dialog', { name: 'Penjelasan kepada Atasan Pejabat Penilai' });
  await explain.getByRole('textbox', { name: /^Penjelasan/ }).fill('Bantuan itu belum tercatat dalam umpan balik sebelumnya.');
  await explain.getByRole('button', { name: 'Kirim penjelasan' }).click();
  await expect(page.getByText('Penjelasan terkirim.')).toBeVisible();
  await logout(page);

  // The superior decides: the behaviour rating goes up; the decision is final.
  await signIn(page, server, head.nip);
  await nav(page, 'Keberatan').click();
  const toDecide = page.getByTestId('appeal-card').filter({ hasText: employee.name });
  await toDecide.getByRole('button', { name: 'Putuskan' }).click();
  const decide = page.getByRole('dialog', { name: `Putusan atas keberatan ${employee.name}` });
  await decide.getByRole('radio', { name: /^Diubah/ }).check();
  await decide.getByRole('combobox', { name: 'Rating Perilaku Kerja baru' }).click();
  await page.getByRole('option', { name: 'Di Atas Ekspektasi' }).click();
  await expect(decide.getByTestId('appeal-new-predikat')).toContainText('Sangat Baik');
  await decide.getByRole('textbox', { name: /^Alasan putusan/ }).fill('Bukti kolaborasi cukup.');
  await decide.getByRole('button', { name: 'Tetapkan putusan (final)' }).click();
  await expect(page.getByText('Putusan keberatan tersimpan.')).toBeVisible();
  await logout(page);

  // The employee sees the decision on the evaluation, and downloads the document.
  await signIn(page, server, employee.nip);
  await nav(page, 'Tahun Saya').click();
  await page.getByTestId('my-year-period-1').getByRole('link', { name: `Lihat penilaian ${january}` }).click();
  await expect(page.getByTestId('appeal-status')).toContainText('hasil penilaian diubah');
  await expect(page.getByTestId('result-summary').getByTestId('predikat')).toHaveText('Sangat Baik');
  await expect(page.getByTestId('result-summary')).toContainText('Angka Kredit:1,563');
  await shot(page, '7-pegawai-putusan');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the appraiser locks several complete drafts at once, after a confirmation; incomplete ones cannot be chosen', async ({ page, evaluationOffice: o }) => {
  const { server, employee, appraiser, others } = o;
  // A second appraisee with an approved plan, and a third whose draft lacks the behaviour rating.
  const adm = await Api.login(server.url, admin.nip, admin.password);
  const plans: { skpId: string; rhkId: string }[] = [{ skpId: o.skpId, rhkId: o.rhkId }];
  for (const person of others.slice(0, 2)) {
    const found = await adm.call<{ items: { id: string; nip: string }[] }>('people.list', { q: person.nip });
    await adm.call('auth.createAccount', { employeeId: found.items.find((p) => p.nip === person.nip)!.id, temporaryPassword: 'Sementara2026' });
    const first = await Api.login(server.url, person.nip, 'Sementara2026');
    await first.call('auth.changePassword', { currentPassword: 'Sementara2026', newPassword: password });
    await first.dispose();
    const me = await Api.login(server.url, person.nip, password);
    const skp = (await me.call<{ skp: { id: string; version: number } }>('skp.create', { yearId: o.yearId })).skp;
    const saved = await me.call<{ rhkId: string; version: number }>('skp.saveRhk', {
      skpId: skp.id,
      version: skp.version,
      rhk: { kind: 'utama', text: 'Terlaksananya pengarsipan dokumen dinas', parentRhkId: null, indicators: [{ aspek: 'kuantitas', text: 'Jumlah dokumen yang diarsipkan', targetMin: 200, targetUnit: 'dokumen' }] },
    });
    const submitted = await me.call<{ version: number }>('skp.submit', { skpId: skp.id, version: saved.version });
    await me.dispose();
    const appr = await Api.login(server.url, appraiser.nip, password);
    await appr.call('skp.approve', { skpId: skp.id, version: submitted.version });
    await appr.dispose();
    plans.push({ skpId: skp.id, rhkId: saved.rhkId });
  }
  await adm.dispose();
  const appr = await Api.login(server.url, appraiser.nip, password);
  for (const [n, p] of plans.entries()) {
    await appr.call('evaluation.save', { skpId: p.skpId, period: '1', version: null, rhk: [{ rhkId: p.rhkId, judgement: 'sesuai' }], resultsRating: 'sesuai', ...(n < 2 ? { behaviourRating: 'sesuai' } : {}) });
  }
  await appr.dispose();

  await signIn(page, server, appraiser.nip);
  await nav(page, 'Penilaian').click();
  await page.getByRole('combobox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: january }).click();
  await expect(page.getByTestId('eval-count-draf')).toContainText('3');
  await expect(page.getByRole('checkbox', { name: `Pilih penilaian ${others[1]!.name}` })).toBeDisabled();
  await expect(page.getByTestId('eval-row').filter({ hasText: others[1]!.name })).toContainText('Rating belum lengkap');
  await page.getByRole('checkbox', { name: 'Pilih semua penilaian yang siap dikunci' }).check();
  await page.getByRole('button', { name: 'Kunci penilaian (2)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Kunci 2 penilaian' });
  await expect(confirm).toContainText(employee.name);
  await expect(confirm).toContainText(others[0]!.name);
  await expect(confirm).not.toContainText(others[1]!.name);
  await expect(confirm).toContainText('tidak seorang pun dapat mengubahnya lagi');
  await confirm.getByRole('button', { name: 'Kunci 2 penilaian' }).click();
  await expect(page.getByText(`2 penilaian ${january} dikunci.`)).toBeVisible();
  await expect(page.getByTestId('eval-count-final')).toContainText('2');
  await expect(page.getByTestId('eval-row').filter({ hasText: employee.name })).toContainText('Final');
  await expect(page.getByTestId('eval-row').filter({ hasText: others[1]!.name })).toContainText('Draf');
});
