import { z } from 'zod';
import { defineCommand, idSchema, okOutput, plain, versionSchema } from '../contract';
import { assignmentKinds, positionTypes } from '../org/jabatan';
import {
  canonicalGolongan,
  checkEmployeeFacts,
  dateSchema,
  employeeKinds,
  employeeStatuses,
  optionalText,
  sexes,
} from './fields';
import { importKeys, maxImportRows } from './import';
import { normalizeNip } from './nip';

// ---------------------------------------------------------------------------------------------
// Shapes returned to the UI

export const employeeSchema = z.object({
  id: idSchema,
  officeId: idSchema,
  nip: z.string(),
  name: z.string(),
  frontTitle: z.string().nullable(),
  backTitle: z.string().nullable(),
  /** Name with titles, the way documents print it. */
  fullName: z.string(),
  kind: z.enum(employeeKinds),
  sex: z.enum(sexes).nullable(),
  birthDate: z.string().nullable(),
  golongan: z.string().nullable(),
  pangkat: z.string().nullable(),
  tmtGolongan: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(employeeStatuses),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Employee = z.infer<typeof employeeSchema>;

export const employeeListItemSchema = z.object({
  id: idSchema,
  nip: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.enum(employeeKinds),
  sex: z.enum(sexes).nullable(),
  golongan: z.string().nullable(),
  pangkat: z.string().nullable(),
  status: z.enum(employeeStatuses),
  positionId: idSchema.nullable(),
  positionName: z.string().nullable(),
  positionType: z.enum(positionTypes).nullable(),
  unitId: idSchema.nullable(),
  unitName: z.string().nullable(),
  /** Acting positions (Plt/Plh) held on the date, e.g. "Plt. Sekretaris". */
  acting: z.array(z.string()),
  version: z.number(),
});
export type EmployeeListItem = z.infer<typeof employeeListItemSchema>;

export const assignmentSchema = z.object({
  id: idSchema,
  employeeId: idSchema,
  positionId: idSchema,
  positionName: z.string(),
  positionType: z.enum(positionTypes),
  unitId: idSchema.nullable(),
  unitName: z.string().nullable(),
  kind: z.enum(assignmentKinds),
  startDate: z.string(),
  endDate: z.string().nullable(),
  skNumber: z.string().nullable(),
  /** Relative to the date asked: running, ended, or starting later. */
  state: z.enum(['berjalan', 'selesai', 'akan_datang']),
  version: z.number(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const overrideSchema = z.object({
  id: idSchema,
  employeeId: idSchema,
  appraiserEmployeeId: idSchema,
  appraiserName: z.string(),
  appraiserNip: z.string(),
  atasanEmployeeId: idSchema.nullable(),
  atasanName: z.string().nullable(),
  atasanNip: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string(),
  state: z.enum(['berjalan', 'selesai', 'akan_datang']),
  version: z.number(),
});
export type AppraisalOverride = z.infer<typeof overrideSchema>;

export const chainBases = ['definitif', 'plt', 'plh', 'override', 'luar_instansi'] as const;
export type ChainBasis = (typeof chainBases)[number];

export const chainPersonSchema = z.object({
  /** Null for an appraiser outside the database (the Sekda or the Wali Kota from the office profile). */
  employeeId: idSchema.nullable(),
  name: z.string(),
  nip: z.string().nullable(),
  /** As printed on the SKP, with "Plt."/"Plh." for acting holders. */
  positionName: z.string().nullable(),
  basis: z.enum(chainBases),
  outsideOffice: z.boolean(),
});
export type ChainPerson = z.infer<typeof chainPersonSchema>;

export const appraisalChainSchema = z.object({
  date: z.string(),
  employeeId: idSchema,
  position: z
    .object({ id: idSchema, name: z.string(), unitName: z.string().nullable(), kind: z.enum(assignmentKinds) })
    .nullable(),
  appraiser: chainPersonSchema.nullable(),
  atasan: chainPersonSchema.nullable(),
  overrideId: idSchema.nullable(),
  /** Why the chain is what it is (vacancies skipped, acting holders, overrides), in Indonesian. */
  notes: z.array(z.string()),
});
export type AppraisalChain = z.infer<typeof appraisalChainSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  table: z.string(),
  op: z.enum(['insert', 'update', 'delete']),
  summary: z.string(),
  actorName: z.string().nullable(),
  command: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const appraiseeSchema = z.object({
  employeeId: idSchema,
  nip: z.string(),
  name: z.string(),
  positionName: z.string().nullable(),
  link: z.enum(['penilai', 'atasan_penilai']),
});

export const problemKinds = ['tanpa_jabatan', 'tanpa_penilai', 'penilai_luar_kantor', 'penilai_tidak_aktif', 'tanpa_atasan_penilai'] as const;
export type ProblemKind = (typeof problemKinds)[number];
export const problemKindLabels: Record<ProblemKind, string> = {
  tanpa_jabatan: 'Belum memegang jabatan',
  tanpa_penilai: 'Tanpa Pejabat Penilai',
  penilai_luar_kantor: 'Pejabat Penilai di luar instansi',
  penilai_tidak_aktif: 'Pejabat Penilai sudah pindah/pensiun',
  tanpa_atasan_penilai: 'Tanpa Atasan Pejabat Penilai',
};

export const problemSchema = z.object({
  employeeId: idSchema,
  nip: z.string(),
  name: z.string(),
  positionName: z.string().nullable(),
  unitName: z.string().nullable(),
  kind: z.enum(problemKinds),
  reason: z.string(),
});
export type AppraisalProblem = z.infer<typeof problemSchema>;

export const importProblemSchema = z.object({ row: z.number(), column: z.string(), reason: z.string() });

// ---------------------------------------------------------------------------------------------
// Inputs

const nameSchema = plain(z.string().trim().min(3, 'Nama minimal 3 karakter.').max(200, 'Nama maksimal 200 karakter.'));
const titleSchema = optionalText(60, 'Gelar maksimal 60 karakter.');
const phoneSchema = z
  .string()
  .trim()
  .max(40, 'Nomor telepon maksimal 40 karakter.')
  .refine((v) => v === '' || /^\+?[0-9][0-9 ()-]{5,}$/.test(v), 'Nomor telepon hanya berisi angka, spasi, tanda kurung, strip, dan + di depan.')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();
const emailSchema = z
  .union([z.literal(''), z.email('Alamat email tidak valid.').max(200)])
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

const employeeFields = z.object({
  kind: z.enum(employeeKinds, { message: 'Pilih PNS atau PPPK.' }),
  nip: z.string().trim().min(1, 'Isi NIP.').transform(normalizeNip),
  frontTitle: titleSchema,
  name: nameSchema,
  backTitle: titleSchema,
  sex: z.enum(sexes, { message: 'Pilih L (laki-laki) atau P (perempuan).' }).nullable().optional(),
  birthDate: dateSchema.nullable().optional(),
  golongan: z.string().trim().max(20).nullable().optional(),
  tmtGolongan: dateSchema.nullable().optional(),
  phone: phoneSchema,
  email: emailSchema,
  status: z.enum(employeeStatuses, { message: 'Pilih status: aktif, cuti, pindah atau pensiun.' }),
});

/** Golongan typed as "3a" is read as "III/a" (the handler stores the canonical code). */
function refineEmployee<T extends { kind?: 'PNS' | 'PPPK'; nip?: string; sex?: 'L' | 'P' | null; birthDate?: string | null; golongan?: string | null; tmtGolongan?: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
): void {
  if (!v.nip || !v.kind) return;
  const golongan = v.golongan === undefined ? undefined : canonicalGolongan(v.golongan, v.kind);
  for (const p of checkEmployeeFacts({ kind: v.kind, nip: v.nip, sex: v.sex, birthDate: v.birthDate, golongan, tmtGolongan: v.tmtGolongan })) {
    ctx.addIssue({ code: 'custom', message: p.message, path: [p.field] });
  }
}

export const newAssignmentSchema = z.object({
  positionId: idSchema,
  kind: z.enum(assignmentKinds).default('definitif'),
  startDate: dateSchema,
  endDate: dateSchema.nullable().optional(),
  skNumber: optionalText(100, 'Nomor SK maksimal 100 karakter.'),
});

const listFilters = z.object({
  officeId: idSchema.optional(),
  /** Name (any part) or NIP (its beginning, spaces allowed). */
  q: z.string().trim().max(100).optional(),
  unitId: idSchema.optional(),
  /** Also people in the unit's sub-units (a bidang with its seksi). */
  includeSubunits: z.boolean().default(true),
  golongan: z.array(z.string().max(10)).max(40).optional(),
  kind: z.enum(employeeKinds).optional(),
  positionType: z.enum(positionTypes).optional(),
  status: z.array(z.enum(employeeStatuses)).optional(),
  /** Positions held on this date (default today). */
  date: dateSchema.optional(),
});
export type EmployeeListFilters = z.input<typeof listFilters>;

export const listSorts = ['name', 'nip', 'golongan', 'position', 'unit', 'status'] as const;

/** A raw spreadsheet cell (parsed by the import); text never carries control or bidi characters. */
export const importCellSchema = z.union([plain(z.string().max(1000)), z.number(), z.null()]).optional();
const cell = importCellSchema;
export const importRowSchema = z
  .object({ row: z.number().int().min(1).optional() })
  .extend(Object.fromEntries(importKeys.map((k) => [k, cell])) as Record<(typeof importKeys)[number], typeof cell>);
export type ImportRow = z.input<typeof importRowSchema>;

const importInput = z.object({
  rows: z.array(importRowSchema).min(1, 'Berkas tidak berisi baris data.').max(maxImportRows, `Maksimal ${maxImportRows} baris sekali impor.`),
});

export const importSummarySchema = z.object({
  total: z.number(),
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
  assign: z.number(),
  newPositions: z.array(z.string()),
});

export const exportRowSchema = z.object({
  nip: z.string(),
  name: z.string(),
  frontTitle: z.string().nullable(),
  backTitle: z.string().nullable(),
  kind: z.string(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  golongan: z.string().nullable(),
  pangkat: z.string().nullable(),
  tmtGolongan: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.string(),
  unit: z.string().nullable(),
  position: z.string().nullable(),
  positionType: z.string().nullable(),
  positionLevel: z.string().nullable(),
  positionStart: z.string().nullable(),
  appraiserName: z.string().nullable(),
  appraiserNip: z.string().nullable(),
});
export type ExportRow = z.infer<typeof exportRowSchema>;

export const peopleCommands = {
  'people.list': defineCommand({
    name: 'people.list',
    summary: 'Daftar pegawai: cari nama atau NIP, saring unit/golongan/jenis/status, urutkan, per halaman.',
    input: listFilters.extend({
      sort: z.enum(listSorts).default('name'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ total: z.number(), offset: z.number(), limit: z.number(), date: z.string(), items: z.array(employeeListItemSchema) }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'people.get': defineCommand({
    name: 'people.get',
    summary: 'Data seorang pegawai: riwayat jabatan, pejabat penilai, pengecualian, dan riwayat perubahan.',
    input: z.object({ id: idSchema, date: dateSchema.optional() }),
    output: z.object({
      employee: employeeSchema,
      officeName: z.string(),
      date: z.string(),
      assignments: z.array(assignmentSchema),
      overrides: z.array(overrideSchema),
      chain: appraisalChainSchema,
      appraisees: z.array(appraiseeSchema),
      history: z.array(historyEntrySchema),
      /** Whether the caller may change this record (the office's Pengelola Kinerja). */
      canEdit: z.boolean(),
    }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'people.create': defineCommand({
    name: 'people.create',
    summary: 'Menambah pegawai, dan bila diisi sekaligus jabatannya.',
    input: employeeFields
      .extend({ kind: employeeFields.shape.kind.default('PNS'), status: employeeFields.shape.status.default('aktif'), assignment: newAssignmentSchema.optional() })
      // Cross-field rules run even when a field failed, so a form shows every wrong field at once.
      .superRefine(refineEmployee),
    output: z.object({ employee: employeeSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'people.update': defineCommand({
    name: 'people.update',
    summary: 'Mengubah data pegawai. Status pindah/pensiun mengakhiri jabatannya yang masih berjalan.',
    input: employeeFields
      .partial()
      // The cross-field rules need the stored record too, so the handler checks the merged result.
      .extend({ id: idSchema, version: versionSchema }),
    output: z.object({ employee: employeeSchema, endedAssignments: z.number() }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'people.assign': defineCommand({
    name: 'people.assign',
    summary: 'Menempatkan pegawai pada jabatan (definitif, Plt atau Plh) mulai suatu tanggal.',
    input: newAssignmentSchema.extend({
      employeeId: idSchema,
      /** A new definitive position ends the running one the day before (mutasi). */
      endPrevious: z.boolean().default(true),
    }),
    output: z.object({ assignment: assignmentSchema, endedAssignmentId: idSchema.nullable() }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'people.endAssignment': defineCommand({
    name: 'people.endAssignment',
    summary: 'Mengakhiri penempatan jabatan pada suatu tanggal; riwayatnya tetap tersimpan.',
    input: z.object({ id: idSchema, version: versionSchema, endDate: dateSchema }),
    output: z.object({ assignment: assignmentSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'people.cancelAssignment': defineCommand({
    name: 'people.cancelAssignment',
    summary: 'Membatalkan penempatan yang salah dimasukkan (dengan alasan; tercatat di jejak audit).',
    input: z.object({
      id: idSchema,
      version: versionSchema,
      reason: z.string().trim().min(5, 'Tuliskan alasan pembatalan (minimal 5 karakter).').max(500),
    }),
    output: okOutput,
    access: ['pengelola'],
    kind: 'write',
  }),
  'people.setOverride': defineCommand({
    name: 'people.setOverride',
    summary: 'Menetapkan Pejabat Penilai (dan bila perlu Atasannya) secara khusus untuk suatu rentang tanggal.',
    input: z.object({
      employeeId: idSchema,
      appraiserEmployeeId: idSchema,
      atasanEmployeeId: idSchema.nullable().optional(),
      startDate: dateSchema,
      endDate: dateSchema.nullable().optional(),
      reason: z.string().trim().min(10, 'Tuliskan alasan penetapan khusus (minimal 10 karakter).').max(500, 'Alasan maksimal 500 karakter.'),
    }),
    output: z.object({ override: overrideSchema, endedOverrideId: idSchema.nullable() }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'people.removeOverride': defineCommand({
    name: 'people.removeOverride',
    summary: 'Menghapus penetapan khusus Pejabat Penilai; penilai kembali mengikuti struktur jabatan.',
    input: z.object({ id: idSchema, version: versionSchema }),
    output: okOutput,
    access: ['pengelola'],
    kind: 'write',
  }),
  'people.appraisalChain': defineCommand({
    name: 'people.appraisalChain',
    summary: 'Pejabat Penilai Kinerja dan Atasan Pejabat Penilai seorang pegawai pada suatu tanggal.',
    input: z.object({ employeeId: idSchema, date: dateSchema.optional() }),
    output: appraisalChainSchema,
    access: ['authenticated'],
    kind: 'read',
  }),
  'people.problems': defineCommand({
    name: 'people.problems',
    summary: 'Pegawai tanpa jabatan, tanpa pejabat penilai, atau dengan penilai di luar instansi / sudah tidak aktif.',
    input: z.object({ officeId: idSchema.optional(), date: dateSchema.optional() }),
    output: z.object({ date: z.string(), items: z.array(problemSchema), counts: z.record(z.string(), z.number()) }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'people.importPreview': defineCommand({
    name: 'people.importPreview',
    summary: 'Memeriksa semua baris impor pegawai tanpa menyimpan apa pun: ringkasan dan daftar baris yang salah.',
    input: importInput,
    output: z.object({ ok: z.boolean(), summary: importSummarySchema, problems: z.array(importProblemSchema) }),
    access: ['pengelola'],
    kind: 'read',
  }),
  'people.import': defineCommand({
    name: 'people.import',
    summary: 'Mengimpor pegawai: semua baris atau tidak sama sekali; NIP yang sudah ada diperbarui.',
    input: importInput,
    output: z.object({ summary: importSummarySchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'people.exportRows': defineCommand({
    name: 'people.exportRows',
    summary: 'Baris ekspor daftar pegawai (dengan saringan daftar), termasuk pejabat penilainya.',
    input: listFilters,
    output: z.object({ date: z.string(), officeName: z.string(), rows: z.array(exportRowSchema) }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
};
