/**
 * Hybrid logical clock (as in Actual Budget's sync): wall-clock milliseconds, a counter for events
 * within the same millisecond or when the wall clock lags a stamp already seen, and the node id.
 * Stamps sort as strings in causal order, which is what sync needs to apply changes last-writer-wins.
 */
export interface HlcState {
  millis: number;
  counter: number;
}

const maxCounter = 0xffff;
/** A remote stamp further ahead than this is a broken clock, not news. */
export const maxDriftMs = 5 * 60 * 1000;

/**
 * A stamp too far from this computer's clock: names the gap in minutes so the office can say it in
 * words ("Jam komputer ini 63 menit lebih lambat ...") instead of a generic failure.
 */
export class ClockDriftError extends Error {
  constructor(
    /** Remote (or last stamp) minus this computer's wall clock, in ms. */
    readonly aheadMs: number,
  ) {
    const minutes = Math.round(Math.abs(aheadMs) / 60_000);
    super(`Cap waktu dari server pusat ${minutes} menit di depan jam komputer ini: jam komputer ini ${minutes} menit lebih lambat. Perbaiki jam komputer lalu coba lagi.`);
  }
}

export function formatHlc(millis: number, counter: number, node: string): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: string): { millis: number; counter: number; node: string } {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(stamp);
  if (!m) throw new Error(`Cap waktu HLC tidak valid: ${stamp}`);
  return { millis: Date.parse(m[1]!), counter: parseInt(m[2]!, 16), node: m[3]! };
}

export class HybridClock {
  private state: HlcState;

  constructor(
    readonly node: string,
    private readonly wall: () => number,
    last?: string | null,
  ) {
    if (!/^[0-9a-f]{16}$/.test(node)) throw new Error('ID node HLC harus 16 digit heksadesimal.');
    this.state = last ? { millis: parseHlc(last).millis, counter: parseHlc(last).counter } : { millis: 0, counter: 0 };
  }

  /**
   * How far the last stamp is ahead of this computer's wall clock (ms): large when the clock was
   * set back after stamps were made. Stamps stay monotonic regardless; sync shows it as a warning.
   */
  drift(): number {
    return this.state.millis - this.wall();
  }

  /** The last stamp issued or received. */
  last(): string | null {
    return this.state.millis === 0 ? null : formatHlc(this.state.millis, this.state.counter, this.node);
  }

  /** A stamp for a local event. */
  now(): string {
    const phys = this.wall();
    if (phys > this.state.millis) {
      this.state = { millis: phys, counter: 0 };
    } else {
      this.bump();
    }
    return formatHlc(this.state.millis, this.state.counter, this.node);
  }

  /** Merge a stamp received from another node, so later local stamps sort after it. */
  receive(stamp: string): void {
    this.adopt(this.merged(stamp));
  }

  /**
   * The state after merging a remote stamp, without changing this clock: the caller adopts it only
   * once the transaction that carried the stamp has committed, so a rolled-back batch never moves
   * the clock. A stamp more than 5 minutes ahead of the wall clock is refused with ClockDriftError.
   */
  merged(stamp: string): HlcState {
    const remote = parseHlc(stamp);
    const phys = this.wall();
    if (remote.millis - phys > maxDriftMs) throw new ClockDriftError(remote.millis - phys);
    const millis = Math.max(this.state.millis, remote.millis, phys);
    let counter: number;
    if (millis === this.state.millis && millis === remote.millis) counter = Math.max(this.state.counter, remote.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === remote.millis) counter = remote.counter + 1;
    else counter = 0;
    if (counter > maxCounter) throw new Error('Penghitung HLC meluap.');
    return { millis, counter };
  }

  /** Moves the clock to a merged state (never backwards). */
  adopt(next: HlcState): void {
    if (next.millis > this.state.millis || (next.millis === this.state.millis && next.counter > this.state.counter)) this.state = next;
  }

  /**
   * Raises the clock to at least `stamp` without the drift check: the office's own stamps returned by
   * the central after a restored backup must sort before every new local stamp.
   */
  raiseTo(stamp: string): void {
    const p = parseHlc(stamp);
    this.adopt({ millis: p.millis, counter: p.counter });
  }

  private bump(): void {
    if (this.state.counter >= maxCounter) {
      this.state = { millis: this.state.millis + 1, counter: 0 };
    } else {
      this.state = { millis: this.state.millis, counter: this.state.counter + 1 };
    }
  }
}
