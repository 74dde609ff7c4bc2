import { Alert, Anchor, Badge, Box, Breadcrumbs, Button, Card, Divider, Grid, Group, Loader, Modal, NumberInput, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconDeviceFloppy, IconLock, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { periodsOf } from '../../../shared/evaluation/periods';
import type { RealisasiRow } from '../../../shared/realisasi/commands';
import type { SkpDetail } from '../../../shared/skp/commands';
import type { CommandOutput } from '../../../shared/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { draftKey, loadDraft, useKeptDraft } from '../app/drafts';
import { EmptyState } from '../app/EmptyState';
import { LeaveGuard } from '../app/LeaveGuard';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { FeedbackThread } from '../feedback/FeedbackThread';
import { useI18n } from '../i18n/I18nProvider';
import { aspekKeys, notifySkpError, perspektifKeys } from '../skp/labels';
import { negativeRefusal } from '../../../shared/skp/commands';
import { EvidenceSection } from './EvidenceSection';
import { pickPeriod, realisasiStatusKeys, RealisasiStatusBadge, type RealisasiStatus } from './labels';
import { useChosenYear, useToday, useYears } from '../year/ui';

type Report = CommandOutput<'realisasi.get'>;

/** `/skp/:skpId/realisasi/:period`: one period's realisasi with evidence, and its feedback thread. */
export function RealisasiPage() {
  const { skpId = '', period = '' } = useParams();
  const report = useCommand('realisasi.get', { skpId, period });
  const skp = useCommand('skp.get', { skpId });
  // Reloading after a conflict starts the view anew from what is stored (values and versions).
  const [loaded, setLoaded] = useState(0);
  const reload = () => void report.refetch().then(() => setLoaded((n) => n + 1));
  return (
    <QueryState query={skp}>
      {(s) => (
        <QueryState query={report}>
          {(r) => <RealisasiView key={`${skpId}|${period}|${loaded}`} report={r} skp={s} reload={reload} />}
        </QueryState>
      )}
    </QueryState>
  );
}

/** `/skp/:skpId/realisasi`: opens the period that needs attention (see `pickPeriod`). */
export function RealisasiIndexPage() {
  const { t } = useI18n();
  const { skpId = '' } = useParams();
  const { search } = useLocation();
  const skp = useCommand('skp.get', { skpId });
  // The annual period always belongs to the plan: asking for it returns every period's status.
  const report = useCommand('realisasi.get', { skpId, period: 'tahunan' });
  const today = useToday();
  if (!today) return <Loader size="sm" aria-label={t('app.loading')} />;
  return (
    <QueryState query={skp}>
      {(s) => (
        <QueryState query={report}>
          {(r) => {
            const cadence = r.periods.some((p) => p.code.startsWith('Q')) ? 'triwulanan' : 'bulanan';
            const dates = new Map(periodsOf(s.year, cadence).map((p) => [p.code, p]));
            // The appraiser wants the latest report sent to them; the employee what is due next.
            const latestSent = s.viewerRole === 'pegawai' ? undefined : r.periods.filter((p) => p.status === 'diajukan').at(-1)?.code;
            const code =
              latestSent ??
              pickPeriod(
                r.periods.map((p) => ({ code: p.code, status: p.status, start: dates.get(p.code)?.start ?? '', end: dates.get(p.code)?.end ?? '' })),
                today,
              );
            return <Navigate replace to={`/skp/${skpId}/realisasi/${code ?? 'tahunan'}${search}`} />;
          }}
        </QueryState>
      )}
    </QueryState>
  );
}

/** `/realisasi` (navigation): the user's own plan in the running year. */
export function MyRealisasiPage() {
  const { t } = useI18n();
  // The year chosen on another page (Tahun Saya), else the running one.
  const years = useYears();
  const [open] = useChosenYear(years.data);
  const skps = useCommand('skp.list', { yearId: open?.id ?? '' }, { enabled: !!open });
  if (years.isPending || (open && skps.isPending)) return <Loader size="sm" aria-label={t('app.loading')} />;
  const skp = skps.data?.skps.find((s) => s.status === 'disetujui' || s.amending);
  if (skp) return <Navigate replace to={`/skp/${skp.id}/realisasi`} />;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.realisasi')}
      </Title>
      <EmptyState
        message={t('realisasi.noSkp')}
        action={
          <Anchor component={Link} to="/skp">
            {t('realisasi.openSkp')}
          </Anchor>
        }
      />
    </Stack>
  );
}

