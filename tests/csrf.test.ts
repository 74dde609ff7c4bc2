import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createUserWithRoles,
  errorOf,
  makeOffice,
  removeAllTempDirs,
  startServer,
  type ApiClient,
  type ApiResponse,
  type Office,
  type OfficeUser,
  type TestServer,
} from './helpers';

let office: Office;
let server: TestServer;
let target: OfficeUser;
let admin: ApiClient;
let loginResponse: ApiResponse;

beforeAll(async () => {
  office = makeOffice();
  server = await startServer(office);
  target = createUserWithRoles(office);
  admin = server.client();
  // auth.login itself needs no token (there is none before signing in).
  loginResponse = await admin.post('auth.login', { login: office.admin.nip, password: office.admin.password }, { csrf: null });
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

const csrfMessage = 'Token keamanan (CSRF) tidak cocok. Muat ulang halaman lalu coba lagi.';

function version(): number {
  return (office.core.sqlite.prepare('SELECT version FROM users WHERE id = ?').get(target.userId) as { version: number }).version;
}

describe('session cookie', () => {
  it('login succeeds without a CSRF header and returns a token', () => {
    expect(loginResponse.status).toBe(200);
    expect(typeof (loginResponse.body as { csrfToken: string }).csrfToken).toBe('string');
    expect((loginResponse.body as { csrfToken: string }).csrfToken.length).toBeGreaterThanOrEqual(24);
  });

  it('is HttpOnly, SameSite=Strict, path /, not Secure on plain http', () => {
    const cookie = loginResponse.setCookies.find((c) => c.startsWith('kinerja_session='));
    expect(cookie).toBeDefined();
    const attrs = cookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=strict');
    expect(attrs).toContain('path=/');
    expect(attrs).not.toContain('secure');
    // The token itself is not in the response body.
    expect(JSON.stringify(loginResponse.body)).not.toContain(admin.cookie!);
  });

  it('only the token hash is stored server-side', () => {
    const rows = office.core.sqlite.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(admin.cookie);
  });

  it('API answers are not cached and carry the security headers', async () => {
    const res = await admin.post('auth.me', {});
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});

describe('CSRF over HTTP', () => {
  it('a write without the X-CSRF-Token header is 403 and writes nothing', async () => {
    const audits = countRows(office.core, 'audit_log');
    const res = await admin.post('auth.setPengelola', { userId: target.userId, isPengelola: true, version: version() }, { csrf: null });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toEqual({ code: 'FORBIDDEN', message: csrfMessage });
    expect(countRows(office.core, 'audit_log')).toBe(audits);
  });

  it('a write with a wrong token is 403', async () => {
    const res = await admin.post('auth.setPengelola', { userId: target.userId, isPengelola: true, version: version() }, { csrf: 'bukan-token-yang-benar' });
    expect(res.status).toBe(403);
    expect(errorOf(res).message).toBe(csrfMessage);
  });

  it("another session's token is refused (tokens are bound to their session)", async () => {
    const other = await server.clientAs(target);
    const res = await admin.post('auth.setPengelola', { userId: target.userId, isPengelola: true, version: version() }, { csrf: other.csrfToken });
    expect(res.status).toBe(403);
  });

  it('a write with the token auth.login returned is 200', async () => {
    const token = (loginResponse.body as { csrfToken: string }).csrfToken;
    const res = await admin.post('auth.setPengelola', { userId: target.userId, isPengelola: true, version: version() }, { csrf: token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((res.body as { account: { isPengelola: boolean } }).account.isPengelola).toBe(true);
  });

  it('auth.me hands the same token back (for a reloaded page)', async () => {
    const me = await admin.ok('auth.me', {}, { csrf: null });
    expect(me.csrfToken).toBe((loginResponse.body as { csrfToken: string }).csrfToken);
  });

  it('reads need no token', async () => {
    const res = await admin.post('auth.listAccounts', {}, { csrf: null });
    expect(res.status).toBe(200);
  });

  it('logout is a write: it needs the token too', async () => {
    const c = await server.clientAs(target);
    expect((await c.post('auth.logout', {}, { csrf: null })).status).toBe(403);
    expect((await c.ok('auth.me', {})).user?.userId).toBe(target.userId);
    expect((await c.post('auth.logout', {})).status).toBe(200);
  });

  it('a body that is not JSON is a typed VALIDATION error', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth.login', headers: { 'content-type': 'application/json' }, payload: '{nope' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});
