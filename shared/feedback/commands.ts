import { z } from 'zod';
import { defineCommand, idSchema } from '../contract';
import { periodCodeSchema } from '../realisasi/commands';
import { perilakuCodes } from '../skp/perilaku';

export const feedbackTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rhk'), rhkId: idSchema }),
  z.object({ kind: z.literal('perilaku'), valueCode: z.enum(perilakuCodes) }),
  z.object({ kind: z.literal('umum') }),
]);
export type FeedbackTarget = z.infer<typeof feedbackTargetSchema>;

export const feedbackMessageSchema = z.object({
  id: idSchema,
  period: z.string(),
  target: feedbackTargetSchema,
  authorName: z.string(),
  authorRole: z.enum(['pegawai', 'penilai', 'atasan_penilai']),
  mine: z.boolean(),
  body: z.string(),
  at: z.string(),
  unread: z.boolean(),
});
export type FeedbackMessage = z.infer<typeof feedbackMessageSchema>;

export const feedbackCommands = {
  'feedback.thread': defineCommand({
    name: 'feedback.thread',
    summary: 'Umpan balik berkelanjutan satu SKP (satu periode, atau semua): siapa berkata apa dan kapan.',
    input: z.object({ skpId: idSchema, period: periodCodeSchema.optional() }),
    output: z.object({ messages: z.array(feedbackMessageSchema), canPost: z.boolean() }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'feedback.post': defineCommand({
    name: 'feedback.post',
    summary: 'Pejabat Penilai memberi umpan balik atas RHK atau nilai BerAKHLAK; pegawai menanggapinya.',
    input: z.object({
      skpId: idSchema,
      period: periodCodeSchema,
      target: feedbackTargetSchema,
      body: z.string().trim().min(1, 'Tulis umpan balik atau tanggapan Anda.').max(4000, 'Umpan balik terlalu panjang (maksimal 4.000 karakter).'),
    }),
    output: z.object({ message: feedbackMessageSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'feedback.markRead': defineCommand({
    name: 'feedback.markRead',
    summary: 'Menandai umpan balik satu SKP sudah dibaca.',
    input: z.object({ skpId: idSchema }),
    output: z.object({ ok: z.literal(true) }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'feedback.unread': defineCommand({
    name: 'feedback.unread',
    summary: 'Jumlah umpan balik yang belum dibaca, per SKP.',
    input: z.object({}).strict(),
    output: z.object({ total: z.number(), bySkp: z.array(z.object({ skpId: idSchema, employeeName: z.string(), count: z.number() })) }),
    access: ['authenticated'],
    kind: 'read',
  }),
};
