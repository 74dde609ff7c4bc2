import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { genesisChainHash, protocolVersion, type PushRequest, type PushResponse } from '../../../shared/sync/protocol';
import type { CentralStore } from '../central/store';
import type { Core } from '../core';
import { chainHash } from './digest';
import { SyncError } from './errors';
import { applyReference, OfficeSync, syncKeys } from './office';

/**
 * USB bundles for offices with no link: the same push batches and answers as LAN sync, in a signed,
 * compressed file. The central applies a bundle through the same path as a LAN push (batch ids make
 * a second import a no-op) and writes a reply bundle (acknowledgments + reference data).
 */

interface SignedFile {
  format: 'kinerja-sync-bundle' | 'kinerja-sync-reply';
  officeId: string;
  /** HMAC-SHA256 (the office's secret) over the payload text. */
  signature: string;
  payload: string;
}

interface BundlePayload {
  protocol: number;
  bundleId: string;
  createdAt: number;
  epoch: number;
  refRev: number;
  batches: PushRequest[];
}

interface ReplyPayload {
  protocol: number;
  bundleId: string;
  centralNow: number;
  acks: PushResponse[];
  errors: string[];
  reference: { id: string; kind: 'org_rating' | 'calendar' | 'announcement'; data: Record<string, unknown>; rev: number; deleted: boolean }[];
}

function hmac(secret: string, text: string): string {
  return crypto.createHmac('sha256', Buffer.from(secret, 'hex')).update(text).digest('hex');
}

function writeSigned(format: SignedFile['format'], officeId: string, secret: string, payload: unknown): Buffer {
  const text = JSON.stringify(payload);
  const file: SignedFile = { format, officeId, signature: hmac(secret, text), payload: text };
  return zlib.gzipSync(Buffer.from(JSON.stringify(file)));
}

function readSigned(buf: Buffer, format: SignedFile['format']): SignedFile {
  let file: SignedFile;
  try {
    file = JSON.parse(zlib.gunzipSync(buf).toString('utf8')) as SignedFile;
  } catch {
    throw new SyncError('BAD_REQUEST', 'Berkas bundel rusak atau bukan bundel Kinerja.');
  }
  if (file.format !== format) {
    throw new SyncError('BAD_REQUEST', format === 'kinerja-sync-bundle' ? 'Berkas ini bukan bundel kiriman kantor.' : 'Berkas ini bukan bundel balasan server pusat.');
  }
  return file;
}

function verify(file: SignedFile, secret: string): void {
  const want = Buffer.from(hmac(secret, file.payload), 'hex');
  const got = Buffer.from(/^[0-9a-f]{64}$/.test(file.signature) ? file.signature : '', 'hex');
  if (got.length !== want.length || !crypto.timingSafeEqual(got, want)) throw new SyncError('BAD_SIGNATURE', 'Tanda tangan bundel tidak sah: berkas diubah atau bukan dari kantor/server yang terdaftar.');
}

/** Everything this office has not had acknowledged, as chained batches, signed. */
export function exportBundle(core: Core): { file: Buffer; batches: number; rows: number } {
  const sync = new OfficeSync(core);
  const secret = core.getMeta(syncKeys.secret)!;
  const epoch = Number(core.getMeta(syncKeys.epoch) ?? 0);
  let prevHash = core.getMeta(syncKeys.ackedHash) ?? genesisChainHash;
  let afterSeq = 0;
  const batches: PushRequest[] = [];
  let rows = 0;
  for (;;) {
    const batch = sync.nextBatch(prevHash, epoch, afterSeq);
    if (!batch) break;
    batches.push(batch);
    rows += batch.rows.length;
    prevHash = chainHash(batch.prevHash, batch.fromSeq, batch.toSeq, batch.rows.map((r) => r.changeId));
    afterSeq = batch.toSeq;
  }
  const payload: BundlePayload = { protocol: protocolVersion, bundleId: uuidv7(), createdAt: core.now().getTime(), epoch, refRev: Number(core.getMeta(syncKeys.refRev) ?? 0), batches };
  return { file: writeSigned('kinerja-sync-bundle', core.officeId()!, secret, payload), batches: batches.length, rows };
}

/**
 * Imports an office's bundle at the central through the same push path (idempotent: importing the
 * same file twice applies nothing the second time and answers the same acknowledgments).
 */
export async function importBundle(store: CentralStore, buf: Buffer): Promise<{ reply: Buffer; officeName: string; applied: number; acks: number; errors: string[] }> {
  const file = readSigned(buf, 'kinerja-sync-bundle');
  const reg = (await store.listOffices()).find((o) => o.officeId === file.officeId);
  if (!reg) throw new SyncError('UNKNOWN_OFFICE', 'Bundel ini dari kantor yang tidak terdaftar di server pusat.');
  const full = await store.db.selectFrom('central_offices').selectAll().where('id', '=', reg.id).executeTakeFirstOrThrow();
  if (full.status !== 'aktif' || !full.secret) throw new SyncError('REVOKED', `Pendaftaran kantor "${reg.name}" dicabut atau kuncinya diganti.`);
  verify(file, full.secret);
  const payload = JSON.parse(file.payload) as BundlePayload;
  store.checkProtocol(payload.protocol);
  const acks: PushResponse[] = [];
  const errors: string[] = [];
  let applied = 0;
  for (const batch of payload.batches) {
    try {
      const res = await store.push(full, batch);
      acks.push(res);
      applied += res.applied;
    } catch (err) {
      if (err instanceof SyncError) {
        errors.push(err.message);
        break;
      }
      throw err;
    }
  }
  const reply: ReplyPayload = {
    protocol: protocolVersion,
    bundleId: payload.bundleId,
    centralNow: store.now(),
    acks,
    errors,
    reference: await store.referenceSince(file.officeId, payload.refRev, 100_000),
  };
  return { reply: writeSigned('kinerja-sync-reply', file.officeId, full.secret, reply), officeName: reg.name, applied, acks: acks.length, errors };
}

/** Imports the central's reply at the office: acknowledgments in chain order, then reference data. */
export function importReply(core: Core, buf: Buffer): { acked: number; reference: number; errors: string[] } {
  const file = readSigned(buf, 'kinerja-sync-reply');
  if (file.officeId !== core.officeId()) throw new SyncError('FOREIGN_ROWS', 'Bundel balasan ini untuk kantor lain.');
  verify(file, core.getMeta(syncKeys.secret) ?? '');
  const payload = JSON.parse(file.payload) as ReplyPayload;
  const sync = new OfficeSync(core);
  let acked = 0;
  for (const ack of payload.acks) {
    // Only an acknowledgment that continues this office's chain moves it (a reply imported twice,
    // or one older than a LAN sync since, changes nothing).
    const ackedSeq = Number(core.getMeta(syncKeys.ackedSeq) ?? 0);
    if (ack.ackedSeq <= ackedSeq) continue;
    sync.acknowledge(ack.ackedSeq, ack.ackedHash, ack.rejects);
    acked++;
  }
  if (payload.reference.length > 0) applyReference(core, payload.reference);
  const at = core.now().toISOString();
  core.q.run(
    core.db.insertInto('sync_runs').values({
      id: uuidv7(),
      started_at: at,
      finished_at: at,
      ok: payload.errors.length === 0 ? 1 : 0,
      pushed: acked,
      pulled: payload.reference.length,
      repaired: 0,
      files: 0,
      digests_equal: null,
      via: 'usb',
      message: payload.errors.length > 0 ? payload.errors.join(' ') : 'Bundel balasan server pusat diimpor.',
    }),
  );
  return { acked, reference: payload.reference.length, errors: payload.errors };
}
