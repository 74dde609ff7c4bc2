import crypto from 'node:crypto';
import { AppError, type ErrorBody } from '../../../shared/errors';
import { hashToken, resolveSession } from '../auth/sessions';
import type { Core } from '../core';
import { toAppError, type CallMeta } from '../dispatch';
import { checkRequiredParams, isDownloadName, jobOnlyDownloads, produceJobDownload, unknownDownload, type DownloadFile, type DownloadProgress, type DownloadQuery } from './downloads';

/**
 * Downloads that take long (a unit's or the office's evaluation batch) run as jobs: the caller
 * starts one, polls its progress, then fetches the file. One registry per transport instance (the
 * HTTP server, the desktop main process); both answer with the same `DownloadJobView`, so the
 * renderer's one download helper polls either the same way. A job belongs to the session that
 * started it (another session, even the same person's, gets NOT_FOUND), lives in memory and is
 * dropped some minutes after it ends.
 */
export type DownloadJobStatus = 'berjalan' | 'selesai' | 'gagal';

export interface DownloadJobView {
  jobId: string;
  status: DownloadJobStatus;
  progress: DownloadProgress;
  count: number;
  fileName: string | null;
  error: ErrorBody | null;
}

interface Job {
  id: string;
  owner: string;
  status: DownloadJobStatus;
  progress: DownloadProgress;
  file: DownloadFile | null;
  error: ErrorBody | null;
  finishedAt: number | null;
}

export interface DownloadJobOptions {
  /** A finished job's file is kept this long for download (memory, not disk). */
  keepMs?: number;
  /** Jobs one session may have running at once: each holds a whole PDF in memory. */
  maxRunningPerSession?: number;
  /** Wall clock for the retention above (not the office clock: this is about memory). */
  now?: () => number;
  /** Called with unexpected (INTERNAL) failures, for the transport's log. */
  onInternalError?: (err: unknown) => void;
}

const startingProgress: DownloadProgress = { phase: 'data', done: 0, total: 0, message: 'Memulai' };

export class DownloadJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly keepMs: number;
  private readonly maxRunning: number;
  private readonly now: () => number;

  constructor(private readonly options: DownloadJobOptions = {}) {
    this.keepMs = options.keepMs ?? 15 * 60 * 1000;
    this.maxRunning = options.maxRunningPerSession ?? 2;
    this.now = options.now ?? Date.now;
  }

  /**
   * Starts `name` with `query` for the caller's session and answers at once (status `berjalan`).
   * The session must be active; with `meta.requireCsrf` (HTTP) starting is treated as a write and
   * needs the session's CSRF token. What the documents show is decided later by the producer, with
   * the same session, exactly as a plain download of `name`.
   */
  start(core: Core, meta: CallMeta, name: string, query: DownloadQuery): DownloadJobView {
    this.sweep();
    const token = meta.sessionToken ?? null;
    const lookup = resolveSession(core, token, core.now());
    if (lookup.status !== 'active') {
      throw new AppError('UNAUTHENTICATED', lookup.status === 'expired' ? 'Sesi Anda telah berakhir. Silakan masuk kembali.' : 'Silakan masuk terlebih dahulu.');
    }
    if (meta.requireCsrf && meta.csrfToken !== lookup.csrfToken) {
      throw new AppError('FORBIDDEN', 'Token keamanan (CSRF) tidak cocok. Muat ulang halaman lalu coba lagi.');
    }
    if (!isDownloadName(name) && !Object.hasOwn(jobOnlyDownloads, name)) throw unknownDownload(name);
    checkRequiredParams(name, query);
    const owner = hashToken(token!);
    if ([...this.jobs.values()].filter((j) => j.owner === owner && j.status === 'berjalan').length >= this.maxRunning) {
      throw new AppError('RATE_LIMITED', 'Masih ada pencetakan yang berjalan. Tunggu sampai selesai lalu coba lagi.');
    }
    const job: Job = { id: crypto.randomUUID(), owner, status: 'berjalan', progress: startingProgress, file: null, error: null, finishedAt: null };
    this.jobs.set(job.id, job);
    const runMeta: CallMeta = { transport: meta.transport, sessionToken: token, requireCsrf: false };
    // Runs after the caller has its answer; the batch producer yields between evaluations and
    // lays the PDF out in the worker thread (layout-thread.ts), so polls are answered while it works.
    setImmediate(() => {
      produceJobDownload(core, name, query, runMeta, (p) => (job.progress = p))
        .then((file) => {
          job.file = file;
          job.status = 'selesai';
          if (job.progress.phase !== 'selesai') job.progress = { phase: 'selesai', done: 1, total: 1, message: 'Selesai' };
        })
        .catch((err: unknown) => {
          const e = toAppError(err);
          if (e.code === 'INTERNAL') this.options.onInternalError?.(err);
          job.error = e.toBody();
          job.status = 'gagal';
        })
        .finally(() => (job.finishedAt = this.now()));
    });
    return this.view(job);
  }

  /** The job's state for its own session (poll it every second or so). */
  status(meta: CallMeta, jobId: string): DownloadJobView {
    return this.view(this.find(meta, jobId));
  }

  /** The finished file; the job's own error when it failed, CONFLICT while it still runs. */
  file(meta: CallMeta, jobId: string): DownloadFile {
    const job = this.find(meta, jobId);
    if (job.status === 'gagal') throw job.error ? AppError.fromBody(job.error) : new AppError('INTERNAL', 'Pencetakan gagal.');
    if (!job.file) throw new AppError('CONFLICT', 'Dokumen masih disusun. Tunggu sampai selesai.');
    return job.file;
  }

  /** Forgets every job (the desktop app closes the database for a restore). */
  clear(): void {
    this.jobs.clear();
  }

  private find(meta: CallMeta, jobId: unknown): Job {
    this.sweep();
    const owner = meta.sessionToken ? hashToken(meta.sessionToken) : null;
    const job = typeof jobId === 'string' ? this.jobs.get(jobId) : undefined;
    if (!job || job.owner !== owner) throw new AppError('NOT_FOUND', 'Pekerjaan cetak tidak ditemukan atau sudah kedaluwarsa. Mulai lagi.');
    return job;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > this.keepMs) this.jobs.delete(id);
  }

  private view(j: Job): DownloadJobView {
    return { jobId: j.id, status: j.status, progress: j.progress, count: j.file?.count ?? 0, fileName: j.file?.fileName ?? null, error: j.error };
  }
}
