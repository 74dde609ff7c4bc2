import { forbidden, notFound } from '../../../shared/errors';
import type { FeedbackMessage, FeedbackTarget } from '../../../shared/feedback/commands';
import type { PerilakuCode } from '../../../shared/skp/perilaku';
import { type HandlerMap, type AuthedReadContext } from '../context';
import type { FeedbackTable } from '../db/schema';
import { requireApprovedPlan, skpPeriod } from '../evaluation/period-context';
import { loadSkp, viewerRoleOf } from '../skp/service';


function targetOf(f: FeedbackTable): FeedbackTarget {
  if (f.target_kind === 'rhk') return { kind: 'rhk', rhkId: f.rhk_id! };
  if (f.target_kind === 'perilaku') return { kind: 'perilaku', valueCode: f.value_code as PerilakuCode };
  return { kind: 'umum' };
}

function lastRead(ctx: AuthedReadContext, skpId: string): string {
  const r = ctx.core.q.prepare('SELECT read_at FROM feedback_reads WHERE skp_id = ? AND reader_employee_id = ? AND deleted_at IS NULL').get(skpId, ctx.actor.employeeId) as
    | { read_at: string }
    | undefined;
  return r?.read_at ?? '';
}

function messageOut(ctx: AuthedReadContext, f: FeedbackTable, readAt: string): FeedbackMessage {
  const mine = f.author_employee_id === ctx.actor.employeeId;
  return {
    id: f.id,
    period: f.period,
    target: targetOf(f),
    authorName: f.author_name,
    authorRole: f.author_role,
    mine,
    body: f.body,
    at: f.created_at,
    unread: !mine && f.created_at > readAt,
  };
}

export const feedbackHandlers: HandlerMap<'feedback.thread' | 'feedback.post' | 'feedback.markRead' | 'feedback.unread'> = {
  'feedback.thread': (ctx, input) => {
    const skp = loadSkp(ctx.core, input.skpId);
    const role = viewerRoleOf(ctx, skp);
    if (!role) throw forbidden();
    const rows = ctx.core.q
      .prepare('SELECT * FROM feedback WHERE skp_id = ? AND (? IS NULL OR period = ?) AND deleted_at IS NULL ORDER BY created_at, id')
      .all(skp.id, input.period ?? null, input.period ?? null) as FeedbackTable[];
    const readAt = lastRead(ctx, skp.id);
    return {
      messages: rows.map((f) => messageOut(ctx, f, readAt)),
      canPost: skp.approved_version > 0 && role !== 'pengelola',
    };
  },

  'feedback.post': (ctx, input) => {
    const { skp, period } = skpPeriod(ctx.core, input.skpId, input.period);
    const role = viewerRoleOf(ctx, skp);
    if (!role || role === 'pengelola') throw forbidden('Umpan balik diberikan oleh Pejabat Penilai (atau atasannya) dan ditanggapi oleh pegawai pemilik SKP.');
    requireApprovedPlan(skp);
    const t = input.target;
    if (t.kind === 'rhk' && !ctx.core.q.prepare('SELECT 1 FROM skp_rhk WHERE id = ? AND skp_id = ? AND deleted_at IS NULL').get(t.rhkId, skp.id)) {
      throw notFound('RHK');
    }
    const row = ctx.write.insert('feedback', {
      skp_id: skp.id,
      employee_id: skp.employee_id,
      period: period.code,
      target_kind: t.kind,
      rhk_id: t.kind === 'rhk' ? t.rhkId : null,
      value_code: t.kind === 'perilaku' ? t.valueCode : null,
      author_employee_id: ctx.actor.employeeId,
      author_name: ctx.actor.name,
      author_role: role,
      body: input.body,
    }) as FeedbackTable;
    return { message: messageOut(ctx, row, lastRead(ctx, skp.id)) };
  },

  'feedback.markRead': (ctx, input) => {
    const skp = loadSkp(ctx.core, input.skpId);
    if (!viewerRoleOf(ctx, skp)) throw forbidden();
    const existing = ctx.core.q
      .prepare('SELECT id FROM feedback_reads WHERE skp_id = ? AND reader_employee_id = ? AND deleted_at IS NULL')
      .get(skp.id, ctx.actor.employeeId) as { id: string } | undefined;
    if (existing) ctx.write.update('feedback_reads', existing.id, { read_at: ctx.nowIso });
    else ctx.write.insert('feedback_reads', { skp_id: skp.id, reader_employee_id: ctx.actor.employeeId, read_at: ctx.nowIso });
    return { ok: true as const };
  },

  // Unread = written by someone else on an SKP I own or appraise, after I last read that SKP's thread.
  'feedback.unread': (ctx) => {
    const rows = ctx.core.q
      .prepare(
        `SELECT s.id AS skp_id, s.employee_name, COUNT(f.id) AS n
         FROM skps s
         JOIN feedback f ON f.skp_id = s.id AND f.deleted_at IS NULL AND f.author_employee_id <> @me
         LEFT JOIN feedback_reads r ON r.skp_id = s.id AND r.reader_employee_id = @me AND r.deleted_at IS NULL
         WHERE (s.employee_id = @me OR s.appraiser_employee_id = @me) AND s.deleted_at IS NULL
           AND f.created_at > COALESCE(r.read_at, '')
         GROUP BY s.id ORDER BY MAX(f.created_at) DESC`,
      )
      .all({ me: ctx.actor.employeeId }) as { skp_id: string; employee_name: string; n: number }[];
    return { total: rows.reduce((s, r) => s + r.n, 0), bySkp: rows.map((r) => ({ skpId: r.skp_id, employeeName: r.employee_name, count: r.n })) };
  },
};
