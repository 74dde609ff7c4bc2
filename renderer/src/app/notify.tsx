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
