import crypto from 'node:crypto';
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import {
  batchMaxBytes,
  batchMaxRows,
  describeSkew,
  genesisChainHash,
  maxSkewMs,
  protocolVersion,
  type Digest,
  type HelloResponse,
  type PushRequest,
  type PushResponse,
  type Reject,
  type RowStamp,
  type SyncErrorBody,
  type SyncErrorCode,
  type WireRow,
} from '../../../shared/sync/protocol';
import type { Core } from '../core';
import { isReplicated, listReplicatedTables } from '../db/replicated';
import { evidencePath } from '../realisasi/evidence-store';
import { appVersion, schemaVersion } from '../version';
import { currentLocalDigest, dropLocalDigest, fullLocalDigest } from './digest-state';
import { auditReferenceWrite, auditSyncWrite, confirmSyncAudit } from './audit';
import { chainHash, differingBuckets } from './digest';
import { SyncError } from './errors';
import { applyLocalRow, baselineCount, baselinePage, hasUnsentChange, localRows, localStamps, localVersion } from './local';
import { decodeBody, encodeBody, signedHeaders } from './signing';
import { HttpTransport, type SyncTransport } from './transport';
import { auditHeadForWitness } from './witness';

/** Meta keys of the office's sync state. Restoring a backup restores them too: that is how a rewind shows. */
export const syncKeys = {
  url: 'sync.central_url',
  secret: 'sync.secret',
  centralName: 'sync.central_name',
  registeredAs: 'sync.registered_as',
  fingerprint: 'sync.tls_fingerprint',
  epoch: 'sync.epoch',
  ackedSeq: 'sync.acked_seq',
  ackedHash: 'sync.acked_hash',
  refRev: 'sync.ref_rev',
  lastSuccess: 'sync.last_success',
  lastError: 'sync.last_error',
  skewMs: 'sync.skew_ms',
  digestsEqual: 'sync.digests_equal',
  notice: 'sync.notice',
  hlcFloor: 'sync.hlc_floor',
  bundleBatches: 'sync.bundle_batches',
  /** Where the baseline step stands: `{ table, afterId }`, or `done` once every row went. */
  baseline: 'sync.baseline',
} as const;

/** A refusal or failure reported by the central, with its typed code. */
export class RemoteSyncError extends SyncError {
  constructor(
    code: SyncErrorCode,
    message: string,
    readonly centralNow: number | null,
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
  }
}

export interface SyncProgress {
  phase: 'push' | 'baseline' | 'files' | 'pull' | 'digest' | 'pulihkan';
  done: number;
  total: number;
}

export interface SyncRunResult {
  ok: boolean;
  pushed: number;
  pulled: number;
  repaired: number;
  files: number;
  rejects: Reject[];
  digestsEqual: boolean;
  message: string;
  /** Said to the office once, e.g. after a restored backup was detected and recovered. */
  notice: string | null;
}

export interface OfficeSyncOptions {
  transport?: SyncTransport;
  batchRows?: number;
  batchBytes?: number;
  onProgress?: (p: SyncProgress) => void;
}

interface Settings {
  url: string;
  secret: string;
  officeId: string;
}

function settingsOf(core: Core): Settings | null {
  const url = core.getMeta(syncKeys.url);
  const secret = core.getMeta(syncKeys.secret);
  const officeId = core.officeId();
  return url && secret && officeId ? { url, secret, officeId } : null;
}

export function isEnrolled(core: Core): boolean {
  return settingsOf(core) !== null;
}

function transportFor(core: Core, url: string): SyncTransport {
  return new HttpTransport(url, { pinnedFingerprint: core.getMeta(syncKeys.fingerprint) });
}

function remoteError(status: number, body: Buffer): SyncError {
  try {
    const parsed = decodeBody<SyncErrorBody>(body);
    if (parsed?.error?.code) return new RemoteSyncError(parsed.error.code, parsed.error.message, parsed.error.centralNow ?? null, parsed.error.details);
  } catch {
    // fall through: not one of our answers (a proxy's page, a cut body)
  }
  return new SyncError('BAD_REQUEST', `Server pusat menjawab ${status} yang tidak dapat dibaca.`);
}

/** What the central answered at enrolment, not yet stored. */
export interface Enrolment {
  url: string;
  secret: string;
  centralName: string;
  officeName: string;
  /** The central's TLS certificate fingerprint as seen on this connection (null over http). */
  fingerprint: string | null;
}

