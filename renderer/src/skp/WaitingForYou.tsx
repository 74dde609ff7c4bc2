import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SkpSummary } from '../../../shared/skp/commands';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand } from '../api/hooks';
import { useAuth } from '../auth/AuthProvider';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { StatusBadge } from './labels';
import { useRunningYear } from '../year/ui';

const nextStep: Record<SkpSummary['status'], MessageKey> = {
  draf: 'skp.home.next.draf',
  dikembalikan: 'skp.home.next.dikembalikan',
  diajukan: 'skp.home.next.diajukan',
  disetujui: 'skp.home.next.disetujui',
};

/** The Beranda "Yang menunggu Anda" card body: the user's SKP for the open year and, for appraisers, the SKP waiting for them. */
export function WaitingForYou({ empty }: { empty: ReactNode }) {
  const { hasRole } = useAuth();
  const { years, year: open } = useRunningYear();
  const inbox = useCommand('skp.inbox', {}, { enabled: hasRole('penilai') });
  const waiting = inbox.data?.skps.length ?? 0;
  if (years.isPending) return <Loader size="sm" />;
  if (!open && waiting === 0) return <>{empty}</>;
  return (
    <Stack gap="md">
      {open && <OwnSkp year={open} />}
      {waiting > 0 && <Inbox count={waiting} />}
    </Stack>
  );
}

function OwnSkp({ year }: { year: PerformanceYear }) {
  const { t, date } = useI18n();
  const query = useCommand('skp.list', { yearId: year.id });
  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return null;
  const skp = query.data.skps[0];
  if (!skp) {
    return (
      <Stack gap={4} data-testid="home-skp">
        <Text size="sm" fw={600}>
          {t('skp.home.none', { year: year.year })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('skp.home.noneHelp', { date: date(year.skpDeadline) })}
        </Text>
        <Group>
          <Button component={Link} to="/skp" size="xs">
            {t('skp.create.submit')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4} data-testid="home-skp">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('skp.titleYear', { year: skp.year })}
        </Text>
        <StatusBadge status={skp.status} amending={skp.amending} size="sm" />
      </Group>
      <Text size="sm" c="dimmed">
        {t(nextStep[skp.status], { date: date(year.skpDeadline) })}
      </Text>
      <Group>
        <Button component={Link} to={`/skp/${skp.id}`} size="xs" variant={skp.status === 'disetujui' ? 'light' : 'filled'}>
          {t('skp.home.open')}
        </Button>
      </Group>
    </Stack>
  );
}

function Inbox({ count }: { count: number }) {
  const { t } = useI18n();
  return (
    <Stack gap={4} data-testid="home-inbox">
      <Text size="sm" fw={600}>
        {t('skp.home.inbox', { count })}
      </Text>
      <Group>
        <Button component={Link} to="/persetujuan-skp" size="xs" color="yellow">
          {t('skp.home.review')}
        </Button>
      </Group>
    </Stack>
  );
}
