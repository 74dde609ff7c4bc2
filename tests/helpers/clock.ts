/**
 * A hand-moved clock for `Core.open({ clock })`: session expiry, lockout and any other rule that
 * depends on time is tested by moving this, never by sleeping.
 */
export class TestClock {
  private ms: number;

  constructor(start: string | Date = '2025-03-03T01:00:00.000Z') {
    this.ms = new Date(start).getTime();
  }

  /** Pass this to `Core.open({ clock })`. */
  readonly now = (): Date => new Date(this.ms);

  nowIso(): string {
    return new Date(this.ms).toISOString();
  }

  set(at: string | Date): void {
    this.ms = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  advanceSeconds(s: number): void {
    this.advance(s * 1000);
  }

  advanceMinutes(m: number): void {
    this.advance(m * 60_000);
  }

  advanceHours(h: number): void {
    this.advance(h * 3_600_000);
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
