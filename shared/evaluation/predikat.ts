/**
 * Ratings and the predikat matrix of docs/spec/regulation.md §4 (PermenPANRB 6/2022). One pure function,
 * used by the backend when an evaluation is saved and by the UI to preview it.
 */
export const ratings = ['diatas', 'sesuai', 'dibawah'] as const;
export type Rating = (typeof ratings)[number];

export const ratingLabels: Record<Rating, string> = {
  diatas: 'Di Atas Ekspektasi',
  sesuai: 'Sesuai Ekspektasi',
  dibawah: 'Di Bawah Ekspektasi',
};

/** As printed on forms and in the BKN-shaped Excel ("DIATAS EKSPEKTASI"). */
export const ratingPrintLabels: Record<Rating, string> = {
  diatas: 'DIATAS EKSPEKTASI',
  sesuai: 'SESUAI EKSPEKTASI',
  dibawah: 'DIBAWAH EKSPEKTASI',
};

export const predikats = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type Predikat = (typeof predikats)[number];

export const predikatLabels: Record<Predikat, string> = {
  sangat_baik: 'Sangat Baik',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct',
  sangat_kurang: 'Sangat Kurang',
};

/** Higher is better: Sangat Baik > Baik > Butuh Perbaikan > Kurang/Misconduct > Sangat Kurang. */
export const predikatRank: Record<Predikat, number> = { sangat_baik: 5, baik: 4, butuh_perbaikan: 3, kurang: 2, sangat_kurang: 1 };

const matrix: Record<Rating, Record<Rating, Predikat>> = {
  // results \ behaviour: dibawah, sesuai, diatas
  diatas: { dibawah: 'kurang', sesuai: 'baik', diatas: 'sangat_baik' },
  sesuai: { dibawah: 'kurang', sesuai: 'baik', diatas: 'baik' },
  dibawah: { dibawah: 'sangat_kurang', sesuai: 'butuh_perbaikan', diatas: 'butuh_perbaikan' },
};

export function predikatOf(results: Rating, behaviour: Rating): Predikat {
  return matrix[results][behaviour];
}

/**
 * "Di atas ekspektasi" for results needs most or all RHK above expectation and no Utama RHK below
 * (docs/spec/regulation.md §4). Returns why the rating is not allowed, or null.
 */
export function resultsRatingRefusal(
  rating: Rating,
  rhkJudgements: { kind: 'utama' | 'tambahan'; judgement: Rating }[],
): string | null {
  if (rating !== 'diatas') return null;
  const utamaBelow = rhkJudgements.filter((r) => r.kind === 'utama' && r.judgement === 'dibawah').length;
  if (utamaBelow > 0) {
    return `Rating Hasil Kerja tidak dapat "Di Atas Ekspektasi" karena ${utamaBelow} RHK Utama dinilai di bawah ekspektasi.`;
  }
  // Above expectation overall needs at least one result above it: "Sesuai" everywhere is "Sesuai".
  if (!rhkJudgements.some((r) => r.judgement === 'diatas')) {
    return 'Rating Hasil Kerja tidak dapat "Di Atas Ekspektasi" karena belum ada RHK yang dinilai di atas ekspektasi.';
  }
  return null;
}

/** The organisation's achievement (Capaian Kinerja Organisasi). */
export const orgRatings = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type OrgRating = (typeof orgRatings)[number];
export const orgRatingLabels: Record<OrgRating, string> = {
  istimewa: 'Istimewa',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang',
  sangat_kurang: 'Sangat Kurang',
};
