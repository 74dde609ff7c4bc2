/**
 * The LAN sync protocol between an office and the central instance (BKPSDM): versions, limits, the
 * messages both ends exchange and the typed refusals. Pure types and rules, used by both ends and
 * by the renderer (status words). docs/sync.md explains it for operators.
 */

/** Bumped on an incompatible change of the messages below. */
export const protocolVersion = 1;
/** The oldest office protocol a central of this version still accepts. */
export const minProtocolVersion = 1;

/** A signed request older or newer than this is refused (replay window). */
export const maxSkewMs = 5 * 60 * 1000;
/** Push batches are bounded by rows and by (uncompressed) bytes. */
export const batchMaxRows = 2000;
export const batchMaxBytes = 4 * 1024 * 1024;
/** Enrolment codes: short enough to type, valid for a day, single use. */
export const enrolmentCodeTtlMs = 24 * 60 * 60 * 1000;
/** An office that has not synced for this long stands out on the central's Kantor page. */
export const silentOfficeMs = 7 * 24 * 60 * 60 * 1000;
/** The chain's start: the previous hash of an epoch's first batch. */
export const genesisChainHash = '0'.repeat(64);
/** Digest buckets per table: the last hex digit of the id (the random end of a UUIDv7). */
export const digestBuckets = '0123456789abcdef'.split('');

/** Typed refusals: each names what went wrong, none applies anything. */
export type SyncErrorCode =
  | 'BAD_SIGNATURE'
  | 'CLOCK_SKEW'
  | 'NONCE_REUSED'
  | 'BODY_DIGEST'
  | 'UNKNOWN_OFFICE'
  | 'REVOKED'
  | 'FOREIGN_ROWS'
  | 'PROTOCOL'
  | 'CHAIN_MISMATCH'
  | 'EPOCH'
  | 'ENROLMENT'
  | 'BAD_REQUEST'
  | 'TLS_PIN';

export interface SyncErrorBody {
  error: { code: SyncErrorCode; message: string; centralNow?: number; details?: Record<string, unknown> };
}

/** One replicated row as it travels: its table and the whole stored record. */
export interface WireRow {
  seq: number;
  changeId: string;
  table: string;
  rowId: string;
  op: 'insert' | 'update' | 'delete';
  hlc: string;
  data: Record<string, unknown>;
}

export interface OfficeSyncState {
  epoch: number;
  highSeq: number;
  highHash: string;
  /** The change_log id of the last applied change: lets the office tell "answer lost" from "restored". */
  highChangeId: string | null;
  maxHlc: string | null;
}

export interface HelloRequest {
  protocol: number;
  appVersion: string;
  schemaVersion: number;
  epoch: number;
  ackedSeq: number;
  ackedHash: string;
  now: number;
}

export interface HelloResponse {
  protocol: number;
  minProtocol: number;
  centralNow: number;
  centralName: string;
  officeName: string;
  state: OfficeSyncState;
}

export interface PushRequest {
  batchId: string;
  epoch: number;
  fromSeq: number;
  toSeq: number;
  prevHash: string;
  rows: WireRow[];
  /** The row count of all waiting changes, for the central's lag column. */
  pending: number;
}

export interface Reject {
  changeId: string;
  table: string;
  rowId: string;
  reason: string;
}

export interface PushResponse {
  batchId: string;
  ackedSeq: number;
  ackedHash: string;
  applied: number;
  unchanged: number;
  rejects: Reject[];
  centralNow: number;
}

export interface RowStamp {
  id: string;
  version: number;
  hlc: string;
  deleted: boolean;
}

/** Per table, per bucket: count and sum of row hashes mod 2^64 (hex). */
export type TableDigest = Record<string, { count: number; sum: string }>;
export type Digest = Record<string, TableDigest>;

export interface AuditHead {
  seq: number;
  hash: string;
  /** The audit engineer's keyed head (HMAC) when that export exists; null until then. */
  keyed: string | null;
}

/** Clock skew in words, from the office's point of view ("Jam komputer ini 63 menit lebih cepat dari server pusat"). */
export function describeSkew(officeMinusCentralMs: number): string | null {
  const abs = Math.abs(officeMinusCentralMs);
  if (abs < 60_000) return null;
  const minutes = Math.round(abs / 60_000);
  const amount = minutes >= 120 ? `${Math.round(minutes / 60)} jam` : `${minutes} menit`;
  return `Jam komputer ini ${amount} lebih ${officeMinusCentralMs > 0 ? 'cepat' : 'lambat'} dari server pusat`;
}

export type SyncStateWord = 'belum' | 'tersinkron' | 'menunggu' | 'gagal';

/** State in words for Pengaturan > Sinkronisasi and `sync status`. */
export function describeState(s: { enrolled: boolean; pending: number; lastError: string | null; digestsEqual: boolean | null }): string {
  if (!s.enrolled) return 'Belum terdaftar di server pusat';
  if (s.lastError) return `Gagal: ${s.lastError}`;
  if (s.pending > 0) return `${s.pending.toLocaleString('id-ID')} perubahan menunggu`;
  if (s.digestsEqual === true) return 'Tersinkron';
  return 'Belum diperiksa';
}
