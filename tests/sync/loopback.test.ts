import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import { verifyAudit } from '../../electron/core/audit/verify';
import { makeAdminPusat } from '../../electron/core/central/setup';
import { syncStatus } from '../../electron/core/sync/office';
import { makeOffice, TestClock } from '../helpers';
import type { TestCentral} from './harness';
import { newOffice, officeRows, syncer } from './harness';
import { centralStores } from './stores';
import { doWork } from './work';

const { kinds, pgSkip, centralOn } = centralStores('central');
if (pgSkip) console.log(`Uji server pusat di PostgreSQL dilewati: ${pgSkip}`);

describe.each(kinds)('central and two offices on loopback (%s)', (kind) => {
  const opened: { close(): void }[] = [];
  let central: TestCentral | null = null;
  afterEach(async () => {
    for (const o of opened.splice(0)) o.close();
    await central?.stop();
    central = null;
  });

  it('both offices work offline, then sync: the central holds exactly the union, digests equal, audit chains verify', async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    central = await centralOn(kind, clock);
    // The central's own database (its accounts and audit trail), set up as `init --central` does.
    const pusat = makeOffice({ clock, dir: central.dir, ownsDir: false, setup: { officeName: 'BKPSDM Kota Langsa', officeCode: 'BKPSDM' } });
    opened.push(pusat);
    makeAdminPusat(pusat.core, pusat.admin.userId, pusat.officeId);
    const a = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    const b = newOffice(clock, 'Dinas Kesehatan Kota Langsa', 'DINKES');
    opened.push(a, b);
    // Offline work before the offices even know the central.
    doWork(a, 12);
    doWork(b, 7);
    await central.enrol(a, 'Dinas Pendidikan');
    await central.enrol(b, 'Dinas Kesehatan');
    // What the city decides flows back with the sync: for every office, and for one office only.
    await central.store.publishReference({ kind: 'announcement', officeId: null, data: { title: 'Batas input realisasi', body: 'Paling lambat 5 April.' } });
    await central.store.publishReference({ kind: 'org_rating', officeId: a.officeId, data: { year: 2026, period: 'TW1', rating: 'Baik' } });
    clock.advanceMinutes(1);
    const ra = await syncer(a, central, { batchRows: 10 }).run();
    const rb = await syncer(b, central).run();
    expect(ra).toMatchObject({ ok: true, digestsEqual: true, rejects: [] });
    expect(rb).toMatchObject({ ok: true, digestsEqual: true });
    expect(ra.pushed).toBeGreaterThan(12);

    // More offline work on both, including edits and tombstones, then a second sync.
    clock.advanceHours(3);
    doWork(a, 5);
    doWork(b, 9);
    expect(syncStatus(a.core).state).toBe('menunggu');
    await syncer(a, central, { batchRows: 7 }).run();
    await syncer(b, central).run();

    expect(await central.rowsOf(a.officeId)).toEqual(officeRows(a));
    expect(await central.rowsOf(b.officeId)).toEqual(officeRows(b));
    // Exactly the union: nothing of one office under the other, nothing else at all.
    const total = async () => {
      let n = 0;
      for (const t of ['employees', 'offices']) n += (await central!.store.countRows(a.officeId, t)) + (await central!.store.countRows(b.officeId, t));
      return n;
    };
    const localTotal = ['employees', 'offices'].reduce(
      (n, t) => n + (a.core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n + (b.core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
      0,
    );
    expect(await total()).toBe(localTotal);

    const sa = syncStatus(a.core);
    expect(sa).toMatchObject({ state: 'tersinkron', stateText: 'Tersinkron', pending: 0, digestsEqual: true });
    expect(sa.runs).toHaveLength(2);
    // Pulled reference data is in each office's trail: the whole audit check is clean on all three.
    expect(a.core.sqlite.prepare('SELECT kind FROM reference_data ORDER BY kind').all()).toEqual([{ kind: 'announcement' }, { kind: 'org_rating' }]);
    expect(b.core.sqlite.prepare('SELECT kind FROM reference_data ORDER BY kind').all()).toEqual([{ kind: 'announcement' }]);
    for (const core of [pusat.core, a.core, b.core]) {
      expect(verifyAuditChain(core).ok).toBe(true);
      expect(verifyAudit(core).findings).toEqual([]);
    }
    const offices = await central.store.listOffices();
    expect(offices.map((o) => [o.name, o.digestEqual, o.pending, o.silent])).toEqual([
      ['Dinas Kesehatan', true, 0, false],
      ['Dinas Pendidikan', true, 0, false],
    ]);
    // The central keeps each office's audit-chain head as a witness.
    const head = a.core.sqlite.prepare('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number };
    expect(offices.find((o) => o.name === 'Dinas Pendidikan')!.auditSeq).toBe(head.seq);
  }, 60_000);
});
