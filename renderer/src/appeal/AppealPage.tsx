import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Timeline, Title } from '@mantine/core';
import { IconGavel, IconLock, IconMessage2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Appeal } from '../../../shared/appeal/commands';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { AppealStatusBadge } from './labels';
import { DecideModal, ExplainModal } from './AppealModals';
import { Quote, Ratings } from './parts';
import { PageHeader } from '../app/PageHeader';

type Scope = 'mine' | 'todo' | 'office';

/** `/keberatan`: my appeals, those waiting for my explanation or decision, and (Pengelola Kinerja) the whole office. */
export function AppealPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const todo = useCommand('appeal.list', { scope: 'todo' });
  return (
    <Stack>
      <PageHeader title={t('appeal.title')} description={t('appeal.intro')} />
      <QueryState query={todo}>
        {(data) => {
          const waiting = data.appeals.filter((a) => a.can.explain || a.can.decide).length;
          // Opens where something waits; the choice then stays put while the user acts.
          return <AppealTabs initial={waiting > 0 ? 'todo' : 'mine'} waiting={waiting} showTodo={hasRole('penilai') || data.appeals.length > 0} showOffice={hasRole('pengelola')} />;
        }}
      </QueryState>
    </Stack>
  );
}

function AppealTabs({ initial, waiting: todoOpen, showTodo, showOffice }: { initial: Scope; waiting: number; showTodo: boolean; showOffice: boolean }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState<Scope>(initial);
  if (!showTodo && !showOffice) return <AppealList scope="mine" />;
  return (
    <Tabs value={current} onChange={(v) => setCurrent((v as Scope | null) ?? 'mine')} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="mine">{t('appeal.tab.mine')}</Tabs.Tab>
        {showTodo && (
          <Tabs.Tab
            value="todo"
            rightSection={
              todoOpen > 0 ? (
                <Badge size="xs" color="red" circle>
                  {todoOpen}
                </Badge>
              ) : undefined
            }
          >
            {t('appeal.tab.todo')}
          </Tabs.Tab>
        )}
        {showOffice && <Tabs.Tab value="office">{t('appeal.tab.office')}</Tabs.Tab>}
      </Tabs.List>
      <Tabs.Panel value="mine" pt="md">
        <AppealList scope="mine" />
      </Tabs.Panel>
      {showTodo && (
        <Tabs.Panel value="todo" pt="md">
          <AppealList scope="todo" />
        </Tabs.Panel>
      )}
      {showOffice && (
        <Tabs.Panel value="office" pt="md">
          <AppealList scope="office" />
        </Tabs.Panel>
      )}
    </Tabs>
  );
}

const emptyKeys: Record<Scope, MessageKey> = { mine: 'appeal.emptyMine', todo: 'appeal.emptyTodo', office: 'appeal.emptyOffice' };

