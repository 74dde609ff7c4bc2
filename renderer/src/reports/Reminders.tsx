import { Badge, Button, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconBell } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Reminder } from '../../../shared/reports/commands';
import { useCommand } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';

/** The SKP card of the Beranda already says these two; the reminders list leaves them to it. */
const shownElsewhere: Reminder['kind'][] = ['skp_draf', 'skp_persetujuan'];

interface Item extends Omit<Reminder, 'kind'> {
  key: string;
  action?: string;
}

type I18n = Pick<ReturnType<typeof useI18n>, 't' | 'periodName'>;

/** `Januari 2026` / `January 2026` from a realisasi reminder's link and due date. */
function periodOf(r: Reminder, periodName: I18n['periodName']): string {
  const code = r.link.split('/').pop() ?? '';
  return `${periodName(code)} ${r.dueDate?.slice(0, 4) ?? ''}`.trim();
}

/**
 * Many months behind reads as one line that says where to start, not a wall of red: a list of
 * ten overdue months helps nobody and feels like blame.
 */
function collapse(reminders: Reminder[], { t, periodName }: I18n): Item[] {
  const items = (list: Reminder[]) => list.map((r, n) => ({ ...r, key: `${r.kind}-${r.link}-${n}` }));
  const late = reminders.filter((r) => r.kind === 'realisasi' && r.overdue);
  if (late.length <= 2) return items(reminders);
  const first = late[0]!;
  const summary: Item = {
    key: 'realisasi-late',
    message: t('reminder.realisasiMany', { count: late.length, first: periodOf(first, periodName) }),
    dueDate: first.dueDate,
    overdue: true,
    link: first.link,
    action: t('reminder.openFirst', { period: periodOf(first, periodName) }),
  };
  return [summary, ...items(reminders.filter((r) => !late.includes(r)))];
}

/**
 * In-app reminders (due realisasi, results to acknowledge, appeal deadlines, dialogues, what waits
 * for an appraiser), overdue first as the backend sorts them. `children` receives whether any
 * reminder is shown, so the card can keep its empty state only when nothing at all waits.
 */
export function Reminders({ children }: { children?: (anyShown: boolean) => ReactNode }) {
  const { t, date, periodName } = useI18n();
  const query = useCommand('reports.reminders', {}, { refetchInterval: 5 * 60_000 });
  const reminders = collapse(
    (query.data?.reminders ?? []).filter((r) => !shownElsewhere.includes(r.kind)),
    { t, periodName },
  );
  return (
    <Stack gap="md">
      {query.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {reminders.length > 0 && (
        <Stack gap="xs" component="ul" aria-label={t('reminder.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="reminders">
          {reminders.map((r) => (
            <Group component="li" key={r.key} gap="sm" wrap="nowrap" align="flex-start" data-testid="reminder">
              <ThemeIcon size="md" variant="light" color={r.overdue ? 'orange' : 'blue'} style={{ flexShrink: 0 }} aria-hidden>
                {r.overdue ? <IconAlertTriangle size={16} /> : <IconBell size={16} />}
              </ThemeIcon>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm">{r.message}</Text>
                <Group gap={6}>
                  {r.overdue && (
                    <Badge size="xs" color="orange" variant="light">
                      {t('reminder.overdue')}
                    </Badge>
                  )}
                  {r.dueDate && (
                    <Text size="xs" c={r.overdue ? 'orange' : 'dimmed'}>
                      {t('reminder.due', { date: date(r.dueDate) })}
                    </Text>
                  )}
                </Group>
              </div>
              <Button component={Link} to={r.link} size="xs" variant={r.overdue ? 'filled' : 'light'} style={{ flexShrink: 0 }} aria-label={`${r.action ?? t('reminder.open')}: ${r.message}`}>
                {r.action ?? t('reminder.open')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {children?.(query.isPending || reminders.length > 0)}
    </Stack>
  );
}
