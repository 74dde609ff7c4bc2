import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, httpStatusOf } from '../../shared/errors';
import { hashToken, resolveSession } from '../core/auth/sessions';
import type { Core } from '../core/core';
import { toAppError } from '../core/dispatch';
import { contentDisposition, downloads, pdfMime, produceDownload } from '../core/documents/downloads';
import { parseEvaluationForm, renderEvaluationBatch, type BatchProgress } from '../core/evaluation/document';

const sessionCookie = 'kinerja_session';
const csrfHeader = 'x-csrf-token';

function sendError(scope: FastifyInstance, reply: FastifyReply, err: unknown): FastifyReply {
  const e = toAppError(err);
  if (e.code === 'INTERNAL') scope.log.error(err);
  return reply.status(httpStatusOf[e.code]).header('cache-control', 'no-store').send({ error: e.toBody() });
}

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }, inline: boolean): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, inline))
    .header('cache-control', 'no-store')
    .send(file.bytes);
}

/**
 * Official documents for the browser: `GET /api/files/<name>?...` (e.g. `skp.pdf?skpId=...`,
 * `evaluasi.pdf?skpId=...&period=Q1`), one route per entry of `downloads`. Authenticated by the
 * session cookie like every command; a GET reads only, so no CSRF token is needed (the cookie is
 * SameSite=Strict). `&inline=1` asks the browser to show the PDF instead of saving it.
 */
export function registerDocumentRoutes(scope: FastifyInstance, core: Core): void {
  for (const name of Object.keys(downloads)) {
    scope.get<{ Querystring: Record<string, string | undefined> }>(`/api/files/${name}`, async (req, reply) => {
      try {
        const file = await produceDownload(core, name, req.query, {
          transport: 'http',
          sessionToken: req.cookies?.[sessionCookie] ?? null,
          requireCsrf: false,
        });
        return sendFile(reply, file, req.query.inline === '1' || req.query.inline === 'true');
      } catch (err) {
        return sendError(scope, reply, err);
      }
    });
  }
  registerBatchJobs(scope, core);
}

/** A batch being printed for one session: progress while it runs, the file when done. */
interface Job {
  id: string;
  owner: string;
  status: 'berjalan' | 'selesai' | 'gagal';
  progress: BatchProgress;
  file: { fileName: string; contentType: string; bytes: Buffer } | null;
  count: number;
  error: ReturnType<AppError['toBody']> | null;
  finishedAt: number | null;
}

/** A finished job's file is kept this long for download, then dropped (memory, not disk). */
const jobKeepMs = 15 * 60 * 1000;
const maxRunningPerSession = 2;

/**
 * Batches with progress, for the screen that prints a unit's or the office's evaluation documents:
 *
 * - `POST /api/files/jobs/evaluasi-batch` with `{ yearId, period, unitId?, form?, finalOnly? }` and
 *   the CSRF header starts one and answers `202 { jobId, ... }` at once;
 * - `GET /api/files/jobs/<jobId>` answers `{ status: berjalan|selesai|gagal, progress, fileName, error }`
 *   (poll it every second or so);
 * - `GET /api/files/jobs/<jobId>/file` downloads the PDF when `selesai`.
 *
 * A job belongs to the session that started it (another session gets 404), lives in memory and is
 * dropped 15 minutes after it ends; the documents themselves are read with that session's access
 * exactly as `evaluasi-batch.pdf` does. A plain GET of `evaluasi-batch.pdf` remains for callers
 * that need no progress (the desktop bridge, scripts).
 */
