import type { AppError } from '../../../shared/errors';

/** Puts a VALIDATION error's field messages on the form fields they belong to. */
export function fieldErrors(err: AppError | null | undefined): Record<string, string> {
  if (!err || err.code !== 'VALIDATION' || !err.fields) return {};
  return err.fields;
}
