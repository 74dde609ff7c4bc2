import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, httpStatusOf } from '../../shared/errors';
import { maxEvidenceBytes } from '../../shared/realisasi/evidence-rules';
import type { Core } from '../core/core';
import { dispatchAsync, toAppError } from '../core/dispatch';
import { isInitialized } from '../core/setup/handlers';
import { appVersion, schemaVersion } from '../core/version';
import { BodyError, registerBodyParsers } from './body';
import { buildOpenApi } from './openapi';
import { registerFileRoutes } from './files';
import { registerUpdates } from './updates';

export const sessionCookie = 'kinerja_session';
export const csrfHeader = 'x-csrf-token';

/**
 * Evidence files travel base64-encoded inside `realisasi.addEvidence` (a 20 MB file is ~27 MB of
 * JSON). Only that command gets a body limit above the default 1 MB, with room for the handler to
 * answer a slightly-too-large file with its own "melebihi 20 MB" message.
 */
const evidenceCommand = 'realisasi.addEvidence';
export const evidenceBodyLimit = Math.ceil((maxEvidenceBytes * 4) / 3) + 2 * 1024 * 1024;
const evidenceTooLarge = 'Berkas melebihi 20 MB. Perkecil berkas (misalnya pindai dengan resolusi lebih rendah) lalu unggah lagi.';

/** Commands that carry a USB sync bundle (office export's reply, the central's import). */
const bundleCommands = ['central.importBundle', 'sync.importReply'] as const;
export const bundleBodyLimit = 200 * 1024 * 1024;
const bundleTooLarge = 'Bundel melebihi 150 MB. Buat dan bawa bundel lebih sering agar tiap berkas lebih kecil.';

export interface ServerOptions {
  core: Core;
  /** The built renderer (vite's output); omitted in API-only tests. */
  rendererDir?: string | null;
  /** Login attempts per client address per minute, before the account lockout even starts. */
  loginRateLimit?: number;
  /** Fastify's logger: off in tests; `kinerja serve` logs warnings and internal errors to stderr. */
  logger?: boolean | { level: 'error' | 'warn' | 'info'; stream?: NodeJS.WritableStream };
  /** HTTPS (`kinerja serve --tls-cert/--tls-key` or `--tls auto`): PEM key and certificate. */
  tls?: { key: string | Buffer; cert: string | Buffer } | null;
}

/** One year; browsers then refuse plain http to this host, so it is sent only when serving TLS. */
const hstsMaxAge = 365 * 24 * 60 * 60;

function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  const retry = error.details?.retryAfterSeconds;
  if (typeof retry === 'number') reply.header('retry-after', String(retry));
  return reply.status(httpStatusOf[error.code]).send({ error: error.toBody() });
}

