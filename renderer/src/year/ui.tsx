import { Button, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { PerformanceYear } from '../../../shared/year/commands';
import { otherOpenYears, runningYear } from '../../../shared/year/running';
import { call } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { readChoice, writeChoice } from './choice';

export interface YearsData {
  years: PerformanceYear[];
  /** The office's calendar day by the backend's clock (`year.today`), never the browser's. */
  today: string;
}

/**
 * The office's years together with the backend's today: every screen that picks a year needs
 * both, and one query keeps them loading (and failing) together. The key starts with `year.` so
 * writes that invalidate the year capability refresh it.
 */
export function useYears() {
  return useQuery<YearsData, AppError>({
    queryKey: ['year.list', {}, 'today'],
    queryFn: async () => {
      const [list, today] = await Promise.all([call('year.list', {}), call('year.today', {})]);
      return { years: list.years, today: today.today };
    },
  });
}

/** The office's calendar day by the backend's clock, or null while it loads. */
export function useToday(): string | null {
  return useYears().data?.today ?? null;
}

/** The running year (shared/year/running.ts) for screens without a picker: Beranda, feedback, dialogue. */
export function useRunningYear(): { years: ReturnType<typeof useYears>; year: PerformanceYear | null } {
  const years = useYears();
  return { years, year: years.data ? runningYear(years.data.years, years.data.today) : null };
}

/**
 * The year the screen shows: `?tahun=` when given, else the one this user chose on another page
 * (kept for the session, see choice.ts), else the running year (shared/year/running.ts).
 */
export function useChosenYear(data: YearsData | undefined): [PerformanceYear | null, (year: PerformanceYear) => void] {
  const [params, setParams] = useSearchParams();
  const { user } = useAuth();
  const userId = user?.userId ?? '';
  const list = data?.years ?? [];
  const wanted = Number(params.get('tahun')) || readChoice(userId).tahun;
  const chosen = list.find((y) => y.year === wanted) ?? (data ? runningYear(list, data.today) : null);
  const choose = (year: PerformanceYear) => {
    const before = readChoice(userId);
    writeChoice(userId, before.tahun === year.year ? { tahun: year.year, periode: before.periode } : { tahun: year.year });
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tahun', String(year.year));
        if (chosen && chosen.year !== year.year) next.delete('periode');
        return next;
      },
      { replace: true },
    );
  };
  return [chosen, choose];
}

/**
 * Chooses among the office's performance years. The running year says so, closed years say so,
 * and while another year is open too (next year, opened in December) it is one click away.
 */
export function YearPicker({ years, today, value, onChange }: { years: PerformanceYear[]; today: string; value: PerformanceYear | null; onChange(year: PerformanceYear): void }) {
  const { t } = useI18n();
  const running = runningYear(years, today);
  const other = !running || value?.id === running.id ? otherOpenYears(years, running)[0] : running;
  const label = (y: PerformanceYear) =>
    y.status === 'ditutup' ? t('year.pickerClosed', { year: y.year }) : y.id === running?.id ? t('year.pickerRunning', { year: y.year }) : String(y.year);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        label={t('year.picker')}
        w={220}
        allowDeselect={false}
        value={value?.id ?? null}
        data={years.map((y) => ({ value: y.id, label: label(y) }))}
        onChange={(id) => {
          const y = years.find((x) => x.id === id);
          if (y) onChange(y);
        }}
        data-testid="year-picker"
      />
      {other && (
        <Button variant="subtle" size="sm" onClick={() => onChange(other)} data-testid="year-switch">
          {other.id === running?.id ? t('year.backToRunning', { year: other.year }) : t('year.seeOther', { year: other.year })}
        </Button>
      )}
    </Group>
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
