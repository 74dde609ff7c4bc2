import { z } from 'zod';
import { isoDateSchema, plain } from '../contract';
import { findGolongan, golonganList, normalizeGolongan } from './golongan';
import { nipMismatch, normalizeNip, parseNip, type EmployeeKind, type Sex } from './nip';

/** A real calendar date `YYYY-MM-DD` in 1900..2100: the contract's one date schema. */
export const dateSchema = isoDateSchema;

/**
 * Optional single-line text (a title, a code, a name): blank becomes null, so "clear this field"
 * and "empty" mean the same; no control or bidi characters unless `multiline` (an address).
 */
export function optionalText(max: number, message: string, options: { multiline?: boolean } = {}) {
  const text = z.string().trim().max(max, message);
  return (options.multiline ? text : plain(text))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
}

/** An optional NIP (e.g. of an appraiser outside the office): blank is null, otherwise valid. */
export const nipOrNullSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value === '') return;
    const r = parseNip(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  })
  .transform((v) => (v === '' ? null : normalizeNip(v)))
  .nullable()
  .optional();

export const employeeKinds = ['PNS', 'PPPK'] as const;
export const employeeStatuses = ['aktif', 'cuti', 'pindah', 'pensiun'] as const;
export type EmployeeStatus = (typeof employeeStatuses)[number];
export const employeeStatusLabels: Record<EmployeeStatus, string> = {
  aktif: 'Aktif',
  cuti: 'Cuti',
  pindah: 'Pindah',
  pensiun: 'Pensiun',
};
/** An employee who moved away or retired holds no position and appraises nobody. */
export function isGone(status: EmployeeStatus): boolean {
  return status === 'pindah' || status === 'pensiun';
}

export const sexes = ['L', 'P'] as const;

/** The employee facts a form or a spreadsheet row states, after parsing. */
export interface EmployeeFacts {
  kind: EmployeeKind;
  nip: string;
  sex?: Sex | null;
  birthDate?: string | null;
  golongan?: string | null;
  tmtGolongan?: string | null;
}

export interface FieldProblem {
  field: 'nip' | 'sex' | 'birthDate' | 'golongan' | 'tmtGolongan';
  message: string;
}

/**
 * The cross-field rules of an employee, shared by the forms (zod), the backend and the import:
 * the NIP by the kind's rules, sex and birth date agreeing with the NIP, a golongan of the kind,
 * and a TMT golongan not before the TMT CPNS year in the NIP.
 */
export function checkEmployeeFacts(v: EmployeeFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parsed = parseNip(v.nip, v.kind);
  if (!parsed.ok) {
    problems.push({ field: 'nip', message: v.kind === 'PPPK' ? `${parsed.message} (aturan NIP PPPK)` : parsed.message });
  } else {
    const mismatch = nipMismatch(parsed.facts, { sex: v.sex, birthDate: v.birthDate });
    if (mismatch) problems.push(mismatch);
    if (v.tmtGolongan && Number(v.tmtGolongan.slice(0, 4)) < parsed.facts.tmtYear) {
      problems.push({
        field: 'tmtGolongan',
        message: `TMT golongan tidak boleh sebelum tahun TMT ${v.kind === 'PPPK' ? 'PPPK' : 'CPNS'} pada NIP (${parsed.facts.tmtYear}).`,
      });
    }
  }
  if (v.golongan && !findGolongan(v.golongan, v.kind)) {
    problems.push({
      field: 'golongan',
      message:
        v.kind === 'PNS'
          ? `Golongan "${v.golongan}" bukan golongan PNS; gunakan I/a sampai IV/e.`
          : `Golongan "${v.golongan}" bukan golongan PPPK; gunakan I sampai XVII.`,
    });
  }
  return problems;
}

/** Accepts "III/a", "3a", "Penata Muda" ... and returns the canonical code (or the text unchanged). */
export function canonicalGolongan(raw: string | null | undefined, kind: EmployeeKind): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  return normalizeGolongan(raw, kind) ?? raw.trim();
}

export { golonganList };
