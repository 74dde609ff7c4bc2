import { z } from 'zod';
import { defineCommand, idSchema, plain, versionSchema } from '../contract';
import { dateSchema, nipOrNullSchema, optionalText } from '../people/fields';
import { assignmentKinds, checkTypeLevel, positionLevels, positionTypes, unitKinds } from './jabatan';

export const officeSchema = z.object({
  id: idSchema,
  name: z.string(),
  code: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  headPositionId: idSchema.nullable(),
  headPositionName: z.string().nullable(),
  /** Who leads the office today: the holder (or acting holder) of the head position. */
  head: z
    .object({ employeeId: idSchema, name: z.string(), nip: z.string(), kind: z.enum(assignmentKinds) })
    .nullable(),
  /** The head's own appraiser and that person's superior work outside this office (Sekda, Wali Kota). */
  headAppraiserName: z.string().nullable(),
  headAppraiserNip: z.string().nullable(),
  headAppraiserPosition: z.string().nullable(),
  headAppraiserSuperiorName: z.string().nullable(),
  headAppraiserSuperiorNip: z.string().nullable(),
  headAppraiserSuperiorPosition: z.string().nullable(),
  version: z.number(),
});
export type Office = z.infer<typeof officeSchema>;

export const unitSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  kind: z.enum(unitKinds),
  name: z.string(),
  code: z.string().nullable(),
  version: z.number(),
  /** The unit's leading position: the one in the unit that reports outside it. */
  headPositionId: idSchema.nullable(),
  headPositionName: z.string().nullable(),
  headName: z.string().nullable(),
  /** People holding a position of this unit (not of its sub-units) today. */
  employeeCount: z.number(),
  positionCount: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;

