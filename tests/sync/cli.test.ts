import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli';
import { makeTempDir, removeAllTempDirs } from '../helpers/tempdir';

afterAll(() => removeAllTempDirs());

/** `serve --central` as its own process, until it prints its address. */
function startCentral(dataDir: string): Promise<{ url: string; stop(): Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'electron/cli/main.ts'), 'serve', '--central', '--data', dataDir, '--port', '0', '--renderer', path.join(dataDir, 'none')], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exit = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
    const timer = setTimeout(() => reject(new Error(`serve --central did not start\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /berjalan di (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          stop: async () => {
            child.kill('SIGTERM');
            return exit;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

describe('kinerja central and sync commands', () => {
  it('init --central, add-office (code on the last line), serve --central, sync enroll/run/status', async () => {
    const pusat = makeTempDir('kinerja-pusat-');
    const kantor = makeTempDir('kinerja-kantor-');
    const admin = ['--admin-nip', '19800101 200501 1 001', '--admin-name', 'Admin Pusat', '--admin-password', 'SandiKuat123'];
    const init = await runCli(['init', '--central', '--data', pusat, '--office-name', 'BKPSDM Kota Langsa', ...admin], 60_000);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const add = await runCli(['central', 'add-office', '--data', pusat, '--name', 'Dinas Pendidikan'], 60_000);
    expect(add.code).toBe(0);
    const code = add.stdout.trim().split('\n').pop()!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await runCli(['init', '--data', kantor, '--office-name', 'Dinas Pendidikan Kota Langsa', ...admin], 60_000)).code).toBe(0);

    const central = await startCentral(pusat);
    try {
      const enrol = await runCli(['sync', 'enroll', '--data', kantor, '--central', central.url, '--code', code], 60_000);
      expect(enrol.stdout).toContain('Terdaftar di BKPSDM Kota Langsa sebagai "Dinas Pendidikan"');
      const run = await runCli(['sync', 'run', '--data', kantor], 60_000);
      expect(run.stdout, run.stderr).toContain('Tersinkron');
      expect(run.code).toBe(0);
      const status = await runCli(['sync', 'status', '--data', kantor, '--json'], 60_000);
      expect(status.code).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ enrolled: true, state: 'tersinkron', pending: 0, digestsEqual: true });
      // The code was single use.
      const again = await runCli(['sync', 'enroll', '--data', kantor, '--central', central.url, '--code', code], 60_000);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('tidak dikenal atau sudah dipakai');
    } finally {
      expect(await central.stop()).toBe(0);
    }
    const offices = await runCli(['central', 'offices', '--data', pusat], 60_000);
    expect(offices.stdout).toMatch(/Dinas Pendidikan\taktif\tterakhir \d{4}-.*\tmenunggu 0\tsidik sama/);
    // After the sync the audit trail is whole at both ends (the central's Admin Pusat entry included).
    for (const dir of [pusat, kantor]) {
      const verify = await runCli(['audit', 'verify', '--data', dir], 60_000);
      expect(verify.stdout + verify.stderr).toContain('Rantai audit utuh');
      expect(verify.code).toBe(0);
    }
  }, 180_000);
});
