import type { Predikat } from './predikat';

/**
 * Angka kredit for functional positions (domain.md section 6): percentage of the predikat times
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
 * domain.md; the others are the published table *(assumed)*: kept here, in one place, to adjust.
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

export function angkaKredit(predikat: Predikat, level: string | null | undefined, months = 12): number | null {
  if (!level) return null;
  const coefficient = angkaKreditCoefficient[level];
  if (coefficient === undefined) return null;
  return Math.round(angkaKreditPercent[predikat] * coefficient * (months / 12) * 1000) / 1000;
}
