import { z } from 'zod';
import { defineCommand, idSchema, versionSchema } from '../contract';
import { perilakuCodes } from './perilaku';
import { skpStatuses } from './workflow';

export const approaches = ['kuantitatif', 'kualitatif'] as const;
export const rhkKinds = ['utama', 'tambahan'] as const;
export const aspekList = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;
export const perspektifList = ['penerima_layanan', 'proses_bisnis', 'penguatan_internal', 'anggaran'] as const;
export const annexKinds = ['dukungan_sumber_daya', 'skema_pertanggungjawaban', 'konsekuensi'] as const;

export const aspekLabels: Record<(typeof aspekList)[number], string> = {
  kuantitas: 'Kuantitas',
  kualitas: 'Kualitas',
  waktu: 'Waktu',
  biaya: 'Biaya',
};
export const perspektifLabels: Record<(typeof perspektifList)[number], string> = {
  penerima_layanan: 'Penerima Layanan',
  proses_bisnis: 'Proses Bisnis',
  penguatan_internal: 'Penguatan Internal',
  anggaran: 'Anggaran',
};
export const annexLabels: Record<(typeof annexKinds)[number], string> = {
  dukungan_sumber_daya: 'Dukungan Sumber Daya',
  skema_pertanggungjawaban: 'Skema Pertanggungjawaban',
  konsekuensi: 'Konsekuensi',
};

/**
 * A count, a quality score, a time or a cost below zero means nothing (docs/spec/operations.md §8): refused for
 * targets and realisasi of an indicator with an aspect. An indicator without one (a JPT
 * perspective, a change in a rate) may go below zero. Returns why, or null.
 */
export function negativeRefusal(aspek: (typeof aspekList)[number] | null | undefined, value: number | null | undefined): string | null {
  if (!aspek || value === null || value === undefined || !(value < 0)) return null;
  return `Nilai tidak boleh negatif untuk aspek ${aspekLabels[aspek]}.`;
}

const text = (label: string, max = 2000) =>
  z.string().trim().min(1, `${label} wajib diisi.`).max(max, `${label} terlalu panjang (maksimal ${max} karakter).`);