/** The LAN/browser host: the same commands as the desktop bridge, over `POST /api/<command>`. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { core } = options;
  const tls = options.tls ?? null;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
  }) as unknown as FastifyInstance;

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes and <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Only over TLS: on plain http an HSTS header would lock browsers out of the server.
    strictTransportSecurity: tls ? { maxAge: hstsMaxAge, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof BodyError) return reply.status(err.status).send({ error: err.toBody() });
    if ((err as { statusCode?: number }).statusCode === 429) {
      return sendError(reply, new AppError('RATE_LIMITED', 'Terlalu banyak percobaan dari komputer ini. Tunggu sebentar lalu coba lagi.', { details: { retryAfterSeconds: 60 } }));
    }
    if ((err as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err as { statusCode?: number }).statusCode === 400) {
      return sendError(reply, new AppError('VALIDATION', 'Badan permintaan harus JSON yang sah.'));
    }
    if ((err as { statusCode?: number }).statusCode === 413) {
      const error =
        req.url === `/api/${evidenceCommand}`
          ? new AppError('VALIDATION', evidenceTooLarge, { fields: { file: 'Maksimal 20 MB.' } })
          : new AppError('VALIDATION', bundleCommands.some((c) => req.url === `/api/${c}`) ? bundleTooLarge : 'Data yang dikirim terlalu besar.');
      return reply.status(413).send({ error: error.toBody() });
    }
    if ((err as { statusCode?: number }).statusCode === 415) {
      return reply.status(415).send({ error: new AppError('VALIDATION', 'Badan permintaan harus berformat JSON (Content-Type: application/json).').toBody() });
    }
    app.log.error(err);
    return sendError(reply, toAppError(err));
  });

  app.get('/api/health', async () => ({
    status: 'ok',
    version: appVersion,
    schemaVersion,
    initialized: isInitialized(core),
  }));

  // Built on the first request: converting every command's schemas costs a noticeable part of a start.
  let openApi: ReturnType<typeof buildOpenApi> | null = null;
  app.get('/api/openapi.json', async () => (openApi ??= buildOpenApi()));

  await registerUpdates(app, core.dataDir);
  await registerFileRoutes(app, core);

  // After the file routes and the update feed, whose scopes keep their own body handling.
  registerBodyParsers(app, {
    tooLarge: (url) =>
      url === `/api/${evidenceCommand}`
        ? { message: evidenceTooLarge, fields: { file: 'Maksimal 20 MB.' } }
        : { message: bundleCommands.some((c) => url === `/api/${c}`) ? bundleTooLarge : 'Data yang dikirim terlalu besar.' },
  });

  const handleCommand = async (name: string, body: unknown, req: FastifyRequest, reply: FastifyReply) => {
    try {
      const { result, sessionChange } = await dispatchAsync(core, name, body ?? {}, {
        transport: 'http',
        sessionToken: req.cookies[sessionCookie] ?? null,
        csrfToken: (req.headers[csrfHeader] as string | undefined) ?? null,
        requireCsrf: true,
        clientAddress: req.socket.remoteAddress ?? req.ip,
      });
      if (sessionChange?.kind === 'start') {
        reply.setCookie(sessionCookie, sessionChange.token, {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          secure: tls !== null || req.protocol === 'https',
          // Relative lifetime: an office PC whose clock is off (or a server on a test clock) must
          // not see the cookie as expired the moment it arrives.
          maxAge: Math.max(0, Math.round((Date.parse(sessionChange.expiresAt) - core.now().getTime()) / 1000)),
        });
      } else if (sessionChange?.kind === 'end') {
        reply.clearCookie(sessionCookie, { path: '/' });
      }
      reply.header('cache-control', 'no-store');
      return reply.send(result);
    } catch (err) {
      const appError = toAppError(err);
      if (appError.code === 'INTERNAL') app.log.error(err);
      if (appError.code === 'UNAUTHENTICATED' && name !== 'auth.login') reply.clearCookie(sessionCookie, { path: '/' });
      return sendError(reply, appError);
    }
  };

  app.post<{ Params: { command: string } }>(
    '/api/auth.login',
    { config: { rateLimit: { max: options.loginRateLimit ?? 30, timeWindow: '1 minute' } } },
    async (req, reply) => handleCommand('auth.login', req.body, req, reply),
  );
  app.post(`/api/${evidenceCommand}`, { bodyLimit: evidenceBodyLimit }, async (req, reply) => handleCommand(evidenceCommand, req.body, req, reply));
  // USB bundles travel base64-encoded inside their commands (a first bundle of a year is many MB).
  for (const bundleCommand of bundleCommands) {
    app.post(`/api/${bundleCommand}`, { bodyLimit: bundleBodyLimit }, async (req, reply) => handleCommand(bundleCommand, req.body, req, reply));
  }
  app.post<{ Params: { command: string } }>('/api/:command', async (req, reply) => handleCommand(req.params.command, req.body, req, reply));

  app.all('/api/*', async (_req, reply) =>
    sendError(reply, new AppError('NOT_FOUND', 'Alamat API tidak dikenal. Perintah dikirim sebagai POST /api/<nama perintah>.')),
  );

  const rendererDir = options.rendererDir;
  if (rendererDir && fs.existsSync(path.join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: rendererDir, prefix: '/', wildcard: false, index: ['index.html'] });
    // Client-side routes: any other GET that is not a file gets the app shell.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
      return sendError(reply, new AppError('NOT_FOUND', 'Alamat tidak ditemukan.'));
    });
  } else {
    app.setNotFoundHandler((_req, reply) => sendError(reply, new AppError('NOT_FOUND', 'Alamat tidak ditemukan.')));
  }

  return app;
}
