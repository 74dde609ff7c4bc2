import type { HelloRequest, PushRequest, SyncErrorBody } from '../../../shared/sync/protocol';
import { SyncError } from '../sync/errors';
import { decodeBody, encodeBody } from '../sync/signing';
import type { CentralStore } from './store';

export interface SyncHttpRequest {
  method: string;
  /** The path as signed, e.g. `/sync/push`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface SyncHttpResponse {
  status: number;
  body: Buffer;
}

/** The largest row page one request asks for (own rows, stamps). */
const pageLimit = 5000;

/**
 * Every `/sync/*` request of the central, independent of the HTTP host: the Fastify route and the
 * USB bundle import both come through here, so a bundle is applied by the same path as LAN sync.
 * Answers are gzip-compressed JSON; refusals `{ error: { code, message } }` with the HTTP status of
 * their code.
 */
export async function handleSyncRequest(store: CentralStore, req: SyncHttpRequest): Promise<SyncHttpResponse> {
  try {
    const result = await route(store, req);
    return { status: 200, body: encodeBody(result) };
  } catch (err) {
    if (err instanceof SyncError) {
      const body: SyncErrorBody = { error: { code: err.code, message: err.message, centralNow: store.now(), details: err.details } };
      return { status: err.status, body: encodeBody(body) };
    }
    throw err;
  }
}

function parse<T>(body: Buffer): T {
  try {
    return decodeBody<T>(body);
  } catch {
    throw new SyncError('BAD_REQUEST', 'Isi permintaan sinkronisasi tidak dapat dibaca (terpotong atau rusak).');
  }
}

async function route(store: CentralStore, req: SyncHttpRequest): Promise<unknown> {
  if (req.path === '/sync/enroll') {
    const input = parse<{ code?: string; officeId?: string; officeName?: string; protocol?: number }>(req.body);
    store.checkProtocol(Number(input.protocol));
    if (typeof input.code !== 'string' || typeof input.officeId !== 'string' || !input.officeId) throw new SyncError('BAD_REQUEST', 'Kode pendaftaran dan ID kantor wajib diisi.');
    return store.enroll({ code: input.code, officeId: input.officeId, officeName: String(input.officeName ?? '') });
  }
  const reg = await store.authenticate(req);
  const officeId = reg.office_id!;
  switch (req.path) {
    case '/sync/hello':
      return store.hello(reg, parse<HelloRequest>(req.body));
    case '/sync/push':
      return store.push(reg, parse<PushRequest>(req.body));
    case '/sync/digest':
      return { digest: await store.digest(officeId, parse<{ full?: boolean }>(req.body).full === true) };
    case '/sync/stamps': {
      const input = parse<{ table: string; bucket: string }>(req.body);
      return { stamps: await store.stamps(officeId, String(input.table), String(input.bucket)) };
    }
    case '/sync/rows': {
      const input = parse<{ table: string; ids: string[] }>(req.body);
      return { rows: await store.rowsById(officeId, String(input.table), (input.ids ?? []).slice(0, pageLimit).map(String)) };
    }
    case '/sync/own-rows': {
      const input = parse<{ table: string; afterId: string; limit?: number }>(req.body);
      return { rows: await store.ownRows(officeId, String(input.table), String(input.afterId ?? ''), Math.min(pageLimit, Number(input.limit) || pageLimit)) };
    }
    case '/sync/repair': {
      const input = parse<{ rows: { table: string; data: Record<string, unknown> }[] }>(req.body);
      return store.repair(reg, input.rows ?? []);
    }
    case '/sync/reference': {
      const input = parse<{ sinceRev: number }>(req.body);
      return { items: await store.referenceSince(officeId, Number(input.sinceRev) || 0) };
    }
    case '/sync/files/missing': {
      const input = parse<{ hashes: string[] }>(req.body);
      return { missing: await store.missingFiles((input.hashes ?? []).map(String)) };
    }
    case '/sync/files/put': {
      const input = parse<{ sha256: string; content: string }>(req.body);
      await store.putFile(officeId, String(input.sha256), Buffer.from(String(input.content), 'base64'));
      return { ok: true };
    }
    case '/sync/report': {
      const input = parse<{ digestEqual: boolean; auditHead: { seq: number; hash: string; keyed: string | null } | null; pending: number }>(req.body);
      await store.report(reg, { digestEqual: input.digestEqual === true, auditHead: input.auditHead ?? null, pending: Number(input.pending) || 0 });
      return { ok: true, rejects: await store.rejectsOf(officeId) };
    }
    default:
      throw new SyncError('BAD_REQUEST', `Alamat sinkronisasi ${req.path} tidak dikenal.`);
  }
}
