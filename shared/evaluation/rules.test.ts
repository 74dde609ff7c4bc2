import { describe, expect, it } from 'vitest';
import { checkDistribution } from '../distribution/curve';
import { angkaKredit } from './angka-kredit';
import { findPeriod, normalizePeriodCode, periodsOf } from './periods';
import { predikatOf, resultsRatingRefusal, type Predikat, type Rating } from './predikat';

describe('predikat matrix (docs/spec/regulation.md §4)', () => {
  const cells: [Rating, Rating, Predikat][] = [
    ['diatas', 'dibawah', 'kurang'],
    ['diatas', 'sesuai', 'baik'],
    ['diatas', 'diatas', 'sangat_baik'],
    ['sesuai', 'dibawah', 'kurang'],
    ['sesuai', 'sesuai', 'baik'],
    ['sesuai', 'diatas', 'baik'],
    ['dibawah', 'dibawah', 'sangat_kurang'],
    ['dibawah', 'sesuai', 'butuh_perbaikan'],
    ['dibawah', 'diatas', 'butuh_perbaikan'],
  ];
  it.each(cells)('results %s, behaviour %s -> %s', (results, behaviour, expected) => {
    expect(predikatOf(results, behaviour)).toBe(expected);
  });

  it('refuses "Di atas" results when an Utama RHK is below expectation, not for a Tambahan one', () => {
    expect(resultsRatingRefusal('diatas', [{ kind: 'utama', judgement: 'dibawah' }, { kind: 'utama', judgement: 'diatas' }])).toMatch(/1 RHK Utama/);
    expect(resultsRatingRefusal('diatas', [{ kind: 'tambahan', judgement: 'dibawah' }, { kind: 'utama', judgement: 'diatas' }])).toBeNull();
    expect(resultsRatingRefusal('sesuai', [{ kind: 'utama', judgement: 'dibawah' }])).toBeNull();
  });

  it('refuses "Di atas" results when no RHK is rated above expectation', () => {
    const why = 'Rating Hasil Kerja tidak dapat "Di Atas Ekspektasi" karena belum ada RHK yang dinilai di atas ekspektasi.';
    expect(resultsRatingRefusal('diatas', [{ kind: 'utama', judgement: 'sesuai' }, { kind: 'tambahan', judgement: 'sesuai' }])).toBe(why);
    expect(resultsRatingRefusal('diatas', [])).toBe(why);
    expect(resultsRatingRefusal('diatas', [{ kind: 'utama', judgement: 'sesuai' }, { kind: 'tambahan', judgement: 'diatas' }])).toBeNull();
    expect(resultsRatingRefusal('sesuai', [{ kind: 'utama', judgement: 'sesuai' }])).toBeNull();
  });
});

