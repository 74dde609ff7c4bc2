import { z } from 'zod';
import { defineCommand, emptyInput, idSchema, okOutput } from '../contract';
import { roles } from '../roles';
import { passwordSchema } from './password';

export const sessionUserSchema = z.object({
  userId: idSchema,
  employeeId: idSchema,
  officeId: idSchema,
  officeName: z.string(),
  nip: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

const loginSchema = z.object({
  login: z.string().trim().min(1, 'Isi NIP atau nama pengguna.').max(100),
  password: z.string().min(1, 'Isi kata sandi.').max(200),
});

export const accountSchema = z.object({
  userId: idSchema,
  employeeId: idSchema,
  nip: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  isPengelola: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});

const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,39}$/, 'Nama pengguna 3-40 karakter: huruf kecil, angka, titik, garis bawah atau strip, diawali huruf.');

export const authCommands = {
  'auth.login': defineCommand({
    name: 'auth.login',
    summary: 'Masuk dengan NIP atau nama pengguna dan kata sandi.',
    input: loginSchema,
    output: z.object({ user: sessionUserSchema, csrfToken: z.string() }),
    access: ['public'],
    kind: 'write',
  }),
  'auth.logout': defineCommand({
    name: 'auth.logout',
    summary: 'Keluar dan mengakhiri sesi ini.',
    input: emptyInput,
    output: okOutput,
    access: ['authenticated'],
    kind: 'write',
  }),
  'auth.me': defineCommand({
    name: 'auth.me',
    summary: 'Pengguna sesi ini (atau null bila belum masuk) dan token CSRF-nya.',
    input: emptyInput,
    output: z.object({ user: sessionUserSchema.nullable(), csrfToken: z.string().nullable() }),
    access: ['public'],
    kind: 'read',
  }),
  'auth.changePassword': defineCommand({
    name: 'auth.changePassword',
    summary: 'Mengganti kata sandi sendiri.',
    input: z
      .object({ currentPassword: z.string().min(1, 'Isi kata sandi lama.').max(200), newPassword: passwordSchema })
      .refine((v) => v.currentPassword !== v.newPassword, {
        message: 'Kata sandi baru harus berbeda dari kata sandi lama.',
        path: ['newPassword'],
      }),
    output: okOutput,
    access: ['authenticated'],
    kind: 'write',
  }),
  'auth.listAccounts': defineCommand({
    name: 'auth.listAccounts',
    summary: 'Daftar akun pengguna kantor ini.',
    input: emptyInput,
    output: z.object({ accounts: z.array(accountSchema) }),
    access: ['pengelola'],
    kind: 'read',
  }),
  'auth.createAccount': defineCommand({
    name: 'auth.createAccount',
    summary: 'Membuat akun untuk seorang pegawai, dengan kata sandi sementara yang wajib diganti.',
    input: z.object({
      employeeId: idSchema,
      username: usernameSchema.nullable().optional(),
      temporaryPassword: passwordSchema,
      isPengelola: z.boolean().default(false),
    }),
    output: z.object({ account: accountSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'auth.resetPassword': defineCommand({
    name: 'auth.resetPassword',
    summary: 'Mengatur ulang kata sandi seorang pengguna; ia wajib menggantinya saat masuk berikutnya.',
    input: z.object({ userId: idSchema, temporaryPassword: passwordSchema }),
    output: okOutput,
    access: ['pengelola'],
    kind: 'write',
  }),
  'auth.setPengelola': defineCommand({
    name: 'auth.setPengelola',
    summary: 'Memberi atau mencabut peran Pengelola Kinerja.',
    input: z.object({ userId: idSchema, isPengelola: z.boolean(), version: z.number().int() }),
    output: z.object({ account: accountSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
};
