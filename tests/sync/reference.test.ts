import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/verify';
import { orgRatingFor } from '../../electron/core/evaluation/service';
import { expectFailure, TestClock } from '../helpers';
import { openYear } from '../helpers/skp';
import { removeAllTempDirs } from '../helpers/tempdir';
import { newOffice, syncer, TestCentral } from './harness';

afterAll(() => removeAllTempDirs());

describe('what BKPSDM decides reaches the office screens', () => {
  it("the central's organisation rating is the office's, read-only ('ditetapkan BKPSDM'); announcements reach Beranda", async () => {
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const central = await TestCentral.start(clock);
    const office = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    try {
      const year = openYear(office);
      const unit = office.asAdmin('org.createUnit', { kind: 'bidang', name: 'Bidang Pembinaan SD' });
      // Before BKPSDM decides, the office records its own rating (as it always could).
      office.asAdmin('evaluation.setOrgRating', { yearId: year.id, period: '1', unitId: null, version: null, rating: 'kurang' });
      await central.enrol(office, 'Dinas Pendidikan');
      await central.store.publishReference({ kind: 'org_rating', officeId: office.officeId, data: { year: year.year, period: '1', rating: 'baik', note: 'Hasil evaluasi SAKIP' } });
      await central.store.publishReference({ kind: 'announcement', officeId: null, data: { title: 'Batas input realisasi', body: 'Realisasi triwulan I paling lambat 5 April.', until: '2026-04-05' } });
      await central.store.publishReference({ kind: 'announcement', officeId: null, data: { title: 'Sudah lewat', body: 'Pengumuman lama.', until: '2026-01-31' } });
      expect((await syncer(office, central).run()).ok).toBe(true);

      // The screen's read shows BKPSDM's value in place of the office's own, marked as such.
      const read = office.asAdmin('evaluation.orgRatings', { yearId: year.id, period: '1' });
      expect(read.ratings).toEqual([expect.objectContaining({ unitId: null, rating: 'baik', setByName: 'BKPSDM', note: 'Hasil evaluasi SAKIP', fromCentral: true })]);
      // It is the value evaluations use.
      expect(orgRatingFor(office.core, year.id, '1', null)).toBe('baik');
      expect(orgRatingFor(office.core, year.id, '2', null)).toBeNull();

      // An office edit of it is refused in words, and nothing is written.
      const before = office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log').get();
      const refused = expectFailure(office.tryCall('evaluation.setOrgRating', { yearId: year.id, period: '1', unitId: null, version: read.ratings[0]!.version, rating: 'istimewa' }, office.adminSession()));
      expect(refused).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('ditetapkan BKPSDM') });
      expect(office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log').get()).toEqual(before);
      // A unit's own rating and another period stay the office's to record.
      office.asAdmin('evaluation.setOrgRating', { yearId: year.id, period: '1', unitId: unit.unit.id, version: null, rating: 'istimewa' });
      office.asAdmin('evaluation.setOrgRating', { yearId: year.id, period: '2', unitId: null, version: null, rating: 'baik' });
      expect(orgRatingFor(office.core, year.id, '1', unit.unit.id)).toBe('istimewa');

      // Announcements still in force reach every user's Beranda.
      expect(office.asAdmin('sync.announcements', {}).items).toEqual([
        expect.objectContaining({ title: 'Batas input realisasi', body: 'Realisasi triwulan I paling lambat 5 April.', until: '2026-04-05' }),
      ]);
      // Withdrawn at the central: gone at the office after the next sync.
      const [first] = office.asAdmin('sync.announcements', {}).items;
      await central.store.publishReference({ id: first!.id, kind: 'announcement', officeId: null, data: {}, deleted: true });
      expect((await syncer(office, central).run()).ok).toBe(true);
      expect(office.asAdmin('sync.announcements', {}).items).toEqual([]);
      expect(verifyAudit(office.core).findings).toEqual([]);
    } finally {
      office.close();
      await central.stop();
    }
  }, 60_000);
});
