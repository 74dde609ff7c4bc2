import { Button, Divider, Drawer, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconDownload, IconHelp } from '@tabler/icons-react';
import { useLocation } from 'react-router';
import { guideRoleLabels, helpFor, type GuideRole } from '../../../shared/help/topics';
import { DownloadButton } from '../app/Download';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The "Bantuan" button of the header and its panel (docs/spec/operations.md §8): what to do on the current
 * page and the rule behind it, from shared/help/topics.ts (keyed by route, so no page needs to
 * know about it), plus the printable guides of the user's roles. A button in the header, so Tab
 * reaches it on every page; F1 opens it too.
 */
export function HelpButton() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const { pathname } = useLocation();
  const [opened, { open, close, toggle }] = useDisclosure(false);
  useHotkeys([['F1', toggle]], []);
  const topic = helpFor(pathname);
  const roles: GuideRole[] = ['pegawai'];
  if (hasRole('penilai')) roles.push('penilai');
  if (hasRole('pengelola')) roles.push('pengelola');
  return (
    <>
      <Button variant="subtle" size="compact-sm" leftSection={<IconHelp size={18} aria-hidden />} onClick={open} aria-haspopup="dialog" aria-keyshortcuts="F1" data-testid="help-button">
        {t('help.button')}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size="md"
        title={
          <Title order={2} size="h4">
            {topic ? t('help.title', { page: topic.title }) : t('help.titleGeneric')}
          </Title>
        }
        closeButtonProps={{ 'aria-label': t('app.close') }}
        data-testid="help-panel"
      >
        <Stack gap="md">
          {topic ? (
            <>
              <Stack gap={4}>
                <Title order={3} size="h6">
                  {t('help.steps')}
                </Title>
                <List type="ordered" size="sm" spacing={4}>
                  {topic.steps.map((s) => (
                    <List.Item key={s}>{s}</List.Item>
                  ))}
                </List>
              </Stack>
              <Stack gap={4}>
                <Title order={3} size="h6">
                  {t('help.rule')}
                </Title>
                <Text size="sm" data-testid="help-rule">
                  {topic.rule}
                </Text>
              </Stack>
            </>
          ) : (
            <Text size="sm">{t('help.none')}</Text>
          )}
          <Divider />
          <Stack gap="xs">
            <Title order={3} size="h6">
              {t('help.guides')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('help.guidesIntro')}
            </Text>
            {roles.map((r) => (
              <DownloadButton key={r} name="panduan.pdf" query={{ peran: r }} variant="light" leftSection={<IconDownload size={16} aria-hidden />} justify="flex-start">
                {t('help.guide', { role: guideRoleLabels[r] })}
              </DownloadButton>
            ))}
            <Text size="xs" c="dimmed">
              {t('help.shortcut')}
            </Text>
          </Stack>
        </Stack>
      </Drawer>
    </>
  );
}
