import { v7 as uuidv7 } from 'uuid';
import { conflict, notFound } from '../../../shared/errors';
import type { Core } from '../core';
import { isReplicated } from './replicated';
import type { Insert, Row as TableRow, TableName, Update } from './schema';

export interface RecordChange {
  table: string;
  id: string;
  op: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Set by `noteRecord`: named for the audit entry only, no row was written. */
  noted?: true;
}

/** Columns the writer owns; callers never set them. */
type Managed = 'id' | 'office_id' | 'created_at' | 'updated_at' | 'hlc' | 'version' | 'deleted_at';
export type NewRecord<T extends TableName> = Omit<Insert<T>, Managed> & { id?: string; office_id?: string };
export type RecordPatch<T extends TableName> = Omit<Update<T>, Managed>;
type Row = Record<string, unknown> & { id: string; version: number };

/**
 * The only way a command changes records. In the caller's transaction it stamps ids, times,
 * versions and HLC, refuses stale versions with CONFLICT, writes one `change_log` row per changed
 * replicated record, and remembers each change for the command's single audit entry.
 */
export class RecordWriter {
  readonly changes: RecordChange[] = [];
  /** The change_log row this command wrote for each record, to keep one per record. */
  private readonly logged = new Map<string, { id: string; op: RecordChange['op']; row: Record<string, unknown> }>();

  constructor(
    private readonly core: Core,
    private readonly officeId: () => string,
    private readonly nowIso: string,
  ) {}

  insert<T extends TableName>(table: T, values: NewRecord<T>): TableRow<T> {
    const replicated = isReplicated(table);
    const row: Record<string, unknown> = {
      ...values,
      id: values.id ?? uuidv7(),
      created_at: this.nowIso,
      updated_at: this.nowIso,
      version: 1,
      deleted_at: null,
    };
    if (replicated) {
      row.office_id = (values as Record<string, unknown>).office_id ?? this.officeId();
      row.hlc = this.core.hlc.now();
    } else if (!('office_id' in row) && table !== 'sessions') {
      row.office_id = this.officeId();
    }
    // change_log (what sync replays) and the audit entry carry the whole record as stored, not just
    // the columns this caller passed: the table's constant defaults fill the rest, in column order.
    // Only when SQLite would store something else than what was bound (a default that is an
    // expression, a number into a TEXT column) is the row read back with RETURNING *, which costs
    // about 60 µs a row: a third of opening a year for a city.
    const bound = bindable(row);
    const shape = tableShape(this.core, table);
    let stored = shape.storedRow(bound);
    if (stored) this.core.q.prepare(insertSql(table, Object.keys(bound), false)).run(bound);
    else stored = this.core.q.prepare(insertSql(table, Object.keys(bound), true)).get(bound) as Record<string, unknown>;
    this.record({ table, id: row.id as string, op: 'insert', before: null, after: stored });
    return stored as unknown as TableRow<T>;
  }

  /**
   * Updates a live record. `expectedVersion` is the version the user saw: a mismatch is CONFLICT,
   * never a silent overwrite. Omit it only for system-driven updates that read and write in the
   * same transaction.
   */
  update<T extends TableName>(table: T, id: string, patch: RecordPatch<T>, expectedVersion?: number, what = 'Data'): TableRow<T> {
    const before = this.load(table, id, what);
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw conflict(what, before.version);
    const changed = Object.entries(patch as Record<string, unknown>).filter(([k, v]) => v !== undefined && before[k] !== v);
    if (changed.length === 0) return before as unknown as TableRow<T>;
    return this.write(table, before, Object.fromEntries(changed), 'update');
  }

  /**
   * Bumps a parent record's version (and HLC) when only its children changed, so an editor of the
   * whole (an SKP and its RHK) holding an older version gets CONFLICT.
   */
  touch<T extends TableName>(table: T, id: string, expectedVersion?: number, what = 'Data', patch?: RecordPatch<T>): TableRow<T> {
    const before = this.load(table, id, what);
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw conflict(what, before.version);
    const changed = Object.entries((patch ?? {}) as Record<string, unknown>).filter(([k, v]) => v !== undefined && before[k] !== v);
    return this.write(table, before, Object.fromEntries(changed), 'update');
  }

