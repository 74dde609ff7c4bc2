import type { FastifyInstance } from 'fastify';
import { handleSyncRequest } from '../core/central/service';
import type { CentralStore } from '../core/central/store';

/** Bodies up to this size (a push batch is bounded far below; an evidence file is at most 20 MB). */
const syncBodyLimit = 40 * 1024 * 1024;

/**
 * The central's `/sync/*` routes: raw (gzip) bodies, because the signature covers the exact bytes.
 * Everything else is in electron/core/central/service.ts, shared with the USB bundle import.
 */
export async function registerSyncRoutes(app: FastifyInstance, store: CentralStore): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: syncBodyLimit }, (_req, body, done) => done(null, body));
    scope.post('/sync/*', { bodyLimit: syncBodyLimit }, async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const path = req.url.split('?')[0]!;
      const res = await handleSyncRequest(store, { method: 'POST', path, headers: req.headers, body });
      return reply.status(res.status).header('content-type', 'application/octet-stream').header('cache-control', 'no-store').send(res.body);
    });
  });
}
