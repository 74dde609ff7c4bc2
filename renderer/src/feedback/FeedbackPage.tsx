import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { formatPeriod } from '../i18n/format';
import { PageHeader } from '../app/PageHeader';
import { useRunningYear } from '../year/ui';

interface Row {
  skpId: string;
  title: string;
  subtitle: string | null;
  unread: number;
}

/** Every SKP whose feedback the user takes part in, with unread counts; each opens the thread next to its realisasi. */
export function FeedbackPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const unread = useCommand('feedback.unread', {});
  const mine = useCommand('skp.list', {});
  const { year: open } = useRunningYear();
  const team = useCommand('reports.team', { yearId: open?.id ?? '' }, { enabled: hasRole('penilai') && !!open });

  return (
    <Stack>
      <PageHeader title={t('feedback.title')} description={t('feedback.intro')} />
      <QueryState query={unread}>
        {(u) => (
          <QueryState query={mine}>
            {(m) => {
              const counts = new Map(u.bySkp.map((b) => [b.skpId, b.count]));
              const mineRows: Row[] = m.skps
                .filter((s) => s.status === 'disetujui' || s.amending || counts.has(s.id))
                .map((s) => ({ skpId: s.id, title: t('feedback.skpOf', { year: s.year }), subtitle: s.position, unread: counts.get(s.id) ?? 0 }));
              const teamRows: Row[] = (team.data?.members ?? [])
                .filter((x) => x.skpId && (x.skpStatus === 'disetujui' || counts.has(x.skpId)))
                .map((x) => ({ skpId: x.skpId!, title: x.name, subtitle: x.position, unread: counts.get(x.skpId!) ?? 0 }));
              const known = new Set([...mineRows, ...teamRows].map((r) => r.skpId));
              const otherRows: Row[] = u.bySkp.filter((b) => !known.has(b.skpId)).map((b) => ({ skpId: b.skpId, title: b.employeeName, subtitle: null, unread: b.count }));
              const byUnread = (a: Row, b: Row) => b.unread - a.unread || a.title.localeCompare(b.title, 'id');
              if (mineRows.length + teamRows.length + otherRows.length === 0) {
                return team.isLoading ? <Loader size="sm" /> : <EmptyState message={t('feedback.empty')} />;
              }
              return (
                <Stack gap="lg">
                  {mineRows.length > 0 && <Section title={t('feedback.mine')} rows={mineRows} />}
                  {teamRows.length > 0 && <Section title={t('feedback.team')} rows={teamRows.sort(byUnread)} />}
                  {otherRows.length > 0 && <Section title={t('feedback.others')} rows={otherRows.sort(byUnread)} />}
                </Stack>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}

function Section({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <section>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap="xs">
        {rows.map((r) => (
          <FeedbackRow key={r.skpId} row={r} />
        ))}
      </Stack>
    </section>
  );
}

/** One SKP: unread count, the latest message, and a link to the period it was written in. */
function FeedbackRow({ row }: { row: Row }) {
  const { t, lang, dateTime } = useI18n();
  const thread = useCommand('feedback.thread', { skpId: row.skpId });
  const last = thread.data?.messages.at(-1) ?? null;
  const to = last ? `/skp/${row.skpId}/realisasi/${last.period}?fokus=umpan-balik` : `/skp/${row.skpId}/realisasi?fokus=umpan-balik`;
  return (
    <Card withBorder padding="sm" data-testid="feedback-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <IconMessageCircle size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <div style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {row.title}
              </Text>
              {row.unread > 0 && (
                <Badge color="red" size="sm">
                  {t('feedback.unreadCount', { count: row.unread })}
                </Badge>
              )}
            </Group>
            {row.subtitle && (
              <Text size="xs" c="dimmed">
                {row.subtitle}
              </Text>
            )}
            {thread.isPending ? (
              <Loader size="xs" mt={4} />
            ) : last ? (
              <>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('feedback.last', { name: last.authorName, date: dateTime(last.at), period: formatPeriod(last.period, lang) })}
                </Text>
                <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {last.body}
                </Text>
              </>
            ) : (
              <Text size="xs" c="dimmed" mt={4}>
                {t('feedback.noMessages')}
              </Text>
            )}
          </div>
        </Group>
        <Button component={Link} to={to} size="xs" variant={row.unread > 0 ? 'filled' : 'light'} aria-label={t('feedback.openFor', { name: row.title })} style={{ flexShrink: 0 }}>
          {t('feedback.open')}
        </Button>
      </Group>
    </Card>
  );
}
