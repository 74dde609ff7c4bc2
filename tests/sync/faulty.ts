import { setTimeout as sleep } from 'node:timers/promises';
import type { SyncTransport, TransportRequest, TransportResponse } from '../../electron/core/sync/transport';

/** A small seeded PRNG (mulberry32): the same seed replays the same faults exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Fault = 'drop-request' | 'drop-answer' | 'duplicate' | 'replay-old' | 'truncate' | 'delay' | 'reset' | 'restart-central' | 'kill-office';

export class NetworkFault extends Error {
  constructor(readonly fault: Fault) {
    super(`injected: ${fault}`);
    Object.assign(this, { code: fault === 'reset' || fault === 'drop-answer' ? 'ECONNRESET' : 'ECONNREFUSED' });
  }
}

/**
 * Sits between an office and the central like a bad network: drops a request or its answer (after
 * the central committed), delivers a request twice, replays an older request later, cuts a body,
 * delays, resets, restarts the central after a commit, or "kills" the office mid-sync (the caller
 * reopens its database from disk). Faults follow the seeded schedule, so a failure replays.
 */
export class FaultyTransport implements SyncTransport {
  readonly log: Fault[] = [];
  private readonly old: TransportRequest[] = [];

  constructor(
    private readonly inner: SyncTransport,
    private readonly random: () => number,
    private readonly hooks: { restartCentral(): Promise<void> },
    private readonly rate = 0.25,
  ) {}

  private pick(): Fault | null {
    if (this.random() >= this.rate) return null;
    const faults: Fault[] = ['drop-request', 'drop-answer', 'duplicate', 'replay-old', 'truncate', 'delay', 'reset', 'restart-central', 'kill-office'];
    return faults[Math.floor(this.random() * faults.length)]!;
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    const fault = this.pick();
    if (fault) this.log.push(fault);
    if (req.path === '/sync/push') this.old.push(req);
    switch (fault) {
      case 'drop-request':
        throw new NetworkFault(fault);
      case 'reset':
        // The connection breaks while the body is on its way: the central sees a cut request.
        await this.inner.send({ ...req, body: req.body.subarray(0, Math.floor(req.body.length / 3)) }).catch(() => undefined);
        throw new NetworkFault(fault);
      case 'drop-answer':
        await this.inner.send(req);
        throw new NetworkFault(fault);
      case 'duplicate': {
        const first = await this.inner.send(req);
        await this.inner.send(req);
        return first;
      }
      case 'replay-old': {
        const stale = this.old[Math.floor(this.random() * this.old.length)];
        if (stale) await this.inner.send(stale);
        return this.inner.send(req);
      }
      case 'truncate':
        return this.inner.send({ ...req, body: req.body.subarray(0, Math.max(1, req.body.length - 7)) });
      case 'delay':
        await sleep(Math.floor(this.random() * 20));
        return this.inner.send(req);
      case 'restart-central': {
        await this.inner.send(req);
        await this.hooks.restartCentral();
        throw new NetworkFault(fault);
      }
      case 'kill-office':
        // The office dies after the central committed, before it could mark anything sent.
        await this.inner.send(req);
        throw new NetworkFault(fault);
      default:
        return this.inner.send(req);
    }
  }
}
