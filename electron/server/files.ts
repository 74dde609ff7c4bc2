import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, httpStatusOf } from '../../shared/errors';
import { localDate } from '../../shared/people/dates';
import { employeeStatuses } from '../../shared/people/fields';
import { resolveSession } from '../core/auth/sessions';
import type { Core } from '../core/core';
import { dispatch, toAppError } from '../core/dispatch';
import { buildExport, buildTemplate, parseEmployeeFile, xlsxMime } from '../core/people/excel';
import { registerDocumentRoutes } from './documents';

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

function fileSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'instansi';
}

export async function registerFileRoutes(app: FastifyInstance, core: Core): Promise<void> {
  // Official documents (SKP PDF, later the evaluation forms): electron/server/documents.ts.
  registerDocumentRoutes(app, core);
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
        const parsed = await parseEmployeeFile(body);
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
        return attachment(reply, `pegawai-${fileSafe(code ?? r.officeName)}-${r.date}.xlsx`, await buildExport(r.rows, r));
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
        return attachment(reply, `templat-impor-pegawai-${localDate(core.now())}.xlsx`, await buildTemplate(units.units, positions.positions, office.office.name));
      } catch (err) {
        return sendError(reply, toAppError(err));
      }
    });
  });
}
