import { Badge, Button, Card, Group, SimpleGrid, Table, Text, Timeline, Title } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { useState } from 'react';
import type { SkpDetail } from '../../../shared/skp/commands';
import { skpStatuses, type SkpStatus } from '../../../shared/skp/workflow';
import { useI18n } from '../i18n/I18nProvider';
import { CompareModal } from './CompareModal';
import { eventKeys, statusKeys } from './labels';

/** What happened to the plan, by whom, with notes; and the approved versions, comparable side by side. */
export function HistorySection({ skp }: { skp: SkpDetail }) {
  const { t, dateTime } = useI18n();
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const events = [...skp.events].reverse();
  const latest = skp.versions.at(-1)?.versionNo ?? 0;
  // The natural comparison: the last approved version against the amendment in progress, else the two newest versions.
  const defaultPair = skp.amending || skp.status !== 'disetujui' ? { from: latest, to: 0 } : { from: Math.max(1, latest - 1), to: latest };

  return (
    <section aria-labelledby="skp-history">
      <Title order={2} size="h4" mb="xs" id="skp-history">
        {t('skp.history.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} size="sm" mb="sm">
            {t('skp.history.events')}
          </Text>
          {events.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('skp.history.none')}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} active={0}>
              {events.map((e, n) => (
                <Timeline.Item key={n} title={eventKeys[e.action] ? t(eventKeys[e.action]!) : e.action}>
                  <Text size="xs" c="dimmed">
                    {dateTime(e.at)}
                    {e.actorName ? ` · ${e.actorName}` : ''}
                    {(skpStatuses as readonly string[]).includes(e.toStatus) ? ` · ${t('skp.history.to', { status: t(statusKeys[e.toStatus as SkpStatus]) })}` : ''}
                  </Text>
                  {e.note && (
                    <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                      {e.note}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Text fw={600} size="sm">
              {t('skp.versions.title')}
            </Text>
            {skp.versions.length > 0 && (
              <Button size="xs" variant="light" leftSection={<IconGitCompare size={14} />} onClick={() => setCompare(defaultPair)}>
                {t('skp.versions.compare')}
              </Button>
            )}
          </Group>
          {skp.versions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('skp.versions.none')}
            </Text>
          ) : (
            <Table fz="sm">
              <Table.Tbody>
                {[...skp.versions].reverse().map((v) => (
                  <Table.Tr key={v.versionNo}>
                    <Table.Td fw={600}>{t('skp.versions.label', { no: v.versionNo })}</Table.Td>
                    <Table.Td>{t('skp.versions.approvedAt', { date: dateTime(v.approvedAt) })}</Table.Td>
                    <Table.Td>
                      {v.note && (
                        <Badge variant="light" color="grape" size="sm">
                          {v.note === 'Adendum' ? t('skp.amending') : v.note}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
      {compare && <CompareModal skp={skp} initial={compare} onClose={() => setCompare(null)} />}
    </section>
  );
}
