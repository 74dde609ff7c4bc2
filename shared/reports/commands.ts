import { z } from 'zod';
import { defineCommand, idSchema } from '../contract';
import { predikats } from '../evaluation/predikat';
import { periodCodeSchema } from '../realisasi/commands';

export const reminderSchema = z.object({
  kind: z.enum(['realisasi', 'skp_persetujuan', 'skp_draf', 'penilaian', 'terima_hasil', 'keberatan', 'keberatan_putus', 'dialog', 'umpan_balik']),
  message: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  /** Renderer route to open, e.g. `/skp/<id>`. */
  link: z.string(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const reportsCommands = {
  'reports.officeDashboard': defineCommand({
    name: 'reports.officeDashboard',
    summary: 'Dasbor Pengelola Kinerja: siapa belum melaporkan realisasi, penilaian tertunda per penilai, keberatan terbuka, sebaran per unit.',
    input: z.object({ yearId: idSchema, period: periodCodeSchema }),
    output: z.object({
      periodLabel: z.string(),
      employees: z.number(),
      realisasiSubmitted: z.number(),
      evaluationsFinal: z.number(),
      notReported: z.array(z.object({ employeeId: idSchema, name: z.string(), nip: z.string(), unit: z.string().nullable(), appraiserName: z.string().nullable() })),
      pendingByAppraiser: z.array(z.object({ appraiserId: idSchema.nullable(), appraiserName: z.string(), pending: z.number(), final: z.number() })),
      openAppeals: z.number(),
      predikatByUnit: z.array(z.object({ unitId: idSchema.nullable(), unitName: z.string(), counts: z.record(z.enum(predikats), z.number()), breaches: z.number() })),
    }),
    access: ['pengelola'],
    kind: 'read',
  }),
  'reports.team': defineCommand({
    name: 'reports.team',
    summary: 'Tim sekilas: kemajuan setiap pegawai yang dinilai, umpan balik terakhir, dan yang menunggu Pejabat Penilai.',
    input: z.object({ yearId: idSchema }),
    output: z.object({
      members: z.array(
        z.object({
          employeeId: idSchema,
          name: z.string(),
          position: z.string().nullable(),
          skpId: idSchema.nullable(),
          skpStatus: z.string(),
          periodsReported: z.number(),
          periodsEvaluated: z.number(),
          periodsTotal: z.number(),
          lastPredikat: z.enum(predikats).nullable(),
          lastFeedbackAt: z.string().nullable(),
          lastFeedback: z.string().nullable(),
          waiting: z.array(z.string()),
        }),
      ),
    }),
    access: ['penilai'],
    kind: 'read',
  }),
  'reports.myYear': defineCommand({
    name: 'reports.myYear',
    summary: 'Tahun penilaian pegawai sendiri dalam satu halaman: SKP, realisasi dan penilaian setiap periode, dialog, keberatan.',
    input: z.object({ yearId: idSchema }),
    output: z.object({
      /** `approved`: the plan has an approved version (realisasi can be reported, also while amending). */
      skp: z.object({ id: idSchema, status: z.string(), rhkCount: z.number(), approved: z.boolean() }).nullable(),
      periods: z.array(
        z.object({
          code: z.string(),
          label: z.string(),
          start: z.string(),
          end: z.string(),
          realisasi: z.enum(['belum', 'draf', 'diajukan']),
          evaluation: z.enum(['belum', 'draf', 'final']),
          predikat: z.enum(predikats).nullable(),
          feedbackCount: z.number(),
        }),
      ),
      dialogues: z.number(),
      openAppeals: z.number(),
    }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'reports.waiting': defineCommand({
    name: 'reports.waiting',
    summary: 'Berapa pekerjaan menunggu Anda: SKP untuk disetujui, realisasi untuk dinilai, keberatan untuk dijelaskan atau diputus, dialog kinerja untuk dijadwalkan atau dikonfirmasi.',
    input: z.object({}).strict(),
    output: z.object({
      /** SKP submitted to the caller as Pejabat Penilai. */
      skpInbox: z.number().int(),
      /** Periods sent to the caller whose evaluation is not final, in open years. */
      evaluations: z.number().int(),
      /** Appeals the caller must explain (as appraiser) or decide (as atasan). */
      appeals: z.number().int(),
      /** Dialogues waiting for the caller: asked by the other side, or minutes to confirm. */
      dialogues: z.object({ mine: z.number().int(), team: z.number().int() }),
    }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'reports.reminders': defineCommand({
    name: 'reports.reminders',
    summary: 'Pengingat dalam aplikasi: realisasi jatuh tempo, persetujuan dan penilaian tertunda, batas keberatan.',
    input: z.object({}).strict(),
    output: z.object({ reminders: z.array(reminderSchema) }),
    access: ['authenticated'],
    kind: 'read',
  }),
};
