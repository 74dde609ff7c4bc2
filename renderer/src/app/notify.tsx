import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AppError } from '../../../shared/errors';
import type { MessageKey } from '../i18n/catalog';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('INTERNAL', (err as Error)?.message ?? String(err));
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

/** Shows a typed error: a headline for its kind, then the backend's own Indonesian explanation. */
export function notifyError(err: unknown, t: T): void {
  const e = asAppError(err);
  notifications.show({ color: 'red', title: t(`error.${e.code}` as MessageKey), message: e.message, autoClose: 8000 });
}

let conflictCount = 0;

/**
 * The one place a command's failure is told: a CONFLICT (someone changed the record meanwhile)
 * stays until read and offers "Muat ulang" right there when the caller can reload; everything else
 * is the usual typed notification.
 */
export function notifyCommandError(err: unknown, t: T, reload?: () => void): void {
  const e = asAppError(err);
  if (e.code !== 'CONFLICT' || !reload) {
    notifyError(e, t);
    return;
  }
  const id = `conflict-${++conflictCount}`;
  notifications.show({
    id,
    color: 'orange',
    title: t('error.CONFLICT'),
    autoClose: false,
    message: (
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Text size="sm">{e.message}</Text>
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            reload();
            notifications.hide(id);
          }}
        >
          {t('error.reload')}
        </Button>
      </Group>
    ),
  });
}