  /** Tombstones a record (sync must learn of deletions, so rows are never removed). */
  remove<T extends TableName>(table: T, id: string, expectedVersion?: number, what = 'Data'): TableRow<T> {
    const before = this.load(table, id, what);
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw conflict(what, before.version);
    return this.write(table, before, { deleted_at: this.nowIso }, 'delete');
  }

  /** Names the record a command acted on when it changed nothing else worth auditing. */
  noteRecord(table: string, id: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): void {
    this.changes.push({ table, id, op: 'update', before, after, noted: true });
  }

  /** The change_log rows this command leaves behind, as stored (the audit entry hashes them too). */
  changeLogRows(): Record<string, unknown>[] {
    return [...this.logged.values()].map((l) => l.row);
  }

  /** The row as stored, right after this writer changed it. */
  private reread(table: TableName, id: string): Row {
    const row = this.core.sqlite.prepare<[string], Row>(`SELECT * FROM ${table} WHERE id = ?`).get(id);
    if (!row) throw conflict('Data');
    return row;
  }

  private load(table: TableName, id: string, what: string): Row {
    const row = this.core.q.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
    if (!row || row.deleted_at) throw notFound(what);
    return row;
  }

  private write<T extends TableName>(table: T, before: Row, changes: Record<string, unknown>, op: 'update' | 'delete'): TableRow<T> {
    const replicated = isReplicated(table);
    const set: Record<string, unknown> = { ...changes, updated_at: this.nowIso, version: before.version + 1 };
    if (replicated) set.hlc = this.core.hlc.now();
    const cols = Object.keys(set);
    const result = this.core.q
      .prepare(`UPDATE ${table} SET ${cols.map((c) => `${quote(c)} = @${c}`).join(', ')} WHERE id = @__id AND version = @__version`)
      .run(bindable({ ...set, __id: before.id, __version: before.version }));
    if (result.changes !== 1) throw conflict('Data');
    // What SQLite stores, so the audit entry's hash of this row matches a later read: the merged
    // object, unless a value is one SQLite converts (type affinity), then the row read back.
    const bound = bindable(set);
    const after = tableShape(this.core, table).keepsAsBound(bound)
      ? { ...before, ...bound }
      : this.reread(table, before.id);
    this.record({ table, id: before.id, op, before, after });
    return after as unknown as TableRow<T>;
  }

  private record(change: RecordChange): void {
    this.changes.push(change);
    if (!isReplicated(change.table)) return;
    const after = change.after!;
    // One change_log row per record per command: when a command changes a record again (a touch
    // after an insert, a tombstone after setting a reason), its earlier row of this transaction is
    // replaced by one carrying the final state, appended so seq order stays HLC order. An insert
    // stays an insert; a delete wins.
    const key = `${change.table}\u0000${change.id}`;
    const earlier = this.logged.get(key);
    let op = change.op;
    if (earlier) {
      if (earlier.op === 'insert' && op === 'update') op = 'insert';
      this.core.q.prepare('DELETE FROM change_log WHERE id = ?').run(earlier.id);
    }
    const id = uuidv7();
    const data = JSON.stringify(after);
    const { lastInsertRowid } = this.core.q
      .prepare(
        `INSERT INTO change_log (id, office_id, table_name, row_id, op, hlc, data, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, after.office_id, change.table, change.id, op, after.hlc, data, this.nowIso);
    const row = {
      seq: Number(lastInsertRowid),
      id,
      office_id: after.office_id,
      table_name: change.table,
      row_id: change.id,
      op,
      hlc: after.hlc,
      data,
      created_at: this.nowIso,
      sent_at: null,
    };
    this.logged.set(key, { id, op, row });
  }
}

function quote(col: string): string {
  return `"${col.replace(/"/g, '""')}"`;
}

