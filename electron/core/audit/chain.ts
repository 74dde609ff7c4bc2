import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AuditVerifyResult } from '../../../shared/audit/commands';
import type { Core } from '../core';
import { markPending } from './anchor';
import { rowsDigest, type AuditedRow } from './rows';

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

export interface AuditRowStored {
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
  rows_digest: string | null;
}

/**
 * The hash covers every stored field but seq, chained to the previous row's hash. Entries since
 * migration 0009 (audit_rows) also cover `rows_digest` (the rows their command wrote); older ones keep the
 * formula they were written with.
 */
export function hashOf(row: Omit<AuditRowStored, 'seq' | 'hash'>): string {
  const fields: unknown[] = [
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
  ];
  if (row.rows_digest !== null && row.rows_digest !== undefined) fields.push(row.rows_digest);
  const canonical = JSON.stringify(fields);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** Secrets never enter the audit trail, which admins read. */
export const redactedKeys: ReadonlySet<string> = new Set(['password_hash', 'csrf_token', 'token_hash']);
export const redactedText = '[disembunyikan]';

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactedKeys.has(k) ? redactedText : redact(v)]),
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
  return JSON.stringify(value, (k, v: unknown) => (k !== '' && redactedKeys.has(k) ? redactedText : v));
}

/**
 * Must run inside the command's transaction, so the entry commits or rolls back with it. `rows`
 * are the rows the command wrote (their stored state's hash): the entry commits to them, and
 * `audit verify` later compares each table's rows with the last hash the trail recorded. The
 * caller confirms the anchor's head after the commit (`confirmAuditHead`).
 */
export function appendAudit(core: Core, entry: AuditEntryInput, rows: readonly AuditedRow[] = []): number {
  const last = core.q.first(core.db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1));
  const row: Omit<AuditRowStored, 'seq' | 'hash'> = {
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
    rows_digest: rowsDigest(rows),
  };
  const hash = hashOf(row);
  const seq = Number(
    core.q
      .prepare(
        `INSERT INTO audit_log (id, at, actor_user_id, actor_nip, actor_name, command, record_table, record_id, before, after, prev_hash, hash, rows_digest)
       VALUES (@id, @at, @actor_user_id, @actor_nip, @actor_name, @command, @record_table, @record_id, @before, @after, @prev_hash, @hash, @rows_digest)`,
      )
      .run({ ...row, hash }).lastInsertRowid,
  );
  if (rows.length) {
    const insert = core.q.prepare('INSERT OR REPLACE INTO audit_rows (table_name, row_id, seq, hash) VALUES (?, ?, ?, ?)');
    for (const r of rows) insert.run(r.table, r.id, seq, r.hash);
  }
  markPending(core, seq, hash, row.prev_hash);
  return seq;
}

/** Walks the chain from the first row; the first row whose hash or link does not hold is named. */
export function verifyAuditChain(core: Core): AuditVerifyResult {
  let prev = genesisHash;
  let checked = 0;
  for (const row of core.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRowStored>) {
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
