import { Badge, Group, Select } from '@mantine/core';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { periodsOf, type Period } from '../../../shared/evaluation/periods';
import type { OrgRating, Predikat, Rating } from '../../../shared/evaluation/predikat';
import type { PerformanceYear } from '../../../shared/year/commands';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';

export const ratingKeys: Record<Rating, MessageKey> = {
  diatas: 'eval.rating.diatas',
  sesuai: 'eval.rating.sesuai',
  dibawah: 'eval.rating.dibawah',
};

/** Shown in the order of the regulation's forms: above, meets, below. */
export const ratingOrder: Rating[] = ['diatas', 'sesuai', 'dibawah'];

export const predikatKeys: Record<Predikat, MessageKey> = {
  sangat_baik: 'eval.predikat.sangat_baik',
  baik: 'eval.predikat.baik',
  butuh_perbaikan: 'eval.predikat.butuh_perbaikan',
  kurang: 'eval.predikat.kurang',
  sangat_kurang: 'eval.predikat.sangat_kurang',
};

export const predikatColors: Record<Predikat, string> = {
  sangat_baik: 'teal',
  baik: 'blue',
  butuh_perbaikan: 'yellow',
  kurang: 'orange',
  sangat_kurang: 'red',
};

/** The x-axis of the kurva distribusi, left to right (documents.md section 4). */
export const predikatAxis: Predikat[] = ['sangat_kurang', 'kurang', 'butuh_perbaikan', 'baik', 'sangat_baik'];

export const orgRatingKeys: Record<OrgRating, MessageKey> = {
  istimewa: 'eval.org.istimewa',
  baik: 'eval.org.baik',
  butuh_perbaikan: 'eval.org.butuh_perbaikan',
  kurang: 'eval.org.kurang',
  sangat_kurang: 'eval.org.sangat_kurang',
};

export const orgRatingOrder: OrgRating[] = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];

export type EvalStatus = 'belum' | 'draf' | 'final';

const statusKeys: Record<EvalStatus, MessageKey> = { belum: 'eval.status.belum', draf: 'eval.status.draf', final: 'eval.status.final' };
const statusColors: Record<EvalStatus, string> = { belum: 'gray', draf: 'blue', final: 'teal' };

export function EvalStatusBadge({ status, acknowledged = false, size = 'md' }: { status: EvalStatus; acknowledged?: boolean; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="wrap" component="span">
      <Badge miw="max-content" color={statusColors[status]} variant={status === 'belum' ? 'outline' : 'light'} size={size} data-testid="eval-status">
        {t(statusKeys[status])}
      </Badge>
      {acknowledged && (
        <Badge miw="max-content" color="grape" variant="light" size={size}>
          {t('eval.status.acknowledged')}
        </Badge>
      )}
    </Group>
  );
}

export function PredikatBadge({ predikat, size = 'md' }: { predikat: Predikat | null; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const { t } = useI18n();
  if (!predikat) return <span aria-label={t('eval.noPredikat')}>-</span>;
  return (
    <Badge miw="max-content" color={predikatColors[predikat]} variant="filled" size={size} data-testid="predikat">
      {t(predikatKeys[predikat])}
    </Badge>
  );
}

/** `YYYY-MM-DD` of the local day. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The period a screen opens on: the one running today in the year shown; the annual evaluation for
 * a year that has ended; the first period for a year still to come.
 */
export function defaultPeriod(year: PerformanceYear, today = todayIso()): string {
  const periods = periodsOf(year.year, year.cadence);
  const running = periods.find((p) => !p.annual && p.start <= today && today <= p.end);
  if (running) return running.code;
  return today > `${year.year}-12-31` ? 'tahunan' : periods[0]!.code;
}

/** The period in `?periode=` when it belongs to the year's cadence, else the default. */
export function useChosenPeriod(year: PerformanceYear | null): [Period | null, (code: string) => void] {
  const [params, setParams] = useSearchParams();
  const periods = year ? periodsOf(year.year, year.cadence) : [];
  const wanted = params.get('periode');
  const chosen = periods.find((p) => p.code === wanted) ?? (year ? (periods.find((p) => p.code === defaultPeriod(year)) ?? null) : null);
  const choose = (code: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('periode', code);
        return next;
      },
      { replace: true },
    );
  return [chosen, choose];
}

/** Months or quarters by the year's cadence, then "Tahunan". */
export function PeriodPicker({ year, value, onChange }: { year: PerformanceYear; value: Period | null; onChange(code: string): void }) {
  const { t, periodName } = useI18n();
  const periods = periodsOf(year.year, year.cadence);
  return (
    <Select
      label={t('eval.period')}
      w={220}
      allowDeselect={false}
      value={value?.code ?? null}
      data={[
        { group: year.cadence === 'bulanan' ? t('eval.period.months') : t('eval.period.quarters'), items: periods.filter((p) => !p.annual).map((p) => ({ value: p.code, label: periodName(p.code, p.label) })) },
        { group: t('eval.period.annualGroup'), items: periods.filter((p) => p.annual).map((p) => ({ value: p.code, label: periodName(p.code, p.label) })) },
      ]}
      onChange={(code) => code && onChange(code)}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={360}
    />
  );
}

/**
 * While a form has unsaved changes: links inside the app ask before leaving, and so does closing or
 * reloading the tab (the browser asks) or the desktop window (main asks on will-prevent-unload,
 * electron/main/unsaved-changes.ts).
 */
export function useLeaveGuard(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.target === '_blank' || a.hasAttribute('download') || !a.getAttribute('href')?.startsWith('#')) return;
      if (!window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, message]);
}
