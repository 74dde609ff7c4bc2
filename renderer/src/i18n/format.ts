import { monthNames } from '../../../shared/evaluation/periods';
import type { Language } from './define';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** `29 November 2026` (dates without time are stored as YYYY-MM-DD and shown without shifting zones). */
export function formatDate(value: string | Date | null | undefined, lang: Language = 'id'): string {
  if (!value) return '-';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return '-';
  return new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function formatDateTime(value: string | Date | null | undefined, lang: Language = 'id'): string {
  if (!value) return '-';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '-';
  return new Intl.DateTimeFormat(locales[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** `1.234,5` in Indonesian. */
export function formatNumber(value: number | null | undefined, lang: Language = 'id', maximumFractionDigits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits }).format(value);
}

/**
 * The one way the renderer names a period, in the reader's language: `November`, `Triwulan III` /
 * `Quarter III`, `Tahunan` / `Annual`. Pass the backend's label (`November 2026`, always
 * Indonesian, as the PDFs print it) to keep the year it carries: Indonesian shows that label as it
 * is, English names the period from the code and keeps the year (`November 2026`, `Quarter III 2026`,
 * `Annual 2026`).
 */
export function formatPeriod(code: string, lang: Language = 'id', label?: string | null): string {
  if (label) {
    if (lang === 'id') return label;
    const year = /\s(\d{4})$/.exec(label)?.[1];
    return year ? `${formatPeriod(code, lang)} ${year}` : label;
  }
  if (/^\d+$/.test(code)) {
    const month = Number(code);
    if (month < 1 || month > 12) return code;
    if (lang === 'id') return monthNames[month - 1]!;
    return new Intl.DateTimeFormat(locales[lang], { month: 'long' }).format(new Date(2000, month - 1, 1));
  }
  if (/^Q[1-4]$/.test(code)) return `${lang === 'en' ? 'Quarter' : 'Triwulan'} ${['I', 'II', 'III', 'IV'][Number(code[1]) - 1]}`;
  if (code === 'tahunan') return lang === 'en' ? 'Annual' : 'Tahunan';
  return code;
}
