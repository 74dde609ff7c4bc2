import type { z } from 'zod';
import type { accountSchema } from '../../../shared/auth/commands';
import { AppError, notFound, ruleViolation } from '../../../shared/errors';
import { CommittedFailure, requireActor, type HandlerMap, type ReadContext } from '../context';
import type { UsersTable } from '../db/schema';
import { attemptKey, formatWait, throttleOf } from './attempt-throttle';
import { dummyHash } from './password-hash';
import { findUserByLogin, loginAccount } from './password-work';
import { accountIdsOf, accountRow, employeeIdentity, hasAccount, liveEmployee, sessionByHash, userById, usernameTaken } from './queries';
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
  const row = accountRow(ctx.core, userId);
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
  const user = userById(ctx.core, userId, true);
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
        const who = employeeIdentity(ctx.core, user.employee_id);
        if (who) ctx.auditActor({ userId: user.id, nip: who.nip, name: who.name });
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
    const csrf = sessionByHash(ctx.core, ctx.actor.sessionTokenHash);
    return { user: sessionUserOf(ctx.core, ctx.actor), csrfToken: csrf?.csrf_token ?? null };
  },

  'auth.changePassword': (ctx, input) => {
    const actor = requireActor(ctx);
    const user = userById(ctx.core, actor.userId, false);
    if (!user) throw notFound('Akun');
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
    return { accounts: accountIdsOf(ctx.core, actor.officeId).map((id) => accountOf(ctx, id)) };
  },

  'auth.createAccount': (ctx, input) => {
    const actor = requireActor(ctx);
    const employee = liveEmployee(ctx.core, input.employeeId);
    if (!employee || employee.office_id !== actor.officeId) throw notFound('Pegawai');
    if (hasAccount(ctx.core, employee.id)) {
      throw ruleViolation('Pegawai ini sudah memiliki akun. Gunakan "Atur ulang kata sandi" bila ia lupa kata sandinya.');
    }
    if (input.username && usernameTaken(ctx.core, input.username)) {
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
