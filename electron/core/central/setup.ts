import { confirmAuditHead } from '../audit/anchor';
import { appendAudit } from '../audit/chain';
import { writtenRows } from '../audit/rows';
import type { Core } from '../core';
import { RecordWriter } from '../db/records';

/**
 * The first administrator of a central becomes Admin Pusat (and the database is marked a central).
 * The audit entry commits to the rows it wrote, as a command's does, so `audit verify` at the
 * central finds the user row and its change where the trail says.
 */
export function makeAdminPusat(core: Core, userId: string, officeId: string): void {
  const nowIso = core.now().toISOString();
  const writer = new RecordWriter(core, () => officeId, nowIso);
  core.sqlite.transaction(() => {
    writer.update('users', userId, { is_admin_pusat: 1 });
    core.setMeta('mode', 'central');
    const change = writer.changes[0];
    appendAudit(
      core,
      {
        at: nowIso,
        actorUserId: null,
        actorNip: null,
        actorName: 'init --central',
        command: 'central.init',
        recordTable: 'users',
        recordId: userId,
        before: change?.before ?? null,
        after: change?.after ?? null,
      },
      writtenRows(writer),
    );
  })();
  confirmAuditHead(core);
}
