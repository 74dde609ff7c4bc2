import { forbidden, notFound } from '../../../shared/errors';
import type { FeedbackMessage, FeedbackTarget } from '../../../shared/feedback/commands';
import type { PerilakuCode } from '../../../shared/skp/perilaku';
import { type HandlerMap, type AuthedReadContext } from '../context';
import type { FeedbackTable } from '../db/schema';
import { requireApprovedPlan, skpPeriod } from '../evaluation/period-context';
import { canPostFeedback, canSeeFeedback, feedbackAuthorRole } from '../access';
import { loadSkp } from '../skp/service';
import { lastReadAt, readMark, rhkOnSkp, threadOf, unreadBySkp } from './queries';

function targetOf(f: FeedbackTable): FeedbackTarget {
  if (f.target_kind === 'rhk') return { kind: 'rhk', rhkId: f.rhk_id! };
  if (f.target_kind === 'perilaku') return { kind: 'perilaku', valueCode: f.value_code as PerilakuCode };
  return { kind: 'umum' };
}

function lastRead(ctx: AuthedReadContext, skpId: string): string {
  return lastReadAt(ctx.core, skpId, ctx.actor.employeeId);
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
    if (!canSeeFeedback(ctx.actor, skp)) throw forbidden();
    const rows = threadOf(ctx.core, skp.id, input.period);
    const readAt = lastRead(ctx, skp.id);
    return {
      messages: rows.map((f) => messageOut(ctx, f, readAt)),
      canPost: skp.approved_version > 0 && canPostFeedback(ctx.actor, skp),
    };
  },

  'feedback.post': (ctx, input) => {
    const { skp, period } = skpPeriod(ctx.core, input.skpId, input.period);
    const role = feedbackAuthorRole(ctx.actor, skp);
    if (!role) throw forbidden('Umpan balik diberikan oleh Pejabat Penilai (atau atasannya) dan ditanggapi oleh pegawai pemilik SKP.');
    requireApprovedPlan(skp);
    const t = input.target;
    if (t.kind === 'rhk' && !rhkOnSkp(ctx.core, t.rhkId, skp.id)) {
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
    });
    return { message: messageOut(ctx, row, lastRead(ctx, skp.id)) };
  },

  'feedback.markRead': (ctx, input) => {
    const skp = loadSkp(ctx.core, input.skpId);
    if (!canSeeFeedback(ctx.actor, skp)) throw forbidden();
    const existing = readMark(ctx.core, skp.id, ctx.actor.employeeId);
    if (existing) ctx.write.update('feedback_reads', existing.id, { read_at: ctx.nowIso });
    else ctx.write.insert('feedback_reads', { skp_id: skp.id, reader_employee_id: ctx.actor.employeeId, read_at: ctx.nowIso });
    return { ok: true as const };
  },

  'feedback.unread': (ctx) => {
    const rows = unreadBySkp(ctx.core, ctx.actor.employeeId);
    return { total: rows.reduce((s, r) => s + r.n, 0), bySkp: rows.map((r) => ({ skpId: r.skp_id, employeeName: r.employee_name, count: r.n })) };
  },
};
