import { ActionIcon, Alert, Anchor, Button, Card, Checkbox, Group, Menu, Select, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconDots, IconInfoCircle, IconKey, IconSearch, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { accountFilters, type AccountFilter, type AccountRow } from '../../../shared/accounts/commands';
import { formatNip } from '../../../shared/people/nip';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { notifyError, notifySuccess } from '../app/notify';
import { PageHeader } from '../app/PageHeader';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { AccountStatusBadge } from './AccountStatus';
import { CreateAccountDialog, CreateMissingDialog, DeactivateDialog, ResetPasswordDialog } from './AccountDialogs';

const countKey: Record<AccountFilter, 'total' | 'aktif' | 'wajibGanti' | 'terkunci' | 'nonaktif' | 'perluNonaktif'> = {
  semua: 'total',
  aktif: 'aktif',
  'wajib-ganti': 'wajibGanti',
  terkunci: 'terkunci',
  nonaktif: 'nonaktif',
  'perlu-nonaktif': 'perluNonaktif',
};

/** How many employees without an account the page lists by name (the rest are counted). */
const withoutShown = 8;

type Dialog =
  | { kind: 'create'; employee: { employeeId: string; name: string } }
  | { kind: 'missing'; count: number }
  | { kind: 'reset'; account: AccountRow }
  | { kind: 'deactivate'; account: AccountRow }
  | null;

/**
 * Akun Pengguna: every account of the office with search and status filters, the employees who
 * cannot sign in yet (one account each, or all at once after an import), password resets,
 * deactivation and reactivation. Temporary passwords come out only as downloaded slips.
 */
export function AccountsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<AccountFilter>('semua');
  const [pengelolaOnly, setPengelolaOnly] = useState(false);
  const deferredQ = useDeferredValue(q.trim());
  const query = useCommand('accounts.list', { q: deferredQ || undefined, status, pengelolaOnly }, { placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <Stack>
      <PageHeader
        title={t('accounts.title')}
        description={t('accounts.intro')}
        actions={
          query.data && query.data.counts.tanpaAkun > 0 ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'missing', count: query.data.counts.tanpaAkun })}>
              {t('accounts.createMissing', { count: query.data.counts.tanpaAkun })}
            </Button>
          ) : undefined
        }
      />
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
        <Text size="sm">{t('accounts.slipNote')}</Text>
      </Alert>
      <QueryState query={query}>
        {(data) => (
          <>
            {data.counts.tanpaAkun > 0 && (
              <WithoutAccount
                employees={data.withoutAccount}
                total={data.counts.tanpaAkun}
                onCreate={(employee) => setDialog({ kind: 'create', employee })}
              />
            )}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('accounts.search')}
                placeholder={t('accounts.searchPlaceholder')}
                leftSection={<IconSearch size={16} />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                w={280}
              />
              <Select
                label={t('accounts.filter')}
                data={accountFilters.map((f) => ({
                  value: f,
                  label: t('accounts.filterCount', { label: t(`accounts.filter.${f}` as MessageKey), count: data.counts[countKey[f]] }),
                }))}
                value={status}
                onChange={(v) => setStatus((v as AccountFilter | null) ?? 'semua')}
                allowDeselect={false}
                w={260}
              />
              <Checkbox label={t('accounts.pengelolaOnly')} checked={pengelolaOnly} onChange={(e) => setPengelolaOnly(e.currentTarget.checked)} mb={8} />
            </Group>
            {data.counts.total <= 1 && data.counts.tanpaAkun === 0 ? (
              <EmptyState
                message={t('accounts.empty')}
                action={
                  <Anchor component={Link} to="/pegawai">
                    {t('nav.people')}
                  </Anchor>
                }
              />
            ) : data.accounts.length === 0 ? (
              <EmptyState message={t('accounts.noMatch')} />
            ) : (
              <AccountsTable accounts={data.accounts} onDialog={setDialog} />
            )}
          </>
        )}
      </QueryState>
      {dialog?.kind === 'create' && <CreateAccountDialog employee={dialog.employee} onClose={close} />}
      {dialog?.kind === 'missing' && <CreateMissingDialog count={dialog.count} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog account={dialog.account} onClose={close} />}
      {dialog?.kind === 'deactivate' && <DeactivateDialog account={dialog.account} onClose={close} />}
    </Stack>
  );
}

