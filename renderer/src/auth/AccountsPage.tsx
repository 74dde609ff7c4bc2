import { Alert, Anchor, Badge, Button, Group, Modal, PasswordInput, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { accountSchema } from '../../../shared/auth/commands';
import { passwordSchema } from '../../../shared/auth/password';
import { formatNip } from '../../../shared/people/nip';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { notifyError, notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { useAuth } from './AuthProvider';
import { PageHeader } from '../app/PageHeader';

type Account = z.infer<typeof accountSchema>;

export function AccountsPage() {
  const { t } = useI18n();
  const query = useCommand('auth.listAccounts', {});
  const [resetting, setResetting] = useState<Account | null>(null);
  const { user } = useAuth();
  const setPengelola = useCommandMutation('auth.setPengelola', { invalidates: ['auth.listAccounts'] });

  return (
    <Stack>
      <PageHeader title={t('accounts.title')} description={t('accounts.intro')} />
      <QueryState query={query}>
        {(data) =>
          data.accounts.length <= 1 && data.accounts[0]?.userId === user?.userId ? (
            <EmptyState
              message={t('accounts.empty')}
              action={
                <Anchor component={Link} to="/pegawai">
                  {t('nav.people')}
                </Anchor>
              }
            />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounts.name')}</Table.Th>
                    <Table.Th>{t('accounts.nip')}</Table.Th>
                    <Table.Th>{t('accounts.pengelola')}</Table.Th>
                    <Table.Th>{t('accounts.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.accounts.map((a) => (
                    <AccountRow
                      key={a.userId}
                      account={a}
                      isSelf={a.userId === user?.userId}
                      onReset={() => setResetting(a)}
                      onTogglePengelola={(value) =>
                        setPengelola.mutate(
                          { userId: a.userId, isPengelola: value, version: a.version },
                          {
                            onSuccess: () => notifySuccess(t('accounts.roleChanged', { name: a.name })),
                            onError: (err) => notifyError(err, t),
                          },
                        )
                      }
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {resetting && <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}

function AccountRow(props: { account: Account; isSelf: boolean; onReset(): void; onTogglePengelola(value: boolean): void }) {
  const { t, dateTime } = useI18n();
  const a = props.account;
  const locked = a.lockedUntil && new Date(a.lockedUntil) > new Date();
  return (
    <Table.Tr>
      <Table.Td>
        {a.name}
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
          disabled={props.isSelf}
          onChange={(e) => props.onTogglePengelola(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        {locked ? (
          <Badge color="red" miw="max-content">{t('accounts.locked', { time: dateTime(a.lockedUntil) })}</Badge>
        ) : a.mustChangePassword ? (
          <Badge color="yellow" miw="max-content">{t('accounts.mustChange')}</Badge>
        ) : (
          <Badge color="teal" variant="light" miw="max-content">
            {t('accounts.active')}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {t('accounts.lastLogin')}: {a.lastLoginAt ? dateTime(a.lastLoginAt) : t('accounts.never')}
        </Text>
      </Table.Td>
      <Table.Td>
        {!props.isSelf && (
          <Button size="xs" variant="light" onClick={props.onReset} style={{ whiteSpace: 'nowrap' }}>
            {t('accounts.reset')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ResetPasswordModal({ account, onClose }: { account: Account; onClose(): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const reset = useCommandMutation('auth.resetPassword', { invalidates: ['auth.listAccounts'] });
  const check = passwordSchema.safeParse(password);
  return (
    <Modal opened onClose={onClose} title={t('accounts.resetTitle', { name: account.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!check.success) return;
          reset.mutate(
            { userId: account.userId, temporaryPassword: password },
            {
              onSuccess: () => {
                notifySuccess(t('accounts.resetDone', { name: account.name }));
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('accounts.resetHelp')}</Text>
          {reset.error && (
            <Alert color="red" role="alert">
              {reset.error.message}
            </Alert>
          )}
          <PasswordInput
            label={t('accounts.temporary')}
            description={t('password.rule')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={password && !check.success ? check.error.issues[0]?.message : undefined}
            autoFocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending} disabled={!check.success}>
              {t('accounts.reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