describe('distribution curve (every rule, passing and breaching)', () => {
  it('Istimewa: at most 70% Sangat Baik', () => {
    expect(checkDistribution('istimewa', { sangat_baik: 7, baik: 3 }).breaches).toEqual([]);
    const bad = checkDistribution('istimewa', { sangat_baik: 8, baik: 2 });
    expect(bad.breaches).toHaveLength(1);
    expect(bad.breaches[0]).toContain('8 dari 10 pegawai (80%)');
  });
  it('Baik: at most 70% Baik', () => {
    expect(checkDistribution('baik', { baik: 7, butuh_perbaikan: 1, sangat_baik: 2 }).rules[0]!.ok).toBe(true);
    expect(checkDistribution('baik', { baik: 8, butuh_perbaikan: 1, sangat_baik: 1 }).rules[0]!.ok).toBe(false);
  });
  it('Baik: some Butuh Perbaikan and/or Kurang/Misconduct must exist', () => {
    expect(checkDistribution('baik', { baik: 6, kurang: 1, sangat_baik: 3 }).breaches).toEqual([]);
    const bad = checkDistribution('baik', { baik: 6, sangat_baik: 4 });
    expect(bad.rules[1]!.ok).toBe(false);
    expect(bad.breaches[0]).toMatch(/Butuh Perbaikan\/Cukup dan\/atau Kurang\/Misconduct: harus ada/);
  });
  it('Butuh Perbaikan: at least 60% Butuh Perbaikan', () => {
    expect(checkDistribution('butuh_perbaikan', { butuh_perbaikan: 6, baik: 4 }).rules[0]!.ok).toBe(true);
    expect(checkDistribution('butuh_perbaikan', { butuh_perbaikan: 5, baik: 5 }).rules[0]!.ok).toBe(false);
  });
  it('Butuh Perbaikan: at most 10% Sangat Baik', () => {
    expect(checkDistribution('butuh_perbaikan', { butuh_perbaikan: 9, sangat_baik: 1 }).rules[1]!.ok).toBe(true);
    expect(checkDistribution('butuh_perbaikan', { butuh_perbaikan: 8, sangat_baik: 2 }).rules[1]!.ok).toBe(false);
  });
  it('Kurang: at least 60% Kurang, at least 10% Butuh Perbaikan, at most 10% Sangat Baik', () => {
    const good = checkDistribution('kurang', { kurang: 6, butuh_perbaikan: 3, sangat_baik: 1 });
    expect(good.breaches).toEqual([]);
    expect(checkDistribution('kurang', { kurang: 5, butuh_perbaikan: 5 }).rules.map((r) => r.ok)).toEqual([false, true, true]);
    expect(checkDistribution('kurang', { kurang: 9, baik: 1 }).rules.map((r) => r.ok)).toEqual([true, false, true]);
    expect(checkDistribution('kurang', { kurang: 6, butuh_perbaikan: 2, sangat_baik: 2 }).rules.map((r) => r.ok)).toEqual([true, true, false]);
  });
  it('Sangat Kurang: at least 60% Sangat Kurang, at least 10% Kurang and/or Butuh Perbaikan, no Sangat Baik', () => {
    expect(checkDistribution('sangat_kurang', { sangat_kurang: 6, kurang: 1, baik: 3 }).breaches).toEqual([]);
    expect(checkDistribution('sangat_kurang', { sangat_kurang: 5, kurang: 5 }).rules.map((r) => r.ok)).toEqual([false, true, true]);
    expect(checkDistribution('sangat_kurang', { sangat_kurang: 9, baik: 1 }).rules.map((r) => r.ok)).toEqual([true, false, true]);
    const withSb = checkDistribution('sangat_kurang', { sangat_kurang: 7, kurang: 2, sangat_baik: 1 });
    expect(withSb.rules.map((r) => r.ok)).toEqual([true, true, false]);
    expect(withSb.breaches[0]).toContain('Sangat Baik tidak boleh ada');
  });
  it('an empty unit breaches nothing', () => {
    expect(checkDistribution('baik', {}).breaches).toEqual([]);
  });
});

describe('periods and angka kredit', () => {
  it('builds monthly and quarterly periods plus the annual one', () => {
    expect(periodsOf(2026, 'bulanan')).toHaveLength(13);
    expect(findPeriod(2026, 'bulanan', '2')).toMatchObject({ label: 'Februari 2026', start: '2026-02-01', end: '2026-02-28', printLabel: 'BULANAN FEBRUARI' });
    expect(findPeriod(2026, 'triwulanan', 'Q4')).toMatchObject({ printLabel: 'TRIWULAN IV', start: '2026-10-01', end: '2026-12-31' });
    expect(findPeriod(2026, 'triwulanan', '3')).toBeNull();
    expect(normalizePeriodCode('q2')).toBe('Q2');
    expect(normalizePeriodCode('13')).toBeNull();
  });
  it('computes angka kredit: Ahli Pertama Sangat Baik = 18.75 a year, prorated by months', () => {
    expect(angkaKredit('sangat_baik', 'ahli_pertama')).toBe(18.75);
    expect(angkaKredit('baik', 'ahli_pertama', 3)).toBe(3.125);
    expect(angkaKredit('baik', null)).toBeNull();
  });
});
