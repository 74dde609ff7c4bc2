import type { Page } from '@playwright/test';
import { monthNames } from '../shared/evaluation/periods';
import { admin } from './fixtures';
import { Api, currentPeriod, expect, login, password, test, year, type Server } from './evaluation-office';

// One whole period across four people: longer than the default minute.
test.describe.configure({ timeout: 180_000 });

const periodLabel = `${monthNames[Number(currentPeriod) - 1]} ${year}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function signIn(page: Page, server: Server, nip: string, pass = password) {
  await login(page, server, nip, pass);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Kinerja' })).toBeVisible();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test('the whole period: realisasi with a file, feedback and reply, a confirmed dialogue, rating and locking, receipt, appeal and decision, the PDF', async ({
  page,
  evaluationOffice: o,
}) => {
  const { server, employee, appraiser, head } = o;
  const evaluationUrl = `${server.url}#/penilaian/${o.skpId}/${currentPeriod}`;

  // The employee reports the month's realisasi with a file and sends it (through the API: the
  // Realisasi screen is another capability's).
  const emp = await Api.login(server.url, employee.nip, password);
  await emp.call('realisasi.save', {
    skpId: o.skpId,
    period: currentPeriod,
    entries: [
      { indicatorId: o.indicatorIds[0], value: 112, notes: 'Termasuk 14 surat undangan rapat koordinasi.' },
      { indicatorId: o.indicatorIds[1], value: 98 },
      { indicatorId: o.indicatorIds[2], value: 1 },
    ],
  });
  await emp.call('realisasi.addEvidence', {
    skpId: o.skpId,
    period: currentPeriod,
    indicatorId: o.indicatorIds[0],
    title: 'Buku agenda surat',
    file: { name: 'agenda-surat.pdf', contentBase64: pdf.toString('base64') },
  });
  await emp.call('realisasi.submit', { skpId: o.skpId, period: currentPeriod });

  // The appraiser comments on the RHK and on a BerAKHLAK value; the employee replies.
  const appr = await Api.login(server.url, appraiser.nip, password);
  const comment = 'Agenda rapi. Lampirkan juga rekap surat keluar per bidang.';
  await appr.call('feedback.post', { skpId: o.skpId, period: currentPeriod, target: { kind: 'rhk', rhkId: o.rhkId }, body: comment });
  await appr.call('feedback.post', { skpId: o.skpId, period: currentPeriod, target: { kind: 'perilaku', valueCode: 'kolaboratif' }, body: 'Terima kasih sudah membantu bidang lain saat Ujian Sekolah.' });
  const reply = 'Baik, Bu. Rekap per bidang saya lampirkan mulai bulan depan.';
  await emp.call('feedback.post', { skpId: o.skpId, period: currentPeriod, target: { kind: 'rhk', rhkId: o.rhkId }, body: reply });

  // They hold a dialogue and both confirm its minutes.
  type D = { dialogue: { id: string; version: number; status: string } };
  let d = (await emp.call<D>('dialogue.request', { kind: 'pemantauan', skpId: o.skpId, note: 'Saya ingin membahas beban surat menjelang ujian.' })).dialogue;
  d = (await appr.call<D>('dialogue.schedule', { dialogueId: d.id, version: d.version, scheduledAt: new Date().toISOString(), place: 'Ruang Subbagian Umum', agenda: 'Beban surat menjelang ujian' })).dialogue;
  d = (
    await appr.call<D>('dialogue.record', {
      dialogueId: d.id,
      version: d.version,
      discussion: 'Volume surat naik menjelang ujian sekolah.',
      employeeConcerns: 'Saya kewalahan bila juga mengurus arsip.',
      agreed: 'Arsip dibantu Muhammad Rizki selama masa ujian.',
      actions: [{ text: 'Membagi tugas arsip', owner: 'penilai' }],
    })
  ).dialogue;
  d = (await emp.call<D>('dialogue.confirm', { dialogueId: d.id, version: d.version })).dialogue;
  d = (await appr.call<D>('dialogue.confirm', { dialogueId: d.id, version: d.version })).dialogue;
  expect(d.status).toBe('dikonfirmasi');

  // The office admin records the Capaian Kinerja Organisasi of the office for the month.
  await signIn(page, server, admin.nip, admin.password);
  await page.getByRole('link', { name: 'Kurva Distribusi' }).click();
  await expect(page.getByRole('heading', { name: 'Kurva Distribusi', exact: true })).toBeVisible();
  await expect(page.getByTestId('curve')).toContainText('Capaian Kinerja Organisasi belum dicatat');
  await page.getByRole('button', { name: `Catat Capaian Kinerja Organisasi ${admin.office}` }).click();
  const org = page.getByRole('dialog', { name: 'Capaian Kinerja Organisasi' });
  await expect(org).toContainText('Paling banyak 70% pegawai berpredikat Baik');
  await org.getByRole('radio', { name: 'Baik', exact: true }).check();
  await org.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(`Capaian Kinerja Organisasi ${admin.office} untuk ${periodLabel} dicatat: Baik.`)).toBeVisible();
  await expect(page.getByTestId('org-ratings')).toContainText('Baik');
  await logout(page);

  // The appraiser sees the realisasi come in, opens the evaluation and reads targets, realisasi,
  // evidence and feedback.
  await signIn(page, server, appraiser.nip);
  await page.getByRole('link', { name: 'Penilaian', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Penilaian Kinerja' })).toBeVisible();
  await expect(page.getByTestId('incoming-row')).toContainText(`${employee.name} · ${periodLabel}`);
  const row = page.getByTestId('eval-row').filter({ hasText: employee.name });
  await expect(row).toContainText('Sudah dikirim');
  await expect(row).toContainText('Belum Dinilai');
  await shot(page, '1-penilaian-list');
  await row.getByRole('link', { name: `Nilai ${employee.name}` }).click();
  await expect(page.getByRole('heading', { name: `Penilaian ${periodLabel}: ${employee.name}` })).toBeVisible();
  const rhk = page.getByTestId('eval-rhk').first();
  await expect(rhk).toContainText(o.rhkText);
  await expect(rhk.getByTestId('indicator-row').first()).toContainText('100 - 120 surat');
  await expect(rhk.getByTestId('indicator-row').first()).toContainText('112');
  const evidence = rhk.getByRole('link', { name: /Buku agenda surat/ });
  await expect(evidence).toHaveAttribute('href', /^api\/files\/evidence\//);
  await expect(rhk.getByTestId('feedback')).toHaveText([new RegExp(comment.replace(/\./g, '\\.')), new RegExp(reply.replace(/\./g, '\\.'))]);
  await expect(page.getByTestId('perilaku')).toContainText('Terima kasih sudah membantu bidang lain');
  await expect(page.getByTestId('org-rating')).toContainText('Baik');

  // "Di Atas" with the Utama RHK below expectation: the rule shows before saving, and the backend
  // refuses with its own message.
  await rhk.getByRole('radio', { name: 'Di Bawah Ekspektasi' }).check();
  const results = page.getByRole('radiogroup', { name: /Rating Hasil Kerja/ });
  await results.getByRole('radio', { name: 'Di Atas Ekspektasi' }).check();
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
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Penilaian disimpan sebagai draf. Predikat: Baik.')).toBeVisible();
  await expect(page.getByTestId('eval-actions')).toContainText('Semua perubahan tersimpan sebagai draf.');
  await shot(page, '2-penilaian-form');

  // Locking asks first and says nobody can change it afterwards.
  await page.getByRole('button', { name: 'Kunci (final)' }).click();
  const lock = page.getByRole('dialog', { name: 'Kunci penilaian' });
  await expect(lock).toContainText('tidak seorang pun dapat mengubahnya lagi');
  await lock.getByRole('button', { name: 'Kunci penilaian' }).click();
  await expect(page.getByText(`Penilaian ${employee.name} (${periodLabel}) dikunci.`)).toBeVisible();
  await expect(page.getByTestId('locked')).toContainText('sudah final dan terkunci');
  await expect(page.getByTestId('eval-status').first()).toHaveText('Final');
  await expect(page.getByRole('button', { name: 'Simpan' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Tim Saya' }).click();
  await expect(page.getByTestId('team-member').filter({ hasText: employee.name })).toContainText('Penilaian final: 1 dari 12 periode');
  await shot(page, '3-tim-saya');
  await logout(page);

  // The admin sees the curve for the month: one Baik out of one breaches the Baik pattern, as a warning.
  await signIn(page, server, admin.nip, admin.password);
  await page.getByRole('link', { name: 'Kurva Distribusi' }).click();
  await expect(page.getByTestId('curve-title')).toHaveText('KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK');
  await expect(page.getByTestId('curve-chart')).toBeVisible();
  await expect(page.getByTestId('curve-pattern')).toContainText('Paling banyak 70% pegawai berpredikat Baik');
  await expect(page.getByTestId('breaches')).toContainText('Baik: paling banyak 70%; kenyataannya 1 dari 1 pegawai (100%).');
  await expect(page.getByTestId('breaches')).toContainText('Butuh Perbaikan dan/atau Kurang/Misconduct: harus ada');
  await expect(page.getByTestId('curve-table')).toContainText('Melebihi batas');
  await shot(page, '4-kurva');
  await page.getByRole('link', { name: 'Dasbor Kinerja' }).click();
  await expect(page.getByTestId('dash-final')).toContainText('1');
  await expect(page.getByTestId('dash-realisasi')).toContainText('1');
  await expect(page.getByTestId('dash-units')).toContainText('2 pelanggaran');
  await shot(page, '5-dasbor');
  await logout(page);

  // The employee reads the result, acknowledges it, and the appeal window opens.
  await signIn(page, server, employee.nip);
  await page.goto(evaluationUrl);
  await expect(page.getByRole('heading', { name: `Hasil Penilaian ${periodLabel}` })).toBeVisible();
  await expect(page.getByTestId('result-summary').getByTestId('predikat')).toHaveText('Baik');
  await expect(page.getByTestId('eval-notes')).toHaveText('Pertahankan ketertiban agenda; ikuti pelatihan kearsipan digital.');
  await page.getByTestId('receipt').getByRole('button', { name: 'Saya telah menerima hasil ini' }).click();
  await page.getByRole('dialog', { name: 'Menyatakan telah menerima hasil penilaian' }).getByRole('button', { name: 'Saya telah menerima hasil ini' }).click();
  await expect(page.getByText(/^Tercatat\. Batas pengajuan keberatan: /)).toBeVisible();
  await expect(page.getByTestId('receipt-done')).toContainText('Anda dapat mengajukan keberatan kepada Atasan Pejabat Penilai');
  await expect(page.getByTestId('receipt-done').getByRole('button', { name: 'Ajukan keberatan' }).or(page.getByTestId('receipt-done').getByRole('link', { name: 'Ajukan keberatan' }))).toBeVisible();
  await shot(page, '6-pegawai-terima');

  // The employee appeals; appraiser and employee explain; the superior decides (through the API:
  // the Keberatan screen is another capability's).
  const e = await emp.call<{ id: string }>('evaluation.get', { skpId: o.skpId, period: currentPeriod });
  type A = { appeal: { id: string; version: number } };
  let a = (await emp.call<A>('appeal.file', { evaluationId: e.id, reasons: 'Saya membantu bidang lain setiap pekan; perilaku kolaboratif saya di atas ekspektasi.' })).appeal;
  a = (await appr.call<A>('appeal.explain', { appealId: a.id, version: a.version, explanation: 'Bantuan itu belum tercatat dalam umpan balik sebelumnya.' })).appeal;
  a = (await emp.call<A>('appeal.explain', { appealId: a.id, version: a.version, explanation: 'Daftar bantuan terlampir pada notulen dialog.' })).appeal;
  const atasan = await Api.login(server.url, head.nip, password);
  await atasan.call('appeal.decide', { appealId: a.id, version: a.version, decision: 'diubah', behaviourRating: 'diatas', reason: 'Bukti kolaborasi cukup.' });
  await Promise.all([emp.dispose(), appr.dispose(), atasan.dispose()]);

  // The employee sees the decision on the evaluation, and downloads the document.
  await page.reload();
  await expect(page.getByTestId('appeal-status')).toContainText('hasil penilaian diubah');
  await expect(page.getByTestId('result-summary').getByTestId('predikat')).toHaveText('Sangat Baik');
  await shot(page, '7-pegawai-putusan');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await file.createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
});
