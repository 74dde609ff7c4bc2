import { describe, expect, it } from 'vitest';
import { periodsOf } from '../../../shared/evaluation/periods';
import { formatNumber, formatPeriod } from '../i18n/format';
import { formatBytes, pickPeriod } from './periods';

const months = (statuses: Record<string, 'belum' | 'draf' | 'diajukan'> = {}) =>
  Array.from({ length: 12 }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    const end = new Date(Date.UTC(2026, i + 1, 0)).toISOString().slice(0, 10);
    return { code: String(i + 1), start: `2026-${m}-01`, end, status: statuses[String(i + 1)] ?? ('belum' as const) };
  }).concat([{ code: 'tahunan', start: '2026-01-01', end: '2026-12-31', status: 'belum' }]);

describe('pickPeriod: which realisasi page opens', () => {
  it('opens the oldest ended period not yet sent', () => {
    expect(pickPeriod(months({ '1': 'diajukan', '2': 'diajukan' }), '2026-05-10')).toBe('3');
  });
  it('opens the running month when everything before it was sent', () => {
    expect(pickPeriod(months({ '1': 'diajukan', '2': 'diajukan', '3': 'diajukan', '4': 'diajukan' }), '2026-05-10')).toBe('5');
  });
  it('counts a month ending within a week as due', () => {
    expect(pickPeriod(months({ '1': 'diajukan', '2': 'diajukan', '3': 'diajukan', '4': 'diajukan' }), '2026-05-27')).toBe('5');
  });
  it('after the year, the last regular period, never the annual one by default', () => {
    const all = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), 'diajukan' as const]));
    expect(pickPeriod(months(all), '2027-02-01')).toBe('12');
  });
});

describe('labels', () => {
  it('names periods as people say them', () => {
    const id = (code: string) => formatPeriod(code, 'id');
    expect([id('1'), id('2'), id('8'), id('11'), id('Q3'), id('tahunan')]).toEqual(['Januari', 'Februari', 'Agustus', 'November', 'Triwulan III', 'Tahunan']);
  });
  it('names periods in English when the UI is in English', () => {
    const en = (code: string) => formatPeriod(code, 'en');
    expect([en('1'), en('8'), en('11'), en('Q1'), en('Q3'), en('tahunan')]).toEqual(['January', 'August', 'November', 'Quarter I', 'Quarter III', 'Annual']);
  });
  it('leaves an unknown code as it is', () => {
    expect([formatPeriod('13', 'en'), formatPeriod('0', 'id'), formatPeriod('Q5', 'en')]).toEqual(['13', '0', 'Q5']);
  });
  it('shows the backend label untouched in Indonesian and keeps its year in English', () => {
    expect(formatPeriod('8', 'id', 'Agustus 2026')).toBe('Agustus 2026');
    expect(formatPeriod('8', 'en', 'Agustus 2026')).toBe('August 2026');
    expect(formatPeriod('Q3', 'en', 'Triwulan III 2026')).toBe('Quarter III 2026');
    expect(formatPeriod('tahunan', 'en', 'Tahunan 2026')).toBe('Annual 2026');
    expect(formatPeriod('x', 'en', 'lain')).toBe('lain');
  });
  it('Indonesian names match the labels the backend builds', () => {
    for (const cadence of ['bulanan', 'triwulanan'] as const) {
      for (const p of periodsOf(2026, cadence)) expect(`${formatPeriod(p.code, 'id')} 2026`).toBe(p.label);
    }
  });
  it('writes sizes with the Indonesian decimal comma', () => {
    const n = (v: number, d?: number) => formatNumber(v, 'id', d);
    expect(formatBytes(350 * 1024, n)).toBe('350 KB');
    expect(formatBytes(1.25 * 1024 * 1024, n)).toBe('1,3 MB');
    expect(formatBytes(21.5 * 1024 * 1024, n)).toBe('21,5 MB');
  });
});