/**
 * Asks the central to enrol this office database with a one-time code: the central binds the
 * code's registration to this database's office_id and hands back the per-office secret. Nothing
 * is stored here (see `saveEnrolment`), so a command can store it in its own transaction.
 */
export async function requestEnrolment(core: Core, input: { centralUrl: string; code: string; transport?: SyncTransport }): Promise<Enrolment> {
  const officeId = core.officeId();
  if (!officeId) throw new SyncError('ENROLMENT', 'Kantor ini belum disiapkan: jalankan penyiapan pertama sebelum mendaftar ke server pusat.');
  const url = input.centralUrl.replace(/\/+$/, '');
  const transport = input.transport ?? new HttpTransport(url);
  const office = core.q.first(core.db.selectFrom('offices').select('name').where('id', '=', officeId));
  const body = encodeBody({ code: input.code, officeId, officeName: office?.name ?? '', protocol: protocolVersion });
  const res = await transport.send({ path: '/sync/enroll', headers: {}, body });
  if (res.status !== 200) throw remoteError(res.status, res.body);
  const out = decodeBody<{ secret: string; registrationId: string; centralName: string; officeName: string }>(res.body);
  return { url, secret: out.secret, centralName: out.centralName, officeName: out.officeName, fingerprint: transport.lastFingerprint?.() ?? null };
}

/** Stores an enrolment (in the caller's transaction): from now on this office syncs with that central. */
export function saveEnrolment(core: Core, e: Enrolment): void {
  core.setMeta(syncKeys.url, e.url);
  core.setMeta(syncKeys.secret, e.secret);
  core.setMeta(syncKeys.centralName, e.centralName);
  core.setMeta(syncKeys.registeredAs, e.officeName);
  if (e.fingerprint) core.setMeta(syncKeys.fingerprint, e.fingerprint);
  if (core.getMeta(syncKeys.epoch) === null) core.setMeta(syncKeys.epoch, '0');
}

/** Enrols this office database at a central with a one-time code (`sync enroll`). */
export async function enroll(core: Core, input: { centralUrl: string; code: string; transport?: SyncTransport }): Promise<{ centralName: string; officeName: string }> {
  const e = await requestEnrolment(core, input);
  core.sqlite.transaction(() => saveEnrolment(core, e))();
  return { centralName: e.centralName, officeName: e.officeName };
}

function int(v: string | null, fallback = 0): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}

/**
 * One whole sync of this office with its central: handshake, restored-backup check, push of the
 * outbox in chained batches, evidence files, reference data, digests and repair, report. Every
 * step can be cut at any point; the next run continues from what the central acknowledged.
 */
export class OfficeSync {
  private readonly transport: SyncTransport;
  private readonly settings: Settings;
  private readonly batchRows: number;
  private readonly batchBytes: number;

  constructor(
    private readonly core: Core,
    private readonly options: OfficeSyncOptions = {},
  ) {
    const settings = settingsOf(core);
    if (!settings) throw new SyncError('ENROLMENT', 'Kantor ini belum terdaftar di server pusat. Daftarkan dulu dengan kode dari Admin Pusat.');
    this.settings = settings;
    this.transport = options.transport ?? transportFor(core, settings.url);
    this.batchRows = options.batchRows ?? batchMaxRows;
    this.batchBytes = options.batchBytes ?? batchMaxBytes;
  }

  private now(): number {
    return this.core.now().getTime();
  }

  async call<T>(path: string, payload: unknown): Promise<T> {
    const body = encodeBody(payload);
    const headers = signedHeaders({ secret: this.settings.secret, officeId: this.settings.officeId, method: 'POST', path, body, now: this.now(), protocol: protocolVersion });
    const res = await this.transport.send({ path, headers, body });
    if (res.status !== 200) throw remoteError(res.status, res.body);
    try {
      return decodeBody<T>(res.body);
    } catch {
      throw new SyncError('BAD_REQUEST', 'Jawaban server pusat terpotong atau rusak.');
    }
  }

