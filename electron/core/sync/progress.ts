import type { Core } from '../core';
import type { SyncProgress } from './office';

export interface RunningSync extends SyncProgress {
  startedAt: string;
}

/**
 * The sync running now in this process, per office database, for the progress bar of Pengaturan >
 * Sinkronisasi: the background sync (serve, desktop main) reports here and `sync.status` reads it.
 * In memory on purpose: a run belongs to this process, and a restart ends it.
 */
const running = new WeakMap<Core, RunningSync>();

export function syncStarted(core: Core): void {
  running.set(core, { phase: 'push', done: 0, total: 0, startedAt: core.now().toISOString() });
}

export function syncProgressed(core: Core, p: SyncProgress): void {
  const cur = running.get(core);
  running.set(core, { phase: p.phase, done: p.done, total: p.total, startedAt: cur?.startedAt ?? core.now().toISOString() });
}

export function syncEnded(core: Core): void {
  running.delete(core);
}

export function runningSync(core: Core): RunningSync | null {
  return running.get(core) ?? null;
}
