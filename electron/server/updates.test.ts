import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../core/core';
import { tempDir } from '../core/backup/test-support';
import { buildServer } from './app';

/** Raw HTTP, so paths like `/updates/../x` reach the server unnormalised (fetch would tidy them). */
function get(base: string, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('LAN update feed at /updates/', () => {
  const data = tempDir('kinerja-updates-');
  let core: Core;
  let app: FastifyInstance;
  let base: string;
  const installer = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256));
  const latest = 'version: 0.2.0\nfiles:\n  - url: Kinerja-Setup-0.2.0.exe\n    sha512: abc\n    size: 300000\npath: Kinerja-Setup-0.2.0.exe\n';

  beforeAll(async () => {
    core = Core.open({ dataDir: data });
    app = await buildServer({ core });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    // Dropped in after the server started, as an admin would.
    fs.writeFileSync(path.join(data, 'updates', 'latest.yml'), latest);
    fs.writeFileSync(path.join(data, 'updates', 'Kinerja-Setup-0.2.0.exe'), installer);
    fs.writeFileSync(path.join(data, 'updates', '.rahasia'), 'x');
  });

  afterAll(async () => {
    await app.close();
    core.close();
    fs.rmSync(data, { recursive: true, force: true });
  });

  it('creates the updates folder in the data directory', () => {
    expect(fs.statSync(path.join(data, 'updates')).isDirectory()).toBe(true);
  });

  it('GET /updates/latest.yml returns the file, not cached', async () => {
    const res = await get(base, '/updates/latest.yml');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(latest);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['accept-ranges']).toBe('bytes');
  });

  it('answers a range request with 206 and exactly those bytes', async () => {
    const res = await get(base, '/updates/Kinerja-Setup-0.2.0.exe', { range: 'bytes=1000-1999' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 1000-1999/${installer.length}`);
    expect(res.body.equals(installer.subarray(1000, 2000))).toBe(true);
  });

  it('serves the whole installer', async () => {
    const res = await get(base, '/updates/Kinerja-Setup-0.2.0.exe');
    expect(res.status).toBe(200);
    expect(res.body.equals(installer)).toBe(true);
  });

  it('answers an unsatisfiable range with 416', async () => {
    const res = await get(base, '/updates/Kinerja-Setup-0.2.0.exe', { range: 'bytes=900000-900100' });
    expect(res.status).toBe(416);
  });

  it.each([
    '/updates/../kinerja.db',
    '/updates/%2e%2e/kinerja.db',
    '/updates/%2E%2E%2Fkinerja.db',
    '/updates/..%5ckinerja.db',
    '/updates/.rahasia',
    '/updates/',
    '/updates/tidak-ada.exe',
  ])('refuses %s', async (p) => {
    const res = await get(base, p);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body.includes(Buffer.from('SQLite format 3'))).toBe(false);
  });

  it('keeps the security headers on update files', async () => {
    const res = await get(base, '/updates/latest.yml');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
