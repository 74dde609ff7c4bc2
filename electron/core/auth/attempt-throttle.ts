import type { Core } from '../core';

/**
 * Password guessing is slowed per account AND per client address, with growing waits and no hard
 * lock: someone on the LAN guessing at a colleague's account only slows their own PC down, and
 * cannot lock the colleague out (docs/spec/operations.md §2; the old per-account lock of 15 minutes could be
 * triggered by anyone). Every command that checks a password (login, change password, the setup
 * code) counts here, under the same key for the same account, so a stolen session cannot guess
 * through `auth.changePassword` faster than the login form allows.
 *
 * Kept in memory, per open database: sessions' machine, not replicated data, and a guesser gains
 * nothing from restarts they cannot cause. The numbers are one policy object, tested directly.
 */
export const throttlePolicy = {
  /** Failures allowed without any wait. */
  freeFailures: 3,
  /** The wait after the first failure beyond the free ones; doubles with each further one. */
  firstDelaySeconds: 2,
  maxDelaySeconds: 15 * 60,
  /** A key quiet this long is forgotten. */
  forgetAfterMs: 24 * 60 * 60 * 1000,
  /** Bound on remembered keys (oldest dropped), so a flood of made-up logins cannot grow memory. */
  maxKeys: 10_000,
};

/** Seconds to wait after the n-th consecutive failure (0 while failures are free). */
export function delayAfterFailure(failures: number): number {
  const beyond = failures - throttlePolicy.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(throttlePolicy.maxDelaySeconds, throttlePolicy.firstDelaySeconds * 2 ** (beyond - 1));
}

interface Entry {
  failures: number;
  /** Epoch ms before which the next attempt is refused. */
  nextAt: number;
  lastAt: number;
}

export class AttemptThrottle {
  private readonly entries = new Map<string, Entry>();

  /** Seconds still to wait before `key` may try again (0: go ahead). */
  waitSeconds(key: string, now: Date): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    const t = now.getTime();
    if (t - e.lastAt > throttlePolicy.forgetAfterMs) {
      this.entries.delete(key);
      return 0;
    }
    return e.nextAt > t ? Math.ceil((e.nextAt - t) / 1000) : 0;
  }

  /** Counts a failure; returns the wait it starts (seconds, 0 while failures are free). */
  fail(key: string, now: Date): number {
    const t = now.getTime();
    const prev = this.entries.get(key);
    const failures = (prev && t - prev.lastAt <= throttlePolicy.forgetAfterMs ? prev.failures : 0) + 1;
    const delay = delayAfterFailure(failures);
    this.entries.delete(key); // re-inserted last: Map order is the eviction order
    this.entries.set(key, { failures, nextAt: t + delay * 1000, lastAt: t });
    if (this.entries.size > throttlePolicy.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    return delay;
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  /** An administrator reset the account's password: every address starts afresh for it. */
  forgetAccount(account: string): void {
    for (const key of this.entries.keys()) if (key.endsWith(`|${account}`)) this.entries.delete(key);
  }
}

const throttles = new WeakMap<Core, AttemptThrottle>();

export function throttleOf(core: Core): AttemptThrottle {
  let t = throttles.get(core);
  if (!t) throttles.set(core, (t = new AttemptThrottle()));
  return t;
}

/** The throttle key: who tries (client address) and at what (an account id or a made-up login). */
export function attemptKey(clientAddress: string, account: string): string {
  return `${clientAddress}|${account}`;
}

export function formatWait(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} menit` : `${seconds} detik`;
}
