import { z } from 'zod';
import { defineCommand, emptyInput, idSchema } from '../contract';
import { skpStatuses } from '../skp/workflow';

/**
 * Beranda: the caller's own situation in one read (who they are here, whether their SKP for the
 * running year is late) and, for a Pengelola Kinerja, how far the office's setup has come.
 */
export const setupStepKeys = ['profile', 'units', 'positions', 'employees', 'accounts', 'year'] as const;
export type SetupStepKey = (typeof setupStepKeys)[number];

export const homeSummarySchema = z.object({
  profile: z.object({
    /** The position held today (definitive first, else acting), as on the SKP. */
    position: z.string().nullable(),
    positionKind: z.enum(['definitif', 'plt', 'plh']).nullable(),
    unitName: z.string().nullable(),
    golongan: z.string().nullable(),
    pangkat: z.string().nullable(),
  }),
  /** The caller's SKP in the running year (null when no year is running). */
  skp: z
    .object({
      year: z.number().int(),
      deadline: z.string(),
      skpId: idSchema.nullable(),
      status: z.enum([...skpStatuses, 'belum_dibuat']),
      /** Past the agreement deadline and never approved. */
      overdue: z.boolean(),
    })
    .nullable(),
  /** The office's setup steps, for a Pengelola Kinerja (null for everyone else). */
  setup: z
    .object({
      steps: z.array(z.object({ key: z.enum(setupStepKeys), done: z.boolean(), count: z.number().int() })),
      complete: z.boolean(),
    })
    .nullable(),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;

export const homeCommands = {
  'home.summary': defineCommand({
    name: 'home.summary',
    summary: 'Ringkasan Beranda: jabatan, pangkat dan unit pengguna, status SKP tahun berjalan, dan langkah penyiapan kantor (Pengelola Kinerja).',
    input: emptyInput,
    output: homeSummarySchema,
    access: ['authenticated'],
    kind: 'read',
  }),
};