function AppealList({ scope }: { scope: Scope }) {
  const { t } = useI18n();
  const query = useCommand('appeal.list', { scope });
  return (
    <QueryState query={query}>
      {(data) => {
        if (data.appeals.length === 0) {
          return (
            <EmptyState
              message={t(emptyKeys[scope])}
              action={
                scope === 'mine' ? (
                  <Anchor component={Link} to="/tahun-saya">
                    {t('appeal.openMyYear')}
                  </Anchor>
                ) : undefined
              }
            />
          );
        }
        // Open ones first, then decided, each newest first (the backend's order).
        const sorted = [...data.appeals].sort((a, b) => Number(b.status === 'diajukan') - Number(a.status === 'diajukan'));
        return (
          <Stack>
            {sorted.map((a) => (
              <AppealCard key={a.id} appeal={a} reload={() => void query.refetch()} />
            ))}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function AppealCard({ appeal: a, reload }: { appeal: Appeal; reload(): void }) {
  const { t, date, dateTime, periodName } = useI18n();
  const [dialog, setDialog] = useState<'explain' | 'decide' | null>(null);
  const mine = a.viewerSide === 'pegawai';
  const myExplanation = a.viewerSide === 'penilai' ? a.appraiserExplanation : a.viewerSide === 'pegawai' ? a.employeeExplanation : null;
  const noExplanation: MessageKey = a.status === 'diputus' ? 'appeal.noExplanationDecided' : 'appeal.noExplanation';
  const decisionText = a.decision ? t(a.decision === 'tetap' ? 'appeal.decision.tetap' : 'appeal.decision.diubah') : '';
  return (
    <Card withBorder data-testid="appeal-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={2} size="h4">
                {mine ? t('appeal.cardTitle', { period: periodName(a.period, a.periodLabel) }) : t('appeal.cardTitleOf', { name: a.employeeName, period: periodName(a.period, a.periodLabel) })}
              </Title>
              <AppealStatusBadge status={a.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {t('appeal.filedOn', { date: dateTime(a.filedAt) })} · {t('appeal.to', { name: a.atasanName ?? '-' })}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`appeal.yourSide.${a.viewerSide}` as MessageKey)}
            </Text>
          </div>
          <Group gap="xs">
            {a.can.explain && (
              <Button size="sm" variant="light" leftSection={<IconMessage2 size={16} />} onClick={() => setDialog('explain')}>
                {myExplanation ? t('appeal.explainEdit') : t('appeal.explain')}
              </Button>
            )}
            {a.can.decide && (
              <Button size="sm" color="orange" leftSection={<IconGavel size={16} />} onClick={() => setDialog('decide')}>
                {t('appeal.decide')}
              </Button>
            )}
            <Button component={Link} to={`/penilaian/${a.skpId}/${a.period}`} size="sm" variant="subtle">
              {t('appeal.viewEvaluation')}
            </Button>
          </Group>
        </Group>

        <Quote title={t('appeal.reasons')} body={a.reasons} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Quote title={t('appeal.explanationAppraiser', { name: a.appraiserName ?? '-' })} body={a.appraiserExplanation} empty={t(noExplanation)} />
          <Quote title={t('appeal.explanationEmployee', { name: a.employeeName })} body={a.employeeExplanation} empty={t(noExplanation)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Ratings title={t('appeal.original')} r={a.original} />
          {a.status === 'diputus' && <Ratings title={t('appeal.decided')} r={a.decided} />}
        </SimpleGrid>

        {a.status === 'diputus' ? (
          <Alert color={a.decision === 'diubah' ? 'teal' : 'gray'} icon={<IconLock />} title={t('appeal.decisionTitle')} data-testid="appeal-decision">
            <Text size="sm">{t('appeal.decisionOn', { date: date(a.decidedAt), name: a.atasanName ?? '-', decision: decisionText })}</Text>
            {a.decisionReason && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {t('appeal.decisionReason')}: {a.decisionReason}
              </Text>
            )}
          </Alert>
        ) : (
          !a.can.decide && (
            <Text size="sm" c="dimmed">
              {t('appeal.waitingDecision', { name: a.atasanName ?? '-' })}
            </Text>
          )
        )}

        <div>
          <Text size="sm" fw={600} mb={6}>
            {t('appeal.history')}
          </Text>
          <Timeline bulletSize={12} lineWidth={2} active={a.status === 'diputus' ? 3 : [a.appraiserExplanation, a.employeeExplanation].filter(Boolean).length}>
            <Timeline.Item title={<Text size="sm" fw={600}>{t('appeal.history.filed', { name: a.employeeName })}</Text>}>
              <Text size="xs" c="dimmed">
                {dateTime(a.filedAt)}
              </Text>
            </Timeline.Item>
            {a.appraiserExplanation && <Timeline.Item title={<Text size="sm" fw={600}>{t('appeal.history.appraiser')}</Text>} />}
            {a.employeeExplanation && <Timeline.Item title={<Text size="sm" fw={600}>{t('appeal.history.employee')}</Text>} />}
            {a.status === 'diputus' && (
              <Timeline.Item title={<Text size="sm" fw={600}>{t('appeal.history.decided', { decision: decisionText })}</Text>}>
                <Text size="xs" c="dimmed">
                  {dateTime(a.decidedAt)}
                </Text>
              </Timeline.Item>
            )}
          </Timeline>
        </div>
      </Stack>
      {dialog === 'explain' && <ExplainModal appeal={a} current={myExplanation} reload={reload} onClose={() => setDialog(null)} />}
      {dialog === 'decide' && <DecideModal appeal={a} reload={reload} onClose={() => setDialog(null)} />}
    </Card>
  );
}
