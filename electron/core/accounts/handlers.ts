import type { AccountFilter, AccountRow, IssuedAccount } from '../../../shared/accounts/commands';
import { AppError, notFound, ruleViolation } from '../../../shared/errors';
import { employeeStatusLabels, isGone, type EmployeeStatus } from '../../../shared/people/fields';
import { normalizeNip } from '../../../shared/people/nip';
import { endAllSessionsOf } from '../auth/sessions';
import { requireActor, type HandlerContext, type HandlerMap, type ReadContext } from '../context';
import type { Core } from '../core';
import type { UsersTable } from '../db/schema';
import { issueTemporaryCredential } from './temporary-password';

/** The columns of an account row, joined with its employee. */
function accountQuery(core: Core, officeId: string) {
  return core.db
    .selectFrom('users as u')
    .innerJoin('employees as e', 'e.id', 'u.employee_id')
    .select([
      'u.id',
      'u.employee_id',
      'e.nip',
      'e.name',
      'e.status',
      'u.username',
      'u.is_pengelola',
      'u.must_change_password',
      'u.locked_until',
      'u.last_login_at',
      'u.deactivated_at',
      'u.created_at',
      'u.version',
    ])
    .where('u.office_id', '=', officeId)
    .where('u.deleted_at', 'is', null);
}

type AccountQueryRow = ReturnType<typeof accountQuery> extends { execute(): Promise<(infer R)[]> } ? R : never;

function toAccount(r: AccountQueryRow): AccountRow {
  return {
    userId: r.id,
    employeeId: r.employee_id,
    nip: r.nip,
    name: r.name,
    username: r.username,
    employeeStatus: (r.status ?? 'aktif') as EmployeeStatus,
    isPengelola: r.is_pengelola === 1,
    mustChangePassword: r.must_change_password === 1,
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    deactivatedAt: r.deactivated_at ?? null,
    createdAt: r.created_at,
    version: r.version,
  };
}

function accountOf(ctx: ReadContext, officeId: string, userId: string): AccountRow {
  const row = ctx.core.q.first(accountQuery(ctx.core, officeId).where('u.id', '=', userId));
  if (!row) throw notFound('Akun');
  return toAccount(row);
}

/** Which filter an account falls under (an account is in exactly one of these, plus `semua`). */
function statusOf(a: AccountRow, nowIso: string): Exclude<AccountFilter, 'semua'> {
  if (a.deactivatedAt) return 'nonaktif';
  if (isGone(a.employeeStatus)) return 'perlu-nonaktif';
  if (a.lockedUntil && a.lockedUntil > nowIso) return 'terkunci';
  if (a.mustChangePassword) return 'wajib-ganti';
  return 'aktif';
}

function matches(q: string | undefined, a: { nip: string; name: string; username?: string | null }): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  const digits = normalizeNip(q);
  return a.name.toLowerCase().includes(needle) || (a.username ?? '').toLowerCase().includes(needle) || (/^\d{3,}$/.test(digits) && a.nip.includes(digits));
}

