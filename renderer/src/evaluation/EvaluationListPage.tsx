import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, Modal, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EvaluationSummary } from '../../../shared/evaluation/commands';
import type { Period } from '../../../shared/evaluation/periods';
import { formatNip } from '../../../shared/people/nip';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useI18n } from '../i18n/I18nProvider';
import { PeriodScreen } from './PeriodScreen';
import { PrintAll } from '../reports/PrintAll';
import { notifySkpError } from '../skp/labels';
import { SlowProgress } from '../year/ui';
import { EvalStatusBadge, PredikatBadge, type EvalStatus } from './ui';

/** Invalidated by every evaluation write: the lists, the dashboards and the curve read the same rows. */
export const evaluationReads = ['evaluation', 'reports', 'distribution', 'realisasi'];

/**
 * Penilaian, for the Pejabat Penilai: a period of the year, each appraisee with realisasi sent or
 * not, status and predikat; complete drafts locked together; realisasi as it comes in.
 */
export function EvaluationListPage() {
  const { t } = useI18n();
  return (
    <PeriodScreen title={t('eval.list.title')} description={t('eval.list.intro')} empty={<EmptyState message={t('year.none')} />}>
      {(year, period) => (
        <>
          <PendingSection key={`${year.id}-${period.code}`} year={year} period={period} />
          <IncomingSection year={year} />
        </>
      )}
    </PeriodScreen>
  );
}

const countOrder: EvalStatus[] = ['belum', 'draf', 'final'];

function lockable(e: EvaluationSummary): boolean {
  return e.status === 'draf' && !!e.id && e.version !== null && !!e.resultsRating && !!e.behaviourRating;
}

