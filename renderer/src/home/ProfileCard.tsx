import { Alert, Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatNip } from '../../../shared/people/nip';
import { useCommand } from '../api/hooks';
import { useAuth } from '../auth/AuthProvider';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';

const skpColors = { belum_dibuat: 'gray', draf: 'gray', diajukan: 'blue', dikembalikan: 'orange', disetujui: 'teal' } as const;

/** Who the user is here, as the SKP prints it (jabatan, pangkat, unit), and whether their SKP is late. */
export function ProfileCard() {
  const { t, date } = useI18n();
  const { user } = useAuth();
  const summary = useCommand('home.summary', {}, { enabled: !!user });
  if (!user) return null;
  const p = summary.data?.profile;
  const skp = summary.data?.skp;
  const fact = (label: string, value: string | null | undefined) => (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" miw={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Group>
  );
  return (
    <Card withBorder data-testid="profile-card">
      <Title order={2} size="h4" mb="sm">
        {t('home.profile')}
      </Title>
      <Stack gap={4}>
        <Text fw={600}>{user.name}</Text>
        <Text size="sm" ff="monospace">
          NIP {formatNip(user.nip)}
        </Text>
        {!p ? (
          <Skeleton height={60} />
        ) : (
          <>
            {p.position ? fact(t('home.position'), p.positionKind && p.positionKind !== 'definitif' ? `${p.positionKind === 'plt' ? 'Plt.' : 'Plh.'} ${p.position}` : p.position) : <Text size="sm">{t('home.noPosition')}</Text>}
            {fact(t('home.pangkat'), p.golongan ? (p.pangkat ? `${p.pangkat}, ${p.golongan}` : p.golongan) : null)}
            {fact(t('home.unit'), p.unitName)}
            {fact(t('home.office'), user.officeName)}
          </>
        )}
        {skp && (
          <Group gap="xs" mt="xs" data-testid="profile-skp">
            <Text size="sm">{t('home.skpStatus', { year: skp.year })}:</Text>
            <Badge color={skpColors[skp.status]} variant="light" miw="max-content">
              {t(`home.skp.${skp.status}` as MessageKey)}
            </Badge>
            {skp.overdue && (
              <Badge color="red" miw="max-content" leftSection={<IconAlertTriangle size={12} />}>
                {t('home.skpOverdue')}
              </Badge>
            )}
          </Group>
        )}
        {skp?.overdue && (
          <Alert color="red" variant="light" p="xs" mt={4}>
            <Text size="sm">
              {t('home.skpOverdueText', { date: date(skp.deadline) })}{' '}
              <Anchor component={Link} to={skp.skpId ? `/skp/${skp.skpId}` : '/skp'} size="sm">
                {t('home.openSkp')}
              </Anchor>
            </Text>
          </Alert>
        )}
        <Group gap="xs" mt="xs" aria-label={t('home.roles')}>
          {user.roles.map((r) => (
            <Badge key={r} variant="light">
              {t(`role.${r}`)}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