function WithoutAccount(props: { employees: { employeeId: string; nip: string; name: string }[]; total: number; onCreate(e: { employeeId: string; name: string }): void }) {
  const { t } = useI18n();
  const shown = props.employees.slice(0, withoutShown);
  const more = props.total - shown.length;
  return (
    <Card withBorder padding="md" data-testid="without-account">
      <Title order={2} size="h4">
        {t('accounts.without.title')} ({props.total})
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('accounts.without.help')}
      </Text>
      <Stack gap={6}>
        {shown.map((e) => (
          <Group key={e.employeeId} justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/pegawai/${e.employeeId}`}>
                {e.name}
              </Anchor>{' '}
              <Text span size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatNip(e.nip)}
              </Text>
            </Text>
            <Button size="xs" variant="light" onClick={() => props.onCreate(e)} aria-label={`${t('accounts.create')}: ${e.name}`} style={{ flexShrink: 0 }}>
              {t('accounts.create')}
            </Button>
          </Group>
        ))}
        {more > 0 && (
          <Text size="sm" c="dimmed">
            {t('accounts.without.more', { count: more })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function AccountsTable({ accounts, onDialog }: { accounts: AccountRow[]; onDialog(d: Dialog): void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const setPengelola = useCommandMutation('auth.setPengelola', { invalidates: ['accounts', 'auth'] });
  const reactivate = useCommandMutation('accounts.reactivate', { invalidates: ['accounts', 'auth'] });
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.name')}</Table.Th>
            <Table.Th>{t('accounts.nip')}</Table.Th>
            <Table.Th>{t('accounts.pengelola')}</Table.Th>
            <Table.Th>{t('accounts.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('accounts.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((a) => (
            <AccountRowView
              key={a.userId}
              account={a}
              isSelf={a.userId === user?.userId}
              onDialog={onDialog}
              onReactivate={() =>
                reactivate.mutate(
                  { userId: a.userId, version: a.version },
                  { onSuccess: () => notifySuccess(t('accounts.reactivate.done', { name: a.name })), onError: (err) => notifyError(err, t) },
                )
              }
              onTogglePengelola={(value) =>
                setPengelola.mutate(
                  { userId: a.userId, isPengelola: value, version: a.version },
                  { onSuccess: () => notifySuccess(t('accounts.roleChanged', { name: a.name })), onError: (err) => notifyError(err, t) },
                )
              }
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AccountRowView(props: { account: AccountRow; isSelf: boolean; onDialog(d: Dialog): void; onReactivate(): void; onTogglePengelola(value: boolean): void }) {
  const { t, dateTime } = useI18n();
  const a = props.account;
  return (
    <Table.Tr data-testid="account-row">
      <Table.Td>
        <Anchor component={Link} to={`/pegawai/${a.employeeId}`} size="sm">
          {a.name}
        </Anchor>
        {a.username && (
          <Text size="xs" c="dimmed">
            {t('accounts.username')}: {a.username}
          </Text>
        )}
      </Table.Td>
      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
        {formatNip(a.nip)}
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`${t('accounts.pengelola')}: ${a.name}`}
          checked={a.isPengelola}
          disabled={props.isSelf || !!a.deactivatedAt}
          onChange={(e) => props.onTogglePengelola(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <AccountStatusBadge account={a} />
        <Text size="xs" c="dimmed">
          {a.deactivatedAt
            ? t('accounts.inactiveSince', { time: dateTime(a.deactivatedAt) })
            : `${t('accounts.lastLogin')}: ${a.lastLoginAt ? dateTime(a.lastLoginAt) : t('accounts.never')}`}
        </Text>
      </Table.Td>
      <Table.Td>
        {!props.isSelf && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={t('accounts.actionsFor', { name: a.name })}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {a.deactivatedAt ? (
                <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={props.onReactivate}>
                  {t('accounts.reactivate')}
                </Menu.Item>
              ) : (
                <>
                  <Menu.Item leftSection={<IconKey size={16} />} onClick={() => props.onDialog({ kind: 'reset', account: a })}>
                    {t('accounts.reset')}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => props.onDialog({ kind: 'deactivate', account: a })}>
                    {t('accounts.deactivate')}
                  </Menu.Item>
                </>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
