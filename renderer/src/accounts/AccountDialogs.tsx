import { Alert, Checkbox, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AccountRow } from '../../../shared/accounts/commands';
import { useCommandMutation } from '../api/hooks';
import { FormActions } from '../app/FormActions';
import { notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { useSlipJob, type SlipRequest } from './useSlipJob';

/**
 * The dialogs of Akun Pengguna and the employee page's account section. Creating and resetting
 * run the slip job: the PDF of temporary passwords downloads as the accounts are made, and is
 * never available again (said in every dialog).
 */

function SlipNote() {
  const { t } = useI18n();
  return (
    <Alert color="yellow" variant="light">
      <Text size="sm">{t('accounts.slipNote')}</Text>
    </Alert>
  );
}

function SlipProgress({ busy, percent }: { busy: boolean; percent: number | null }) {
  const { t } = useI18n();
  if (!busy) return null;
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm">{percent === null ? t('accounts.preparingBusy') : t('accounts.preparing', { percent })}</Text>
      <Progress value={percent ?? 100} animated={percent === null} aria-label={t('accounts.preparingBusy')} />
    </Stack>
  );
}

function SlipDialog(props: { title: string; help: string; submit: string; request: SlipRequest; done: string; onClose(): void; children?: React.ReactNode }) {
  const job = useSlipJob();
  return (
    <Modal opened onClose={() => !job.busy && props.onClose()} title={props.title} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void job.run(props.request).then((ok) => {
            if (!ok) return;
            notifySuccess(props.done);
            props.onClose();
          });
        }}
      >
        <Stack>
          <Text size="sm">{props.help}</Text>
          {props.children}
          <SlipNote />
          {job.error && (
            <Alert color="red" role="alert">
              {job.error.message}
            </Alert>
          )}
          <SlipProgress busy={job.busy} percent={job.percent} />
          <FormActions onCancel={props.onClose} pending={job.busy} submit={props.submit} submitProps={{ 'data-autofocus': true }} />
        </Stack>
      </form>
    </Modal>
  );
}

export function CreateAccountDialog({ employee, onClose }: { employee: { employeeId: string; name: string }; onClose(): void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [pengelola, setPengelola] = useState(false);
  return (
    <SlipDialog
      title={t('accounts.create.title', { name: employee.name })}
      help={t('accounts.create.help')}
      submit={t('accounts.create.submit')}
      done={t('accounts.create.done', { name: employee.name })}
      request={{ mode: 'create', employeeId: employee.employeeId, username: username.trim() || null, isPengelola: pengelola }}
      onClose={onClose}
    >
      <TextInput
        label={t('accounts.create.username')}
        description={t('accounts.create.usernameHelp')}
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
        autoComplete="off"
      />
      <Checkbox label={t('accounts.create.pengelola')} checked={pengelola} onChange={(e) => setPengelola(e.currentTarget.checked)} />
    </SlipDialog>
  );
}

export function CreateMissingDialog({ count, onClose }: { count: number; onClose(): void }) {
  const { t } = useI18n();
  return (
    <SlipDialog
      title={t('accounts.createMissing.title', { count })}
      help={t('accounts.createMissing.help')}
      submit={t('accounts.createMissing.submit', { count })}
      done={t('accounts.createMissing.done', { count })}
      request={{ mode: 'missing' }}
      onClose={onClose}
    />
  );
}

export function ResetPasswordDialog({ account, onClose }: { account: AccountRow; onClose(): void }) {
  const { t } = useI18n();
  return (
    <SlipDialog
      title={t('accounts.reset.title', { name: account.name })}
      help={t('accounts.reset.help', { name: account.name })}
      submit={t('accounts.reset.submit')}
      done={t('accounts.reset.done', { name: account.name })}
      request={{ mode: 'reset', userId: account.userId }}
      onClose={onClose}
    />
  );
}

export function DeactivateDialog({ account, onClose }: { account: AccountRow; onClose(): void }) {
  const { t } = useI18n();
  const deactivate = useCommandMutation('accounts.deactivate', { invalidates: ['accounts', 'auth'] });
  return (
    <Modal opened onClose={onClose} title={t('accounts.deactivate.title', { name: account.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          deactivate.mutate(
            { userId: account.userId, version: account.version },
            {
              onSuccess: () => {
                notifySuccess(t('accounts.deactivate.done', { name: account.name }));
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('accounts.deactivate.help', { name: account.name })}</Text>
          {deactivate.error && (
            <Alert color="red" role="alert">
              {deactivate.error.message}
            </Alert>
          )}
          <FormActions onCancel={onClose} pending={deactivate.isPending} submit={t('accounts.deactivate')} submitProps={{ color: 'red', 'data-autofocus': true }} />
        </Stack>
      </form>
    </Modal>
  );
}
