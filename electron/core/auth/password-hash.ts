import crypto from 'node:crypto';
import os from 'node:os';

/**
 * scrypt with a per-user random salt; parameters are stored with the hash so they can be raised
 * later without invalidating existing passwords.
 *
 * Two flavours of the same computation: the async ones run scrypt on libuv's thread pool, so a
 * server answering 20 logins at once keeps answering everything else (docs/spec/operations.md §2: 20 synchronous
 * checks pushed /api/health from ~5 ms to ~580 ms). The sync ones remain for the CLI, the seed and
 * tests, where nothing else waits on the event loop.
 */
const params = { N: 16384, r: 8, p: 1, keylen: 32 };
/** scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) would refuse raised parameters. */
const maxmem = 256 * 1024 * 1024;

interface Parsed {
  salt: Buffer;
  expected: Buffer;
  options: crypto.ScryptOptions;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  return { salt: Buffer.from(saltB64, 'base64'), expected: Buffer.from(hashB64, 'base64'), options: { N: Number(n), r: Number(r), p: Number(p), maxmem } };
}

function encode(salt: Buffer, hash: Buffer): string {
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

const normalize = (password: string) => password.normalize('NFKC');

/**
 * At most (cores - 1) scrypts at once: libuv's pool has 4 threads, and on an office PC with 2 cores
 * four CPU-bound hashes would starve the event loop's own thread (health answered in ~300 ms).
 * Leaving a core free keeps other requests fast; logins queue a little longer instead.
 */
const maxConcurrent = Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function scryptAsync(password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions): Promise<Buffer> {
  if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise<Buffer>((resolve, reject) => crypto.scrypt(normalize(password), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  return encode(salt, crypto.scryptSync(normalize(password), salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem }));
}

export async function hashPasswordAsync(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  return encode(salt, await scryptAsync(password, salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem }));
}

export function verifyPassword(password: string, stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = crypto.scryptSync(normalize(password), parsed.salt, parsed.expected.length, parsed.options);
  return crypto.timingSafeEqual(actual, parsed.expected);
}

export async function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await scryptAsync(password, parsed.salt, parsed.expected.length, parsed.options);
  return crypto.timingSafeEqual(actual, parsed.expected);
}

/**
 * Spent on unknown logins too, so timing does not reveal which NIPs have accounts. Verifying costs
 * the same scrypt whatever the stored bytes are, so a well-formed constant (zero salt, zero hash;
 * nothing hashes to it) does the job without hashing at every server and CLI start (about 0.1 s,
 * more on an office PC).
 */
export const dummyHash = encode(Buffer.alloc(16), Buffer.alloc(params.keylen));

/**
 * What handlers use to check and hash passwords (`ctx.passwords`). Handlers stay synchronous (one
 * contract, docs/conventions.md); the async dispatcher (`dispatchAsync`) computes the scrypt work a
 * command will need on the thread pool first and hands the results in through this object. A
 * result that was not prepared (the sync `dispatch` of the CLI and tests, or a hash that changed
 * in between) is computed synchronously, so the answer is always right, only the cost moves.
 */
export class PasswordWork {
  private readonly verified = new Map<string, boolean>();
  private readonly hashed = new Map<string, string>();

  verify(password: string, stored: string): boolean {
    return this.verified.get(verifyKey(password, stored)) ?? verifyPassword(password, stored);
  }

  hash(password: string): string {
    const prepared = this.hashed.get(password);
    if (prepared === undefined) return hashPassword(password);
    // A prepared hash is used once: two accounts given the same password still get two salts.
    this.hashed.delete(password);
    return prepared;
  }

  /** Runs the given checks and hashes concurrently on the thread pool. */
  async prepare(work: { verify: { password: string; stored: string }[]; hash: string[] }): Promise<void> {
    await Promise.all([
      ...work.verify.map(async ({ password, stored }) => this.verified.set(verifyKey(password, stored), await verifyPasswordAsync(password, stored))),
      ...work.hash.map(async (password) => this.hashed.set(password, await hashPasswordAsync(password))),
    ]);
  }
}

const verifyKey = (password: string, stored: string) => `${stored}\u0000${password}`;
