import crypto from 'node:crypto';
import { digestBuckets, type Digest, type RowStamp, type TableDigest } from '../../../shared/sync/protocol';

const mod = 1n << 64n;

/**
 * A row's fingerprint: the first 8 bytes of sha256 over what makes a row's state (id, version,
 * HLC, tombstone). Digests are sums of these mod 2^64 (as in PowerSync): order does not matter and
 * a row changes the sum by exactly its own difference.
 */
export function rowHash(s: RowStamp): bigint {
  const d = crypto.createHash('sha256').update(`${s.id}\u0000${s.version}\u0000${s.hlc}\u0000${s.deleted ? 1 : 0}`).digest();
  return d.readBigUInt64BE(0);
}

/** UUIDv7 ids start with time; their last hex digit is random, so buckets fill evenly. */
export function bucketOf(id: string): string {
  const c = id.charAt(id.length - 1).toLowerCase();
  return digestBuckets.includes(c) ? c : '0';
}

export function emptyTableDigest(): TableDigest {
  return Object.fromEntries(digestBuckets.map((b) => [b, { count: 0, sum: '0' }]));
}

export function tableDigest(rows: Iterable<RowStamp>): TableDigest {
  const count = new Map<string, number>();
  const sum = new Map<string, bigint>();
  for (const r of rows) {
    const b = bucketOf(r.id);
    count.set(b, (count.get(b) ?? 0) + 1);
    sum.set(b, ((sum.get(b) ?? 0n) + rowHash(r)) % mod);
  }
  const out = emptyTableDigest();
  for (const b of digestBuckets) out[b] = { count: count.get(b) ?? 0, sum: (sum.get(b) ?? 0n).toString(16) };
  return out;
}

/** The (table, bucket) pairs whose digests differ. */
export function differingBuckets(a: Digest, b: Digest): { table: string; bucket: string }[] {
  const out: { table: string; bucket: string }[] = [];
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[table] ?? emptyTableDigest();
    const y = b[table] ?? emptyTableDigest();
    for (const bucket of digestBuckets) {
      if (x[bucket]?.count !== y[bucket]?.count || x[bucket]?.sum !== y[bucket]?.sum) out.push({ table, bucket });
    }
  }
  return out;
}

/** Stable batch chaining: each batch's hash covers the previous one, its range and its changes. */
export function chainHash(prevHash: string, fromSeq: number, toSeq: number, changeIds: string[]): string {
  return crypto.createHash('sha256').update(`${prevHash}\n${fromSeq}\n${toSeq}\n${changeIds.join('\n')}`).digest('hex');
}

/** Per table and bucket, how an apply moves the digest: rows added, and the hash sum's change. */
export class DigestDeltas {
  readonly tables = new Map<string, Map<string, { count: number; sum: bigint }>>();

  /** One row's move from `before` (null: it did not exist) to `after`. */
  change(table: string, before: RowStamp | null, after: RowStamp): void {
    let buckets = this.tables.get(table);
    if (!buckets) this.tables.set(table, (buckets = new Map()));
    const b = bucketOf(after.id);
    const d = buckets.get(b) ?? { count: 0, sum: 0n };
    if (!before) d.count++;
    d.sum = (d.sum + rowHash(after) - (before ? rowHash(before) : 0n)) % mod;
    buckets.set(b, d);
  }

  get empty(): boolean {
    return this.tables.size === 0;
  }
}

/** A stored bucket plus a delta, as stored again (sum mod 2^64 in hex). */
export function addDelta(cur: { count: number; sum: string } | undefined, d: { count: number; sum: bigint }): { count: number; sum: string } {
  const sum = (((BigInt(`0x${cur?.sum ?? '0'}`) + d.sum) % mod) + mod) % mod;
  return { count: Number(cur?.count ?? 0) + d.count, sum: sum.toString(16) };
}
