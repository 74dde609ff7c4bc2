import { z } from 'zod';
import { defineCommand, idSchema } from '../contract';
import { orgRatings, predikats } from '../evaluation/predikat';
import { periodCodeSchema } from '../realisasi/commands';

export const unitDistributionSchema = z.object({
  unitId: idSchema.nullable(),
  unitName: z.string(),
  orgRating: z.enum(orgRatings).nullable(),
  pattern: z.string().nullable(),
  total: z.number(),
  counts: z.record(z.enum(predikats), z.number()),
  bands: z.record(z.enum(predikats), z.object({ min: z.number(), max: z.number() })).nullable(),
  rules: z.array(z.object({ text: z.string(), ok: z.boolean(), actualCount: z.number(), actualShare: z.number() })),
  breaches: z.array(z.string()),
});
export type UnitDistribution = z.infer<typeof unitDistributionSchema>;

export const distributionCommands = {
  'distribution.get': defineCommand({
    name: 'distribution.get',
    summary: 'Sebaran predikat per unit dan periode dibanding pola yang diminta Capaian Kinerja Organisasinya; setiap pelanggaran dinyatakan dengan kata-kata.',
    input: z.object({ yearId: idSchema, period: periodCodeSchema, unitId: idSchema.optional() }),
    output: z.object({ office: unitDistributionSchema, units: z.array(unitDistributionSchema) }),
    access: ['pengelola', 'penilai', 'admin_pusat'],
    kind: 'read',
  }),
};
