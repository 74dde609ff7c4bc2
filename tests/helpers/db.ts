import type { Core } from '../../electron/core/core';
import { listReplicatedTables } from '../../electron/core/db/replicated';

export interface AuditRow {
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
  /** Since migration 0007; null on older entries. */
  rows_digest: string | null;
}

export interface ChangeLogRow {
  seq: number;
  id: string;
  office_id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  hlc: string;
  data: string;
  created_at: string;
  sent_at: string | null;
}

export function maxSeq(core: Core, table: 'audit_log' | 'change_log'): number {
  return (core.sqlite.prepare(`SELECT COALESCE(MAX(seq), 0) AS s FROM ${table}`).get() as { s: number }).s;
}

export function auditRowsAfter(core: Core, seq: number): AuditRow[] {
  return core.sqlite.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as AuditRow[];
}

export function changeLogRowsAfter(core: Core, seq: number): ChangeLogRow[] {
  return core.sqlite.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq').all(seq) as ChangeLogRow[];
}

export function countRows(core: Core, table: string): number {
  return (core.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

/** Every user table of the database (not sqlite_*), e.g. for "this wrote nothing at all". */
export function userTables(core: Core): string[] {
  return (core.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/** Table -> (row key -> row as JSON). Rows are keyed by `id`, else by their whole content. */
export type Snapshot = Record<string, Map<string, string>>;

export function snapshot(core: Core, tables: string[] = userTables(core)): Snapshot {
  const out: Snapshot = {};
  for (const table of tables) {
    const rows = core.sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    const map = new Map<string, string>();
    for (const row of rows) {
      const json = JSON.stringify(row);
      const key = typeof row.id === 'string' ? row.id : typeof row.key === 'string' ? row.key : json;
      map.set(key, json);
    }
    out[table] = map;
  }
  return out;
}

export interface RowDiff {
  table: string;
  id: string;
  kind: 'added' | 'changed' | 'removed';
}

/** Rows added, changed or removed between two snapshots. */
export function diffSnapshots(before: Snapshot, after: Snapshot): RowDiff[] {
  const diffs: RowDiff[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[table] ?? new Map<string, string>();
    const a = after[table] ?? new Map<string, string>();
    for (const [id, json] of a) {
      if (!b.has(id)) diffs.push({ table, id, kind: 'added' });
      else if (b.get(id) !== json) diffs.push({ table, id, kind: 'changed' });
    }
    for (const id of b.keys()) if (!a.has(id)) diffs.push({ table, id, kind: 'removed' });
  }
  return diffs;
}

/** The replicated tables that exist in this database (a capability may register one before its migration ships). */
export function replicatedTablesIn(core: Core): string[] {
  const existing = new Set(userTables(core));
  return listReplicatedTables().filter((t) => existing.has(t));
}
