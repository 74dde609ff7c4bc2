import { Alert, Badge, Button, Card, Group, Modal, Radio, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { angkaKreditFromCoefficient } from '../../../shared/evaluation/angka-kredit';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import { predikatOf, resultsRatingRefusal, type Rating } from '../../../shared/evaluation/predikat';
import { perilakuValues } from '../../../shared/skp/perilaku';
import { useCommandMutation } from '../api/hooks';
import { asAppError, notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { notifySkpError } from '../skp/labels';
import { evaluationReads } from './EvaluationListPage';
import { EvidenceList, Fact, FeedbackList, JudgementBadge, PredikatMatrix, RealisasiTable } from './parts';
import { PredikatBadge, ratingKeys, ratingOrder } from './ui';
import { LeaveGuard } from '../app/LeaveGuard';

interface Draft {
  rhk: Record<string, { judgement: Rating | null; note: string }>;
  results: Rating | null;
  behaviour: Rating | null;
  notes: string;
}

function draftOf(d: EvaluationDetail): Draft {
  return {
    rhk: Object.fromEntries(d.rhk.map((r) => [r.rhkId, { judgement: r.judgement, note: r.note ?? '' }])),
    results: d.resultsRating,
    behaviour: d.behaviourRating,
    notes: d.notes ?? '',
  };
}

function same(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * RHK with target against realisasi and the feedback so far, a judgement per RHK, the two ratings
 * with the predikat they make, notes, angka kredit; Save and lock. Read only unless `can.edit`; the
 * employee sees judgements and ratings only once the evaluation is final.
 */
export function EvaluationBody({ detail, reload }: { detail: EvaluationDetail; reload(): void }) {
  const { t, number, periodName } = useI18n();
  const editable = detail.can.edit;
  // The backend leaves the appraiser's draft out for the employee (withheld); nothing to show then.
  const showResults = !detail.withheld;
  const initial = useMemo(() => draftOf(detail), [detail]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [serverError, setServerError] = useState<string | null>(null);
  const [locking, setLocking] = useState(false);
  const refusals = useRef<string[]>([]);
  const dirty = !same(draft, initial);
  const save = useCommandMutation('evaluation.save', { invalidates: evaluationReads });
  const finalize = useCommandMutation('evaluation.finalize', { invalidates: evaluationReads });
  const busy = save.isPending || finalize.isPending;

  const kinds = new Map(detail.rhk.map((r) => [r.rhkId, r.kind]));
  const judged = detail.rhk.flatMap((r) => {
    const j = draft.rhk[r.rhkId]?.judgement;
    return j ? [{ kind: r.kind, judgement: j }] : [];
  });
  const liveRefusal = draft.results ? resultsRatingRefusal(draft.results, judged) : null;
  const preview = draft.results && draft.behaviour ? predikatOf(draft.results, draft.behaviour) : null;
  const periodLabels = detail.period === 'tahunan' ? new Map(detail.periodic.map((p) => [p.period, periodName(p.period, p.periodLabel)])) : null;
  // The predikat being chosen previews its angka kredit from the level's coefficient, as the save will compute it.
  const basis = detail.angkaKreditBasis;
  const angkaKredit = basis && preview ? angkaKreditFromCoefficient(preview, basis.coefficient, basis.months) : detail.angkaKredit;

  const setRhk = (rhkId: string, patch: Partial<Draft['rhk'][string]>) => {
    // The backend's refusal was about the judgements as they were; a new judgement asks again.
    if (patch.judgement) setServerError(null);
    setDraft((d) => ({ ...d, rhk: { ...d.rhk, [rhkId]: { ...(d.rhk[rhkId] ?? { judgement: null, note: '' }), ...patch } } }));
  };

  const payload = () => ({
    skpId: detail.skpId,
    period: detail.period,
    // The version this screen read (null: no evaluation yet); a save elsewhere meanwhile is CONFLICT.
    version: detail.version,
    rhk: Object.entries(draft.rhk)
      .filter(([id, v]) => v.judgement && kinds.has(id))
      .map(([rhkId, v]) => ({ rhkId, judgement: v.judgement!, note: v.note.trim() || null })),
    resultsRating: draft.results,
    behaviourRating: draft.behaviour,
    notes: draft.notes.trim() || null,
  });

  const failed = (err: unknown) => {
    const e = asAppError(err);
    if (e.code === 'CONFLICT') {
      notifySkpError(e, t, reload);
      return;
    }
    if (e.fields?.resultsRating) setServerError(e.fields.resultsRating);
    const id = `evaluation-refused-${Date.now()}`;
    refusals.current.push(id);
    notifications.show({ id, color: 'red', title: t(`error.${e.code}`), message: e.message, autoClose: 8000 });
  };
  /** A refusal is stale once the evaluation saves. */
  const cleared = () => refusals.current.splice(0).forEach((id) => notifications.hide(id));

  const doSave = async () => {
    setServerError(null);
    try {
      const r = await save.mutateAsync(payload());
      cleared();
      notifySuccess(r.predikat ? t('eval.saved', { predikat: t(`eval.predikat.${r.predikat}`) }) : t('eval.savedDraft'));
    } catch (err) {
      failed(err);
    }
  };

  const doLock = async () => {
    setServerError(null);
    try {
      let ref = detail.id && detail.version !== null ? { evaluationId: detail.id, version: detail.version } : null;
      if (dirty || !ref) {
        const r = await save.mutateAsync(payload());
        ref = { evaluationId: r.evaluationId, version: r.version };
      }
      await finalize.mutateAsync(ref);
      cleared();
      notifySuccess(t('eval.locked', { name: detail.employeeName, period: periodName(detail.period, detail.periodLabel) }));
      setLocking(false);
    } catch (err) {
      setLocking(false);
      failed(err);
    }
  };

  const counts = (kind: 'utama' | 'tambahan') => {
    const list = detail.rhk.filter((r) => r.kind === kind).map((r) => draft.rhk[r.rhkId]?.judgement ?? null);
    return {
      total: list.length,
      diatas: list.filter((j) => j === 'diatas').length,
      sesuai: list.filter((j) => j === 'sesuai').length,
      dibawah: list.filter((j) => j === 'dibawah').length,
      none: list.filter((j) => j === null).length,
    };
  };

  const groups = [
    { kind: 'utama' as const, title: t('eval.rhk.utama'), items: detail.rhk.filter((r) => r.kind === 'utama') },
    { kind: 'tambahan' as const, title: t('eval.rhk.tambahan'), items: detail.rhk.filter((r) => r.kind === 'tambahan') },
  ].filter((g) => g.items.length > 0);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (editable) void doSave();
      }}
      onKeyDown={(e) => {
        if (editable && e.key.toLowerCase() === 's' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void doSave();
        }
      }}
    >
      <LeaveGuard when={editable && dirty} message={t('eval.leaveConfirm')} />
      <Stack gap="lg">
        <section aria-labelledby="eval-rhk">
          <Title order={2} size="h4" mb={4} id="eval-rhk">
            {t('eval.rhk.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {editable ? t('eval.rhk.helpEdit') : t('eval.rhk.help')}
          </Text>
          {detail.period === 'tahunan' && detail.rhk.every((r) => r.indicators.every((i) => i.value === null && !i.description)) && (
            <Alert color="blue" mb="sm" data-testid="annual-no-realisasi">
              {t('eval.rhk.annualNoRealisasi')}
            </Alert>
          )}
          {detail.rhk.length === 0 ? (
            <Alert color="yellow">{t('eval.rhk.none')}</Alert>
          ) : (
            <Stack>
              {groups.map((g) => (
                <Stack key={g.kind} gap="sm" data-testid={`eval-group-${g.kind}`}>
                  <Text fw={700}>{g.title}</Text>
                  {g.items.map((r, n) => {
                    const v = draft.rhk[r.rhkId] ?? { judgement: null, note: '' };
                    return (
                      <Card withBorder key={r.rhkId} data-testid="eval-rhk" aria-label={`${g.title} ${n + 1}`}>
                        <Stack gap="sm">
                          <Text fw={600} style={{ whiteSpace: 'pre-wrap' }}>
                            {n + 1}. {r.text}
                          </Text>
                          <RealisasiTable indicators={r.indicators} />
                          <div>
                            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
                              {t('eval.feedback.title')}
                            </Text>
                            <FeedbackList items={r.feedback} periodLabels={periodLabels} empty={t('eval.feedback.none')} />
                          </div>
                          {showResults &&
                            (editable ? (
                              <SimpleGrid cols={{ base: 1, md: 2 }}>
                                <Radio.Group
                                  label={t('eval.judgement.label')}
                                  value={v.judgement ?? ''}
                                  onChange={(val) => setRhk(r.rhkId, { judgement: val as Rating })}
                                  name={`judgement-${r.rhkId}`}
                                >
                                  <Stack gap={6} mt={6}>
                                    {ratingOrder.map((o) => (
                                      <Radio key={o} value={o} label={t(ratingKeys[o])} disabled={busy} />
                                    ))}
                                  </Stack>
                                </Radio.Group>
                                <Textarea
                                  label={t('eval.judgement.note')}
                                  placeholder={t('eval.judgement.notePlaceholder')}
                                  autosize
                                  minRows={3}
                                  maxLength={2000}
                                  value={v.note}
                                  disabled={busy}
                                  onChange={(e) => setRhk(r.rhkId, { note: e.currentTarget.value })}
                                />
                              </SimpleGrid>
                            ) : (
                              <Group gap="sm" align="flex-start">
                                <Text size="sm" c="dimmed">
                                  {t('eval.judgement.label')}:
                                </Text>
                                <JudgementBadge judgement={r.judgement} />
                                {r.note && (
                                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', flex: 1 }}>
                                    {r.note}
                                  </Text>
                                )}
                              </Group>
                            ))}
                        </Stack>
                      </Card>
                    );
                  })}
                </Stack>
              ))}
            </Stack>
          )}
          {detail.generalEvidence.length > 0 && (
            <Card withBorder mt="sm" data-testid="eval-general-evidence">
              <Text fw={600} size="sm">
                {t('eval.evidence.general')}
              </Text>
              <Text size="xs" c="dimmed" mb={6}>
                {t('eval.evidence.generalHelp')}
              </Text>
              <EvidenceList items={detail.generalEvidence} />
            </Card>
          )}
          {/* Recorded on indicators an approved amendment removed: shown so nothing vanishes, never judged. */}
          {detail.removedIndicators.length > 0 && (
            <Card withBorder mt="sm" data-testid="eval-removed-indicators">
              <Text fw={600} size="sm">
                {t('eval.removed.title')}
              </Text>
              <Text size="xs" c="dimmed" mb={6}>
                {t('eval.removed.help')}
              </Text>
              <Stack gap="xs">
                {[...new Set(detail.removedIndicators.map((i) => i.rhkText))].map((rhkText) => (
                  <div key={rhkText ?? ''}>
                    {rhkText && (
                      <Text size="xs" c="dimmed" mb={4} style={{ whiteSpace: 'pre-wrap' }}>
                        {t('eval.removed.rhk', { text: rhkText })}
                      </Text>
                    )}
                    <RealisasiTable indicators={detail.removedIndicators.filter((i) => i.rhkText === rhkText).map(({ rhkText: _r, ...rest }) => rest)} />
                  </div>
                ))}
              </Stack>
            </Card>
          )}
        </section>

        <section aria-labelledby="eval-perilaku">
          <Title order={2} size="h4" mb={4} id="eval-perilaku">
            {t('eval.perilaku.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('eval.perilaku.help')}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} data-testid="perilaku">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={180}>{t('eval.perilaku.value')}</Table.Th>
                  <Table.Th w={260}>{t('eval.perilaku.expectation')}</Table.Th>
                  <Table.Th>{t('eval.feedback.title')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.perilaku.map((p) => (
                  <Table.Tr key={p.valueCode}>
                    <Table.Td fw={600}>{perilakuValues.find((v) => v.code === p.valueCode)?.name ?? p.valueCode}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={p.expectation ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                        {p.expectation ?? t('eval.perilaku.noExpectation')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <FeedbackList items={p.feedback} periodLabels={periodLabels} empty={t('eval.feedback.none')} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>

        {showResults && (
          <section aria-labelledby="eval-ratings">
            <Title order={2} size="h4" mb="xs" id="eval-ratings">
              {t('eval.ratings.title')}
            </Title>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <Stack>
                {editable ? (
                  <>
                    <Card withBorder>
                      <Radio.Group
                        label={t('eval.results.label')}
                        description={t('eval.results.rule')}
                        value={draft.results ?? ''}
                        onChange={(val) => {
                          setServerError(null);
                          setDraft((d) => ({ ...d, results: val as Rating }));
                        }}
                        error={serverError ?? liveRefusal ?? undefined}
                        name="resultsRating"
                      >
                        <Stack gap={6} mt={8}>
                          {ratingOrder.map((o) => (
                            <Radio key={o} value={o} label={t(ratingKeys[o])} disabled={busy} />
                          ))}
                        </Stack>
                      </Radio.Group>
                      <Text size="xs" c="dimmed" mt="sm" data-testid="judgement-summary">
                        {(['utama', 'tambahan'] as const)
                          .map((k) => ({ k, c: counts(k) }))
                          .filter(({ c }) => c.total > 0)
                          .map(({ k, c }) => t(k === 'utama' ? 'eval.summary.utama' : 'eval.summary.tambahan', { ...c }))
                          .join(' ')}
                      </Text>
                    </Card>
                    <Card withBorder>
                      <Radio.Group
                        label={t('eval.behaviour.label')}
                        description={t('eval.behaviour.help')}
                        value={draft.behaviour ?? ''}
                        onChange={(val) => setDraft((d) => ({ ...d, behaviour: val as Rating }))}
                        name="behaviourRating"
                      >
                        <Stack gap={6} mt={8}>
                          {ratingOrder.map((o) => (
                            <Radio key={o} value={o} label={t(ratingKeys[o])} disabled={busy} />
                          ))}
                        </Stack>
                      </Radio.Group>
                    </Card>
                    <Textarea
                      label={t('eval.notes.label')}
                      description={t('eval.notes.help')}
                      autosize
                      minRows={3}
                      maxLength={4000}
                      value={draft.notes}
                      disabled={busy}
                      onChange={(e) => {
                        const notes = e.currentTarget.value;
                        setDraft((d) => ({ ...d, notes }));
                      }}
                    />
                  </>
                ) : (
                  <Card withBorder>
                    <Stack gap="xs">
                      <Fact label={t('eval.results.label')}>
                        <JudgementBadge judgement={detail.resultsRating} />
                      </Fact>
                      <Fact label={t('eval.behaviour.label')}>
                        <JudgementBadge judgement={detail.behaviourRating} />
                      </Fact>
                      <div>
                        <Text size="sm" c="dimmed">
                          {t('eval.notes.label')}:
                        </Text>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="eval-notes">
                          {detail.notes || '-'}
                        </Text>
                      </div>
                    </Stack>
                  </Card>
                )}
              </Stack>
              <Card withBorder data-testid="predikat-card">
                <Stack gap="sm">
                  <Text fw={700}>{t('eval.predikat.title')}</Text>
                  <Group gap="sm">
                    <PredikatBadge predikat={editable ? preview : detail.predikat} size="xl" />
                    {editable && dirty && preview && (
                      <Badge miw="max-content" color="gray" variant="outline">
                        {t('eval.predikat.preview')}
                      </Badge>
                    )}
                  </Group>
                  {editable && !preview && (
                    <Text size="sm" c="dimmed">
                      {t('eval.predikat.pick')}
                    </Text>
                  )}
                  <PredikatMatrix results={editable ? draft.results : detail.resultsRating} behaviour={editable ? draft.behaviour : detail.behaviourRating} />
                  {angkaKredit !== null && (
                    <div data-testid="angka-kredit">
                      <Fact label={t('eval.angkaKredit')}>
                        <Text fw={700} span>
                          {number(angkaKredit, 3)}
                        </Text>
                      </Fact>
                      <Text size="xs" c="dimmed">
                        {t('eval.angkaKredit.help')}
                        {editable && dirty ? ` ${t('eval.angkaKredit.preview')}` : ''}
                      </Text>
                    </div>
                  )}
                </Stack>
              </Card>
            </SimpleGrid>
          </section>
        )}

        {editable && (
          <Card
            withBorder
            shadow="sm"
            padding="sm"
            style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
            data-testid="eval-actions"
          >
            <Group justify="space-between">
              <Group gap={6}>
                <IconInfoCircle size={16} aria-hidden />
                <Text size="sm" c={dirty ? 'orange' : 'dimmed'}>
                  {dirty ? t('eval.unsaved') : detail.status === 'draf' ? t('eval.savedState') : t('eval.notStarted')}
                </Text>
              </Group>
              <Group gap="xs">
                <Button type="submit" variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending && !locking} disabled={busy || !dirty}>
                  {t('app.save')}
                </Button>
                <Button
                  color="orange"
                  leftSection={<IconLock size={16} />}
                  disabled={busy || !draft.results || !draft.behaviour}
                  title={!draft.results || !draft.behaviour ? t('eval.lock.needRatings') : undefined}
                  onClick={() => setLocking(true)}
                >
                  {t('eval.lock.button')}
                </Button>
              </Group>
            </Group>
          </Card>
        )}
      </Stack>
      {locking && (
        <Modal opened onClose={busy ? () => undefined : () => setLocking(false)} title={t('eval.lock.title')}>
          <Stack>
            <Alert color="orange" icon={<IconLock />}>
              {t('eval.lock.warning')}
            </Alert>
            <Text size="sm">
              {t('eval.lock.summary', { name: detail.employeeName, period: periodName(detail.period, detail.periodLabel) })}{' '}
              {preview && <PredikatBadge predikat={preview} size="sm" />}
            </Text>
            {dirty && <Text size="sm">{t('eval.lock.savesFirst')}</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setLocking(false)} disabled={busy} data-autofocus>
                {t('app.cancel')}
              </Button>
              <Button color="orange" leftSection={<IconLock size={16} />} loading={busy} onClick={() => void doLock()}>
                {t('eval.lock.confirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </form>
  );
}
