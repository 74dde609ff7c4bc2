import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { SyncStatusOut } from '../../../shared/sync/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { PageHeader } from '../app/PageHeader';
import { QueryState } from '../app/QueryState';
import { notifyError, notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';

const stateColor: Record<SyncStatusOut['state'], string> = { belum: 'gray', tersinkron: 'teal', menunggu: 'yellow', gagal: 'red', belum_diperiksa: 'blue' };

/** Pengaturan > Sinkronisasi: the office's link to the central, its state in words and its last runs. */
export function SyncPage() {
  const { t, dateTime } = useI18n();
  // While a requested run has not been taken up, look again every two seconds.
  const query = useCommand('sync.status', {}, { refetchInterval: (q) => (q.state.data?.requestedAt ? 2000 : 30_000) });
  const run = useCommandMutation('sync.requestRun', { invalidates: ['sync.status'] });
  return (
    <Stack>
      <PageHeader
        title={t('sync.title')}
        actions={
          <Button
            leftSection={<IconRefresh size={16} />}
            loading={run.isPending || !!query.data?.requestedAt}
            disabled={!query.data?.enrolled}
            onClick={() => run.mutate({}, { onSuccess: () => notifySuccess(t('sync.requested')), onError: (err) => notifyError(err, t) })}
          >
            {t('sync.now')}
          </Button>
        }
      />
      <QueryState query={query}>
        {(s) =>
          !s.enrolled ? (
            <EmptyState message={t('sync.notEnrolled')} />
          ) : (
            <Stack>
              <Table variant="vertical" withTableBorder>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={200}>{t('sync.central')}</Table.Th>
                    <Table.Td>
                      {s.centralName ?? '-'} ({s.centralUrl})
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('sync.registeredAs')}</Table.Th>
                    <Table.Td>{s.registeredAs ?? '-'}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('sync.state')}</Table.Th>
                    <Table.Td role="status" aria-live="polite">
                      <Badge color={stateColor[s.state]} variant="light" style={{ minWidth: 'max-content' }}>
                        {s.stateText}
                      </Badge>
                      {s.oldestPendingAt && (
                        <Text size="sm" c="dimmed">
                          {t('sync.oldest', { time: dateTime(s.oldestPendingAt) })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('sync.lastSuccess')}</Table.Th>
                    <Table.Td>{s.lastSuccessAt ? dateTime(s.lastSuccessAt) : t('sync.never')}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              {s.skewText && (
                <Alert color="yellow" role="alert">
                  {t('sync.skew', { text: s.skewText })}
                </Alert>
              )}
              {s.notice && <Alert color="blue">{s.notice}</Alert>}
              {s.reference.length > 0 && (
                <Stack gap="xs">
                  <Title order={2} size="h4">
                    {t('sync.reference')}
                  </Title>
                  {s.reference.map((r) => (
                    <Text key={r.id} size="sm">
                      <Badge variant="outline" mr="xs">
                        {t(`sync.referenceKind.${r.kind}`)}
                      </Badge>
                      {Object.values(r.data).map(String).join(' · ')}
                    </Text>
                  ))}
                </Stack>
              )}
              {s.rejects.length > 0 && (
                <Stack gap="xs">
                  <Title order={2} size="h4">
                    {t('sync.rejects')}
                  </Title>
                  {s.rejects.map((r) => (
                    <Alert key={r.changeId} color="red">
                      {r.table} {r.rowId}: {r.reason}
                    </Alert>
                  ))}
                </Stack>
              )}
              <Title order={2} size="h4">
                {t('sync.runs')}
              </Title>
              {s.runs.length === 0 ? (
                <EmptyState message={t('sync.runsEmpty')} />
              ) : (
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('sync.time')}</Table.Th>
                      <Table.Th>{t('sync.via')}</Table.Th>
                      <Table.Th>{t('sync.result')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.runs.map((r) => (
                      <Table.Tr key={r.startedAt + r.via}>
                        <Table.Td>{dateTime(r.startedAt)}</Table.Td>
                        <Table.Td>{r.via === 'usb' ? 'USB' : 'LAN'}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Badge color={r.ok ? 'teal' : 'red'} variant="light" style={{ minWidth: 'max-content' }}>
                              {r.ok ? t('sync.ok') : t('sync.failed')}
                            </Badge>
                            <Text size="sm">{r.ok ? t('sync.counts', { pushed: r.pushed, pulled: r.pulled, repaired: r.repaired, files: r.files }) : r.message}</Text>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
