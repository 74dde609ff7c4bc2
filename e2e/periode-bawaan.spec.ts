import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { Api } from './evaluation-office';
import { admin, kinerja, login, type Server } from './fixtures';
import { buildSkpOffice, password, type SkpOffice } from './skp-office';

/**
 * docs/spec/operations.md §8, on a FIXED day: the server runs on 8 December 2026 (KINERJA_FAKE_NOW),
 * while the browser's own clock says March (page.clock), so a screen that read the browser's clock
 * would show it. On 8 December the period that needs action is November (it has ended), not the
 * running, still empty December; next year, opened in December as offices do, stays one click
 * behind the running year; typed realisasi is never lost without a question.
 */
const fakeNow = '2026-12-08T03:00:00.000Z'; // 10:00 WIB
const browserNow = new Date('2026-03-16T09:00:00+07:00');

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = path.join(root, 'electron', 'cli', 'main.ts');

/** `kinerja serve` on the fixed day. */
async function startServer(dataDir: string): Promise<{ server: Server; child: ChildProcess }> {
  const child = spawn(tsx, [cli, 'serve', '--data', dataDir, '--port', '0'], {
    cwd: root,
    env: { ...process.env, KINERJA_FAKE_NOW: fakeNow },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /berjalan di (http:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return { server: { url: url + '/', dataDir }, child };
}

interface DecemberOffice extends SkpOffice {
  skpId: string;
}

/**
 * The SKP office with Tahun Penilaian 2026 (monthly) open and the employee's plan approved, on
 * 8 December 2026.
 */
const test = base.extend<{ office: DecemberOffice }>({
  // eslint-disable-next-line no-empty-pattern
  office: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-'));
    kinerja(['init', '--data', dir, '--office-name', admin.office, '--admin-nip', admin.nip, '--admin-name', admin.name, '--admin-password', admin.password]);
    const { server, child } = await startServer(dir);
    try {
      const office = await buildSkpOffice(server);
      const adm = await Api.login(server.url, admin.nip, admin.password);
      const today = await adm.call<{ today: string }>('year.today', {});
      // The whole spec is about this day: fail loudly if the server does not honour the fixed clock.
      expect(today.today, 'kinerja serve must honour KINERJA_FAKE_NOW').toBe('2026-12-08');
      const yearId = (await adm.call<{ year: { id: string } }>('year.open', { year: 2026 })).year.id;
      await adm.dispose();
      const emp = await Api.login(server.url, office.employee.nip, password);
      const skp = (await emp.call<{ skp: { id: string; version: number } }>('skp.create', { yearId, approach: 'kuantitatif' })).skp;
      const saved = await emp.call<{ version: number }>('skp.saveRhk', {
        skpId: skp.id,
        version: skp.version,
        rhk: {
          kind: 'utama',
          text: 'Terlaksananya administrasi surat masuk dan surat keluar yang tertib',
          parentRhkId: null,
          indicators: [{ aspek: 'kuantitas', text: 'Jumlah surat yang diagendakan', targetMin: 100, targetMax: 120, targetUnit: 'surat' }],
        },
      });
      const submitted = await emp.call<{ version: number }>('skp.submit', { skpId: skp.id, version: saved.version });
      await emp.dispose();
      const appr = await Api.login(server.url, office.appraiser.nip, password);
      await appr.call('skp.approve', { skpId: skp.id, version: submitted.version });
      await appr.dispose();
      await use({ ...office, skpId: skp.id });
    } finally {
      child.kill('SIGTERM');
    }
  },
});

test.describe.configure({ timeout: 240_000 });

async function signIn(page: Page, server: Server, nip: string, pass: string) {
  await page.clock.setFixedTime(browserNow);
  await login(page, server, nip, pass);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

async function signOut(page: Page) {
  const close = page.locator('.mantine-Notification-root button');
  for (let n = 0; n < 10 && (await close.count()) > 0; n++) await close.first().click({ timeout: 2000 }).catch(() => undefined);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Kinerja' })).toBeVisible();
}

const nav = (page: Page, name: string | RegExp) => page.getByRole('navigation').getByRole('link', { name });
const periodPicker = (page: Page) => page.getByRole('combobox', { name: 'Periode', exact: true });
const yearPicker = (page: Page) => page.getByRole('combobox', { name: 'Tahun Penilaian', exact: true });

async function shot(page: Page, name: string) {
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 800 });
}

test('pada 8 Desember, Penilaian, Dasbor Kinerja dan Kurva Distribusi membuka November; pilihan periode terbawa antarhalaman', async ({ page, office }) => {
  const { server } = office;

  await signIn(page, server, admin.nip, admin.password);
  await nav(page, 'Dasbor Kinerja').click();
  await expect(page.getByRole('heading', { name: 'Dasbor Kinerja' })).toBeVisible();
  await expect(yearPicker(page)).toHaveValue('2026 (berjalan)');
  await expect(periodPicker(page)).toHaveValue('November 2026');
  await shot(page, '01-dasbor-november');

  await nav(page, 'Kurva Distribusi').click();
  await expect(periodPicker(page)).toHaveValue('November 2026');

  // Chosen on one page, kept on the next.
  await periodPicker(page).click();
  await page.getByRole('option', { name: 'Oktober 2026' }).click();
  await expect(periodPicker(page)).toHaveValue('Oktober 2026');
  await nav(page, 'Dasbor Kinerja').click();
  await expect(periodPicker(page)).toHaveValue('Oktober 2026');
  await signOut(page);

  // The appraiser's Penilaian: November too (a choice is per user, the admin's October is not hers).
  await signIn(page, server, office.appraiser.nip, password);
  await nav(page, /^Penilaian/).click();
  await expect(periodPicker(page)).toHaveValue('November 2026');
  await shot(page, '02-penilaian-november');
});

test('tahun 2027 dibuka pada Desember: tahun 2026 yang berjalan tetap di depan, 2027 satu klik', async ({ page, office }) => {
  const { server } = office;
  const adm = await Api.login(server.url, admin.nip, admin.password);
  await adm.call('year.open', { year: 2027 });
  await adm.dispose();

  // Pegawai: Tahun Saya stays on 2026, 2027 is one click away and back.
  await signIn(page, server, office.employee.nip, password);
  await nav(page, 'Tahun Saya').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tahun Saya 2026');
  await expect(yearPicker(page)).toHaveValue('2026 (berjalan)');
  await shot(page, '03-tahun-saya-2026');
  await page.getByRole('button', { name: 'Lihat tahun 2027' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tahun Saya 2027');
  await page.getByRole('button', { name: 'Kembali ke tahun 2026' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tahun Saya 2026');
  // Realisasi opens the 2026 plan (the 2027 one does not exist yet).
  await nav(page, 'Realisasi').click();
  await expect(page).toHaveURL(new RegExp(`/skp/${office.skpId}/realisasi/`));
  await signOut(page);

  // Pejabat Penilai: Tim Saya and Penilaian on 2026.
  await signIn(page, server, office.appraiser.nip, password);
  await nav(page, 'Tim Saya').click();
  await expect(yearPicker(page)).toHaveValue('2026 (berjalan)');
  await nav(page, /^Penilaian/).click();
  await expect(yearPicker(page)).toHaveValue('2026 (berjalan)');
  await expect(periodPicker(page)).toHaveValue('November 2026');
  await signOut(page);

  // Pengelola: Pemantauan SKP and Dasbor Kinerja on 2026.
  await signIn(page, server, admin.nip, admin.password);
  await nav(page, 'Pemantauan SKP').click();
  await expect(yearPicker(page)).toHaveValue('2026 (berjalan)');
  await shot(page, '04-pemantauan-2026');
  await nav(page, 'Dasbor Kinerja').click();
  await expect(yearPicker(page)).toHaveValue('2026 (berjalan)');
});

test('Realisasi: pergi dengan isian belum disimpan bertanya dulu; isian bertahan setelah muat ulang; periode berjalan diperingatkan; yang terkirim dapat ditarik kembali', async ({
  page,
  office,
}) => {
  const { server } = office;
  await signIn(page, server, office.employee.nip, password);
  await page.goto(`${server.url}#/skp/${office.skpId}/realisasi/11`);
  await expect(page.getByRole('heading', { name: /Realisasi November 2026/ })).toBeVisible();

  const value = page.getByRole('textbox', { name: 'Realisasi' }).first();
  await value.fill('87');
  await expect(page.getByTestId('realisasi-actions')).toContainText('Ada isian yang belum disimpan');

  // The menu asks first; staying keeps the input.
  await nav(page, 'Tahun Saya').click();
  const guard = page.getByRole('dialog', { name: 'Perubahan belum disimpan' });
  await expect(guard).toBeVisible();
  await shot(page, '05-realisasi-tanya-sebelum-pergi');
  await guard.getByRole('button', { name: 'Tetap di halaman ini' }).click();
  await expect(guard).toBeHidden();
  await expect(value).toHaveValue('87');

  // Reloading: the browser asks (beforeunload), and the typed value comes back as a kept draft.
  page.once('dialog', (d) => {
    expect(d.type()).toBe('beforeunload');
    void d.accept();
  });
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Realisasi' }).first()).toHaveValue('87');

  // Leaving without saving, when confirmed, leaves.
  await nav(page, 'Tahun Saya').click();
  await page.getByRole('dialog', { name: 'Perubahan belum disimpan' }).getByRole('button', { name: 'Tinggalkan tanpa menyimpan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tahun Saya 2026');

  // December has not ended on 8 December: sending it warns.
  await page.goto(`${server.url}#/skp/${office.skpId}/realisasi/12`);
  await expect(page.getByRole('heading', { name: /Realisasi Desember 2026/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Realisasi' }).first().fill('20');
  await page.getByTestId('realisasi-actions').getByRole('button', { name: 'Kirim ke Pejabat Penilai' }).click();
  await expect(page.getByTestId('period-not-ended')).toContainText('belum berakhir');
  await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
  await page.getByTestId('realisasi-actions').getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByTestId('realisasi-actions')).toContainText('Semua isian tersimpan');

  // November (ended) is sent without that warning, then taken back while not yet judged.
  await page.goto(`${server.url}#/skp/${office.skpId}/realisasi/11`);
  await page.getByRole('textbox', { name: 'Realisasi' }).first().fill('101');
  await page.getByTestId('realisasi-actions').getByRole('button', { name: 'Kirim ke Pejabat Penilai' }).click();
  const send = page.getByRole('dialog');
  await expect(send.getByTestId('period-not-ended')).toHaveCount(0);
  await send.getByRole('button', { name: 'Kirim ke Pejabat Penilai' }).click();
  await expect(page.getByTestId('realisasi-sent')).toBeVisible();
  await page.getByTestId('realisasi-sent').getByRole('button', { name: 'Tarik kembali' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tarik kembali' }).click();
  await expect(page.getByTestId('realisasi-sent')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Realisasi' }).first()).toHaveValue('101');
});
