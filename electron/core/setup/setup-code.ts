import crypto from 'node:crypto';
import type { Core } from '../core';

/**
 * First-run setup over the LAN: while the database is empty, whoever calls `setup.create` first
 * becomes administrator. From this machine (loopback, the desktop app, the CLI) that is the person
 * installing it; from another PC it must also know the one-time code `kinerja serve` printed on
 * the server's console (docs/spec/operations.md §2). One code per open database, kept in memory only, gone once the
 * office exists.
 */
const codes = new WeakMap<Core, string>();

/** No 0/O, 1/I/L: read off a console and typed on another PC. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The code for this database, made on first request (serve asks when the database is empty). */
export function setupCodeFor(core: Core): string {
  let code = codes.get(core);
  if (!code) {
    const bytes = crypto.randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    code = `${chars.slice(0, 5)}-${chars.slice(5)}`;
    codes.set(core, code);
  }
  return code;
}

/** The code as people type it: case, spaces and dashes do not matter. */
function canonical(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function setupCodeMatches(core: Core, given: string | null | undefined): boolean {
  const expected = codes.get(core);
  if (!expected || !given) return false;
  const a = Buffer.from(canonical(expected));
  const b = Buffer.from(canonical(given));
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function forgetSetupCode(core: Core): void {
  codes.delete(core);
}
