import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, httpStatusOf } from '../../shared/errors';
import { resolveSession } from '../core/auth/sessions';
import type { Core } from '../core/core';
import { dispatch, toAppError } from '../core/dispatch';
import { evidenceDownload } from '../core/documents/downloads';
import { registerBackupDownload } from './backup-download';
import { registerDocumentRoutes } from './documents';

/**
 * The spreadsheet code (exceljs) is loaded on the first import, not when the server starts: it is
 * one of the largest modules the server would otherwise load before answering.
 */
const excel = () => import('../core/people/excel');

/**
 * File transfer for what JSON commands cannot carry: uploading an employee spreadsheet (parsed
 * here, then `people.importPreview` / `people.import` through `dispatch`, so the session cookie,
 * CSRF token, roles, validation and audit are exactly those of the commands) and streaming
 * evidence files. Every other download (documents, the employee export and template) is a
 * `GET /api/files/<name>` of electron/server/documents.ts, built by the producers the desktop
 * bridge shares (electron/core/documents/downloads.ts).
 */
// The same cookie and header names as app.ts (not imported: app.ts imports this module).
const sessionCookie = 'kinerja_session';
const csrfHeader = 'x-csrf-token';
const maxUpload = 20 * 1024 * 1024;

function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(httpStatusOf[error.code]).header('cache-control', 'no-store').send({ error: error.toBody() });
}

function metaOf(req: FastifyRequest) {
  return {
    transport: 'http' as const,
    sessionToken: req.cookies?.[sessionCookie] ?? null,
    csrfToken: (req.headers[csrfHeader] as string | undefined) ?? null,
    requireCsrf: true,
  };
}

/**
 * `attachment` with the original name: a plain ASCII `filename` for old browsers and the RFC 5987
 * `filename*` (UTF-8, percent-encoded; `'()*` too, which encodeURIComponent leaves alone).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function registerFileRoutes(app: FastifyInstance, core: Core): Promise<void> {
  // Every named download (PDFs, the employee spreadsheets): electron/server/documents.ts.
  registerDocumentRoutes(app, core);
  // A backup as one .tar, for browser mode: electron/server/backup-download.ts.
  registerBackupDownload(app, core);

  /**
   * GET /api/files/evidence/:id -> the evidence file (bukti dukung) as an attachment, for whoever may
   * see the SKP's realisasi (`evidenceDownload`, the same check the desktop bridge's `evidence`
   * download runs). Streamed from disk rather than read into memory: files go up to 20 MB. A GET
   * only reads, so no CSRF token (the session cookie is SameSite=Strict).
   */
  app.get<{ Params: { id: string } }>('/api/files/evidence/:id', async (req, reply) => {
    try {
      const file = evidenceDownload(core, metaOf(req), req.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', String(file.size))
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(file.path));
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'INTERNAL') app.log.error(err);
      return sendError(reply, e);
    }
  });
  await app.register(async (scope) => {
    // Uploads arrive as the raw file (any content type), up to 20 MB: ~20.000 rows of .xlsx.
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxUpload }, (_req, body, done) => done(null, body));
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'buffer', bodyLimit: maxUpload }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err, _req, reply) => {
      if ((err as { statusCode?: number }).statusCode === 413) return sendError(reply, new AppError('VALIDATION', 'Berkas terlalu besar (maksimal 20 MB).'));
      scope.log.error(err);
      return sendError(reply, toAppError(err));
    });

    /**
     * POST /api/files/people.import         -> checks every row, saves nothing: { ok, summary, problems }
     * POST /api/files/people.import?apply=1 -> imports all rows or none: { summary }, or 400 with
     *                                           details.problems naming each bad row and column
     */
    scope.post<{ Querystring: { apply?: string } }>('/api/files/people.import', async (req, reply) => {
      try {
        // Who may import is checked before the file is read, so strangers cannot make us parse.
        const lookup = resolveSession(core, metaOf(req).sessionToken, core.now());
        if (lookup.status !== 'active') throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
        if (!lookup.actor.roles.has('pengelola')) throw new AppError('FORBIDDEN', 'Peran Anda tidak mengizinkan tindakan ini.');
        const body = req.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('VALIDATION', 'Kirim berkas .xlsx atau .csv sebagai isi permintaan.');
        const parsed = await (await excel()).parseEmployeeFile(body);
        if (parsed.problems.length > 0) {
          throw new AppError('VALIDATION', 'Berkas tidak dapat diimpor; tidak ada data yang disimpan.', { details: { problems: parsed.problems } });
        }
        const apply = req.query.apply === '1' || req.query.apply === 'true';
        const { result } = dispatch(core, apply ? 'people.import' : 'people.importPreview', { rows: parsed.rows }, metaOf(req));
        return reply.header('cache-control', 'no-store').send(result);
      } catch (err) {
        return sendError(reply, toAppError(err));
      }
    });
  });
}
