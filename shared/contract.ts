import { z } from 'zod';
import type { Access } from './roles';

/**
 * One command of the contract. Declared once here; the backend registers a handler for it, the
 * desktop bridge and the HTTP host dispatch to it, the renderer calls it through one typed client,
 * and the OpenAPI document is generated from it.
 */
export interface CommandDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** `<capability>.<verb>`: the capability word is the folder name in core, renderer and shared. */
  name: string;
  summary: string;
  input: I;
  output: O;
  /** Who may call it at all. Row-level checks happen in the handler. */
  access: readonly Access[];
  /** `write` commands run in one transaction and leave exactly one audit row. */
  kind: 'read' | 'write';
}

export function defineCommand<I extends z.ZodType, O extends z.ZodType>(def: CommandDef<I, O>): CommandDef<I, O> {
  return def;
}

/** Shared field schemas, so the same rule reads the same everywhere. */
export const idSchema = z.string().uuid({ message: 'ID tidak valid.' });
export const versionSchema = z.number().int().nonnegative();
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH.');
export const emptyInput = z.object({}).strict();
export const okOutput = z.object({ ok: z.literal(true) });
