import { z } from 'zod';
import { calendarDateSchema, dateTimeSchema, defineCommand, idSchema, versionSchema } from '../contract';
import { addDays } from '../people/dates';

export const dialogueKinds = ['perencanaan', 'pemantauan', 'evaluasi', 'keberatan'] as const;
export const dialogueKindLabels: Record<(typeof dialogueKinds)[number], string> = {
  perencanaan: 'Perencanaan',
  pemantauan: 'Pemantauan',
  evaluasi: 'Evaluasi',
  keberatan: 'Keberatan',
};
export const dialogueStatuses = ['diminta', 'dijadwalkan', 'dicatat', 'dikonfirmasi', 'dibatalkan'] as const;
export const dialogueStatusLabels: Record<(typeof dialogueStatuses)[number], string> = {
  diminta: 'Diminta',
  dijadwalkan: 'Dijadwalkan',
  dicatat: 'Notulen dicatat',
  dikonfirmasi: 'Dikonfirmasi kedua pihak',
  dibatalkan: 'Dibatalkan',
};
export const actionOwners = ['pegawai', 'penilai', 'bersama'] as const;

/**
 * When a dialogue about a performance year may be held: from the year's start (planning up to
 * three months earlier: next year's SKP is agreed in the last quarter) until three months after its
 * end (the last period's monitoring, the annual evaluation and appeals follow the year's end).
 * Days as `YYYY-MM-DD`, both ends included.
 */
export function dialogueWindow(kind: (typeof dialogueKinds)[number], year: { year: number; start: string; end: string }): { year: number; start: string; end: string } {
  return {
    year: year.year,
    start: kind === 'perencanaan' ? addDays(year.start, -92) : year.start,
    end: addDays(year.end, 90),
  };
}

export const dialogueSchema = z.object({
  id: idSchema,
  kind: z.enum(dialogueKinds),
  status: z.enum(dialogueStatuses),
  employeeId: idSchema,
  employeeName: z.string(),
  appraiserId: idSchema.nullable(),
  appraiserName: z.string().nullable(),
  skpId: idSchema.nullable(),
  requestedByName: z.string(),
  requestNote: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  place: z.string().nullable(),
  agenda: z.string().nullable(),
  participants: z.string().nullable(),
  discussion: z.string().nullable(),
  employeeConcerns: z.string().nullable(),
  agreed: z.string().nullable(),
  employeeConfirmedAt: z.string().nullable(),
  appraiserConfirmedAt: z.string().nullable(),
  actions: z.array(z.object({ id: idSchema, text: z.string(), owner: z.enum(actionOwners), dueDate: z.string().nullable(), doneAt: z.string().nullable() })),
  viewerSide: z.enum(['pegawai', 'penilai', 'pengelola']),
  /** The performance year of the dialogue's SKP and when it may be held (dialogueWindow). Null for a dialogue about no SKP. */
  year: z.object({ year: z.number(), start: z.string(), end: z.string() }).nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type Dialogue = z.infer<typeof dialogueSchema>;

const ref = z.object({ dialogueId: idSchema, version: versionSchema });
const longText = (label: string) => z.string().trim().max(8000, `${label} terlalu panjang.`);

export const dialogueCommands = {
  'dialogue.list': defineCommand({
    name: 'dialogue.list',
    summary: 'Dialog kinerja seorang pegawai (bawaan: diri sendiri) atau yang melibatkan Anda sebagai penilai.',
    input: z.object({ employeeId: idSchema.optional(), skpId: idSchema.optional(), asAppraiser: z.boolean().default(false) }),
    output: z.object({ dialogues: z.array(dialogueSchema) }),
    access: ['authenticated'],
    kind: 'read',
  }),
  'dialogue.request': defineCommand({
    name: 'dialogue.request',
    summary: 'Pegawai atau Pejabat Penilai meminta dialog kinerja.',
    input: z.object({
      kind: z.enum(dialogueKinds),
      employeeId: idSchema.optional(),
      skpId: idSchema.optional(),
      note: z.string().trim().max(2000).optional(),
      proposedAt: dateTimeSchema('Waktu usulan tidak valid.').optional(),
    }),
    output: z.object({ dialogue: dialogueSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'dialogue.schedule': defineCommand({
    name: 'dialogue.schedule',
    summary: 'Menjadwalkan dialog: waktu, tempat, agenda.',
    input: ref.extend({
      scheduledAt: dateTimeSchema('Waktu tidak valid.'),
      place: z.string().trim().max(300).optional(),
      agenda: z.string().trim().min(1, 'Isi agenda dialog.').max(4000),
    }),
    output: z.object({ dialogue: dialogueSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'dialogue.record': defineCommand({
    name: 'dialogue.record',
    summary: 'Mencatat notulen: yang dibahas, keprihatinan pegawai dengan kata-katanya sendiri, kesepakatan dan tindak lanjut.',
    input: ref.extend({
      participants: z.string().trim().max(2000).optional(),
      discussion: longText('Pembahasan').min(1, 'Isi apa yang dibahas.'),
      employeeConcerns: longText('Keprihatinan pegawai').optional(),
      agreed: longText('Kesepakatan').optional(),
      actions: z
        .array(z.object({ text: z.string().trim().min(1, 'Isi tindak lanjut.').max(1000), owner: z.enum(actionOwners).default('pegawai'), dueDate: calendarDateSchema({ from: 2000, to: 2100 }).nullable().optional() }))
        .max(30)
        .default([]),
    }),
    output: z.object({ dialogue: dialogueSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'dialogue.confirm': defineCommand({
    name: 'dialogue.confirm',
    summary: 'Pegawai atau Pejabat Penilai mengonfirmasi notulen.',
    input: ref,
    output: z.object({ dialogue: dialogueSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'dialogue.cancel': defineCommand({
    name: 'dialogue.cancel',
    summary: 'Membatalkan dialog yang belum dicatat, dengan alasan.',
    input: ref.extend({ reason: z.string().trim().min(1, 'Isi alasan pembatalan.').max(1000) }),
    output: z.object({ dialogue: dialogueSchema }),
    access: ['authenticated'],
    kind: 'write',
  }),
  'dialogue.completeAction': defineCommand({
    name: 'dialogue.completeAction',
    summary: 'Menandai satu tindak lanjut dialog selesai (atau belum).',
    input: z.object({ actionId: idSchema, done: z.boolean() }),
    output: z.object({ ok: z.literal(true) }),
    access: ['authenticated'],
    kind: 'write',
  }),
};
