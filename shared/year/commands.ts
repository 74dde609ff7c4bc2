import { z } from 'zod';
import { calendarDateSchema, defineCommand, emptyInput, idSchema, versionSchema } from '../contract';

/** A Tahun Penilaian's dates: 2020..2100 like its number, with a year of slack either side. */
const isoDateSchema = calendarDateSchema({ from: 2019, to: 2101 });

export const cadences = ['bulanan', 'triwulanan'] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceLabels: Record<Cadence, string> = { bulanan: 'Bulanan', triwulanan: 'Triwulanan' };

export const yearSchema = z.object({
  id: idSchema,
  year: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  cadence: z.enum(cadences),
  skpDeadline: z.string(),
  status: z.enum(['terbuka', 'ditutup']),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type PerformanceYear = z.infer<typeof yearSchema>;

const yearNumber = z.number().int().min(2020, 'Tahun minimal 2020.').max(2100, 'Tahun maksimal 2100.');

export const yearCommands = {
  'year.today': defineCommand({
    name: 'year.today',
    summary: 'Hari ini menurut jam server kantor (tanggal WIB): dasar tahun dan periode yang dibuka layar.',
    input: emptyInput,
    output: z.object({ today: isoDateSchema, now: z.string() }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'year.list': defineCommand({
    name: 'year.list',
    summary: 'Daftar Tahun Penilaian kantor ini, terbaru lebih dulu.',
    input: emptyInput,
    output: z.object({ years: z.array(yearSchema) }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'year.open': defineCommand({
    name: 'year.open',
    summary: 'Membuka Tahun Penilaian: tanggal, siklus penilaian berkala, batas persetujuan SKP; bisa sekaligus membuat draf SKP semua pegawai.',
    input: z
      .object({
        year: yearNumber,
        startDate: isoDateSchema.optional(),
        endDate: isoDateSchema.optional(),
        cadence: z.enum(cadences).default('bulanan'),
        skpDeadline: isoDateSchema.optional(),
        createShells: z.boolean().default(false),
      })
      .refine((v) => !v.startDate || !v.endDate || v.endDate > v.startDate, { message: 'Tanggal akhir harus sesudah tanggal mulai.', path: ['endDate'] }),
    output: z.object({ year: yearSchema, shellsCreated: z.number() }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'year.update': defineCommand({
    name: 'year.update',
    summary: 'Mengubah tanggal, siklus atau batas SKP Tahun Penilaian yang masih terbuka.',
    input: z.object({
      yearId: idSchema,
      version: versionSchema,
      startDate: isoDateSchema.optional(),
      endDate: isoDateSchema.optional(),
      cadence: z.enum(cadences).optional(),
      skpDeadline: isoDateSchema.optional(),
    }),
    output: z.object({ year: yearSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'year.close': defineCommand({
    name: 'year.close',
    summary: 'Menutup Tahun Penilaian setelah semua penilaian tahunan final.',
    input: z.object({ yearId: idSchema, version: versionSchema }),
    output: z.object({ year: yearSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
};
