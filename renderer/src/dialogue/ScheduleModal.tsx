import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { Dialogue } from '../../../shared/dialogue/commands';
import { DateTimeField } from '../app/DateField';
import { FormModal } from '../app/FormModal';
import { notifySuccess } from '../app/notify';
import { useCommandForm } from '../app/useCommandForm';
import { useI18n } from '../i18n/I18nProvider';
import { fromLocalInput, insideYear, toLocalInput } from './labels';

/** Setting (or moving) the meeting: when, where, and the agenda; inside the dialogue's year. */
export function ScheduleModal({ dialogue: d, reload, onClose }: { dialogue: Dialogue; reload(): void; onClose(): void }) {
  const { t, date } = useI18n();
  const f = useCommandForm('dialogue.schedule', {
    initialValues: { when: toLocalInput(d.scheduledAt), place: d.place ?? '', agenda: d.agenda ?? d.requestNote ?? '' },
    invalidates: ['dialogue', 'reports'],
    toInput: (v) => ({ dialogueId: d.id, version: d.version, scheduledAt: fromLocalInput(v.when), place: v.place.trim() || undefined, agenda: v.agenda }),
    fieldOf: (path) => (path === 'scheduledAt' ? 'when' : path),
    rules: (v) => ({
      when: v.when && d.year && !insideYear(v.when, d.year) ? t('dialogue.outsideYear', { year: d.year.year, start: date(d.year.start), end: date(d.year.end) }) : undefined,
    }),
    reload,
    onFailed: onClose,
    onSuccess: () => {
      notifySuccess(t('dialogue.scheduled'));
      onClose();
    },
  });
  return (
    <FormModal title={t('dialogue.scheduleTitle')} onClose={onClose} form={f} submitLabel={t('dialogue.scheduleSave')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateTimeField label={t('dialogue.scheduledAt')} {...f.form.getInputProps('when')} required data-autofocus />
        <TextInput label={t('dialogue.place')} placeholder={t('dialogue.placePlaceholder')} maxLength={300} {...f.form.getInputProps('place')} />
      </SimpleGrid>
      <Textarea label={t('dialogue.agenda')} description={t('dialogue.agendaHelp')} autosize minRows={3} maxLength={4000} {...f.form.getInputProps('agenda')} required />
    </FormModal>
  );
}
