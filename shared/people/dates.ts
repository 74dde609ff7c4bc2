/**
 * Calendar dates as `YYYY-MM-DD` strings. Assignments, overrides and the appraisal chain work on
 * whole days in the office's time zone: Langsa (Aceh) is WIB, UTC+7, so a change made at 06:00 WIB
 * belongs to that day even though it is still the previous day in UTC.
 */
import { isCalendarDate } from '../contract';

const wibOffsetMs = 7 * 60 * 60 * 1000;

export function localDate(at: Date): string {
  return new Date(at.getTime() + wibOffsetMs).toISOString().slice(0, 10);
}

/** A real calendar date in 1900..2100 (the contract's rule, see calendarDateSchema). */
export function isRealIsoDate(value: string): boolean {
  return isCalendarDate(value);
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export const monthNamesId = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** `2026-11-29` -> `29 November 2026`, the way docs/spec/terms.md §5 writes dates. */
export function formatDateId(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${monthNamesId[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

const monthByName: Record<string, number> = {};
monthNamesId.forEach((n, i) => {
  monthByName[n.toLowerCase()] = i + 1;
  monthByName[n.slice(0, 3).toLowerCase()] = i + 1;
});
// English spellings and the common Indonesian abbreviations that differ from the first 3 letters.
Object.assign(monthByName, { agu: 8, agt: 8, ags: 8, okt: 10, des: 12, may: 5, aug: 8, oct: 10, dec: 12, june: 6, july: 7 });

/**
 * Reads the dates people type in spreadsheets: `1986-09-26`, `26-09-1986`, `26/09/1986`,
 * `26.09.1986`, `26 September 1986`, `26 Sep 1986`. Day-first, as written in Indonesia. Returns
 * null when the text is not a real date.
 */
export function parseFlexibleDate(raw: string): string | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  let y: number, mo: number, d: number;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})$/.exec(s))) {
    const month = monthByName[m[2]!.toLowerCase()];
    if (!month) return null;
    [d, mo, y] = [Number(m[1]), month, Number(m[3])];
  } else {
    return null;
  }
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : null;
}
