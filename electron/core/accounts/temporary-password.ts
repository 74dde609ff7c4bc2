import crypto from 'node:crypto';
import type { Core } from '../core';
import { hashPassword, hashPasswordAsync } from '../auth/password-hash';

/**
 * Temporary passwords: typed by hand from a paper slip by someone who may rarely use a keyboard,
 * so lower-case letters and digits only, without the look-alikes (i l o 0 1), in three groups of
 * four (`k7pm-4xr2-bw9a`, 14 characters). Twelve random symbols of 31 are 59 bits: far beyond
 * guessing through the login's lockout, and long enough for a policy of at least 10 characters.
 * Each has letters and digits, so it passes the "letters and digits" rule too.
 */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

export function generateTemporaryPassword(): string {
  for (;;) {
    const symbols = Array.from({ length: 12 }, () => alphabet[crypto.randomInt(alphabet.length)]!);
    const text = symbols.join('');
    if (!/[a-z]/.test(text) || !/\d/.test(text)) continue;
    return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
  }
}

export interface TemporaryCredential {
  password: string;
  hash: string;
}

/**
 * Hashing is deliberately slow (scrypt, tens of ms): creating accounts for a few hundred imported
 * employees inside the one write transaction would hold the server (and every other user) for
 * many seconds. So the slip download (electron/core/accounts/slips.ts) prepares the credentials
 * first on the thread pool, one hash after another with progress, and the command then takes them from
 * this pool; whatever the pool lacks is hashed on the spot. Credentials are interchangeable random
 * pairs, so two requests sharing the pool only saves work; they live in memory only, for the
 * seconds between preparing and the command (the pool is emptied after each use).
 */
const pools = new WeakMap<Core, TemporaryCredential[]>();

export function issueTemporaryCredential(core: Core): TemporaryCredential {
  const prepared = pools.get(core)?.pop();
  if (prepared) return prepared;
  const password = generateTemporaryPassword();
  return { password, hash: hashPassword(password) };
}

export async function prepareTemporaryCredentials(core: Core, count: number, onProgress?: (done: number, total: number) => void): Promise<void> {
  let pool = pools.get(core);
  if (!pool) pools.set(core, (pool = []));
  for (let i = 0; i < count; i++) {
    const password = generateTemporaryPassword();
    // On the thread pool (auth's queue keeps a core for the event loop): polls and other requests go on meanwhile.
    pool.push({ password, hash: await hashPasswordAsync(password) });
    onProgress?.(i + 1, count);
  }
}

/** Forgets prepared credentials nobody took (the command needed fewer, or failed). */
export function discardTemporaryCredentials(core: Core): void {
  pools.delete(core);
}
