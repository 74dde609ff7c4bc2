import { z } from 'zod';
import { defineCommand, emptyInput, idSchema, plain } from '../contract';
import { passwordSchema } from '../auth/password';
import { parseNip } from '../people/nip';

export const nipSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const r = parseNip(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  })
  .transform((v) => v.replace(/[\s.-]/g, ''));

export const setupInputSchema = z.object({
  officeName: plain(z.string().trim().min(3, 'Nama instansi minimal 3 karakter.').max(200)),
  officeCode: z.string().trim().max(30).optional(),
  adminNip: nipSchema,
  adminName: plain(z.string().trim().min(3, 'Nama lengkap minimal 3 karakter.').max(200)),
  adminPassword: passwordSchema,
  /** Printed by `kinerja serve` on an empty database; needed only from another PC on the LAN. */
  setupCode: z.string().trim().max(40).optional(),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const setupCommands = {
  'setup.status': defineCommand({
    name: 'setup.status',
    summary: 'Apakah kantor ini sudah disiapkan (profil instansi dan administrator pertama).',
    input: emptyInput,
    output: z.object({
      initialized: z.boolean(),
      officeName: z.string().nullable(),
      /** This caller (another PC on the LAN) must give the setup code `kinerja serve` printed. */
      setupCodeRequired: z.boolean(),
    }),
    access: ['public'],
    kind: 'read',
  }),
  'setup.create': defineCommand({
    name: 'setup.create',
    summary: 'Penyiapan pertama: membuat profil instansi (OPD) dan administrator pertamanya.',
    input: setupInputSchema,
    output: z.object({ officeId: idSchema, adminUserId: idSchema }),
    access: ['public'],
    kind: 'write',
  }),
};
