import type { z } from 'zod';
import type { accountSchema } from '../../../shared/auth/commands';
import { AppError, notFound, ruleViolation } from '../../../shared/errors';
import { CommittedFailure, requireActor, type HandlerMap, type ReadContext } from '../context';
import type { UsersTable } from '../db/schema';
import { attemptKey, formatWait, throttleOf } from './attempt-throttle';
import { dummyHash } from './password-hash';
import { findUserByLogin, loginAccount } from './password-work';
import { actorFromUser, createSession, endAllSessionsOf, endSession, loadUserRow, sessionUserOf } from './sessions';

type Account = z.infer<typeof accountSchema>;

const wrongCredentials = () => new AppError('UNAUTHENTICATED', 'NIP/nama pengguna atau kata sandi salah.');

/**
 * The one answer while an address must wait before guessing again at an account, known or not
 * (a different answer for real accounts would tell which NIPs have one).
 */
function tooManyAttempts(seconds: number): AppError {
  return new AppError('RATE_LIMITED', `Terlalu banyak percobaan kata sandi yang salah dari komputer ini. Tunggu ${formatWait(seconds)} lalu coba lagi.`, {
    details: { retryAfterSeconds: seconds },
  });
}

function accountOf(ctx: ReadContext, userId: string): Account {
  const row = ctx.core.q
    .prepare(
      `SELECT u.id, u.employee_id, e.nip, e.name, u.username, u.is_pengelola, u.must_change_password, u.locked_until, u.last_login_at, u.version
       FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.id = ?`,
    )
    .get(userId) as
    | { id: string; employee_id: string; nip: string; name: string; username: string | null; is_pengelola: number; must_change_password: number; locked_until: string | null; last_login_at: string | null; version: number }
    | undefined;
  if (!row) throw notFound('Akun');
  return {
    userId: row.id,
    employeeId: row.employee_id,
    nip: row.nip,
    name: row.name,
    username: row.username,
    isPengelola: row.is_pengelola === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    version: row.version,
  };
}

/** An office admin manages accounts of their own office only. */
function loadOfficeUser(ctx: ReadContext, userId: string): UsersTable {
  const actor = requireActor(ctx);
  const user = ctx.core.q.prepare('SELECT * FROM users WHERE id = ? AND deleted_at IS NULL').get(userId) as UsersTable | undefined;
  if (!user || user.office_id !== actor.officeId) throw notFound('Akun');
  return user;
}

export const authHandlers: HandlerMap<
  'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword' | 'auth.listAccounts' | 'auth.createAccount' | 'auth.resetPassword' | 'auth.setPengelola'
