import { Button, Group, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The foot of a form in a dialog: "Batal" (closes, disabled while saving) and the submit button
 * (busy while saving; "Simpan" unless the form names its action). One component so every dialog
 * says the same words in the same order.
 */
export function FormActions({ onCancel, pending, submit, submitProps }: { onCancel(): void; pending: boolean; submit?: ReactNode; submitProps?: ButtonProps & { 'data-autofocus'?: boolean } }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={pending}>
        {t('app.cancel')}
      </Button>
      <Button type="submit" loading={pending} {...submitProps}>
        {submit ?? t('app.save')}
      </Button>
    </Group>
  );
}
