import { Alert, Radio, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Appeal } from '../../../shared/appeal/commands';
import { predikatOf, ratings, type Rating } from '../../../shared/evaluation/predikat';
import { draftKey } from '../app/drafts';
import { FormModal } from '../app/FormModal';
import { notifySuccess } from '../app/notify';
import { useCommandForm } from '../app/useCommandForm';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { predikatKeys, ratingKeys } from './labels';
import { Quote, Ratings } from './parts';

/** An explanation to the Atasan Pejabat Penilai, by the appraiser or the employee; kept as a draft until sent. */
export function ExplainModal({ appeal, current, reload, onClose }: { appeal: Appeal; current: string | null; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const f = useCommandForm('appeal.explain', {
    initialValues: { explanation: current ?? '' },
    invalidates: ['appeal', 'reports'],
    toInput: (v) => ({ appealId: appeal.id, version: appeal.version, explanation: v.explanation }),
    draft: { key: draftKey(user?.userId, 'penjelasan-keberatan', appeal.id), fields: ['explanation'] },
    reload,
    onFailed: onClose,
    onSuccess: () => {
      notifySuccess(t('appeal.explained'));
      onClose();
    },
  });
  return (
    <FormModal title={t('appeal.explainTitle')} onClose={onClose} form={f} submitLabel={t('appeal.explainSave')}>
      <Text size="sm">{t(appeal.viewerSide === 'penilai' ? 'appeal.explainHelp.penilai' : 'appeal.explainHelp.pegawai')}</Text>
      <Quote title={t('appeal.reasons')} body={appeal.reasons} />
      <Textarea label={t('appeal.explanation')} autosize minRows={5} maxLength={8000} {...f.form.getInputProps('explanation')} required data-autofocus />
    </FormModal>
  );
}

/** The atasan's final decision: keep, or change the ratings (the predikat follows the matrix), always with a reason. */
export function DecideModal({ appeal, reload, onClose }: { appeal: Appeal; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const f = useCommandForm('appeal.decide', {
    initialValues: {
      decision: 'tetap' as 'tetap' | 'diubah',
      resultsRating: (appeal.original.resultsRating ?? 'sesuai') as Rating,
      behaviourRating: (appeal.original.behaviourRating ?? 'sesuai') as Rating,
      reason: '',
    },
    invalidates: ['appeal', 'evaluation', 'reports', 'distribution'],
    toInput: (v) => ({
      appealId: appeal.id,
      version: appeal.version,
      decision: v.decision,
      ...(v.decision === 'diubah' ? { resultsRating: v.resultsRating, behaviourRating: v.behaviourRating } : {}),
      reason: v.reason,
    }),
    rules: (v) => ({
      // "Diubah" that changes nothing is "Tetap": say so on the ratings, before the final save.
      resultsRating:
        v.decision === 'diubah' && v.resultsRating === appeal.original.resultsRating && v.behaviourRating === appeal.original.behaviourRating ? t('appeal.sameAsBefore') : undefined,
    }),
    draft: { key: draftKey(user?.userId, 'putusan-keberatan', appeal.id), fields: ['reason'] },
    reload,
    onFailed: onClose,
    onSuccess: () => {
      notifySuccess(t('appeal.decidedDone'));
      onClose();
    },
  });
  const v = f.form.values;
  const ratingData = ratings.map((r) => ({ value: r, label: t(ratingKeys[r]) }));

  return (
    <FormModal title={t('appeal.decideTitle', { name: appeal.employeeName })} onClose={onClose} form={f} submitLabel={t('appeal.decideSave')} color="orange" size="xl">
      <Text size="sm" c="dimmed">
        {t('appeal.decideRead')}
      </Text>
      <Quote title={t('appeal.reasons')} body={appeal.reasons} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Quote title={t('appeal.explanationAppraiser', { name: appeal.appraiserName ?? '-' })} body={appeal.appraiserExplanation} empty={t('appeal.noExplanation')} />
        <Quote title={t('appeal.explanationEmployee', { name: appeal.employeeName })} body={appeal.employeeExplanation} empty={t('appeal.noExplanation')} />
      </SimpleGrid>
      <Ratings title={t('appeal.original')} r={appeal.original} />
      <Radio.Group label={t('appeal.decision')} {...f.form.getInputProps('decision')} required>
        <Stack gap="xs" mt={6}>
          <Radio value="tetap" label={t('appeal.decision.tetap')} description={t('appeal.decision.tetapHelp')} />
          <Radio value="diubah" label={t('appeal.decision.diubah')} description={t('appeal.decision.diubahHelp')} />
        </Stack>
      </Radio.Group>
      {v.decision === 'diubah' && (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('appeal.newResults')} data={ratingData} allowDeselect={false} {...f.form.getInputProps('resultsRating')} />
            <Select label={t('appeal.newBehaviour')} data={ratingData} allowDeselect={false} {...f.form.getInputProps('behaviourRating')} />
          </SimpleGrid>
          <Text size="sm" fw={600} data-testid="appeal-new-predikat">
            {t('appeal.newPredikat', { predikat: t(predikatKeys[predikatOf(v.resultsRating, v.behaviourRating)]) })}
          </Text>
        </Stack>
      )}
      <Textarea label={t('appeal.reason')} description={t('appeal.reasonHelp')} autosize minRows={3} maxLength={8000} {...f.form.getInputProps('reason')} required />
      <Alert color="orange" icon={<IconLock />}>
        {t('appeal.decideFinal')}
      </Alert>
    </FormModal>
  );
}
