import Database from 'better-sqlite3';
import { getDefaultNativeBinding } from '../db/connection';
import { migrate } from '../db/migrate';
import { listReplicatedTables } from '../db/replicated';

export type ColumnKind = 'text' | 'integer' | 'real';

export interface TableShape {
  name: string;
  columns: { name: string; kind: ColumnKind }[];
}

let cached: TableShape[] | null = null;

/**
 * The replicated tables exactly as an office of this version stores them, read from an in-memory
 * database migrated with the office migrations. The central creates the same tables (same names,
 * same columns, without the office's foreign keys and unique indexes, which hold per office and not
 * across a city) so that one query shape serves an office and the city, and a new office migration
 * reaches the central without a second hand-written copy.
 */
export function officeTableShapes(): TableShape[] {
  if (cached) return cached;
  const nativeBinding = getDefaultNativeBinding();
  const mem = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    migrate(mem);
    cached = listReplicatedTables()
      .sort()
      .map((name) => {
        const cols = mem.prepare('SELECT name, type FROM pragma_table_info(?) ORDER BY cid').all(name) as { name: string; type: string }[];
        if (cols.length === 0) throw new Error(`Tabel tereplikasi ${name} tidak ada di skema kantor.`);
        return { name, columns: cols.map((c) => ({ name: c.name, kind: kindOf(c.type) })) };
      });
    return cached;
  } finally {
    mem.close();
  }
}

function kindOf(declared: string): ColumnKind {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'real';
  return 'text';
}
