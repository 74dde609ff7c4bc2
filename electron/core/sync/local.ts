import { sql } from 'kysely';
import type { RowStamp } from '../../../shared/sync/protocol';
import type { Core } from '../core';
import { isReplicated } from '../db/replicated';
import { bucketOf } from './digest';

/**
 * The office's side of row-level sync on its SQLite file: stamps for digests, whole rows for repair,
 * and applying rows that come back from the central without touching the outbox (pulled rows never
 * echo). Table names come from the replicated-table list only, never from a peer.
 */

type Row = Record<string, unknown>;

function assertReplicated(table: string): void {
  if (!isReplicated(table)) throw new Error(`Tabel ${table} tidak tereplikasi.`);
}

export function localStamps(core: Core, officeId: string, table: string, bucket?: string): RowStamp[] {
  assertReplicated(table);
  const rows = core.q.prepare(`SELECT id, version, hlc, deleted_at FROM "${table}" WHERE office_id = ?`).all(officeId) as {
    id: string;
    version: number;
    hlc: string;
    deleted_at: string | null;
  }[];
  return rows.filter((r) => bucket === undefined || bucketOf(r.id) === bucket).map((r) => ({ id: r.id, version: r.version, hlc: r.hlc, deleted: r.deleted_at !== null }));
}

export function localRows(core: Core, table: string, ids: string[]): Row[] {
  assertReplicated(table);
  const out: Row[] = [];
  const stmt = core.q.prepare(`SELECT * FROM "${table}" WHERE id = ?`);
  for (const id of ids) {
    const r = stmt.get(id) as Row | undefined;
    if (r) out.push(r);
  }
  return out;
}

const columnCache = new WeakMap<Core, Map<string, string[]>>();
function columnsOf(core: Core, table: string): string[] {
  let perCore = columnCache.get(core);
  if (!perCore) columnCache.set(core, (perCore = new Map()));
  let cols = perCore.get(table);
  if (!cols) {
    cols = (core.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
    perCore.set(table, cols);
  }
  return cols;
}

/** Whether the record has a change this office has not yet had acknowledged. */
export function hasUnsentChange(core: Core, table: string, id: string): boolean {
  return core.q.prepare('SELECT 1 FROM change_log WHERE table_name = ? AND row_id = ? AND sent_at IS NULL LIMIT 1').get(table, id) !== undefined;
}

export function localVersion(core: Core, table: string, id: string): { version: number; hlc: string } | undefined {
  assertReplicated(table);
  return core.q.prepare(`SELECT version, hlc FROM "${table}" WHERE id = ?`).get(id) as { version: number; hlc: string } | undefined;
}

/**
 * Writes a row as the central holds it (insert or replace by id), with no change_log row. Must run
 * in the caller's transaction. Columns this office does not know are left out.
 */
export function applyLocalRow(core: Core, table: string, row: Row): void {
  assertReplicated(table);
  const cols = columnsOf(core, table).filter((c) => c in row);
  const text = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
    ON CONFLICT(id) DO UPDATE SET ${cols.filter((c) => c !== 'id').map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
  core.q.prepare(text).run(...cols.map((c) => row[c] ?? null));
  // A write outside the outbox: the kept digest cannot see it, so the next one recounts every row.
  core.q.run(core.db.deleteFrom('meta').where('key', '=', 'sync.digest_state'));
}

/**
 * The office's rows that no change_log entry carries (a year seeded or imported before the outbox
 * existed, or before enrolment), in id order after `afterId`: what the baseline step sends. Rows
 * the outbox carries go by the chain, so nothing is sent twice.
 */
export function baselinePage(core: Core, officeId: string, table: string, afterId: string, limit: number): Row[] {
  assertReplicated(table);
  return core.q.all(
    sql<Row>`SELECT t.* FROM ${sql.table(table)} t WHERE t.office_id = ${officeId} AND t.id > ${afterId}
      AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = ${table} AND c.row_id = t.id) ORDER BY t.id LIMIT ${limit}`,
  );
}

/** How many rows the baseline step has left to send (for the progress bar). */
export function baselineCount(core: Core, officeId: string, table: string, afterId: string): number {
  assertReplicated(table);
  const r = core.q.first(
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)} t WHERE t.office_id = ${officeId} AND t.id > ${afterId}
      AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = ${table} AND c.row_id = t.id)`,
  );
  return Number(r?.n ?? 0);
}
