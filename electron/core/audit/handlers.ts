import type { HandlerMap } from '../context';
import { verifyAuditChain } from './chain';

export const auditHandlers: HandlerMap<'audit.verify' | 'audit.list'> = {
  'audit.verify': (ctx) => verifyAuditChain(ctx.core),

  'audit.list': (ctx, input) => {
    const rows = ctx.core.q
      .prepare(
        `SELECT seq, at, actor_name, actor_nip, command, record_table, record_id FROM audit_log
         WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
      )
      .all(input.beforeSeq ?? Number.MAX_SAFE_INTEGER, input.limit) as {
      seq: number;
      at: string;
      actor_name: string | null;
      actor_nip: string | null;
      command: string;
      record_table: string | null;
      record_id: string | null;
    }[];
    return {
      entries: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actorName: r.actor_name,
        actorNip: r.actor_nip,
        command: r.command,
        recordTable: r.record_table,
        recordId: r.record_id,
      })),
    };
  },
};
