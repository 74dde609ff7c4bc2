import { ActionIcon, Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { actionOwners, type Dialogue } from '../../../shared/dialogue/commands';
import { DateField } from '../app/DateField';
import { draftKey } from '../app/drafts';
import { FormModal } from '../app/FormModal';
import { notifySuccess } from '../app/notify';
import { useCommandForm } from '../app/useCommandForm';
import { useAuth } from '../auth/AuthProvider';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';

type Owner = (typeof actionOwners)[number];

let nextRowKey = 0;
const row = (text = '', owner: Owner = 'pegawai', dueDate = '') => ({ key: `r${++nextRowKey}`, text, owner, dueDate });

/**
 * The minutes: who was there, what was discussed, the employee's concerns in their own words,
 * what was agreed and the follow-up actions. The long texts are kept in this browser until saved
 * (drafts.ts), so a reload or a crash mid-meeting loses nothing.
 */
export function RecordModal({ dialogue: d, reload, onClose }: { dialogue: Dialogue; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const hadConfirmations = !!(d.employeeConfirmedAt || d.appraiserConfirmedAt);
  const f = useCommandForm('dialogue.record', {
    initialValues: {
      participants: d.participants ?? [d.employeeName, d.appraiserName].filter(Boolean).join(', '),
      discussion: d.discussion ?? '',
      employeeConcerns: d.employeeConcerns ?? '',
      agreed: d.agreed ?? '',
      actions: d.actions.map((a) => row(a.text, a.owner, a.dueDate ?? '')),
    },
    invalidates: ['dialogue', 'reports'],
    toInput: (v) => ({
      dialogueId: d.id,
      version: d.version,
      participants: v.participants.trim() || undefined,
      discussion: v.discussion,
      employeeConcerns: v.employeeConcerns.trim() || undefined,
      agreed: v.agreed.trim() || undefined,
      actions: v.actions.map((a) => ({ text: a.text, owner: a.owner, dueDate: a.dueDate || null })),
    }),
    draft: { key: draftKey(user?.userId, 'notulen', d.id), fields: ['participants', 'discussion', 'employeeConcerns', 'agreed'] },
    reload,
    onFailed: onClose,
    onSuccess: () => {
      notifySuccess(t('dialogue.recorded'));
      onClose();
    },
  });
  const ownerData = actionOwners.map((o) => ({ value: o, label: t(`dialogue.actionOwner.${o}` as MessageKey) }));
  const actions = f.form.values.actions;

  return (
    <FormModal title={t('dialogue.recordTitle')} onClose={onClose} form={f} submitLabel={t('dialogue.recordSave')} size="xl">
      <Text size="sm">{t('dialogue.recordHelp')}</Text>
      {hadConfirmations && <Alert color="yellow">{t('dialogue.recordResets')}</Alert>}
      <TextInput label={t('dialogue.participants')} description={t('dialogue.participantsHelp')} maxLength={2000} {...f.form.getInputProps('participants')} />
      <Textarea label={t('dialogue.discussion')} description={t('dialogue.discussionHelp')} autosize minRows={4} maxLength={8000} {...f.form.getInputProps('discussion')} required data-autofocus />
      <Textarea label={t('dialogue.concerns')} description={t('dialogue.concernsHelp')} autosize minRows={3} maxLength={8000} {...f.form.getInputProps('employeeConcerns')} />
      <Textarea label={t('dialogue.agreed')} description={t('dialogue.agreedHelp')} autosize minRows={2} maxLength={8000} {...f.form.getInputProps('agreed')} />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('dialogue.actions')}
        </Text>
        {actions.map((a, n) => (
          <Group key={a.key} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('dialogue.actionText', { no: n + 1 })}
              placeholder={t('dialogue.actionTextPlaceholder')}
              maxLength={1000}
              {...f.form.getInputProps(`actions.${n}.text`)}
            />
            <Select label={t('dialogue.actionOwner')} w={150} data={ownerData} allowDeselect={false} {...f.form.getInputProps(`actions.${n}.owner`)} />
            <DateField label={t('dialogue.actionDueDate')} w={160} {...f.form.getInputProps(`actions.${n}.dueDate`)} />
            <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('dialogue.actionRemove', { no: n + 1 })} onClick={() => f.form.removeListItem('actions', n)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => f.form.insertListItem('actions', row())}>
            {t('dialogue.actionAdd')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
