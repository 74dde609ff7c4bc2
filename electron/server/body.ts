import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';

/**
 * Request bodies, so that every bad body gets a typed 4xx answer the client can read (docs/spec/operations.md §5):
 *   - JSON is read by us rather than Fastify's parser, which answers an oversized body at once and
 *     closes the socket while the client is still sending: browsers then see a reset connection,
 *     not the "melebihi 20 MB" message. Here an oversized body is read to its end and dropped
 *     (nothing kept in memory), then answered 413; only a body beyond `drainCapBytes` is cut off.
 *   - Any other content type (form, XML, multipart) is drained the same way and answered 415.
 */
export const drainCapBytes = 256 * 1024 * 1024;

/** A body error with the status it must be answered with (the server's error handler sends it). */
export class BodyError extends AppError {
  constructor(
    readonly status: 413 | 415 | 400,
    message: string,
    fields?: Record<string, string>,
  ) {
    super('VALIDATION', message, { fields, details: { reason: status === 413 ? 'TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'INVALID_BODY' } });
  }
}

function readBody(request: FastifyRequest, payload: NodeJS.ReadableStream, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > drainCapBytes) {
      // Not worth reading: answer now (Fastify then closes the connection).
      resolve('too-large');
      return;
    }
    payload.on('data', (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += buf.length;
      if (received > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (received > drainCapBytes) {
          payload.removeAllListeners('data');
          resolve('too-large');
        }
        return;
      }
      chunks.push(buf);
    });
    payload.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks, received)));
    payload.on('error', reject);
    payload.resume();
  });
}

export interface BodyMessages {
  /** The 413 message for a route (the evidence upload has its own, naming 20 MB). */
  tooLarge(url: string): { message: string; fields?: Record<string, string> };
}

export function registerBodyParsers(app: FastifyInstance, messages: BodyMessages): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', async (request: FastifyRequest, payload: NodeJS.ReadableStream) => {
    const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024;
    const body = await readBody(request, payload, limit);
    if (body === 'too-large') {
      const m = messages.tooLarge(request.url);
      throw new BodyError(413, m.message, m.fields);
    }
    if (body.length === 0) return undefined;
    return new Promise((resolve, reject) => parseJson(request, body.toString('utf8'), (err, value) => (err ? reject(err) : resolve(value))));
  });
  app.addContentTypeParser('*', async (request: FastifyRequest, payload: NodeJS.ReadableStream) => {
    await readBody(request, payload, 0);
    throw new BodyError(415, 'Badan permintaan harus berformat JSON (Content-Type: application/json).');
  });
}
