import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reanchorAfterRestore } from '../../electron/core/audit/anchor';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import { verifyAudit } from '../../electron/core/audit/verify';
import { databasePath } from '../../electron/core/db/connection';
import { syncStatus } from '../../electron/core/sync/office';
import { TestClock } from '../helpers';
import { seedWrite } from '../helpers/users';
import { removeAllTempDirs } from '../helpers/tempdir';
import { newOffice, officeRows, syncer, TestCentral } from './harness';
import { doWork } from './work';

afterAll(() => removeAllTempDirs());

/** New staff only: the edits and tombstones of this test are its own, not random ones. */
const quiet = () => 0.5;

describe('an office that restores a backup', () => {
  it('is detected before it pushes, takes its newer rows back, starts a new epoch: nothing lost, nothing resurrected, the office is told', async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    let office = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    try {
      await central.enrol(office, 'Dinas Pendidikan');
      const [first] = doWork(office, 4, quiet);
      expect((await syncer(office, central).run()).ok).toBe(true);

      // The morning's backup.
      const backup = path.join(office.dir, 'pagi.db');
      office.core.sqlite.exec(`VACUUM INTO '${backup}'`);

      // The day goes on: new staff, an edit and a tombstone, all synced to the central.
      clock.advanceHours(3);
      const afternoon = doWork(office, 3, quiet);
      seedWrite(office, (w) => w.update('employees', first!, { phone: '0811111' }));
      const doomed = afternoon[2]!;
      seedWrite(office, (w) => w.remove('employees', doomed));
      expect((await syncer(office, central).run()).ok).toBe(true);
      const centralBefore = await central.rowsOf(office.officeId);

      // The morning's backup is restored over the live database.
      const reopened = (() => {
        office.core.close();
        for (const f of [databasePath(office.dir), `${databasePath(office.dir)}-wal`, `${databasePath(office.dir)}-shm`]) fs.rmSync(f, { force: true });
        fs.copyFileSync(backup, databasePath(office.dir));
        // As the real restore does (electron/core/backup/restore.ts): the anchor follows the restored database.
        const restored = new Database(databasePath(office.dir));
        reanchorAfterRestore(office.dir, restored, clock.now().toISOString());
        restored.close();
        return office.reopen();
      })();
      office = reopened;
      expect(office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM employees WHERE id = ?').get(afternoon[0])).toEqual({ n: 0 });

      // Work again on the restored database, including the record edited in the afternoon.
      clock.advanceHours(1);
      seedWrite(office, (w) => w.update('employees', first!, { phone: '0822222' }));
      doWork(office, 2, quiet);

      const r = await syncer(office, central).run();
      expect(r.ok).toBe(true);
      expect(r.notice).toMatch(/dipulihkan dari cadangan/);
      expect(syncStatus(office.core)).toMatchObject({ notice: expect.stringMatching(/epoch 1/), epoch: 1, state: 'tersinkron' });

      // Nothing lost: the afternoon's rows are back at the office; the tombstone stays a tombstone.
      for (const id of afternoon.slice(0, 2)) expect(office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM employees WHERE id = ?').get(id)).toEqual({ n: 1 });
      expect(office.core.sqlite.prepare('SELECT deleted_at IS NOT NULL AS dead FROM employees WHERE id = ?').get(doomed)).toEqual({ dead: 1 });
      // The edit made after the restore wins over the afternoon's, at a version above it.
      const after = office.core.sqlite.prepare('SELECT phone, version FROM employees WHERE id = ?').get(first) as { phone: string; version: number };
      const centralFirst = centralBefore.employees!.find((e) => e.id === first)!;
      expect(after.phone).toBe('0822222');
      expect(after.version).toBeGreaterThan(Number(centralFirst.version));
      // Both ends equal, audit chain intact (the recovery is itself an audit entry).
      expect(await central.rowsOf(office.officeId)).toEqual(officeRows(office));
      expect(verifyAuditChain(office.core).ok).toBe(true);
      // Every row taken back from the central and every version raised is in the trail: audit verify is clean.
      expect(verifyAudit(office.core).findings).toEqual([]);
      expect(office.core.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE command = 'sync.pulihkanCadangan'").get()).toEqual({ n: 1 });
      // Pulled rows never echo into the outbox; a second sync sends nothing.
      const again = await syncer(office, central).run();
      expect(again).toMatchObject({ ok: true, pushed: 0, notice: null });
    } finally {
      office.close();
      await central.stop();
    }
  }, 60_000);

  it('an answer lost after the commit is not mistaken for a restore', async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    const office = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    try {
      await central.enrol(office, 'Dinas Pendidikan');
      doWork(office, 3, quiet);
      // Simulate the lost answer: the central committed, the office never marked anything sent.
      const sync = syncer(office, central);
      const batch = sync.nextBatch('0'.repeat(64), 0, 0)!;
      await sync.call('/sync/push', batch);
      const r = await syncer(office, central).run();
      expect(r).toMatchObject({ ok: true, notice: null, pushed: 0 });
      expect(syncStatus(office.core).epoch).toBe(0);
    } finally {
      office.close();
      await central.stop();
    }
  }, 60_000);
});
