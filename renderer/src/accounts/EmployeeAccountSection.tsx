import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AccountRow } from '../../../shared/accounts/commands';
import type { EmployeeStatus } from '../../../shared/people/fields';
import { formatNip } from '../../../shared/people/nip';
import { useCommand, useCommandMutation } from '../api/hooks';
import { notifyError, notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { AccountStatusBadge } from './AccountStatus';
import { CreateAccountDialog, DeactivateDialog, ResetPasswordDialog } from './AccountDialogs';

/**
 * The account of one employee, on their page (for a Pengelola Kinerja): whether they can sign in,
 * and the one action that fits (create with a slip, reset with a slip, deactivate, reactivate).
 */
export function EmployeeAccountSection({ employee }: { employee: { id: string; fullName: string; nip: string; status: EmployeeStatus } }) {
  const { t, dateTime } = useI18n();
  const { user } = useAuth();
  const query = useCommand('accounts.list', { employeeId: employee.id });
  const [dialog, setDialog] = useState<'create' | 'reset' | 'deactivate' | null>(null);
  const reactivate = useCommandMutation('accounts.reactivate', { invalidates: ['accounts', 'auth'] });
  const gone = employee.status === 'pindah' || employee.status === 'pensiun';

  return (
    <Card withBorder padding="md" data-testid="employee-account">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('accounts.section')}
        </Title>
        <QueryState query={query}>
          {(data) => {
            const account: AccountRow | undefined = data.accounts[0];
            if (!account) {
              return (
                <Group justify="space-between" gap="sm">
                  <Text size="sm">{gone ? t('accounts.section.gone') : t('accounts.section.none', { name: employee.fullName })}</Text>
                  {!gone && (
                    <Button size="xs" leftSection={<IconUserPlus size={14} />} onClick={() => setDialog('create')}>
                      {t('accounts.create')}
                    </Button>
                  )}
                </Group>
              );
            }
            const isSelf = account.userId === user?.userId;
            return (
              <>
                <Group justify="space-between" gap="sm" align="flex-start">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <AccountStatusBadge account={account} />
                      <Text size="sm">
                        {account.username
                          ? t('accounts.section.loginWithUsername', { nip: formatNip(account.nip), username: account.username })
                          : t('accounts.section.loginWith', { nip: formatNip(account.nip) })}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('accounts.createdAt', { time: dateTime(account.createdAt) })} · {t('accounts.lastLogin')}:{' '}
                      {account.lastLoginAt ? dateTime(account.lastLoginAt) : t('accounts.never')}
                    </Text>
                  </Stack>
                  {!isSelf && (
                    <Group gap="xs">
                      {account.deactivatedAt ? (
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconUserCheck size={14} />}
                          loading={reactivate.isPending}
                          onClick={() =>
                            reactivate.mutate(
                              { userId: account.userId, version: account.version },
                              { onSuccess: () => notifySuccess(t('accounts.reactivate.done', { name: account.name })), onError: (err) => notifyError(err, t) },
                            )
                          }
                        >
                          {t('accounts.reactivate')}
                        </Button>
                      ) : (
                        <>
                          <Button size="xs" variant="light" leftSection={<IconKey size={14} />} onClick={() => setDialog('reset')}>
                            {t('accounts.reset')}
                          </Button>
                          <Button size="xs" variant="light" color="red" leftSection={<IconUserOff size={14} />} onClick={() => setDialog('deactivate')}>
                            {t('accounts.deactivate')}
                          </Button>
                        </>
                      )}
                    </Group>
                  )}
                </Group>
                {dialog === 'reset' && <ResetPasswordDialog account={account} onClose={() => setDialog(null)} />}
                {dialog === 'deactivate' && <DeactivateDialog account={account} onClose={() => setDialog(null)} />}
              </>
            );
          }}
        </QueryState>
        <Anchor component={Link} to="/akun" size="xs">
          {t('accounts.section.open')}
        </Anchor>
      </Stack>
      {dialog === 'create' && <CreateAccountDialog employee={{ employeeId: employee.id, name: employee.fullName }} onClose={() => setDialog(null)} />}
    </Card>
  );
}
