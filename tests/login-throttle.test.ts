import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { delayAfterFailure, formatWait, throttleOf, throttlePolicy } from '../electron/core/auth/attempt-throttle';
import {
  createUserWithRoles,
  errorOf,
  makeOffice,
  MINUTE,
  removeAllTempDirs,
  SECOND,
  startServer,
  type ApiClient,
  type ApiResponse,
  type Office,
  type OfficeUser,
  type TestServer,
} from './helpers';

/**
 * docs/spec/operations.md §2: the old per-account lock (5 failures, 15 minutes, even against the right password)
 * let anyone on the LAN lock out a chosen colleague, and answered known accounts differently
 * (429 "Akun dikunci") from unknown ones (always 401). Now: waits grow per account AND address,
 * the same for known and unknown logins, and change password counts under the same key.
 */
const wrong = 'SalahSandi9';
const attacker = '192.168.10.66';
const colleaguePc = '192.168.10.21';

let office: Office;
let server: TestServer;
let user: OfficeUser;

beforeAll(async () => {
  office = makeOffice();
  server = await startServer(office);
  user = createUserWithRoles(office);
});

// Each test starts with nobody throttled (the office is shared: creating one costs scrypt hashes).
beforeEach(() => {
  const t = throttleOf(office.core);
  for (const account of [user.userId, office.admin.userId]) t.forgetAccount(account);
  office.clock.advance(2 * 24 * 60 * MINUTE); // anything else (made-up logins) is forgotten
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

const wrongCredentials = { error: { code: 'UNAUTHENTICATED', message: 'NIP/nama pengguna atau kata sandi salah.' } };

function expectWrongPassword(res: ApiResponse): void {
  expect(res.status).toBe(401);
  expect(res.body).toEqual(wrongCredentials);
}

function expectRateLimited(res: ApiResponse, retryAfterSeconds: number): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    error: {
      code: 'RATE_LIMITED',
      message: `Terlalu banyak percobaan kata sandi yang salah dari komputer ini. Tunggu ${formatWait(retryAfterSeconds)} lalu coba lagi.`,
      details: { retryAfterSeconds },
    },
  });
  expect(res.headers['retry-after']).toBe(String(retryAfterSeconds));
  expect(res.setCookies).toEqual([]);
}

describe('the throttle policy', () => {
  it('3 free failures, then waits that double from 2 s, capped at 15 minutes; never a lock', () => {
    expect([2, 59, 60, 61, 900].map(formatWait)).toEqual(['2 detik', '59 detik', '1 menit', '2 menit', '15 menit']);
    expect(throttlePolicy).toMatchObject({ freeFailures: 3, firstDelaySeconds: 2, maxDelaySeconds: 900 });
    expect([1, 2, 3, 4, 5, 6, 7].map(delayAfterFailure)).toEqual([0, 0, 0, 2, 4, 8, 16]);
    expect(delayAfterFailure(14)).toBe(900);
    expect(delayAfterFailure(1000)).toBe(900);
  });
});

describe('login throttling over HTTP (injected clock)', () => {
  const guess = (c: ApiClient, login: string, password: string) => c.post('auth.login', { login, password });

  it('waits grow per account and address; the right password waits too, then signs in', async () => {
    const c = server.client(attacker);
    for (let i = 0; i < 4; i++) expectWrongPassword(await guess(c, user.nip, wrong));
    expectRateLimited(await guess(c, user.nip, user.password), 2);
    office.clock.advance(2 * SECOND);
    expectWrongPassword(await guess(c, user.nip, wrong)); // fifth
    expectRateLimited(await guess(c, user.nip, wrong), 4);
    office.clock.advance(4 * SECOND);
    expect((await guess(c, user.nip, user.password)).status).toBe(200);
    // A success clears the count: three free failures again.
    for (let i = 0; i < 3; i++) expectWrongPassword(await guess(c, user.nip, wrong));
  });

  it('someone guessing from another PC cannot lock the account owner out', async () => {
    const c = server.client(attacker);
    for (let i = 0; i < 30; i++) {
      office.clock.advance(16 * MINUTE);
      expectWrongPassword(await guess(c, user.nip, wrong));
    }
    expectRateLimited(await guess(c, user.nip, user.password), 900);
    // The owner, at their own PC, signs in at once.
    const own = await guess(server.client(colleaguePc), user.nip, user.password);
    expect(own.status).toBe(200);
  });

  it('known and unknown accounts get the same answers, failure by failure', async () => {
    const known = server.client(attacker);
    const unknownNip = server.client(attacker);
    const answers = async (login: string, c: ApiClient) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await guess(c, login, wrong);
        seen.push([r.status, r.body, r.headers['retry-after'] ?? null]);
      }
      return seen;
    };
    const forKnown = await answers(user.nip, known);
    const forUnknown = await answers('199001012015011999', unknownNip);
    const forUnknownName = await answers('tidak.ada', server.client(attacker));
    expect(forUnknown).toEqual(forKnown);
    expect(forUnknownName).toEqual(forKnown);
    expect(forKnown.map((a) => (a as unknown[])[0])).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('change password shares the login limit of the same account and address', async () => {
    const c = server.client(attacker);
    await c.login(user.nip, user.password);
    for (let i = 0; i < 3; i++) {
      const r = await c.post('auth.changePassword', { currentPassword: `Tebakan-${i}-xyz`, newPassword: 'Sandi#Baru#2025' });
      expect(r.status).toBe(400);
      expect(errorOf(r).fields).toEqual({ currentPassword: 'Kata sandi lama salah.' });
    }
    // The fourth failure is a login's: the account and address now wait, whichever door is used.
    expectWrongPassword(await guess(server.client(attacker), user.nip, wrong));
    const blocked = await c.post('auth.changePassword', { currentPassword: user.password, newPassword: 'Sandi#Baru#2025' });
    expect(blocked.status).toBe(429);
    expect(errorOf(blocked).code).toBe('RATE_LIMITED');
    expectRateLimited(await guess(server.client(attacker), user.nip, user.password), 2);
    // Other addresses are not affected.
    expect((await guess(server.client(colleaguePc), user.nip, user.password)).status).toBe(200);
  });

  it('40 wrong current passwords from a stolen session cannot be followed by the right one', async () => {
    const c = server.client(attacker);
    await c.login(user.nip, user.password);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await c.post('auth.changePassword', { currentPassword: `Tebakan-${i}-xyz`, newPassword: 'Sandi#Baru#2025' })).status);
    }
    expect(statuses.filter((s) => s === 400)).toHaveLength(4);
    expect((await c.post('auth.changePassword', { currentPassword: user.password, newPassword: 'Sandi#Baru#2025' })).status).toBe(429);
  });

  it('an address that floods the login endpoint is rate limited before any account is touched', async () => {
    const limited = await startServer(office, { loginRateLimit: 2 });
    try {
      const c = limited.client();
      await c.post('auth.login', { login: 'tidak.ada', password: wrong });
      await c.post('auth.login', { login: 'tidak.ada', password: wrong });
      const third = await c.post('auth.login', { login: user.nip, password: user.password });
      expect(third.status).toBe(429);
      expect(errorOf(third).code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
