import type { Core } from '../core';
import { syncRequestKey } from './handlers';
import { isEnrolled, OfficeSync, type SyncRunResult } from './office';
import { syncEnded, syncProgressed, syncStarted } from './progress';

export interface SyncSchedulerOptions {
  /** Between successful runs (default 5 minutes). */
  intervalMs?: number;
  /** First retry after a failure; doubles per failure up to maxBackoffMs, with jitter. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  log?: (message: string) => void;
  /** How often a "Sinkronkan sekarang" request is looked for (default 3 s). */
  pollMs?: number;
  /** Builds the run (tests pass one with their own transport). */
  makeSync?: () => OfficeSync;
}

/** The delay before the next attempt: exponential in the failures, with ±50% jitter so offices spread out. */
export function backoffDelay(failures: number, base: number, max: number, random: () => number): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  return Math.round(raw * (0.5 + random()));
}

/**
 * Background sync for `serve` and the desktop main process: every few minutes, and at once on
 * "Sinkronkan sekarang". A central that cannot be reached means retries with backoff; the office's
 * own work never waits on it (runs are async and never overlap).
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private running: Promise<SyncRunResult | null> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly core: Core,
    private readonly options: SyncSchedulerOptions = {},
  ) {}

  start(): this {
    this.schedule(1000);
    // "Sinkronkan sekarang" from any screen (IPC or HTTP) is a flag in the database: taken up here.
    this.poll = setInterval(() => {
      if (this.core.getMeta(syncRequestKey) === null) return;
      this.core.sqlite.prepare('DELETE FROM meta WHERE key = ?').run(syncRequestKey);
      void this.syncNow();
    }, this.options.pollMs ?? 3000);
    this.poll.unref();
    return this;
  }

  /** "Sinkronkan sekarang": runs at once, or joins the run already going. */
  syncNow(): Promise<SyncRunResult | null> {
    if (this.running) return this.running;
    if (!isEnrolled(this.core)) return Promise.resolve(null);
    if (this.timer) clearTimeout(this.timer);
    // The screen's progress bar follows this run (sync.status reads it).
    syncStarted(this.core);
    const onProgress = (p: Parameters<typeof syncProgressed>[1]) => syncProgressed(this.core, p);
    const run = (this.options.makeSync?.() ?? new OfficeSync(this.core, { onProgress })).run();
    this.running = run.then(
      (r) => {
        this.failures = 0;
        return r;
      },
      (err: unknown) => {
        this.failures++;
        this.options.log?.(`Sinkronisasi gagal: ${(err as Error).message}`);
        return null;
      },
    );
    void this.running.finally(() => {
      this.running = null;
      syncEnded(this.core);
      if (this.stopped) return;
      const random = this.options.random ?? Math.random;
      const delay = this.failures === 0 ? (this.options.intervalMs ?? 5 * 60_000) : backoffDelay(this.failures, this.options.baseBackoffMs ?? 15_000, this.options.maxBackoffMs ?? 30 * 60_000, random);
      this.schedule(delay);
    });
    return this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), delay);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.poll) clearInterval(this.poll);
    await this.running;
  }
}
