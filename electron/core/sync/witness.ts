import type { AuditHead } from '../../../shared/sync/protocol';
import { headHmac, readAuditKey } from '../audit/anchor';
import type { Core } from '../core';

/**
 * The office's audit-chain head, sent with every sync so the central keeps it as a witness: an
 * office whose chain is later rewritten cannot also rewrite what the central saw. `keyed` is the
 * slot for the audit capability's keyed head export (an HMAC the central can check); until that
 * export exists the plain head (seq + hash) is the witness. Hook: replace `keyed: null` with it.
 */
export function auditHeadForWitness(core: Core): AuditHead | null {
  const row = core.q.first(core.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));
  if (!row) return null;
  // The HMAC of this head under the office's audit key (electron/core/audit/anchor.ts).
  const key = readAuditKey(core.dataDir);
  return { seq: row.seq, hash: row.hash, keyed: key ? headHmac(key, row.seq, row.hash) : null };
}
