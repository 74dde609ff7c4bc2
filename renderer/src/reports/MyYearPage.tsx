import { Alert, Anchor, Badge, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { CommandOutput } from '../../../shared/commands';
import { addDays } from '../../../shared/people/dates';
import type { SkpStatus } from '../../../shared/skp/workflow';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { AppealStatusBadge, PredikatBadge, predikatKeys } from '../appeal/labels';
import { FileAppealButton } from '../appeal/FileAppealButton';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { RealisasiStatusBadge } from '../realisasi/labels';
import { notifySkpError, StatusBadge } from '../skp/labels';
import { useChosenYear, useToday, useYears, YearPicker } from '../year/ui';

type MyYear = CommandOutput<'reports.myYear'>;
type PeriodRow = MyYear['periods'][number];

const evaluationKeys: Record<PeriodRow['evaluation'], MessageKey> = {
  belum: 'myYear.evaluation.belum',
  draf: 'myYear.evaluation.draf',
  final: 'myYear.evaluation.final',
};

/** `/tahun-saya`: the employee's own performance year on one page. */
export function MyYearPage() {
  const { t } = useI18n();
  const years = useYears();
  const [chosen, choose] = useChosenYear(years.data);
  return (
    <QueryState query={years}>
      {(y) =>
        !chosen ? (
          <Stack>
            <Title order={1} size="h2">
              {t('nav.myYear')}
            </Title>
            <EmptyState message={t('myYear.noYears')} />
          </Stack>
        ) : (
          <Stack>
            <Group justify="space-between" align="flex-end">
              <div>
                <Title order={1} size="h2">
                  {t('myYear.title', { year: chosen.year })}
                </Title>
                <Text size="sm" c="dimmed" maw={760}>
                  {t('myYear.intro')}
                </Text>
              </div>
              {y.years.length > 1 && <YearPicker years={y.years} today={y.today} value={chosen} onChange={choose} />}
            </Group>
            <YearBody yearId={chosen.id} today={y.today} />
          </Stack>
        )
      }
    </QueryState>
  );
}

function YearBody({ yearId, today }: { yearId: string; today: string }) {
  const query = useCommand('reports.myYear', { yearId });
  return <QueryState query={query}>{(data) => <YearView data={data} today={today} />}</QueryState>;
}

function SummaryCard({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {title}
      </Text>
      <Stack gap={6} mt={4} align="flex-start">
        {children}
        {action}
      </Stack>
    </Card>
  );
}

function YearView({ data, today }: { data: MyYear; today: string }) {
  const { t } = useI18n();
  const skp = data.skp;
  const regular = data.periods.filter((p) => p.code !== 'tahunan');
  const due = regular.filter((p) => p.start <= today).length;
  const sent = regular.filter((p) => p.realisasi === 'diajukan').length;
  const finals = data.periods.filter((p) => p.evaluation === 'final');
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <SummaryCard
          title={t('myYear.skp')}
          action={
            <Button component={Link} to={skp ? `/skp/${skp.id}` : '/skp'} size="xs" variant="light">
              {skp ? t('myYear.openSkp') : t('myYear.makeSkp')}
            </Button>
          }
        >
          {skp ? (
            <Group gap="xs">
              <StatusBadge status={skp.status as SkpStatus} size="sm" />
              <Text size="sm">{t('myYear.rhkCount', { count: skp.rhkCount })}</Text>
            </Group>
          ) : (
            <Text size="sm">{t('myYear.noSkp')}</Text>
          )}
        </SummaryCard>
        <SummaryCard title={t('myYear.realisasiSent')}>
          <Text size="lg" fw={700}>
            {t('myYear.realisasiSentValue', { sent, due })}
          </Text>
        </SummaryCard>
        <SummaryCard
          title={t('myYear.dialogues')}
          action={
            <Anchor component={Link} to="/dialog" size="sm">
              {t('myYear.openDialogues')}
            </Anchor>
          }
        >
          <Text size="lg" fw={700}>
            {t('myYear.dialoguesValue', { count: data.dialogues })}
          </Text>
        </SummaryCard>
        <SummaryCard
          title={t('myYear.appeals')}
          action={
            <Anchor component={Link} to="/keberatan" size="sm">
              {t('myYear.openAppeals')}
            </Anchor>
          }
        >
          <Text size="lg" fw={700} c={data.openAppeals > 0 ? 'orange' : undefined}>
            {t('myYear.appealsValue', { count: data.openAppeals })}
          </Text>
        </SummaryCard>
      </SimpleGrid>

      {skp && finals.length > 0 && <ToAcknowledge skpId={skp.id} periods={finals} />}

      <section aria-labelledby="my-year-periods">
        <Title order={2} size="h4" mb="xs" id="my-year-periods">
          {t('myYear.periods')}
        </Title>
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('myYear.col.period')}</Table.Th>
                <Table.Th>{t('myYear.col.realisasi')}</Table.Th>
                <Table.Th>{t('myYear.col.feedback')}</Table.Th>
                <Table.Th>{t('myYear.col.evaluation')}</Table.Th>
                <Table.Th>{t('myYear.col.predikat')}</Table.Th>
                <Table.Th>{t('myYear.col.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.periods.map((p) => (
                <PeriodLine key={p.code} p={p} skpId={skp?.id ?? null} canReport={!!skp?.approved} today={today} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </Stack>
  );
}

function PeriodLine({ p, skpId, canReport, today }: { p: PeriodRow; skpId: string | null; canReport: boolean; today: string }) {
  const { t, date, periodName } = useI18n();
  const started = p.start <= today;
  const realisasiLink = skpId ? `/skp/${skpId}/realisasi/${p.code}` : null;
  // Sent, or judged final (locked): there is nothing left to fill in, only to read.
  const readOnly = p.realisasi === 'diajukan' || p.evaluation === 'final';
  return (
    <Table.Tr data-testid={`my-year-period-${p.code}`}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {periodName(p.code, p.label)}
        </Text>
        {/* A month's label says its dates; quarters and the year get them spelled out. */}
        {!/^\d+$/.test(p.code) && (
          <Text size="xs" c="dimmed">
            {date(p.start)} – {date(p.end)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {!started && p.realisasi === 'belum' ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('myYear.notStarted')}
          </Text>
        ) : (
          <Group gap="xs" wrap="nowrap">
            {/* A final evaluation locks the period's realisasi, whatever was (or was not) sent. */}
            {p.evaluation === 'final' ? (
              <Badge color="gray" variant="light" size="sm" miw="fit-content" data-testid="realisasi-status">
                {t('realisasi.status.dikunci')}
              </Badge>
            ) : (
              <RealisasiStatusBadge status={p.realisasi} />
            )}
            {realisasiLink && canReport && (
              <Anchor
                component={Link}
                to={realisasiLink}
                size="sm"
                aria-label={readOnly ? t('myYear.viewFor', { period: periodName(p.code, p.label) }) : t('myYear.fillFor', { period: periodName(p.code, p.label) })}
              >
                {readOnly ? t('myYear.view') : t('myYear.fill')}
              </Anchor>
            )}
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        {p.feedbackCount > 0 && realisasiLink ? (
          <Anchor component={Link} to={`${realisasiLink}?fokus=umpan-balik`} size="sm" aria-label={t('myYear.feedbackFor', { period: periodName(p.code, p.label), count: p.feedbackCount })}>
            {t('myYear.feedbackCount', { count: p.feedbackCount })}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            -
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {p.evaluation === 'belum' ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t(evaluationKeys[p.evaluation])}
          </Text>
        ) : (
          <Badge variant="light" color={p.evaluation === 'final' ? 'teal' : 'blue'} miw="fit-content">
            {t(evaluationKeys[p.evaluation])}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {p.predikat && skpId ? (
          <Anchor component={Link} to={`/penilaian/${skpId}/${p.code}`}>
            <PredikatBadge predikat={p.predikat} />
            {/* Named by the visible predikat plus these words (an aria-label would hide the predikat: label-content-name-mismatch). */}
            <VisuallyHidden>{t('myYear.viewEvaluation', { period: periodName(p.code, p.label) })}</VisuallyHidden>
          </Anchor>
        ) : (
          <PredikatBadge predikat={p.predikat} />
        )}
      </Table.Td>
      <Table.Td>{p.evaluation === 'final' && skpId ? <ResultCell skpId={skpId} period={p.code} /> : null}</Table.Td>
    </Table.Tr>
  );
}

/** Receipt and appeal state of one final evaluation. */
function ResultCell({ skpId, period }: { skpId: string; period: string }) {
  const { t, date } = useI18n();
  const today = useToday() ?? '';
  const query = useCommand('evaluation.get', { skpId, period });
  if (query.isPending) return <Loader size="xs" />;
  if (query.isError) return null;
  const e = query.data;
  if (e.appeal) {
    return (
      <Group gap="xs" wrap="nowrap">
        <AppealStatusBadge status={e.appeal.status} />
        <Anchor component={Link} to="/keberatan" size="sm">
          {t('appeal.filedOpen')}
        </Anchor>
      </Group>
    );
  }
  if (!e.acknowledgedAt) {
    return (
      <Text size="sm" c="orange">
        {t('myYear.notAcknowledged')}
      </Text>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Text size="xs" c="dimmed">
        {t('myYear.acknowledgedOn', { date: date(e.acknowledgedAt) })}
        {e.appealDeadline ? ` · ${today > e.appealDeadline ? t('myYear.appealClosed', { date: date(e.appealDeadline) }) : t('myYear.appealUntil', { date: date(e.appealDeadline) })}` : ''}
      </Text>
      {e.can.appeal && e.id && <FileAppealButton evaluationId={e.id} deadline={e.appealDeadline} size="xs" />}
    </Stack>
  );
}

/** Final results not yet acknowledged, each with the button that starts the 14 days. */
function ToAcknowledge({ skpId, periods }: { skpId: string; periods: PeriodRow[] }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      {periods.map((p) => (
        <AcknowledgeItem key={p.code} skpId={skpId} period={p} title={t('myYear.toAcknowledge')} />
      ))}
    </Stack>
  );
}

function AcknowledgeItem({ skpId, period, title }: { skpId: string; period: PeriodRow; title: string }) {
  const { t, date, periodName } = useI18n();
  const query = useCommand('evaluation.get', { skpId, period: period.code });
  const [open, setOpen] = useState(false);
  const ack = useCommandMutation('evaluation.acknowledge', { invalidates: ['evaluation', 'reports', 'appeal'] });
  const today = useToday();
  const e = query.data;
  if (!today || !e || !e.can.acknowledge || e.acknowledgedAt || !e.id || e.version === null) return null;
  // The backend counts 14 days from today; show the same date before the click.
  const deadline = addDays(today, 14);
  return (
    <Alert color="orange" title={title} icon={<IconCircleCheck />} data-testid="acknowledge">
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {periodName(period.code, period.label)}
          </Text>
          <PredikatBadge predikat={e.predikat} />
          <Anchor component={Link} to={`/penilaian/${skpId}/${period.code}`} size="sm">
            {t('myYear.viewEvaluation', { period: periodName(period.code, period.label) })}
          </Anchor>
        </Group>
        <Text size="sm">{t('myYear.toAcknowledgeHelp')}</Text>
        <Group>
          <Button size="xs" color="orange" onClick={() => setOpen(true)}>
            {t('myYear.acknowledge')}
          </Button>
        </Group>
      </Stack>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={t('myYear.acknowledgeTitle', { period: periodName(period.code, period.label) })}>
          <Stack>
            {e.predikat && <Text size="sm" fw={600}>{t('myYear.acknowledgePredikat', { predikat: t(predikatKeys[e.predikat]) })}</Text>}
            <Text size="sm">{t('myYear.acknowledgeHelp', { date: date(deadline) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('app.cancel')}
              </Button>
              <Button
                color="orange"
                loading={ack.isPending}
                data-autofocus
                onClick={() =>
                  ack.mutate(
                    { evaluationId: e.id!, version: e.version! },
                    {
                      onSuccess: (r) => {
                        notifySuccess(t('myYear.acknowledged', { period: periodName(period.code, period.label), date: date(r.appealDeadline) }));
                        setOpen(false);
                      },
                      onError: (err) => {
                        notifySkpError(err, t, () => void query.refetch());
                        setOpen(false);
                      },
                    },
                  )
                }
              >
                {t('myYear.acknowledge')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Alert>
  );
}
