import { Badge } from '@mantine/core';
import type { Predikat, Rating } from '../../../shared/evaluation/predikat';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';

export const ratingKeys: Record<Rating, MessageKey> = {
  diatas: 'appeal.rating.diatas',
  sesuai: 'appeal.rating.sesuai',
  dibawah: 'appeal.rating.dibawah',
};

export const predikatKeys: Record<Predikat, MessageKey> = {
  sangat_baik: 'appeal.predikat.sangat_baik',
  baik: 'appeal.predikat.baik',
  butuh_perbaikan: 'appeal.predikat.butuh_perbaikan',
  kurang: 'appeal.predikat.kurang',
  sangat_kurang: 'appeal.predikat.sangat_kurang',
};

export const predikatColors: Record<Predikat, string> = {
  sangat_baik: 'teal',
  baik: 'blue',
  butuh_perbaikan: 'yellow',
  kurang: 'orange',
  sangat_kurang: 'red',
};

export function PredikatBadge({ predikat, size = 'sm' }: { predikat: Predikat | null; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useI18n();
  if (!predikat) return <>-</>;
  return (
    <Badge color={predikatColors[predikat]} variant="light" size={size} miw="fit-content" data-testid="predikat">
      {t(predikatKeys[predikat])}
    </Badge>
  );
}

export function AppealStatusBadge({ status, size = 'sm' }: { status: 'diajukan' | 'diputus'; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useI18n();
  return (
    <Badge color={status === 'diajukan' ? 'orange' : 'gray'} variant="light" size={size} miw="fit-content" data-testid="appeal-status">
      {t(status === 'diajukan' ? 'appeal.status.diajukan' : 'appeal.status.diputus')}
    </Badge>
  );
}
