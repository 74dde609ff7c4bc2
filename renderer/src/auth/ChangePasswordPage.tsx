import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { passwordSchema } from '../../../shared/auth/password';
import type { AppError } from '../../../shared/errors';
import { call } from '../api/client';
import { fieldErrors } from '../app/forms';
import { asAppError, notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { useAuth } from './AuthProvider';

/** Used from the user menu, and forced after an admin reset (`mustChangePassword`). */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const { refresh } = useAuth();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      newPassword: (v) => {
        const r = passwordSchema.safeParse(v);
        return r.success ? null : (r.error.issues[0]?.message ?? t('password.rule'));
      },
      confirm: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      notifySuccess(t('password.changed'));
      form.reset();
      await refresh();
    } catch (err) {
      const e = asAppError(err);
      setError(e);
      form.setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="xl" radius="md" maw={480} mx={forced ? 'auto' : undefined} mt={forced ? 'xl' : undefined}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={forced ? 1 : 2} size="h2">
            {t('password.title')}
          </Title>
          {forced && (
            <Alert color="yellow" role="status">
              {t('password.forced')}
            </Alert>
          )}
          {error && (
            <Alert color="red" title={t(`error.${error.code}`)} role="alert">
              {error.message}
            </Alert>
          )}
          <PasswordInput label={t('password.current')} autoComplete="current-password" required autoFocus {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('password.new')}
            description={t('password.rule')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label={t('password.confirm')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Button type="submit" loading={busy}>
            {t('password.submit')}
          </Button>
          {!forced && <Text size="xs" c="dimmed">{t('password.rule')}</Text>}
        </Stack>
      </form>
    </Paper>
  );
}
