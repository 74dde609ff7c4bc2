import { Alert, Stack, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useCommand } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';

/**
 * BKPSDM's announcements still in force, pulled from the central by sync. Nothing is shown when
 * there are none (an office not enrolled never has any).
 */
export function Announcements() {
  const { t, date } = useI18n();
  const query = useCommand('sync.announcements', {});
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('home.announcements')} data-testid="announcements">
      {items.map((a) => (
        <Alert key={a.id} color="blue" variant="light" icon={<IconSpeakerphone size={18} />} title={a.title || t('home.announcements')}>
          {a.body && <Text size="sm">{a.body}</Text>}
          <Text size="xs" c="dimmed" mt={4}>
            {a.until ? t('home.announcementUntil', { date: date(new Date(`${a.until}T00:00:00`)) }) : t('home.announcementFrom')}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
