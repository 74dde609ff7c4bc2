import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError, httpStatusOf } from '../../shared/errors';
import { findBackup, packDirectoryStream } from '../core/backup';
import type { Core } from '../core/core';
import { toAppError } from '../core/dispatch';
import { signedInActor } from '../core/documents/downloads';

const sessionCookie = 'kinerja_session';

/**
 * `GET /api/files/backup/<id>`: a backup as one `.tar` file (the archive `kinerja backup --out`
 * writes, which `kinerja restore` and the desktop restore read), so that an office running the
 * browser mode on a server can keep a copy off that machine. Streamed as it is packed, with its
 * length; for the Pengelola Kinerja only (the database holds every account's password hash).
 */
export function registerBackupDownload(app: FastifyInstance, core: Core): void {
  app.get<{ Params: { id: string } }>('/api/files/backup/:id', async (req, reply) => {
    try {
      const actor = signedInActor(core, { transport: 'http', sessionToken: req.cookies?.[sessionCookie] ?? null, requireCsrf: false });
      if (!actor.roles.has('pengelola')) throw new AppError('FORBIDDEN', 'Cadangan hanya dapat diunduh oleh Pengelola Kinerja.');
      const entry = findBackup(core.dataDir, req.params.id);
      if (!entry) throw new AppError('NOT_FOUND', 'Cadangan tidak ditemukan. Muat ulang daftar cadangan.');
      const archive = packDirectoryStream(entry.dir);
      return reply
        .header('content-type', 'application/x-tar')
        .header('content-length', String(archive.bytes))
        .header('content-disposition', `attachment; filename="kinerja-${entry.id}.tar"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Readable.from(archive.chunks));
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'INTERNAL') app.log.error(err);
      return reply.status(httpStatusOf[e.code]).header('cache-control', 'no-store').send({ error: e.toBody() });
    }
  });
}
