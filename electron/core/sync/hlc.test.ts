import { describe, expect, it } from 'vitest';
import { ClockDriftError, formatHlc, HybridClock, parseHlc } from './hlc';

const nodeA = 'aaaaaaaaaaaaaaaa';
const nodeB = 'bbbbbbbbbbbbbbbb';
const t0 = Date.parse('2025-03-03T01:00:00.000Z');

/** A wall clock the test moves by hand, forwards or backwards. */
function wall(start = t0) {
  let ms = start;
  return { now: () => ms, set: (v: number) => (ms = v), add: (d: number) => (ms += d) };
}

function expectIncreasing(stamps: string[]): void {
  for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!, `${stamps[i]} after ${stamps[i - 1]}`).toBe(true);
}

describe('HLC stamps', () => {
  it('format and parse round-trip, and sort as strings in time order', () => {
    const s = formatHlc(t0, 0x2a, nodeA);
    expect(s).toBe(`2025-03-03T01:00:00.000Z-002a-${nodeA}`);
    expect(parseHlc(s)).toEqual({ millis: t0, counter: 0x2a, node: nodeA });
    expect(formatHlc(t0, 0xffff, nodeA) < formatHlc(t0 + 1, 0, nodeA)).toBe(true);
    expect(() => parseHlc('2025-03-03-0000-xyz')).toThrow();
  });

  it('refuses a malformed node id', () => {
    expect(() => new HybridClock('node-1', () => t0)).toThrow();
  });
});

describe('HybridClock.now', () => {
  it('follows the wall clock when it moves forward', () => {
    const w = wall();
    const c = new HybridClock(nodeA, w.now);
    expect(c.now()).toBe(formatHlc(t0, 0, nodeA));
    w.add(5);
    expect(c.now()).toBe(formatHlc(t0 + 5, 0, nodeA));
  });

  it('counts within the same millisecond', () => {
    const c = new HybridClock(nodeA, () => t0);
    const stamps = [c.now(), c.now(), c.now()];
    expect(stamps.map((s) => parseHlc(s).counter)).toEqual([0, 1, 2]);
    expectIncreasing(stamps);
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    const w = wall();
    const c = new HybridClock(nodeA, w.now);
    const stamps = [c.now()];
    w.add(-60_000); // the PC's clock was set back a minute
    stamps.push(c.now(), c.now());
    w.add(-3_600_000);
    stamps.push(c.now());
    expectIncreasing(stamps);
    // It keeps the highest time seen and counts on it.
    expect(parseHlc(stamps[3]!)).toEqual({ millis: t0, counter: 3, node: nodeA });
    // Once the wall clock passes the last stamp again, it follows it.
    w.set(t0 + 10);
    expect(parseHlc(c.now())).toEqual({ millis: t0 + 10, counter: 0, node: nodeA });
  });

  it('moves to the next millisecond when the counter would overflow', () => {
    const c = new HybridClock(nodeA, () => t0, formatHlc(t0, 0xffff, nodeA));
    const s = c.now();
    expect(parseHlc(s)).toEqual({ millis: t0 + 1, counter: 0, node: nodeA });
    expect(s > formatHlc(t0, 0xffff, nodeA)).toBe(true);
  });

  it('resumes after the last stamp it is given (e.g. the newest change_log row) even with a clock behind it', () => {
    const last = formatHlc(t0 + 1000, 7, nodeA);
    const c = new HybridClock(nodeA, () => t0, last);
    const s = c.now();
    expect(s > last).toBe(true);
    expect(parseHlc(s)).toEqual({ millis: t0 + 1000, counter: 8, node: nodeA });
  });
});

describe('HybridClock.receive', () => {
  it('orders later local stamps after a remote stamp that is ahead', () => {
    const w = wall();
    const a = new HybridClock(nodeA, w.now);
    const remote = formatHlc(t0 + 90_000, 3, nodeB); // the other node's clock is 90 s ahead
    a.now();
    a.receive(remote);
    const next = a.now();
    expect(next > remote).toBe(true);
    expect(parseHlc(next)).toEqual({ millis: t0 + 90_000, counter: 5, node: nodeA });
  });

  it('orders after a remote stamp of the same millisecond with a higher counter', () => {
    const a = new HybridClock(nodeA, () => t0);
    a.now();
    a.now(); // counter 1
    const remote = formatHlc(t0, 9, nodeB);
    a.receive(remote);
    const next = a.now();
    expect(next > remote).toBe(true);
    expect(parseHlc(next).counter).toBe(11);
  });

  it('an older remote stamp does not move the clock backwards', () => {
    const w = wall();
    const a = new HybridClock(nodeA, w.now);
    const before = a.now();
    a.receive(formatHlc(t0 - 60_000, 0, nodeB));
    expect(a.now() > before).toBe(true);
  });

  it('two nodes exchanging stamps keep a causal order', () => {
    const wa = wall(t0);
    const wb = wall(t0 - 30_000); // B's clock is behind
    const a = new HybridClock(nodeA, wa.now);
    const b = new HybridClock(nodeB, wb.now);
    const s1 = a.now();
    b.receive(s1);
    const s2 = b.now();
    a.receive(s2);
    wa.add(-5_000);
    const s3 = a.now();
    expectIncreasing([s1, s2, s3]);
  });

  it('refuses a remote stamp more than 5 minutes ahead (a broken clock)', () => {
    const a = new HybridClock(nodeA, () => t0);
    expect(() => a.receive(formatHlc(t0 + 5 * 60_000 + 1, 0, nodeB))).toThrow(/5 menit lebih lambat|menit lebih lambat/);
    expect(() => a.receive(formatHlc(t0 + 5 * 60_000, 0, nodeB))).not.toThrow();
  });
});

describe('HybridClock drift and rolled-back batches', () => {
  const nodeA = 'aaaaaaaaaaaaaaaa';
  const nodeB = 'bbbbbbbbbbbbbbbb';
  const t0 = Date.parse('2025-03-03T01:00:00.000Z');

  it('names a far stamp in minutes with a typed error', () => {
    const a = new HybridClock(nodeA, () => t0);
    let caught: unknown;
    try {
      a.receive(formatHlc(t0 + 63 * 60_000, 0, nodeB));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ClockDriftError);
    expect((caught as ClockDriftError).aheadMs).toBe(63 * 60_000);
    expect((caught as Error).message).toContain('63 menit lebih lambat');
  });

  it('merged() leaves the clock alone until adopt(): a rolled-back batch never advances it', () => {
    const a = new HybridClock(nodeA, () => t0);
    const before = a.now();
    const next = a.merged(formatHlc(t0 + 60_000, 3, nodeB));
    expect(a.last()).toBe(before);
    a.adopt(next);
    expect(a.now() > formatHlc(t0 + 60_000, 3, nodeB)).toBe(true);
  });

  it('drift() reports a wall clock set back behind the last stamp', () => {
    let wall = t0;
    const a = new HybridClock(nodeA, () => wall);
    a.now();
    wall = t0 - 10 * 60_000;
    expect(a.drift()).toBe(10 * 60_000);
    expect(a.now() > formatHlc(t0, 0, nodeA)).toBe(true);
  });
});
