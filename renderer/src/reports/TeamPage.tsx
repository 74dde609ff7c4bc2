import { Anchor, Badge, Button, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SkpMonitorStatus } from '../../../shared/skp/workflow';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { PredikatBadge, useChosenPeriod } from '../evaluation/ui';
import { useI18n } from '../i18n/I18nProvider';
import { monitorStatuses, StatusBadge } from '../skp/labels';
import { useChosenYear, useYears, YearPicker } from '../year/ui';

/** Tim Saya, for the Pejabat Penilai: each appraisee at a glance, what waits for the appraiser first. */
export function TeamPage() {
  const { t } = useI18n();
  const years = useYears();
  const [year, chooseYear] = useChosenYear(years.data);
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {t('team.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('team.intro')}
        </Text>
      </div>
      <QueryState query={years}>
        {(y) =>
          !year ? (
            <EmptyState message={t('year.none')} />
          ) : (
            <Stack>
              <YearPicker years={y.years} today={y.today} value={year} onChange={chooseYear} />
              <TeamBody key={year.id} year={year} today={y.today} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

type Member = {
  employeeId: string;
  name: string;
  position: string | null;
  skpId: string | null;
  skpStatus: string;
  periodsReported: number;
  periodsEvaluated: number;
  periodsTotal: number;
  lastPredikat: Parameters<typeof PredikatBadge>[0]['predikat'];
  lastFeedbackAt: string | null;
  lastFeedback: string | null;
  waiting: string[];
};

function TeamBody({ year, today }: { year: PerformanceYear; today: string }) {
  const { t, periodName } = useI18n();
  const query = useCommand('reports.team', { yearId: year.id });
  // The period the buttons open: the one chosen elsewhere, else what needs action today.
  const [period] = useChosenPeriod(year, today);
  const periodCode = period?.code ?? 'tahunan';
  return (
    <QueryState query={query}>
      {(data) => {
        const members = [...data.members].sort((a, b) => Number(b.waiting.length > 0) - Number(a.waiting.length > 0) || a.name.localeCompare(b.name, 'id'));
        const waiting = members.reduce((s, m) => s + m.waiting.length, 0);
        if (members.length === 0) return <EmptyState message={t('team.empty')} />;
        return (
          <Stack>
            <Group gap="sm">
              <Text size="sm">{t('team.count', { count: members.length })}</Text>
              {waiting > 0 ? (
                <Badge miw="max-content" color="orange" variant="light">
                  {t('team.waitingCount', { count: waiting })}
                </Badge>
              ) : (
                <Badge miw="max-content" color="teal" variant="light">
                  {t('team.nothingWaiting')}
                </Badge>
              )}
              <Anchor component={Link} to={`/penilaian?tahun=${year.year}`} size="sm">
                {t('team.toEvaluation')}
              </Anchor>
            </Group>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {members.map((m) => (
                <MemberCard key={m.employeeId} m={m} periodCode={periodCode} periodLabel={periodName(periodCode, period?.label)} />
              ))}
            </SimpleGrid>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function MemberCard({ m, periodCode, periodLabel }: { m: Member; periodCode: string; periodLabel: string }) {
  const { t, date } = useI18n();
  const running = m.skpStatus === 'disetujui' || m.periodsReported > 0 || m.periodsEvaluated > 0;
  const status = (monitorStatuses as string[]).includes(m.skpStatus) ? (m.skpStatus as SkpMonitorStatus) : null;
  return (
    <Card withBorder data-testid="team-member" aria-label={m.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={700}>{m.name}</Text>
            <Text size="xs" c="dimmed">
              {m.position ?? '-'}
            </Text>
          </div>
          {status ? <StatusBadge status={status} size="sm" /> : <Badge miw="max-content" variant="outline">{m.skpStatus}</Badge>}
        </Group>
        {m.periodsTotal > 0 && (
          <SimpleGrid cols={2}>
            <div>
              <Text size="xs" c="dimmed">
                {t('team.reported', { done: m.periodsReported, total: m.periodsTotal })}
              </Text>
              <Progress value={(m.periodsReported / m.periodsTotal) * 100} color="teal" size="sm" aria-label={t('team.reportedAria', { name: m.name })} />
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('team.evaluated', { done: m.periodsEvaluated, total: m.periodsTotal })}
              </Text>
              <Progress value={(m.periodsEvaluated / m.periodsTotal) * 100} color="indigo" size="sm" aria-label={t('team.evaluatedAria', { name: m.name })} />
            </div>
          </SimpleGrid>
        )}
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('team.lastPredikat')}:
          </Text>
          {m.lastPredikat ? <PredikatBadge predikat={m.lastPredikat} size="sm" /> : <Text size="sm">{t('team.noPredikat')}</Text>}
        </Group>
        <div>
          <Text size="sm" c="dimmed">
            {t('team.lastFeedback')}
            {m.lastFeedbackAt ? ` (${date(m.lastFeedbackAt)})` : ''}:
          </Text>
          <Text size="sm" lineClamp={2} fs={m.lastFeedback ? undefined : 'italic'}>
            {m.lastFeedback ?? t('team.noFeedback')}
          </Text>
        </div>
        {m.waiting.length > 0 ? (
          <div>
            <Group gap={4}>
              <IconAlertCircle size={16} color="var(--mantine-color-orange-7)" aria-hidden />
              <Text size="sm" fw={600} c="orange">
                {t('team.waiting')}
              </Text>
            </Group>
            <List size="sm" spacing={2} data-testid="team-waiting">
              {m.waiting.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            {m.skpId ? t('team.waitingNone') : t('team.noSkp')}
          </Text>
        )}
        {m.skpId && (
          <Group gap="xs">
            <Button component={Link} to={`/skp/${m.skpId}`} size="xs" variant="default" aria-label={t('team.openSkpOf', { name: m.name })}>
              {t('team.openSkp')}
            </Button>
            {running && (
              <>
                <Button component={Link} to={`/skp/${m.skpId}/realisasi/${periodCode}`} size="xs" variant="default" aria-label={t('team.openRealisasiOf', { name: m.name, period: periodLabel })}>
                  {t('team.openRealisasi', { period: periodLabel })}
                </Button>
                <Button component={Link} to={`/penilaian/${m.skpId}/${periodCode}`} size="xs" variant="light" aria-label={t('team.openEvaluationOf', { name: m.name, period: periodLabel })}>
                  {t('team.openEvaluation', { period: periodLabel })}
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
