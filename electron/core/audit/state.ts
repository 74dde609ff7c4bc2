import type Database from 'better-sqlite3';
import { rowHash, sortedKeysOf } from './rows';

/**
 * Which tables the trail vouches for: every table of records the RecordWriter writes (they have
 * `id` and `version`), and `change_log` (the outbox sync will ship). Sessions, meta, migrations and
 * the audit tables themselves are not records.
 */
export function auditedTables(sqlite: Database.Database): string[] {
  const tables = sqlite.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const out: string[] = [];
  for (const { name } of tables) {
    if (name === 'audit_log' || name === 'audit_rows') continue;
    const cols = new Set(sqlite.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(name).map((c) => c.name));
    if (name === 'change_log' || (cols.has('id') && cols.has('version'))) out.push(name);
  }
  return out;
}

/** Tables the trail has rows for, whether or not they still exist (walked through the primary key). */
export function recordedTables(sqlite: Database.Database): string[] {
  const next = sqlite.prepare<[string], { table_name: string }>('SELECT table_name FROM audit_rows WHERE table_name > ? ORDER BY table_name LIMIT 1');
  const out: string[] = [];
  for (let t = next.get('')?.table_name; t !== undefined; t = next.get(t)?.table_name) out.push(t);
  return out;
}

export interface RowState {
  id: string;
  /** The row as stored now; null when the trail has it but the table does not. */
  row: Record<string, unknown> | null;
  hash: string | null;
  /** The last entry that recorded this row, and the hash it recorded; null when none did. */
  recorded: { seq: number; hash: string } | null;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every row of a table next to what the trail last recorded for it, in id order: the table and
 * `audit_rows` (keyed by table, row, entry) are walked side by side, so memory stays flat for a
 * city's million rows.
 */
export function* tableStates(sqlite: Database.Database, table: string, exists = true): Generator<RowState> {
  const data = exists ? (sqlite.prepare(`SELECT * FROM ${quote(table)} ORDER BY id`).iterate() as IterableIterator<Record<string, unknown>>) : [][Symbol.iterator]();
  const recs = sqlite.prepare('SELECT row_id, seq, hash FROM audit_rows WHERE table_name = ? ORDER BY row_id, seq').iterate(table) as IterableIterator<{
    row_id: string;
    seq: number;
    hash: string;
  }>;
  let keys: string[] | undefined;
  let d = data.next();
  let r = recs.next();
  // The latest record of the row at `r` (rows come per row id, oldest entry first).
  const takeRecorded = (): { id: string; seq: number; hash: string } => {
    let cur = r.value!;
    r = recs.next();
    while (!r.done && r.value.row_id === cur.row_id) {
      cur = r.value;
      r = recs.next();
    }
    return { id: cur.row_id, seq: cur.seq, hash: cur.hash };
  };
  try {
  while (!d.done || !r.done) {
    const dataId = d.done ? null : String(d.value.id);
    const recId = r.done ? null : r.value.row_id;
    if (dataId !== null && (recId === null || dataId < recId)) {
      const row = d.value as Record<string, unknown>;
      keys ??= sortedKeysOf(row);
      yield { id: dataId, row, hash: rowHash(table, row, keys), recorded: null };
      d = data.next();
    } else if (recId !== null && (dataId === null || recId < dataId)) {
      const rec = takeRecorded();
      yield { id: rec.id, row: null, hash: null, recorded: { seq: rec.seq, hash: rec.hash } };
    } else {
      const row = d.value as Record<string, unknown>;
      keys ??= sortedKeysOf(row);
      const rec = takeRecorded();
      yield { id: dataId!, row, hash: rowHash(table, row, keys), recorded: { seq: rec.seq, hash: rec.hash } };
      d = data.next();
    }
  }
  } finally {
    // A consumer that stops early must not leave the statements busy.
    data.return?.();
    recs.return?.();
  }
}
