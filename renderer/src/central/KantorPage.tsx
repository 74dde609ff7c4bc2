import { ActionIcon, Alert, Badge, Button, CopyButton, Group, Menu, Modal, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCheck, IconCopy, IconDots, IconKey, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CentralOffice } from '../../../shared/central/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { PageHeader } from '../app/PageHeader';
import { QueryState } from '../app/QueryState';
import { asAppError, notifyError, notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';

const statusColor: Record<CentralOffice['status'], string> = { menunggu: 'yellow', aktif: 'teal', dicabut: 'gray' };

interface IssuedCode {
  office: string;
  code: string;
  expiresAt: string;
}

/** The central's Kantor page (Admin Pusat): every registered office and its sync health, enrolment, key rotation and revocation. */
export function KantorPage() {
  const { t, dateTime, number } = useI18n();
  const query = useCommand('central.offices', {}, { refetchInterval: 30_000 });
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'rotate' | 'revoke'; office: CentralOffice } | null>(null);
  const [rejectsOf, setRejectsOf] = useState<CentralOffice | null>(null);

  return (
    <Stack>
      <PageHeader
        title={t('central.title')}
        badge={query.data ? <Badge variant="outline">{t(`central.store.${query.data.store}`)}</Badge> : undefined}
        description={query.data ? t('central.description', { name: query.data.centralName }) : undefined}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('central.add')}
          </Button>
        }
      />
      <QueryState query={query}>
        {(data) =>
          data.offices.length === 0 ? (
            <EmptyState message={t('central.empty')} action={<Button onClick={() => setAdding(true)}>{t('central.add')}</Button>} />
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('central.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('central.col.office')}</Table.Th>
                    <Table.Th>{t('central.col.lastSync')}</Table.Th>
                    <Table.Th ta="right">{t('central.col.pending')}</Table.Th>
                    <Table.Th>{t('central.col.version')}</Table.Th>
                    <Table.Th>{t('central.col.digest')}</Table.Th>
                    <Table.Th>{t('central.col.rejects')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('central.col.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.offices.map((o) => (
                    <Table.Tr key={o.id} data-testid={`kantor-${o.name}`} bg={o.silent ? 'var(--mantine-color-red-light)' : undefined}>
                      <Table.Td>
                        <Stack gap={4}>
                          <Text fw={600}>{o.name}</Text>
                          <Group gap="xs">
                            <Badge color={statusColor[o.status]} variant="light" style={{ minWidth: 'max-content' }}>
                              {t(`central.status.${o.status}`)}
                            </Badge>
                            {o.code && (
                              <Text size="xs" c="dimmed">
                                {o.code}
                              </Text>
                            )}
                          </Group>
                          {o.silent && (
                            <Text size="sm" c="red.8" role="note">
                              <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                              {t('central.silent', { days: o.silentDays ?? 8 })}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {o.lastSyncAt ? dateTime(o.lastSyncAt) : t('central.never')}
                        </Text>
                        {o.codeExpiresAt && (
                          <Text size="xs" c="dimmed">
                            {t('central.codeUntil', { time: dateTime(o.codeExpiresAt) })}
                          </Text>
                        )}
                        {o.clockSkewMs !== null && Math.abs(o.clockSkewMs) > 5 * 60_000 && (
                          <Text size="xs" c="orange.8">
                            {t('central.skew', { minutes: number(Math.round(o.clockSkewMs / 60_000)) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{number(o.pending)}</Table.Td>
                      <Table.Td>{o.appVersion ?? '-'}</Table.Td>
                      <Table.Td>
                        <Badge color={o.digestEqual === null ? 'gray' : o.digestEqual ? 'teal' : 'red'} variant="light" style={{ minWidth: 'max-content' }}>
                          {t(o.digestEqual === null ? 'central.digest.unknown' : o.digestEqual ? 'central.digest.equal' : 'central.digest.differ')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {o.officeId ? (
                          <Button
                            size="compact-sm"
                            variant={o.rejects > 0 ? 'light' : 'subtle'}
                            color={o.rejects > 0 ? 'red' : 'gray'}
                            aria-label={t('central.rejectsButton', { count: number(o.rejects) })}
                            onClick={() => setRejectsOf(o)}
                          >
                            {number(o.rejects)}
                          </Button>
                        ) : (
                          '-'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={t('central.actionsFor', { office: o.name })}>
                              <IconDots size={18} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconKey size={14} />} onClick={() => setConfirm({ kind: 'rotate', office: o })}>
                              {t('central.rotate')}
                            </Menu.Item>
                            {o.status !== 'dicabut' && (
                              <Menu.Item color="red" leftSection={<IconBan size={14} />} onClick={() => setConfirm({ kind: 'revoke', office: o })}>
                                {t('central.revoke')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {adding && <AddOfficeModal onClose={() => setAdding(false)} onIssued={(c) => (setAdding(false), setIssued(c))} />}
      {issued && <CodeModal issued={issued} onClose={() => setIssued(null)} />}
      {confirm && <ConfirmModal kind={confirm.kind} office={confirm.office} onClose={() => setConfirm(null)} onIssued={(c) => (setConfirm(null), setIssued(c))} />}
      {rejectsOf && <RejectsModal office={rejectsOf} onClose={() => setRejectsOf(null)} />}
    </Stack>
  );
}

function AddOfficeModal({ onClose, onIssued }: { onClose: () => void; onIssued: (c: IssuedCode) => void }) {
  const { t } = useI18n();
  const add = useCommandMutation('central.addOffice', { invalidates: ['central.'] });
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const fields = add.error ? asAppError(add.error).fields : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { name, code: code || null },
      {
        onSuccess: (r) => onIssued({ office: name.trim(), code: r.enrolmentCode, expiresAt: r.expiresAt }),
        onError: (err) => notifyError(err, t),
      },
    );
  };
  return (
    <Modal opened onClose={add.isPending ? () => undefined : onClose} title={t('central.addTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('central.name')} description={t('central.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus error={fields?.name} />
          <TextInput label={t('central.code')} description={t('central.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={fields?.code} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={add.isPending}>
              {t('central.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('central.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The one-time code, large and copyable, with the address the office must type next to it. */
function CodeModal({ issued, onClose }: { issued: IssuedCode; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  const address = typeof window !== 'undefined' && window.location.protocol.startsWith('http') ? window.location.origin : null;
  return (
    <Modal opened onClose={onClose} title={t('central.codeTitle', { office: issued.office })} size="lg">
      <Stack>
        <Title order={2} ta="center" ff="monospace" fz={44} lts={4} data-testid="kode-pendaftaran" aria-label={issued.code.split('').join(' ')}>
          {issued.code}
        </Title>
        <Group justify="center">
          <CopyButton value={issued.code}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                {copied ? t('central.copied') : t('central.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('central.codeHelp', { time: dateTime(issued.expiresAt) })}</Text>
        {address && (
          <Text size="sm" fw={500}>
            {t('central.codeAddress', { url: address })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('central.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ConfirmModal({ kind, office, onClose, onIssued }: { kind: 'rotate' | 'revoke'; office: CentralOffice; onClose: () => void; onIssued: (c: IssuedCode) => void }) {
  const { t } = useI18n();
  const rotate = useCommandMutation('central.rotateSecret', { invalidates: ['central.'] });
  const revoke = useCommandMutation('central.revoke', { invalidates: ['central.'] });
  const busy = rotate.isPending || revoke.isPending;
  const go = () => {
    if (kind === 'rotate') {
      rotate.mutate({ registrationId: office.id }, { onSuccess: (r) => onIssued({ office: office.name, code: r.enrolmentCode, expiresAt: r.expiresAt }), onError: (err) => notifyError(err, t) });
    } else {
      revoke.mutate(
        { registrationId: office.id },
        {
          onSuccess: () => {
            notifySuccess(t('central.revoked', { office: office.name }));
            onClose();
          },
          onError: (err) => notifyError(err, t),
        },
      );
    }
  };
  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={t(kind === 'rotate' ? 'central.rotateTitle' : 'central.revokeTitle', { office: office.name })}>
      <Stack>
        <Alert color={kind === 'rotate' ? 'yellow' : 'red'}>{t(kind === 'rotate' ? 'central.rotateBody' : 'central.revokeBody')}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            {t('central.cancel')}
          </Button>
          <Button color={kind === 'rotate' ? 'yellow' : 'red'} loading={busy} onClick={go}>
            {t(kind === 'rotate' ? 'central.rotateConfirm' : 'central.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RejectsModal({ office, onClose }: { office: CentralOffice; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  const query = useCommand('central.rejects', { registrationId: office.id });
  return (
    <Modal opened onClose={onClose} title={t('central.rejectsTitle', { office: office.name })} size="xl">
      <QueryState query={query}>
        {(r) =>
          r.rejects.length === 0 ? (
            <EmptyState message={t('central.rejectsEmpty')} />
          ) : (
            <Stack>
              <Text size="sm">{t('central.rejectsHelp')}</Text>
              <RejectsTable rejects={r.rejects} dateTime={dateTime} t={t} />
            </Stack>
          )
        }
      </QueryState>
    </Modal>
  );
}

export function RejectsTable({
  rejects,
  dateTime,
  t,
}: {
  rejects: { changeId: string; table: string; rowId: string; reason: string; at: string }[];
  dateTime: (v: string) => string;
  t: ReturnType<typeof useI18n>['t'];
}) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('central.col.time')}</Table.Th>
            <Table.Th>{t('central.col.table')}</Table.Th>
            <Table.Th>{t('central.col.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rejects.map((r) => (
            <Table.Tr key={r.changeId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(r.at)}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.table}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {r.rowId}
                </Text>
              </Table.Td>
              <Table.Td>{r.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
