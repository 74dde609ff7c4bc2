import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';

export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a sub-command's flags, turning unknown or missing flags into a usage message. */
export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function required(value: string | boolean | undefined | (string | boolean)[], flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Opsi --${flag} wajib diisi.`);
  return value;
}

export function dataDirFrom(value: unknown): string {
  return path.resolve(required(value as string | undefined, 'data'));
}

/** Prints a typed error as a person would want to read it, field by field. */
export function describeError(err: unknown): string {
  if (err instanceof AppError) {
    const lines = [`Galat (${err.code}): ${err.message}`];
    for (const [field, msg] of Object.entries(err.fields ?? {})) lines.push(`  - ${field}: ${msg}`);
    return lines.join('\n');
  }
  if (err instanceof UsageError) return `Penggunaan salah: ${err.message}`;
  return `Galat: ${(err as Error)?.message ?? String(err)}`;
}
