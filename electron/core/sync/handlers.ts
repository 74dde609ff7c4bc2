import { ruleViolation } from '../../../shared/errors';
import type { HandlerMap } from '../context';
import { isEnrolled, syncKeys, syncStatus } from './office';

/** Set by "Sinkronkan sekarang", cleared by the background sync when it takes the request up. */
export const syncRequestKey = 'sync.requested_at';

export const syncHandlers: HandlerMap<'sync.status' | 'sync.requestRun'> = {
  'sync.status': (ctx) => {
    const reference = ctx.core.q.all(ctx.core.db.selectFrom('reference_data').select(['id', 'kind', 'data']).where('deleted', '=', 0).orderBy('rev', 'desc').limit(100));
    return {
      ...syncStatus(ctx.core),
      requestedAt: ctx.core.getMeta(syncRequestKey),
      reference: reference.map((r) => ({ id: r.id, kind: r.kind as 'org_rating' | 'calendar' | 'announcement', data: JSON.parse(r.data) as Record<string, unknown> })),
    };
  },
  'sync.requestRun': (ctx) => {
    if (!isEnrolled(ctx.core)) throw ruleViolation('Kantor ini belum terdaftar di server pusat. Daftarkan dulu dengan kode dari Admin Pusat.');
    ctx.core.setMeta(syncRequestKey, ctx.nowIso);
    ctx.write.noteRecord('meta', syncKeys.url, null, { requestedAt: ctx.nowIso });
    return { requestedAt: ctx.nowIso };
  },
};
