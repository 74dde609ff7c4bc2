import { sql } from 'kysely';
import type { AuditEntry } from '../../../shared/audit/commands';
import { notFound } from '../../../shared/errors';
import type { HandlerMap } from '../context';
import { verifyAudit } from './verify';
import { Describer, capabilityOf, outcomeOf, tableLabels } from './describe';
import { fieldLabel, fieldValueText, isShownField } from './fields';

type Rec = Record<string, unknown>;

interface ListedRow {
  seq: number;
  at: string;
  actor_name: string | null;
  actor_nip: string | null;
  command: string;
  record_table: string | null;
  record_id: string | null;
  after: string | null;
}

/** The first record of an entry's `after`, and how many records it holds. */
function firstRecord(after: string | null): { rec: Rec | null; count: number } {
  if (!after) return { rec: null, count: 0 };
  try {
    const parsed = JSON.parse(after) as unknown;
    if (Array.isArray(parsed)) {
      const items = parsed as { table?: string; id?: string; after?: Rec }[];
      const first = items[0];
      // "and 19 others" counts records like the first (19 more SKP approved), not their parts.
      const alike = new Set(items.filter((i) => i?.table === first?.table).map((i) => i.id));
      return { rec: first?.after ?? null, count: alike.size };
    }
    return { rec: parsed && typeof parsed === 'object' ? (parsed as Rec) : null, count: 1 };
  } catch {
    return { rec: null, count: 0 };
  }
}

function entryOf(d: Describer, r: ListedRow): AuditEntry {
  const { rec, count } = firstRecord(r.after);
  return {
    seq: r.seq,
    at: r.at,
    actorName: r.actor_name,
    actorNip: r.actor_nip,
    command: r.command,
    recordTable: r.record_table,
    recordId: r.record_id,
    capability: capabilityOf(r.command),
    outcome: outcomeOf(r.command),
    summary: d.summary({ command: r.command, actorName: r.actor_name, recordTable: r.record_table, recordId: r.record_id, after: rec, count }),
  };
}

/** The next day of an ISO date, for an inclusive upper bound on `at`. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const maxChanges = 200;

export const auditHandlers: HandlerMap<'audit.verify' | 'audit.list' | 'audit.actors' | 'audit.get'> = {
  'audit.verify': (ctx) => verifyAudit(ctx.core),

  'audit.list': (ctx, input) => {
    const { db } = ctx.core;
    let q = db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'actor_name', 'actor_nip', 'command', 'record_table', 'record_id', 'after'])
      .orderBy('seq', 'desc')
      .limit(input.limit + 1);
    if (input.beforeSeq !== undefined) q = q.where('seq', '<', input.beforeSeq);
    if (input.actorUserId) q = q.where('actor_user_id', '=', input.actorUserId);
    if (input.capability) q = q.where((eb) => eb.or([eb('command', 'like', `${input.capability}.%`), eb('command', '=', input.capability!)]));
    if (input.from) q = q.where('at', '>=', input.from);
    if (input.to) q = q.where('at', '<', dayAfter(input.to));
    if (input.outcome === 'gagal') q = q.where('command', 'like', '%:gagal');
    if (input.outcome === 'berhasil') q = q.where('command', 'not like', '%:gagal');
    const rows: ListedRow[] = ctx.core.q.all(q);
    const page = rows.slice(0, input.limit);
    const d = new Describer(ctx.core.sqlite);
    return {
      entries: page.map((r) => entryOf(d, r)),
      nextBeforeSeq: rows.length > input.limit ? page[page.length - 1]!.seq : null,
    };
  },

  'audit.actors': (ctx) => {
    const rows = ctx.core.q.all(
      ctx.core.db
        .selectFrom('audit_log')
        .select(['actor_user_id', sql<string | null>`MAX(actor_name)`.as('name'), sql<string | null>`MAX(actor_nip)`.as('nip')])
        .where('actor_user_id', 'is not', null)
        .groupBy('actor_user_id')
        .orderBy('name'),
    );
    return { actors: rows.map((r) => ({ userId: r.actor_user_id ?? '', name: r.name ?? '-', nip: r.nip })) };
  },

  'audit.get': (ctx, input) => {
    const row = ctx.core.q.first(
      ctx.core.db
        .selectFrom('audit_log')
        .select(['seq', 'at', 'actor_name', 'actor_nip', 'command', 'record_table', 'record_id', 'before', 'after'])
        .where('seq', '=', input.seq),
    );
    if (!row) throw notFound('Entri jejak audit');
    const d = new Describer(ctx.core.sqlite);
    const parse = (text: string | null): unknown => {
      try {
        return text ? JSON.parse(text) : null;
      } catch {
        return null;
      }
    };
    const before = parse(row.before);
    const after = parse(row.after);
    // One shape for both: single-record entries carry the record itself, others a list.
    const pairs: { table: string; id: string; before: Rec | null; after: Rec | null }[] = [];
    if (Array.isArray(after) || Array.isArray(before)) {
      const byKey = new Map<string, { table: string; id: string; before: Rec | null; after: Rec | null }>();
      for (const item of (Array.isArray(before) ? before : []) as { table: string; id: string; before?: Rec | null }[]) {
        const k = `${item.table}\u0000${item.id}`;
        if (!byKey.has(k)) byKey.set(k, { table: item.table, id: item.id, before: item.before ?? null, after: null });
      }
      for (const item of (Array.isArray(after) ? after : []) as { table: string; id: string; after?: Rec | null }[]) {
        const k = `${item.table}\u0000${item.id}`;
        const cur = byKey.get(k) ?? { table: item.table, id: item.id, before: null, after: null };
        cur.after = item.after ?? null;
        byKey.set(k, cur);
      }
      pairs.push(...byKey.values());
    } else if (row.record_table && row.record_id) {
      pairs.push({ table: row.record_table, id: row.record_id, before: (before as Rec | null) ?? null, after: (after as Rec | null) ?? null });
    }
    const changes = pairs.slice(0, maxChanges).map((p) => {
      const keys = [...new Set([...Object.keys(p.before ?? {}), ...Object.keys(p.after ?? {})])];
      const fields = keys
        .filter((k) => isShownField(k) && (!p.before || !p.after || JSON.stringify(p.before[k]) !== JSON.stringify(p.after[k])))
        .map((k) => {
          const before = p.before?.[k] ?? null;
          const after = p.after?.[k] ?? null;
          return { field: k, label: fieldLabel(p.table, k), before, after, beforeText: fieldValueText(p.table, k, before, d), afterText: fieldValueText(p.table, k, after, d) };
        });
      const kind: 'baru' | 'ubah' | 'hapus' = !p.before ? 'baru' : p.after?.deleted_at && !p.before.deleted_at ? 'hapus' : 'ubah';
      return { table: p.table, tableLabel: tableLabels[p.table] ?? p.table, id: p.id, label: d.label(p.table, p.id, p.after ?? p.before), kind, fields };
    });
    return { entry: entryOf(d, row), changes, truncated: pairs.length > maxChanges };
  },
};
