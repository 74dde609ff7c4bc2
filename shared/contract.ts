import { z } from 'zod';
import type { Access } from './roles';

/**
 * One command of the contract. Declared once here; the backend registers a handler for it, the
 * desktop bridge and the HTTP host dispatch to it, the renderer calls it through one typed client,
 * and the OpenAPI document is generated from it.
 */
export interface CommandDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  K extends 'read' | 'write' = 'read' | 'write',
  A extends readonly Access[] = readonly Access[],
> {
  /** `<capability>.<verb>`: the capability word is the folder name in core, renderer and shared. */
  name: string;
  summary: string;
  input: I;
  output: O;
  /** Who may call it at all. Row-level checks happen in the handler. */
  access: A;
  /** `write` commands run in one transaction and leave exactly one audit row. */
  kind: K;
}

/**
 * Keeps `kind` and `access` as literal types, so the backend can give a read handler a context
 * without the writer and a non-public handler a context whose actor is known.
 */
export function defineCommand<I extends z.ZodType, O extends z.ZodType, K extends 'read' | 'write', const A extends readonly Access[]>(
  def: CommandDef<I, O, K, A>,
): CommandDef<I, O, K, A> {
  return def;
}

/** Shared field schemas, so the same rule reads the same everywhere. */
export const idSchema = z.string().uuid({ message: 'ID tidak valid.' });
export const versionSchema = z.number().int().nonnegative();

/** The years a date may fall in unless a field says otherwise (birth dates included). */
export const defaultDateYears = { from: 1900, to: 2100 } as const;

/**
 * Whether `value` is a `YYYY-MM-DD` date that exists on the calendar (no 30 February, no month 00,
 * no day 99) with a year in [from, to].
 */
export function isCalendarDate(value: string, years: { from: number; to: number } = defaultDateYears): boolean {
  return calendarDateRefusal(value, years) === null;
}

function calendarDateRefusal(value: string, years: { from: number; to: number }): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'Tanggal harus berformat TTTT-BB-HH.';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return `Tanggal ${value} tidak ada di kalender.`;
  if (y < years.from || y > years.to) return `Tahun pada tanggal harus antara ${years.from} dan ${years.to}.`;
  return null;
}

/**
 * THE date field of the contract: a real calendar date `YYYY-MM-DD` in a sane range of years,
 * with an Indonesian message saying which rule it broke. Every date in every schema uses it
 * (tests/input-sanity.test.ts feeds impossible dates to each). Give a tighter range where one makes
 * sense (a Tahun Penilaian's dates).
 */
export function calendarDateSchema(years: { from: number; to: number } = defaultDateYears) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const why = calendarDateRefusal(value, years);
      if (why) ctx.addIssue({ code: 'custom', message: why });
    });
}

/** A date of the default range (1900..2100). */
export const isoDateSchema = calendarDateSchema();

/**
 * A moment with its offset (`2025-03-10T09:00:00+07:00`) whose date part is a real calendar date
 * in the given years: zod's datetime alone lets 30 February through.
 */
export function dateTimeSchema(message: string, years: { from: number; to: number } = { from: 2000, to: 2100 }) {
  return z
    .string()
    .datetime({ offset: true, message })
    .superRefine((value, ctx) => {
      const why = calendarDateRefusal(value.slice(0, 10), years);
      if (why) ctx.addIssue({ code: 'custom', message: why });
    });
}

/**
 * NUL and the other control characters (C0, DEL, C1), and the Unicode bidi embeddings, overrides
 * and isolates (U+202A-U+202E, U+2066-U+2069) that make "lap\u202Egnp.pdf" display as "lapfdp.png".
 */
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const plainTextMessage = 'Teks tidak boleh berisi karakter kendali (misalnya NUL) atau karakter pembalik arah tulisan (U+202A-U+202E, U+2066-U+2069).';

/** Whether a single-line text (a name, a title, a file name) is free of control and bidi characters. */
export function isPlainText(value: string): boolean {
  return !unsafeCharacters.test(value);
}

/**
 * THE text field for names, titles and file names: trimmed, at most `max` characters, no control
 * or bidi-override characters. Existing fields with more rules add the same check with `plain()`.
 */
export function plainTextSchema(max: number, tooLong = `Maksimal ${max} karakter.`) {
  return plain(z.string().trim().max(max, tooLong));
}

/** Adds the plain-text rule (see plainTextSchema) to a string schema that has other rules too. */
export function plain<T extends z.ZodString>(schema: T): T {
  return schema.refine(isPlainText, plainTextMessage) as T;
}
export const emptyInput = z.object({}).strict();
export const okOutput = z.object({ ok: z.literal(true) });