interface Entry {
  value: number | null;
  description: string;
  notes: string;
}

const entriesOf = (rows: RealisasiRow[]): Record<string, Entry> =>
  Object.fromEntries(rows.map((r) => [r.indicatorId, { value: r.value, description: r.description ?? '', notes: r.notes ?? '' }]));

/** A kept draft laid over the rows of the plan as it is now (indicators since removed are dropped); null when nothing differs. */
function restoredEntries(draft: Record<string, Entry> | null, rows: RealisasiRow[]): Record<string, Entry> | null {
  if (!draft) return null;
  const base = entriesOf(rows);
  const merged = Object.fromEntries(rows.map((r) => [r.indicatorId, draft[r.indicatorId] ?? base[r.indicatorId]!]));
  return rows.some((r) => !same(merged[r.indicatorId], base[r.indicatorId])) ? merged : null;
}

const same = (a: Entry | undefined, b: Entry | undefined) => a?.value === b?.value && a?.description === b?.description && a?.notes === b?.notes;

function RealisasiView({ report, skp, reload }: { report: Report; skp: SkpDetail; reload(): void }) {
  const { t, date, dateTime, periodName } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { user } = useAuth();
  // Unsaved input of this period survives a reload (app/drafts.ts); only while it can be edited.
  const keep = report.canEdit ? draftKey(user?.userId, 'realisasi', `${report.skpId}.${report.period}`) : null;
  const [restored, setRestored] = useState(() => restoredEntries(loadDraft<Record<string, Entry>>(keep), report.rows));
  const [entries, setEntries] = useState<Record<string, Entry>>(() => restored ?? entriesOf(report.rows));
  const [saved, setSaved] = useState<Record<string, Entry>>(() => entriesOf(report.rows));
  // The version of each indicator's realisasi this view read or last saved: a save sends it back,
  // so one made meanwhile in another tab or device is CONFLICT (with a reload), not overwritten.
  const [versions, setVersions] = useState<Record<string, number | null>>(() => Object.fromEntries(report.rows.map((r) => [r.indicatorId, r.version])));
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const withdraw = useCommandMutation('realisasi.withdraw', { invalidates: ['realisasi', 'reports', 'evaluation'] });
  const today = useToday();
  // The period's last day, to warn before sending a report of a period still running.
  const periodEnd = periodsOf(skp.year, report.periods.some((p) => p.code.startsWith('Q')) ? 'triwulanan' : 'bulanan').find((p) => p.code === report.period)?.end ?? null;
  const notEnded = !!today && !!periodEnd && today <= periodEnd;
  const save = useCommandMutation('realisasi.save', { invalidates: ['realisasi', 'reports'] });
  const submit = useCommandMutation('realisasi.submit', { invalidates: ['realisasi', 'reports', 'evaluation'] });
  const feedbackRef = useRef<HTMLElement>(null);
  const focusFeedback = params.get('fokus') === 'umpan-balik';
  useEffect(() => {
    if (focusFeedback) feedbackRef.current?.scrollIntoView({ block: 'start' });
  }, [focusFeedback]);

  const owner = skp.viewerRole === 'pegawai';
  const canEdit = report.canEdit;
  const dirty = report.rows.some((r) => !same(entries[r.indicatorId], saved[r.indicatorId]));
  useKeptDraft(keep, entries, canEdit && dirty);
  const isFilled = (e: Entry | undefined) => !!e && (report.approach === 'kuantitatif' ? e.value !== null : e.description.trim() !== '');
  const filled = report.rows.filter((r) => isFilled(entries[r.indicatorId])).length;
  const appraiser = skp.header.appraiser?.name ?? t('realisasi.appraiserUnknown');
  const periodLabel = periodName(report.period, report.periodLabel);
  const title = owner ? t('realisasi.title', { period: periodLabel }) : t('realisasi.titleOf', { period: periodLabel, name: report.employeeName });

  const set = (indicatorId: string, patch: Partial<Entry>) => setEntries((all) => ({ ...all, [indicatorId]: { ...all[indicatorId]!, ...patch } }));
  const payload = () =>
    report.rows.map((r) => {
      const e = entries[r.indicatorId]!;
      return { indicatorId: r.indicatorId, version: versions[r.indicatorId] ?? null, value: e.value, description: e.description.trim() || null, notes: e.notes.trim() || null };
    });

  /** Saves the draft; resolves true when saved. */
  const saveDraft = (quiet = false) =>
    new Promise<boolean>((resolve) => {
      const snapshot = entries;
      save.mutate(
        { skpId: report.skpId, period: report.period, entries: payload() },
        {
          onSuccess: (result) => {
            setSaved(snapshot);
            setVersions((v) => ({ ...v, ...Object.fromEntries(result.rows.map((r) => [r.indicatorId, r.version])) }));
            if (!quiet) notifySuccess(t('realisasi.saved', { period: periodLabel }));
            resolve(true);
          },
          onError: (err) => {
            notifySkpError(err, t, reload);
            resolve(false);
          },
        },
      );
    });

  const send = async () => {
    if (dirty && !(await saveDraft(true))) return;
    submit.mutate(
      { skpId: report.skpId, period: report.period },
      {
        onSuccess: () => {
          setConfirmSubmit(false);
          notifySuccess(t('realisasi.submitted', { period: periodLabel }));
        },
        onError: (err) => {
          setConfirmSubmit(false);
          notifySkpError(err, t, reload);
        },
      },
    );
  };

  const goTo = (code: string) => navigate(`/skp/${report.skpId}/realisasi/${code}`);
  const rhkGroups = groupByRhk(report.rows);

  return (
    <Stack gap="lg" pb={canEdit ? 80 : 0}>
      <LeaveGuard when={canEdit && dirty} onSave={() => saveDraft(true)} />
      <Breadcrumbs>
        <Anchor component={Link} to={owner ? '/skp' : '/umpan-balik'}>
          {owner ? t('skp.mine.title') : t('nav.feedback')}
        </Anchor>
        <Anchor component={Link} to={`/skp/${skp.id}`}>
          {owner ? t('skp.titleYear', { year: skp.year }) : t('skp.titleOf', { year: skp.year, name: skp.employeeName })}
        </Anchor>
        <Text size="sm">{t('realisasi.crumbRealisasi')}</Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {title}
            </Title>
            <RealisasiStatusBadge status={report.status} size="lg" />
          </Group>
          {owner && canEdit && (
            <Text size="sm" c="dimmed" maw={760}>
              {t('realisasi.intro')}
            </Text>
          )}
        </div>
        <Select
          label={t('realisasi.period')}
          w={260}
          allowDeselect={false}
          value={report.period}
          data={report.periods.map((p) => ({ value: p.code, label: t('realisasi.periodOption', { period: periodName(p.code, p.label), status: t(realisasiStatusKeys[p.status]) }) }))}
          renderOption={({ option }) => {
            const p = report.periods.find((x) => x.code === option.value)!;
            return (
              <Group justify="space-between" wrap="nowrap" w="100%">
                <Text size="sm">{periodName(p.code, p.label)}</Text>
                <RealisasiStatusBadge status={p.status as RealisasiStatus} size="xs" />
              </Group>
            );
          }}
          onChange={(code) => {
            // Unsaved input: the LeaveGuard below asks before the other period opens.
            if (code && code !== report.period) goTo(code);
          }}
        />
      </Group>

      {report.status === 'diajukan' && !report.locked && (
        <Alert color="teal" icon={<IconCheck />} data-testid="realisasi-sent">
          {owner ? (
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('realisasi.sentAtOwner', { date: dateTime(report.submittedAt) })}</Text>
              <Button size="xs" variant="light" color="gray" leftSection={<IconArrowBackUp size={14} />} onClick={() => setConfirmWithdraw(true)}>
                {t('realisasi.withdraw')}
              </Button>
            </Group>
          ) : (
            t('realisasi.sentAt', { date: dateTime(report.submittedAt) })
          )}
        </Alert>
      )}
      {restored && canEdit && dirty && (
        <Alert color="yellow" data-testid="draft-restored">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('draft.restored')}</Text>
            <Button
              size="xs"
              variant="light"
              color="gray"
              onClick={() => {
                setEntries(saved);
                setRestored(null);
              }}
            >
              {t('draft.discard')}
            </Button>
          </Group>
        </Alert>
      )}
      {report.locked && (
        <Alert color="gray" icon={<IconLock />}>
          {t('realisasi.locked')}
        </Alert>
      )}
      {owner && !canEdit && report.status !== 'diajukan' && !report.locked && (
        <Alert color="yellow">{skp.approvedVersion > 0 ? t('realisasi.yearClosed') : t('realisasi.notApproved')}</Alert>
      )}
      {!owner && (
        <Alert color="blue">
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {skp.viewerRole === 'penilai' ? t('realisasi.viewOnly', { name: report.employeeName }) : t('realisasi.viewOnlyOther', { name: report.employeeName })}
            </Text>
            {skp.viewerRole === 'penilai' && (
              <Button component={Link} to={`/penilaian/${report.skpId}/${report.period}`} size="xs" variant="light">
                {t('realisasi.openEvaluation')}
              </Button>
            )}
          </Group>
        </Alert>
      )}

      {report.rows.length === 0 ? (
        <EmptyState message={t('realisasi.noRows')} />
      ) : (
        rhkGroups.map((g) => (
          <Card withBorder key={g.rhkId} component="section" aria-label={g.rhkText} data-testid="realisasi-rhk">
            <Group gap="xs" mb="sm" wrap="nowrap" align="flex-start">
              <Badge variant="light" color={g.rhkKind === 'utama' ? 'blue' : 'gray'} style={{ flexShrink: 0 }}>
                {t(g.rhkKind === 'utama' ? 'skp.rhk.utama' : 'skp.rhk.tambahan')}
              </Badge>
              <Title order={2} size="h5">
                {g.rhkText}
              </Title>
            </Group>
            <Stack gap="md">
              {g.rows.map((row, n) => (
                <Box key={row.indicatorId}>
                  {n > 0 && <Divider mb="md" />}
                  <IndicatorBlock
                    row={row}
                    approach={report.approach}
                    entry={entries[row.indicatorId]!}
                    canEdit={canEdit}
                    onChange={(patch) => set(row.indicatorId, patch)}
                    skpId={report.skpId}
                    period={report.period}
                    reload={reload}
                  />
                </Box>
              ))}
            </Stack>
          </Card>
        ))
      )}

      {/* Evidence sent without choosing an indicator: shown to whoever sees the rows, so none is lost. */}
      {(report.generalEvidence.length > 0 || canEdit) && (
        <Card withBorder component="section" aria-label={t('evidence.general.title')}>
          <EvidenceSection
            skpId={report.skpId}
            period={report.period}
            indicatorId={null}
            forText={t('evidence.forGeneral', { period: periodLabel })}
            evidence={report.generalEvidence}
            canEdit={canEdit}
            reload={reload}
            general={{
              title: t('evidence.general.title'),
              help: t('evidence.general.help', { period: periodLabel }),
              none: t('evidence.general.none'),
              add: t('evidence.general.add'),
            }}
          />
        </Card>
      )}

      {/* Recorded on indicators an approved amendment removed: kept in view so nothing vanishes, values read-only, evidence removable by the owner while a draft. */}
      {report.removedIndicators.length > 0 && (
        <Card withBorder component="section" aria-labelledby="removed-indicators-title" data-testid="removed-indicators">
          <Stack gap="sm">
            <Group gap="xs">
              <Title order={2} size="h4" id="removed-indicators-title">
                {t('realisasi.removed.title')}
              </Title>
              <Badge color="gray" variant="light">
                {t('realisasi.removed.badge')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {canEdit ? t('realisasi.removed.helpEdit', { period: periodLabel }) : t('realisasi.removed.help', { period: periodLabel })}
            </Text>
            {report.removedIndicators.map((row, n) => (
              <Box key={row.indicatorId}>
                {n > 0 && <Divider mb="md" />}
                {row.rhkText && (
                  <Text size="xs" c="dimmed" mb={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {t('realisasi.removed.rhk', { text: row.rhkText })}
                  </Text>
                )}
                <IndicatorBlock
                  row={row}
                  approach={report.approach}
                  entry={{ value: row.value, description: row.description ?? '', notes: row.notes ?? '' }}
                  canEdit={canEdit}
                  removed
                  onChange={() => undefined}
                  skpId={report.skpId}
                  period={report.period}
                  reload={reload}
                />
              </Box>
            ))}
          </Stack>
        </Card>
      )}

      <section ref={feedbackRef} id="umpan-balik" aria-labelledby="feedback-title" style={{ scrollMarginTop: 70 }}>
        <Title order={2} size="h3" id="feedback-title" mb="sm">
          {t('realisasi.feedbackTitle', { period: periodLabel })}
        </Title>
        <FeedbackThread
          skpId={report.skpId}
          period={report.period}
          viewer={skp.viewerRole}
          rhk={rhkGroups.map((g) => ({ id: g.rhkId, kind: g.rhkKind, text: g.rhkText }))}
        />
      </section>

      {canEdit && report.rows.length > 0 && (
        <Paper
          withBorder
          shadow="md"
          p="sm"
          style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
          data-testid="realisasi-actions"
        >
          <Group justify="space-between">
            <div>
              <Text size="sm" fw={600}>
                {t('realisasi.progress', { filled, total: report.rows.length })}
              </Text>
              <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'} role="status" aria-live="polite">
                {dirty ? t('realisasi.unsaved') : t('realisasi.allSaved')}
              </Text>
            </div>
            <Group gap="xs">
              <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending && !confirmSubmit} onClick={() => void saveDraft()} disabled={!dirty}>
                {t('realisasi.saveDraft')}
              </Button>
              <Button leftSection={<IconSend size={16} />} onClick={() => setConfirmSubmit(true)}>
                {t('realisasi.submit')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      {confirmSubmit && (
        <Modal opened onClose={() => setConfirmSubmit(false)} title={t('realisasi.submitTitle', { period: periodLabel })} size="lg">
          <Stack>
            <Text size="sm">{t('realisasi.submitHelp', { name: appraiser })}</Text>
            {notEnded && (
              <Alert color="yellow" data-testid="period-not-ended">
                {t('realisasi.notEnded', { period: periodLabel, date: date(periodEnd) })}
              </Alert>
            )}
            <Alert color="orange" icon={<IconLock />}>
              {t('realisasi.submitFinal')}
            </Alert>
            {filled === 0 ? (
              <Alert color="red" role="alert">
                {t('realisasi.submitNothing')}
              </Alert>
            ) : (
              filled < report.rows.length && <Alert color="yellow">{t('realisasi.submitMissing', { count: report.rows.length - filled })}</Alert>
            )}
            {dirty && (
              <Text size="sm" c="dimmed">
                {t('realisasi.submitUnsaved')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmSubmit(false)} data-autofocus>
                {t('app.cancel')}
              </Button>
              <Button leftSection={<IconSend size={16} />} loading={save.isPending || submit.isPending} disabled={filled === 0} onClick={() => void send()}>
                {t('realisasi.submit')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}

      {confirmWithdraw && (
        <Modal opened onClose={() => setConfirmWithdraw(false)} title={t('realisasi.withdrawTitle', { period: periodLabel })}>
          <Stack>
            <Text size="sm">{t('realisasi.withdrawHelp')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmWithdraw(false)} data-autofocus>
                {t('app.cancel')}
              </Button>
              <Button
                leftSection={<IconArrowBackUp size={16} />}
                loading={withdraw.isPending}
                onClick={() =>
                  withdraw.mutate(
                    { skpId: report.skpId, period: report.period },
                    {
                      onSuccess: () => {
                        setConfirmWithdraw(false);
                        notifySuccess(t('realisasi.withdrawn', { period: periodLabel }));
                      },
                      onError: (err) => {
                        setConfirmWithdraw(false);
                        notifySkpError(err, t, reload);
                      },
                    },
                  )
                }
              >
                {t('realisasi.withdraw')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

function groupByRhk(rows: RealisasiRow[]) {
  const groups: { rhkId: string; rhkKind: RealisasiRow['rhkKind']; rhkText: string; rows: RealisasiRow[] }[] = [];
  for (const r of rows) {
    const g = groups.find((x) => x.rhkId === r.rhkId);
    if (g) g.rows.push(r);
    else groups.push({ rhkId: r.rhkId, rhkKind: r.rhkKind, rhkText: r.rhkText, rows: [r] });
  }
  return groups;
}

function IndicatorBlock({
  row,
  approach,
  entry,
  canEdit,
  removed = false,
  onChange,
  skpId,
  period,
  reload,
}: {
  row: Omit<RealisasiRow, 'rhkId' | 'rhkKind' | 'rhkText'>;
  approach: 'kuantitatif' | 'kualitatif';
  entry: Entry;
  canEdit: boolean;
  /** An indicator an approved amendment removed: values read-only, evidence only removable. */
  removed?: boolean;
  onChange(patch: Partial<Entry>): void;
  skpId: string;
  period: string;
  reload(): void;
}) {
  const { t, lang, number } = useI18n();
  const label = row.aspek ? t(aspekKeys[row.aspek]) : row.perspektif ? t(perspektifKeys[row.perspektif]) : null;
  return (
    <Box data-testid="realisasi-indicator">
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap={4}>
          {label && (
            <Badge size="xs" variant="outline" color="gray">
              {label}
            </Badge>
          )}
          <Text size="sm" fw={600}>
            {row.indicatorText}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('realisasi.target')}:{' '}
            </Text>
            {row.targetLabel}
          </Text>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="sm">
          {canEdit && !removed ? (
            <>
              {approach === 'kuantitatif' ? (
                <NumberInput
                  label={t('realisasi.value')}
                  description={t('realisasi.valueHelp')}
                  aria-description={t('realisasi.indicatorOf', { text: row.indicatorText })}
                  value={entry.value ?? ''}
                  onChange={(v) => onChange({ value: v === '' || v === null ? null : Number(v) })}
                  // Below zero means nothing for an aspect (realisasi.save refuses it too); a kept draft may still hold one.
                  allowNegative={!row.aspek}
                  error={negativeRefusal(row.aspek, entry.value) ?? undefined}
                  decimalSeparator={lang === 'id' ? ',' : '.'}
                  thousandSeparator={lang === 'id' ? '.' : ','}
                  allowedDecimalSeparators={[',', '.']}
                  decimalScale={2}
                  hideControls
                  maw={360}
                />
              ) : (
                <Textarea
                  label={t('realisasi.description')}
                  description={t('realisasi.descriptionHelp')}
                  aria-description={t('realisasi.indicatorOf', { text: row.indicatorText })}
                  autosize
                  minRows={2}
                  maxLength={4000}
                  value={entry.description}
                  onChange={(e) => onChange({ description: e.currentTarget.value })}
                />
              )}
              <Textarea
                label={t('realisasi.notes')}
                description={t('realisasi.notesHelp')}
                aria-description={t('realisasi.indicatorOf', { text: row.indicatorText })}
                autosize
                minRows={1}
                maxLength={4000}
                value={entry.notes}
                onChange={(e) => onChange({ notes: e.currentTarget.value })}
              />
            </>
          ) : (
            <Stack gap={6}>
              <div>
                <Text size="xs" c="dimmed">
                  {approach === 'kuantitatif' ? t('realisasi.value') : t('realisasi.description')}
                </Text>
                {(approach === 'kuantitatif' ? row.value !== null : !!row.description) ? (
                  <Text size="sm" fw={approach === 'kuantitatif' ? 700 : 400} style={{ whiteSpace: 'pre-wrap' }} data-testid="realisasi-value">
                    {approach === 'kuantitatif' ? number(row.value) : row.description}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed" data-testid="realisasi-value">
                    {t('realisasi.notFilled')}
                  </Text>
                )}
              </div>
              {row.notes && (
                <div>
                  <Text size="xs" c="dimmed">
                    {t('realisasi.notes')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {row.notes}
                  </Text>
                </div>
              )}
            </Stack>
          )}
          <EvidenceSection
            skpId={skpId}
            period={period}
            indicatorId={row.indicatorId}
            forText={t('evidence.for', { text: row.indicatorText })}
            evidence={row.evidence}
            canEdit={canEdit}
            canAdd={!removed}
            reload={reload}
          />
        </Stack>
      </Grid.Col>
    </Grid>
    </Box>
  );
}
