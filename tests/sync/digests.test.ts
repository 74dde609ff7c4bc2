import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { listReplicatedTables } from '../../electron/core/db/replicated';
import { seedSynthetic } from '../../electron/core/seed/synthetic';
import { tableDigest } from '../../electron/core/sync/digest';
import { currentLocalDigest } from '../../electron/core/sync/digest-state';
import { localStamps } from '../../electron/core/sync/local';
import { enroll, OfficeSync, syncKeys, type SyncProgress } from '../../electron/core/sync/office';
import { HttpTransport, type SyncTransport } from '../../electron/core/sync/transport';
import type { Digest } from '../../shared/sync/protocol';
import { makeEmptyCore, TestClock } from '../helpers';
import { seedWrite } from '../helpers/users';
import { seededRandom } from './faulty';
import { newOffice, officeRows, syncer } from './harness';
import { centralStores } from './stores';
import { doWork } from './work';

const { kinds, centralOn } = centralStores('digests');

/** Every row hashed, independently of the kept digest's code path. */
function recount(core: Core, officeId: string): Digest {
  const out: Digest = {};
  for (const table of listReplicatedTables()) out[table] = tableDigest(localStamps(core, officeId, table));
  return out;
}

/** Fails every request after the first `n`, like a cable pulled mid-sync. */
class CutAfter implements SyncTransport {
  private sent = 0;
  constructor(
    private readonly inner: SyncTransport,
    private readonly n: number,
  ) {}
  async send(req: Parameters<SyncTransport['send']>[0]) {
    if (++this.sent > this.n) throw Object.assign(new Error('kabel dicabut'), { code: 'ECONNRESET' });
    return this.inner.send(req);
  }
}

describe.each(kinds)('kept digests and the baseline (%s)', (kind) => {
  it('a seeded year goes by the baseline in batches, resumes after a cut, and both kept digests equal a full recount', async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await centralOn(kind, clock);
    const office = makeEmptyCore({ clock });
    try {
      seedSynthetic(office.core, 12, () => {}, { seed: 3 });
      const officeId = office.core.officeId()!;
      const { enrolmentCode } = await central.store.addOffice({ name: 'Dinas Sintetis' });
      await enroll(office.core, { centralUrl: central.url, code: enrolmentCode });
      const unlogged = listReplicatedTables().reduce(
        (n, t) => n + (office.core.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}" x WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.row_id = x.id)`).get() as { n: number }).n,
        0,
      );
      expect(unlogged).toBeGreaterThan(500);

      // The first attempt is cut during the baseline: what was acknowledged stays acknowledged.
      const progress: SyncProgress[] = [];
      const cut = new OfficeSync(office.core, { transport: new CutAfter(new HttpTransport(central.url), 6), batchRows: 100, onProgress: (p) => progress.push(p) });
      await expect(cut.run()).rejects.toThrow();
      const position = JSON.parse(office.core.getMeta(syncKeys.baseline)!) as { table: string; afterId: string };
      expect(position.afterId).not.toBe('');
      const firstTotal = progress.find((p) => p.phase === 'baseline')!.total;
      expect(firstTotal).toBe(unlogged);

      const resumed: SyncProgress[] = [];
      const r = await new OfficeSync(office.core, { transport: new HttpTransport(central.url), batchRows: 100, onProgress: (p) => resumed.push(p) }).run();
      expect(r).toMatchObject({ ok: true, digestsEqual: true, repaired: 0 });
      // The second run sent only what the first had not, in batches of at most 100 rows.
      const baseline = resumed.filter((p) => p.phase === 'baseline');
      expect(baseline[0]!.total).toBeLessThan(firstTotal);
      expect(baseline.at(-1)!.done).toBe(baseline[0]!.total);
      expect(office.core.getMeta(syncKeys.baseline)).toBe('done');
      const central_rows = await central.rowsOf(officeId);
      const local_rows: Record<string, Record<string, unknown>[]> = {};
      for (const t of listReplicatedTables()) {
        local_rows[t] = (office.core.sqlite.prepare(`SELECT * FROM "${t}" WHERE office_id = ? ORDER BY id`).all(officeId) as Record<string, unknown>[]).map((row) =>
          Object.fromEntries(Object.keys(row).sort().map((k) => [k, row[k]])),
        );
      }
      expect(central_rows).toEqual(local_rows);

      // The kept sums at both ends are the full recount's.
      expect(currentLocalDigest(office.core, officeId)).toEqual(recount(office.core, officeId));
      expect(await central.store.digest(officeId)).toEqual(await central.store.digest(officeId, true));
    } finally {
      office.close();
      await central.stop();
    }
  }, 120_000);

  it('after rounds of seeded random work (new rows, edits, tombstones) the kept digests equal a full recount at both ends', async () => {
    const seed = 4242;
    const random = seededRandom(seed);
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await centralOn(kind, clock);
    const office = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    try {
      await central.enrol(office, 'Dinas Pendidikan');
      for (let round = 0; round < 6; round++) {
        clock.advanceMinutes(11);
        doWork(office, 1 + Math.floor(random() * 5), random);
        if (random() < 0.5) {
          const some = office.core.sqlite.prepare('SELECT id FROM employees WHERE deleted_at IS NULL AND id != ? ORDER BY id LIMIT 2').all(office.admin.employeeId) as { id: string }[];
          seedWrite(office, (w) => some.forEach((e) => w.update('employees', e.id, { email: `pegawai${round}@langsakota.go.id` })));
        }
        // The kept digest is checked before the sync too: it follows local work without a sync.
        expect(currentLocalDigest(office.core, office.officeId), `seed ${seed}, round ${round}`).toEqual(recount(office.core, office.officeId));
        const r = await syncer(office, central, { batchRows: 1 + Math.floor(random() * 8) }).run();
        expect(r, `seed ${seed}, round ${round}`).toMatchObject({ ok: true, digestsEqual: true });
        expect(currentLocalDigest(office.core, office.officeId)).toEqual(recount(office.core, office.officeId));
        expect(await central.store.digest(office.officeId), `seed ${seed}, round ${round}`).toEqual(await central.store.digest(office.officeId, true));
      }
      expect(await central.rowsOf(office.officeId)).toEqual(officeRows(office));
    } finally {
      office.close();
      await central.stop();
    }
  }, 120_000);
});
