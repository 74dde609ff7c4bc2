import type { TableName } from './schema';
import { evaluationReplicatedTables } from './schema-evaluation';
import { skpReplicatedTables } from './schema-skp';

/**
 * Tables whose rows sync to the central instance. Each carries the `Replicated` columns and every
 * change to it is written to `change_log` in the same transaction. Everything else (accounts,
 * sessions, meta) stays on this office's machine.
 */
const replicatedTables = new Set<TableName>(['offices', 'employees', ...skpReplicatedTables, ...evaluationReplicatedTables]);

export function isReplicated(table: string): boolean {
  return replicatedTables.has(table as TableName);
}

/** Capabilities register their own replicated tables when their module loads. */
export function registerReplicatedTable(table: string): void {
  replicatedTables.add(table as TableName);
}

export function listReplicatedTables(): string[] {
  return [...replicatedTables];
}
