import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { asAppError } from '../app/notify';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';
import { useAuth } from './AuthProvider';

export function LoginPage({ officeName }: { officeName: string | null }) {
  const { t } = useI18n();
  const { login } = useAuth();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { login: '', password: '' },
    validate: {
      login: (v) => (v.trim() ? null : t('login.login')),
      password: (v) => (v ? null : t('login.password')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.login, values.password);
    } catch (err) {
      setError(asAppError(err));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420} component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('login.title')}
              </Title>
              {officeName && (
                <Text c="dimmed" size="sm" data-testid="office-name">
                  {officeName}
                </Text>
              )}
            </div>
            <Text size="sm">{t('login.subtitle')}</Text>
            {error && (
              // A refused login is a wrong NIP or password, not "Perlu masuk" (sign-in needed).
              <Alert color="red" title={error.code === 'UNAUTHENTICATED' ? t('login.wrong') : t(`error.${error.code}`)} role="alert">
                {error.message}
              </Alert>
            )}
            <TextInput
              label={t('login.login')}
              placeholder={t('login.loginPlaceholder')}
              autoComplete="username"
              autoFocus
              required
              {...form.getInputProps('login')}
            />
            <PasswordInput label={t('login.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={busy} fullWidth>
              {t('login.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('login.forgot')}
            </Text>
            <Anchor component="div" size="xs">
              <LanguageSwitch />
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
