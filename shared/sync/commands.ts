import { z } from 'zod';
import { defineCommand, emptyInput } from '../contract';

export const syncRunSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ok: z.boolean(),
  pushed: z.number().int(),
  pulled: z.number().int(),
  repaired: z.number().int(),
  files: z.number().int(),
  digestsEqual: z.boolean().nullable(),
  via: z.string(),
  message: z.string().nullable(),
});

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  centralUrl: z.string().nullable(),
  centralName: z.string().nullable(),
  registeredAs: z.string().nullable(),
  state: z.enum(['belum', 'tersinkron', 'menunggu', 'gagal', 'belum_diperiksa']),
  stateText: z.string(),
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  skewMs: z.number().nullable(),
  skewText: z.string().nullable(),
  digestsEqual: z.boolean().nullable(),
  notice: z.string().nullable(),
  epoch: z.number().int(),
  ackedSeq: z.number().int(),
  /** When "Sinkronkan sekarang" was asked and the background sync has not yet taken it up. */
  requestedAt: z.string().nullable(),
  runs: z.array(syncRunSchema),
  rejects: z.array(z.object({ changeId: z.string(), table: z.string(), rowId: z.string(), reason: z.string(), at: z.string() })),
  reference: z.array(z.object({ id: z.string(), kind: z.enum(['org_rating', 'calendar', 'announcement']), data: z.record(z.string(), z.unknown()) })),
});
export type SyncStatusOut = z.infer<typeof syncStatusSchema>;

export const syncCommands = {
  'sync.status': defineCommand({
    name: 'sync.status',
    summary: 'Keadaan sinkronisasi kantor dengan server pusat: alamat, keadaan dalam kata, keberhasilan terakhir, 20 proses terakhir, penolakan, data yang ditetapkan BKPSDM.',
    input: emptyInput,
    output: syncStatusSchema,
    access: ['pengelola'],
    kind: 'read',
  }),
  'sync.requestRun': defineCommand({
    name: 'sync.requestRun',
    summary: 'Sinkronkan sekarang: sinkronisasi latar belakang (server atau aplikasi desktop) menjalankannya dalam beberapa detik.',
    input: emptyInput,
    output: z.object({ requestedAt: z.string() }),
    access: ['pengelola'],
    kind: 'write',
  }),
};