> = {
  'auth.login': (ctx, input) => {
    // Known and unknown logins take the same path: same throttle, same scrypt, same answers.
    const user = findUserByLogin(ctx.core, input.login);
    const throttle = throttleOf(ctx.core);
    const key = attemptKey(ctx.caller.address, loginAccount(user, input.login));
    const wait = throttle.waitSeconds(key, ctx.now);
    if (wait > 0) throw tooManyAttempts(wait);
    const matches = ctx.passwords.verify(input.password, user?.password_hash ?? dummyHash);
    if (!user || !matches) {
      throttle.fail(key, ctx.now);
      if (user) {
        const who = ctx.core.q.prepare('SELECT nip, name FROM employees WHERE id = ?').get(user.employee_id) as { nip: string; name: string };
        ctx.auditActor({ userId: user.id, nip: who.nip, name: who.name });
      }
      // The attempt is audited (unknown ones without a name) so an admin can see guessing.
      return new CommittedFailure(wrongCredentials());
    }
    throttle.succeed(key);
    const nowIso = ctx.nowIso;
    ctx.write.update('users', user.id, { failed_count: 0, next_attempt_at: null, locked_until: null, last_login_at: nowIso });
    const session = createSession(ctx.core, user.id, ctx.now);
    ctx.session.start(session.token, session.expiresAt);
    const row = loadUserRow(ctx.core, user.id)!;
    const actor = actorFromUser(ctx.core, row, null, ctx.now);
    ctx.auditActor({ userId: user.id, nip: row.nip, name: row.name });
    return { user: sessionUserOf(ctx.core, actor), csrfToken: session.csrfToken };
  },

  'auth.logout': (ctx) => {
    const actor = requireActor(ctx);
    if (actor.sessionTokenHash) endSession(ctx.core, actor.sessionTokenHash);
    ctx.write.noteRecord('users', actor.userId, null, { logout: ctx.nowIso });
    ctx.session.end();
    return { ok: true as const };
  },

  // Public so the UI can ask "am I signed in?" without an error; the dispatcher resolves the session.
  'auth.me': (ctx) => {
    if (!ctx.actor?.sessionTokenHash) return { user: null, csrfToken: null };
    const csrf = ctx.core.q.prepare('SELECT csrf_token FROM sessions WHERE token_hash = ?').get(ctx.actor.sessionTokenHash) as
      | { csrf_token: string }
      | undefined;
    return { user: sessionUserOf(ctx.core, ctx.actor), csrfToken: csrf?.csrf_token ?? null };
  },

  'auth.changePassword': (ctx, input) => {
    const actor = requireActor(ctx);
    const user = ctx.core.q.prepare('SELECT * FROM users WHERE id = ?').get(actor.userId) as UsersTable;
    // The login's limit, under the same key: a stolen session guesses no faster here.
    const throttle = throttleOf(ctx.core);
    const key = attemptKey(ctx.caller.address, user.id);
    const wait = throttle.waitSeconds(key, ctx.now);
    if (wait > 0) throw tooManyAttempts(wait);
    if (!ctx.passwords.verify(input.currentPassword, user.password_hash)) {
      throttle.fail(key, ctx.now);
      throw new AppError('VALIDATION', 'Kata sandi lama salah.', { fields: { currentPassword: 'Kata sandi lama salah.' } });
    }
    throttle.succeed(key);
    ctx.write.update('users', user.id, { password_hash: ctx.passwords.hash(input.newPassword), must_change_password: 0 });
    // Other sessions of this user end: whoever knew the old password is out.
    endAllSessionsOf(ctx.core, user.id, actor.sessionTokenHash);
    return { ok: true as const };
  },

  'auth.listAccounts': (ctx) => {
    const actor = requireActor(ctx);
    const ids = ctx.core.q
      .prepare(
        `SELECT u.id FROM users u JOIN employees e ON e.id = u.employee_id
         WHERE u.office_id = ? AND u.deleted_at IS NULL ORDER BY e.name`,
      )
      .all(actor.officeId) as { id: string }[];
    return { accounts: ids.map((r) => accountOf(ctx, r.id)) };
  },

  'auth.createAccount': (ctx, input) => {
    const actor = requireActor(ctx);
    const employee = ctx.core.q.prepare('SELECT id, office_id FROM employees WHERE id = ? AND deleted_at IS NULL').get(input.employeeId) as
      | { id: string; office_id: string }
      | undefined;
    if (!employee || employee.office_id !== actor.officeId) throw notFound('Pegawai');
    if (ctx.core.q.prepare('SELECT 1 FROM users WHERE employee_id = ? AND deleted_at IS NULL').get(employee.id)) {
      throw ruleViolation('Pegawai ini sudah memiliki akun. Gunakan "Atur ulang kata sandi" bila ia lupa kata sandinya.');
    }
    if (input.username && ctx.core.q.prepare('SELECT 1 FROM users WHERE username = ? AND deleted_at IS NULL').get(input.username)) {
      throw new AppError('VALIDATION', 'Nama pengguna sudah dipakai.', { fields: { username: 'Nama pengguna sudah dipakai.' } });
    }
    const user = ctx.write.insert('users', {
      office_id: actor.officeId,
      employee_id: employee.id,
      username: input.username ?? null,
      password_hash: ctx.passwords.hash(input.temporaryPassword),
      is_pengelola: input.isPengelola ? 1 : 0,
      is_admin_pusat: 0,
      must_change_password: 1,
      failed_count: 0,
      next_attempt_at: null,
      locked_until: null,
      last_login_at: null,
    });
    return { account: accountOf(ctx, user.id) };
  },

  'auth.resetPassword': (ctx, input) => {
    const user = loadOfficeUser(ctx, input.userId);
    ctx.write.update('users', user.id, {
      password_hash: ctx.passwords.hash(input.temporaryPassword),
      must_change_password: 1,
      failed_count: 0,
      next_attempt_at: null,
      locked_until: null,
    });
    endAllSessionsOf(ctx.core, user.id);
    throttleOf(ctx.core).forgetAccount(user.id);
    return { ok: true as const };
  },

  'auth.setPengelola': (ctx, input) => {
    const actor = requireActor(ctx);
    const user = loadOfficeUser(ctx, input.userId);
    if (user.id === actor.userId && !input.isPengelola) {
      throw ruleViolation('Anda tidak dapat mencabut peran Pengelola Kinerja dari akun Anda sendiri; mintalah pengelola lain.');
    }
    ctx.write.update('users', user.id, { is_pengelola: input.isPengelola ? 1 : 0 }, input.version, 'Akun');
    return { account: accountOf(ctx, user.id) };
  },
};
