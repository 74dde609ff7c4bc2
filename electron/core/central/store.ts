import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  enrolmentCodeTtlMs,
  genesisChainHash,
  maxSkewMs,
  minProtocolVersion,
  protocolVersion,
  type AuditHead,
  type Digest,
  type HelloRequest,
  type HelloResponse,
  type PushRequest,
  type PushResponse,
  type Reject,
  type RowStamp,
} from '../../../shared/sync/protocol';
import { systemNow } from '../clock';
import { getDefaultNativeBinding } from '../db/connection';
import { addDelta, bucketOf, chainHash, DigestDeltas, emptyTableDigest, tableDigest } from '../sync/digest';
import { SyncError } from '../sync/errors';
import { canonicalRequest, h, newSecret, sha256Hex, signatureMatches } from '../sync/signing';
import { centralMigrations, reconcileOfficeTables } from './migrations';
import type { CentralDB, CentralOfficesTable, CentralReferenceTable } from './schema';
import { officeTableShapes, type TableShape } from './shapes';

export const centralConfigFile = 'central.json';
export const centralSqliteFile = 'central.db';

/** The offices' replicated tables, typed loosely: their columns come from the office schema at run time. */
type Row = Record<string, unknown>;
type OfficeTables = Record<string, Row>;
type Db = Kysely<CentralDB>;
type Tx = Transaction<CentralDB>;

export interface CentralConfig {
  name: string;
  /** PostgreSQL connection string when the store is not the embedded SQLite file. */
  databaseUrl: string | null;
}

export interface CentralOpenOptions {
  dataDir: string;
  /** Explicit --database-url / KINERJA_DATABASE_URL; must match the one remembered at init. */
  databaseUrl?: string | null;
  now?: () => number;
}

export function readCentralConfig(dataDir: string): CentralConfig | null {
  const file = path.join(dataDir, centralConfigFile);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CentralConfig;
}

export function writeCentralConfig(dataDir: string, config: CentralConfig): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, centralConfigFile), JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
}

/** Same URL, ignoring a trailing slash: what `--database-url` must match on later commands. */
function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

export function resolveDatabaseUrl(dataDir: string, explicit: string | null | undefined): string | null {
  const config = readCentralConfig(dataDir);
  const given = explicit || process.env.KINERJA_DATABASE_URL || null;
  if (config?.databaseUrl && given && !sameUrl(config.databaseUrl, given)) {
    throw new SyncError('BAD_REQUEST', `--database-url tidak sama dengan yang tercatat di ${path.join(dataDir, centralConfigFile)} saat init --central.`);
  }
  if (config && !config.databaseUrl && explicit) {
    throw new SyncError('BAD_REQUEST', `Server pusat di ${dataDir} memakai SQLite bawaan; --database-url tidak dapat ditambahkan kemudian.`);
  }
  return config ? config.databaseUrl : given;
}

