import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import { OfficeSync } from '../../electron/core/sync/office';
import { HttpTransport } from '../../electron/core/sync/transport';
import { TestClock, type Office } from '../helpers';
import { removeAllTempDirs } from '../helpers/tempdir';
import { FaultyTransport, seededRandom } from './faulty';
import { newOffice, officeRows, syncer, TestCentral } from './harness';
import { doWork } from './work';

afterAll(() => removeAllTempDirs());

const seed = Number(process.env.SYNC_FAULT_SEED ?? 20261208);
const rounds = Number(process.env.SYNC_FAULT_ROUNDS ?? 24);

describe('sync over a faulty network (seeded)', () => {
  it(`after ${rounds} rounds of drops, duplicates, replays, cuts, delays, resets, central restarts and killed offices: equal digests, nothing lost, nothing applied twice`, async () => {
    console.log(`Jadwal gangguan sinkronisasi: seed ${seed} (ulangi dengan SYNC_FAULT_SEED=${seed})`);
    const random = seededRandom(seed);
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    const offices: Office[] = [newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK'), newOffice(clock, 'Dinas Kesehatan Kota Langsa', 'DINKES')];
    await central.enrol(offices[0]!, 'Dinas Pendidikan');
    await central.enrol(offices[1]!, 'Dinas Kesehatan');
    const faults: string[] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        clock.advanceMinutes(7);
        for (let i = 0; i < offices.length; i++) {
          let office = offices[i]!;
          doWork(office, 1 + Math.floor(random() * 4), random);
          const transport = new FaultyTransport(new HttpTransport(central.url), random, { restartCentral: () => central.restart() });
          const sync = new OfficeSync(office.core, { transport, batchRows: 1 + Math.floor(random() * 6) });
          await sync.run().catch(() => null);
          faults.push(...transport.log);
          if (transport.log.includes('kill-office')) {
            // What a killed process leaves: the database file as committed. Reopen it from disk.
            const reopened = office.reopen();
            office.core.close();
            office = reopened;
            offices[i] = office;
          }
        }
      }
      // The network heals: one clean sync each.
      clock.advanceMinutes(7);
      for (const office of offices) {
        const r = await syncer(office, central).run();
        expect(r, `seed ${seed}`).toMatchObject({ ok: true, digestsEqual: true });
      }
      for (const office of offices) {
        expect(await central.rowsOf(office.officeId), `seed ${seed}`).toEqual(officeRows(office));
        expect(office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log WHERE sent_at IS NULL').get()).toEqual({ n: 0 });
        expect(verifyAuditChain(office.core).ok).toBe(true);
      }
      // Every kind of fault actually happened in this schedule.
      expect(new Set(faults).size, `faults seen: ${[...new Set(faults)].join(', ')}`).toBeGreaterThanOrEqual(7);
    } finally {
      offices.forEach((o) => o.close());
      await central.stop();
    }
  }, 240_000);
});
