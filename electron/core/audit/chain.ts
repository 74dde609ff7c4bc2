import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AuditVerifyResult } from '../../../shared/audit/commands';
import type { Core } from '../core';

export const genesisHash = '0'.repeat(64);

export interface AuditEntryInput {
  at: string;
  actorUserId: string | null;
  actorNip: string | null;
  actorName: string | null;
  command: string;
  recordTable: string | null;
  recordId: string | null;
  before: unknown;
  after: unknown;
}

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_nip: string | null;
  actor_name: string | null;
  command: string;
  record_table: string | null;
  record_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash covers every stored field but seq, chained to the previous row's hash. */
function hashOf(row: Omit<AuditRow, 'seq' | 'hash'>): string {
  const canonical = JSON.stringify([
    row.id,
    row.at,
    row.actor_user_id,
    row.actor_nip,
    row.actor_name,
    row.command,
    row.record_table,
    row.record_id,
    row.before,
    row.after,
    row.prev_hash,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** Secrets never enter the audit trail, which admins read. */
const redactedKeys = new Set(['password_hash', 'csrf_token', 'token_hash']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactedKeys.has(k) ? '[disembunyikan]' : redact(v)]),
    );
  }
  return value;
}

/** Plain data: what records and command inputs are (no Dates, Buffers or class instances). */
function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isPlain);
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(value as Record<string, unknown>).every(isPlain);
}

/**
 * JSON of the value with secrets hidden. For plain data (every record a command changes) the
 * secrets are replaced while serialising, which gives the same text as serialising `redact(value)`
 * without copying every object first: a year opening audits 20,000 records in one entry.
 */
function redactedJson(value: unknown): string {
  if (!isPlain(value)) return JSON.stringify(redact(value));
  return JSON.stringify(value, (k, v: unknown) => (k !== '' && redactedKeys.has(k) ? '[disembunyikan]' : v));
}

/** Must run inside the command's transaction, so the entry commits or rolls back with it. */
export function appendAudit(core: Core, entry: AuditEntryInput): void {
  const last = core.sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const row: Omit<AuditRow, 'seq' | 'hash'> = {
    id: uuidv7(),
    at: entry.at,
    actor_user_id: entry.actorUserId,
    actor_nip: entry.actorNip,
    actor_name: entry.actorName,
    command: entry.command,
    record_table: entry.recordTable,
    record_id: entry.recordId,
    before: entry.before === undefined || entry.before === null ? null : redactedJson(entry.before),
    after: entry.after === undefined || entry.after === null ? null : redactedJson(entry.after),
    prev_hash: last?.hash ?? genesisHash,
  };
  core.q
    .prepare(
      `INSERT INTO audit_log (id, at, actor_user_id, actor_nip, actor_name, command, record_table, record_id, before, after, prev_hash, hash)
       VALUES (@id, @at, @actor_user_id, @actor_nip, @actor_name, @command, @record_table, @record_id, @before, @after, @prev_hash, @hash)`,
    )
    .run({ ...row, hash: hashOf(row) });
}

/** Walks the chain from the first row; the first row whose hash or link does not hold is named. */
export function verifyAuditChain(core: Core): AuditVerifyResult {
  let prev = genesisHash;
  let checked = 0;
  for (const row of core.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    checked++;
    if (row.prev_hash !== prev) {
      return {
        ok: false,
        checked,
        firstBadSeq: row.seq,
        message: `Rantai audit terputus pada baris ${row.seq}: baris sebelumnya diubah atau dihapus.`,
      };
    }
    const { seq: _seq, hash, ...rest } = row;
    if (hashOf(rest) !== hash) {
      return {
        ok: false,
        checked,
        firstBadSeq: row.seq,
        message: `Baris audit ${row.seq} (${row.command}, ${row.at}) telah diubah di luar aplikasi.`,
      };
    }
    prev = hash;
  }
  return { ok: true, checked, firstBadSeq: null, message: `Rantai audit utuh: ${checked} baris diperiksa.` };
}
