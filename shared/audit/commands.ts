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
  /** The capability (first word of the command), e.g. `skp`. */
  capability: z.string(),
  outcome: z.enum(['berhasil', 'gagal']),
  /** Who did what to whom, in Indonesian: "Budi menyetujui SKP 2026 milik Safrina Lubis". */
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditFindingKinds = [
  'audit_edited',
  'audit_deleted',
  'audit_inserted',
  'audit_reordered',
  'audit_unanchored',
  'chain_truncated',
  'chain_recomputed',
  'anchor_invalid',
  'rows_mismatch',
  'row_changed',
  'row_added',
  'row_missing',
] as const;

export const auditFindingSchema = z.object({
  kind: z.enum(auditFindingKinds),
  table: z.string().nullable(),
  rowId: z.string().nullable(),
  fields: z.array(z.string()),
  seq: z.number().nullable(),
  message: z.string(),
});
export type AuditFinding = z.infer<typeof auditFindingSchema>;

/** The chain-only answer (kept for callers of `verifyAuditChain`). */
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBadSeq: z.number().nullable(),
  message: z.string(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

export const auditVerifyReportSchema = auditVerifySchema.extend({
  rowsChecked: z.number(),
  tablesChecked: z.number(),
  findings: z.array(auditFindingSchema),
  findingsTotal: z.number(),
  head: z.object({ seq: z.number(), hash: z.string(), since: z.number(), sinceAt: z.string() }).nullable(),
});
export type AuditVerifyReport = z.infer<typeof auditVerifyReportSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berbentuk TTTT-BB-HH.');

export const auditListInput = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  beforeSeq: z.number().int().optional(),
  /** The acting person (user id). */
  actorUserId: z.string().max(64).optional(),
  capability: z.string().max(40).optional(),
  /** Inclusive dates (local calendar day in WIB is not assumed: the stored UTC day). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  outcome: z.enum(['berhasil', 'gagal']).optional(),
});

/** One changed column: its Indonesian label, the stored values, and the same values in words (dates, labels, names). */
export const auditFieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  beforeText: z.string(),
  afterText: z.string(),
});

export const auditChangeSchema = z.object({
  table: z.string(),
  tableLabel: z.string(),
  id: z.string(),
  /** What the record is, in words ("SKP 2026 milik Safrina Lubis"). */
  label: z.string(),
  kind: z.enum(['baru', 'ubah', 'hapus']),
  fields: z.array(auditFieldChangeSchema),
});

export const auditCommands = {
  'audit.verify': defineCommand({
    name: 'audit.verify',
    summary:
      'Memeriksa jejak audit: rantai hash, jangkar di luar basis data, dan isi setiap tabel yang diaudit terhadap yang terakhir tercatat (tabel, baris, kolom).',
    input: emptyInput,
    output: auditVerifyReportSchema,
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'audit.list': defineCommand({
    name: 'audit.list',
    summary: 'Jejak audit, dari yang paling baru, dengan saringan orang, kapabilitas, rentang tanggal dan hasil; per halaman.',
    input: auditListInput,
    output: z.object({ entries: z.array(auditEntrySchema), nextBeforeSeq: z.number().nullable() }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'audit.actors': defineCommand({
    name: 'audit.actors',
    summary: 'Orang yang tercatat di jejak audit, untuk saringan.',
    input: emptyInput,
    output: z.object({ actors: z.array(z.object({ userId: z.string(), name: z.string(), nip: z.string().nullable() })) }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
  'audit.get': defineCommand({
    name: 'audit.get',
    summary: 'Satu entri jejak audit dengan isi sebelum dan sesudah setiap data yang diubah.',
    input: z.object({ seq: z.number().int().min(1) }),
    output: z.object({ entry: auditEntrySchema, changes: z.array(auditChangeSchema), truncated: z.boolean() }),
    access: ['pengelola', 'admin_pusat'],
    kind: 'read',
  }),
};
