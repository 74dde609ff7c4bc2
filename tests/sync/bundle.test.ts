import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, importBundle, importReply } from '../../electron/core/sync/bundle';
import { syncStatus } from '../../electron/core/sync/office';
import { TestClock } from '../helpers';
import { removeAllTempDirs } from '../helpers/tempdir';
import { newOffice, officeRows, syncer, TestCentral } from './harness';
import { doWork } from './work';

afterAll(() => removeAllTempDirs());

describe('USB bundle, reference data and mutasi', () => {
  it('round trip: export, import at the central (twice), reply back; then LAN sync continues the same chain', async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    const office = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    try {
      await central.enrol(office, 'Dinas Pendidikan');
      doWork(office, 6);
      await central.store.publishReference({ kind: 'announcement', officeId: null, data: { title: 'Batas penilaian tahunan 31 Januari' } });

      const bundle = exportBundle(office.core);
      expect(bundle.rows).toBeGreaterThan(6);
      const first = await importBundle(central.store, bundle.file);
      expect(first).toMatchObject({ officeName: 'Dinas Pendidikan', errors: [] });
      expect(first.applied).toBeGreaterThan(6);
      const rowsAfterFirst = await central.rowsOf(office.officeId);
      expect(rowsAfterFirst).toEqual(officeRows(office));
      // The same bundle again: the stored outcome of each batch (same acknowledgments), no row touched.
      clock.advanceMinutes(5);
      const second = await importBundle(central.store, bundle.file);
      expect(second).toMatchObject({ applied: first.applied, acks: first.acks, errors: [] });
      expect(await central.rowsOf(office.officeId)).toEqual(rowsAfterFirst);

      const reply = importReply(office.core, second.reply);
      expect(reply).toMatchObject({ acked: 1, reference: 1, errors: [] });
      expect(importReply(office.core, first.reply)).toMatchObject({ acked: 0 });
      expect(syncStatus(office.core).pending).toBe(0);
      expect(office.core.sqlite.prepare("SELECT json_extract(data, '$.title') AS t FROM reference_data").get()).toEqual({ t: 'Batas penilaian tahunan 31 Januari' });

      // A bundle altered on the stick is refused.
      doWork(office, 1);
      const again = exportBundle(office.core);
      const zlib = await import('node:zlib');
      const parsed = JSON.parse(zlib.gunzipSync(again.file).toString()) as { payload: string };
      parsed.payload = parsed.payload.replace('Pegawai', 'Pegawal');
      await expect(importBundle(central.store, zlib.gzipSync(Buffer.from(JSON.stringify(parsed))))).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });

      // LAN sync afterwards continues from the bundle's acknowledgment.
      expect(await syncer(office, central).run()).toMatchObject({ ok: true, notice: null });
    } finally {
      office.close();
      await central.stop();
    }
  }, 60_000);

  it('reference data flows to the offices read-only, ratings only to the office they concern', async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    const a = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    const b = newOffice(clock, 'Dinas Kesehatan Kota Langsa', 'DINKES');
    try {
      await central.enrol(a, 'Dinas Pendidikan');
      await central.enrol(b, 'Dinas Kesehatan');
      await central.store.publishReference({ kind: 'org_rating', officeId: a.officeId, data: { year: 2026, period: 'tahunan', rating: 'baik' } });
      await central.store.publishReference({ kind: 'calendar', officeId: null, data: { date: '2026-12-31', title: 'Penetapan SKP 2027' } });
      await syncer(a, central).run();
      await syncer(b, central).run();
      const kinds = (o: typeof a) => (o.core.sqlite.prepare('SELECT kind FROM reference_data ORDER BY kind').all() as { kind: string }[]).map((r) => r.kind);
      expect(kinds(a)).toEqual(['calendar', 'org_rating']);
      expect(kinds(b)).toEqual(['calendar']);
      // Reference rows never enter the office's outbox.
      expect(a.core.sqlite.prepare("SELECT COUNT(*) AS n FROM change_log WHERE table_name = 'reference_data'").get()).toEqual({ n: 0 });
    } finally {
      a.close();
      b.close();
      await central.stop();
    }
  }, 60_000);

  it('mutasi: the same NIP in two offices is one person at the central, neither office overwrites the other', async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    const a = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    const b = newOffice(clock, 'Dinas Kesehatan Kota Langsa', 'DINKES');
    try {
      await central.enrol(a, 'Dinas Pendidikan');
      await central.enrol(b, 'Dinas Kesehatan');
      const nip = '198501012010011001';
      a.asAdmin('people.create', { nip, name: 'Teuku Pindah', status: 'pindah' });
      clock.advanceHours(24 * 30);
      b.asAdmin('people.create', { nip, name: 'Teuku Pindah' });
      await syncer(a, central).run();
      await syncer(b, central).run();
      const history = await central.store.personHistory('19850101 201001 1 001');
      expect(history.map((h) => [h.officeName, h.status])).toEqual([
        ['Dinas Pendidikan', 'pindah'],
        ['Dinas Kesehatan', 'aktif'],
      ]);
      expect(new Set(history.map((h) => h.employeeId)).size).toBe(2);
    } finally {
      a.close();
      b.close();
      await central.stop();
    }
  }, 60_000);
});
