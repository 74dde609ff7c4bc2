import { describe, expect, it } from 'vitest';
import { formatNumber } from '../i18n/format';
import { formatBytes, periodName, pickPeriod } from './periods';

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
    expect([periodName('1'), periodName('11'), periodName('Q3'), periodName('tahunan')]).toEqual(['Januari', 'November', 'Triwulan III', 'Tahunan']);
  });
  it('writes sizes with the Indonesian decimal comma', () => {
    const n = (v: number, d?: number) => formatNumber(v, 'id', d);
    expect(formatBytes(350 * 1024, n)).toBe('350 KB');
    expect(formatBytes(1.25 * 1024 * 1024, n)).toBe('1,3 MB');
    expect(formatBytes(21.5 * 1024 * 1024, n)).toBe('21,5 MB');
  });
});
