import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../electron/server/app';
import { makeOffice, removeAllTempDirs, type Office } from './helpers';

/**
 * docs/spec/operations.md §5: form-encoded, XML and multipart bodies answered 500 INTERNAL with a stack in the log,
 * and a body over about 30 MB reset the connection instead of answering the 20 MB message.
 */
let office: Office;
const logged: string[] = [];
let app: Awaited<ReturnType<typeof buildServer>>;
let port: number;

beforeAll(async () => {
  office = makeOffice();
  const stream = new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  });
  app = await buildServer({ core: office.core, rendererDir: null, logger: { level: 'warn', stream } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app?.close();
  office?.close();
  removeAllTempDirs();
});

/** A POST over a real socket, the body streamed in 1 MB pieces as a browser uploads it. */
function post(pathName: string, contentType: string, size: number, fill = 'a'): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathName, method: 'POST', headers: { 'content-type': contentType, 'content-length': size } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    const piece = Buffer.alloc(1024 * 1024, fill);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(piece.length, size - sent);
        sent += n;
        if (!req.write(n === piece.length ? piece : piece.subarray(0, n))) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

const notJson = {
  error: {
    code: 'VALIDATION',
    message: 'Badan permintaan harus berformat JSON (Content-Type: application/json).',
    details: { reason: 'UNSUPPORTED_MEDIA_TYPE' },
  },
};

describe('bodies that are not JSON', () => {
  it('form, XML, multipart and plain text answer 415 with a typed Indonesian error; nothing is logged as an error', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'login=admin&password=x'],
      ['application/xml', '<login><nip>1</nip></login>'],
      ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="login"\r\n\r\nadmin\r\n--xyz--\r\n'],
      ['text/plain', '{"login":"admin"}'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/auth.login', headers: { 'content-type': type }, payload: body });
      expect(res.statusCode, type).toBe(415);
      expect(res.json(), type).toEqual(notJson);
    }
    expect(logged.join('')).not.toMatch(/"level":50|stack/);
  });
});

describe('oversized bodies', () => {
  it('a 2 MB command body is 413 with the Indonesian size message', async () => {
    const res = await post('/api/feedback.post', 'application/json', 2 * 1024 * 1024);
    expect(res).toEqual({ status: 413, body: { error: { code: 'VALIDATION', message: 'Data yang dikirim terlalu besar.', details: { reason: 'TOO_LARGE' } } } });
  });

  it('a 40 MB evidence upload is read to its end and answered 413 with the 20 MB message, not a reset connection', async () => {
    const res = await post('/api/realisasi.addEvidence', 'application/json', 40 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'Berkas melebihi 20 MB. Perkecil berkas (misalnya pindai dengan resolusi lebih rendah) lalu unggah lagi.',
        fields: { file: 'Maksimal 20 MB.' },
        details: { reason: 'TOO_LARGE' },
      },
    });
  });

  it('a 40 MB multipart upload is 415, also without a reset', async () => {
    const res = await post('/api/realisasi.addEvidence', 'multipart/form-data; boundary=xyz', 40 * 1024 * 1024);
    expect(res).toEqual({ status: 415, body: notJson });
  });

  it('JSON that is not valid is still the 400 it was', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth.login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: 'Badan permintaan harus JSON yang sah.' } });
  });
});