const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newEnrolmentCode(): string {
  const bytes = crypto.randomBytes(8);
  const chars = [...bytes].map((b) => codeAlphabet[b % codeAlphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** pg answers BIGINT as text (it may exceed 2^53); ours (sequences, times, versions) never do. */
const pgTypes = {
  getTypeParser: (oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, (format ?? 'text') as 'text')),
};

export interface OfficeSummary {
  id: string;
  name: string;
  code: string | null;
  officeId: string | null;
  status: CentralOfficesTable['status'];
  enrolledAt: number | null;
  lastSyncAt: number | null;
  appVersion: string | null;
  pending: number;
  digestEqual: boolean | null;
  digestAt: number | null;
  clockSkewMs: number | null;
  rejects: number;
  silent: boolean;
  auditSeq: number | null;
}

/**
 * The central store: every office's replicated rows in the same tables an office uses (each under
 * its office_id), the registrations, batch outcomes, rejects and reference data. Written once on
 * Kysely; runs on SQLite (one file in the data folder) or PostgreSQL (`pg`).
 */
export class CentralStore {
  private readonly shapes: Map<string, TableShape>;
  private readonly columns: Map<string, Set<string>>;

  private constructor(
    readonly db: Db,
    readonly kind: 'sqlite' | 'postgres',
    readonly dataDir: string,
    private readonly clock: () => number,
  ) {
    this.shapes = new Map(officeTableShapes().map((s) => [s.name, s]));
    this.columns = new Map(officeTableShapes().map((s) => [s.name, new Set(s.columns.map((c) => c.name))]));
  }

  static async open(options: CentralOpenOptions): Promise<CentralStore> {
    const url = resolveDatabaseUrl(options.dataDir, options.databaseUrl);
    const now = options.now ?? (() => systemNow().getTime());
    let db: Db;
    let kind: 'sqlite' | 'postgres';
    if (url) {
      const pool = new pg.Pool({ connectionString: url, max: 8, types: pgTypes as unknown as pg.CustomTypesConfig });
      db = new Kysely<CentralDB>({ dialect: new PostgresDialect({ pool }) });
      kind = 'postgres';
    } else {
      fs.mkdirSync(options.dataDir, { recursive: true });
      const nativeBinding = getDefaultNativeBinding();
      const sqlite = new Database(path.join(options.dataDir, centralSqliteFile), nativeBinding ? { nativeBinding } : {});
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('synchronous = NORMAL');
      db = new Kysely<CentralDB>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
      kind = 'sqlite';
    }
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => centralMigrations } });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
      await reconcileOfficeTables(db as unknown as Kysely<unknown>);
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return new CentralStore(db, kind, options.dataDir, now);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  now(): number {
    return this.clock();
  }

  private get rows(): Kysely<OfficeTables> {
    return this.db as unknown as Kysely<OfficeTables>;
  }

  async getMeta(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('central_meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string, db: Db | Tx = this.db): Promise<void> {
    await db.insertInto('central_meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }

  async centralName(): Promise<string> {
    return (await this.getMeta('name')) ?? 'Server pusat';
  }

  // ---- registrations -------------------------------------------------------------------------

  /** Admin Pusat registers an office: a one-time enrolment code, valid 24 hours. */
  async addOffice(input: { name: string; code?: string | null }): Promise<{ registrationId: string; enrolmentCode: string; expiresAt: number }> {
    const name = input.name.trim();
    if (name.length < 3) throw new SyncError('BAD_REQUEST', 'Nama kantor minimal 3 huruf.');
    const code = newEnrolmentCode();
    const id = uuidv7();
    const expiresAt = this.now() + enrolmentCodeTtlMs;
    await this.db
      .insertInto('central_offices')
      .values({
        id,
        name,
        code: input.code?.trim() || null,
        office_id: null,
        secret: null,
        status: 'menunggu',
        enrol_code_hash: sha256Hex(normaliseCode(code)),
        enrol_expires_at: expiresAt,
        created_at: this.now(),
        enrolled_at: null,
        revoked_at: null,
        epoch: 0,
        high_seq: 0,
        high_hash: genesisChainHash,
        high_change_id: null,
        max_hlc: null,
        last_sync_at: null,
        app_version: null,
        protocol: null,
        pending: 0,
        clock_skew_ms: null,
        digest_equal: null,
        digest_at: null,
        audit_seq: null,
        audit_hash: null,
        audit_keyed: null,
        audit_at: null,
      })
      .execute();
    return { registrationId: id, enrolmentCode: code, expiresAt };
  }

  private async registration(idOrName: string): Promise<CentralOfficesTable> {
    const reg = await this.db
      .selectFrom('central_offices')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('office_id', '=', idOrName), eb('name', '=', idOrName)]))
      .executeTakeFirst();
    if (!reg) throw new SyncError('UNKNOWN_OFFICE', `Kantor "${idOrName}" tidak terdaftar di server pusat.`);
    return reg;
  }

  /** Ends the office's secret at once; its next request is refused as revoked. */
  async revoke(idOrName: string): Promise<void> {
    const reg = await this.registration(idOrName);
    await this.db.updateTable('central_offices').set({ status: 'dicabut', secret: null, enrol_code_hash: null, revoked_at: this.now() }).where('id', '=', reg.id).execute();
  }

  /**
   * A new secret: the old one stops working now and the office enrols again with the new code. The
   * registration keeps its bound database, so only that office can use the code.
   */
  async rotate(idOrName: string): Promise<{ enrolmentCode: string; expiresAt: number }> {
    const reg = await this.registration(idOrName);
    const code = newEnrolmentCode();
    const expiresAt = this.now() + enrolmentCodeTtlMs;
    await this.db
      .updateTable('central_offices')
      .set({ status: 'menunggu', secret: null, enrol_code_hash: sha256Hex(normaliseCode(code)), enrol_expires_at: expiresAt, revoked_at: null })
      .where('id', '=', reg.id)
      .execute();
    return { enrolmentCode: code, expiresAt };
  }

  async enroll(input: { code: string; officeId: string; officeName: string }): Promise<{ secret: string; registrationId: string; centralName: string; officeName: string }> {
    const hash = sha256Hex(normaliseCode(input.code));
    // Read before the transaction: on SQLite the store has one connection, so a query outside the
    // transaction's handle inside it would wait for itself.
    const centralName = await this.centralName();
    const out = await this.db.transaction().execute(async (trx) => {
      const reg = await trx.selectFrom('central_offices').selectAll().where('enrol_code_hash', '=', hash).executeTakeFirst();
      if (!reg) throw new SyncError('ENROLMENT', 'Kode pendaftaran tidak dikenal atau sudah dipakai. Minta kode baru kepada Admin Pusat.');
      if ((reg.enrol_expires_at ?? 0) < this.now()) throw new SyncError('ENROLMENT', 'Kode pendaftaran sudah kedaluwarsa (berlaku 24 jam). Minta kode baru kepada Admin Pusat.');
      const other = await trx.selectFrom('central_offices').select(['id', 'name']).where('office_id', '=', input.officeId).where('id', '!=', reg.id).executeTakeFirst();
      if (other) throw new SyncError('ENROLMENT', `Basis data ini sudah terdaftar di server pusat sebagai kantor "${other.name}". Satu basis data hanya milik satu kantor.`);
      if (reg.office_id && reg.office_id !== input.officeId) {
        throw new SyncError('ENROLMENT', `Kode ini untuk kantor "${reg.name}", yang sudah terikat pada basis data lain.`);
      }
      const secret = newSecret();
      await trx
        .updateTable('central_offices')
        .set({ status: 'aktif', secret, office_id: input.officeId, enrol_code_hash: null, enrol_expires_at: null, enrolled_at: this.now() })
        .where('id', '=', reg.id)
        .execute();
      return { secret, registrationId: reg.id, centralName, officeName: reg.name };
    });
    // The office's digest sums start from its rows (none for a new office), then every apply keeps them.
    if ((await this.getMeta(digestReadyKey(input.officeId))) === null) await this.recountDigest(input.officeId);
    return out;
  }

  // ---- authentication ------------------------------------------------------------------------

  /**
   * Verifies a signed request: protocol, known and active office, time within ±5 minutes, body
   * digest, HMAC, unused nonce. Any failure is a typed SyncError and nothing is applied.
   */
  async authenticate(req: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: Buffer }): Promise<CentralOfficesTable> {
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const protocol = Number(header(h.protocol));
    this.checkProtocol(protocol);
    const officeId = header(h.office) ?? '';
    const reg = await this.db.selectFrom('central_offices').selectAll().where('office_id', '=', officeId).executeTakeFirst();
    if (!reg) throw new SyncError('UNKNOWN_OFFICE', 'Kantor ini tidak dikenal server pusat. Daftarkan dengan kode pendaftaran dari Admin Pusat.');
    if (reg.status === 'dicabut') throw new SyncError('REVOKED', `Pendaftaran kantor "${reg.name}" telah dicabut oleh Admin Pusat.`);
    if (reg.status !== 'aktif' || !reg.secret) {
      throw new SyncError('REVOKED', `Kunci kantor "${reg.name}" telah diganti oleh Admin Pusat. Daftarkan ulang dengan kode pendaftaran yang baru.`);
    }
    const time = header(h.time) ?? '';
    const skew = Number(time) - this.now();
    if (!/^\d+$/.test(time) || Math.abs(skew) > maxSkewMs) {
      throw new SyncError('CLOCK_SKEW', 'Jam komputer kantor berbeda lebih dari 5 menit dengan server pusat.', { centralNow: this.now(), skewMs: Number.isFinite(skew) ? skew : null });
    }
    const digest = header(h.digest) ?? '';
    if (sha256Hex(req.body) !== digest) throw new SyncError('BODY_DIGEST', 'Isi permintaan rusak atau diubah di jalan (sidik isi tidak cocok).');
    const nonce = header(h.nonce) ?? '';
    if (!/^[0-9a-f]{32}$/.test(nonce) || !signatureMatches(reg.secret, canonicalRequest(req.method, req.path, time, nonce, digest), header(h.signature) ?? '')) {
      throw new SyncError('BAD_SIGNATURE', 'Tanda tangan permintaan tidak sah.');
    }
    const inserted = await this.db
      .insertInto('central_nonces')
      .values({ office_id: officeId, nonce, at: this.now() })
      .onConflict((oc) => oc.columns(['office_id', 'nonce']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) throw new SyncError('NONCE_REUSED', 'Permintaan ini sudah pernah diterima (nonce dipakai ulang): ditolak sebagai pengulangan.');
    // Nonces older than the time window can never be replayed (the time check refuses them first).
    if (Math.random() < 0.02) await this.db.deleteFrom('central_nonces').where('at', '<', this.now() - 2 * maxSkewMs).execute();
    return reg;
  }

  checkProtocol(protocol: number): void {
    if (!Number.isInteger(protocol) || protocol < minProtocolVersion) {
      throw new SyncError('PROTOCOL', `Aplikasi kantor terlalu lama untuk server pusat ini (protokol ${Number.isFinite(protocol) ? protocol : '?'}, dibutuhkan ${minProtocolVersion}-${protocolVersion}). Perbarui Kinerja di kantor.`);
    }
    if (protocol > protocolVersion) {
      throw new SyncError('PROTOCOL', `Server pusat lebih lama dari aplikasi kantor (protokol ${protocol}, server mengenal sampai ${protocolVersion}). Minta BKPSDM memperbarui server pusat lebih dulu.`);
    }
  }

  // ---- sync ------------------------------------------------------------------------------------

  async hello(reg: CentralOfficesTable, req: HelloRequest): Promise<HelloResponse> {
    await this.db
      .updateTable('central_offices')
      .set({ app_version: req.appVersion.slice(0, 40), protocol: req.protocol, clock_skew_ms: Math.round(req.now - this.now()) })
      .where('id', '=', reg.id)
      .execute();
    return {
      protocol: protocolVersion,
      minProtocol: minProtocolVersion,
      centralNow: this.now(),
      centralName: await this.centralName(),
      officeName: reg.name,
      state: { epoch: reg.epoch, highSeq: reg.high_seq, highHash: reg.high_hash, highChangeId: reg.high_change_id, maxHlc: reg.max_hlc },
    };
  }

  /**
   * One batch in one transaction: a known batch id returns its stored outcome; the chain must
   * continue from the stored high-water mark; per row the higher version (then HLC) wins; rows the
   * central cannot apply go to the rejects list; the new high-water mark and the outcome are stored
   * with the rows, so the acknowledgment is what was committed.
   */
  async push(reg: CentralOfficesTable, req: PushRequest): Promise<PushResponse> {
    const officeId = reg.office_id!;
    return this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('central_offices')
        .selectAll()
        .where('id', '=', reg.id)
        .$if(this.kind === 'postgres', (q) => q.forUpdate())
        .executeTakeFirstOrThrow();
      const stored = await trx.selectFrom('central_batches').select('response').where('office_id', '=', officeId).where('batch_id', '=', req.batchId).executeTakeFirst();
      if (stored) return { ...(JSON.parse(stored.response) as PushResponse), centralNow: this.now() };

      if (req.epoch < current.epoch) {
        throw new SyncError('EPOCH', 'Basis data kantor ini lebih lama dari yang sudah diterima server pusat (cadangan dipulihkan?). Sinkronkan ulang agar kantor mengambil kembali datanya.', {
          state: stateOf(current),
        });
      }
      if (req.epoch > current.epoch) {
        // A new lineage (after a restored backup): its chain starts again from the genesis hash.
        if (req.prevHash !== genesisChainHash) throw new SyncError('CHAIN_MISMATCH', 'Epoch baru harus dimulai dari awal rantai.', { state: stateOf(current) });
      } else if (req.prevHash !== current.high_hash || req.fromSeq <= current.high_seq) {
        throw new SyncError('CHAIN_MISMATCH', 'Kiriman tidak menyambung dengan yang terakhir diterima server pusat.', { state: stateOf(current) });
      }
      if (req.toSeq < req.fromSeq || req.rows.some((r, i) => r.seq < req.fromSeq || r.seq > req.toSeq || (i > 0 && r.seq <= req.rows[i - 1]!.seq))) {
        throw new SyncError('BAD_REQUEST', 'Urutan perubahan dalam kiriman tidak sah.');
      }
      for (const r of req.rows) {
        if (!r.data || typeof r.data !== 'object' || r.data.office_id !== officeId || r.data.id !== r.rowId) {
          throw new SyncError('FOREIGN_ROWS', `Kiriman memuat baris yang bukan milik kantor ini (${r.table} ${r.rowId}). Tidak ada yang diterapkan.`);
        }
      }
      const outcome = await this.applyRows(trx, officeId, req.rows);
      const ackedHash = chainHash(req.prevHash, req.fromSeq, req.toSeq, req.rows.map((r) => r.changeId));
      const last = req.rows[req.rows.length - 1];
      const maxHlc = req.rows.reduce<string | null>((m, r) => (m === null || r.hlc > m ? r.hlc : m), current.max_hlc);
      await trx
        .updateTable('central_offices')
        .set({
          epoch: req.epoch,
          high_seq: req.toSeq,
          high_hash: ackedHash,
          high_change_id: last?.changeId ?? current.high_change_id,
          max_hlc: maxHlc,
          pending: Math.max(0, req.pending - req.rows.length),
          last_sync_at: this.now(),
        })
        .where('id', '=', reg.id)
        .execute();
      const response: PushResponse = {
        batchId: req.batchId,
        ackedSeq: req.toSeq,
        ackedHash,
        applied: outcome.applied,
        unchanged: outcome.unchanged,
        rejects: outcome.rejects,
        centralNow: this.now(),
      };
      await trx.insertInto('central_batches').values({ office_id: officeId, batch_id: req.batchId, response: JSON.stringify(response), created_at: this.now() }).execute();
      return response;
    });
  }

  /**
   * Applies rows of one office (push and repair): unknown tables or columns are rejected, a row
   * owned by another office refuses the whole request, otherwise the higher version wins (the HLC
   * breaks a tie, which only a restored office can cause).
   */
  private async applyRows(trx: Tx, officeId: string, rows: { changeId: string; table: string; rowId: string; data: Row }[]): Promise<{ applied: number; unchanged: number; rejects: Reject[] }> {
    const rejects: Reject[] = [];
    const byTable = new Map<string, typeof rows>();
    for (const r of rows) {
      const shape = this.shapes.get(r.table);
      const cols = this.columns.get(r.table);
      let reason: string | null = null;
      if (!shape || !cols) reason = `Tabel "${r.table}" tidak dikenal server pusat (server pusat lebih lama dari kantor?).`;
      else {
        const unknown = Object.keys(r.data).filter((k) => !cols.has(k));
        if (unknown.length > 0) reason = `Kolom ${unknown.join(', ')} tidak dikenal server pusat di tabel ${r.table}: perbarui server pusat.`;
        else if (!Number.isInteger(r.data.version) || typeof r.data.hlc !== 'string') reason = 'Versi atau cap waktu baris tidak sah.';
      }
      if (reason) {
        rejects.push({ changeId: r.changeId, table: r.table, rowId: r.rowId, reason });
        continue;
      }
      let list = byTable.get(r.table);
      if (!list) byTable.set(r.table, (list = []));
      list.push(r);
    }
    let applied = 0;
    let unchanged = 0;
    const trxRows = trx as unknown as Transaction<OfficeTables>;
    const deltas = new DigestDeltas();
    for (const [table, list] of byTable) {
      const current = new Map<string, { office_id: string; version: number; hlc: string; deleted: boolean }>();
      const ids = [...new Set(list.map((r) => r.rowId))];
      // Fixed-size pages: the same SQL text each time, so the SQLite store prepares it once.
      for (let i = 0; i < ids.length; i += 250) {
        const found = (await trxRows
          .selectFrom(table)
          .select(['id', 'office_id', 'version', 'hlc', 'deleted_at'])
          .where('id', 'in', ids.slice(i, i + 250))
          .execute()) as { id: string; office_id: string; version: number; hlc: string; deleted_at: string | null }[];
        for (const f of found) current.set(f.id, { office_id: f.office_id, version: Number(f.version), hlc: f.hlc, deleted: f.deleted_at !== null && f.deleted_at !== undefined });
      }
      const winners = new Map<string, Row>();
      for (const r of list) {
        const cur = current.get(r.rowId);
        if (cur && cur.office_id !== officeId) {
          throw new SyncError('FOREIGN_ROWS', `Baris ${table} ${r.rowId} milik kantor lain di server pusat. Tidak ada yang diterapkan.`);
        }
        const version = r.data.version as number;
        const hlc = r.data.hlc as string;
        if (cur && !(version > cur.version || (version === cur.version && hlc > cur.hlc))) {
          unchanged++;
          continue;
        }
        const after = { id: r.rowId, version, hlc, deleted: r.data.deleted_at !== null && r.data.deleted_at !== undefined };
        deltas.change(table, cur ? { id: r.rowId, version: cur.version, hlc: cur.hlc, deleted: cur.deleted } : null, after);
        current.set(r.rowId, { office_id: officeId, version, hlc, deleted: after.deleted });
        winners.set(r.rowId, r.data);
        applied++;
      }
      await this.upsert(trxRows, table, [...winners.values()]);
    }
    await this.foldDigests(trx, officeId, deltas);
    if (rejects.length > 0) {
      await trx
        .insertInto('central_rejects')
        .values(
          rejects.map((r) => ({
            id: uuidv7(),
            office_id: officeId,
            change_id: r.changeId,
            table_name: r.table,
            row_id: r.rowId,
            reason: r.reason,
            data: JSON.stringify(rows.find((x) => x.changeId === r.changeId)?.data ?? null),
            created_at: this.now(),
          })),
        )
        .execute();
    }
    return { applied, unchanged, rejects };
  }

  private async upsert(trx: Transaction<OfficeTables>, table: string, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const shape = this.shapes.get(table)!;
    const names = shape.columns.map((c) => c.name);
    // Both stores cap bound parameters (SQLite 32766, PostgreSQL 65535): chunk by columns. Chunks
    // of one size give one SQL text, prepared once by the SQLite store.
    const perChunk = Math.max(1, Math.min(200, Math.floor(30000 / names.length)));
    for (let i = 0; i < rows.length; i += perChunk) {
      const values = rows.slice(i, i + perChunk).map((r) => Object.fromEntries(names.map((n) => [n, normaliseValue(r[n])])));
      await trx
        .insertInto(table)
        .values(values)
        .onConflict((oc) => oc.column('id').doUpdateSet(Object.fromEntries(names.filter((n) => n !== 'id').map((n) => [n, sql.ref(`excluded.${n}`)]))))
        .execute();
    }
  }

  /** Rows sent outside the change_log chain (digest repair, bundle seeding): the same apply path. */
  async repair(reg: CentralOfficesTable, rows: { table: string; data: Row }[]): Promise<{ applied: number; unchanged: number; rejects: Reject[] }> {
    const officeId = reg.office_id!;
    for (const r of rows) {
      if (!r.data || r.data.office_id !== officeId) throw new SyncError('FOREIGN_ROWS', `Kiriman memuat baris yang bukan milik kantor ini (${r.table}). Tidak ada yang diterapkan.`);
    }
    return this.db.transaction().execute(async (trx) => {
      // One apply per office at a time (PostgreSQL): the digest sums move in order.
      await trx.selectFrom('central_offices').select('id').where('id', '=', reg.id).$if(this.kind === 'postgres', (q) => q.forUpdate()).execute();
      return this.applyRows(
        trx,
        officeId,
        rows.map((r) => ({ changeId: `repair:${String(r.data.id)}:${String(r.data.version)}`, table: r.table, rowId: String(r.data.id), data: r.data })),
      );
    });
  }

  async stamps(officeId: string, table: string, bucket?: string): Promise<RowStamp[]> {
    if (!this.shapes.has(table)) return [];
    const rows = (await this.rows.selectFrom(table).select(['id', 'version', 'hlc', 'deleted_at']).where('office_id', '=', officeId).execute()) as {
      id: string;
      version: number;
      hlc: string;
      deleted_at: string | null;
    }[];
    return rows
      .filter((r) => bucket === undefined || bucketOf(r.id) === bucket)
      .map((r) => ({ id: r.id, version: Number(r.version), hlc: r.hlc, deleted: r.deleted_at !== null }));
  }

  /**
   * Per-table bucketed digests of one office's rows, as the office computes its own: read from the
   * sums every apply keeps current. `full` (or an office never counted) recounts every row and
   * stores the result, so a doubt is settled by the rows themselves.
   */
  async digest(officeId: string, full = false): Promise<Digest> {
    const ready = (await this.getMeta(digestReadyKey(officeId))) !== null;
    if (!ready || full) return this.recountDigest(officeId);
    const out: Digest = {};
    for (const table of this.shapes.keys()) out[table] = emptyTableDigest();
    for (const r of await this.db.selectFrom('central_digests').select(['table_name', 'bucket', 'count', 'sum']).where('office_id', '=', officeId).execute()) {
      const t = out[r.table_name];
      if (t) t[r.bucket] = { count: Number(r.count), sum: r.sum };
    }
    return out;
  }

  private async recountDigest(officeId: string): Promise<Digest> {
    const out: Digest = {};
    return this.db.transaction().execute(async (trx) => {
      // The office's row lock (PostgreSQL) keeps its applies out while the sums are rebuilt.
      await trx.selectFrom('central_offices').select('id').where('office_id', '=', officeId).$if(this.kind === 'postgres', (q) => q.forUpdate()).execute();
      const trxRows = trx as unknown as Transaction<OfficeTables>;
      for (const table of this.shapes.keys()) {
        const rows = (await trxRows.selectFrom(table).select(['id', 'version', 'hlc', 'deleted_at']).where('office_id', '=', officeId).execute()) as {
          id: string;
          version: number;
          hlc: string;
          deleted_at: string | null;
        }[];
        out[table] = tableDigest(rows.map((r) => ({ id: r.id, version: Number(r.version), hlc: r.hlc, deleted: r.deleted_at !== null && r.deleted_at !== undefined })));
      }
      await trx.deleteFrom('central_digests').where('office_id', '=', officeId).execute();
      const values = Object.entries(out).flatMap(([table, buckets]) =>
        Object.entries(buckets)
          .filter(([, b]) => b.count > 0)
          .map(([bucket, b]) => ({ office_id: officeId, table_name: table, bucket, count: b.count, sum: b.sum })),
      );
      for (let i = 0; i < values.length; i += 500) await trx.insertInto('central_digests').values(values.slice(i, i + 500)).execute();
      await this.setMeta(digestReadyKey(officeId), String(this.now()), trx);
      return out;
    });
  }

  /** Moves the stored sums by what this apply changed, in its transaction (only once counted). */
  private async foldDigests(trx: Tx, officeId: string, deltas: DigestDeltas): Promise<void> {
    if (deltas.empty) return;
    const ready = await trx.selectFrom('central_meta').select('key').where('key', '=', digestReadyKey(officeId)).executeTakeFirst();
    if (!ready) return;
    for (const [table, buckets] of deltas.tables) {
      const stored = await trx.selectFrom('central_digests').select(['bucket', 'count', 'sum']).where('office_id', '=', officeId).where('table_name', '=', table).execute();
      const byBucket = new Map(stored.map((r) => [r.bucket, { count: Number(r.count), sum: r.sum }]));
      const values = [...buckets].map(([bucket, d]) => ({ office_id: officeId, table_name: table, bucket, ...addDelta(byBucket.get(bucket), d) }));
      await trx
        .insertInto('central_digests')
        .values(values)
        .onConflict((oc) => oc.columns(['office_id', 'table_name', 'bucket']).doUpdateSet({ count: sql.ref('excluded.count'), sum: sql.ref('excluded.sum') }))
        .execute();
    }
  }

  /** One office's own rows, for a restored office to take back what the central already holds. */
  async ownRows(officeId: string, table: string, afterId: string, limit: number): Promise<Row[]> {
    if (!this.shapes.has(table)) return [];
    return (await this.rows.selectFrom(table).selectAll().where('office_id', '=', officeId).where('id', '>', afterId).orderBy('id').limit(limit).execute()) as Row[];
  }

  async rowsById(officeId: string, table: string, ids: string[]): Promise<Row[]> {
    if (!this.shapes.has(table) || ids.length === 0) return [];
    const out: Row[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      out.push(...((await this.rows.selectFrom(table).selectAll().where('office_id', '=', officeId).where('id', 'in', ids.slice(i, i + 500)).execute()) as Row[]));
    }
    return out;
  }

  /** What the office reported after comparing digests, and its audit-chain head (the central's witness). */
  async report(reg: CentralOfficesTable, input: { digestEqual: boolean; auditHead: AuditHead | null; pending: number }): Promise<void> {
    await this.db
      .updateTable('central_offices')
      .set({
        digest_equal: input.digestEqual ? 1 : 0,
        digest_at: this.now(),
        pending: input.pending,
        last_sync_at: this.now(),
        ...(input.auditHead ? { audit_seq: input.auditHead.seq, audit_hash: input.auditHead.hash, audit_keyed: input.auditHead.keyed, audit_at: this.now() } : {}),
      })
      .where('id', '=', reg.id)
      .execute();
  }

  // ---- reference data --------------------------------------------------------------------------

  /**
   * Publishes (or withdraws) one reference item. The revision counter is a row updated in the same
   * transaction, so on PostgreSQL concurrent publishers queue on its lock and revisions follow commit
   * order: an office's cursor never skips a row committed late.
   */
  async publishReference(input: { id?: string; kind: 'org_rating' | 'calendar' | 'announcement'; officeId: string | null; data: Row; deleted?: boolean }): Promise<{ id: string; rev: number }> {
    return this.db.transaction().execute(async (trx) => {
      const cur = await trx
        .selectFrom('central_meta')
        .select('value')
        .where('key', '=', 'ref_rev')
        .$if(this.kind === 'postgres', (q) => q.forUpdate())
        .executeTakeFirst();
      const rev = Number(cur?.value ?? 0) + 1;
      await this.setMeta('ref_rev', String(rev), trx);
      const id = input.id ?? uuidv7();
      const values = { id, kind: input.kind, office_id: input.officeId, data: JSON.stringify(input.data), rev, deleted: input.deleted ? 1 : 0, updated_at: this.now() };
      await trx
        .insertInto('central_reference')
        .values(values)
        .onConflict((oc) => oc.column('id').doUpdateSet({ kind: values.kind, office_id: values.office_id, data: values.data, rev, deleted: values.deleted, updated_at: values.updated_at }))
        .execute();
      return { id, rev };
    });
  }

  async referenceSince(officeId: string, sinceRev: number, limit = 1000): Promise<{ id: string; kind: CentralReferenceTable['kind']; data: Row; rev: number; deleted: boolean }[]> {
    const rows = await this.db
      .selectFrom('central_reference')
      .selectAll()
      .where('rev', '>', sinceRev)
      .where((eb) => eb.or([eb('office_id', 'is', null), eb('office_id', '=', officeId)]))
      .orderBy('rev')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, data: JSON.parse(r.data) as Row, rev: Number(r.rev), deleted: r.deleted === 1 }));
  }

  // ---- evidence files ----------------------------------------------------------------------------

  async missingFiles(hashes: string[]): Promise<string[]> {
    const want = [...new Set(hashes.filter((x) => /^[0-9a-f]{64}$/.test(x)))];
    const have = new Set<string>();
    for (let i = 0; i < want.length; i += 500) {
      for (const r of await this.db.selectFrom('central_files').select('sha256').where('sha256', 'in', want.slice(i, i + 500)).execute()) have.add(r.sha256);
    }
    return want.filter((x) => !have.has(x));
  }

  /** Stores an evidence file after checking its bytes hash to the name it was sent under. */
  async putFile(officeId: string, sha256: string, content: Buffer): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(sha256) || sha256Hex(content) !== sha256) throw new SyncError('BODY_DIGEST', 'Berkas bukti rusak di jalan: sidik isinya tidak cocok.');
    const file = path.join(this.dataDir, 'evidence', sha256.slice(0, 2), sha256);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, content);
      fs.renameSync(tmp, file);
    }
    await this.db
      .insertInto('central_files')
      .values({ sha256, size: content.length, office_id: officeId, created_at: this.now() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  // ---- the city's view ---------------------------------------------------------------------------

  async listOffices(): Promise<OfficeSummary[]> {
    const regs = await this.db.selectFrom('central_offices').selectAll().orderBy('name').execute();
    const rejects = await this.db.selectFrom('central_rejects').select(['office_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('office_id').execute();
    const rejectCount = new Map(rejects.map((r) => [r.office_id, Number(r.n)]));
    const now = this.now();
    return regs.map((r) => ({
      id: r.id,
      name: r.name,
      code: r.code,
      officeId: r.office_id,
      status: r.status,
      enrolledAt: r.enrolled_at,
      lastSyncAt: r.last_sync_at,
      appVersion: r.app_version,
      pending: Number(r.pending),
      digestEqual: r.digest_equal === null ? null : r.digest_equal === 1,
      digestAt: r.digest_at,
      clockSkewMs: r.clock_skew_ms,
      rejects: r.office_id ? (rejectCount.get(r.office_id) ?? 0) : 0,
      silent: r.status === 'aktif' && now - (r.last_sync_at ?? r.enrolled_at ?? r.created_at) > 7 * 24 * 60 * 60 * 1000,
      auditSeq: r.audit_seq,
    }));
  }

  async rejectsOf(officeId: string): Promise<{ changeId: string; table: string; rowId: string; reason: string; at: number }[]> {
    const rows = await this.db.selectFrom('central_rejects').selectAll().where('office_id', '=', officeId).orderBy('created_at', 'desc').limit(200).execute();
    return rows.map((r) => ({ changeId: r.change_id, table: r.table_name, rowId: r.row_id, reason: r.reason, at: Number(r.created_at) }));
  }

  /**
   * Mutasi: one person's rows across offices, linked by NIP (spaces ignored). Each office's rows stay
   * its own; the link is this query, so neither office overwrites the other.
   */
  async personHistory(nip: string): Promise<{ officeId: string; officeName: string | null; employeeId: string; name: string; status: string | null; deleted: boolean; assignments: Row[] }[]> {
    const clean = nip.replace(/\s+/g, '');
    const employees = (await this.rows.selectFrom('employees').selectAll().where('nip', '=', clean).orderBy('created_at').execute()) as Row[];
    const offices = await this.db.selectFrom('central_offices').select(['office_id', 'name']).execute();
    const names = new Map(offices.map((o) => [o.office_id, o.name]));
    const out = [];
    for (const e of employees) {
      const assignments = this.shapes.has('assignments')
        ? ((await this.rows.selectFrom('assignments').selectAll().where('employee_id', '=', String(e.id)).orderBy('start_date').execute()) as Row[])
        : [];
      out.push({
        officeId: String(e.office_id),
        officeName: names.get(String(e.office_id)) ?? null,
        employeeId: String(e.id),
        name: String(e.name),
        status: (e.status as string | undefined) ?? null,
        deleted: e.deleted_at !== null,
        assignments,
      });
    }
    return out;
  }

  /** Row count of one office in one table (tests and the Kantor page). */
  async countRows(officeId: string, table: string): Promise<number> {
    const r = await this.rows.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('office_id', '=', officeId).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function stateOf(r: CentralOfficesTable) {
  return { epoch: r.epoch, highSeq: Number(r.high_seq), highHash: r.high_hash, highChangeId: r.high_change_id, maxHlc: r.max_hlc };
}

function normaliseValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

function digestReadyKey(officeId: string): string {
  return `digest_ready:${officeId}`;
}

/**
 * better-sqlite3 for Kysely with prepared statements kept by SQL text: Kysely's driver prepares
 * every query anew, which for the apply path's large upserts costs more than running them. One
 * connection runs one query at a time (no streaming here), so a statement is never busy twice.
 */
function cachedStatements(sqlite: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SqliteStatement {
      let stmt = cache.get(text);
      if (!stmt) {
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        stmt = sqlite.prepare(text);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}
