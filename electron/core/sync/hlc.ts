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
const maxDriftMs = 5 * 60 * 1000;

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
    const remote = parseHlc(stamp);
    const phys = this.wall();
    if (remote.millis - phys > maxDriftMs) throw new Error('Jam perangkat lain terlalu jauh di depan.');
    const millis = Math.max(this.state.millis, remote.millis, phys);
    let counter: number;
    if (millis === this.state.millis && millis === remote.millis) counter = Math.max(this.state.counter, remote.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === remote.millis) counter = remote.counter + 1;
    else counter = 0;
    if (counter > maxCounter) throw new Error('Penghitung HLC meluap.');
    this.state = { millis, counter };
  }

  private bump(): void {
    if (this.state.counter >= maxCounter) {
      this.state = { millis: this.state.millis + 1, counter: 0 };
    } else {
      this.state = { millis: this.state.millis, counter: this.state.counter + 1 };
    }
  }
}
