import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSessionPolicy } from '../electron/core/core';
import { hashToken } from '../electron/core/auth/sessions';
import {
  accessRefusal,
  ApiClient,
  countRows,
  createUserWithRoles,
  errorOf,
  HOUR,
  makeOffice,
  MINUTE,
  removeAllTempDirs,
  SECOND,
  startServer,
  type ApiResponse,
  type Office,
  type OfficeUser,
  type TestServer,
} from './helpers';

let office: Office;
let server: TestServer;
let user: OfficeUser;

beforeAll(async () => {
  office = makeOffice();
  server = await startServer(office);
  user = createUserWithRoles(office, ['pegawai', 'pengelola']);
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

function expectExpired(res: ApiResponse): void {
  expect(res.status).toBe(401);
  expect(errorOf(res)).toEqual({ code: 'UNAUTHENTICATED', message: accessRefusal.expired });
  // The browser is told to drop the dead cookie.
  expect(res.setCookies.some((c) => /^kinerja_session=;/.test(c))).toBe(true);
}

async function signIn(): Promise<ApiClient> {
  return server.clientAs(user);
}

describe('session lifetime (injected clock)', () => {
  it('uses a 12-hour absolute and 2-hour idle policy by default', () => {
    expect(office.core.sessionPolicy).toEqual({ maxAgeMs: 12 * HOUR, idleMs: 2 * HOUR });
    expect(defaultSessionPolicy).toEqual(office.core.sessionPolicy);
  });

  it('the cookie expires with the session (absolute lifetime), counted from its arrival', async () => {
    const client = server.client();
    const res = await client.post('auth.login', { login: user.nip, password: user.password });
    expect(res.status).toBe(200);
    const cookie = res.setCookies.find((c) => c.startsWith('kinerja_session='))!;
    // Max-Age, not an absolute Expires: a PC whose clock differs from the server's keeps the session.
    expect(/Max-Age=(\d+)/i.exec(cookie)?.[1]).toBe(String(12 * HOUR / 1000));
    expect(cookie).not.toMatch(/Expires=/i);
  });

  it('ends after 2 hours without use', async () => {
    const client = await signIn();
    const token = client.cookie!;
    expect((await client.post('auth.listAccounts', {})).status).toBe(200);
    office.clock.advance(2 * HOUR - SECOND);
    // Still alive one second before the idle limit (and this call slides it).
    expect((await client.post('auth.listAccounts', {})).status).toBe(200);
    office.clock.advance(2 * HOUR);
    expectExpired(await client.post('auth.listAccounts', {}));
    // The dead session row is gone, and auth.me (public) now says "nobody" for that token.
    expect(office.core.sqlite.prepare('SELECT 1 FROM sessions WHERE token_hash = ?').get(hashToken(token))).toBeUndefined();
    const replay = new ApiClient(server.app);
    replay.cookie = token;
    expect(await replay.ok('auth.me', {})).toEqual({ user: null, csrfToken: null });
  });

  it('use slides the idle expiry', async () => {
    const client = await signIn();
    for (let i = 0; i < 4; i++) {
      office.clock.advance(HOUR + 50 * MINUTE);
      expect((await client.post('auth.listAccounts', {})).status, `after ${i + 1} x 1h50m`).toBe(200);
    }
  });

  it('ends 12 hours after login even when used all along', async () => {
    const client = await signIn();
    const loginAt = office.clock.now().getTime();
    while (office.clock.now().getTime() + HOUR < loginAt + 12 * HOUR) {
      office.clock.advance(HOUR);
      expect((await client.post('auth.listAccounts', {})).status).toBe(200);
    }
    office.clock.set(new Date(loginAt + 12 * HOUR - SECOND));
    expect((await client.post('auth.me', {})).status).toBe(200);
    expect((await client.ok('auth.me', {})).user?.userId).toBe(user.userId);
    office.clock.set(new Date(loginAt + 12 * HOUR));
    expectExpired(await client.post('auth.listAccounts', {}));
  });

  it('a write with an expired session is refused before the CSRF check, and writes nothing', async () => {
    const client = await signIn();
    office.clock.advance(3 * HOUR);
    const audits = countRows(office.core, 'audit_log');
    expectExpired(await client.post('auth.changePassword', { currentPassword: user.password, newPassword: 'SandiBaru2025' }));
    expect(countRows(office.core, 'audit_log')).toBe(audits);
  });

  it('an unknown or forged session token is treated as ended', async () => {
    const client = new ApiClient(server.app);
    client.cookie = 'forged-token';
    expectExpired(await client.post('auth.listAccounts', {}));
  });
});

describe('logout', () => {
  it('ends the session: the cookie is cleared, the session row removed, the old token refused', async () => {
    const client = await signIn();
    const token = client.cookie!;
    expect(office.core.sqlite.prepare('SELECT 1 FROM sessions WHERE token_hash = ?').get(hashToken(token))).toBeDefined();

    const res = await client.post('auth.logout', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(client.cookie).toBeNull();
    expect(office.core.sqlite.prepare('SELECT 1 FROM sessions WHERE token_hash = ?').get(hashToken(token))).toBeUndefined();

    const replay = new ApiClient(server.app);
    replay.cookie = token;
    expectExpired(await replay.post('auth.listAccounts', {}));
    expect(await replay.ok('auth.me', {})).toEqual({ user: null, csrfToken: null });
  });

  it('ends only this session, not the same user\'s other sessions', async () => {
    const a = await signIn();
    const b = await signIn();
    await a.ok('auth.logout', {});
    expect((await b.ok('auth.me', {})).user?.userId).toBe(user.userId);
  });
});
