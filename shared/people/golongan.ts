/**
 * Golongan (grade) and pangkat (rank), docs/spec/regulation.md §7. PNS have 17 grades I/a..IV/e, each with
 * its pangkat name; PPPK have golongan I..XVII without pangkat names.
 */
import type { EmployeeKind } from './nip';

export interface Golongan {
  code: string;
  /** PNS rank name; null for PPPK. */
  pangkat: string | null;
  /**
   * 1..17 within the employee kind. Used to sort lists; PNS and PPPK ranks of the same number are
   * treated as equivalent only for sorting *(assumed: PPPK V ~ II/a, IX ~ III/a, as in the entry
   * levels by education)*, never for any rule.
   */
  rank: number;
}

export const pnsGolongan: readonly Golongan[] = [
  { code: 'I/a', pangkat: 'Juru Muda', rank: 1 },
  { code: 'I/b', pangkat: 'Juru Muda Tingkat I', rank: 2 },
  { code: 'I/c', pangkat: 'Juru', rank: 3 },
  { code: 'I/d', pangkat: 'Juru Tingkat I', rank: 4 },
  { code: 'II/a', pangkat: 'Pengatur Muda', rank: 5 },
  { code: 'II/b', pangkat: 'Pengatur Muda Tingkat I', rank: 6 },
  { code: 'II/c', pangkat: 'Pengatur', rank: 7 },
  { code: 'II/d', pangkat: 'Pengatur Tingkat I', rank: 8 },
  { code: 'III/a', pangkat: 'Penata Muda', rank: 9 },
  { code: 'III/b', pangkat: 'Penata Muda Tingkat I', rank: 10 },
  { code: 'III/c', pangkat: 'Penata', rank: 11 },
  { code: 'III/d', pangkat: 'Penata Tingkat I', rank: 12 },
  { code: 'IV/a', pangkat: 'Pembina', rank: 13 },
  { code: 'IV/b', pangkat: 'Pembina Tingkat I', rank: 14 },
  { code: 'IV/c', pangkat: 'Pembina Utama Muda', rank: 15 },
  { code: 'IV/d', pangkat: 'Pembina Utama Madya', rank: 16 },
  { code: 'IV/e', pangkat: 'Pembina Utama', rank: 17 },
];

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'] as const;

export const pppkGolongan: readonly Golongan[] = roman.map((code, i) => ({ code, pangkat: null, rank: i + 1 }));

export const allGolonganCodes: readonly string[] = [...pnsGolongan.map((g) => g.code), ...pppkGolongan.map((g) => g.code)];

export function golonganList(kind: EmployeeKind): readonly Golongan[] {
  return kind === 'PNS' ? pnsGolongan : pppkGolongan;
}

export function findGolongan(code: string | null | undefined, kind?: EmployeeKind): Golongan | null {
  if (!code) return null;
  const lists = kind ? [golonganList(kind)] : [pnsGolongan, pppkGolongan];
  for (const list of lists) {
    const g = list.find((x) => x.code === code);
    if (g) return g;
  }
  return null;
}

/** "III/a - Penata Muda" for PNS, "IX" for PPPK. */
export function golonganLabel(code: string | null | undefined): string {
  const g = findGolongan(code);
  if (!g) return code ?? '';
  return g.pangkat ? `${g.code} - ${g.pangkat}` : `${g.code}`;
}

const arabicToRoman: Record<string, string> = { '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };

/**
 * Reads what people type in spreadsheets: "III/a", "III-a", "III a", "3a", "3/A", "IIIa",
 * "Penata Muda (III/a)", and for PPPK "IX", "9", "Golongan IX". Returns the canonical code for
 * the kind, or null when the text is not a grade of that kind.
 */
export function normalizeGolongan(raw: string | null | undefined, kind: EmployeeKind): string | null {
  if (!raw) return null;
  let s = raw.trim();
  if (!s) return null;
  // "Penata Muda (III/a)" or "Penata Muda, III/a": the code is in the text.
  const inner = /\(([^)]+)\)\s*$/.exec(s);
  if (inner) s = inner[1]!;
  s = s.replace(/^gol(ongan)?\.?\s*(ruang)?\s*/i, '').trim();
  if (kind === 'PNS') {
    // "Penata Muda Tk. I", "Pembina Tkt.I": the usual abbreviation of "Tingkat I" in BKD exports.
    const pangkat = s.replace(/\bTkt?\.?\s*I$/i, 'Tingkat I').replace(/\s+/g, ' ').toLowerCase();
    const byPangkat = pnsGolongan.find((g) => g.pangkat!.toLowerCase() === pangkat);
    if (byPangkat) return byPangkat.code;
    const m = /^(IV|III|II|I|[1-4])\s*[/\-.\s]?\s*([a-e])$/i.exec(s) ?? /(IV|III|II|I)\s*[/\-.]\s*([a-e])\b/i.exec(s);
    if (!m) return null;
    const group = arabicToRoman[m[1]!] ?? m[1]!.toUpperCase();
    const code = `${group}/${m[2]!.toLowerCase()}`;
    return pnsGolongan.some((g) => g.code === code) ? code : null;
  }
  const upper = s.toUpperCase();
  if (/^\d{1,2}$/.test(upper)) {
    const n = Number(upper);
    return n >= 1 && n <= 17 ? roman[n - 1]! : null;
  }
  return (roman as readonly string[]).includes(upper) ? upper : null;
}
