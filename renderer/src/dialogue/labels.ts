import type { Dialogue } from '../../../shared/dialogue/commands';

export const statusColors: Record<Dialogue['status'], string> = { diminta: 'yellow', dijadwalkan: 'blue', dicatat: 'grape', dikonfirmasi: 'teal', dibatalkan: 'gray' };
export const kindColors: Record<Dialogue['kind'], string> = { perencanaan: 'indigo', pemantauan: 'cyan', evaluasi: 'violet', keberatan: 'orange' };

/** `2026-02-05T09:00` (the date-time field's value) for a stored moment, in the computer's own zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The moment a date-time field's value names, for the command; '' (refused as empty) when none. */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** Whether a date-time field's day lies inside the dialogue's performance year. */
export function insideYear(value: string, year: NonNullable<Dialogue['year']>): boolean {
  const day = value.slice(0, 10);
  return day >= year.start && day <= year.end;
}
