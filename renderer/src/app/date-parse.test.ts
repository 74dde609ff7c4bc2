import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './date-parse';

describe('parseTypedDate: what people type into a date field', () => {
  const cases: [string, { date: string; time: string | null } | null][] = [
    ['2026-11-29', { date: '2026-11-29', time: null }],
    ['29/11/2026', { date: '2026-11-29', time: null }],
    ['1-2-2026', { date: '2026-02-01', time: null }],
    ['29.11.2026', { date: '2026-11-29', time: null }],
    ['29 November 2026', { date: '2026-11-29', time: null }],
    ['3 Agu 2026', { date: '2026-08-03', time: null }],
    ['3 Agt 2026', { date: '2026-08-03', time: null }],
    ['17 Agustus 2026', { date: '2026-08-17', time: null }],
    ['5 Mei 2026', { date: '2026-05-05', time: null }],
    ['5 May 2026', { date: '2026-05-05', time: null }],
    ['10 Okt 2026', { date: '2026-10-10', time: null }],
    ['2026-02-03T09:00', { date: '2026-02-03', time: '09:00' }],
    ['3 Februari 2026 09.30', { date: '2026-02-03', time: '09:30' }],
    ['3/2/2026 14:05', { date: '2026-02-03', time: '14:05' }],
    ['31 April 2026', null],
    ['2026-02-30', null],
    ['3 Februari 2026 25:00', null],
    ['besok', null],
    ['', null],
    ['11/29/2026', null],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(parseTypedDate(input)).toEqual(expected);
  });
});
