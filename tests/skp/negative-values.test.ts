import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../people/fixture';
import { SkpOffice } from './fixture';

/**
 * A count, a quality score, a time or a cost below zero means nothing: targets and realisasi of an
 * indicator with an aspect are refused when negative, under the field, writing nothing. An
 * indicator without an aspect (a JPT perspective) may go below zero.
 */
let f: SkpOffice;
let skpId: string;
let indicatorIds: string[];

beforeAll(() => {
  f = SkpOffice.create();
  const boss = f.draftWithRhk('kasubbag', 'Terlaksananya layanan administrasi umum');
  const mine = f.draftWithRhk('stafA', 'Tersusunnya laporan persuratan', boss.rhkId);
  const v = f.as('stafA').call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
  f.as('kasubbag').call('skp.approve', { skpId: mine.skpId, version: v });
  skpId = mine.skpId;
  indicatorIds = f.as('stafA').call('skp.get', { skpId }).rhk[0]!.indicators.map((i) => i.id);
});
afterAll(() => {
  f.o.close();
  removeTempDirs();
});

const count = (t: string) => (f.o.core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;

describe('negative numbers where the aspect makes them meaningless', () => {
  it('refuses a negative target of a Kuantitas indicator, naming the field', () => {
    const staf = f.as('stafB');
    const skp = staf.call('skp.create', { yearId: f.yearId }).skp;
    const before = count('skp_indicators');
    const err = staf.fail('skp.saveRhk', {
      skpId: skp.id,
      version: skp.version,
      rhk: { kind: 'utama', text: 'Tersusunnya arsip', indicators: [{ aspek: 'kuantitas', text: 'Jumlah arsip', targetMin: -5, targetMax: 10, targetUnit: 'berkas' }] },
    });
    expect(err.code).toBe('VALIDATION');
    expect(Object.entries(err.fields ?? {})).toEqual([['rhk.indicators.0.targetMin', 'Nilai tidak boleh negatif untuk aspek Kuantitas.']]);
    expect(count('skp_indicators')).toBe(before);
    // Without an aspect (the head of office's JPT perspective) a change below zero is a target like any other.
    const kadis = f.as('kadis');
    const jpt = kadis.call('skp.create', { yearId: f.yearId }).skp;
    const ok = kadis.call('skp.saveRhk', {
      skpId: jpt.id,
      version: jpt.version,
      rhk: { kind: 'utama', text: 'Turunnya angka putus sekolah', indicators: [{ perspektif: 'penerima_layanan', text: 'Perubahan angka putus sekolah', targetMin: -2, targetUnit: 'persen' }] },
    });
    expect(ok.rhkId).toBeTruthy();
  });

  it('refuses a negative realisasi of an indicator with an aspect, writing nothing', () => {
    const staf = f.as('stafA');
    const before = { realisasi: count('realisasi'), audit: count('audit_log') };
    const err = staf.fail('realisasi.save', { skpId, period: '1', entries: [{ indicatorId: indicatorIds[0]!, version: null, value: 4 }, { indicatorId: indicatorIds[1]!, version: null, value: -3 }] });
    expect(err.code).toBe('VALIDATION');
    expect(err.fields).toEqual({ 'entries.1.value': 'Nilai tidak boleh negatif untuk aspek Kualitas.' });
    expect({ realisasi: count('realisasi'), audit: count('audit_log') }).toEqual(before);
    expect(staf.call('realisasi.save', { skpId, period: '1', entries: [{ indicatorId: indicatorIds[1]!, version: null, value: 0 }] }).saved).toBe(1);
  });
});
