import { ruleViolation } from '../../../shared/errors';
import { describeSkew } from '../../../shared/sync/protocol';
import { fileSlug } from '../central/handlers';
import type { AsyncHandlerMap, HandlerMap } from '../context';
import { exportBundle, importReply } from './bundle';
import { SyncError } from './errors';
import { isEnrolled, RemoteSyncError, requestEnrolment, saveEnrolment, syncKeys, syncStatus } from './office';
import { runningSync } from './progress';
import { activeAnnouncements } from './reference';
import { localDate } from '../../../shared/people/dates';

/** Set by "Sinkronkan sekarang", cleared by the background sync when it takes the request up. */
export const syncRequestKey = 'sync.requested_at';

const notEnrolled = 'Kantor ini belum terdaftar di server pusat. Daftarkan dulu dengan kode dari Admin Pusat.';

export const syncHandlers: HandlerMap<'sync.status' | 'sync.announcements' | 'sync.requestRun' | 'sync.exportBundle' | 'sync.importReply'> = {
  // What BKPSDM announces reaches every user's Beranda (read-only rows pulled by sync).
  'sync.announcements': (ctx) => ({ items: activeAnnouncements(ctx.core, localDate(ctx.now)) }),
  'sync.status': (ctx) => {
    const reference = ctx.core.q.all(ctx.core.db.selectFrom('reference_data').select(['id', 'kind', 'data']).where('deleted', '=', 0).orderBy('rev', 'desc').limit(100));
    const progress = runningSync(ctx.core);
    return {
      ...syncStatus(ctx.core),
      requestedAt: ctx.core.getMeta(syncRequestKey),
      reference: reference.map((r) => ({ id: r.id, kind: r.kind as 'org_rating' | 'calendar' | 'announcement', data: JSON.parse(r.data) as Record<string, unknown> })),
      fingerprint: ctx.core.getMeta(syncKeys.fingerprint),
      progress,
    };
  },
  'sync.requestRun': (ctx) => {
    if (!isEnrolled(ctx.core)) throw ruleViolation(notEnrolled);
    ctx.core.setMeta(syncRequestKey, ctx.nowIso);
    ctx.write.noteRecord('meta', syncKeys.url, null, { requestedAt: ctx.nowIso });
    return { requestedAt: ctx.nowIso };
  },
  // Reads only: the bundle holds what the central has not acknowledged; nothing is marked sent
  // until the central's reply is imported.
  'sync.exportBundle': (ctx) => {
    if (!isEnrolled(ctx.core)) throw ruleViolation(notEnrolled);
    const b = exportBundle(ctx.core);
    const office = ctx.core.getMeta(syncKeys.registeredAs) ?? 'kantor';
    return { fileName: `kiriman-${fileSlug(office)}-${ctx.nowIso.slice(0, 10)}.kinerja`, contentBase64: b.file.toString('base64'), batches: b.batches, rows: b.rows };
  },
  'sync.importReply': (ctx, input) => {
    if (!isEnrolled(ctx.core)) throw ruleViolation(notEnrolled);
    try {
      const r = importReply(ctx.core, Buffer.from(input.contentBase64, 'base64'));
      ctx.write.noteRecord('sync_runs', input.fileName, null, { via: 'usb', acked: r.acked, reference: r.reference });
      return r;
    } catch (err) {
      if (err instanceof SyncError) throw ruleViolation(err.message);
      throw err;
    }
  },
};

/** Enrolment words for what can go wrong on the way to the central. */
function enrolmentFailure(err: unknown, url: string, now: number): Error {
  if (err instanceof RemoteSyncError && err.code === 'CLOCK_SKEW' && err.centralNow !== null) {
    return ruleViolation(`${describeSkew(now - err.centralNow) ?? 'Jam komputer ini berbeda dengan server pusat'}. Perbaiki jam komputer lalu daftar lagi.`);
  }
  if (err instanceof SyncError) return ruleViolation(err.message);
  const code = (err as { code?: string })?.code;
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EPIPE)$/.test(code)) {
    return ruleViolation(`Server pusat di ${url} tidak dapat dihubungi (${code}). Periksa alamat dan jaringan, lalu coba lagi.`);
  }
  if (typeof code === 'string' && /CERT|SELF_SIGNED|TLS|SSL/i.test(code)) {
    return ruleViolation(`Sambungan TLS ke ${url} gagal (${code}).`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

export const syncAsyncHandlers: AsyncHandlerMap<'sync.enroll'> = {
  // The request to the central is awaited first; the secret is stored only in the commit step,
  // in one transaction with the audit entry.
  'sync.enroll': async (ctx, input) => {
    // Enrolling again (after Admin Pusat rotated this office's key) is allowed: the central binds
    // the code to this same database, and refuses a database that belongs to another office.
    const url = input.centralUrl.replace(/\/+$/, '');
    const e = await requestEnrolment(ctx.core, { centralUrl: url, code: input.code }).catch((err: unknown) => {
      throw enrolmentFailure(err, url, ctx.core.now().getTime());
    });
    return (write) => {
      saveEnrolment(ctx.core, e);
      // The first sync starts at once: the background sync takes this request up within seconds.
      ctx.core.setMeta(syncRequestKey, ctx.nowIso);
      write.noteRecord('meta', syncKeys.url, null, { centralUrl: e.url, centralName: e.centralName, registeredAs: e.officeName, fingerprint: e.fingerprint });
      return { centralName: e.centralName, officeName: e.officeName, fingerprint: e.fingerprint };
    };
  },
};