  /** Runs a whole sync and records it in sync_runs; a failure is recorded and rethrown. */
  async run(): Promise<SyncRunResult> {
    const id = uuidv7();
    const startedAt = this.core.now().toISOString();
    this.core.q.run(this.core.db.insertInto('sync_runs').values({ id, started_at: startedAt, finished_at: null, ok: 0, pushed: 0, pulled: 0, repaired: 0, files: 0, digests_equal: null, via: 'lan', message: null }));
    try {
      const result = await this.runSteps();
      this.finishRun(id, result);
      return result;
    } catch (err) {
      const message = this.describe(err);
      this.core.sqlite.transaction(() => {
        this.core.setMeta(syncKeys.lastError, message);
        this.core.q.run(this.core.db.updateTable('sync_runs').set({ finished_at: this.core.now().toISOString(), ok: 0, message }).where('id', '=', id));
      })();
      throw err instanceof SyncError ? err : Object.assign(new SyncError('BAD_REQUEST', message), { cause: err });
    } finally {
      this.pruneRuns();
    }
  }

  /** A failure in words: clock skew as minutes, a cut connection as unreachable. */
  describe(err: unknown): string {
    if (err instanceof RemoteSyncError && err.code === 'CLOCK_SKEW' && err.centralNow !== null) {
      const words = describeSkew(this.now() - err.centralNow);
      return `${words ?? 'Jam komputer ini berbeda dengan server pusat'}. Perbaiki jam komputer lalu sinkronkan lagi.`;
    }
    if (err instanceof SyncError) return err.message;
    const code = (err as { code?: string })?.code;
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EPIPE') {
      return `Server pusat tidak dapat dihubungi (${code}). Perubahan tetap tersimpan dan dikirim pada percobaan berikutnya.`;
    }
    return err instanceof Error ? err.message : String(err);
  }

  private finishRun(id: string, r: SyncRunResult): void {
    const at = this.core.now().toISOString();
    this.core.sqlite.transaction(() => {
      this.core.q.run(
        this.core.db
          .updateTable('sync_runs')
          .set({ finished_at: at, ok: r.ok ? 1 : 0, pushed: r.pushed, pulled: r.pulled, repaired: r.repaired, files: r.files, digests_equal: r.digestsEqual ? 1 : 0, message: r.notice ?? r.message })
          .where('id', '=', id),
      );
      if (r.ok) {
        this.core.setMeta(syncKeys.lastSuccess, at);
        this.core.q.run(this.core.db.deleteFrom('meta').where('key', '=', syncKeys.lastError));
      } else this.core.setMeta(syncKeys.lastError, r.message);
    })();
  }

  private pruneRuns(): void {
    this.core.q.run(
      this.core.db.deleteFrom('sync_runs').where('id', 'not in', this.core.db.selectFrom('sync_runs').select('id').orderBy('started_at', 'desc').limit(200)),
    );
  }

  private async runSteps(): Promise<SyncRunResult> {
    let notice: string | null = null;
    let pushed = 0;
    const rejects: Reject[] = [];
    for (let attempt = 0; ; attempt++) {
      const hello = await this.hello();
      const recovered = await this.checkContinuity(hello);
      if (recovered) notice = recovered;
      try {
        const p = await this.pushAll();
        pushed += p.pushed;
        rejects.push(...p.rejects);
        break;
      } catch (err) {
        // The chain moved under us (an answer lost after the commit, a restored central): look again.
        if (err instanceof RemoteSyncError && (err.code === 'CHAIN_MISMATCH' || err.code === 'EPOCH') && attempt < 3) continue;
        throw err;
      }
    }
    pushed += await this.pushBaseline();
    const files = await this.pushFiles();
    const pulled = await this.pullReference();
    const { equal, repaired } = await this.compareAndRepair();
    const pending = this.pendingCount();
    await this.call('/sync/report', { digestEqual: equal, auditHead: auditHeadForWitness(this.core), pending });
    this.core.setMeta(syncKeys.digestsEqual, equal ? '1' : '0');
    if (notice) this.core.setMeta(syncKeys.notice, notice);
    const message = equal
      ? 'Tersinkron'
      : rejects.length > 0
        ? `${rejects.length} perubahan ditolak server pusat: lihat daftar penolakan.`
        : 'Sidik data kantor dan server pusat masih berbeda setelah perbaikan.';
    return { ok: equal, pushed, pulled, repaired, files, rejects, digestsEqual: equal, message, notice };
  }

  private async hello(): Promise<HelloResponse> {
    const hello = await this.call<HelloResponse>('/sync/hello', {
      protocol: protocolVersion,
      appVersion,
      schemaVersion,
      epoch: int(this.core.getMeta(syncKeys.epoch)),
      ackedSeq: int(this.core.getMeta(syncKeys.ackedSeq)),
      ackedHash: this.core.getMeta(syncKeys.ackedHash) ?? genesisChainHash,
      now: this.now(),
    });
    this.core.setMeta(syncKeys.skewMs, String(this.now() - hello.centralNow));
    return hello;
  }

  /**
   * Compares the office's acknowledged position with the central's record before any push:
   * - the central is ahead and its last change is ours at that seq: an answer was lost, adopt it;
   * - the central is ahead otherwise, or in a later epoch: this database went back (a restored
   *   backup): take our newer rows back, raise the floors, start a new epoch;
   * - the central is behind (a restored central): start a new epoch; digests repair the rest.
   * Returns the notice for the office when something happened.
   */
  private async checkContinuity(hello: HelloResponse): Promise<string | null> {
    const cs = hello.state;
    const epoch = int(this.core.getMeta(syncKeys.epoch));
    const ackedSeq = int(this.core.getMeta(syncKeys.ackedSeq));
    const ackedHash = this.core.getMeta(syncKeys.ackedHash) ?? genesisChainHash;
    if (cs.epoch < epoch) return null;
    if (cs.epoch === epoch) {
      if (cs.highSeq === ackedSeq && cs.highHash === ackedHash) return null;
      if (cs.highSeq > ackedSeq) {
        const row = this.core.q.first(this.core.db.selectFrom('change_log').select('id').where('seq', '=', cs.highSeq));
        if (row && row.id === cs.highChangeId) {
          this.acknowledge(cs.highSeq, cs.highHash, []);
          return null;
        }
      } else {
        this.startEpoch(Math.max(cs.epoch, epoch) + 1);
        return 'Server pusat memegang data kantor ini lebih sedikit dari yang sudah dikirim (server pusat dipulihkan?). Data dikirim ulang dan diperiksa dengan sidik data.';
      }
    }
    return this.recoverRestoredBackup(hello);
  }

  private startEpoch(epoch: number): void {
    this.core.sqlite.transaction(() => {
      this.core.setMeta(syncKeys.epoch, String(epoch));
      this.core.setMeta(syncKeys.ackedSeq, '0');
      this.core.setMeta(syncKeys.ackedHash, genesisChainHash);
    })();
  }

  /**
   * This database is older than what the central holds of it. Before any push: take back every
   * row of ours the central has newer (without the outbox), give our own unsent edits a version
   * above the central's so they still win, raise the HLC floor above every stamp the central saw,
   * and continue in a new epoch. Nothing the central held is lost; nothing is applied twice.
   */
  private async recoverRestoredBackup(hello: HelloResponse): Promise<string> {
    const { core } = this;
    const officeId = this.settings.officeId;
    if (hello.state.maxHlc) {
      core.hlc.raiseTo(hello.state.maxHlc);
      core.setMeta(syncKeys.hlcFloor, hello.state.maxHlc);
    }
    let pulled = 0;
    const bumps: { table: string; id: string; above: number }[] = [];
    // Rows come back table by table: foreign keys are checked by the office's own history, not by
    // the order the pages arrive in, so they are off for the recovery (outside any transaction).
    core.sqlite.pragma('foreign_keys = OFF');
    try {
      for (const table of listReplicatedTables()) {
        let afterId = '';
        for (;;) {
          const { rows } = await this.call<{ rows: Record<string, unknown>[] }>('/sync/own-rows', { table, afterId, limit: 2000 });
          if (rows.length === 0) break;
          core.sqlite.transaction(() => {
            const taken: string[] = [];
            for (const row of rows) {
              const id = String(row.id);
              if (row.office_id !== officeId) continue;
              const local = localVersion(core, table, id);
              const version = Number(row.version);
              if (local && hasUnsentChange(core, table, id)) {
                if (version >= local.version) bumps.push({ table, id, above: version });
                continue;
              }
              if (!local || version > local.version || (version === local.version && String(row.hlc) > local.hlc)) {
                applyLocalRow(core, table, row);
                taken.push(id);
                pulled++;
              }
            }
            // The rows taken back are recorded like any write, so `audit verify` finds them.
            if (taken.length > 0) auditSyncWrite(core, { command: 'sync.ambilKembali', after: { table, rows: taken.length } }, [{ table, ids: taken }]);
          })();
          confirmSyncAudit(core);
          afterId = String(rows[rows.length - 1]!.id);
          this.options.onProgress?.({ phase: 'pulihkan', done: pulled, total: pulled });
        }
      }
    } finally {
      core.sqlite.pragma('foreign_keys = ON');
    }
    const epoch = Math.max(hello.state.epoch, int(core.getMeta(syncKeys.epoch))) + 1;
    const at = core.now().toISOString();
    core.sqlite.transaction(() => {
      const raisedChanges: string[] = [];
      for (const b of bumps) {
        const local = localVersion(core, b.table, b.id)!;
        const version = Math.max(local.version, b.above) + 1;
        const hlc = core.hlc.now();
        core.q.prepare(`UPDATE "${b.table}" SET version = ?, hlc = ? WHERE id = ?`).run(version, hlc, b.id);
        // The waiting change carries the record's final state: give it the raised version too.
        const pending = core.q.first(
          core.db.selectFrom('change_log').select(['seq', 'id', 'data']).where('table_name', '=', b.table).where('row_id', '=', b.id).where('sent_at', 'is', null).orderBy('seq', 'desc').limit(1),
        );
        if (pending) {
          const data = { ...(JSON.parse(pending.data) as Record<string, unknown>), version, hlc };
          core.q.run(core.db.updateTable('change_log').set({ data: JSON.stringify(data), hlc }).where('seq', '=', pending.seq));
          raisedChanges.push(pending.id);
        }
      }
      core.setMeta(syncKeys.epoch, String(epoch));
      core.setMeta(syncKeys.ackedSeq, '0');
      core.setMeta(syncKeys.ackedHash, genesisChainHash);
      // Versions raised in place leave no new change_log seq: the kept digest cannot see them.
      dropLocalDigest(core);
      // The entry commits to the raised rows and their waiting changes as they now stand.
      const raised = new Map<string, string[]>();
      for (const b of bumps) raised.set(b.table, [...(raised.get(b.table) ?? []), b.id]);
      auditSyncWrite(
        core,
        { command: 'sync.pulihkanCadangan', before: { epoch: hello.state.epoch, centralHighSeq: hello.state.highSeq }, after: { epoch, pulled, raised: bumps.length, at } },
        [...raised].map(([table, ids]) => ({ table, ids })),
        raisedChanges,
      );
    })();
    confirmSyncAudit(core);
    return (
      `Basis data kantor ini dipulihkan dari cadangan yang lebih lama dari data di server pusat. ` +
      `${pulled.toLocaleString('id-ID')} baris diambil kembali dari server pusat` +
      (bumps.length > 0 ? `, ${bumps.length.toLocaleString('id-ID')} perubahan sesudah pemulihan tetap berlaku` : '') +
      `; sinkronisasi berlanjut dengan epoch ${epoch}.`
    );
  }

  pendingCount(): number {
    const r = this.core.q.first(this.core.db.selectFrom('change_log').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null));
    return Number(r?.n ?? 0);
  }

  /** The next batch of unsent changes in seq order, bounded by rows and bytes. */
  nextBatch(prevHash: string, epoch: number, afterSeq: number): PushRequest | null {
    const rows = this.core.q.all(
      this.core.db
        .selectFrom('change_log')
        .select(['seq', 'id', 'table_name', 'row_id', 'op', 'hlc', 'data'])
        .where('sent_at', 'is', null)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(this.batchRows),
    );
    if (rows.length === 0) return null;
    const wire: WireRow[] = [];
    let bytes = 0;
    for (const r of rows) {
      if (wire.length > 0 && bytes + r.data.length > this.batchBytes) break;
      bytes += r.data.length;
      wire.push({ seq: r.seq, changeId: r.id, table: r.table_name, rowId: r.row_id, op: r.op, hlc: r.hlc, data: JSON.parse(r.data) as Record<string, unknown> });
    }
    const fromSeq = wire[0]!.seq;
    const toSeq = wire[wire.length - 1]!.seq;
    const changeIds = wire.map((w) => w.changeId);
    // The id is derived from the content: a retry of the same batch (answer lost) has the same id
    // and gets the central's stored outcome.
    const batchId = crypto.createHash('sha256').update(`${epoch}\n${chainHash(prevHash, fromSeq, toSeq, changeIds)}`).digest('hex').slice(0, 32);
    return { batchId, epoch, fromSeq, toSeq, prevHash, rows: wire, pending: this.pendingCount() };
  }

  private async pushAll(): Promise<{ pushed: number; rejects: Reject[] }> {
    let pushed = 0;
    const rejects: Reject[] = [];
    const total = this.pendingCount();
    for (;;) {
      const epoch = int(this.core.getMeta(syncKeys.epoch));
      const prevHash = this.core.getMeta(syncKeys.ackedHash) ?? genesisChainHash;
      const batch = this.nextBatch(prevHash, epoch, 0);
      if (!batch) break;
      const res = await this.call<PushResponse>('/sync/push', batch);
      if (res.batchId !== batch.batchId || res.ackedSeq < batch.toSeq) throw new SyncError('BAD_REQUEST', 'Jawaban server pusat tidak sesuai kiriman.');
      this.acknowledge(res.ackedSeq, res.ackedHash, res.rejects);
      pushed += batch.rows.length;
      rejects.push(...res.rejects);
      this.options.onProgress?.({ phase: 'push', done: pushed, total });
    }
    return { pushed, rejects };
  }

  /**
   * The baseline: every row no change_log entry carries (a year seeded before enrolment), streamed
   * table by table in id order, in push-sized batches through the central's apply path (idempotent:
   * the higher version wins, so a batch sent twice counts once). The position is kept after each
   * acknowledged batch, so a cut sync continues where it stopped; once done it is not repeated.
   */
  private async pushBaseline(): Promise<number> {
    const { core } = this;
    const officeId = this.settings.officeId;
    const state = core.getMeta(syncKeys.baseline);
    if (state === 'done') return 0;
    const tables = listReplicatedTables();
    let at: { table: string; afterId: string } = state ? (JSON.parse(state) as { table: string; afterId: string }) : { table: tables[0]!, afterId: '' };
    let index = Math.max(0, tables.findIndex((t) => t === at.table));
    let total = 0;
    for (let i = index; i < tables.length; i++) total += baselineCount(core, officeId, tables[i]!, i === index ? at.afterId : '');
    let sent = 0;
    this.options.onProgress?.({ phase: 'baseline', done: 0, total });
    while (index < tables.length) {
      const table = tables[index]!;
      const page = baselinePage(core, officeId, table, at.afterId, this.batchRows);
      if (page.length === 0) {
        index++;
        at = { table: tables[index] ?? table, afterId: '' };
        continue;
      }
      const rows: { table: string; data: Record<string, unknown> }[] = [];
      let bytes = 0;
      for (const data of page) {
        const size = JSON.stringify(data).length;
        if (rows.length > 0 && bytes + size > this.batchBytes) break;
        bytes += size;
        rows.push({ table, data });
      }
      await this.call<{ applied: number; rejects: Reject[] }>('/sync/repair', { rows });
      at = { table, afterId: String(rows[rows.length - 1]!.data.id) };
      core.setMeta(syncKeys.baseline, JSON.stringify(at));
      sent += rows.length;
      this.options.onProgress?.({ phase: 'baseline', done: sent, total });
    }
    core.setMeta(syncKeys.baseline, 'done');
    return sent;
  }

  /** Marks changes up to the central's stored high-water mark as sent (sent_at is only a cache of it). */
  acknowledge(ackedSeq: number, ackedHash: string, rejects: Reject[]): void {
    const at = this.core.now().toISOString();
    this.core.sqlite.transaction(() => {
      this.core.q.run(this.core.db.updateTable('change_log').set({ sent_at: at }).where('sent_at', 'is', null).where('seq', '<=', ackedSeq));
      this.core.setMeta(syncKeys.ackedSeq, String(ackedSeq));
      this.core.setMeta(syncKeys.ackedHash, ackedHash);
      for (const r of rejects) {
        this.core.q.run(
          this.core.db
            .insertInto('sync_rejects')
            .values({ change_id: r.changeId, table_name: r.table, row_id: r.rowId, reason: r.reason, at })
            .onConflict((oc) => oc.column('change_id').doNothing()),
        );
      }
    })();
  }

  /** Evidence files by content hash: only those the central lacks, each verified there on arrival. */
  private async pushFiles(): Promise<number> {
    const hashes = this.core.q
      .all(this.core.db.selectFrom('evidence').select('sha256').where('sha256', 'is not', null).where('deleted_at', 'is', null).distinct())
      .map((r) => r.sha256!)
      .filter(Boolean);
    if (hashes.length === 0) return 0;
    const { missing } = await this.call<{ missing: string[] }>('/sync/files/missing', { hashes });
    let sent = 0;
    for (const sha of missing) {
      const file = evidencePath(this.core.dataDir, sha);
      if (!fs.existsSync(file)) continue;
      await this.call('/sync/files/put', { sha256: sha, content: fs.readFileSync(file).toString('base64') });
      sent++;
      this.options.onProgress?.({ phase: 'files', done: sent, total: missing.length });
    }
    return sent;
  }

  /** Reference data the city publishes, by a revision cursor; written without the outbox. */
  async pullReference(): Promise<number> {
    let pulled = 0;
    for (;;) {
      const since = int(this.core.getMeta(syncKeys.refRev));
      const { items } = await this.call<{ items: { id: string; kind: 'org_rating' | 'calendar' | 'announcement'; data: Record<string, unknown>; rev: number; deleted: boolean }[] }>(
        '/sync/reference',
        { sinceRev: since },
      );
      if (items.length === 0) return pulled;
      applyReference(this.core, items);
      pulled += items.length;
      this.options.onProgress?.({ phase: 'pull', done: pulled, total: pulled });
    }
  }

  /** Every row of this office hashed (the authority when the kept digest and the central's differ). */
  localDigest(): Digest {
    return fullLocalDigest(this.core, this.settings.officeId);
  }

  /**
   * Compares per-table bucketed digests; for each differing bucket compares (id, version, HLC)
   * lists and resends just the rows the central lacks or holds older, and takes back rows the
   * central holds newer (only where this office has no unsent change of its own).
   */
  private async compareAndRepair(): Promise<{ equal: boolean; repaired: number }> {
    let repaired = 0;
    // Both ends first compare the sums they keep; only when those differ are the rows themselves
    // recounted on both sides (so a stale sum can never hide or invent a difference), then repaired.
    const kept = currentLocalDigest(this.core, this.settings.officeId);
    const { digest: keptCentral } = await this.call<{ digest: Digest }>('/sync/digest', {});
    if (differingBuckets(kept, keptCentral).length === 0) return { equal: true, repaired };
    for (let round = 0; round < 2; round++) {
      const local = this.localDigest();
      const { digest: central } = await this.call<{ digest: Digest }>('/sync/digest', { full: true });
      const diff = differingBuckets(local, central);
      this.options.onProgress?.({ phase: 'digest', done: 0, total: diff.length });
      if (diff.length === 0) return { equal: true, repaired };
      if (round === 1) return { equal: false, repaired };
      for (const { table, bucket } of diff) {
        if (!isReplicated(table)) continue;
        const { stamps } = await this.call<{ stamps: RowStamp[] }>('/sync/stamps', { table, bucket });
        const theirs = new Map(stamps.map((s) => [s.id, s]));
        const mine = localStamps(this.core, this.settings.officeId, table, bucket);
        const mineById = new Map(mine.map((s) => [s.id, s]));
        const send = mine.filter((m) => {
          const t = theirs.get(m.id);
          return !t || m.version > t.version || (m.version === t.version && m.hlc > t.hlc);
        });
        const take = stamps.filter((t) => {
          const m = mineById.get(t.id);
          return !m || t.version > m.version || (t.version === m.version && t.hlc > m.hlc);
        });
        for (let i = 0; i < send.length; i += 1000) {
          const rows = localRows(this.core, table, send.slice(i, i + 1000).map((s) => s.id));
          const res = await this.call<{ applied: number; rejects: Reject[] }>('/sync/repair', { rows: rows.map((data) => ({ table, data })) });
          repaired += res.applied;
        }
        for (let i = 0; i < take.length; i += 1000) {
          const { rows } = await this.call<{ rows: Record<string, unknown>[] }>('/sync/rows', { table, ids: take.slice(i, i + 1000).map((s) => s.id) });
          this.core.sqlite.pragma('foreign_keys = OFF');
          try {
            this.core.sqlite.transaction(() => {
              const taken: string[] = [];
              for (const row of rows) {
                if (row.office_id !== this.settings.officeId || hasUnsentChange(this.core, table, String(row.id))) continue;
                applyLocalRow(this.core, table, row);
                taken.push(String(row.id));
                repaired++;
              }
              if (taken.length > 0) auditSyncWrite(this.core, { command: 'sync.ambilKembali', after: { table, rows: taken.length } }, [{ table, ids: taken }]);
            })();
            confirmSyncAudit(this.core);
          } finally {
            this.core.sqlite.pragma('foreign_keys = ON');
          }
        }
      }
    }
    return { equal: false, repaired };
  }
}

