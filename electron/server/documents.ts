import type { FastifyInstance } from 'fastify';
import { httpStatusOf } from '../../shared/errors';
import type { Core } from '../core/core';
import { toAppError } from '../core/dispatch';
import { contentDisposition, downloads, produceDownload } from '../core/documents/downloads';

const sessionCookie = 'kinerja_session';

/**
 * Official documents for the browser: `GET /api/files/<name>?...` (e.g. `skp.pdf?skpId=...`), one
 * route per entry of `downloads`. Authenticated by the session cookie like every command; a GET
 * reads only, so no CSRF token is needed (the cookie is SameSite=Strict). `&inline=1` asks the
 * browser to show the PDF instead of saving it.
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
        const inline = req.query.inline === '1' || req.query.inline === 'true';
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.fileName, inline))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      } catch (err) {
        const e = toAppError(err);
        if (e.code === 'INTERNAL') scope.log.error(err);
        return reply.status(httpStatusOf[e.code]).header('cache-control', 'no-store').send({ error: e.toBody() });
      }
    });
  }
}
