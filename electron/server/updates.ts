import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const updatesDirName = 'updates';
export const updatesPrefix = '/updates/';

/**
 * The LAN update feed: `<data>/updates/` served at `/updates/`, the URL electron-updater's generic
 * provider reads on every office PC. An admin drops a release's `latest.yml`, installer and
 * `.blockmap` there; nothing needs restarting (files are looked up per request). Range requests are
 * on, because the updater downloads only the changed blocks of an installer (differential update).
 * No login: an updater cannot sign in, and release files hold nothing secret; their integrity comes
 * from the sha512 in `latest.yml` that the updater checks (and the code signature on Windows).
 */
export async function registerUpdates(app: FastifyInstance, dataDir: string): Promise<void> {
  const root = path.join(dataDir, updatesDirName);
  fs.mkdirSync(root, { recursive: true });
  // Its own scope, so file errors (403, 404, 416) keep their status instead of the API's mapping.
  await app.register(async (scope) => {
    scope.setErrorHandler((err, _req, reply) => {
      const status = (err as { statusCode?: number }).statusCode ?? 500;
      if (status === 416) return reply.status(416).send({ error: { code: 'VALIDATION', message: 'Rentang byte yang diminta di luar ukuran berkas.' } });
      if (status >= 400 && status < 500) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Berkas pembaruan tidak ditemukan.' } });
      scope.log.error(err);
      return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Berkas pembaruan tidak dapat dibaca.' } });
    });
    await registerStatic(scope, root);
  });
}

async function registerStatic(scope: FastifyInstance, root: string): Promise<void> {
  await scope.register(fastifyStatic, {
    root,
    prefix: updatesPrefix,
    // The renderer registers the reply decorators already; a second instance must not.
    decorateReply: false,
    acceptRanges: true,
    dotfiles: 'deny',
    index: false,
    list: false,
    etag: true,
    lastModified: true,
    setHeaders: (reply, file) => {
      // The feed file must be re-read on every check; installers never change under their names.
      reply.header('cache-control', /\.ya?ml$/i.test(file) ? 'no-cache' : 'public, max-age=3600');
    },
  });
}