/** The INSERT per table, column list and RETURNING, built once (a year opening inserts 20,000 rows). */
const insertSqlCache = new Map<string, string>();
function insertSql(table: string, cols: string[], returning: boolean): string {
  const key = `${table}\u0000${returning ? 'R' : ''}\u0000${cols.join('\u0000')}`;
  let sql = insertSqlCache.get(key);
  if (sql === undefined) {
    sql = `INSERT INTO ${table} (${cols.map(quote).join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})${returning ? ' RETURNING *' : ''}`;
    insertSqlCache.set(key, sql);
  }
  return sql;
}

type Affinity = 'text' | 'numeric' | 'blob';
interface Column {
  name: string;
  affinity: Affinity;
  /** The constant default, or `undefined` when SQLite computes it (an expression: read back). */
  fallback: unknown;
}

/**
 * What a table stores for an INSERT, known without reading the row back: its columns in order, the
 * constant defaults SQLite fills in and each column's type affinity (sqlite.org/datatype3.html),
 * read once per connection and table from the schema.
 */
class TableShape {
  private readonly byName: Map<string, Column>;
  constructor(private readonly columns: Column[]) {
    this.byName = new Map(columns.map((c) => [c.name, c]));
  }

  /** The row as SQLite will store it, or null when that is not certain and it must be read back. */
  storedRow(values: Record<string, unknown>): Record<string, unknown> | null {
    const out: Record<string, unknown> = {};
    for (const c of this.columns) {
      if (!(c.name in values)) {
        if (c.fallback === undefined) return null;
        out[c.name] = c.fallback;
        continue;
      }
      const v = values[c.name];
      // Affinity conversions (a number into a TEXT column becomes text, numeric text into an
      // INTEGER column a number) are SQLite's to make: the typed callers never rely on them.
      if (v !== null && ((c.affinity === 'text' && typeof v !== 'string') || (c.affinity === 'numeric' && typeof v === 'string'))) return null;
      out[c.name] = v;
    }
    return Object.keys(values).every((k) => k in out) ? out : null;
  }

  /** True when SQLite stores each value exactly as bound (no affinity conversion) in known columns. */
  keepsAsBound(values: Record<string, unknown>): boolean {
    for (const [k, v] of Object.entries(values)) {
      const c = this.byName.get(k);
      if (!c) return false;
      if (v !== null && ((c.affinity === 'text' && typeof v !== 'string') || (c.affinity === 'numeric' && typeof v === 'string'))) return false;
    }
    return true;
  }
}

const shapes = new WeakMap<Core, Map<string, TableShape>>();
function tableShape(core: Core, table: string): TableShape {
  let perCore = shapes.get(core);
  if (!perCore) shapes.set(core, (perCore = new Map()));
  let shape = perCore.get(table);
  if (!shape) {
    const info = core.sqlite.prepare(`SELECT name, type, dflt_value, hidden, pk FROM pragma_table_xinfo(?)`).all(table) as {
      name: string;
      type: string;
      dflt_value: string | null;
      hidden: number;
      pk: number;
    }[];
    // Generated columns and an INTEGER PRIMARY KEY (the rowid) are SQLite's to fill: when the
    // caller leaves them out, the row is read back.
    const rowid = info.filter((c) => c.pk > 0).length === 1 ? info.find((c) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER') : undefined;
    shape = new TableShape(
      info.map((c) => ({ name: c.name, affinity: affinityOf(c.type), fallback: c.hidden === 0 && c !== rowid ? literal(c.dflt_value) : undefined })),
    );
    perCore.set(table, shape);
  }
  return shape;
}

/** SQLite's rules for a declared type's affinity, with INTEGER, REAL and NUMERIC taken together. */
function affinityOf(declared: string): Affinity {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'numeric';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text';
  if (t === '' || t.includes('BLOB')) return 'blob';
  return 'numeric';
}

/** A default written as a constant (NULL, a number, a quoted string); anything else is undefined. */
function literal(sql: string | null): unknown {
  if (sql === null || /^null$/i.test(sql)) return null;
  if (/^-?\d+(\.\d+)?$/.test(sql)) return Number(sql);
  const quoted = /^'((?:[^']|'')*)'$/.exec(sql);
  return quoted ? quoted[1]!.replace(/''/g, "'") : undefined;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become 0/1. */
function bindable(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v;
  }
  return out;
}