export function applyReference(core: Core, items: { id: string; kind: 'org_rating' | 'calendar' | 'announcement'; data: Record<string, unknown>; rev: number; deleted: boolean }[]): void {
  const at = core.now().toISOString();
  core.sqlite.transaction(() => {
    let max = int(core.getMeta(syncKeys.refRev));
    const ids: string[] = [];
    for (const it of items) {
      ids.push(it.id);
      const values = { id: it.id, kind: it.kind, data: JSON.stringify(it.data), rev: it.rev, deleted: it.deleted ? 1 : 0, received_at: at };
      core.q.run(
        core.db
          .insertInto('reference_data')
          .values(values)
          .onConflict((oc) => oc.column('id').doUpdateSet({ kind: values.kind, data: values.data, rev: values.rev, deleted: values.deleted, received_at: at })),
      );
      max = Math.max(max, it.rev);
    }
    core.setMeta(syncKeys.refRev, String(max));
    auditReferenceWrite(core, [...new Set(ids)], { rev: max, items: items.map((it) => ({ kind: it.kind, id: it.id, deleted: it.deleted })) });
  })();
  confirmSyncAudit(core);
}

export interface SyncRunRow {
  startedAt: string;
  finishedAt: string | null;
  ok: boolean;
  pushed: number;
  pulled: number;
  repaired: number;
  files: number;
  digestsEqual: boolean | null;
  via: string;
  message: string | null;
}

