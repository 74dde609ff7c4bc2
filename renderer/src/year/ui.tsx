import { Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';

export function useYears() {
  return useCommand('year.list', {});
}

/** The year the screen shows: `?tahun=` when given, else the newest open year, else the newest. */
export function useChosenYear(years: PerformanceYear[] | undefined): [PerformanceYear | null, (year: PerformanceYear) => void] {
  const [params, setParams] = useSearchParams();
  const wanted = Number(params.get('tahun'));
  const list = years ?? [];
  const chosen = list.find((y) => y.year === wanted) ?? list.find((y) => y.status === 'terbuka') ?? list[0] ?? null;
  const choose = (year: PerformanceYear) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tahun', String(year.year));
        return next;
      },
      { replace: true },
    );
  return [chosen, choose];
}

/** Chooses among the office's performance years; closed years say so. */
export function YearPicker({ years, value, onChange }: { years: PerformanceYear[]; value: PerformanceYear | null; onChange(year: PerformanceYear): void }) {
  const { t } = useI18n();
  return (
    <Select
      label={t('year.picker')}
      w={220}
      allowDeselect={false}
      value={value?.id ?? null}
      data={years.map((y) => ({ value: y.id, label: y.status === 'ditutup' ? t('year.pickerClosed', { year: y.year }) : String(y.year) }))}
      onChange={(id) => {
        const y = years.find((x) => x.id === id);
        if (y) onChange(y);
      }}
    />
  );
}

/**
 * Shown while something takes longer than a second (opening a year with drafts for everyone,
 * approving many SKP): an indeterminate bar and what is happening, so nobody clicks twice.
 */
export function SlowProgress({ active, label }: { active: boolean; label: string }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setSlow(true), 1000);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [active]);
  if (!active || !slow) return null;
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="slow-progress">
      <Progress value={100} striped animated aria-label={label} />
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Group>
    </Stack>
  );
}

/** `2026-01-31` for a year's default dates. */
export function yearDefaults(year: number) {
  return { startDate: `${year}-01-01`, endDate: `${year}-12-31`, skpDeadline: `${year}-01-31` };
}
