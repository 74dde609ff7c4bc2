import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../people/fixture';
import { SkpOffice } from '../skp/fixture';

/** "Di Atas Ekspektasi" for results needs an RHK rated above: the backend refuses it otherwise, writing nothing. */
let f: SkpOffice;
let skpId: string;
let rhkId: string;

beforeAll(() => {
  f = SkpOffice.create();
  const boss = f.draftWithRhk('kasubbag', 'Terlaksananya layanan administrasi umum');
  const mine = f.draftWithRhk('stafA', 'Tersusunnya laporan persuratan', boss.rhkId);
  const v = f.as('stafA').call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
  f.as('kasubbag').call('skp.approve', { skpId: mine.skpId, version: v });
  skpId = mine.skpId;
  rhkId = f.as('stafA').call('skp.get', { skpId }).rhk[0]!.id;
});
afterAll(() => {
  f.o.close();
  removeTempDirs();
});

const count = (t: string) => (f.o.core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;

describe('the results rating "Di Atas Ekspektasi"', () => {
  it('is refused while every RHK is only "Sesuai", under the field resultsRating', () => {
    const before = { evaluations: count('evaluations'), audit: count('audit_log') };
    const err = f.as('kasubbag').fail('evaluation.save', { skpId, period: '1', version: null, rhk: [{ rhkId, judgement: 'sesuai' }], resultsRating: 'diatas', behaviourRating: 'sesuai' });
    expect(err.code).toBe('RULE_VIOLATION');
    expect(err.fields?.resultsRating).toBe('Rating Hasil Kerja tidak dapat "Di Atas Ekspektasi" karena belum ada RHK yang dinilai di atas ekspektasi.');
    expect({ evaluations: count('evaluations'), audit: count('audit_log') }).toEqual(before);
  });

  it('stands once an RHK is rated above', () => {
    const saved = f.as('kasubbag').call('evaluation.save', { skpId, period: '1', version: null, rhk: [{ rhkId, judgement: 'diatas' }], resultsRating: 'diatas', behaviourRating: 'sesuai' });
    expect(saved.predikat).toBe('baik');
  });
});
