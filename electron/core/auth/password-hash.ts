import crypto from 'node:crypto';

/**
 * scrypt with a per-user random salt; parameters are stored with the hash so they can be raised
 * later without invalidating existing passwords.
 */
const params = { N: 16384, r: 8, p: 1, keylen: 32 };

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password.normalize('NFKC'), salt, params.keylen, { N: params.N, r: params.r, p: params.p });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const actual = crypto.scryptSync(password.normalize('NFKC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(actual, expected);
}

/**
 * Spent on unknown logins too, so timing does not reveal which NIPs have accounts. Verifying costs
 * the same scrypt whatever the stored bytes are, so a well-formed constant (zero salt, zero hash;
 * nothing hashes to it) does the job without hashing at every server and CLI start (about 0.1 s,
 * more on an office PC).
 */
export const dummyHash = `scrypt$${params.N}$${params.r}$${params.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(params.keylen).toString('base64')}`;
