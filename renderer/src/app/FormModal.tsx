import { Alert, Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { FormActions } from './FormActions';

/** What FormModal needs of a form: useCommandForm's result fits, so does a hand-made one. */
export interface ModalFormState {
  onSubmit(event?: { preventDefault?: () => void }): void;
  pending: boolean;
  formError?: string | null;
  restored?: boolean;
  discardDraft?(): void;
}

/**
 * The one dialog for a form: title, fields, a refusal that belongs to no field, and "Batal" plus
 * the action. Enter in a field and Ctrl+Enter anywhere (also in a long text) submit; closing is
 * refused while saving, so a half-sent form cannot vanish.
 */
export function FormModal({
  title,
  onClose,
  form,
  submitLabel,
  color,
  size = 'lg',
  children,
}: {
  title: string;
  onClose(): void;
  form: ModalFormState;
  submitLabel?: string;
  color?: string;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal opened onClose={form.pending ? () => undefined : onClose} title={title} size={size}>
      <form
        noValidate
        onSubmit={(e) => form.onSubmit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.onSubmit();
          }
        }}
      >
        <Stack>
          {form.restored && (
            <Alert color="blue" data-testid="draft-restored">
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t('form.draftRestored')}</Text>
                {form.discardDraft && (
                  <Button size="compact-xs" variant="subtle" onClick={() => form.discardDraft?.()}>
                    {t('form.draftDiscard')}
                  </Button>
                )}
              </Group>
            </Alert>
          )}
          {children}
          {form.formError && (
            <Alert color="red" role="alert" data-testid="form-error">
              {form.formError}
            </Alert>
          )}
          <FormActions onCancel={onClose} pending={form.pending} submit={submitLabel} submitProps={color ? { color } : undefined} />
        </Stack>
      </form>
    </Modal>
  );
}
