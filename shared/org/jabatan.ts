/**
 * Jabatan (positions), UU 20/2023 (docs/spec/regulation.md §1): managerial positions (JPT, Administrator,
 * Pengawas) and non-managerial ones (Pelaksana, Fungsional with a level).
 */
export const positionTypes = [
  'jpt_utama',
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'pelaksana',
  'fungsional_keahlian',
  'fungsional_keterampilan',
] as const;
export type PositionType = (typeof positionTypes)[number];

export const positionTypeLabels: Record<PositionType, string> = {
  jpt_utama: 'JPT Utama',
  jpt_madya: 'JPT Madya',
  jpt_pratama: 'JPT Pratama',
  administrator: 'Administrator',
  pengawas: 'Pengawas',
  pelaksana: 'Pelaksana',
  fungsional_keahlian: 'Fungsional Keahlian',
  fungsional_keterampilan: 'Fungsional Keterampilan',
};

export const keahlianLevels = ['ahli_pertama', 'ahli_muda', 'ahli_madya', 'ahli_utama'] as const;
export const keterampilanLevels = ['pemula', 'terampil', 'mahir', 'penyelia'] as const;
export const positionLevels = [...keahlianLevels, ...keterampilanLevels] as const;
export type PositionLevel = (typeof positionLevels)[number];

export const positionLevelLabels: Record<PositionLevel, string> = {
  ahli_pertama: 'Ahli Pertama',
  ahli_muda: 'Ahli Muda',
  ahli_madya: 'Ahli Madya',
  ahli_utama: 'Ahli Utama',
  pemula: 'Pemula',
  terampil: 'Terampil',
  mahir: 'Mahir',
  penyelia: 'Penyelia',
};

/** Managerial positions lead a unit: one person holds one at a time, and only they get Plt/Plh. */
export function isManagerial(type: PositionType): boolean {
  return type === 'jpt_utama' || type === 'jpt_madya' || type === 'jpt_pratama' || type === 'administrator' || type === 'pengawas';
}

/** The levels a type allows; an empty list means the type has no level. */
export function levelsOf(type: PositionType): readonly PositionLevel[] {
  if (type === 'fungsional_keahlian') return keahlianLevels;
  if (type === 'fungsional_keterampilan') return keterampilanLevels;
  return [];
}

/** Null when the pair is valid, else the Indonesian reason. */
export function checkTypeLevel(type: PositionType, level: PositionLevel | null | undefined): string | null {
  const allowed = levelsOf(type);
  if (allowed.length === 0) return level ? `Jenis jabatan ${positionTypeLabels[type]} tidak memiliki jenjang; kosongkan jenjang.` : null;
  if (!level) return `Pilih jenjang untuk ${positionTypeLabels[type]} (${allowed.map((l) => positionLevelLabels[l]).join(', ')}).`;
  if (!allowed.includes(level)) {
    return `Jenjang ${positionLevelLabels[level]} bukan jenjang ${positionTypeLabels[type]}; pilih ${allowed.map((l) => positionLevelLabels[l]).join(', ')}.`;
  }
  return null;
}

/** "Fungsional Keahlian - Ahli Muda", "Pengawas". */
export function positionTypeLabel(type: PositionType, level?: PositionLevel | null): string {
  return level ? `${positionTypeLabels[type]} - ${positionLevelLabels[level]}` : positionTypeLabels[type];
}

/** Reads a spreadsheet cell ("JPT Pratama", "jpt pratama", "Fungsional Keahlian") as a type. */
export function parsePositionType(raw: string): PositionType | null {
  const key = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((positionTypes as readonly string[]).includes(key)) return key as PositionType;
  const byLabel = positionTypes.find((t) => positionTypeLabels[t].toLowerCase() === raw.trim().toLowerCase().replace(/\s+/g, ' '));
  if (byLabel) return byLabel;
  if (key === 'jf_keahlian' || key === 'jabatan_fungsional_keahlian') return 'fungsional_keahlian';
  if (key === 'jf_keterampilan' || key === 'jabatan_fungsional_keterampilan') return 'fungsional_keterampilan';
  if (key === 'jfu' || key === 'staf' || key === 'staff') return 'pelaksana';
  return null;
}

export function parsePositionLevel(raw: string): PositionLevel | null {
  const key = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((positionLevels as readonly string[]).includes(key)) return key as PositionLevel;
  return positionLevels.find((l) => positionLevelLabels[l].toLowerCase() === raw.trim().toLowerCase()) ?? null;
}

/** Unit kinds of a local-government office (OPD). */
export const unitKinds = [
  'sekretariat',
  'bagian',
  'bidang',
  'subbagian',
  'subbidang',
  'seksi',
  'uptd',
  'satuan_pendidikan',
  'kelompok_fungsional',
  'lainnya',
] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindLabels: Record<UnitKind, string> = {
  sekretariat: 'Sekretariat',
  bagian: 'Bagian',
  bidang: 'Bidang',
  subbagian: 'Subbagian',
  subbidang: 'Subbidang',
  seksi: 'Seksi',
  uptd: 'UPTD',
  satuan_pendidikan: 'Satuan Pendidikan',
  kelompok_fungsional: 'Kelompok Jabatan Fungsional',
  lainnya: 'Lainnya',
};

export const assignmentKinds = ['definitif', 'plt', 'plh'] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

export const assignmentKindLabels: Record<AssignmentKind, string> = {
  definitif: 'Definitif',
  plt: 'Plt. (Pelaksana Tugas)',
  plh: 'Plh. (Pelaksana Harian)',
};

/** The prefix documents print before an acting holder's position: "Plt. Kepala Bidang ...". */
export function actingPrefix(kind: AssignmentKind): string {
  return kind === 'plt' ? 'Plt. ' : kind === 'plh' ? 'Plh. ' : '';
}
