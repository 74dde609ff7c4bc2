import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const admin = {
  nip: '198609262015051001',
  name: 'Rahmat Hidayat, S.Pd.',
  password: 'Rahasia-Kantor-26',
  office: 'Dinas Pendidikan dan Kebudayaan Kota Langsa',
};

/**
 * The browser tests run on a fixed date, never on the day CI happens to run (docs/spec/operations.md §9): Wednesday
 * 9 December 2026, 09:00 in Langsa, unless KINERJA_FAKE_NOW names another. Every `kinerja` the
 * specs start inherits it (electron/core/clock.ts), and every browser context starts its clock there.
 */
export const e2eNow = new Date(process.env.KINERJA_FAKE_NOW ?? '2026-12-09T02:00:00.000Z');
process.env.KINERJA_FAKE_NOW = e2eNow.toISOString();

/** A browser context for another user, on the fixed date like the test's own. */
export async function newUserContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await context.clock.install({ time: e2eNow });
  return context;
}

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = path.join(root, 'electron', 'cli', 'main.ts');

/** Runs `kinerja <args>` and fails the test with its output when it does not exit 0. */
export function kinerja(args: string[]): string {
  const r = spawnSync(tsx, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kinerja ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export interface Server {
  url: string;
  dataDir: string;
}

export async function startServer(dataDir: string): Promise<{ server: Server; child: ChildProcess }> {
  const child = spawn(tsx, [cli, 'serve', '--data', dataDir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /berjalan di (http:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return { server: { url: url + '/', dataDir }, child };
}

interface Fixtures {
  /** A fresh, empty data folder served by `kinerja serve` (first-run state). */
  emptyServer: Server;
  /** A served office initialised with `kinerja init` (the admin above). */
  officeServer: Server;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-'));
}

export const test = base.extend<Fixtures>({
  // The browser's clock starts at the fixed date too (and then runs on, as a real one does).
  context: async ({ context }, use) => {
    await context.clock.install({ time: e2eNow });
    await use(context);
  },
  // Playwright requires the object pattern even when a fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  emptyServer: async ({}, use) => {
    const dir = path.join(tempDir(), 'data-baru');
    const { server, child } = await startServer(dir);
    await use(server);
    child.kill('SIGTERM');
  },
  // eslint-disable-next-line no-empty-pattern
  officeServer: async ({}, use) => {
    const dir = tempDir();
    kinerja(['init', '--data', dir, '--office-name', admin.office, '--admin-nip', admin.nip, '--admin-name', admin.name, '--admin-password', admin.password]);
    const { server, child } = await startServer(dir);
    await use(server);
    child.kill('SIGTERM');
  },
});

export { expect };

export async function login(page: Page, server: Server, loginName: string, password: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('NIP atau nama pengguna').fill(loginName);
  await page.getByLabel(/^Kata sandi/).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
