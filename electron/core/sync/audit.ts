import { confirmAuditHead } from '../audit/anchor';
import { appendAudit } from '../audit/chain';
import { rowHash, type AuditedRow } from '../audit/rows';
import type { Core } from '../core';
import { localRows } from './local';

/** The actor of every entry sync writes: no user issued it, the office's sync did. */
export const syncActor = 'Sinkronisasi';

/**
 * What sync wrote at the office outside a command: rows pulled back from the central (a restored
 * backup, a digest repair), versions raised over the central's, reference data. Each write gets an
 * audit entry in its own transaction that commits to the rows' stored state, so `audit verify`
 * finds every row where the trail says it is. Must run inside the transaction that wrote the rows.
 */
export function auditSyncWrite(
  core: Core,
  entry: { command: string; before?: unknown; after: unknown },
  rows: { table: string; ids: string[] }[],
  changeLogIds: string[] = [],
): void {
  const audited: AuditedRow[] = [];
  for (const { table, ids } of rows) {
    if (ids.length === 0) continue;
    for (const row of localRows(core, table, ids)) audited.push({ table, id: String(row.id), hash: rowHash(table, row) });
  }
  for (let i = 0; i < changeLogIds.length; i += 500) {
    const chunk = changeLogIds.slice(i, i + 500);
    for (const row of core.q.all(core.db.selectFrom('change_log').selectAll().where('id', 'in', chunk))) audited.push({ table: 'change_log', id: row.id, hash: rowHash('change_log', row) });
  }
  appendAudit(
    core,
    {
      at: core.now().toISOString(),
      actorUserId: null,
      actorNip: null,
      actorName: syncActor,
      command: entry.command,
      recordTable: null,
      recordId: null,
      before: entry.before ?? null,
      after: entry.after,
    },
    audited,
  );
}

/** Reference rows as stored, for their audit entry (their table is written by sync only). */
export function auditReferenceWrite(core: Core, ids: string[], after: unknown): void {
  const audited: AuditedRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of core.q.all(core.db.selectFrom('reference_data').selectAll().where('id', 'in', ids.slice(i, i + 500)))) {
      audited.push({ table: 'reference_data', id: row.id, hash: rowHash('reference_data', row) });
    }
  }
  appendAudit(core, { at: core.now().toISOString(), actorUserId: null, actorNip: null, actorName: syncActor, command: 'sync.terimaReferensi', recordTable: null, recordId: null, before: null, after }, audited);
}

/** After the transaction committed: the anchor moves to the newest entry. */
export function confirmSyncAudit(core: Core): void {
  confirmAuditHead(core);
}
