import type { CommandInput } from '../../shared/commands';
import type { Role } from '../../shared/roles';
import { confirmAuditHead } from '../../electron/core/audit/anchor';
import { recordCurrentState } from '../../electron/core/audit/baseline';
import { appendAudit } from '../../electron/core/audit/chain';
import type { DerivedRoleProvider } from '../../electron/core/auth/derived-roles';
import { writtenRows } from '../../electron/core/audit/rows';
import { RecordWriter } from '../../electron/core/db/records';
import type { Office, OfficeUser, Session } from './office';

let nipCounter = 100;

/** A valid, unique (per test process) PNS NIP: born 1990-01-01, TMT 2015-01, male, sequence n. */
export function nextTestNip(): string {
  nipCounter++;
  if (nipCounter > 999) throw new Error('nextTestNip: ran out of sequence numbers');
  return `199001012015011${String(nipCounter).padStart(3, '0')}`;
}

/**
 * Writes records through the real `RecordWriter` (stamps, change_log) with one audit row, as a
 * command would, for state no command can make (or that would cost a test too much to build).
 */
export function seedWrite<T>(office: Office, fn: (w: RecordWriter) => T, command = 'test.seed'): T {
  const core = office.core;
  const nowIso = office.clock.nowIso();
  const writer = new RecordWriter(core, () => office.officeId, nowIso);
  const result = core.sqlite.transaction(() => {
    const out = fn(writer);
    const first = writer.changes[0];
    appendAudit(core, {
      at: nowIso,
      actorUserId: null,
      actorNip: null,
      actorName: null,
      command,
      recordTable: first?.table ?? null,
      recordId: first?.id ?? null,
      before: null,
      after: writer.changes.map((c) => ({ table: c.table, id: c.id, after: c.after })),
    }, writtenRows(writer));
    return out;
  })();
  confirmAuditHead(core);
  return result;
}

export interface TestEmployee {
  id: string;
  nip: string;
  name: string;
  version: number;
}

/** Adds an employee (PNS, aktif) by dispatching `people.create` as the office admin. */
export function createEmployee(
  office: Office,
  fields: { nip?: string; name?: string; assignment?: CommandInput<'people.create'>['assignment'] } = {},
): TestEmployee {
  const nip = fields.nip ?? nextTestNip();
  const name = fields.name ?? `Pegawai Uji ${nip.slice(-3)}`;
  const { employee } = office.asAdmin('people.create', { nip, name, kind: 'PNS', status: 'aktif', assignment: fields.assignment });
  return { id: employee.id, nip: employee.nip, name: employee.name, version: employee.version };
}

// Pejabat Penilai is derived from the appraisal chain (people capability). Building a position tree
// for every test that needs an appraiser is costly, so tests may grant it through this provider,
// which every TestCore passes to Core.open besides the real ones.
const penilaiEmployees = new Set<string>();
export const testPenilaiProvider: DerivedRoleProvider = (_core, employeeId) => (penilaiEmployees.has(employeeId) ? ['penilai'] : []);

export function grantPenilai(employeeId: string): void {
  penilaiEmployees.add(employeeId);
}

export interface CreateUserOptions {
  password?: string;
  username?: string | null;
  name?: string;
  nip?: string;
  /** Keep the "must change the temporary password" flag auth.createAccount sets (default false). */
  mustChangePassword?: boolean;
  /** A first position for the employee (people.create's `assignment`). */
  assignment?: CommandInput<'people.create'>['assignment'];
}

/**
 * Adds an employee and an account with the given roles (every account is `pegawai`): both are
 * created by dispatching `people.create` and `auth.createAccount` as the office admin (so
 * `pengelola` is granted the real way); `admin_pusat` has no granting command yet and is set directly; `penilai` comes
 * from a test derived-role provider. The temporary-password flag is cleared directly (saves a
 * scrypt round) unless `mustChangePassword` is set.
 */
export function createUserWithRoles(office: Office, roles: readonly Role[] = ['pegawai'], options: CreateUserOptions = {}): OfficeUser {
  const employee = createEmployee(office, { nip: options.nip, name: options.name, assignment: options.assignment });
  const password = options.password ?? 'Sandi-Awal-2468';
  const { account } = office.asAdmin('auth.createAccount', {
    employeeId: employee.id,
    username: options.username ?? null,
    temporaryPassword: password,
    isPengelola: roles.includes('pengelola'),
  });
  const sql = office.core.sqlite;
  if (roles.includes('admin_pusat')) sql.prepare('UPDATE users SET is_admin_pusat = 1 WHERE id = ?').run(account.userId);
  if (!options.mustChangePassword) sql.prepare('UPDATE users SET must_change_password = 0 WHERE id = ?').run(account.userId);
  // The shortcut above is a write outside any command: the trail records it as the test's setup,
  // so `audit verify` holds in every test office (it would rightly name the row otherwise).
  if (roles.includes('admin_pusat') || !options.mustChangePassword) {
    recordCurrentState(office.core, { actorName: 'persiapan tes', command: 'tes.aturAkun', tables: ['users'], accept: (_t, s) => s.row.id === account.userId });
    confirmAuditHead(office.core);
  }
  if (roles.includes('penilai')) grantPenilai(employee.id);
  return { userId: account.userId, employeeId: employee.id, nip: employee.nip, name: employee.name, password };
}

/** Creates the user and signs them in (dispatch, no HTTP). */
export function createSignedInUser(office: Office, roles: readonly Role[] = ['pegawai'], options: CreateUserOptions = {}): OfficeUser & { session: Session } {
  const user = createUserWithRoles(office, roles, options);
  return { ...user, session: office.login(user.nip, user.password) };
}
