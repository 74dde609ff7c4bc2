import type { Cadence } from '../year/commands';

/**
 * Evaluation periods of a performance year: months ("1".."12") or quarters ("Q1".."Q4") by the
 * year's cadence, and the annual evaluation ("tahunan").
 */
export const monthNames = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const roman = ['I', 'II', 'III', 'IV'];

export interface Period {
  code: string;
  label: string;
  /** As printed after `PERIODE:` (TRIWULAN I, BULANAN JANUARI, AKHIR). */
  printLabel: string;
  start: string;
  end: string;
  /** Months covered, for prorating angka kredit. */
  months: number;
  annual: boolean;
}

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function periodsOf(year: number, cadence: Cadence): Period[] {
  const out: Period[] = [];
  if (cadence === 'bulanan') {
    for (let m = 1; m <= 12; m++) {
      out.push({
        code: String(m),
        label: `${monthNames[m - 1]} ${year}`,
        printLabel: `BULANAN ${monthNames[m - 1]!.toUpperCase()}`,
        start: `${year}-${String(m).padStart(2, '0')}-01`,
        end: lastDay(year, m),
        months: 1,
        annual: false,
      });
    }
  } else {
    for (let q = 1; q <= 4; q++) {
      out.push({
        code: `Q${q}`,
        label: `Triwulan ${roman[q - 1]} ${year}`,
        printLabel: `TRIWULAN ${roman[q - 1]}`,
        start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`,
        end: lastDay(year, q * 3),
        months: 3,
        annual: false,
      });
    }
  }
  out.push({ code: 'tahunan', label: `Tahunan ${year}`, printLabel: 'AKHIR', start: `${year}-01-01`, end: `${year}-12-31`, months: 12, annual: true });
  return out;
}

export function findPeriod(year: number, cadence: Cadence, code: string): Period | null {
  return periodsOf(year, cadence).find((p) => p.code === code) ?? null;
}

/** What a user may type: 1..12, Q1..Q4 (any case), "tahunan". */
export function normalizePeriodCode(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (s === 'tahunan' || s === 'akhir') return 'tahunan';
  if (/^q[1-4]$/.test(s)) return s.toUpperCase();
  if (/^(1[0-2]|[1-9])$/.test(s)) return s;
  return null;
}
