import { afterEach, describe, expect, it } from 'vitest';
// Deliberately only the core and the writer: no capability's handlers are imported here, so a
// table that counted as replicated only after some module registered it would fail this test.
import { Core } from '../electron/core/core';
import { RecordWriter } from '../electron/core/db/records';
import { isReplicated, listReplicatedTables } from '../electron/core/db/replicated';
import { TestClock } from './helpers/clock';
import { makeTempDir, removeTempDir } from './helpers/tempdir';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

let dir: string | null = null;
afterEach(() => {
  if (dir) removeTempDir(dir);
  dir = null;
});

/** A value every CHECK of the schema accepts: the first allowed value, ends after starts. */
function valueFor(tableSql: string, c: ColumnInfo): unknown {
  const allowed = new RegExp(`CHECK\\s*\\(\\s*${c.name}\\s+IN\\s*\\(\\s*'([^']*)'`, 'i').exec(tableSql);
  if (allowed) return allowed[1];
  if (/INT|REAL/i.test(c.type)) return 1;
  return /end/.test(c.name) ? '2026-12-31' : '2026-01-01';
}

describe('replicated tables', () => {
  it('are every table carrying the replicated columns, and a RecordWriter logs a change for each', () => {
    dir = makeTempDir();
    const clock = new TestClock();
    const core = Core.open({ dataDir: dir, clock: clock.now, beforeMigrate: null });
    try {
      // Rows of every table are inserted on their own; references are not the point here.
      core.sqlite.pragma('foreign_keys = OFF');
      const tables = core.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
        sql: string;
      }[];
      const withReplicatedColumns = tables
        .filter(({ name }) => {
          const cols = new Set((core.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((c) => c.name));
          return ['office_id', 'hlc', 'version', 'deleted_at', 'updated_at'].every((c) => cols.has(c));
        })
        .map((t) => t.name)
        .sort();
      expect([...listReplicatedTables()].sort()).toEqual(withReplicatedColumns);
      expect(withReplicatedColumns.length).toBeGreaterThan(20);

      const writer = new RecordWriter(core, () => 'office-1', clock.now().toISOString());
      for (const { name, sql } of tables) {
        if (!isReplicated(name)) continue;
        const cols = core.sqlite.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(name) as ColumnInfo[];
        const managed = new Set(['id', 'office_id', 'created_at', 'updated_at', 'hlc', 'version', 'deleted_at']);
        const values = Object.fromEntries(cols.filter((c) => !managed.has(c.name)).map((c) => [c.name, valueFor(sql, c)]));
        // The writer is generic over the table name; this test drives it from the schema at run time.
        const row = core.sqlite.transaction(() => writer.insert(name, values as never))();
        writer.update(name, row.id, {} as never);
        core.sqlite.transaction(() => writer.remove(name, row.id))();
        const ops = core.sqlite.prepare('SELECT op FROM change_log WHERE table_name = ? AND row_id = ?').all(name, row.id) as { op: string }[];
        expect(ops.map((o) => o.op), name).toEqual(['delete']);
      }
      const logged = new Set((core.sqlite.prepare('SELECT DISTINCT table_name FROM change_log').all() as { table_name: string }[]).map((r) => r.table_name));
      expect([...logged].sort()).toEqual(withReplicatedColumns);
      // Local tables never reach change_log.
      for (const local of ['users', 'sessions', 'meta', 'audit_log']) expect(isReplicated(local)).toBe(false);
    } finally {
      core.close();
    }
  });
});
