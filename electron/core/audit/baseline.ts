import type { Core } from '../core';
import { auditRows } from '../db/migrations/0009_audit_rows';
import { confirmAuditHead } from './anchor';
import { appendAudit } from './chain';
import { rowHash, type AuditedRow } from './rows';
import { auditedTables, tableStates } from './state';

/** Above this many rows an entry records only their hashes, not their content (a city's seed). */
const contentLimit = 5000;

export interface RecordOptions {
  actorName: string;
  command: string;
  /** Records a row whose state differs from the trail only when this says so (default: all). */
  accept?: (table: string, state: { row: Record<string, unknown>; recorded: { seq: number; hash: string } | null }) => boolean;
  note?: Record<string, unknown>;
  /** Only these tables (default: every audited table). */
  tables?: readonly string[];
}

/**
 * One audit entry recording the current state of every row that differs from what the trail last
 * recorded (or that it never recorded). Used where rows were written on purpose outside a command:
 * the seeds, the first open after the anchor existed (the baseline of an existing office), and a
 * migration that added a filled column. Never for anything a user asks for: this is exactly the
 * step a forger would want, so its callers are fixed in code and each run is a visible entry.
 */
export function recordCurrentState(core: Core, options: RecordOptions): { rows: number; seq: number | null } {
  const nowIso = core.now().toISOString();
  return core.sqlite.transaction(() => {
    const rows: AuditedRow[] = [];
    for (const table of options.tables ?? auditedTables(core.sqlite)) {
      for (const s of tableStates(core.sqlite, table)) {
        if (!s.row || (s.recorded && s.recorded.hash === s.hash)) continue;
        if (options.accept && !options.accept(table, { row: s.row, recorded: s.recorded })) continue;
        rows.push({ table, id: s.id, hash: s.hash!, row: s.row });
      }
    }
    if (rows.length === 0) return { rows: 0, seq: null };
    const withContent = rows.length <= contentLimit;
    const seq = appendAudit(
      core,
      {
        at: nowIso,
        actorUserId: null,
        actorNip: null,
        actorName: options.actorName,
        command: options.command,
        recordTable: rows[0]!.table,
        recordId: rows[0]!.id,
        before: null,
        after: withContent
          ? rows.map((r) => ({ table: r.table, id: r.id, after: r.row }))
          : { rows: rows.length, ...options.note, isi: 'hanya hash (terlalu banyak baris untuk disimpan isinya)' },
      },
      rows,
    );
    return { rows: rows.length, seq };
  })();
}

/** After a seed wrote rows directly (fast bulk inserts, account fix-ups): one entry records them. */
export function recordSeededRows(core: Core, actorName: string, command: string): void {
  recordCurrentState(core, { actorName, command });
  confirmAuditHead(core);
}

/**
 * After `Core.open` migrated an existing database:
 * - from before audit_rows (0009), no row is recorded yet: the office's current state becomes the baseline
 *   (trust on first use; the entry says so);
 * - a later migration that added a column with a value changes those rows' hashes: a row is
 *   recorded again only when, without the new columns, it still matches what the trail recorded,
 *   so an edit made outside the app before the upgrade stays visible.
 */
export function recordBaselineAfterMigration(core: Core, migrated: { from: number; to: number; columnsBefore: Map<string, string[]> }): void {
  if (migrated.to <= migrated.from || migrated.from === 0) return;
  if (migrated.from < auditRows.version) {
    recordCurrentState(core, { actorName: 'Kinerja (pembaruan basis data)', command: 'sistem.garis_dasar', note: { dariSkema: migrated.from } });
    confirmAuditHead(core);
    return;
  }
  const added = new Map<string, Set<string>>();
  for (const table of auditedTables(core.sqlite)) {
    const before = migrated.columnsBefore.get(table);
    if (!before) continue;
    const now = core.sqlite.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
    const extra = now.filter((c) => !before.includes(c));
    if (extra.length) added.set(table, new Set(extra));
  }
  if (added.size === 0) return;
  recordCurrentState(core, {
    actorName: 'Kinerja (pembaruan basis data)',
    command: 'sistem.migrasi',
    note: { dariSkema: migrated.from, keSkema: migrated.to },
    accept: (table, { row, recorded }) => {
      const extra = added.get(table);
      if (!extra || !recorded) return false;
      const old = Object.fromEntries(Object.entries(row).filter(([k]) => !extra.has(k)));
      return rowHash(table, old) === recorded.hash;
    },
  });
  confirmAuditHead(core);
}
