import { z } from 'zod';
import { defineCommand, idSchema, versionSchema } from '../contract';
import { predikats, ratings } from '../evaluation/predikat';

/** PP 30/2019 art. 59: an objection within 14 days of receiving the result. */
export const appealWindowDays = 14;

export const appealSchema = z.object({
  id: idSchema,
  evaluationId: idSchema,
  skpId: idSchema,
  period: z.string(),
  periodLabel: z.string(),
  employeeId: idSchema,
  employeeName: z.string(),
  appraiserName: z.string().nullable(),
  atasanName: z.string().nullable(),
  status: z.enum(['diajukan', 'diputus']),
  filedAt: z.string(),
  reasons: z.string(),
  appraiserExplanation: z.string().nullable(),
  employeeExplanation: z.string().nullable(),
  original: z.object({ resultsRating: z.enum(ratings).nullable(), behaviourRating: z.enum(ratings).nullable(), predikat: z.enum(predikats).nullable() }),
  decision: z.enum(['tetap', 'diubah']).nullable(),
  decided: z.object({ resultsRating: z.enum(ratings).nullable(), behaviourRating: z.enum(ratings).nullable(), predikat: z.enum(predikats).nullable() }),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  viewerSide: z.enum(['pegawai', 'penilai', 'atasan_penilai', 'pengelola']),
  can: z.object({ explain: z.boolean(), decide: z.boolean() }),
  version: z.number(),
});
export type Appeal = z.infer<typeof appealSchema>;

const text = (label: string) => z.string().trim().min(1, `${label} wajib diisi.`).max(8000, `${label} terlalu panjang.`);

export const appealCommands = {
  'appeal.file': defineCommand({
    name: 'appeal.file',
    summary: 'Pegawai mengajukan keberatan atas hasil penilaian kepada Atasan Pejabat Penilai, paling lambat 14 hari setelah menerimanya.',
    input: z.object({ evaluationId: idSchema, reasons: text('Alasan keberatan') }),
    output: z.object({ appeal: appealSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'appeal.explain': defineCommand({
    name: 'appeal.explain',
    summary: 'Pejabat Penilai atau pegawai memberi penjelasan kepada Atasan Pejabat Penilai.',
    input: z.object({ appealId: idSchema, version: versionSchema, explanation: text('Penjelasan') }),
    output: z.object({ appeal: appealSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'appeal.decide': defineCommand({
    name: 'appeal.decide',
    summary: 'Atasan Pejabat Penilai memutus keberatan: tetap atau diubah, dengan alasan. Putusan bersifat final.',
    input: z.object({
      appealId: idSchema,
      version: versionSchema,
      decision: z.enum(['tetap', 'diubah']),
      resultsRating: z.enum(ratings).optional(),
      behaviourRating: z.enum(ratings).optional(),
      reason: text('Alasan putusan'),
    }),
    output: z.object({ appeal: appealSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'appeal.get': defineCommand({
    name: 'appeal.get',
    summary: 'Satu keberatan beserta riwayatnya.',
    input: z.object({ appealId: idSchema }),
    output: z.object({ appeal: appealSchema }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'appeal.list': defineCommand({
    name: 'appeal.list',
    summary: 'Keberatan: milik sendiri, yang harus diputus atau dijelaskan, atau seluruh kantor (Pengelola Kinerja).',
    input: z.object({ scope: z.enum(['mine', 'todo', 'office']).default('mine'), status: z.enum(['diajukan', 'diputus']).optional() }),
    output: z.object({ appeals: z.array(appealSchema) }),
    access: ['authenticated'],
    kind: 'read',
  }),
};
