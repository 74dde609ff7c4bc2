import crypto from 'node:crypto';
import zlib from 'node:zlib';

/** Header names of a signed sync request. */
export const h = {
  office: 'x-kinerja-office',
  time: 'x-kinerja-time',
  nonce: 'x-kinerja-nonce',
  digest: 'x-kinerja-body-sha256',
  signature: 'x-kinerja-signature',
  protocol: 'x-kinerja-protocol',
} as const;

export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** What the HMAC covers: method, path, time, nonce and the body's digest, one per line. */
export function canonicalRequest(method: string, path: string, time: string, nonce: string, bodyDigest: string): string {
  return `${method.toUpperCase()}\n${path}\n${time}\n${nonce}\n${bodyDigest}`;
}

export function sign(secret: string, canonical: string): string {
  return crypto.createHmac('sha256', Buffer.from(secret, 'hex')).update(canonical).digest('hex');
}

export function signatureMatches(secret: string, canonical: string, given: string): boolean {
  const want = Buffer.from(sign(secret, canonical), 'hex');
  const got = Buffer.from(/^[0-9a-f]{64}$/.test(given) ? given : '', 'hex');
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}

export function signedHeaders(opts: { secret: string; officeId: string; method: string; path: string; body: Buffer; now: number; protocol: number }): Record<string, string> {
  const nonce = crypto.randomBytes(16).toString('hex');
  const time = String(opts.now);
  const digest = sha256Hex(opts.body);
  return {
    [h.office]: opts.officeId,
    [h.time]: time,
    [h.nonce]: nonce,
    [h.digest]: digest,
    [h.protocol]: String(opts.protocol),
    [h.signature]: sign(opts.secret, canonicalRequest(opts.method, opts.path, time, nonce, digest)),
  };
}

/** Sync bodies are gzip-compressed JSON both ways (a first sync is hundreds of thousands of rows). */
export function encodeBody(value: unknown): Buffer {
  return zlib.gzipSync(Buffer.from(JSON.stringify(value)), { level: 3 });
}

export function decodeBody<T>(body: Buffer): T {
  return JSON.parse(zlib.gunzipSync(body).toString('utf8')) as T;
}

export function newSecret(): string {
  return crypto.randomBytes(32).toString('hex');
}
