import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconLock, IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { distributionPattern } from '../../../shared/distribution/curve';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import { DownloadButton } from '../app/Download';
import { FileAppealButton } from '../appeal/FileAppealButton';
import { useCommand, useCommandMutation } from '../api/hooks';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useI18n } from '../i18n/I18nProvider';
import { notifySkpError } from '../skp/labels';
import { evaluationReads } from './EvaluationListPage';
import { EvaluationBody } from './EvaluationBody';
import { Fact, IdentitySection, JudgementBadge } from './parts';
import { EvalStatusBadge, orgRatingKeys, PredikatBadge, predikatKeys } from './ui';

/**
 * One evaluation (a period or the year): for the Pejabat Penilai the form, for the employee the
 * result with its receipt and the way to object, for the atasan and the admin the same, read only.
 */
export function EvaluationPage() {
  const { skpId = '', period = '' } = useParams();
  // No refetch on focus: an appraiser's unsaved judgements must not be replaced behind their back.
  const query = useCommand('evaluation.get', { skpId, period }, { refetchOnWindowFocus: false });
  return <QueryState query={query}>{(detail) => <EvaluationView detail={detail} reload={() => void query.refetch()} />}</QueryState>;
}

function EvaluationView({ detail, reload }: { detail: EvaluationDetail; reload(): void }) {
  const { t, date, periodName } = useI18n();
  const mine = detail.viewerRole === 'pegawai';
  const annual = detail.period === 'tahunan';
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        {mine ? (
          <Anchor component={Link} to={`/tahun-saya?tahun=${detail.year}`}>
            {t('eval.crumb.myYear')}
          </Anchor>
        ) : detail.viewerRole === 'penilai' ? (
          <Anchor component={Link} to={`/penilaian?tahun=${detail.year}&periode=${detail.period}`}>
            {t('nav.evaluation')}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/skp/${detail.skpId}`}>
            {t('eval.crumb.skp', { year: detail.year })}
          </Anchor>
        )}
        <Text size="sm">{periodName(detail.period, detail.periodLabel)}</Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {mine ? t('eval.titleMine', { period: periodName(detail.period, detail.periodLabel) }) : t('eval.titleOf', { period: periodName(detail.period, detail.periodLabel), name: detail.employeeName })}
            </Title>
            <EvalStatusBadge status={detail.status} acknowledged={!!detail.acknowledgedAt} size="lg" />
          </Group>
          <Text size="sm" c="dimmed" data-testid="eval-kind">
            {annual ? t('eval.kindAnnual') : t('eval.kindPeriodic')}
            {detail.finalizedAt ? ` · ${t('eval.finalizedOn', { date: date(detail.finalizedAt) })}` : ''}
            {/* The plan a signed result judged: an amendment approved later does not change it. */}
            {detail.finalizedAt && detail.planVersion !== null ? `, ${t('eval.planVersion', { version: detail.planVersion })}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to={`/skp/${detail.skpId}`} variant="default" size="sm">
            {t('eval.openSkp')}
          </Button>
          {!annual && (
            <Button component={Link} to={`/skp/${detail.skpId}/realisasi/${detail.period}`} variant="default" size="sm">
              {t('eval.openRealisasi')}
            </Button>
          )}
          <DownloadButton name="evaluasi.pdf" query={{ skpId: detail.skpId, period: detail.period }} variant="default" size="sm" leftSection={<IconDownload size={16} />}>
            {t('eval.pdf')}
          </DownloadButton>
        </Group>
      </Group>

      <StatusBanner detail={detail} reload={reload} />
      {detail.status === 'final' && <ResultSummary detail={detail} />}
      <IdentitySection detail={detail} />
      <OrgRatingCard detail={detail} />
      {annual && <PeriodicSection detail={detail} />}
      <EvaluationBody key={`${detail.id ?? 'baru'}-${detail.version ?? 0}-${detail.status}`} detail={detail} reload={reload} />
    </Stack>
  );
}

/** What this viewer should know or do first: locked, waiting, receipt, appeal window. */
function StatusBanner({ detail, reload }: { detail: EvaluationDetail; reload(): void }) {
  const { t, date } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const atasan = detail.header.atasan?.name ?? t('eval.person.unknown');
  const appeal = detail.appeal && (
    <Alert color={detail.appeal.status === 'diputus' ? 'teal' : 'grape'} icon={<IconScale />} title={t('eval.appeal.title')} data-testid="appeal-status">
      <Stack gap={4}>
        <Text size="sm">{t('eval.appeal.filed', { date: date(detail.appeal.filedAt) })}</Text>
        <Text size="sm">
          {detail.appeal.status === 'diputus'
            ? t(detail.appeal.decision === 'diubah' ? 'eval.appeal.changed' : 'eval.appeal.kept', { date: date(detail.appeal.decidedAt) })
            : t('eval.appeal.waiting', { name: atasan })}
        </Text>
        <Anchor component={Link} to="/keberatan" size="sm">
          {t('eval.appeal.open')}
        </Anchor>
      </Stack>
    </Alert>
  );

  if (detail.viewerRole !== 'pegawai') {
    return (
      <>
        {detail.status === 'final' && (
          <Alert color="teal" icon={<IconLock />} data-testid="locked">
            {t('eval.lockedBanner', { date: date(detail.finalizedAt) })}
            {detail.acknowledgedAt ? ` ${t('eval.ackBy', { date: date(detail.acknowledgedAt) })}` : ` ${t('eval.notAckYet')}`}
          </Alert>
        )}
        {detail.viewerRole === 'penilai' && detail.status !== 'final' && !detail.can.edit && <Alert color="gray">{t('eval.cannotEdit')}</Alert>}
        {appeal}
      </>
    );
  }

  if (detail.status !== 'final') {
    return (
      <Alert color="blue" data-testid="not-final">
        {t('eval.employee.notFinal', { name: detail.header.appraiser?.name ?? t('eval.person.unknown') })}
      </Alert>
    );
  }
  return (
    <>
      {detail.can.acknowledge && (
        <Card withBorder padding="md" bg="var(--mantine-color-blue-light)" data-testid="receipt">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('eval.receipt.title')}
            </Title>
            <Text size="sm">{t('eval.receipt.help')}</Text>
            <Group>
              <Button leftSection={<IconCheck size={16} />} onClick={() => setConfirming(true)}>
                {t('eval.receipt.button')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {detail.acknowledgedAt && (
        <Alert color="teal" icon={<IconCheck />} data-testid="receipt-done">
          <Stack gap={6}>
            <Text size="sm">{t('eval.receipt.done', { date: date(detail.acknowledgedAt) })}</Text>
            {!detail.appeal &&
              detail.appealDeadline &&
              (detail.can.appeal ? (
                <>
                  <Text size="sm">{t('eval.appeal.window', { name: atasan, date: date(detail.appealDeadline) })}</Text>
                  <Group>
                    <AppealAction detail={detail} />
                  </Group>
                </>
              ) : (
                <Text size="sm">{t('eval.appeal.closed', { date: date(detail.appealDeadline) })}</Text>
              ))}
          </Stack>
        </Alert>
      )}
      {appeal}
      {confirming && <AcknowledgeModal detail={detail} reload={reload} onClose={() => setConfirming(false)} />}
    </>
  );
}

/** The Keberatan capability's own filing dialog; after filing the employee stays here and sees its status. */
function AppealAction({ detail }: { detail: EvaluationDetail }) {
  return <FileAppealButton evaluationId={detail.id!} deadline={detail.appealDeadline} onFiled={() => undefined} />;
}

function AcknowledgeModal({ detail, reload, onClose }: { detail: EvaluationDetail; reload(): void; onClose(): void }) {
  const { t, date, periodName } = useI18n();
  const ack = useCommandMutation('evaluation.acknowledge', { invalidates: evaluationReads });
  return (
    <Modal opened onClose={ack.isPending ? () => undefined : onClose} title={t('eval.receipt.confirmTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          ack.mutate(
            { evaluationId: detail.id!, version: detail.version! },
            {
              onSuccess: (r) => {
                notifySuccess(t('eval.receipt.saved', { date: date(r.appealDeadline) }));
                onClose();
              },
              onError: (err) => {
                notifySkpError(err, t, reload);
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('eval.receipt.confirmHelp', { period: periodName(detail.period, detail.periodLabel) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={ack.isPending}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={ack.isPending} leftSection={<IconCheck size={16} />} data-autofocus>
              {t('eval.receipt.button')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The result first, as the employee looks for it: predikat, the two ratings, angka kredit. */
function ResultSummary({ detail }: { detail: EvaluationDetail }) {
  const { t, number } = useI18n();
  return (
    <Card withBorder padding="md" data-testid="result-summary">
      <Group gap="xl" align="center">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('eval.predikat.title')}
          </Text>
          <PredikatBadge predikat={detail.predikat} size="xl" />
        </Stack>
        <Stack gap={4}>
          <Fact label={t('eval.results.label')}>
            <JudgementBadge judgement={detail.resultsRating} />
          </Fact>
          <Fact label={t('eval.behaviour.label')}>
            <JudgementBadge judgement={detail.behaviourRating} />
          </Fact>
          {detail.angkaKredit !== null && (
            <Fact label={t('eval.angkaKredit')}>
              <Text span fw={700}>
                {number(detail.angkaKredit, 3)}
              </Text>
            </Fact>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/** The Capaian Kinerja Organisasi in force, and the spread of predikat it asks for. */
function OrgRatingCard({ detail }: { detail: EvaluationDetail }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm" data-testid="org-rating">
      <Group gap="sm" align="baseline">
        <Text fw={700} size="sm">
          {t('eval.orgRating')}:
        </Text>
        {detail.orgRating ? (
          <Badge miw="max-content" variant="light" color="indigo" size="lg">
            {t(orgRatingKeys[detail.orgRating])}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('eval.orgRating.none')}
          </Text>
        )}
      </Group>
      {detail.orgRating && detail.viewerRole !== 'pegawai' && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('eval.orgRating.pattern', { pattern: distributionPattern[detail.orgRating] })}
        </Text>
      )}
      {!detail.orgRating && detail.viewerRole === 'penilai' && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('eval.orgRating.noneHelp')}
        </Text>
      )}
    </Card>
  );
}

/** The annual evaluation shows every period of the year. */
function PeriodicSection({ detail }: { detail: EvaluationDetail }) {
  const { t, periodName } = useI18n();
  return (
    <section aria-labelledby="eval-periodic">
      <Title order={2} size="h4" mb="xs" id="eval-periodic">
        {t('eval.periodic.title')}
      </Title>
      {detail.periodic.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('eval.periodic.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped withTableBorder fz="sm" data-testid="periodic">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('eval.col.period')}</Table.Th>
                <Table.Th>{t('eval.col.status')}</Table.Th>
                <Table.Th>{t('eval.col.predikat')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.periodic.map((p) => (
                <Table.Tr key={p.period}>
                  <Table.Td>{periodName(p.period, p.periodLabel)}</Table.Td>
                  <Table.Td>
                    <EvalStatusBadge status={p.status} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <PredikatBadge predikat={detail.viewerRole === 'pegawai' && p.status !== 'final' ? null : p.predikat} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/penilaian/${detail.skpId}/${p.period}`} size="sm">
                      {t('eval.periodic.open')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {detail.periodic.length > 0 && (
        <Text size="sm" mt="xs" data-testid="periodic-summary">
          {t('eval.periodic.summary', {
            list:
              predikatOrder
                .map((p) => ({ p, n: detail.periodic.filter((x) => x.status === 'final' && x.predikat === p).length }))
                .filter((x) => x.n > 0)
                .map((x) => t('eval.periodic.count', { n: x.n, predikat: t(predikatKeys[x.p]) }))
                .join(', ') || t('eval.periodic.noneFinal'),
            open: detail.periodic.filter((x) => x.status !== 'final').length,
          })}
        </Text>
      )}
    </section>
  );
}

const predikatOrder = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
