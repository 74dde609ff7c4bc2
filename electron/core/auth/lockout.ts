/**
 * Repeated failures first slow down, then lock the account for a while. Kept as a pure policy so
 * the numbers are in one place and tested directly.
 */
export const lockoutPolicy = {
  /** Failures allowed with no wait. */
  freeFailures: 2,
  /** Seconds to wait after failure n (n > freeFailures): delayStepSeconds * (n - freeFailures). */
  delayStepSeconds: 15,
  /** At this many consecutive failures the account locks. */
  lockAfter: 5,
  lockMinutes: 15,
};

export interface FailureOutcome {
  failedCount: number;
  nextAttemptAt: string | null;
  lockedUntil: string | null;
}

export function afterFailure(previousFailures: number, now: Date): FailureOutcome {
  const failedCount = previousFailures + 1;
  if (failedCount >= lockoutPolicy.lockAfter) {
    const until = new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000).toISOString();
    return { failedCount, nextAttemptAt: null, lockedUntil: until };
  }
  if (failedCount > lockoutPolicy.freeFailures) {
    const wait = lockoutPolicy.delayStepSeconds * (failedCount - lockoutPolicy.freeFailures);
    return { failedCount, nextAttemptAt: new Date(now.getTime() + wait * 1000).toISOString(), lockedUntil: null };
  }
  return { failedCount, nextAttemptAt: null, lockedUntil: null };
}
