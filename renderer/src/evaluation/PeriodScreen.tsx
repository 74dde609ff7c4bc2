import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Period } from '../../../shared/evaluation/periods';
import type { PerformanceYear } from '../../../shared/year/commands';
import { PageHeader } from '../app/PageHeader';
import { QueryState } from '../app/QueryState';
import { useChosenYear, useYears, YearPicker } from '../year/ui';
import { PeriodPicker, useChosenPeriod } from './ui';

/**
 * A screen about one period of a Tahun Penilaian (Penilaian, Dasbor Kinerja, Kurva Distribusi): the
 * header, the year and period pickers (the choice kept in the address), then the body for the
 * chosen pair; `empty` while no year is open. One component, so the three screens choose a period
 * the same way.
 */
export function PeriodScreen({
  title,
  description,
  empty,
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  empty: ReactNode;
  children(year: PerformanceYear, period: Period): ReactNode;
}) {
  const years = useYears();
  const [year, chooseYear] = useChosenYear(years.data);
  const [period, choosePeriod] = useChosenPeriod(year, years.data?.today ?? '');
  return (
    <Stack>
      <PageHeader title={title} description={description} />
      <QueryState query={years}>
        {(y) =>
          !year || !period ? (
            empty
          ) : (
            <Stack>
              <Group align="flex-end">
                <YearPicker years={y.years} today={y.today} value={year} onChange={chooseYear} />
                <PeriodPicker year={year} value={period} onChange={choosePeriod} />
              </Group>
              {children(year, period)}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
