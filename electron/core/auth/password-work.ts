import { normalizeNip } from '../../../shared/people/nip';
import type { Actor, Caller } from '../context';
import type { Core } from '../core';
import type { UsersTable } from '../db/schema';
import { attemptKey, throttleOf } from './attempt-throttle';
import { dummyHash } from './password-hash';
import { userById, userByLogin } from './queries';

/**
 * Which scrypt work each command will do, computed before the synchronous handler by
 * `dispatchAsync`. The handlers decide the same things again (one rule each, shared here: who a
 * login names, which throttle key counts); a mismatch would only cost a synchronous scrypt.
 */

export function findUserByLogin(core: Core, login: string): UsersTable | undefined {
  const trimmed = login.trim();
  const nip = normalizeNip(trimmed);
  return userByLogin(core, /^\d{18}$/.test(nip) ? nip : '', trimmed.toLowerCase());
}

/**
 * The throttle's account part: the user id when the login names one (NIP and username then count
 * together), else the login as typed, normalised (an unknown name is throttled exactly alike).
 */
export function loginAccount(user: UsersTable | undefined, login: string): string {
  if (user) return user.id;
  const trimmed = login.trim();
  const nip = normalizeNip(trimmed);
  return `login:${/^\d{18}$/.test(nip) ? nip : trimmed.toLowerCase()}`;
}

/** Fields that carry a new password to hash (validated by passwordSchema). */
const newPasswordFields = ['newPassword', 'temporaryPassword', 'adminPassword'] as const;

export interface Work {
  verify: { password: string; stored: string }[];
  hash: string[];
}

export function passwordWorkFor(core: Core, name: string, input: unknown, at: { actor: Actor | null; caller: Caller; now: Date }): Work | null {
  const fields = (input ?? {}) as Record<string, unknown>;
  const work: Work = { verify: [], hash: [] };
  const throttle = throttleOf(core);
  if (name === 'auth.login') {
    const login = String(fields.login ?? '');
    const user = findUserByLogin(core, login);
    if (throttle.waitSeconds(attemptKey(at.caller.address, loginAccount(user, login)), at.now) > 0) return null;
    work.verify.push({ password: String(fields.password ?? ''), stored: user?.password_hash ?? dummyHash });
    return work;
  }
  if (name === 'auth.changePassword' && at.actor) {
    if (throttle.waitSeconds(attemptKey(at.caller.address, at.actor.userId), at.now) > 0) return null;
    const row = userById(core, at.actor.userId, false);
    if (row) work.verify.push({ password: String(fields.currentPassword ?? ''), stored: row.password_hash });
  }
  // First-run setup hashes only while the office is still empty (afterwards it is refused anyway).
  if (name === 'setup.create' && core.officeId() !== null) return null;
  for (const f of newPasswordFields) if (typeof fields[f] === 'string') work.hash.push(fields[f]);
  return work.verify.length || work.hash.length ? work : null;
}
