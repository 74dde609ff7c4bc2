import { z } from 'zod';
import { defineCommand, emptyInput, plain } from '../contract';

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
  /** The central's TLS certificate fingerprint pinned at enrolment (null over plain http). */
  fingerprint: z.string().nullable(),
  /** The sync running now in this process (the background sync), for a progress bar; null when none runs. */
  progress: z
    .object({
      phase: z.enum(['push', 'baseline', 'files', 'pull', 'digest', 'pulihkan']),
      done: z.number().int(),
      total: z.number().int(),
      startedAt: z.string(),
    })
    .nullable(),
});
export type SyncStatusOut = z.infer<typeof syncStatusSchema>;

const bundleFile = z.object({ fileName: z.string(), contentBase64: z.string() });

export const syncCommands = {
  'sync.announcements': defineCommand({
    name: 'sync.announcements',
    summary: 'Pengumuman BKPSDM yang masih berlaku (ditarik dari server pusat), untuk Beranda setiap pengguna.',
    input: emptyInput,
    output: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), body: z.string(), until: z.string().nullable() })) }),
    access: ['authenticated'],
    kind: 'read',
  }),
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
  'sync.enroll': defineCommand({
    name: 'sync.enroll',
    summary: 'Mendaftarkan kantor ini di server pusat dengan alamat server dan kode pendaftaran dari Admin Pusat; sidik jari sertifikat TLS server pusat disematkan.',
    input: z.object({
      centralUrl: z
        .string()
        .trim()
        .min(1, 'Alamat server pusat wajib diisi.')
        .max(300)
        .refine((v) => /^https?:\/\/[^\s/]+/i.test(v), 'Alamat server pusat harus diawali http:// atau https://, misalnya https://pusat.lan:8443.'),
      code: z
        .string()
        .trim()
        .min(1, 'Kode pendaftaran wajib diisi.')
        .max(20)
        .refine((v) => v.replace(/[^A-Za-z0-9]/g, '').length === 8, 'Kode pendaftaran terdiri dari 8 huruf/angka, misalnya K7QM-3XWA.'),
    }),
    output: z.object({ centralName: z.string(), officeName: z.string(), fingerprint: z.string().nullable() }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'sync.exportBundle': defineCommand({
    name: 'sync.exportBundle',
    summary: 'Bundel USB bertanda tangan berisi semua perubahan yang belum diakui server pusat, untuk kantor tanpa jaringan ke pusat.',
    input: emptyInput,
    output: bundleFile.extend({ batches: z.number().int(), rows: z.number().int() }),
    access: ['pengelola'],
    kind: 'read',
  }),
  'sync.importReply': defineCommand({
    name: 'sync.importReply',
    summary: 'Mengimpor bundel balasan server pusat (pengakuan dan data yang ditetapkan BKPSDM).',
    input: z.object({
      fileName: plain(z.string().trim().min(1).max(200)),
      contentBase64: z.string().min(1, 'Pilih berkas balasan.').regex(/^[A-Za-z0-9+/=\s]+$/, 'Berkas tidak terbaca.'),
    }),
    output: z.object({ acked: z.number().int(), reference: z.number().int(), errors: z.array(z.string()) }),
    access: ['pengelola'],
    kind: 'write',
  }),
};
