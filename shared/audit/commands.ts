import { z } from 'zod';
import { defineCommand, emptyInput } from '../contract';

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorNip: z.string().nullable(),
  command: z.string(),
  recordTable: z.string().nullable(),
  recordId: z.string().nullable(),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBadSeq: z.number().nullable(),
  message: z.string(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

export const auditCommands = {
  'audit.verify': defineCommand({
    name: 'audit.verify',
    summary: 'Memeriksa rantai hash jejak audit: adakah baris yang diubah di luar aplikasi.',
    input: emptyInput,
    output: auditVerifySchema,
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'audit.list': defineCommand({
    name: 'audit.list',
    summary: 'Jejak audit terbaru, dari yang paling baru.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100), beforeSeq: z.number().int().optional() }),
    output: z.object({ entries: z.array(auditEntrySchema) }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
};