export interface SyncStatus {
  enrolled: boolean;
  centralUrl: string | null;
  centralName: string | null;
  registeredAs: string | null;
  state: 'belum' | 'tersinkron' | 'menunggu' | 'gagal' | 'belum_diperiksa';
  stateText: string;
  pending: number;
  oldestPendingAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  skewMs: number | null;
  skewText: string | null;
  digestsEqual: boolean | null;
  notice: string | null;
  epoch: number;
  ackedSeq: number;
  runs: SyncRunRow[];
  rejects: { changeId: string; table: string; rowId: string; reason: string; at: string }[];
}

/** The office's sync state for Pengaturan > Sinkronisasi and `sync status`. */
export function syncStatus(core: Core): SyncStatus {
  const enrolled = isEnrolled(core);
  const pendingRow = core.q.first(
    core.db
      .selectFrom('change_log')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('sent_at', 'is', null),
  );
  const pending = Number(pendingRow?.n ?? 0);
  const lastError = core.getMeta(syncKeys.lastError);
  const digests = core.getMeta(syncKeys.digestsEqual);
  const digestsEqual = digests === null ? null : digests === '1';
  const skew = core.getMeta(syncKeys.skewMs);
  const skewMs = skew === null ? null : Number(skew);
  const state: SyncStatus['state'] = !enrolled ? 'belum' : lastError ? 'gagal' : pending > 0 ? 'menunggu' : digestsEqual ? 'tersinkron' : 'belum_diperiksa';
  const stateText =
    state === 'belum'
      ? 'Belum terdaftar di server pusat'
      : state === 'gagal'
        ? `Gagal: ${lastError}`
        : state === 'menunggu'
          ? `${pending.toLocaleString('id-ID')} perubahan menunggu`
          : state === 'tersinkron'
            ? 'Tersinkron'
            : 'Belum diperiksa';
  const runs = core.q.all(core.db.selectFrom('sync_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(20));
  const rejects = core.q.all(core.db.selectFrom('sync_rejects').selectAll().orderBy('at', 'desc').limit(100));
  return {
    enrolled,
    centralUrl: core.getMeta(syncKeys.url),
    centralName: core.getMeta(syncKeys.centralName),
    registeredAs: core.getMeta(syncKeys.registeredAs),
    state,
    stateText,
    pending,
    oldestPendingAt: (pendingRow?.oldest as string | null | undefined) ?? null,
    lastSuccessAt: core.getMeta(syncKeys.lastSuccess),
    lastError,
    skewMs,
    skewText: skewMs !== null && Math.abs(skewMs) > maxSkewMs ? describeSkew(skewMs) : null,
    digestsEqual,
    notice: core.getMeta(syncKeys.notice),
    epoch: int(core.getMeta(syncKeys.epoch)),
    ackedSeq: int(core.getMeta(syncKeys.ackedSeq)),
    runs: runs.map((r) => ({
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      ok: r.ok === 1,
      pushed: r.pushed,
      pulled: r.pulled,
      repaired: r.repaired,
      files: r.files,
      digestsEqual: r.digests_equal === null ? null : r.digests_equal === 1,
      via: r.via,
      message: r.message,
    })),
    rejects: rejects.map((r) => ({ changeId: r.change_id, table: r.table_name, rowId: r.row_id, reason: r.reason, at: r.at })),
  };
}
