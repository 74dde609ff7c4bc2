import type { Core } from '../core';
import { createBackup, deleteBackups } from './create';
import { listBackups, type BackupEntry, type BackupKind } from './layout';
import { backupsToPrune, defaultRetention, isDailyBackupDue, type RetentionPolicy } from './retention';

export interface RunningBackup {
  id: string | null;
  kind: BackupKind;
  startedAt: string;
  progress: number;
}

/**
 * The backups of one open database: at most one copy runs at a time (a second request joins the
 * running one), the outcome of the last run is remembered for the admin screen, and pruning follows
 * every automatic backup. One instance per Core, shared by the menu, the scheduler and the commands.
 */
export class BackupService {
  private running: { state: RunningBackup; promise: Promise<BackupEntry> } | null = null;
  lastError: { at: string; message: string } | null = null;
  readonly policy: RetentionPolicy;

  constructor(
    readonly core: Core,
    private readonly options: { policy?: RetentionPolicy; log?: (message: string) => void } = {},
  ) {
    this.policy = options.policy ?? defaultRetention;
  }

  get current(): RunningBackup | null {
    return this.running ? { ...this.running.state } : null;
  }

  list(): BackupEntry[] {
    return listBackups(this.core.dataDir);
  }

  /** Runs a backup now, or joins the one already running. */
  run(kind: BackupKind, now: Date = this.core.now()): Promise<BackupEntry> {
    if (this.running) return this.running.promise;
    const state: RunningBackup = { id: null, kind, startedAt: now.toISOString(), progress: 0 };
    const promise = createBackup(this.core.sqlite, {
      dataDir: this.core.dataDir,
      kind,
      now,
      onProgress: (p) => (state.progress = p),
      onReserved: (id) => (state.id = id),
    })
      .then((entry) => {
        this.lastError = null;
        this.options.log?.(`Cadangan ${entry.id} selesai (${entry.totalBytes} bita).`);
        return entry;
      })
      .catch((err: unknown) => {
        this.lastError = { at: this.core.now().toISOString(), message: (err as Error)?.message ?? String(err) };
        this.options.log?.(`Pencadangan gagal: ${this.lastError.message}`);
        throw err;
      })
      .finally(() => {
        this.running = null;
      });
    this.running = { state, promise };
    return promise;
  }

  /** Starts a backup and returns at once; the outcome shows in `current`, `list()` and `lastError`. */
  start(kind: BackupKind, now: Date = this.core.now()): RunningBackup {
    this.run(kind, now).catch(() => {
      // recorded in lastError by run()
    });
    return this.current!;
  }

  /** Waits for a running backup to end (before closing the database or restoring). */
  async idle(): Promise<void> {
    await this.running?.promise.catch(() => undefined);
  }

  prune(now: Date = this.core.now()): string[] {
    const doomed = backupsToPrune(this.list(), this.policy);
    deleteBackups(this.core.dataDir, doomed, now);
    if (doomed.length) this.options.log?.(`Cadangan lama dihapus menurut aturan simpan: ${doomed.join(', ')}`);
    return doomed;
  }

  /** The daily automatic backup, when due and the office is set up (an empty database needs none). */
  async runDailyIfDue(now: Date = this.core.now()): Promise<BackupEntry | null> {
    if (!this.core.officeId()) return null;
    if (!isDailyBackupDue(this.list(), now)) return null;
    const entry = await this.run('daily', now);
    this.prune(now);
    return entry;
  }
}

const services = new WeakMap<Core, BackupService>();

export function backupServiceFor(core: Core, options?: ConstructorParameters<typeof BackupService>[1]): BackupService {
  let service = services.get(core);
  if (!service) {
    service = new BackupService(core, options);
    services.set(core, service);
  }
  return service;
}

export interface SchedulerOptions {
  /** How often to look whether today's backup is due; hourly survives sleep and clock changes. */
  intervalMs?: number;
  /** The first look, a little after start, so opening the app is not slowed by a backup. */
  firstDelayMs?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

/** The daily automatic backup for a long-running process (desktop main, `kinerja serve`). */
export function startBackupScheduler(service: BackupService, options: SchedulerOptions = {}): { stop(): void; tick(): Promise<void> } {
  const now = options.now ?? (() => service.core.now());
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      await service.runDailyIfDue(now());
    } catch (err) {
      options.log?.(`Pencadangan harian gagal: ${(err as Error).message}`);
    }
  };
  const first = setTimeout(() => void tick(), options.firstDelayMs ?? 60_000);
  const every = setInterval(() => void tick(), options.intervalMs ?? 60 * 60 * 1000);
  // Timers must not keep a CLI process alive on their own.
  first.unref?.();
  every.unref?.();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
    tick,
  };
}