export const holderSchema = z.object({
  assignmentId: idSchema,
  employeeId: idSchema,
  name: z.string(),
  nip: z.string(),
  kind: z.enum(assignmentKinds),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
export type Holder = z.infer<typeof holderSchema>;

export const positionSchema = z.object({
  id: idSchema,
  unitId: idSchema.nullable(),
  unitName: z.string().nullable(),
  name: z.string(),
  type: z.enum(positionTypes),
  level: z.enum(positionLevels).nullable(),
  reportsToPositionId: idSchema.nullable(),
  reportsToName: z.string().nullable(),
  isHead: z.boolean(),
  version: z.number(),
  /** Definitive holders on the date asked. */
  holderCount: z.number(),
  /** Acting holders first, then up to three definitive holders (empty when not asked for). */
  holders: z.array(holderSchema),
});
export type Position = z.infer<typeof positionSchema>;

const unitName = plain(z.string().trim().min(3, 'Nama unit kerja minimal 3 karakter.').max(200, 'Nama unit kerja maksimal 200 karakter.'));
const unitCode = optionalText(30, 'Kode maksimal 30 karakter.');
const positionName = plain(z.string().trim().min(3, 'Nama jabatan minimal 3 karakter.').max(200, 'Nama jabatan maksimal 200 karakter.'));
const officeScope = z.object({
  /** Only central HR may look at another office; everyone else gets their own. */
  officeId: idSchema.optional(),
});

const positionFields = z.object({
  unitId: idSchema.nullable().optional(),
  name: positionName,
  type: z.enum(positionTypes, { message: 'Pilih jenis jabatan.' }),
  level: z.enum(positionLevels).nullable().optional(),
  reportsToPositionId: idSchema.nullable().optional(),
  /** Makes this the office head's position (Kepala Dinas): the top of the appraisal tree. */
  isHead: z.boolean().optional(),
});

const personText = optionalText(200, 'Maksimal 200 karakter.');

export const orgCommands = {
  'org.getOffice': defineCommand({
    name: 'org.getOffice',
    summary: 'Profil instansi (OPD): nama, kode, alamat, kepala instansi dan pejabat penilainya.',
    input: officeScope,
    output: z.object({ office: officeSchema }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'org.updateOffice': defineCommand({
    name: 'org.updateOffice',
    summary: 'Mengubah profil instansi.',
    input: z.object({
      version: versionSchema,
      name: plain(z.string().trim().min(3, 'Nama instansi minimal 3 karakter.').max(200)).optional(),
      code: unitCode,
      address: optionalText(500, 'Alamat maksimal 500 karakter.', { multiline: true }),
      phone: optionalText(40, 'Nomor telepon maksimal 40 karakter.'),
      email: z
        .union([z.literal(''), z.email('Alamat email tidak valid.')])
        .transform((v) => (v === '' ? null : v))
        .nullable()
        .optional(),
      headPositionId: idSchema.nullable().optional(),
      headAppraiserName: personText,
      headAppraiserNip: nipOrNullSchema,
      headAppraiserPosition: personText,
      headAppraiserSuperiorName: personText,
      headAppraiserSuperiorNip: nipOrNullSchema,
      headAppraiserSuperiorPosition: personText,
    }),
    output: z.object({ office: officeSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),

  'org.listUnits': defineCommand({
    name: 'org.listUnits',
    summary: 'Semua unit kerja instansi (daftar datar; induknya di parentId).',
    input: officeScope.extend({ date: dateSchema.optional() }),
    output: z.object({ units: z.array(unitSchema) }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'org.createUnit': defineCommand({
    name: 'org.createUnit',
    summary: 'Menambah unit kerja (sekretariat, bidang, subbagian, seksi, UPTD, ...).',
    input: z.object({
      parentId: idSchema.nullable().optional(),
      kind: z.enum(unitKinds, { message: 'Pilih jenis unit kerja.' }),
      name: unitName,
      code: unitCode,
    }),
    output: z.object({ unit: unitSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'org.updateUnit': defineCommand({
    name: 'org.updateUnit',
    summary: 'Mengubah unit kerja (nama, kode, jenis, atau induknya).',
    input: z.object({
      id: idSchema,
      version: versionSchema,
      parentId: idSchema.nullable().optional(),
      kind: z.enum(unitKinds).optional(),
      name: unitName.optional(),
      code: unitCode,
    }),
    output: z.object({ unit: unitSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'org.removeUnit': defineCommand({
    name: 'org.removeUnit',
    summary: 'Menghapus unit kerja yang tidak lagi memiliki sub-unit maupun jabatan.',
    input: z.object({ id: idSchema, version: versionSchema }),
    output: z.object({ ok: z.literal(true) }),
    access: ['pengelola'],
    kind: 'write',
  }),

  'org.listPositions': defineCommand({
    name: 'org.listPositions',
    summary: 'Jabatan instansi beserta atasannya dan pemegangnya pada suatu tanggal.',
    input: officeScope.extend({
      unitId: idSchema.optional(),
      q: z.string().trim().max(100).optional(),
      date: dateSchema.optional(),
      /** Pickers need names only; the holders make the answer ten times larger in a big office. */
      includeHolders: z.boolean().default(true),
    }),
    output: z.object({ date: z.string(), positions: z.array(positionSchema) }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'org.createPosition': defineCommand({
    name: 'org.createPosition',
    summary: 'Menambah jabatan: nama, jenis (dan jenjang), unit kerja, dan jabatan atasannya.',
    input: positionFields.superRefine((v, ctx) => {
      const why = checkTypeLevel(v.type, v.level);
      if (why) ctx.addIssue({ code: 'custom', message: why, path: ['level'] });
    }),
    output: z.object({ position: positionSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'org.updatePosition': defineCommand({
    name: 'org.updatePosition',
    summary: 'Mengubah jabatan. Riwayat pemegang jabatan tidak berubah.',
    input: positionFields.partial().extend({ id: idSchema, version: versionSchema }),
    output: z.object({ position: positionSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'org.removePosition': defineCommand({
    name: 'org.removePosition',
    summary: 'Menghapus jabatan yang tidak dipegang siapa pun dan tidak menjadi atasan jabatan lain.',
    input: z.object({ id: idSchema, version: versionSchema }),
    output: z.object({ ok: z.literal(true) }),
    access: ['pengelola'],
    kind: 'write',
  }),
};
