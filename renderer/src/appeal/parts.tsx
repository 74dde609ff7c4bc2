import { Card, Group, Stack, Text } from '@mantine/core';
import type { Appeal } from '../../../shared/appeal/commands';
import { useI18n } from '../i18n/I18nProvider';
import { PredikatBadge, ratingKeys } from './labels';

/** The three ratings of an evaluation (before or after an appeal), side by side with a title. */
export function Ratings({ title, r }: { title: string; r: Appeal['original'] }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={6}>
        {title}
      </Text>
      <Stack gap={4}>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('appeal.results')}:{' '}
          </Text>
          {r.resultsRating ? t(ratingKeys[r.resultsRating]) : '-'}
        </Text>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('appeal.behaviour')}:{' '}
          </Text>
          {r.behaviourRating ? t(ratingKeys[r.behaviourRating]) : '-'}
        </Text>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('appeal.predikat')}:
          </Text>
          <PredikatBadge predikat={r.predikat} />
        </Group>
      </Stack>
    </Card>
  );
}

/** A quoted long text (reasons, explanations), or a dimmed line when there is none. */
export function Quote({ title, body, empty }: { title: string; body: string | null; empty?: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {body ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 10 }}>
          {body}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </div>
  );
}

