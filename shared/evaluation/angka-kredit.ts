import type { Predikat } from './predikat';

/**
 * Angka kredit for functional positions (docs/spec/regulation.md §6): percentage of the predikat times
 * the level's yearly coefficient, prorated by months for periodic results.
 */
export const angkaKreditPercent: Record<Predikat, number> = {
  sangat_baik: 1.5,
  baik: 1.0,
  butuh_perbaikan: 0.75,
  kurang: 0.5,
  sangat_kurang: 0.25,
};

/**
 * Yearly coefficients per level (PermenPANRB 1/2023). Ahli Pertama 12.5 is confirmed in
 * docs/spec/regulation.md §6; the others are the published table *(assumed, see docs/angka-kredit.md)*: kept
 * here, in one place, to adjust.
 */
export const angkaKreditCoefficient: Record<string, number> = {
  ahli_pertama: 12.5,
  ahli_muda: 25,
  ahli_madya: 37.5,
  ahli_utama: 50,
  pemula: 3.75,
  terampil: 5,
  mahir: 12.5,
  penyelia: 25,
};

/** Levels whose coefficient a regulation text confirms (docs/spec/regulation.md §6); the rest are assumed. */
export const confirmedCoefficients: readonly string[] = ['ahli_pertama'];

export function coefficientOf(level: string | null | undefined): number | null {
  return level ? (angkaKreditCoefficient[level] ?? null) : null;
}

/**
 * Percentages and coefficients are multiples of 1/4 (150%, 75%, 25%; 3.75, 12.5, 37.5), so in
 * quarters both are whole numbers and the sum of any months is an exact integer over 16 x 12:
 * rounding happens once, at the end, never per period.
 */
function quarterUnits(predikat: Predikat, coefficient: number, months: number): number {
  return Math.round(angkaKreditPercent[predikat] * 4) * Math.round(coefficient * 4) * months;
}

const round3 = (units: number) => Math.round((units / (16 * 12)) * 1000) / 1000;

/** The angka kredit of one period from the level's coefficient (what the evaluation stores and previews). */
export function angkaKreditFromCoefficient(predikat: Predikat, coefficient: number, months = 12): number {
  return round3(quarterUnits(predikat, coefficient, months));
}

export function angkaKredit(predikat: Predikat, level: string | null | undefined, months = 12): number | null {
  const coefficient = coefficientOf(level);
  return coefficient === null ? null : angkaKreditFromCoefficient(predikat, coefficient, months);
}

/**
 * A year's (or any run of periods') angka kredit: summed exactly, rounded once. Twelve monthly
 * Baik for Ahli Muda give 25, where adding the twelve rounded monthly values gives 24.996.
 */
export function angkaKreditTotal(periods: { predikat: Predikat; months: number }[], level: string | null | undefined): number | null {
  const coefficient = coefficientOf(level);
  if (coefficient === null) return null;
  return round3(periods.reduce((sum, p) => sum + quarterUnits(p.predikat, coefficient, p.months), 0));
}