/** Employees still serving (aktif, cuti) with no account. */
function employeesWithoutAccount(ctx: ReadContext, officeId: string) {
  return ctx.core.q.all(
    ctx.core.db
      .selectFrom('employees as e')
      .select(['e.id', 'e.nip', 'e.name', 'e.status'])
      .where('e.office_id', '=', officeId)
      .where('e.deleted_at', 'is', null)
      .where('e.status', 'in', ['aktif', 'cuti'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.employee_id', '=', 'e.id').where('u.deleted_at', 'is', null))))
      .orderBy('e.name'),
  );
}

/** An office admin manages the accounts of their own office only (another office's: not found). */
function loadOfficeUser(ctx: ReadContext, userId: string): UsersTable {
  const actor = requireActor(ctx);
  const user = ctx.core.q.first(ctx.core.db.selectFrom('users').selectAll().where('id', '=', userId).where('deleted_at', 'is', null));
  if (!user || user.office_id !== actor.officeId) throw notFound('Akun');
  return user;
}

/** Inserts an account with a fresh temporary password (from the prepared pool when there is one). */
function insertAccount(ctx: HandlerContext, employeeId: string, username: string | null, isPengelola: boolean): IssuedAccount {
  const actor = requireActor(ctx);
  const credential = issueTemporaryCredential(ctx.core);
  const user = ctx.write.insert('users', {
    office_id: actor.officeId,
    employee_id: employeeId,
    username,
    password_hash: credential.hash,
    is_pengelola: isPengelola ? 1 : 0,
    is_admin_pusat: 0,
    must_change_password: 1,
    failed_count: 0,
    next_attempt_at: null,
    locked_until: null,
    last_login_at: null,
  });
  return { account: accountOf(ctx, actor.officeId, user.id), temporaryPassword: credential.password };
}

const hasAccount = (ctx: ReadContext, employeeId: string) =>
  ctx.core.q.first(ctx.core.db.selectFrom('users').select('id').where('employee_id', '=', employeeId).where('deleted_at', 'is', null)) !== undefined;

function goneRefusal(name: string, status: EmployeeStatus): AppError {
  return ruleViolation(`${name} berstatus ${employeeStatusLabels[status]}: pegawai yang pindah atau pensiun tidak dapat masuk. Ubah statusnya di halaman Pegawai bila ia kembali bertugas.`);
}

export const accountsHandlers: HandlerMap<
  'accounts.list' | 'accounts.create' | 'accounts.createMissing' | 'accounts.resetPassword' | 'accounts.deactivate' | 'accounts.reactivate'
> = {
  'accounts.list': (ctx, input) => {
    const actor = requireActor(ctx);
    let query = accountQuery(ctx.core, actor.officeId).orderBy('e.name');
    if (input.employeeId) query = query.where('u.employee_id', '=', input.employeeId);
    const all = ctx.core.q.all(query).map(toAccount);
    const without = employeesWithoutAccount(ctx, actor.officeId).filter((e) => !input.employeeId || e.id === input.employeeId);
    const counts = { total: all.length, aktif: 0, wajibGanti: 0, terkunci: 0, nonaktif: 0, perluNonaktif: 0, tanpaAkun: without.length };
    const key = { aktif: 'aktif', 'wajib-ganti': 'wajibGanti', terkunci: 'terkunci', nonaktif: 'nonaktif', 'perlu-nonaktif': 'perluNonaktif' } as const;
    for (const a of all) counts[key[statusOf(a, ctx.nowIso)]]++;
    const accounts = all.filter(
      (a) => matches(input.q, a) && (input.status === 'semua' || statusOf(a, ctx.nowIso) === input.status) && (!input.pengelolaOnly || a.isPengelola),
    );
    return {
      accounts,
      withoutAccount: without
        .filter((e) => matches(input.q, e))
        .map((e) => ({ employeeId: e.id, nip: e.nip, name: e.name, employeeStatus: (e.status ?? 'aktif') as EmployeeStatus })),
      counts,
    };
  },

  'accounts.create': (ctx, input) => {
    const actor = requireActor(ctx);
    const employee = ctx.core.q.first(
      ctx.core.db.selectFrom('employees').select(['id', 'office_id', 'name', 'status']).where('id', '=', input.employeeId).where('deleted_at', 'is', null),
    );
    if (!employee || employee.office_id !== actor.officeId) throw notFound('Pegawai');
    if (employee.status && isGone(employee.status)) throw goneRefusal(employee.name, employee.status);
    if (hasAccount(ctx, employee.id)) throw ruleViolation(`${employee.name} sudah memiliki akun. Gunakan "Atur ulang kata sandi" bila ia lupa kata sandinya.`);
    if (input.username && ctx.core.q.first(ctx.core.db.selectFrom('users').select('id').where('username', '=', input.username).where('deleted_at', 'is', null))) {
      throw new AppError('VALIDATION', 'Nama pengguna sudah dipakai.', { fields: { username: 'Nama pengguna sudah dipakai.' } });
    }
    return insertAccount(ctx, employee.id, input.username ?? null, input.isPengelola);
  },

  'accounts.createMissing': (ctx, input) => {
    const actor = requireActor(ctx);
    const without = employeesWithoutAccount(ctx, actor.officeId);
    let chosen = without;
    if (input.employeeIds) {
      const open = new Map(without.map((e) => [e.id, e]));
      chosen = [];
      for (const id of new Set(input.employeeIds)) {
        const e = open.get(id);
        if (e) {
          chosen.push(e);
          continue;
        }
        const known = ctx.core.q.first(ctx.core.db.selectFrom('employees').select(['name', 'office_id', 'status']).where('id', '=', id).where('deleted_at', 'is', null));
        if (!known || known.office_id !== actor.officeId) throw notFound('Pegawai');
        if (known.status && isGone(known.status)) throw goneRefusal(known.name, known.status);
        throw ruleViolation(`${known.name} sudah memiliki akun. Tidak ada akun yang dibuat.`);
      }
    }
    if (chosen.length === 0) throw ruleViolation('Semua pegawai aktif sudah memiliki akun. Tidak ada akun yang dibuat.');
    return { created: chosen.map((e) => insertAccount(ctx, e.id, null, false)) };
  },

  'accounts.resetPassword': (ctx, input) => {
    const actor = requireActor(ctx);
    const user = loadOfficeUser(ctx, input.userId);
    if (user.id === actor.userId) throw ruleViolation('Kata sandi Anda sendiri diganti lewat menu "Ganti kata sandi".');
    if (user.deactivated_at) throw ruleViolation('Akun ini nonaktif. Aktifkan kembali dulu, lalu atur ulang kata sandinya.');
    const credential = issueTemporaryCredential(ctx.core);
    ctx.write.update('users', user.id, {
      password_hash: credential.hash,
      must_change_password: 1,
      failed_count: 0,
      next_attempt_at: null,
      locked_until: null,
    });
    // Whoever holds a session of this account (or knew the old password) is out.
    endAllSessionsOf(ctx.core, user.id);
    return { account: accountOf(ctx, actor.officeId, user.id), temporaryPassword: credential.password };
  },

  'accounts.deactivate': (ctx, input) => {
    const actor = requireActor(ctx);
    const user = loadOfficeUser(ctx, input.userId);
    if (user.id === actor.userId) throw ruleViolation('Anda tidak dapat menonaktifkan akun Anda sendiri; mintalah Pengelola Kinerja lain.');
    if (user.deactivated_at) throw ruleViolation('Akun ini sudah nonaktif.');
    ctx.write.update('users', user.id, { deactivated_at: ctx.nowIso }, input.version, 'Akun');
    endAllSessionsOf(ctx.core, user.id);
    return { account: accountOf(ctx, actor.officeId, user.id) };
  },

  'accounts.reactivate': (ctx, input) => {
    const actor = requireActor(ctx);
    const user = loadOfficeUser(ctx, input.userId);
    if (!user.deactivated_at) throw ruleViolation('Akun ini sudah aktif.');
    const employee = ctx.core.q.first(ctx.core.db.selectFrom('employees').select(['name', 'status']).where('id', '=', user.employee_id));
    if (employee?.status && isGone(employee.status)) throw goneRefusal(employee.name, employee.status);
    ctx.write.update('users', user.id, { deactivated_at: null }, input.version, 'Akun');
    return { account: accountOf(ctx, actor.officeId, user.id) };
  },
};
