import { z } from 'zod';
import { defineCommand, emptyInput } from '../contract';

/** Kinds of backup: the daily automatic one, one asked for by a person, and the one before an upgrade. */
export const backupKindSchema = z.enum(['daily', 'manual', 'pre-migration']);
export type BackupKind = z.infer<typeof backupKindSchema>;

export const backupIdSchema = z
  .string()
  .regex(/^\d{8}T\d{6}Z-(daily|manual|pre-migration)(-\d{1,3})?$/, 'Nama cadangan tidak valid.');

export const backupInfoSchema = z.object({
  id: z.string(),
  kind: backupKindSchema,
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  databaseBytes: z.number().int().nonnegative(),
  evidenceFiles: z.number().int().nonnegative(),
  evidenceBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const runningBackupSchema = z.object({
  id: z.string().nullable(),
  kind: backupKindSchema,
  startedAt: z.string(),
  /** 0..1 of the database pages copied. */
  progress: z.number().min(0).max(1),
});

export const backupListSchema = z.object({
  /** Where the backups are, as the server's file system names it (for the admin to copy them off). */
  folder: z.string(),
  backups: z.array(backupInfoSchema),
  running: runningBackupSchema.nullable(),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
  pendingRestore: z.object({ backupId: z.string(), requestedAt: z.string(), requestedBy: z.string().nullable() }).nullable(),
  retention: z.object({ daily: z.number().int(), monthly: z.number().int() }),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const backupCommands = {
  'backup.list': defineCommand({
    name: 'backup.list',
    summary: 'Daftar cadangan basis data dan bukti dukung, dengan ukuran dan waktunya; pencadangan yang sedang berjalan.',
    input: emptyInput,
    output: backupListSchema,
    access: ['pengelola'],
    kind: 'read',
  }),
  'backup.create': defineCommand({
    name: 'backup.create',
    summary: 'Membuat cadangan sekarang. Berjalan di latar belakang; hasilnya tampak di backup.list.',
    input: emptyInput,
    output: z.object({ running: runningBackupSchema }),
    access: ['pengelola'],
    kind: 'write',
  }),
  'backup.restore': defineCommand({
    name: 'backup.restore',
    summary:
      'Menjadwalkan pemulihan dari sebuah cadangan. Aplikasi desktop memulai ulang dirinya; server menerapkannya saat dijalankan ulang. Basis data yang sekarang disisihkan, tidak dihapus.',
    input: z.object({ id: backupIdSchema }),
    output: z.object({ scheduled: z.literal(true), backupId: z.string(), schemaVersion: z.number().int() }),
    access: ['pengelola'],
    kind: 'write',
  }),
};
