import { Badge, Button, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconBell } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Reminder } from '../../../shared/reports/commands';
import { useCommand } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';

/** The SKP card of the Beranda already says these two; the reminders list leaves them to it. */
const shownElsewhere: Reminder['kind'][] = ['skp_draf', 'skp_persetujuan'];

/**
 * In-app reminders (due realisasi, results to acknowledge, appeal deadlines, dialogues, what waits
 * for an appraiser), overdue first as the backend sorts them. `children` receives whether any
 * reminder is shown, so the card can keep its empty state only when nothing at all waits.
 */
export function Reminders({ children }: { children?: (anyShown: boolean) => ReactNode }) {
  const { t, date } = useI18n();
  const query = useCommand('reports.reminders', {}, { refetchInterval: 5 * 60_000 });
  const reminders = (query.data?.reminders ?? []).filter((r) => !shownElsewhere.includes(r.kind));
  return (
    <Stack gap="md">
      {query.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {reminders.length > 0 && (
        <Stack gap="xs" component="ul" aria-label={t('reminder.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="reminders">
          {reminders.map((r, n) => (
            <Group component="li" key={`${r.kind}-${n}`} gap="sm" wrap="nowrap" align="flex-start" data-testid="reminder">
              <ThemeIcon size="md" variant="light" color={r.overdue ? 'red' : 'blue'} style={{ flexShrink: 0 }} aria-hidden>
                {r.overdue ? <IconAlertTriangle size={16} /> : <IconBell size={16} />}
              </ThemeIcon>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm">{r.message}</Text>
                <Group gap={6}>
                  {r.overdue && (
                    <Badge size="xs" color="red">
                      {t('reminder.overdue')}
                    </Badge>
                  )}
                  {r.dueDate && (
                    <Text size="xs" c={r.overdue ? 'red.8' : 'dimmed'}>
                      {t('reminder.due', { date: date(r.dueDate) })}
                    </Text>
                  )}
                </Group>
              </div>
              <Button component={Link} to={r.link} size="xs" variant={r.overdue ? 'filled' : 'light'} color={r.overdue ? 'red' : undefined} style={{ flexShrink: 0 }} aria-label={`${t('reminder.open')}: ${r.message}`}>
                {t('reminder.open')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {children?.(query.isPending || reminders.length > 0)}
    </Stack>
  );
}
