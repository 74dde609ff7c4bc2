import { Badge, Group, Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { defaultPeriodCode } from '../../../shared/evaluation/default-period';
import { periodsOf, type Period } from '../../../shared/evaluation/periods';
import type { OrgRating, Predikat, Rating } from '../../../shared/evaluation/predikat';
import type { PerformanceYear } from '../../../shared/year/commands';
import type { MessageKey } from '../i18n/catalog';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { readChoice, writeChoice } from '../year/choice';

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

/** The x-axis of the kurva distribusi, left to right (docs/spec/documents.md §4). */
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

/**
 * The period in `?periode=` when it belongs to the year's cadence, else the one this user chose on
 * another page for the same year, else what needs action on `today` (the backend's day; see
 * shared/evaluation/default-period.ts).
 */
export function useChosenPeriod(year: PerformanceYear | null, today: string, finished?: ReadonlySet<string>): [Period | null, (code: string) => void] {
  const [params, setParams] = useSearchParams();
  const { user } = useAuth();
  const userId = user?.userId ?? '';
  const periods = year ? periodsOf(year.year, year.cadence) : [];
  const stored = readChoice(userId);
  const wanted = params.get('periode') ?? (year && stored.tahun === year.year ? stored.periode : undefined);
  const chosen = periods.find((p) => p.code === wanted) ?? (year ? (periods.find((p) => p.code === defaultPeriodCode(year, today, finished)) ?? null) : null);
  const choose = (code: string) => {
    if (year) writeChoice(userId, { tahun: year.year, periode: code });
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('periode', code);
        return next;
      },
      { replace: true },
    );
  };
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
