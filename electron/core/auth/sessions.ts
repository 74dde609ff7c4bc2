import crypto from 'node:crypto';
import type { SessionUser } from '../../../shared/auth/commands';
import type { Role } from '../../../shared/roles';
import type { Actor } from '../context';
import type { Core } from '../core';
import { derivedRoles } from './derived-roles';
import { actorRow, officeName, sessionByHash } from './queries';

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

type UserRow = NonNullable<ReturnType<typeof actorRow>>;

export function loadUserRow(core: Core, userId: string): UserRow | undefined {
  return actorRow(core, userId);
}

export function actorFromUser(core: Core, user: UserRow, sessionTokenHash: string | null, on: Date): Actor {
  const roles = new Set<Role>(['pegawai']);
  if (user.is_pengelola) roles.add('pengelola');
  if (user.is_admin_pusat) roles.add('admin_pusat');
  for (const r of derivedRoles(core, user.employee_id, on)) roles.add(r);
  return {
    userId: user.id,
    employeeId: user.employee_id,
    officeId: user.office_id,
    nip: user.nip,
    name: user.name,
    username: user.username,
    roles,
    mustChangePassword: user.must_change_password === 1,
    sessionTokenHash,
  };
}

export function sessionUserOf(core: Core, actor: Actor): SessionUser {
  return {
    userId: actor.userId,
    employeeId: actor.employeeId,
    officeId: actor.officeId,
    officeName: officeName(core, actor.officeId) ?? '',
    nip: actor.nip,
    name: actor.name,
    username: actor.username,
    roles: [...actor.roles],
    mustChangePassword: actor.mustChangePassword,
  };
}

/** Machine-local: sessions are never replicated nor audited row by row. */
export function createSession(core: Core, userId: string, now: Date): { token: string; csrfToken: string; expiresAt: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const nowMs = now.getTime();
  const expiresAt = new Date(nowMs + core.sessionPolicy.maxAgeMs).toISOString();
  core.q
    .prepare(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, idle_expires_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(hashToken(token), userId, csrfToken, now.toISOString(), expiresAt, new Date(nowMs + core.sessionPolicy.idleMs).toISOString(), now.toISOString());
  // Old sessions of everyone are swept here rather than on a timer: logins are frequent enough.
  core.q.prepare('DELETE FROM sessions WHERE expires_at <= ? OR idle_expires_at <= ?').run(now.toISOString(), now.toISOString());
  return { token, csrfToken, expiresAt };
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'active'; actor: Actor; csrfToken: string };

/** Resolves a session token and slides its idle expiry. */
export function resolveSession(core: Core, token: string | null | undefined, now: Date): SessionLookup {
  if (!token) return { status: 'none' };
  const tokenHash = hashToken(token);
  const row = sessionByHash(core, tokenHash);
  if (!row) return { status: 'expired' };
  const nowIso = now.toISOString();
  if (row.expires_at <= nowIso || row.idle_expires_at <= nowIso) {
    core.q.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    return { status: 'expired' };
  }
  const user = loadUserRow(core, row.user_id);
  if (!user) {
    core.q.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    return { status: 'expired' };
  }
  // Sliding only when a minute has passed keeps reads from writing on every call.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    core.q
      .prepare('UPDATE sessions SET last_seen_at = ?, idle_expires_at = ? WHERE token_hash = ?')
      .run(nowIso, new Date(now.getTime() + core.sessionPolicy.idleMs).toISOString(), tokenHash);
  }
  return { status: 'active', actor: actorFromUser(core, user, tokenHash, now), csrfToken: row.csrf_token };
}

export function endSession(core: Core, tokenHash: string): void {
  core.q.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function endAllSessionsOf(core: Core, userId: string, exceptTokenHash: string | null = null): void {
  core.q.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, exceptTokenHash);
}
