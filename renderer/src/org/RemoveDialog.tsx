import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCommandMutation } from '../api/hooks';
import { notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';

/**
 * "Hapus unit kerja / jabatan?": the same confirmation for both org lists. The backend refuses
 * (and the dialog shows why) when the unit or position is still in use.
 */
export function RemoveDialog({
  command,
  item,
  title,
  help,
  removed,
  onClose,
}: {
  command: 'org.removeUnit' | 'org.removePosition';
  item: { id: string; version: number };
  title: string;
  help: string;
  /** The notification after a successful removal. */
  removed: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  const remove = useCommandMutation(command, { invalidates: ['org', 'people'] });
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{help}</Text>
        {remove.error && (
          <Alert color="red" role="alert">
            {remove.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('org.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: item.id, version: item.version },
                {
                  onSuccess: () => {
                    notifySuccess(removed);
                    onClose();
                  },
                },
              )
            }
          >
            {t('org.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
