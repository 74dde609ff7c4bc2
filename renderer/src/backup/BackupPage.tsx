import { Alert, Badge, Button, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { IconDatabaseExport, IconDownload, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupInfo } from '../../../shared/backup/commands';
import { transport } from '../api/client';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { notifyError, notifySuccess } from '../app/notify';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../app/PageHeader';

// The desktop menu "Berkas > Daftar cadangan..." asks for this screen. Registered once when the
// page module loads (pages.tsx imports it at start); with the hash router a hash change navigates.
if (typeof window !== 'undefined') {
  window.kinerja?.onMenu?.((action) => {
    if (action === 'open-backups') window.location.hash = '#/cadangan';
  });
}

export function formatBytes(n: number, number: (v: number, digits?: number) => string): string {
  if (n < 1024) return `${number(n, 0)} B`;
  if (n < 1024 * 1024) return `${number(n / 1024, 0)} KB`;
  if (n < 1024 * 1024 * 1024) return `${number(n / 1024 / 1024, 1)} MB`;
  return `${number(n / 1024 / 1024 / 1024, 2)} GB`;
}

const kindColor: Record<BackupInfo['kind'], string> = { daily: 'blue', manual: 'teal', 'pre-migration': 'grape' };

export function BackupPage() {
  const { t, dateTime, number } = useI18n();
  // While a backup runs, poll for its progress; otherwise the list is read once per visit.
  const query = useCommand('backup.list', {}, { refetchInterval: (q) => (q.state.data?.running ? 1000 : false) });
  const create = useCommandMutation('backup.create', { invalidates: ['backup.list'] });
  const restore = useCommandMutation('backup.restore', { invalidates: ['backup.list'] });
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const running = query.data?.running ?? null;

  return (
    <Stack>
      <PageHeader
        title={t('backup.title')}
        actions={
        <Button
          leftSection={<IconDatabaseExport size={16} />}
          loading={create.isPending}
          disabled={!!running}
          onClick={() =>
            create.mutate({}, { onSuccess: () => notifySuccess(t('backup.started')), onError: (err) => notifyError(err, t) })
          }
        >
          {t('backup.create')}
        </Button>
        }
      />
      <QueryState query={query}>
        {(data) => (
          <Stack>
            <Text size="sm" c="dimmed">
              {t('backup.intro', { daily: data.retention.daily, monthly: data.retention.monthly })}
            </Text>
            <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {t('backup.folder', { folder: data.folder })}
            </Text>
            {data.running && (
              <Stack gap={4} role="status" aria-live="polite">
                <Text size="sm">{t('backup.running', { percent: Math.round(data.running.progress * 100) })}</Text>
                <Progress value={data.running.progress * 100} animated aria-label={t('backup.running', { percent: Math.round(data.running.progress * 100) })} />
              </Stack>
            )}
            {data.lastError && (
              <Alert color="red" role="alert">
                {t('backup.lastError', { time: dateTime(data.lastError.at), message: data.lastError.message })}
              </Alert>
            )}
            {data.pendingRestore && (
              <Alert color="yellow" role="status" data-testid="backup-pending-restore">
                {t('backup.pending', { id: data.pendingRestore.backupId, by: data.pendingRestore.requestedBy ?? '-', time: dateTime(data.pendingRestore.requestedAt) })}{' '}
                {transport === 'http' && t('backup.pendingServer')}
              </Alert>
            )}
            {data.backups.length === 0 ? (
              <EmptyState message={t('backup.empty')} />
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('backup.time')}</Table.Th>
                      <Table.Th>{t('backup.kind')}</Table.Th>
                      <Table.Th>{t('backup.size')}</Table.Th>
                      <Table.Th>{t('backup.detail')}</Table.Th>
                      <Table.Th>{t('backup.version')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.backups.map((b) => (
                      <Table.Tr key={b.id} data-testid="backup-row">
                        <Table.Td>{dateTime(b.createdAt)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Badge color={kindColor[b.kind]} variant="light" miw="max-content">
                            {t(`backup.kind.${b.kind}` as MessageKey)}
                          </Badge>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(b.totalBytes, number)}</Table.Td>
                        <Table.Td fz="sm">
                          {t('backup.detailText', {
                            db: formatBytes(b.databaseBytes, number),
                            files: number(b.evidenceFiles, 0),
                            evidence: formatBytes(b.evidenceBytes, number),
                          })}
                        </Table.Td>
                        <Table.Td fz="sm">{t('backup.versionText', { app: b.appVersion, schema: b.schemaVersion })}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            {/* Browser mode: the server may be another machine; a plain link streams the .tar to disk (no copy in memory). */}
                            {transport === 'http' && (
                              <Button
                                component="a"
                                href={`api/files/backup/${encodeURIComponent(b.id)}`}
                                download
                                size="xs"
                                variant="light"
                                leftSection={<IconDownload size={14} />}
                                aria-label={t('backup.downloadLabel', { time: dateTime(b.createdAt) })}
                                style={{ whiteSpace: 'nowrap' }}
                              >
                                {t('backup.download')}
                              </Button>
                            )}
                            <Button size="xs" variant="light" color="orange" leftSection={<IconRestore size={14} />} onClick={() => setConfirming(b)} style={{ whiteSpace: 'nowrap' }}>
                              {t('backup.restore')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryState>
      <Modal opened={!!confirming} onClose={() => setConfirming(null)} title={t('backup.restoreTitle')} centered>
        {confirming && (
          <Stack>
            <Text size="sm">{t('backup.restoreBody', { time: dateTime(confirming.createdAt) })}</Text>
            <Text size="sm">{transport === 'ipc' ? t('backup.restoreDesktop') : t('backup.restoreServer')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('app.cancel')}
              </Button>
              <Button
                color="orange"
                loading={restore.isPending}
                onClick={() =>
                  restore.mutate(
                    { id: confirming.id },
                    {
                      onSuccess: () => {
                        setConfirming(null);
                        notifySuccess(t('backup.restoreScheduled'));
                      },
                      onError: (err) => notifyError(err, t),
                    },
                  )
                }
              >
                {t('backup.restoreConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
