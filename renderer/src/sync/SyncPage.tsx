import { Accordion, Alert, Badge, Button, Card, FileInput, Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconFileImport, IconLink, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { SyncStatusOut } from '../../../shared/sync/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { call } from '../api/client';
import { EmptyState } from '../app/EmptyState';
import { PageHeader } from '../app/PageHeader';
import { QueryState } from '../app/QueryState';
import { asAppError, notifyError, notifySuccess } from '../app/notify';
import { RejectsTable } from '../central/KantorPage';
import { useI18n } from '../i18n/I18nProvider';
import { readFileBase64, saveBase64 } from './files';

const stateColor: Record<SyncStatusOut['state'], string> = { belum: 'gray', tersinkron: 'teal', menunggu: 'yellow', gagal: 'red', belum_diperiksa: 'blue' };

/** Pengaturan > Sinkronisasi: enrolment, the office's link to the central, its state in words, progress, last runs, rejects and the USB bundle. */
export function SyncPage() {
  const { t, dateTime } = useI18n();
  // While a requested run waits or a run is going, look again every second (the progress bar).
  const query = useCommand('sync.status', {}, { refetchInterval: (q) => (q.state.data?.requestedAt || q.state.data?.progress ? 1000 : 30_000) });
  const run = useCommandMutation('sync.requestRun', { invalidates: ['sync.status'] });
  const busy = !!query.data?.requestedAt || !!query.data?.progress;
  return (
    <Stack>
      <PageHeader
        title={t('sync.title')}
        actions={
          <Button
            leftSection={<IconRefresh size={16} />}
            loading={run.isPending || busy}
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
            <Stack>
              <EmptyState message={t('sync.notEnrolled')} />
              <EnrolForm />
            </Stack>
          ) : (
            <Stack>
              <Table variant="vertical" withTableBorder>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={220}>{t('sync.central')}</Table.Th>
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
                    <Table.Td role="status" aria-live="polite" data-testid="keadaan-sinkron">
                      <Badge color={stateColor[s.state]} variant="light" size="lg" style={{ minWidth: 'max-content', textTransform: 'none' }}>
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
                  {s.fingerprint && (
                    <Table.Tr>
                      <Table.Th>{t('sync.fingerprint')}</Table.Th>
                      <Table.Td>
                        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                          {s.fingerprint}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('sync.fingerprintHelp')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
              {s.progress && <RunProgress progress={s.progress} />}
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
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('sync.rejects')}
                </Title>
                {s.rejects.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('sync.rejectsEmpty')}
                  </Text>
                ) : (
                  <>
                    <Alert color="red">{t('sync.rejectsHelp')}</Alert>
                    <RejectsTable rejects={s.rejects} dateTime={dateTime} t={t} />
                  </>
                )}
              </Stack>
              <Title order={2} size="h4">
                {t('sync.runs')}
              </Title>
              {s.runs.length === 0 ? (
                <EmptyState message={t('sync.runsEmpty')} />
              ) : (
                <Table.ScrollContainer minWidth={560}>
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
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(r.startedAt)}</Table.Td>
                          <Table.Td>{r.via === 'usb' ? 'USB' : 'LAN'}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Badge color={r.finishedAt === null ? 'blue' : r.ok ? 'teal' : 'red'} variant="light" style={{ minWidth: 'max-content' }}>
                                {r.finishedAt === null ? t('sync.running') : r.ok ? t('sync.ok') : t('sync.failed')}
                              </Badge>
                              <Text size="sm">{r.ok ? t('sync.counts', { pushed: r.pushed, pulled: r.pulled, repaired: r.repaired, files: r.files }) : r.message}</Text>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Accordion variant="contained">
                <Accordion.Item value="usb">
                  <Accordion.Control>{t('sync.usb.title')}</Accordion.Control>
                  <Accordion.Panel>
                    <UsbBundle />
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="enrol">
                  <Accordion.Control>{t('sync.reenrol')}</Accordion.Control>
                  <Accordion.Panel>
                    <EnrolForm again defaultUrl={s.centralUrl ?? ''} />
                  </Accordion.Panel>
                </Accordion.Item>
              </Accordion>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function RunProgress({ progress }: { progress: NonNullable<SyncStatusOut['progress']> }) {
  const { t, number } = useI18n();
  const percent = progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  const label = t(`sync.phase.${progress.phase}`);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {percent === null ? label : t('sync.progress', { phase: label, done: number(progress.done), total: number(progress.total) })}
        </Text>
        <Progress value={percent ?? 100} animated striped={percent === null} aria-label={label} />
      </Stack>
    </Card>
  );
}

/** Enrols this office: the central's address and the one-time code from Admin Pusat. */
function EnrolForm({ again = false, defaultUrl = '' }: { again?: boolean; defaultUrl?: string }) {
  const { t } = useI18n();
  const enrol = useCommandMutation('sync.enroll', { invalidates: ['sync.'] });
  const [url, setUrl] = useState(defaultUrl);
  const [code, setCode] = useState('');
  const fields = enrol.error ? asAppError(enrol.error).fields : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enrol.mutate(
      { centralUrl: url, code },
      {
        onSuccess: (r) => {
          notifySuccess(r.fingerprint ? t('sync.enrolledPinned', { central: r.centralName, office: r.officeName }) : t('sync.enrolled', { central: r.centralName, office: r.officeName }));
          setCode('');
        },
        onError: (err) => notifyError(err, t),
      },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack>
        {!again && (
          <Title order={2} size="h4">
            {t('sync.enrolTitle')}
          </Title>
        )}
        <Text size="sm">{t(again ? 'sync.reenrolHelp' : 'sync.enrolHelp')}</Text>
        <Group align="flex-start" grow preventGrowOverflow={false}>
          <TextInput
            label={t('sync.centralUrl')}
            placeholder="https://pusat.langsakota.go.id:8443"
            description={t('sync.centralUrlHint')}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            required
            error={fields?.centralUrl}
          />
          <TextInput
            label={t('sync.code')}
            placeholder="K7QM-3XWA"
            description={t('sync.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            required
            autoComplete="off"
            styles={{ input: { fontFamily: 'monospace', letterSpacing: 2 } }}
            error={fields?.code}
          />
        </Group>
        <Group>
          <Button type="submit" leftSection={<IconLink size={16} />} loading={enrol.isPending}>
            {t('sync.enrol')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** An office with no link: download a bundle for the USB stick, upload the central's reply. */
function UsbBundle() {
  const { t, number } = useI18n();
  const [exporting, setExporting] = useState(false);
  const [reply, setReply] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const importReply = useCommandMutation('sync.importReply', { invalidates: ['sync.'] });
  const download = async () => {
    setExporting(true);
    try {
      const b = await call('sync.exportBundle', {});
      saveBase64(b.fileName, b.contentBase64);
      notifySuccess(t('sync.usb.exported', { rows: number(b.rows), batches: number(b.batches) }));
    } catch (err) {
      notifyError(err, t);
    } finally {
      setExporting(false);
    }
  };
  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!reply) return;
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await readFileBase64(reply);
    } finally {
      setReading(false);
    }
    importReply.mutate(
      { fileName: reply.name, contentBase64 },
      {
        onSuccess: (r) => {
          setReply(null);
          if (r.errors.length > 0) notifyError(new Error(r.errors.join(' ')), t);
          else notifySuccess(t('sync.usb.imported', { acked: number(r.acked), reference: number(r.reference) }));
        },
        onError: (err) => notifyError(err, t),
      },
    );
  };
  return (
    <Stack>
      <Text size="sm">{t('sync.usb.help')}</Text>
      <Group>
        <Button variant="light" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void download()}>
          {t('sync.usb.export')}
        </Button>
      </Group>
      <form onSubmit={(e) => void upload(e)}>
        <Group align="flex-end">
          <FileInput
            label={t('sync.usb.reply')}
            placeholder={t('sync.usb.replyPlaceholder')}
            accept=".kinerja,application/octet-stream,application/gzip"
            value={reply}
            onChange={setReply}
            leftSection={<IconFileImport size={16} />}
            clearable
            w={320}
          />
          <Button type="submit" leftSection={<IconUpload size={16} />} disabled={!reply} loading={reading || importReply.isPending}>
            {t('sync.usb.import')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
