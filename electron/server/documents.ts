import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { httpStatusOf } from '../../shared/errors';
import type { Core } from '../core/core';
import { toAppError, type CallMeta } from '../core/dispatch';
import { contentDisposition, downloads, produceDownload, type DownloadFile, type DownloadQuery } from '../core/documents/downloads';
import { DownloadJobs } from '../core/documents/jobs';

const sessionCookie = 'kinerja_session';
const csrfHeader = 'x-csrf-token';

function sendError(scope: FastifyInstance, reply: FastifyReply, err: unknown): FastifyReply {
  const e = toAppError(err);
  if (e.code === 'INTERNAL') scope.log.error(err);
  return reply.status(httpStatusOf[e.code]).header('cache-control', 'no-store').send({ error: e.toBody() });
}

function sendFile(reply: FastifyReply, file: DownloadFile, inline: boolean): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, inline))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

/** A GET only reads: no CSRF token (the session cookie is SameSite=Strict). */
function readMeta(req: FastifyRequest): CallMeta {
  return { transport: 'http', sessionToken: req.cookies?.[sessionCookie] ?? null, requireCsrf: false };
}

const isInline = (q: DownloadQuery) => q.inline === '1' || q.inline === 'true';

/**
 * Downloads for the browser: `GET /api/files/<name>?...` (e.g. `skp.pdf?skpId=...`,
 * `evaluasi.pdf?skpId=...&period=Q1`, `people.export.xlsx?...`), one route per entry of
 * `downloads` (electron/core/documents/downloads.ts, which the desktop bridge uses too).
 * Authenticated by the session cookie like every command. `&inline=1` asks the browser to show
 * the file instead of saving it.
 */
export function registerDocumentRoutes(scope: FastifyInstance, core: Core): void {
  for (const name of Object.keys(downloads)) {
    scope.get<{ Querystring: DownloadQuery }>(`/api/files/${name}`, async (req, reply) => {
      try {
        return sendFile(reply, await produceDownload(core, name, req.query, readMeta(req)), isInline(req.query));
      } catch (err) {
        return sendError(scope, reply, err);
      }
    });
  }
  registerBatchJobs(scope, core);
}

/**
 * Batches with progress, for the screen that prints a unit's or the office's evaluation documents
 * (the registry is `DownloadJobs`, shared with the desktop bridge):
 *
 * - `POST /api/files/jobs/evaluasi-batch` with `{ yearId, period, unitId?, form?, finalOnly?, mine? }` and
 *   the CSRF header starts one and answers `202 { jobId, ... }` at once;
 * - `GET /api/files/jobs/<jobId>` answers `{ status: berjalan|selesai|gagal, progress, fileName, error }`
 *   (poll it every second or so);
 * - `GET /api/files/jobs/<jobId>/file` downloads the PDF when `selesai`.
 *
 * A plain GET of `evaluasi-batch.pdf` remains for callers that need no progress (scripts).
 */
function registerBatchJobs(scope: FastifyInstance, core: Core): void {
  const jobs = new DownloadJobs({ onInternalError: (err) => scope.log.error(err) });

  scope.post<{ Body: Record<string, unknown> | null }>('/api/files/jobs/evaluasi-batch', async (req, reply) => {
    try {
      const meta: CallMeta = {
        transport: 'http',
        sessionToken: req.cookies?.[sessionCookie] ?? null,
        csrfToken: (req.headers[csrfHeader] as string | undefined) ?? null,
        // Starting a job is a write-like request: the same CSRF check as a command.
        requireCsrf: true,
      };
      const body = req.body ?? {};
      const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
      const flag = (k: string) => (body[k] === true || body[k] === '1' ? '1' : '');
      const query = { yearId: str('yearId'), period: str('period'), unitId: str('unitId'), form: str('form'), final: flag('finalOnly'), mine: flag('mine') };
      return reply.status(202).header('cache-control', 'no-store').send(jobs.start(core, meta, 'evaluasi-batch.pdf', query));
    } catch (err) {
      return sendError(scope, reply, err);
    }
  });

  // The slip of temporary passwords: creates the accounts (or new passwords) and prints them in
  // one request (electron/core/accounts/slips.ts); the body's strings are the job's query.
  scope.post<{ Body: Record<string, unknown> | null }>('/api/files/jobs/akun-slip', async (req, reply) => {
    try {
      const meta: CallMeta = {
        transport: 'http',
        sessionToken: req.cookies?.[sessionCookie] ?? null,
        csrfToken: (req.headers[csrfHeader] as string | undefined) ?? null,
        requireCsrf: true,
      };
      const query: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(req.body ?? {}).slice(0, 20)) {
        if (typeof v === 'string') query[k] = v.slice(0, 2000);
        else if (Array.isArray(v)) query[k] = v.filter((x): x is string => typeof x === 'string').slice(0, 10_000);
      }
      return reply.status(202).header('cache-control', 'no-store').send(jobs.start(core, meta, 'akun-slip.pdf', query));
    } catch (err) {
      return sendError(scope, reply, err);
    }
  });

  scope.get<{ Params: { id: string } }>('/api/files/jobs/:id', async (req, reply) => {
    try {
      return reply.header('cache-control', 'no-store').send(jobs.status(readMeta(req), req.params.id));
    } catch (err) {
      return sendError(scope, reply, err);
    }
  });

  scope.get<{ Params: { id: string }; Querystring: DownloadQuery }>('/api/files/jobs/:id/file', async (req, reply) => {
    try {
      return sendFile(reply, jobs.file(readMeta(req), req.params.id), isInline(req.query));
    } catch (err) {
      return sendError(scope, reply, err);
    }
  });
}
