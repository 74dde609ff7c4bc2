import { Badge } from '@mantine/core';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import type { RealisasiStatus } from './periods';

export type { RealisasiStatus };

export const realisasiStatusKeys: Record<RealisasiStatus, MessageKey> = {
  belum: 'realisasi.status.belum',
  draf: 'realisasi.status.draf',
  diajukan: 'realisasi.status.diajukan',
};

export const realisasiStatusColors: Record<RealisasiStatus, string> = { belum: 'gray', draf: 'blue', diajukan: 'teal' };

export function RealisasiStatusBadge({ status, size = 'sm' }: { status: RealisasiStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useI18n();
  return (
    <Badge color={realisasiStatusColors[status]} variant={status === 'belum' ? 'outline' : 'light'} size={size} miw="fit-content" data-testid="realisasi-status">
      {t(realisasiStatusKeys[status])}
    </Badge>
  );
}

export { formatBytes, pickPeriod } from './periods';
