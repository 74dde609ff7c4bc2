import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../people/fixture';
import { SkpOffice } from '../skp/fixture';

/**
 * Who sees which kurva distribusi: the office admin the whole office; an appraiser the unit they
 * lead; the head of office (who leads every unit, from a position outside any unit) the whole
 * office too, since they also record the Capaian Kinerja Organisasi.
 */
let f: SkpOffice;

beforeAll(() => {
  f = SkpOffice.create();
});
afterAll(() => {
  f.o.close();
  removeTempDirs();
});

describe('distribution.get access', () => {
  it('shows the head of office the whole office, like the admin', () => {
    const admin = f.o.call('distribution.get', { yearId: f.yearId, period: '1' }, f.o.admin);
    const head = f.as('kadis').call('distribution.get', { yearId: f.yearId, period: '1' });
    expect(head.units.map((u) => u.unitName)).toEqual(admin.units.map((u) => u.unitName));
    expect(head.units.length).toBeGreaterThan(0);
    expect(f.as('kadis').call('evaluation.orgRatings', { yearId: f.yearId, period: '1' }).canSet).toBe(true);
  });

  it('gives an appraiser of one unit no counts of the rest of the office', () => {
    // Fitriani (Seksi Kurikulum) has a final evaluation for January; the Kasubbag leads Subbagian Umum.
    const plan = f.draftWithRhk('stafC', 'Tersusunnya bahan kurikulum muatan lokal');
    const v = f.as('stafC').call('skp.submit', { skpId: plan.skpId, version: plan.version }).version;
    f.as('kasi').call('skp.approve', { skpId: plan.skpId, version: v });
    const saved = f.as('kasi').call('evaluation.save', { skpId: plan.skpId, period: '1', version: null, rhk: [{ rhkId: plan.rhkId, judgement: 'sesuai' }], resultsRating: 'sesuai', behaviourRating: 'sesuai' });
    f.as('kasi').call('evaluation.finalize', { evaluationId: saved.evaluationId, version: saved.version });
    expect(f.o.call('distribution.get', { yearId: f.yearId, period: '1' }, f.o.admin).office.total).toBe(1);
    expect(f.as('kadis').call('distribution.get', { yearId: f.yearId, period: '1' }).office.total).toBe(1);
    const own = f.as('kasubbag').call('distribution.get', { yearId: f.yearId, period: '1' });
    expect(own.office).toMatchObject({ total: 0, breaches: [] });
    expect(own.units).toHaveLength(1);
    expect(own.units[0]!.total).toBe(0);
    expect(f.as('kasi').call('distribution.get', { yearId: f.yearId, period: '1' }).units[0]!.total).toBe(1);
  });

  it('shows another appraiser only the unit they lead', () => {
    const own = f.as('kasubbag').call('distribution.get', { yearId: f.yearId, period: '1' });
    expect(own.units.map((u) => u.unitId)).toEqual([f.org.units.umum]);
    expect(f.as('kasubbag').fail('distribution.get', { yearId: f.yearId, period: '1', unitId: f.org.units.dikdas }).code).toBe('FORBIDDEN');
    expect(f.as('stafA').fail('distribution.get', { yearId: f.yearId, period: '1' }).code).toBe('FORBIDDEN');
  });
});
