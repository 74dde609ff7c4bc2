import crypto from 'node:crypto';
import type { RecordWriter } from '../db/records';

/** One row an audit entry commits to: which row, and the hash of its stored state. */
export interface AuditedRow {
  table: string;
  id: string;
  hash: string;
  /** The stored state, kept in memory only for the caller (never written by appendAudit). */
  row?: Record<string, unknown>;
}

/**
 * Columns a legitimate process changes outside the command that wrote the row: LAN sync marks a
 * change_log row as shipped. They are left out of the row's hash.
 */
const unhashedColumns: Record<string, ReadonlySet<string>> = { change_log: new Set(['sent_at']) };

/**
 * The hash of a row's stored state: sha256 over its non-null columns in name order, as JSON, cut
 * to 128 bits (plenty against a forger who must find other content with the same hash). Nulls are
 * left out so a migration that adds a nullable column changes no row's hash; the column order of
 * the table does not matter.
 */
export function rowHash(table: string, row: Record<string, unknown>, sortedKeys?: readonly string[]): string {
  const skip = unhashedColumns[table];
  const parts: unknown[] = [];
  for (const k of sortedKeys ?? Object.keys(row).sort()) {
    const v = row[k];
    if (v === null || v === undefined || skip?.has(k)) continue;
    parts.push(k, v);
  }
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** Sorted keys of a row, computed once per table when hashing many rows of it. */
export function sortedKeysOf(row: Record<string, unknown>): string[] {
  return Object.keys(row).sort();
}

/** sha256 over an entry's rows in (table, id) order: what the entry's chained hash covers. */
export function rowsDigest(rows: readonly { table: string; id: string; hash: string }[]): string {
  const sorted = [...rows].sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const h = crypto.createHash('sha256');
  for (const r of sorted) h.update(`${r.table}\t${r.id}\t${r.hash}\n`);
  return h.digest('hex');
}

/**
 * The final state of every row a command wrote (a record changed twice counts once, as it ended),
 * plus the change_log rows it left: what its audit entry commits to.
 */
export function writtenRows(writer: RecordWriter): AuditedRow[] {
  const last = new Map<string, { table: string; id: string; row: Record<string, unknown> }>();
  for (const c of writer.changes) {
    if (c.noted || !c.after) continue;
    last.set(`${c.table}\u0000${c.id}`, { table: c.table, id: c.id, row: c.after });
  }
  const out: AuditedRow[] = [];
  for (const { table, id, row } of last.values()) out.push({ table, id, hash: rowHash(table, row), row });
  for (const row of writer.changeLogRows()) out.push({ table: 'change_log', id: row.id as string, hash: rowHash('change_log', row), row });
  return out;
}
