import { z } from 'zod';
import { defineCommand, idSchema, plain, plainTextSchema, versionSchema } from '../contract';
import { aspekList, perspektifList, rhkKinds } from '../skp/commands';

export const periodCodeSchema = z
  .string()
  .regex(/^(1[0-2]|[1-9]|Q[1-4]|tahunan)$/, 'Periode harus 1-12 (bulan), Q1-Q4 (triwulan) atau "tahunan".');

export const evidenceSchema = z.object({
  id: idSchema,
  indicatorId: idSchema.nullable(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  size: z.number().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const realisasiRowSchema = z.object({
  rhkId: idSchema,
  rhkKind: z.enum(rhkKinds),
  rhkText: z.string(),
  indicatorId: idSchema,
  indicatorText: z.string(),
  aspek: z.enum(aspekList).nullable(),
  perspektif: z.enum(perspektifList).nullable(),
  targetLabel: z.string(),
  value: z.number().nullable(),
  description: z.string().nullable(),
  notes: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  /** The version of the stored realisasi row (null: nothing reported yet); realisasi.save sends it back. */
  version: z.number().nullable(),
});
export type RealisasiRow = z.infer<typeof realisasiRowSchema>;

/**
 * Realisasi and bukti dukung recorded for the period on an indicator that is not in the plan shown
 * (an approved amendment removed it, or its RHK): kept visible, read-only, to whoever sees the
 * rows, so nothing recorded vanishes; the owner may still remove the evidence while the report is
 * a draft (realisasi.removeEvidence).
 */
export const removedIndicatorSchema = realisasiRowSchema.omit({ rhkId: true, rhkKind: true, rhkText: true }).extend({
  /** The RHK the indicator belonged to (null if that row is gone). */
  rhkText: z.string().nullable(),
});
export type RemovedIndicator = z.infer<typeof removedIndicatorSchema>;

export const periodReportSchema = z.object({
  skpId: idSchema,
  employeeId: idSchema,
  employeeName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  status: z.enum(['belum', 'draf', 'diajukan']),
  submittedAt: z.string().nullable(),
  approach: z.enum(['kuantitatif', 'kualitatif']),
  rows: z.array(realisasiRowSchema),
  /**
   * Bukti dukung of the period not tied to one indicator (realisasi.addEvidence without
   * indicatorId): seen by whoever sees the rows, removed by the owner like the rest.
   */
  generalEvidence: z.array(evidenceSchema),
  removedIndicators: z.array(removedIndicatorSchema),
  /** Locked once the period's evaluation is final. */
  locked: z.boolean(),
  canEdit: z.boolean(),
  periods: z.array(z.object({ code: z.string(), label: z.string(), status: z.enum(['belum', 'draf', 'diajukan']) })),
});

const entry = z.object({
  indicatorId: idSchema,
  /**
   * The version of the indicator's realisasi the caller read (realisasi.get's row version; null
   * when nothing was reported yet). Another tab or device that saved meanwhile makes it stale:
   * CONFLICT, never a silent overwrite.
   */
  version: versionSchema.nullable(),
  value: z.number().finite().nullable().optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
});

export const realisasiCommands = {
  'realisasi.get': defineCommand({
    name: 'realisasi.get',
    summary: 'Realisasi satu periode: setiap indikator dengan target, capaian, catatan dan bukti dukung.',
    input: z.object({ skpId: idSchema, period: periodCodeSchema }),
    output: periodReportSchema,
    access: ['authenticated'],
    kind: 'read',
  }),
  'realisasi.save': defineCommand({
    name: 'realisasi.save',
    summary: 'Menyimpan realisasi periode sebagai draf.',
    input: z.object({ skpId: idSchema, period: periodCodeSchema, entries: z.array(entry).max(200) }),
    /** The version each saved indicator's realisasi has now, for the caller's next save. */
    output: z.object({ saved: z.number(), rows: z.array(z.object({ indicatorId: idSchema, version: z.number() })) }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'realisasi.submit': defineCommand({
    name: 'realisasi.submit',
    summary: 'Mengirim realisasi periode kepada Pejabat Penilai.',
    input: z.object({ skpId: idSchema, period: periodCodeSchema }),
    output: z.object({ submittedAt: z.string() }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'realisasi.withdraw': defineCommand({
    name: 'realisasi.withdraw',
    summary: 'Menarik kembali realisasi yang sudah dikirim selama Pejabat Penilai belum mulai menilainya, agar dapat diperbaiki lalu dikirim lagi.',
    input: z.object({ skpId: idSchema, period: periodCodeSchema }),
    output: z.object({ ok: z.literal(true) }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'realisasi.addEvidence': defineCommand({
    name: 'realisasi.addEvidence',
    summary: 'Menambah bukti dukung: berkas (PDF, JPG, PNG, DOCX, XLSX; maks. 20 MB) atau tautan.',
    input: z.object({
      skpId: idSchema,
      period: periodCodeSchema,
      indicatorId: idSchema.nullable().optional(),
      title: plainTextSchema(300, 'Judul maksimal 300 karakter.').optional(),
      file: z.object({ name: plain(z.string().max(300, 'Nama berkas maksimal 300 karakter.')), contentBase64: z.string().min(1, 'Berkas kosong.') }).optional(),
      link: z.string().trim().url('Tautan harus alamat web yang lengkap (diawali http:// atau https://).').max(2000).optional(),
    }),
    output: z.object({ evidence: evidenceSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'realisasi.removeEvidence': defineCommand({
    name: 'realisasi.removeEvidence',
    summary: 'Menghapus satu bukti dukung dari realisasi yang belum dikirim.',
    input: z.object({ evidenceId: idSchema }),
    output: z.object({ ok: z.literal(true) }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'realisasi.incoming': defineCommand({
    name: 'realisasi.incoming',
    summary: 'Realisasi yang dikirim pegawai yang dinilai, terbaru lebih dulu.',
    input: z.object({ yearId: idSchema.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({
      items: z.array(z.object({ skpId: idSchema, employeeId: idSchema, employeeName: z.string(), period: z.string(), periodLabel: z.string(), submittedAt: z.string(), evaluated: z.boolean() })),
    }),
    access: ['penilai'],
    kind: 'read',
  }),
};
