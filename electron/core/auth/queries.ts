import type { Core } from '../core';
import type { UsersTable } from '../db/schema';

/** An account with its employee's NIP and name, as the account list shows it. */
export function accountRow(core: Core, userId: string) {
  return core.q.first(
    core.db
      .selectFrom('users as u')
      .innerJoin('employees as e', 'e.id', 'u.employee_id')
      .select(['u.id', 'u.employee_id', 'e.nip', 'e.name', 'u.username', 'u.is_pengelola', 'u.must_change_password', 'u.locked_until', 'u.last_login_at', 'u.version'])
      .where('u.id', '=', userId),
  );
}

/** The office's live accounts, by the employee's name. */
export function accountIdsOf(core: Core, officeId: string): string[] {
  return core.q
    .all(
      core.db
        .selectFrom('users as u')
        .innerJoin('employees as e', 'e.id', 'u.employee_id')
        .select('u.id')
        .where('u.office_id', '=', officeId)
        .where('u.deleted_at', 'is', null)
        .orderBy('e.name'),
    )
    .map((r) => r.id);
}

/** A user by id; `live` leaves out removed accounts. */
export function userById(core: Core, userId: string, live: boolean): UsersTable | undefined {
  let q = core.db.selectFrom('users').selectAll().where('id', '=', userId);
  if (live) q = q.where('deleted_at', 'is', null);
  return core.q.first(q);
}

export function hasAccount(core: Core, employeeId: string): boolean {
  return core.q.first(core.db.selectFrom('users').select('id').where('employee_id', '=', employeeId).where('deleted_at', 'is', null)) !== undefined;
}

export function usernameTaken(core: Core, username: string): boolean {
  return core.q.first(core.db.selectFrom('users').select('id').where('username', '=', username).where('deleted_at', 'is', null)) !== undefined;
}

export function liveEmployee(core: Core, employeeId: string): { id: string; office_id: string; nip: string; name: string } | undefined {
  return core.q.first(core.db.selectFrom('employees').select(['id', 'office_id', 'nip', 'name']).where('id', '=', employeeId).where('deleted_at', 'is', null));
}

export function employeeIdentity(core: Core, employeeId: string): { nip: string; name: string } | undefined {
  return core.q.first(core.db.selectFrom('employees').select(['nip', 'name']).where('id', '=', employeeId));
}

/** The live, active account a login names: by NIP (18 digits) or by username. */
export function userByLogin(core: Core, nip: string, username: string): UsersTable | undefined {
  return core.q.first(
    core.db
      .selectFrom('users as u')
      .innerJoin('employees as e', 'e.id', 'u.employee_id')
      .selectAll('u')
      .where('u.deleted_at', 'is', null)
      .where('u.deactivated_at', 'is', null)
      .where((w) => w.or([w('e.nip', '=', nip), w('u.username', '=', username)]))
      .limit(1),
  );
}

/** What an actor is made of: the active account and its employee's NIP and name. */
export function actorRow(core: Core, userId: string) {
  return core.q.first(
    core.db
      .selectFrom('users as u')
      .innerJoin('employees as e', 'e.id', 'u.employee_id')
      .select(['u.id', 'u.office_id', 'u.employee_id', 'u.username', 'u.is_pengelola', 'u.is_admin_pusat', 'u.must_change_password', 'e.nip', 'e.name'])
      .where('u.id', '=', userId)
      .where('u.deleted_at', 'is', null)
      .where('u.deactivated_at', 'is', null),
  );
}

export function officeName(core: Core, officeId: string): string | undefined {
  return core.q.first(core.db.selectFrom('offices').select('name').where('id', '=', officeId))?.name;
}

export function sessionByHash(core: Core, tokenHash: string) {
  return core.q.first(
    core.db.selectFrom('sessions').select(['user_id', 'csrf_token', 'expires_at', 'idle_expires_at', 'last_seen_at']).where('token_hash', '=', tokenHash),
  );
}
