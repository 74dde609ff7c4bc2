import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../electron/core/sync/transport';
import { OfficeSync } from '../../electron/core/sync/office';
import { backoffDelay, SyncScheduler } from '../../electron/core/sync/scheduler';
import { TestClock } from '../helpers';
import { removeAllTempDirs } from '../helpers/tempdir';
import { newOffice, TestCentral } from './harness';
import { doWork } from './work';

afterAll(() => removeAllTempDirs());

describe('background sync', () => {
  it('backs off exponentially with jitter and a ceiling', () => {
    expect(backoffDelay(1, 15_000, 1_800_000, () => 0.5)).toBe(15_000);
    expect(backoffDelay(3, 15_000, 1_800_000, () => 0.5)).toBe(60_000);
    expect(backoffDelay(20, 15_000, 1_800_000, () => 0.5)).toBe(1_800_000);
    expect(backoffDelay(2, 15_000, 1_800_000, () => 0)).toBe(15_000);
    expect(backoffDelay(2, 15_000, 1_800_000, () => 0.999)).toBe(44_970);
  });

  it('"Sinkronkan sekarang" (sync.requestRun) is taken up by the scheduler; sync.status says Tersinkron afterwards', async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    const office = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    const scheduler = new SyncScheduler(office.core, {
      intervalMs: 3_600_000,
      pollMs: 20,
      makeSync: () => new OfficeSync(office.core, { transport: new HttpTransport(central.url) }),
    });
    try {
      expect(office.tryCall('sync.requestRun', {}, office.adminSession())).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
      await central.enrol(office, 'Dinas Pendidikan');
      doWork(office, 3);
      expect(office.asAdmin('sync.status', {})).toMatchObject({ enrolled: true, state: 'menunggu', centralName: 'BKPSDM Kota Langsa', runs: [] });
      office.asAdmin('sync.requestRun', {});
      expect(office.asAdmin('sync.status', {}).requestedAt).not.toBeNull();
      scheduler.start();
      for (let i = 0; i < 500 && office.asAdmin('sync.status', {}).runs.length === 0; i++) await sleep(20);
      for (let i = 0; i < 500 && office.asAdmin('sync.status', {}).runs[0]?.finishedAt == null; i++) await sleep(20);
      expect(office.asAdmin('sync.status', {})).toMatchObject({ state: 'tersinkron', stateText: 'Tersinkron', requestedAt: null, pending: 0 });
    } finally {
      await scheduler.stop();
      office.close();
      await central.stop();
    }
  }, 60_000);
});
