import { describe, expect, it } from 'vitest';
import type { OrgRating, Predikat } from '../evaluation/predikat';
import { checkDistribution, distributionPattern } from './curve';

/**
 * SE MenPANRB 3/2023 per organisation rating (docs/spec/regulation.md §4): one passing spread and one breach
 * of each kind of rule. "Sebagian besar (maksimal 70%)" is a floor (more than half) and a cap.
 * `broken` lists the rules (by position) that must fail, nothing else.
 */
const cases: { org: OrgRating; what: string; counts: Partial<Record<Predikat, number>>; broken: number[] }[] = [
  { org: 'istimewa', what: 'pass: 60% Sangat Baik', counts: { sangat_baik: 6, baik: 4 }, broken: [] },
  { org: 'istimewa', what: 'pass: exactly 70% Sangat Baik', counts: { sangat_baik: 7, butuh_perbaikan: 3 }, broken: [] },
  { org: 'istimewa', what: 'floor: 1 Sangat Baik and 9 Baik', counts: { sangat_baik: 1, baik: 9 }, broken: [0] },
  { org: 'istimewa', what: 'floor: exactly half is not most', counts: { sangat_baik: 5, baik: 5 }, broken: [0] },
  { org: 'istimewa', what: 'cap: 80% Sangat Baik', counts: { sangat_baik: 8, baik: 2 }, broken: [0] },
  { org: 'baik', what: 'pass', counts: { baik: 6, butuh_perbaikan: 1, sangat_baik: 3 }, broken: [] },
  { org: 'baik', what: 'floor: 40% Baik', counts: { baik: 4, kurang: 1, sangat_baik: 5 }, broken: [0] },
  { org: 'baik', what: 'cap: 80% Baik', counts: { baik: 8, butuh_perbaikan: 1, sangat_baik: 1 }, broken: [0] },
  { org: 'baik', what: 'no Butuh Perbaikan/Kurang', counts: { baik: 6, sangat_baik: 4 }, broken: [1] },
  { org: 'butuh_perbaikan', what: 'pass', counts: { butuh_perbaikan: 6, baik: 3, sangat_baik: 1 }, broken: [] },
  { org: 'butuh_perbaikan', what: 'floor: 50% Butuh Perbaikan', counts: { butuh_perbaikan: 5, baik: 5 }, broken: [0] },
  { org: 'butuh_perbaikan', what: 'cap: 20% Sangat Baik', counts: { butuh_perbaikan: 8, sangat_baik: 2 }, broken: [1] },
  { org: 'kurang', what: 'pass', counts: { kurang: 6, butuh_perbaikan: 3, sangat_baik: 1 }, broken: [] },
  { org: 'kurang', what: 'floor: 50% Kurang', counts: { kurang: 5, butuh_perbaikan: 5 }, broken: [0] },
  { org: 'kurang', what: 'floor: no Butuh Perbaikan', counts: { kurang: 9, baik: 1 }, broken: [1] },
  { org: 'kurang', what: 'cap: 20% Sangat Baik', counts: { kurang: 6, butuh_perbaikan: 2, sangat_baik: 2 }, broken: [2] },
  { org: 'sangat_kurang', what: 'pass', counts: { sangat_kurang: 6, kurang: 1, baik: 3 }, broken: [] },
  { org: 'sangat_kurang', what: 'floor: 50% Sangat Kurang', counts: { sangat_kurang: 5, kurang: 5 }, broken: [0] },
  { org: 'sangat_kurang', what: 'floor: no Kurang/Butuh Perbaikan', counts: { sangat_kurang: 9, baik: 1 }, broken: [1] },
  { org: 'sangat_kurang', what: 'none allowed: one Sangat Baik', counts: { sangat_kurang: 7, kurang: 2, sangat_baik: 1 }, broken: [2] },
];

describe('distribution curve per organisation rating', () => {
  it.each(cases)('$org — $what', ({ org, counts, broken }) => {
    const c = checkDistribution(org, counts);
    expect(c.rules.map((r, i) => (r.ok ? null : i)).filter((i) => i !== null)).toEqual(broken);
    expect(c.breaches).toHaveLength(broken.length);
  });

  it('the majority rule says "sebagian besar" and the breach counts the people', () => {
    const c = checkDistribution('istimewa', { sangat_baik: 1, baik: 9 });
    expect(c.rules[0]!.text).toBe('Sangat Baik: sebagian besar (lebih dari 50%, maksimal 70%)');
    expect(c.breaches[0]).toBe(
      'Capaian organisasi Istimewa: Sangat Baik: sebagian besar (lebih dari 50%, maksimal 70%); kenyataannya 1 dari 10 pegawai (10%) berpredikat Sangat Baik.',
    );
    // The chart's band: more than half, so 6 of 10 at least (ceil of the floor times 10).
    expect(Math.ceil(c.bands.sangat_baik.min * 10)).toBe(6);
    expect(c.bands.sangat_baik.max).toBe(0.7);
  });

  it('Butuh Perbaikan is named "Butuh Perbaikan/Cukup" as in the SE', () => {
    expect(checkDistribution('baik', { baik: 6, sangat_baik: 4 }).breaches[0]).toContain('Butuh Perbaikan/Cukup dan/atau Kurang/Misconduct: harus ada');
    expect(checkDistribution('butuh_perbaikan', {}).rules[0]!.text).toBe('Butuh Perbaikan/Cukup: paling sedikit 60%');
    expect(distributionPattern.baik).toContain('Butuh Perbaikan/Cukup');
    expect(distributionPattern.istimewa).toMatch(/^Sebagian besar \(lebih dari 50%, maksimal 70%\)/);
  });
});
