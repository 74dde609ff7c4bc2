import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { idSchema } from '../../shared/contract';
import { AppError, httpStatusOf } from '../../shared/errors';
import { localDate } from '../../shared/people/dates';
import { employeeStatuses } from '../../shared/people/fields';
import { resolveSession } from '../core/auth/sessions';
import type { Actor } from '../core/context';
import type { Core } from '../core/core';
import { dispatch, toAppError } from '../core/dispatch';
import type { buildExport, buildTemplate } from '../core/people/excel';
import { evidenceFileFor } from '../core/realisasi/handlers';
import { registerDocumentRoutes } from './documents';

/**
 * The spreadsheet code (exceljs) is loaded on the first import or export, not when the server
 * starts: it is one of the largest modules the server would otherwise load before answering.
 */
const excel = () => import('../core/people/excel');
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * File transfer for what JSON commands cannot carry: uploading an employee spreadsheet and
 * downloading the template and the export. Each route parses or builds the file and otherwise goes
 * through `dispatch`, so the session cookie, CSRF token, roles, validation and audit are exactly
 * those of the commands (`people.importPreview` / `people.import`, `people.exportRows`,
 * `org.listUnits` + `org.listPositions`).
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

function asList(v: unknown): string[] | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const list = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

/** The list filters from a download link's query string (`?unitId=..&golongan=III/a&status=aktif,cuti`). */
function filtersOf(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['q', 'unitId', 'kind', 'positionType', 'date', 'officeId'] as const) {
    if (typeof query[key] === 'string' && query[key] !== '') out[key] = query[key];
  }
  if (query.includeSubunits !== undefined) out.includeSubunits = query.includeSubunits !== 'false' && query.includeSubunits !== '0';
  const golongan = asList(query.golongan);
  if (golongan) out.golongan = golongan;
  const status = asList(query.status);
  if (status) out.status = status.filter((s) => (employeeStatuses as readonly string[]).includes(s));
  return out;
}

function attachment(reply: FastifyReply, fileName: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', xlsxMime)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/**
 * The signed-in actor of a download, refused exactly as `dispatch` refuses a command: anonymous or
 * expired is 401, a temporary password not yet changed is 403.
 */
function signedIn(core: Core, req: FastifyRequest): Actor {
  const lookup = resolveSession(core, metaOf(req).sessionToken, core.now());
  if (lookup.status !== 'active') {
    throw new AppError('UNAUTHENTICATED', lookup.status === 'expired' ? 'Sesi Anda telah berakhir. Silakan masuk kembali.' : 'Silakan masuk terlebih dahulu.');
  }
  if (lookup.actor.mustChangePassword) {
    throw new AppError('FORBIDDEN', 'Anda wajib mengganti kata sandi sementara sebelum melanjutkan.', { details: { reason: 'MUST_CHANGE_PASSWORD' } });
  }
  return lookup.actor;
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

function fileSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'instansi';
}

export async function registerFileRoutes(app: FastifyInstance, core: Core): Promise<void> {
  // Official documents (SKP PDF, later the evaluation forms): electron/server/documents.ts.
  registerDocumentRoutes(app, core);

  /**
   * GET /api/files/evidence/:id -> the evidence file (bukti dukung) as an attachment, for whoever may
   * see the SKP's realisasi (the rule of realisasi.get, in electron/core/realisasi). The file is
   * found by the stored content hash; nothing from the request reaches the file system. A GET only
   * reads, so no CSRF token (the session cookie is SameSite=Strict).
   */
  app.get<{ Params: { id: string } }>('/api/files/evidence/:id', async (req, reply) => {
    try {
      const actor = signedIn(core, req);
      if (!idSchema.safeParse(req.params.id).success) throw new AppError('NOT_FOUND', 'Bukti dukung tidak ditemukan.');
      const file = evidenceFileFor(core, actor, req.params.id);
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

    /** GET /api/files/people.export.xlsx?q=&unitId=&golongan=&kind=&positionType=&status=&date= */
    scope.get<{ Querystring: Record<string, unknown> }>('/api/files/people.export.xlsx', async (req, reply) => {
      try {
        const { result } = dispatch(core, 'people.exportRows', filtersOf(req.query), metaOf(req));
        const r = result as { date: string; officeName: string; rows: Parameters<typeof buildExport>[0] };
        const officeId = (typeof req.query.officeId === 'string' && req.query.officeId) || core.officeId();
        const code = (core.q.prepare('SELECT code FROM offices WHERE id = ?').get(officeId) as { code: string | null } | undefined)?.code;
        return attachment(reply, `pegawai-${fileSafe(code ?? r.officeName)}-${r.date}.xlsx`, await (await excel()).buildExport(r.rows, r));
      } catch (err) {
        return sendError(reply, toAppError(err));
      }
    });

    /** GET /api/files/people.template.xlsx: the import template with this office's units and positions. */
    scope.get('/api/files/people.template.xlsx', async (req, reply) => {
      try {
        const meta = metaOf(req);
        const units = dispatch(core, 'org.listUnits', {}, meta).result as { units: Parameters<typeof buildTemplate>[0] };
        const positions = dispatch(core, 'org.listPositions', {}, meta).result as { positions: Parameters<typeof buildTemplate>[1] };
        const office = dispatch(core, 'org.getOffice', {}, meta).result as { office: { name: string } };
        return attachment(reply, `templat-impor-pegawai-${localDate(core.now())}.xlsx`, await (await excel()).buildTemplate(units.units, positions.positions, office.office.name));
      } catch (err) {
        return sendError(reply, toAppError(err));
      }
    });
  });
}