function registerBatchJobs(scope: FastifyInstance, core: Core): void {
  const jobs = new Map<string, Job>();
  const sweep = () => {
    const now = Date.now();
    for (const [id, j] of jobs) if (j.finishedAt !== null && now - j.finishedAt > jobKeepMs) jobs.delete(id);
  };
  const ownerOf = (req: FastifyRequest): string | null => {
    const token = req.cookies?.[sessionCookie];
    return token ? hashToken(token) : null;
  };
  const find = (req: FastifyRequest, id: string): Job => {
    sweep();
    const job = jobs.get(id);
    if (!job || job.owner !== ownerOf(req)) throw new AppError('NOT_FOUND', 'Pekerjaan cetak tidak ditemukan atau sudah kedaluwarsa. Mulai lagi.');
    return job;
  };
  const view = (j: Job) => ({
    jobId: j.id,
    status: j.status,
    progress: j.progress,
    count: j.count,
    fileName: j.file?.fileName ?? null,
    error: j.error,
  });

  scope.post<{ Body: Record<string, unknown> | null }>('/api/files/jobs/evaluasi-batch', async (req, reply) => {
    try {
      sweep();
      const token = req.cookies?.[sessionCookie] ?? null;
      const lookup = resolveSession(core, token, core.now());
      if (lookup.status !== 'active') {
        throw new AppError('UNAUTHENTICATED', lookup.status === 'expired' ? 'Sesi Anda telah berakhir. Silakan masuk kembali.' : 'Silakan masuk terlebih dahulu.');
      }
      // Starting a job is a write-like request: the same CSRF check as a command.
      if (req.headers[csrfHeader] !== lookup.csrfToken) throw new AppError('FORBIDDEN', 'Token keamanan (CSRF) tidak cocok. Muat ulang halaman lalu coba lagi.');
      const owner = hashToken(token!);
      if ([...jobs.values()].filter((j) => j.owner === owner && j.status === 'berjalan').length >= maxRunningPerSession) {
        throw new AppError('RATE_LIMITED', 'Masih ada pencetakan yang berjalan. Tunggu sampai selesai lalu coba lagi.');
      }
      const body = req.body ?? {};
      const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
      if (!str('yearId')) throw new AppError('VALIDATION', 'Parameter yearId wajib diisi.', { fields: { yearId: 'Wajib diisi.' } });
      if (!str('period')) throw new AppError('VALIDATION', 'Parameter period wajib diisi.', { fields: { period: 'Wajib diisi.' } });
      const input = {
        yearId: str('yearId'),
        period: str('period'),
        unitId: str('unitId') || null,
        form: parseEvaluationForm(str('form')),
        finalOnly: body.finalOnly === true,
      };
      const job: Job = {
        id: crypto.randomUUID(),
        owner,
        status: 'berjalan',
        progress: { phase: 'data', done: 0, total: 0, message: 'Memulai' },
        file: null,
        count: 0,
        error: null,
        finishedAt: null,
      };
      jobs.set(job.id, job);
      const meta = { transport: 'http' as const, sessionToken: token, requireCsrf: false };
      // Runs after the answer is sent; renderEvaluationBatch yields between evaluations.
      setImmediate(() => {
        renderEvaluationBatch(core, meta, input, (p) => (job.progress = p))
          .then((r) => {
            job.file = { fileName: r.fileName, contentType: pdfMime, bytes: r.bytes };
            job.count = r.count;
            job.status = 'selesai';
          })
          .catch((err: unknown) => {
            const e = toAppError(err);
            if (e.code === 'INTERNAL') scope.log.error(err);
            job.error = e.toBody();
            job.status = 'gagal';
          })
          .finally(() => (job.finishedAt = Date.now()));
      });
      return reply.status(202).header('cache-control', 'no-store').send(view(job));
    } catch (err) {
      return sendError(scope, reply, err);
    }
  });

  scope.get<{ Params: { id: string } }>('/api/files/jobs/:id', async (req, reply) => {
    try {
      return reply.header('cache-control', 'no-store').send(view(find(req, req.params.id)));
    } catch (err) {
      return sendError(scope, reply, err);
    }
  });

  scope.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>('/api/files/jobs/:id/file', async (req, reply) => {
    try {
      const job = find(req, req.params.id);
      if (job.status === 'gagal') throw new AppError(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'Pencetakan gagal.');
      if (!job.file) throw new AppError('CONFLICT', 'Dokumen masih disusun. Tunggu sampai selesai.');
      return sendFile(reply, job.file, req.query.inline === '1' || req.query.inline === 'true');
    } catch (err) {
      return sendError(scope, reply, err);
    }
  });
}
