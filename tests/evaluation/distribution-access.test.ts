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

  it('shows another appraiser only the unit they lead', () => {
    const own = f.as('kasubbag').call('distribution.get', { yearId: f.yearId, period: '1' });
    expect(own.units.map((u) => u.unitId)).toEqual([f.org.units.umum]);
    expect(f.as('kasubbag').fail('distribution.get', { yearId: f.yearId, period: '1', unitId: f.org.units.dikdas }).code).toBe('FORBIDDEN');
    expect(f.as('stafA').fail('distribution.get', { yearId: f.yearId, period: '1' }).code).toBe('FORBIDDEN');
  });
});