function PendingSection({ year, period }: { year: PerformanceYear; period: Period }) {
  const { t, periodName } = useI18n();
  const query = useCommand('evaluation.pending', { yearId: year.id, period: period.code });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const items = query.data?.items ?? [];
  const ready = items.filter(lockable);
  const chosen = ready.filter((e) => picked.has(e.id!));
  const all = ready.length > 0 && chosen.length === ready.length;
  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Card withBorder component="section" aria-labelledby="eval-pending">
      <Title order={2} size="h4" id="eval-pending" mb="xs">
        {t('eval.list.pendingTitle', { period: periodName(period.code, period.label) })}
      </Title>
      <QueryState query={query}>
        {() =>
          items.length === 0 ? (
            <EmptyState
              message={t('eval.list.empty')}
              action={
                <Anchor component={Link} to="/persetujuan-skp" size="sm">
                  {t('nav.skpInbox')}
                </Anchor>
              }
            />
          ) : (
            <Stack>
              <SimpleGrid cols={{ base: 3 }} maw={520}>
                {countOrder.map((s) => (
                  <div key={s} data-testid={`eval-count-${s}`}>
                    <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                      {t(`eval.status.${s}`)}
                    </Text>
                    <Text size="xl" fw={700}>
                      {items.filter((e) => e.status === s).length}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
              <PrintAll
                yearId={year.id}
                period={period.code}
                mine
                counts={{ final: items.filter((e) => e.status === 'final').length, all: items.filter((e) => e.status !== 'belum').length }}
                help={t('print.helpMine')}
              />
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {ready.length > 0 ? t('eval.list.readyHelp', { count: ready.length }) : t('eval.list.noneReady')}
                </Text>
                <Button leftSection={<IconLock size={16} />} disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
                  {t('eval.list.lockSelected', { count: chosen.length })}
                </Button>
              </Group>
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>
                        <Checkbox
                          aria-label={t('eval.list.selectAll')}
                          checked={all}
                          disabled={ready.length === 0}
                          indeterminate={!all && chosen.length > 0}
                          onChange={(e) => setPicked(e.currentTarget.checked ? new Set(ready.map((r) => r.id!)) : new Set())}
                        />
                      </Table.Th>
                      <Table.Th>{t('eval.col.employee')}</Table.Th>
                      <Table.Th>{t('eval.col.position')}</Table.Th>
                      <Table.Th>{t('eval.col.realisasi')}</Table.Th>
                      <Table.Th>{t('eval.col.status')}</Table.Th>
                      <Table.Th>{t('eval.col.predikat')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((e) => (
                      <Table.Tr key={e.skpId} data-testid="eval-row">
                        <Table.Td>
                          <Checkbox
                            aria-label={t('eval.list.select', { name: e.employeeName })}
                            disabled={!lockable(e)}
                            checked={!!e.id && picked.has(e.id) && lockable(e)}
                            onChange={(ev) => toggle(e.id!, ev.currentTarget.checked)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {e.employeeName}
                          </Text>
                          <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {formatNip(e.employeeNip)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{e.position ?? '-'}</Text>
                          <Text size="xs" c="dimmed">
                            {e.unit ?? ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {e.realisasiSubmitted ? (
                            <Badge miw="max-content" color="teal" variant="light">
                              {t('eval.realisasi.sent')}
                            </Badge>
                          ) : (
                            <Badge miw="max-content" color="gray" variant="outline">
                              {t('eval.realisasi.notSent')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <EvalStatusBadge status={e.status} acknowledged={!!e.acknowledgedAt} size="sm" />
                          {e.status === 'draf' && !lockable(e) && (
                            <Text size="xs" c="dimmed">
                              {t('eval.list.incomplete')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <PredikatBadge predikat={e.predikat} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <Button
                            component={Link}
                            to={`/penilaian/${e.skpId}/${e.period}`}
                            size="xs"
                            variant={e.status === 'final' ? 'default' : 'light'}
                            aria-label={t(e.status === 'final' ? 'eval.list.viewOf' : 'eval.list.rateOf', { name: e.employeeName })}
                          >
                            {t(e.status === 'final' ? 'eval.list.view' : 'eval.list.rate')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )
        }
      </QueryState>
      {confirming && (
        <LockManyModal
          items={chosen}
          period={period}
          reload={() => void query.refetch()}
          onClose={() => setConfirming(false)}
          onDone={() => {
            setPicked(new Set());
            setConfirming(false);
          }}
        />
      )}
    </Card>
  );
}

function LockManyModal({ items, period, reload, onClose, onDone }: { items: EvaluationSummary[]; period: Period; reload(): void; onClose(): void; onDone(): void }) {
  const { t, periodName } = useI18n();
  const lock = useCommandMutation('evaluation.finalizeMany', { invalidates: evaluationReads });
  return (
    <Modal opened onClose={lock.isPending ? () => undefined : onClose} title={t('eval.lockMany.title', { count: items.length })} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          lock.mutate(
            { items: items.map((i) => ({ evaluationId: i.id!, version: i.version! })) },
            {
              onSuccess: (r) => {
                notifySuccess(t('eval.lockMany.done', { count: r.finalized, period: periodName(period.code, period.label) }));
                onDone();
              },
              onError: (err) => {
                if (err.code === 'CONFLICT') {
                  notifySkpError(err, t, reload);
                  onClose();
                }
              },
            },
          );
        }}
      >
        <Stack>
          <Alert color="orange" icon={<IconLock />}>
            {t('eval.lockMany.warning')}
          </Alert>
          <ScrollArea.Autosize mah={240} type="auto">
            <List size="sm" spacing={2}>
              {items.map((i) => (
                <List.Item key={i.id}>
                  {i.employeeName} — {periodName(i.period, i.periodLabel)}: <PredikatBadge predikat={i.predikat} size="sm" />
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
          {lock.error && lock.error.code !== 'CONFLICT' && (
            <Alert color="red" role="alert" title={t(`error.${lock.error.code}`)}>
              {lock.error.message}
            </Alert>
          )}
          <SlowProgress active={lock.isPending} label={t('eval.lockMany.progress', { count: items.length })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={lock.isPending} data-autofocus>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={lock.isPending} leftSection={<IconLock size={16} />}>
              {t('eval.lockMany.confirm', { count: items.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const incomingShown = 8;

/** What still waits for a judgement first, each group newest first (as the backend sends them). */
function waitingFirst<T extends { evaluated: boolean }>(items: T[]): T[] {
  return [...items.filter((i) => !i.evaluated), ...items.filter((i) => i.evaluated)];
}

/** "Realisasi masuk": what the appraisees sent, newest first, each opening its evaluation. */
function IncomingSection({ year }: { year: PerformanceYear }) {
  const { t, dateTime, periodName } = useI18n();
  const query = useCommand('realisasi.incoming', { yearId: year.id, limit: 100 });
  const [all, setAll] = useState(false);
  return (
    <Card withBorder component="section" aria-labelledby="eval-incoming">
      <Title order={2} size="h4" id="eval-incoming" mb="xs">
        {t('eval.incoming.title')}
      </Title>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState message={t('eval.incoming.empty')} />
          ) : (
            <Stack gap="xs">
              {(all ? waitingFirst(data.items) : waitingFirst(data.items).slice(0, incomingShown)).map((i) => (
                <Group key={`${i.skpId}-${i.period}`} justify="space-between" wrap="nowrap" data-testid="incoming-row">
                  <div>
                    <Text size="sm" fw={600}>
                      {i.employeeName} · {periodName(i.period, i.periodLabel)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('eval.incoming.sentAt', { date: dateTime(i.submittedAt) })}
                    </Text>
                  </div>
                  <Group gap="xs" wrap="nowrap">
                    {i.evaluated ? (
                      <Badge miw="max-content" color="teal" variant="light">
                        {t('eval.incoming.evaluated')}
                      </Badge>
                    ) : (
                      <Badge miw="max-content" color="yellow" variant="light">
                        {t('eval.incoming.waiting')}
                      </Badge>
                    )}
                    <Button
                      component={Link}
                      to={`/penilaian/${i.skpId}/${i.period}`}
                      size="xs"
                      variant="light"
                      aria-label={t('eval.incoming.openOf', { name: i.employeeName, period: periodName(i.period, i.periodLabel) })}
                    >
                      {t('eval.incoming.open')}
                    </Button>
                  </Group>
                </Group>
              ))}
              {data.items.length > incomingShown && (
                <Button variant="subtle" size="xs" onClick={() => setAll((v) => !v)} style={{ alignSelf: 'flex-start' }}>
                  {all ? t('eval.incoming.less') : t('eval.incoming.all', { count: data.items.length })}
                </Button>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
