import { Anchor, Card, Group, List, Progress, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { HomeSummary, SetupStepKey } from '../../../shared/home/commands';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';

/** Where each step is done. */
const stepLinks: Record<SetupStepKey, string> = {
  profile: '/unit-kerja',
  units: '/unit-kerja',
  positions: '/jabatan',
  employees: '/pegawai',
  accounts: '/akun',
  year: '/tahun-penilaian',
};

/**
 * A new office's first steps on the Beranda of a Pengelola Kinerja (profile, units, positions,
 * employees, accounts, year), each ticked as it is done and linking to where it is done. Hidden
 * once all are done.
 */
export function SetupChecklist({ setup }: { setup: NonNullable<HomeSummary['setup']> }) {
  const { t } = useI18n();
  if (setup.complete) return null;
  const done = setup.steps.filter((s) => s.done).length;
  return (
    <Card withBorder data-testid="setup-checklist">
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2} size="h4">
          {t('home.setup.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('home.setup.progress', { done, total: setup.steps.length })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('home.setup.intro')}
      </Text>
      <Progress value={(done / setup.steps.length) * 100} mb="sm" aria-label={t('home.setup.progress', { done, total: setup.steps.length })} />
      <List spacing="xs" center>
        {setup.steps.map((s) => (
          <List.Item
            key={s.key}
            data-testid={`setup-${s.key}`}
            data-done={s.done || undefined}
            icon={
              <ThemeIcon color={s.done ? 'teal' : 'gray'} variant={s.done ? 'filled' : 'light'} size={22} radius="xl" aria-label={s.done ? t('home.setup.done') : undefined}>
                {s.done ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
              </ThemeIcon>
            }
          >
            {s.done ? (
              <Text size="sm" c="dimmed">
                {t(`home.setup.${s.key}` as MessageKey)}
              </Text>
            ) : (
              <Anchor component={Link} to={stepLinks[s.key]} size="sm">
                {s.key === 'accounts' && s.count > 0 ? t('home.setup.accountsMissing', { count: s.count }) : t(`home.setup.${s.key}` as MessageKey)}
              </Anchor>
            )}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
