import { z } from 'zod';
import { defineCommand, idSchema, versionSchema } from '../contract';
import { evidenceSchema, periodCodeSchema, realisasiRowSchema, removedIndicatorSchema } from '../realisasi/commands';
import { personSnapshotSchema, rhkKinds } from '../skp/commands';
import { perilakuCodes } from '../skp/perilaku';
import { orgRatings, predikats, ratings } from './predikat';

export const evaluationSummarySchema = z.object({
  id: idSchema.nullable(),
  skpId: idSchema,
  employeeId: idSchema,
  employeeName: z.string(),
  employeeNip: z.string(),
  position: z.string().nullable(),
  unit: z.string().nullable(),
  period: z.string(),
  periodLabel: z.string(),
  status: z.enum(['belum', 'draf', 'final']),
  resultsRating: z.enum(ratings).nullable(),
  behaviourRating: z.enum(ratings).nullable(),
  predikat: z.enum(predikats).nullable(),
  finalizedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  realisasiSubmitted: z.boolean(),
  version: z.number().nullable(),
  /**
   * The result is withheld from this viewer: the appraised employee while the evaluation is not
   * final. Ratings, predikat, judgements, notes and angka kredit are then null (the appraiser's
   * draft is not theirs to read yet); `status` still tells the evaluation is in progress.
   */
  withheld: z.boolean(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

export const appealBriefSchema = z.object({
  id: idSchema,
  status: z.enum(['diajukan', 'diputus']),
  filedAt: z.string(),
  decision: z.enum(['tetap', 'diubah']).nullable(),
  decidedAt: z.string().nullable(),
});

export const evaluationDetailSchema = evaluationSummarySchema.extend({
  yearId: idSchema,
  year: z.number(),
  /**
   * The approved SKP version whose plan (RHK, indicators, expectations, header) this evaluation
   * shows: fixed when it was locked; null while the SKP's live content is shown.
   */
  planVersion: z.number().nullable(),
  header: z.object({ officeName: z.string(), employee: personSnapshotSchema, appraiser: personSnapshotSchema.nullable(), atasan: personSnapshotSchema.nullable() }),
  orgRating: z.enum(orgRatings).nullable(),
  notes: z.string().nullable(),
  angkaKredit: z.number().nullable(),
  /**
   * For a functional position: the level's yearly coefficient and the months of this period, so
   * the form previews the angka kredit of any predikat from the coefficient (never by rescaling the
   * rounded stored value). Null coefficient: not a functional position.
   */
  angkaKreditBasis: z.object({ coefficient: z.number(), months: z.number() }).nullable(),
  appealDeadline: z.string().nullable(),
  /** Bukti dukung of the period not tied to one indicator (see realisasi.get). */
  generalEvidence: z.array(evidenceSchema),
  /** Realisasi and evidence of the period on indicators not in the judged plan (see removedIndicatorSchema). */
  removedIndicators: z.array(removedIndicatorSchema),
  rhk: z.array(
    z.object({
      rhkId: idSchema,
      kind: z.enum(rhkKinds),
      text: z.string(),
      judgement: z.enum(ratings).nullable(),
      note: z.string().nullable(),
      indicators: z.array(realisasiRowSchema.omit({ rhkId: true, rhkKind: true, rhkText: true })),
      /** Period by period for the annual evaluation ("every period of the year"). */
      feedback: z.array(z.object({ period: z.string(), authorName: z.string(), body: z.string(), at: z.string() })),
    }),
  ),
  perilaku: z.array(z.object({ valueCode: z.enum(perilakuCodes), expectation: z.string().nullable(), feedback: z.array(z.object({ period: z.string(), authorName: z.string(), body: z.string(), at: z.string() })) })),
  /** For the annual evaluation: the periodic results of the year. */
  periodic: z.array(z.object({ period: z.string(), periodLabel: z.string(), status: z.enum(['belum', 'draf', 'final']), predikat: z.enum(predikats).nullable() })),
  appeal: appealBriefSchema.nullable(),
  viewerRole: z.enum(['pegawai', 'penilai', 'atasan_penilai', 'pengelola']),
  can: z.object({ edit: z.boolean(), finalize: z.boolean(), acknowledge: z.boolean(), appeal: z.boolean() }),
});
export type EvaluationDetail = z.infer<typeof evaluationDetailSchema>;

const evalRef = z.object({ evaluationId: idSchema, version: versionSchema });

export const evaluationCommands = {
  'evaluation.get': defineCommand({
    name: 'evaluation.get',
    summary: 'Penilaian satu periode (atau tahunan): target lawan realisasi per RHK, umpan balik, rating, predikat.',
    input: z.object({ skpId: idSchema, period: periodCodeSchema }),
    output: evaluationDetailSchema,
    access: ['authenticated'],
    kind: 'read',
  }),
  'evaluation.save': defineCommand({
    name: 'evaluation.save',
    summary: 'Pejabat Penilai menilai setiap RHK, menetapkan Rating Hasil Kerja dan Rating Perilaku Kerja; predikat mengikuti matriks.',
    input: z.object({
      skpId: idSchema,
      period: periodCodeSchema,
      /**
       * The version of the evaluation the caller read (evaluation.get's `version`), null when none
       * existed yet. Required: a stale one (another tab saved meanwhile) is CONFLICT.
       */
      version: versionSchema.nullable(),
      rhk: z.array(z.object({ rhkId: idSchema, judgement: z.enum(ratings), note: z.string().trim().max(2000).nullable().optional() })).max(100),
      resultsRating: z.enum(ratings).nullable().optional(),
      behaviourRating: z.enum(ratings).nullable().optional(),
      notes: z.string().trim().max(4000).nullable().optional(),
    }),
    output: z.object({ evaluationId: idSchema, version: z.number(), predikat: z.enum(predikats).nullable() }),
    access: ['penilai'],
    kind: 'write',
  }),
  'evaluation.finalize': defineCommand({
    name: 'evaluation.finalize',
    summary: 'Mengunci penilaian; setelah itu tidak dapat diubah siapa pun kecuali melalui putusan keberatan.',
    input: evalRef,
    output: z.object({ version: z.number() }),
    access: ['penilai'],
    kind: 'write',
  }),
  'evaluation.finalizeMany': defineCommand({
    name: 'evaluation.finalizeMany',
    summary: 'Mengunci banyak penilaian sekaligus (semua atau tidak sama sekali).',
    input: z.object({ items: z.array(evalRef).min(1).max(1000) }),
    output: z.object({ finalized: z.number() }),
    access: ['penilai'],
    kind: 'write',
  }),
  'evaluation.acknowledge': defineCommand({
    name: 'evaluation.acknowledge',
    summary: 'Pegawai menyatakan telah menerima hasil penilaian; masa keberatan 14 hari dimulai.',
    input: evalRef,
    output: z.object({ version: z.number(), appealDeadline: z.string() }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'evaluation.pending': defineCommand({
    name: 'evaluation.pending',
    summary: 'Penilaian pegawai yang dinilai untuk satu periode: yang belum, draf, dan final.',
    input: z.object({ yearId: idSchema, period: periodCodeSchema }),
    output: z.object({ items: z.array(evaluationSummarySchema) }),
    access: ['penilai'],
    kind: 'read',
  }),
  'evaluation.mine': defineCommand({
    name: 'evaluation.mine',
    summary: 'Hasil penilaian pegawai sendiri (bawaan) atau seorang pegawai, semua periode tahun itu.',
    input: z.object({ yearId: idSchema, employeeId: idSchema.optional() }),
    output: z.object({ items: z.array(evaluationSummarySchema) }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'evaluation.setOrgRating': defineCommand({
    name: 'evaluation.setOrgRating',
    summary: 'Pimpinan yang berwenang mencatat Capaian Kinerja Organisasi per unit dan periode.',
    input: z.object({
      yearId: idSchema,
      period: periodCodeSchema,
      unitId: idSchema.nullable(),
      rating: z.enum(orgRatings),
      note: z.string().trim().max(2000).optional(),
      /** The version of the rating the caller read (evaluation.orgRatings), null when none was recorded. */
      version: versionSchema.nullable(),
    }),
    output: z.object({ ok: z.literal(true) }),
    access: ['pengelola', 'penilai'],
    kind: 'write',
  }),
  'evaluation.orgRatings': defineCommand({
    name: 'evaluation.orgRatings',
    summary: 'Capaian Kinerja Organisasi yang tercatat untuk satu periode.',
    input: z.object({ yearId: idSchema, period: periodCodeSchema }),
    output: z.object({
      ratings: z.array(
        z.object({
          unitId: idSchema.nullable(),
          unitName: z.string(),
          rating: z.enum(orgRatings),
          setByName: z.string().nullable(),
          note: z.string().nullable(),
          version: z.number(),
          /** Set by BKPSDM at the central (pulled by sync): shown as "ditetapkan BKPSDM", not editable here. */
          fromCentral: z.boolean(),
        }),
      ),
      canSet: z.boolean(),
    }),
    access: ['authenticated'],
    kind: 'read',
  }),
};
