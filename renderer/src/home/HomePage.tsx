import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCommand } from '../api/hooks';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState } from '../app/EmptyState';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { Reminders } from '../reports/Reminders';
import { WaitingForYou } from '../skp/WaitingForYou';
import { Announcements } from './Announcements';
import { ProfileCard } from './ProfileCard';
import { SetupChecklist } from './SetupChecklist';

function greetingKey(hour: number): MessageKey {
  if (hour < 11) return 'home.morning';
  if (hour < 15) return 'home.afternoon';
  if (hour < 18) return 'home.evening';
  return 'home.night';
}

/** The user's own situation first: who they are here, and what waits for them. */
export function HomePage() {
  const { t, date } = useI18n();
  const { user, hasRole } = useAuth();
  const summary = useCommand('home.summary', {}, { enabled: !!user });
  if (!user) return null;
  const now = new Date();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t(greetingKey(now.getHours()))}, {user.name}
        </Title>
        <Text c="dimmed">{t('home.today', { date: date(now) })}</Text>
      </div>
      <Announcements />
      {summary.data?.setup && <SetupChecklist setup={summary.data.setup} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('home.waiting')}
          </Title>
          <Reminders>{(any) => <WaitingForYou empty={any ? null : <EmptyState message={t('home.waitingEmpty')} />} />}</Reminders>
        </Card>
        <ProfileCard />
      </SimpleGrid>
      {hasRole('pengelola') && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('home.adminTitle')}
          </Title>
          <Stack gap="xs">
            <Text size="sm">
              {t('home.adminAccounts')}{' '}
              <Anchor component={Link} to="/akun">
                {t('home.open')}
              </Anchor>
            </Text>
            <Text size="sm">
              {t('home.adminAudit')}{' '}
              <Anchor component={Link} to="/audit">
                {t('home.open')}
              </Anchor>
            </Text>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
