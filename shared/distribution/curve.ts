import { predikatLabels, predikats, orgRatingLabels, type OrgRating, type Predikat } from '../evaluation/predikat';

/**
 * The distribution curve (kurva distribusi) of SE MenPANRB 3/2023, docs/spec/regulation.md §4: the
 * organisation's rating fixes how its employees' predikat should spread. Breaches are warnings,
 * never blocks. Each rule is data, so the UI, the PDF and the check state the same sentence.
 */
type Group = readonly Predikat[];

interface Rule {
  predikat: Group;
  /** Share of all evaluated employees, 0..1. */
  min?: number;
  max?: number;
  /** "Sebagian besar": more than half of all evaluated employees (a floor beside the 70% cap). */
  majority?: boolean;
  /** "Some must exist": at least one employee. */
  atLeastOne?: boolean;
  text: string;
}

/**
 * The predikat as the SE names them in its curves: "Butuh Perbaikan/Cukup" (the SE pairs
 * PermenPANRB 6/2022's name with the older "Cukup"), the others as everywhere.
 */
export const curvePredikatLabels: Record<Predikat, string> = { ...predikatLabels, butuh_perbaikan: 'Butuh Perbaikan/Cukup' };

const pct = (n: number) => `${Math.round(n * 100)}%`;
const names = (g: Group) => g.map((p) => curvePredikatLabels[p]).join(' dan/atau ');

function rule(predikat: Group, bounds: { min?: number; max?: number; majority?: boolean; atLeastOne?: boolean }): Rule {
  const parts: string[] = [];
  if (bounds.majority) parts.push(`sebagian besar (lebih dari 50%${bounds.max !== undefined ? `, maksimal ${pct(bounds.max)}` : ''})`);
  if (bounds.min !== undefined) parts.push(`paling sedikit ${pct(bounds.min)}`);
  if (bounds.max !== undefined && !bounds.majority) parts.push(bounds.max === 0 ? 'tidak boleh ada' : `paling banyak ${pct(bounds.max)}`);
  if (bounds.atLeastOne) parts.push('harus ada');
  const text = bounds.max === 0 ? `Predikat ${names(predikat)} ${parts.join(', ')}` : `${names(predikat)}: ${parts.join(', ')}`;
  return { predikat, ...bounds, text };
}

/**
 * SE MenPANRB 3/2023: under Istimewa and Baik "sebagian besar (maksimal 70%)" of the employees
 * hold Sangat Baik resp. Baik. "Sebagian besar" is a floor (a majority: more than half) and the
 * 70% a cap; both are checked.
 */
export const distributionRules: Record<OrgRating, Rule[]> = {
  istimewa: [rule(['sangat_baik'], { majority: true, max: 0.7 })],
  baik: [rule(['baik'], { majority: true, max: 0.7 }), rule(['butuh_perbaikan', 'kurang'], { atLeastOne: true })],
  butuh_perbaikan: [rule(['butuh_perbaikan'], { min: 0.6 }), rule(['sangat_baik'], { max: 0.1 })],
  kurang: [rule(['kurang'], { min: 0.6 }), rule(['butuh_perbaikan'], { min: 0.1 }), rule(['sangat_baik'], { max: 0.1 })],
  sangat_kurang: [rule(['sangat_kurang'], { min: 0.6 }), rule(['kurang', 'butuh_perbaikan'], { min: 0.1 }), rule(['sangat_baik'], { max: 0 })],
};

/** The rule of an organisation rating in one sentence, as printed under the curve. */
export const distributionPattern: Record<OrgRating, string> = {
  istimewa: 'Sebagian besar (lebih dari 50%, maksimal 70%) pegawai berpredikat Sangat Baik; selebihnya predikat apa pun.',
  baik: 'Sebagian besar (lebih dari 50%, maksimal 70%) pegawai berpredikat Baik; harus ada pegawai berpredikat Butuh Perbaikan/Cukup dan/atau Kurang/Misconduct; selebihnya Sangat Baik dan/atau Sangat Kurang.',
  butuh_perbaikan: 'Paling sedikit 60% pegawai berpredikat Butuh Perbaikan/Cukup; paling banyak 10% berpredikat Sangat Baik.',
  kurang: 'Paling sedikit 60% pegawai berpredikat Kurang/Misconduct; paling sedikit 10% berpredikat Butuh Perbaikan/Cukup; paling banyak 10% berpredikat Sangat Baik.',
  sangat_kurang: 'Paling sedikit 60% pegawai berpredikat Sangat Kurang; paling sedikit 10% berpredikat Kurang/Misconduct dan/atau Butuh Perbaikan/Cukup; tidak ada yang berpredikat Sangat Baik.',
};

/**
 * The band floor of a "sebagian besar" rule: just above 50%, so that counting whole employees
 * (`ceil(min x total)`) needs more than half. The chart recognises it by this exact value.
 */
export const majorityFloor = 0.5 + 1e-9;

export interface RuleResult {
  text: string;
  ok: boolean;
  actualCount: number;
  actualShare: number;
}

export interface DistributionCheck {
  orgRating: OrgRating;
  total: number;
  counts: Record<Predikat, number>;
  rules: RuleResult[];
  /** Each breach stated in words, for the warning list. */
  breaches: string[];
  /** Per predikat, the allowed share band (for the chart), 0..1. */
  bands: Record<Predikat, { min: number; max: number }>;
}

export function checkDistribution(orgRating: OrgRating, counts: Partial<Record<Predikat, number>>): DistributionCheck {
  const full = Object.fromEntries(predikats.map((p) => [p, counts[p] ?? 0])) as Record<Predikat, number>;
  const total = predikats.reduce((s, p) => s + full[p], 0);
  const bands = Object.fromEntries(predikats.map((p) => [p, { min: 0, max: 1 }])) as Record<Predikat, { min: number; max: number }>;
  const rules: RuleResult[] = [];
  const breaches: string[] = [];
  for (const r of distributionRules[orgRating]) {
    if (r.predikat.length === 1) {
      const b = bands[r.predikat[0]!];
      if (r.min !== undefined) b.min = r.min;
      if (r.majority) b.min = majorityFloor;
      if (r.max !== undefined) b.max = r.max;
    }
    const n = r.predikat.reduce((s, p) => s + full[p], 0);
    const share = total === 0 ? 0 : n / total;
    let ok = true;
    if (total > 0) {
      if (r.min !== undefined && share < r.min - 1e-9) ok = false;
      if (r.max !== undefined && share > r.max + 1e-9) ok = false;
      if (r.majority && n * 2 <= total) ok = false;
      if (r.atLeastOne && n === 0) ok = false;
    }
    rules.push({ text: r.text, ok, actualCount: n, actualShare: share });
    if (!ok) {
      breaches.push(
        `Capaian organisasi ${orgRatingLabels[orgRating]}: ${r.text}; kenyataannya ${n} dari ${total} pegawai (${pct(share)}) berpredikat ${names(r.predikat)}.`,
      );
    }
  }
  return { orgRating, total, counts: full, rules, breaches, bands };
}
