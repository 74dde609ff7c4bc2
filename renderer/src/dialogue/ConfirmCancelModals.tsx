import { Text, Textarea } from '@mantine/core';
import type { Dialogue } from '../../../shared/dialogue/commands';
import { FormModal } from '../app/FormModal';
import { notifySuccess } from '../app/notify';
import { useCommandForm } from '../app/useCommandForm';
import { useI18n } from '../i18n/I18nProvider';

/** Confirming the minutes as written (each side once). */
export function ConfirmModal({ dialogue: d, reload, onClose }: { dialogue: Dialogue; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const f = useCommandForm('dialogue.confirm', {
    initialValues: {},
    invalidates: ['dialogue', 'reports'],
    toInput: () => ({ dialogueId: d.id, version: d.version }),
    reload,
    onFailed: onClose,
    onSuccess: (r) => {
      notifySuccess(t(r.dialogue.status === 'dikonfirmasi' ? 'dialogue.confirmedBoth' : 'dialogue.confirmed'));
      onClose();
    },
  });
  return (
    <FormModal title={t('dialogue.confirmTitle')} onClose={onClose} form={f} submitLabel={t('dialogue.action.confirm')} color="teal">
      <Text size="sm">{t('dialogue.confirmHelp')}</Text>
    </FormModal>
  );
}

/** Calling a dialogue off before it is minuted, saying why. */
export function CancelModal({ dialogue: d, reload, onClose }: { dialogue: Dialogue; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const f = useCommandForm('dialogue.cancel', {
    initialValues: { reason: '' },
    invalidates: ['dialogue', 'reports'],
    toInput: (v) => ({ dialogueId: d.id, version: d.version, reason: v.reason }),
    reload,
    onFailed: onClose,
    onSuccess: () => {
      notifySuccess(t('dialogue.cancelled'));
      onClose();
    },
  });
  return (
    <FormModal title={t('dialogue.cancelTitle')} onClose={onClose} form={f} submitLabel={t('dialogue.cancelConfirm')} color="red">
      <Text size="sm">{t('dialogue.cancelHelp')}</Text>
      <Textarea label={t('dialogue.cancelReason')} autosize minRows={2} maxLength={1000} {...f.form.getInputProps('reason')} required data-autofocus />
    </FormModal>
  );
}
