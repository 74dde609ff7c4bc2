import { formatDateId, localDate, monthNamesId } from '../../../shared/people/dates';

/**
 * Dates as Indonesian documents print them. A signature date reads `2 Januari 2026`; the period
 * line of the header is in capitals: `1 JANUARI SD 31 DESEMBER TAHUN 2026`.
 */
export function tanggal(iso: string): string {
  return formatDateId(iso);
}

/** A timestamp (UTC ISO) as the calendar day in Langsa (WIB), then as `tanggal`. */
export function tanggalOf(at: Date | string): string {
  return tanggal(localDate(typeof at === 'string' ? new Date(at) : at));
}

function dayMonth(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${Number(d)} ${monthNamesId[Number(m) - 1]!.toUpperCase()}`;
}

/** `1 JANUARI SD 31 DESEMBER TAHUN 2026`; a period across two years names both. */
export function periodeText(start: string, end: string): string {
  const y1 = start.slice(0, 4);
  const y2 = end.slice(0, 4);
  if (y1 === y2) return `${dayMonth(start)} SD ${dayMonth(end)} TAHUN ${y1}`;
  return `${dayMonth(start)} ${y1} SD ${dayMonth(end)} ${y2}`;
}
