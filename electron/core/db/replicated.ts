import type { TableName } from './schema';
import { replicatedTableNames } from './schema.generated';

/**
 * Tables whose rows sync to the central instance: exactly the tables that carry the replicated
 * columns (id, office_id, times, hlc, version, deleted_at), read from the migrated schema when the
 * types are generated. Every change to them is written to `change_log` in the same transaction.
 * Everything else (accounts, sessions, meta) stays on this office's machine. The list is static:
 * no module has to be imported for a table to count as replicated.
 */
const replicatedTables: ReadonlySet<string> = new Set<string>(replicatedTableNames);

export function isReplicated(table: string): table is (typeof replicatedTableNames)[number] {
  return replicatedTables.has(table);
}

export function listReplicatedTables(): TableName[] {
  return [...replicatedTableNames];
}
