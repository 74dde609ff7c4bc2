import { Card, SegmentedControl, Stack, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { transport } from '../api/client';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../app/PageHeader';

export function SettingsPage() {
  const { t } = useI18n();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Stack>
      <PageHeader title={t('settings.title')} />
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('settings.display')}
        </Title>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('settings.theme')}
            </Text>
            <SegmentedControl
              aria-label={t('settings.theme')}
              value={colorScheme}
              onChange={(v) => setColorScheme(v as MantineColorScheme)}
              data={[
                { value: 'light', label: t('theme.light') },
                { value: 'dark', label: t('theme.dark') },
                { value: 'auto', label: t('theme.auto') },
              ]}
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('settings.language')}
            </Text>
            <LanguageSwitch />
          </div>
          <Text size="sm" c="dimmed">
            {t('settings.server')}: {transport === 'ipc' ? t('settings.transportIpc') : t('settings.transportHttp')}
          </Text>
        </Stack>
      </Card>
      <ChangePasswordPage />
    </Stack>
  );
}
