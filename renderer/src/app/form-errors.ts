import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { AppError } from '../../../shared/errors';

/**
 * The rules that turn a command's refusals (the contract's zod issues in the browser, or the
 * backend's VALIDATION `fields`) into messages under the form's own fields. Pure functions, so the
 * rules are tested without a screen (form-errors.test.ts):
 *
 * 1. A path of the command's input names a form field through `fieldOf` (identity unless the form
 *    calls its fields otherwise); `null` means the form has no such field (ids, versions).
 * 2. A field that is empty (nothing typed, only spaces, nothing chosen) says "Wajib diisi." whatever
 *    the schema says: the user left it empty, and the schema's "diharapkan string" is no help.
 * 3. The first message for a field wins (zod reports the most basic refusal first).
 * 4. A refusal that belongs to no field of the form is a form-level message (`formKey`), shown above
 *    the buttons, never lost.
 */

export const formKey = '_form';

export type FieldOf = (inputPath: string) => string | null;

export interface MappingOptions {
  fieldOf?: FieldOf;
  /** The message for an empty field (rule 2), in the user's language. */
  required: string;
  /** Form fields that exist; a path outside them is form-level (rule 4). Defaults to the values' paths. */
  fields?: ReadonlySet<string>;
}

/** The value at a dotted path (`actions.0.text`). */
export function valueAt(values: unknown, path: string): unknown {
  let v: unknown = values;
  for (const part of path.split('.')) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'number') return Number.isNaN(v);
  return false;
}

/** Every dotted path of a form's values that holds a field (a leaf, or an array's rows' leaves). */
export function fieldPaths(values: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (values === null || typeof values !== 'object') {
    if (prefix) out.add(prefix);
    return out;
  }
  if (prefix) out.add(prefix);
  for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
    for (const p of fieldPaths(v, prefix ? `${prefix}.${k}` : k)) out.add(p);
  }
  return out;
}

function pathOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? []).map((s) => (typeof s === 'object' ? String(s.key) : String(s))).join('.');
}

/** Adds one refusal under its field (rules 1-4). */
function put(errors: Record<string, string>, inputPath: string, message: string, values: unknown, o: MappingOptions, known: ReadonlySet<string>): void {
  const field = inputPath === '' ? null : (o.fieldOf ?? ((p) => p))(inputPath);
  const key = field !== null && known.has(field) ? field : formKey;
  const text = key !== formKey && isEmptyValue(valueAt(values, key)) ? o.required : message;
  if (errors[key] === undefined) errors[key] = text;
  else if (key === formKey && !errors[key]!.includes(text)) errors[key] = `${errors[key]} ${text}`;
}

/** The contract's issues (on the command input built from `values`) as form errors. */
export function issuesToFormErrors(issues: readonly StandardSchemaV1.Issue[], values: unknown, o: MappingOptions): Record<string, string> {
  const known = o.fields ?? fieldPaths(values);
  const errors: Record<string, string> = {};
  for (const issue of issues) put(errors, pathOf(issue), issue.message, values, o, known);
  return errors;
}

/** The backend's VALIDATION refusal as form errors; any other error gives none (it is not about a field). */
export function appErrorToFormErrors(err: AppError | null | undefined, values: unknown, o: MappingOptions): Record<string, string> {
  if (!err || err.code !== 'VALIDATION') return {};
  const known = o.fields ?? fieldPaths(values);
  const errors: Record<string, string> = {};
  const fields = err.fields ?? {};
  for (const [path, message] of Object.entries(fields)) put(errors, path, message, values, o, known);
  if (Object.keys(fields).length === 0) errors[formKey] = err.message;
  return errors;
}
