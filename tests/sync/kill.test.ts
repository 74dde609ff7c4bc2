import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/verify';
import { fakeNowVariable } from '../../electron/core/clock';
import type { PushResponse } from '../../shared/sync/protocol';
import { TestClock, type Office } from '../helpers';
import { repoRoot } from '../helpers/cli';
import { removeAllTempDirs } from '../helpers/tempdir';
import { seededRandom } from './faulty';
import { newOffice, officeRows, TestCentral } from './harness';
import { doWork } from './work';

afterAll(() => removeAllTempDirs());

const seed = Number(process.env.SYNC_KILL_SEED ?? 20261208);
const rounds = Number(process.env.SYNC_KILL_ROUNDS ?? 4);

interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  killedAfter: number | null;
}

/**
 * The real `kinerja sync run` as its own process, on the central's clock (KINERJA_FAKE_NOW). With
 * `killAfterProgress`, it is killed with SIGKILL once it has reported that many progress steps plus
 * a small delay: mid-batch, between a commit and its acknowledgment, wherever that lands.
 */
function syncRun(dataDir: string, nowIso: string, batchRows: number, kill: { afterProgress: number; delayMs: number } | null): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'electron/cli/main.ts'), 'sync', 'run', '--data', dataDir, '--batch-rows', String(batchRows)], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'test', [fakeNowVariable]: nowIso },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let steps = 0;
    let killedAfter: number | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sync run tidak selesai\n${stdout}\n${stderr}`));
    }, 90_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      stderr += text;
      steps += (text.match(/\r/g) ?? []).length;
      if (kill && killedAfter === null && steps >= kill.afterProgress) {
        killedAfter = steps;
        setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, killedAfter });
    });
  });
}

describe('an office killed (SIGKILL) in the middle of `kinerja sync run`', () => {
  it(`over ${rounds} seeded rounds of work and kills, then a clean run: equal digests, 0 changes lost, 0 applied twice`, async () => {
    console.log(`Jadwal SIGKILL sinkronisasi: seed ${seed} (ulangi dengan SYNC_KILL_SEED=${seed})`);
    const random = seededRandom(seed);
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    let office: Office = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    const dir = office.dir;
    let killed = 0;
    try {
      await central.enrol(office, 'Dinas Pendidikan');
      for (let round = 0; round < rounds; round++) {
        clock.advanceMinutes(9);
        office = office.reopen();
        doWork(office, 6 + Math.floor(random() * 8), random);
        office.core.close();
        const out = await syncRun(dir, clock.now().toISOString(), 2 + Math.floor(random() * 3), { afterProgress: 1 + Math.floor(random() * 6), delayMs: Math.floor(random() * 40) });
        if (out.signal === 'SIGKILL') killed++;
        else expect(out.code, `seed ${seed}, round ${round}: ${out.stderr}`).not.toBeNull();
      }
      // At least most rounds were cut mid-sync (a round may finish before its kill lands).
      expect(killed, `seed ${seed}`).toBeGreaterThanOrEqual(Math.ceil(rounds / 2));

      clock.advanceMinutes(9);
      const last = await syncRun(dir, clock.now().toISOString(), 50, null);
      expect(last.stdout, `${last.stdout}\n${last.stderr}`).toContain('Tersinkron');
      expect(last.code).toBe(0);

      office = office.reopen();
      // 0 lost: the central holds exactly the office's rows, and nothing waits in the outbox.
      expect(await central.rowsOf(office.officeId), `seed ${seed}`).toEqual(officeRows(office));
      expect(office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log WHERE sent_at IS NULL').get()).toEqual({ n: 0 });
      const digest = await central.store.digest(office.officeId, true);
      expect(await central.store.digest(office.officeId)).toEqual(digest);
      // 0 applied twice: every change of the outbox went through exactly one committed batch.
      const changes = (office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
      const batches = await central.store.db.selectFrom('central_batches').select('response').where('office_id', '=', office.officeId).execute();
      const outcomes = batches.map((b) => JSON.parse(b.response) as PushResponse);
      expect(outcomes.reduce((n, o) => n + o.applied + o.unchanged + o.rejects.length, 0), `seed ${seed}`).toBe(changes);
      // The killed processes left nothing the audit trail cannot account for.
      expect(verifyAudit(office.core).findings).toEqual([]);
    } finally {
      office.close();
      await central.stop();
    }
  }, 300_000);
});
