import { z } from 'zod';
import { defineCommand, emptyInput, plain } from '../contract';

/**
 * The central instance's own commands (Admin Pusat, BKPSDM): registered offices, enrolment codes,
 * revoking and rotating an office's secret, rejects, and importing an office's USB bundle. Their
 * handlers await the central store (Kysely on SQLite or PostgreSQL), see electron/core/central.
 */

/** A registration's id (UUIDv7) as the Kantor page names it. */
const registrationIdSchema = z.string().uuid({ message: 'Kantor tidak dikenal.' });

export const centralOfficeSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  officeId: z.string().nullable(),
  status: z.enum(['menunggu', 'aktif', 'dicabut']),
  enrolledAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  pending: z.number().int(),
  digestEqual: z.boolean().nullable(),
  digestAt: z.string().nullable(),
  clockSkewMs: z.number().nullable(),
  rejects: z.number().int(),
  /** Active and not heard of for more than 7 days. */
  silent: z.boolean(),
  /** Whole days since the office was last heard of (its last sync, else its enrolment). */
  silentDays: z.number().int().nullable(),
  /** While the one-time code is unused: when it expires. */
  codeExpiresAt: z.string().nullable(),
});
export type CentralOffice = z.infer<typeof centralOfficeSchema>;

const enrolmentCodeSchema = z.object({ registrationId: z.string(), enrolmentCode: z.string(), expiresAt: z.string() });

const fileSchema = z.object({
  fileName: plain(z.string().trim().min(1).max(200)),
  /** The file's bytes, base64. */
  contentBase64: z.string().min(1, 'Pilih berkas bundel.').regex(/^[A-Za-z0-9+/=\s]+$/, 'Berkas tidak terbaca.'),
});

export const centralCommands = {
  'central.offices': defineCommand({
    name: 'central.offices',
    summary: 'Kantor yang terdaftar di server pusat: sinkronisasi terakhir, perubahan menunggu, versi aplikasi, keadaan sidik data, penolakan; kantor yang senyap lebih dari 7 hari ditandai.',
    input: emptyInput,
    output: z.object({ centralName: z.string(), store: z.enum(['sqlite', 'postgres']), offices: z.array(centralOfficeSchema) }),
    access: ['admin_pusat'],
    kind: 'read',
  }),
  'central.rejects': defineCommand({
    name: 'central.rejects',
    summary: 'Perubahan satu kantor yang tidak dapat diterapkan server pusat (daftar penolakan).',
    input: z.object({ registrationId: registrationIdSchema }),
    output: z.object({
      office: z.string(),
      rejects: z.array(z.object({ changeId: z.string(), table: z.string(), rowId: z.string(), reason: z.string(), at: z.string() })),
    }),
    access: ['admin_pusat'],
    kind: 'read',
  }),
  'central.addOffice': defineCommand({
    name: 'central.addOffice',
    summary: 'Mendaftarkan kantor (nama, kode): kode pendaftaran sekali pakai yang berlaku 24 jam.',
    input: z.object({
      name: plain(z.string().trim().min(3, 'Nama kantor minimal 3 huruf.').max(200, 'Nama kantor terlalu panjang.')),
      code: z
        .string()
        .trim()
        .max(40, 'Kode kantor paling banyak 40 karakter.')
        .nullish()
        .transform((v) => v || null),
    }),
    output: enrolmentCodeSchema,
    access: ['admin_pusat'],
    kind: 'write',
  }),
  'central.rotateSecret': defineCommand({
    name: 'central.rotateSecret',
    summary: 'Mengganti kunci rahasia kantor: kunci lama berhenti saat itu juga; kantor mendaftar ulang dengan kode baru.',
    input: z.object({ registrationId: registrationIdSchema }),
    output: enrolmentCodeSchema,
    access: ['admin_pusat'],
    kind: 'write',
  }),
  'central.revoke': defineCommand({
    name: 'central.revoke',
    summary: 'Mencabut pendaftaran kantor: permintaan sinkronisasi berikutnya ditolak.',
    input: z.object({ registrationId: registrationIdSchema }),
    output: z.object({ registrationId: z.string() }),
    access: ['admin_pusat'],
    kind: 'write',
  }),
  'central.importBundle': defineCommand({
    name: 'central.importBundle',
    summary: 'Mengimpor bundel USB kantor melalui jalur terap yang sama dengan sinkronisasi LAN, lalu memberi bundel balasan. Bundel yang sama dua kali tidak mengubah apa pun.',
    input: fileSchema,
    output: z.object({
      officeName: z.string(),
      batches: z.number().int(),
      applied: z.number().int(),
      errors: z.array(z.string()),
      /** When this very file was imported before (nothing changed this time), else null. */
      importedBefore: z.string().nullable(),
      reply: z.object({ fileName: z.string(), contentBase64: z.string() }),
    }),
    access: ['admin_pusat'],
    kind: 'write',
  }),
};

export { fileSchema as bundleFileSchema };