export const indicatorInputSchema = z
  .object({
    id: idSchema.optional(),
    aspek: z.enum(aspekList).nullable().optional(),
    perspektif: z.enum(perspektifList).nullable().optional(),
    text: text('Indikator'),
    targetMin: z.number().finite().nullable().optional(),
    targetMax: z.number().finite().nullable().optional(),
    targetUnit: z.string().trim().max(100).nullable().optional(),
    targetText: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((v) => v.targetMin == null || v.targetMax == null || v.targetMax >= v.targetMin, {
    message: 'Target maksimal tidak boleh lebih kecil dari target minimal.',
    path: ['targetMax'],
  })
  .superRefine((v, ctx) => {
    for (const field of ['targetMin', 'targetMax'] as const) {
      const why = negativeRefusal(v.aspek, v[field]);
      if (why) ctx.addIssue({ code: 'custom', message: why, path: [field] });
    }
  });
export type IndicatorInput = z.input<typeof indicatorInputSchema>;

export const rhkInputSchema = z.object({
  skpId: idSchema,
  /** The SKP's version the user saw. */
  version: versionSchema,
  rhk: z.object({
    id: idSchema.optional(),
    kind: z.enum(rhkKinds),
    text: text('Rencana Hasil Kerja'),
    parentRhkId: idSchema.nullable().optional(),
    pkReference: z.string().trim().max(500).nullable().optional(),
    orderNo: z.number().int().min(0).optional(),
    indicators: z.array(indicatorInputSchema).min(1, 'Setiap RHK memerlukan sedikitnya satu indikator.').max(12),
  }),
});

export const indicatorSchema = z.object({
  id: idSchema,
  aspek: z.enum(aspekList).nullable(),
  perspektif: z.enum(perspektifList).nullable(),
  text: z.string(),
  targetMin: z.number().nullable(),
  targetMax: z.number().nullable(),
  targetUnit: z.string().nullable(),
  targetText: z.string().nullable(),
  /** "10 - 12 dokumen", "100 persen", or the descriptive target. */
  targetLabel: z.string(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const rhkSchema = z.object({
  id: idSchema,
  kind: z.enum(rhkKinds),
  text: z.string(),
  parentRhkId: idSchema.nullable(),
  parentRhkText: z.string().nullable(),
  parentOwnerName: z.string().nullable(),
  pkReference: z.string().nullable(),
  orderNo: z.number(),
  indicators: z.array(indicatorSchema),
  /** RHK handed down from this one (cascade), for the appraiser's view. */
  childCount: z.number(),
});
export type Rhk = z.infer<typeof rhkSchema>;

export const personSnapshotSchema = z.object({
  employeeId: idSchema.nullable(),
  name: z.string(),
  nip: z.string().nullable(),
  golongan: z.string().nullable(),
  position: z.string().nullable(),
  unit: z.string().nullable(),
});
export type PersonSnapshot = z.infer<typeof personSnapshotSchema>;

export const skpSummarySchema = z.object({
  id: idSchema,
  yearId: idSchema,
  year: z.number(),
  employeeId: idSchema,
  employeeName: z.string(),
  employeeNip: z.string(),
  position: z.string().nullable(),
  unit: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(skpStatuses),
  amending: z.boolean(),
  approach: z.enum(approaches),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  rhkCount: z.number(),
  version: z.number(),
});
export type SkpSummary = z.infer<typeof skpSummarySchema>;

export const skpEventSchema = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const skpDetailSchema = skpSummarySchema.extend({
  isJpt: z.boolean(),
  returnNote: z.string().nullable(),
  approvedVersion: z.number(),
  header: z.object({
    officeName: z.string(),
    employee: personSnapshotSchema,
    appraiser: personSnapshotSchema.nullable(),
    atasan: personSnapshotSchema.nullable(),
  }),
  rhk: z.array(rhkSchema),
  expectations: z.array(z.object({ valueCode: z.enum(perilakuCodes), text: z.string() })),
  annex: z.object({
    dukungan_sumber_daya: z.array(z.string()),
    skema_pertanggungjawaban: z.array(z.string()),
    konsekuensi: z.array(z.string()),
  }),
  events: z.array(skpEventSchema),
  versions: z.array(z.object({ versionNo: z.number(), approvedAt: z.string(), note: z.string().nullable() })),
  viewerRole: z.enum(['pegawai', 'penilai', 'atasan_penilai', 'pengelola']),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    return: z.boolean(),
    approve: z.boolean(),
    amend: z.boolean(),
    setExpectations: z.boolean(),
    cascade: z.boolean(),
  }),
});
export type SkpDetail = z.infer<typeof skpDetailSchema>;

/** What an approved version keeps: the whole plan as it was signed. */
export const skpSnapshotSchema = skpDetailSchema.pick({
  header: true,
  approach: true,
  isJpt: true,
  periodStart: true,
  periodEnd: true,
  rhk: true,
  expectations: true,
  annex: true,
});
export type SkpSnapshot = z.infer<typeof skpSnapshotSchema>;

const skpRef = z.object({ skpId: idSchema, version: versionSchema });

export const cascadeNodeSchema: z.ZodType<CascadeNode> = z.lazy(() =>
  z.object({
    skpId: idSchema.nullable(),
    employeeId: idSchema,
    employeeName: z.string(),
    position: z.string().nullable(),
    status: z.enum([...skpStatuses, 'belum_dibuat']),
    rhk: z.array(z.object({ id: idSchema, kind: z.enum(rhkKinds), text: z.string(), parentRhkId: idSchema.nullable(), unlinked: z.boolean() })),
    children: z.array(cascadeNodeSchema),
  }),
);
export interface CascadeNode {
  skpId: string | null;
  employeeId: string;
  employeeName: string;
  position: string | null;
  status: (typeof skpStatuses)[number] | 'belum_dibuat';
  rhk: { id: string; kind: (typeof rhkKinds)[number]; text: string; parentRhkId: string | null; unlinked: boolean }[];
  children: CascadeNode[];
}

export const monitorRowSchema = z.object({
  employeeId: idSchema,
  name: z.string(),
  nip: z.string(),
  unitId: idSchema.nullable(),
  unit: z.string().nullable(),
  position: z.string().nullable(),
  appraiserName: z.string().nullable(),
  status: z.enum([...skpStatuses, 'belum_dibuat']),
  skpId: idSchema.nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
});

export const skpCommands = {
  'skp.list': defineCommand({
    name: 'skp.list',
    summary: 'SKP seorang pegawai (bawaan: diri sendiri), per tahun.',
    input: z.object({ employeeId: idSchema.optional(), yearId: idSchema.optional() }),
    output: z.object({ skps: z.array(skpSummarySchema) }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'skp.get': defineCommand({
    name: 'skp.get',
    summary: 'Satu SKP lengkap: identitas, RHK dan indikator, perilaku kerja, lampiran, riwayat, dan tindakan yang boleh dilakukan.',
    input: z.object({ skpId: idSchema }),
    output: skpDetailSchema,
    access: ['authenticated'],
    kind: 'read',
  }),
  'skp.create': defineCommand({
    name: 'skp.create',
    summary: 'Membuat SKP untuk Tahun Penilaian dan jabatan saat ini; bisa menyalin SKP tahun lalu.',
    input: z.object({
      yearId: idSchema,
      employeeId: idSchema.optional(),
      approach: z.enum(approaches).default('kuantitatif'),
      copyFromSkpId: idSchema.optional(),
    }),
    output: z.object({ skp: skpSummarySchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'skp.setApproach': defineCommand({
    name: 'skp.setApproach',
    summary: 'Mengganti pendekatan hasil kerja (kuantitatif/kualitatif) SKP draf.',
    input: skpRef.extend({ approach: z.enum(approaches) }),
    output: z.object({ version: z.number() }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'skp.saveRhk': defineCommand({
    name: 'skp.saveRhk',
    summary: 'Menambah atau mengubah satu RHK beserta indikatornya.',
    input: rhkInputSchema,
    output: z.object({ rhkId: idSchema, version: z.number() }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'skp.removeRhk': defineCommand({
    name: 'skp.removeRhk',
    summary: 'Menghapus satu RHK (dan indikatornya) dari SKP draf.',
    input: skpRef.extend({ rhkId: idSchema }),
    output: z.object({ version: z.number() }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'skp.saveAnnex': defineCommand({
    name: 'skp.saveAnnex',
    summary: 'Menyimpan tiga daftar lampiran SKP.',
    input: skpRef.extend({
      dukungan_sumber_daya: z.array(text('Butir lampiran', 1000)).max(30),
      skema_pertanggungjawaban: z.array(text('Butir lampiran', 1000)).max(30),
      konsekuensi: z.array(text('Butir lampiran', 1000)).max(30),
    }),
    output: z.object({ version: z.number() }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'skp.setExpectations': defineCommand({
    name: 'skp.setExpectations',
    summary: 'Pejabat Penilai menetapkan Ekspektasi Khusus Pimpinan per nilai BerAKHLAK.',
    input: skpRef.extend({
      expectations: z.array(z.object({ valueCode: z.enum(perilakuCodes), text: z.string().trim().max(2000) })).max(7),
    }),
    output: z.object({ version: z.number() }),
    access: ['penilai'],
    kind: 'write',
  }),
  'skp.submit': defineCommand({
    name: 'skp.submit',
    summary: 'Pegawai mengajukan SKP kepada Pejabat Penilai.',
    input: skpRef,
    output: z.object({ version: z.number() }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'skp.return': defineCommand({
    name: 'skp.return',
    summary: 'Pejabat Penilai mengembalikan SKP dengan catatan perbaikan.',
    input: skpRef.extend({ note: text('Catatan pengembalian', 2000) }),
    output: z.object({ version: z.number() }),
    access: ['penilai', 'pengelola'],
    kind: 'write',
  }),
  'skp.approve': defineCommand({
    name: 'skp.approve',
    summary: 'Pejabat Penilai menyetujui SKP; versi yang disetujui disimpan utuh.',
    input: skpRef,
    output: z.object({ version: z.number(), versionNo: z.number() }),
    access: ['penilai', 'pengelola'],
    kind: 'write',
  }),
  'skp.approveMany': defineCommand({
    name: 'skp.approveMany',
    summary: 'Menyetujui beberapa SKP sekaligus setelah ditinjau (semua atau tidak sama sekali).',
    input: z.object({ items: z.array(skpRef).min(1, 'Pilih sedikitnya satu SKP.').max(500) }),
    output: z.object({ approved: z.number() }),
    access: ['penilai', 'pengelola'],
    kind: 'write',
  }),
  'skp.amend': defineCommand({
    name: 'skp.amend',
    summary: 'Memulai perubahan (adendum) atas SKP yang sudah disetujui; versi lama tetap tersimpan.',
    input: skpRef.extend({ reason: text('Alasan perubahan', 1000) }),
    output: z.object({ version: z.number() }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'skp.compare': defineCommand({
    name: 'skp.compare',
    summary: 'Dua versi SKP berdampingan (0 = isi saat ini).',
    input: z.object({ skpId: idSchema, from: z.number().int().min(0), to: z.number().int().min(0) }),
    output: z.object({ from: skpSnapshotSchema, to: skpSnapshotSchema, fromLabel: z.string(), toLabel: z.string() }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'skp.parentOptions': defineCommand({
    name: 'skp.parentOptions',
    summary: 'RHK Pejabat Penilai pada tahun yang sama, untuk dipilih sebagai RHK pimpinan yang diintervensi.',
    input: z.object({ skpId: idSchema }),
    output: z.object({
      appraiserName: z.string().nullable(),
      options: z.array(z.object({ id: idSchema, kind: z.enum(rhkKinds), text: z.string() })),
    }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'skp.cascade': defineCommand({
    name: 'skp.cascade',
    summary: 'Menurunkan satu RHK Pejabat Penilai kepada banyak pegawai yang dinilainya sekaligus, sebagai draf RHK yang terhubung.',
    input: z.object({ sourceRhkId: idSchema, employeeIds: z.array(idSchema).min(1, 'Pilih sedikitnya satu pegawai.').max(500) }),
    output: z.object({ created: z.number(), skpsCreated: z.number() }),
    access: ['penilai'],
    kind: 'write',
  }),
  'skp.cascadeTree': defineCommand({
    name: 'skp.cascadeTree',
    summary: 'Pohon cascading RHK dari kepala kantor ke bawah; RHK yang tidak terhubung ke atas ditandai.',
    input: z.object({ yearId: idSchema, rootEmployeeId: idSchema.optional() }),
    output: z.object({ roots: z.array(cascadeNodeSchema), unlinkedCount: z.number() }),
    access: ['penilai', 'pengelola'],
    kind: 'read',
  }),
  'skp.inbox': defineCommand({
    name: 'skp.inbox',
    summary: 'SKP yang menunggu persetujuan Pejabat Penilai ini.',
    input: z.object({ yearId: idSchema.optional() }),
    output: z.object({ skps: z.array(skpSummarySchema) }),
    access: ['penilai'],
    kind: 'read',
  }),
  'skp.monitor': defineCommand({
    name: 'skp.monitor',
    summary: 'Status SKP setiap pegawai (kantor untuk Pengelola Kinerja, tim untuk Pejabat Penilai) dengan jumlah per status.',
    input: z.object({ yearId: idSchema, unitId: idSchema.optional(), scope: z.enum(['office', 'team']).default('office') }),
    output: z.object({
      deadline: z.string(),
      overdue: z.boolean(),
      counts: z.record(z.string(), z.number()),
      rows: z.array(monitorRowSchema),
    }),
    access: ['penilai', 'pengelola'],
    kind: 'read',
  }),
};
