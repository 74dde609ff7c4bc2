import { Alert, Button, Center, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { passwordSchema } from '../../../shared/auth/password';
import type { AppError } from '../../../shared/errors';
import { parseNip } from '../../../shared/people/nip';
import { call } from '../api/client';
import { fieldErrors } from '../app/forms';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { asAppError, notifySuccess } from '../app/notify';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';

/** First run: the office profile and its first administrator, then straight in. */
export function SetupPage() {
  const { t, date } = useI18n();
  const { login, state } = useAuth();
  // Opened from another PC on the LAN: the server asks for the code it printed on its console.
  const codeRequired = state.status === 'setup' && state.setupCodeRequired;
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { setupCode: '', officeName: '', officeCode: '', adminNip: '', adminName: '', adminPassword: '', confirm: '' },
    validate: {
      setupCode: (v) => (!codeRequired || v.trim() ? null : t('setup.codeRequired')),
      officeName: (v) => (v.trim().length >= 3 ? null : 'Nama instansi minimal 3 karakter.'),
      adminNip: (v) => {
        const r = parseNip(v);
        return r.ok ? null : r.message;
      },
      adminName: (v) => (v.trim().length >= 3 ? null : 'Nama lengkap minimal 3 karakter.'),
      adminPassword: (v) => {
        const r = passwordSchema.safeParse(v);
        return r.success ? null : (r.error.issues[0]?.message ?? t('password.rule'));
      },
      confirm: (v, values) => (v === values.adminPassword ? null : t('password.mismatch')),
    },
  });
  const nip = parseNip(form.values.adminNip);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await call('setup.create', {
        officeName: values.officeName,
        officeCode: values.officeCode || undefined,
        adminNip: values.adminNip,
        adminName: values.adminName,
        adminPassword: values.adminPassword,
        ...(codeRequired ? { setupCode: values.setupCode.trim() } : {}),
      });
      await login(values.adminNip, values.adminPassword);
      notifySuccess(t('setup.done'));
    } catch (err) {
      const e = asAppError(err);
      setError(e);
      form.setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={560} component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('setup.title')}
            </Title>
            <Text size="sm">{t('setup.intro')}</Text>
            {error && (
              <Alert color="red" title={t(`error.${error.code}`)} role="alert">
                {error.message}
              </Alert>
            )}
            {codeRequired && (
              <TextInput
                label={t('setup.code')}
                description={t('setup.codeHint')}
                required
                autoFocus
                autoComplete="off"
                spellCheck={false}
                {...form.getInputProps('setupCode')}
              />
            )}
            <Divider label={t('setup.office')} labelPosition="left" />
            <TextInput
              label={t('setup.officeName')}
              placeholder={t('setup.officeNamePlaceholder')}
              required
              autoFocus={!codeRequired}
              {...form.getInputProps('officeName')}
            />
            <TextInput label={t('setup.officeCode')} {...form.getInputProps('officeCode')} />
            <Divider label={t('setup.admin')} labelPosition="left" />
            <TextInput
              label={t('setup.adminNip')}
              placeholder="19860926 201505 1 001"
              required
              inputMode="numeric"
              description={
                nip.ok
                  ? t('setup.adminNipHint', { birth: date(nip.facts.birthDate), sex: nip.facts.sex === 'L' ? t('setup.male') : t('setup.female') })
                  : undefined
              }
              {...form.getInputProps('adminNip')}
            />
            <TextInput label={t('setup.adminName')} placeholder="Rahmat Hidayat, S.Pd., M.Pd." required {...form.getInputProps('adminName')} />
            <PasswordInput label={t('setup.adminPassword')} description={t('password.rule')} autoComplete="new-password" required {...form.getInputProps('adminPassword')} />
            <PasswordInput label={t('setup.adminPasswordConfirm')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
            <Button type="submit" loading={busy}>
              {t('setup.submit')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
