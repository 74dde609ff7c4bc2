import { describe, expect, it } from 'vitest';
import { defaultPeriodCode } from '../evaluation/default-period';
import { otherOpenYears, runningYear, type YearLike } from './running';

const y = (year: number, status: YearLike['status'] = 'terbuka'): YearLike => ({ year, startDate: `${year}-01-01`, endDate: `${year}-12-31`, status });

describe('runningYear: the year people work in on a given day', () => {
  const cases: [string, YearLike[], string, number | null][] = [
    ['one open year, inside it', [y(2026)], '2026-06-15', 2026],
    ['next year opened in December: the running one stays in front', [y(2027), y(2026)], '2026-12-08', 2026],
    ['January: last year still open for its annual evaluation stays in front', [y(2027), y(2026)], '2027-01-10', 2026],
    ['last year closed: the new year', [y(2027), y(2026, 'ditutup')], '2027-01-10', 2027],
    ['only next year open (this year closed early)', [y(2027), y(2026, 'ditutup')], '2026-12-20', 2027],
    ['a year left open for years does not take over', [y(2026), y(2022)], '2026-05-01', 2026],
    ['only an old open year: still that one', [y(2022), y(2021, 'ditutup')], '2026-05-01', 2022],
    ['all closed: the newest that has started', [y(2027, 'ditutup'), y(2026, 'ditutup')], '2026-07-01', 2026],
    ['no years', [], '2026-07-01', null],
  ];
  it.each(cases)('%s', (_name, years, today, expected) => {
    expect(runningYear(years, today)?.year ?? null).toBe(expected);
  });

  it('offers the other open years, nearest first', () => {
    const years = [y(2027), y(2026), y(2025, 'ditutup')];
    const running = runningYear(years, '2026-12-08');
    expect(otherOpenYears(years, running).map((x) => x.year)).toEqual([2027]);
  });
});

describe('defaultPeriodCode: the period that needs action today', () => {
  const monthly = { year: 2026, cadence: 'bulanan' as const };
  const quarterly = { year: 2026, cadence: 'triwulanan' as const };
  const cases: [string, { year: number; cadence: 'bulanan' | 'triwulanan' }, string, string[], string][] = [
    ['8 December: November has ended (not the empty running month)', monthly, '2026-12-08', [], '11'],
    ['1 December: November, ended yesterday', monthly, '2026-12-01', [], '11'],
    ['30 November: October (November still running)', monthly, '2026-11-30', [], '10'],
    ['January 15: nothing has ended yet, the running month', monthly, '2026-01-15', [], '1'],
    ['a year still to come: its first period', monthly, '2025-12-08', [], '1'],
    ['after the year: the annual evaluation', monthly, '2027-01-05', [], 'tahunan'],
    ['after the year with the annual finished: December', monthly, '2027-01-05', ['tahunan'], '12'],
    ['November finished: October still waiting', monthly, '2026-12-08', ['11'], '10'],
    ['every ended month finished: the running month', monthly, '2026-03-10', ['1', '2'], '3'],
    ['everything finished after the year: the annual', monthly, '2027-02-01', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', 'tahunan'], 'tahunan'],
    ['quarterly, 8 December: Q3', quarterly, '2026-12-08', [], 'Q3'],
    ['quarterly, 1 April: Q1', quarterly, '2026-04-01', [], 'Q1'],
    ['quarterly, February: Q1 running', quarterly, '2026-02-10', [], 'Q1'],
  ];
  it.each(cases)('%s', (_name, year, today, finished, expected) => {
    expect(defaultPeriodCode(year, today, new Set(finished))).toBe(expected);
  });
});
