import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { afterFailure, lockoutPolicy } from '../electron/core/auth/lockout';
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

const wrong = 'SalahSandi9';

let office: Office;
let server: TestServer;
let user: OfficeUser;
let client: ApiClient;

beforeAll(async () => {
  office = makeOffice();
  server = await startServer(office);
  user = createUserWithRoles(office);
});

// Each test starts from a clean account (the office is shared: creating one costs scrypt hashes).
beforeEach(() => {
  office.core.sqlite.prepare('UPDATE users SET failed_count = 0, next_attempt_at = NULL, locked_until = NULL').run();
  client = server.client();
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

const attempt = (password: string) => client.post('auth.login', { login: user.nip, password });

function expectWrongPassword(res: ApiResponse): void {
  expect(res.status).toBe(401);
  expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'NIP/nama pengguna atau kata sandi salah.' } });
}

function expectRateLimited(res: ApiResponse, retryAfterSeconds: number): void {
  expect(res.status).toBe(429);
  const err = errorOf(res);
  expect(err.code).toBe('RATE_LIMITED');
  expect(err.details).toEqual({ retryAfterSeconds });
  expect(res.headers['retry-after']).toBe(String(retryAfterSeconds));
  expect(res.setCookies).toEqual([]);
}

describe('the lockout policy', () => {
  it('2 free failures, then growing waits, then a 15-minute lock at 5', () => {
    expect(lockoutPolicy).toMatchObject({ freeFailures: 2, lockAfter: 5, lockMinutes: 15 });
    const now = new Date('2025-03-03T01:00:00.000Z');
    expect(afterFailure(0, now)).toEqual({ failedCount: 1, nextAttemptAt: null, lockedUntil: null });
    expect(afterFailure(1, now)).toEqual({ failedCount: 2, nextAttemptAt: null, lockedUntil: null });
    expect(afterFailure(2, now)).toEqual({ failedCount: 3, nextAttemptAt: '2025-03-03T01:00:15.000Z', lockedUntil: null });
    expect(afterFailure(3, now)).toEqual({ failedCount: 4, nextAttemptAt: '2025-03-03T01:00:30.000Z', lockedUntil: null });
    expect(afterFailure(4, now)).toEqual({ failedCount: 5, nextAttemptAt: null, lockedUntil: '2025-03-03T01:15:00.000Z' });
  });
});

describe('login lockout over HTTP (injected clock)', () => {
  it('a wrong password is 401 with a typed body, no cookie', async () => {
    const res = await attempt(wrong);
    expectWrongPassword(res);
    expect(res.setCookies).toEqual([]);
  });

  it('an unknown login answers exactly like a wrong password', async () => {
    expectWrongPassword(await client.post('auth.login', { login: '199001012015011999', password: wrong }));
    expectWrongPassword(await client.post('auth.login', { login: 'tidak.ada', password: wrong }));
  });

  it('waits after 2 free failures, locks for 15 minutes at 5 even with the right password, then unlocks', async () => {
    expectWrongPassword(await attempt(wrong));
    expectWrongPassword(await attempt(wrong));
    expectWrongPassword(await attempt(wrong)); // third: answered, but now a wait starts
    expectRateLimited(await attempt(user.password), 15);

    office.clock.advance(10 * SECOND);
    expectRateLimited(await attempt(user.password), 5);
    office.clock.advance(5 * SECOND);
    expectWrongPassword(await attempt(wrong)); // fourth
    expectRateLimited(await attempt(wrong), 30);

    office.clock.advance(30 * SECOND);
    const fifth = await attempt(wrong);
    expectRateLimited(fifth, 15 * 60);
    expect(errorOf(fifth).message).toMatch(/dikunci selama 15 menit/);

    // Locked: even the right password is refused, with the remaining time.
    expectRateLimited(await attempt(user.password), 15 * 60);
    office.clock.advance(14 * MINUTE);
    const still = await attempt(user.password);
    expectRateLimited(still, 60);
    expect(errorOf(still).message).toMatch(/dikunci sementara/);

    office.clock.advance(MINUTE);
    const ok = await attempt(user.password);
    expect(ok.status).toBe(200);
    const row = office.core.sqlite.prepare('SELECT failed_count, next_attempt_at, locked_until FROM users WHERE id = ?').get(user.userId);
    expect(row).toEqual({ failed_count: 0, next_attempt_at: null, locked_until: null });
  });

  it('a success resets the counter: two more failures are free again', async () => {
    expectWrongPassword(await attempt(wrong));
    expectWrongPassword(await attempt(wrong));
    expect((await attempt(user.password)).status).toBe(200);
    expectWrongPassword(await attempt(wrong));
    expectWrongPassword(await attempt(wrong));
    // Had the counter not been reset this would be the 5th failure and lock the account.
    expectWrongPassword(await attempt(wrong));
    expectRateLimited(await attempt(user.password), 15);
  });

  it('after a lock expires, counting starts from zero', async () => {
    office.core.sqlite
      .prepare('UPDATE users SET failed_count = 5, locked_until = ? WHERE id = ?')
      .run(new Date(office.clock.now().getTime() + 15 * MINUTE).toISOString(), user.userId);
    office.clock.advance(15 * MINUTE);
    expectWrongPassword(await attempt(wrong));
    const row = office.core.sqlite.prepare('SELECT failed_count, locked_until FROM users WHERE id = ?').get(user.userId) as {
      failed_count: number;
      locked_until: string | null;
    };
    expect(row.failed_count).toBe(1);
    expect(row.locked_until).toBeNull();
  });

  it('the lock is per account: another user still signs in', async () => {
    for (let i = 0; i < 5; i++) {
      office.clock.advance(MINUTE);
      await attempt(wrong);
    }
    expectRateLimited(await attempt(user.password), 15 * 60);
    expect((await server.client().post('auth.login', { login: office.admin.nip, password: office.admin.password })).status).toBe(200);
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
