import { Alert, Anchor, Badge, Button, Card, Group, Modal, Radio, Select, SimpleGrid, Stack, Tabs, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconGavel, IconLock, IconMessage2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Appeal } from '../../../shared/appeal/commands';
import { predikatOf, ratings, type Rating } from '../../../shared/evaluation/predikat';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { fieldErrors } from '../app/forms';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { notifySkpError } from '../skp/labels';
import { AppealStatusBadge, PredikatBadge, predikatKeys, ratingKeys } from './labels';
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

function Ratings({ title, r }: { title: string; r: Appeal['original'] }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={6}>
        {title}
      </Text>
      <Stack gap={4}>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('appeal.results')}:{' '}
          </Text>
          {r.resultsRating ? t(ratingKeys[r.resultsRating]) : '-'}
        </Text>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('appeal.behaviour')}:{' '}
          </Text>
          {r.behaviourRating ? t(ratingKeys[r.behaviourRating]) : '-'}
        </Text>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('appeal.predikat')}:
          </Text>
          <PredikatBadge predikat={r.predikat} />
        </Group>
      </Stack>
    </Card>
  );
}

function Quote({ title, body, empty }: { title: string; body: string | null; empty?: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {body ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 10 }}>
          {body}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </div>
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

function ExplainModal({ appeal, current, reload, onClose }: { appeal: Appeal; current: string | null; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(current ?? '');
  const [touched, setTouched] = useState(false);
  const explain = useCommandMutation('appeal.explain', { invalidates: ['appeal', 'reports'] });
  const error = (touched && !text.trim() ? t('appeal.explanationRequired') : undefined) ?? fieldErrors(explain.error).explanation;
  const send = () => {
    if (!text.trim()) return setTouched(true);
    explain.mutate(
      { appealId: appeal.id, version: appeal.version, explanation: text.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('appeal.explained'));
          onClose();
        },
        onError: (err) => {
          if (err.code !== 'VALIDATION') {
            notifySkpError(err, t, reload);
            onClose();
          }
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('appeal.explainTitle')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <Stack>
          <Text size="sm">{t(appeal.viewerSide === 'penilai' ? 'appeal.explainHelp.penilai' : 'appeal.explainHelp.pegawai')}</Text>
          <Quote title={t('appeal.reasons')} body={appeal.reasons} />
          <Textarea
            label={t('appeal.explanation')}
            autosize
            minRows={5}
            maxLength={8000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={error}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={explain.isPending}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={explain.isPending}>
              {t('appeal.explainSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The atasan's final decision: keep, or change the ratings (the predikat follows the matrix), always with a reason. */
function DecideModal({ appeal, reload, onClose }: { appeal: Appeal; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'tetap' | 'diubah'>('tetap');
  const [results, setResults] = useState<Rating>(appeal.original.resultsRating ?? 'sesuai');
  const [behaviour, setBehaviour] = useState<Rating>(appeal.original.behaviourRating ?? 'sesuai');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const decide = useCommandMutation('appeal.decide', { invalidates: ['appeal', 'evaluation', 'reports', 'distribution'] });
  const unchanged = decision === 'diubah' && results === appeal.original.resultsRating && behaviour === appeal.original.behaviourRating;
  const reasonError = (touched && !reason.trim() ? t('appeal.reasonRequired') : undefined) ?? fieldErrors(decide.error).reason;
  const ratingData = ratings.map((r) => ({ value: r, label: t(ratingKeys[r]) }));

  const send = () => {
    setTouched(true);
    if (!reason.trim() || unchanged) return;
    decide.mutate(
      {
        appealId: appeal.id,
        version: appeal.version,
        decision,
        ...(decision === 'diubah' ? { resultsRating: results, behaviourRating: behaviour } : {}),
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          notifySuccess(t('appeal.decidedDone'));
          onClose();
        },
        onError: (err) => {
          if (err.code !== 'VALIDATION') {
            notifySkpError(err, t, reload);
            onClose();
          }
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('appeal.decideTitle', { name: appeal.employeeName })} size="xl">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('appeal.decideRead')}
          </Text>
          <Quote title={t('appeal.reasons')} body={appeal.reasons} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Quote title={t('appeal.explanationAppraiser', { name: appeal.appraiserName ?? '-' })} body={appeal.appraiserExplanation} empty={t('appeal.noExplanation')} />
            <Quote title={t('appeal.explanationEmployee', { name: appeal.employeeName })} body={appeal.employeeExplanation} empty={t('appeal.noExplanation')} />
          </SimpleGrid>
          <Ratings title={t('appeal.original')} r={appeal.original} />
          <Radio.Group label={t('appeal.decision')} value={decision} onChange={(v) => setDecision(v as 'tetap' | 'diubah')} required>
            <Stack gap="xs" mt={6}>
              <Radio value="tetap" label={t('appeal.decision.tetap')} description={t('appeal.decision.tetapHelp')} />
              <Radio value="diubah" label={t('appeal.decision.diubah')} description={t('appeal.decision.diubahHelp')} />
            </Stack>
          </Radio.Group>
          {decision === 'diubah' && (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('appeal.newResults')} data={ratingData} value={results} allowDeselect={false} onChange={(v) => v && setResults(v as Rating)} />
                <Select label={t('appeal.newBehaviour')} data={ratingData} value={behaviour} allowDeselect={false} onChange={(v) => v && setBehaviour(v as Rating)} />
              </SimpleGrid>
              <Text size="sm" fw={600} data-testid="appeal-new-predikat">
                {t('appeal.newPredikat', { predikat: t(predikatKeys[predikatOf(results, behaviour)]) })}
              </Text>
              {unchanged && touched && (
                <Text size="sm" c="red" role="alert">
                  {t('appeal.sameAsBefore')}
                </Text>
              )}
            </Stack>
          )}
          <Textarea
            label={t('appeal.reason')}
            description={t('appeal.reasonHelp')}
            autosize
            minRows={3}
            maxLength={8000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={reasonError}
            required
          />
          <Alert color="orange" icon={<IconLock />}>
            {t('appeal.decideFinal')}
          </Alert>
          {decide.error?.code === 'VALIDATION' && !fieldErrors(decide.error).reason && (
            <Alert color="red" role="alert">
              {decide.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={decide.isPending}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={decide.isPending} leftSection={<IconGavel size={16} />}>
              {t('appeal.decideSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
