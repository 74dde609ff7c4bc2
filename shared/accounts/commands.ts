import { z } from 'zod';
import { defineCommand, idSchema, versionSchema } from '../contract';
import { employeeStatuses } from '../people/fields';

/**
 * Accounts (Akun Pengguna): how an employee gets a login. A Pengelola Kinerja creates one from
 * the employee page, or for every employee without one after an import; each gets a random
 * temporary password that must be changed at first login. The password is answered once, by the
 * command that sets it (and printed on a slip by the same request), and stored only as a hash:
 * a lost slip means "Atur ulang kata sandi", never a re-print.
 */

/** Filters of the Akun Pengguna list. `perlu-nonaktif`: a moved or retired employee whose account is still active. */
export const accountFilters = ['semua', 'aktif', 'wajib-ganti', 'terkunci', 'nonaktif', 'perlu-nonaktif'] as const;
export type AccountFilter = (typeof accountFilters)[number];

export const accountRowSchema = z.object({
  userId: idSchema,
  employeeId: idSchema,
  nip: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  employeeStatus: z.enum(employeeStatuses),
  isPengelola: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** Set while deactivated: nobody can sign in with this account. */
  deactivatedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type AccountRow = z.infer<typeof accountRowSchema>;

export const employeeWithoutAccountSchema = z.object({
  employeeId: idSchema,
  nip: z.string(),
  name: z.string(),
  employeeStatus: z.enum(employeeStatuses),
});

/** An account together with its new temporary password: answered once, never stored in clear. */
export const issuedAccountSchema = z.object({
  account: accountRowSchema,
  temporaryPassword: z.string(),
});
export type IssuedAccount = z.infer<typeof issuedAccountSchema>;

const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,39}$/, 'Nama pengguna 3-40 karakter: huruf kecil, angka, titik, garis bawah atau strip, diawali huruf.');

const accountRef = z.object({ userId: idSchema, version: versionSchema });

export const accountsCommands = {
  'accounts.list': defineCommand({
    name: 'accounts.list',
    summary: 'Akun pengguna kantor ini (cari nama, NIP atau nama pengguna; saring menurut status) dan pegawai yang belum memiliki akun.',
    input: z.object({
      q: z.string().trim().max(100).optional(),
      status: z.enum(accountFilters).default('semua'),
      /** Only Pengelola Kinerja accounts. */
      pengelolaOnly: z.boolean().default(false),
      /** The account of one employee (the employee page). */
      employeeId: idSchema.optional(),
    }),
    output: z.object({
      accounts: z.array(accountRowSchema),
      /** Employees still serving (aktif, cuti) without an account, matching `q`. */
      withoutAccount: z.array(employeeWithoutAccountSchema),
      /** Counts over the whole office (not the filter), for the filter labels. */
      counts: z.object({
        total: z.number().int(),
        aktif: z.number().int(),
        wajibGanti: z.number().int(),
        terkunci: z.number().int(),
        nonaktif: z.number().int(),
        perluNonaktif: z.number().int(),
        tanpaAkun: z.number().int(),
      }),
    }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'accounts.create': defineCommand({
    name: 'accounts.create',
    summary: 'Membuat akun untuk seorang pegawai dengan kata sandi sementara acak yang wajib diganti saat pertama masuk.',
    input: z.object({
      employeeId: idSchema,
      username: usernameSchema.nullable().optional(),
      isPengelola: z.boolean().default(false),
    }),
    output: issuedAccountSchema,
    access: ['pengelola', 'admin_pusat'],
    kind: 'write',
  }),
  'accounts.createMissing': defineCommand({
    name: 'accounts.createMissing',
    summary: 'Membuat akun, dalam satu transaksi, untuk semua pegawai aktif atau cuti yang belum memiliki akun (atau yang dipilih).',
    input: z.object({
      /** Only these employees (each must be without an account); omitted: every one without. */
      employeeIds: z.array(idSchema).min(1, 'Pilih minimal satu pegawai.').max(10_000).optional(),
    }),
    output: z.object({ created: z.array(issuedAccountSchema) }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'write',
  }),
  'accounts.resetPassword': defineCommand({
    name: 'accounts.resetPassword',
    summary: 'Memberi kata sandi sementara acak yang baru (sesi lamanya berakhir; wajib diganti saat masuk).',
    input: z.object({ userId: idSchema }),
    output: issuedAccountSchema,
    access: ['pengelola', 'admin_pusat'],
    kind: 'write',
  }),
  'accounts.deactivate': defineCommand({
    name: 'accounts.deactivate',
    summary: 'Menonaktifkan akun (pegawai pindah atau pensiun): riwayatnya tetap, ia tidak dapat masuk, sesinya berakhir.',
    input: accountRef,
    output: z.object({ account: accountRowSchema }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'write',
  }),
  'accounts.reactivate': defineCommand({
    name: 'accounts.reactivate',
    summary: 'Mengaktifkan kembali akun yang dinonaktifkan.',
    input: accountRef,
    output: z.object({ account: accountRowSchema }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'write',
  }),
};
