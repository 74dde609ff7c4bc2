/**
 * The foundation's write invariant, for EVERY write command of the contract: a successful write
 * leaves exactly one audit row (naming the command and its actor) and exactly one change_log row
 * per changed replicated record; a failing write leaves nothing at all.
 *
 * Adding a write command without a case here fails "every write command has a case" by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, commands, type CommandInput, type CommandName, type CommandOutput } from '../shared/commands';
import type { ErrorCode } from '../shared/errors';
import { perilakuCodes } from '../shared/skp/perilaku';
import { verifyAuditChain } from '../electron/core/audit/chain';
import { backupServiceFor, createBackupSync } from '../electron/core/backup';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { CentralStore, writeCentralConfig } from '../electron/core/central/store';
import { dispatchAsync } from '../electron/core/dispatch';
import { exportBundle, importBundle } from '../electron/core/sync/bundle';
import { enroll } from '../electron/core/sync/office';
import { registerSyncRoutes } from '../electron/server/sync';
import {
  auditRowsAfter,
  changeLogRowsAfter,
  createEmployee,
  createSignedInUser,
  createUserWithRoles,
  defaultSetup,
  nextTestNip,
  addRhk,
  approvedSkp,
  draftSkp,
  openYear,
  sampleRhk,
  skpTeam,
  submittedSkp,
  acknowledgedEvaluation,
  approvedEvalSkp,
  draftEvaluation,
  draftRealisasi,
  evalTeam,
  evidenceInput,
  filedAppeal,
  finalEvaluation,
  recordedDialogue,
  requestedDialogue,
  scheduledDialogue,
  submittedRealisasi,
  diffSnapshots,
  makeEmptyCore,
  makeOffice,
  maxSeq,
  makeCentralOf,
  makeTempDir,
  removeAllTempDirs,
  replicatedTablesIn,
  snapshot,
  type Office,
  type Session,
  type TestCore,
} from './helpers';

interface Run<N extends CommandName> {
  /** The database to run on (the shared office unless the case needs another). */
  on?: TestCore;
  input: CommandInput<N>;
  as: Session | null;
  /**
   * The audit row's actor: the session's user; for public commands that establish who acts
   * (login, first-run setup) the user they name, possibly known only from the result.
   */
  actorUserId: string | null | ((result: CommandOutput<N>) => string | null);
  /** The record the audit row names, when the case knows it. */
  record?: { table: string; id: string };
  /** Replicated records this call changes, per table. Non-replicated tables never appear in change_log. */
  replicated: Record<string, number>;
  /** Runs after the assertions, even when they fail (may wait, e.g. for a background backup). */
  cleanup?: () => void | Promise<void>;
}

interface Failing<N extends CommandName> {
  input: CommandInput<N>;
  as: Session | null;
  code: ErrorCode;
}

interface WriteCase<N extends CommandName> {
  run(office: Office): Run<N>;
  /** A call that fails (validation, a rule, a missing record) and therefore must write nothing. */
  failing(office: Office): Failing<N>;
}

/** One entry per write command; keyed by name so each case's input is typed by its command. */
type WriteCases = { [N in CommandName]?: WriteCase<N> };

const writeCases: WriteCases = {
  'setup.create': {
    run: () => {
      const empty = makeEmptyCore();
      return {
        on: empty,
        input: defaultSetup,
        as: null,
        // The first administrator, created by this very command, is named as the actor.
        actorUserId: (result) => result.adminUserId,
        replicated: { offices: 1, employees: 1 },
        cleanup: () => empty.close(),
      };
    },
    // The shared office is already set up.
    failing: () => ({ input: defaultSetup, as: null, code: 'RULE_VIOLATION' }),
  },
  'auth.login': {
    run: (office) => {
      const user = createUserWithRoles(office);
      return {
        input: { login: user.nip, password: user.password },
        as: null,
        // Login is public (no session yet): the handler names the user who signs in.
        actorUserId: user.userId,
        record: { table: 'users', id: user.userId },
        replicated: {},
      };
    },
    failing: () => ({ input: { login: '', password: '' }, as: null, code: 'VALIDATION' }),
  },
  'auth.logout': {
    run: (office) => {
      const user = createSignedInUser(office);
      return { input: {}, as: user.session, actorUserId: user.userId, record: { table: 'users', id: user.userId }, replicated: {} };
    },
    failing: (office) => ({ input: { unexpected: true } as unknown as CommandInput<'auth.logout'>, as: office.adminSession(), code: 'VALIDATION' }),
  },
  'auth.changePassword': {
    run: (office) => {
      const user = createSignedInUser(office);
      return {
        input: { currentPassword: user.password, newPassword: 'SandiBaru2025' },
        as: user.session,
        actorUserId: user.userId,
        record: { table: 'users', id: user.userId },
        replicated: {},
      };
    },
    // Fails inside the handler, after the password check.
    failing: (office) => ({ input: { currentPassword: 'BukanSandi1', newPassword: 'SandiBaru2025' }, as: office.adminSession(), code: 'VALIDATION' }),
  },
  'auth.createAccount': {
    run: (office) => {
      const employee = createEmployee(office);
      return {
        input: { employeeId: employee.id, temporaryPassword: 'Sementara1', username: `pegawai${employee.nip.slice(-3)}` },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        replicated: {},
      };
    },
    // The admin's own employee already has an account.
    failing: (office) => ({ input: { employeeId: office.admin.employeeId, temporaryPassword: 'Sementara1' }, as: office.adminSession(), code: 'RULE_VIOLATION' }),
  },
  'auth.resetPassword': {
    run: (office) => {
      const user = createUserWithRoles(office);
      return {
        input: { userId: user.userId, temporaryPassword: 'Sementara2' },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'users', id: user.userId },
        replicated: {},
      };
    },
    failing: (office) => ({ input: { userId: missingId, temporaryPassword: 'Sementara2' }, as: office.adminSession(), code: 'NOT_FOUND' }),
  },
  'accounts.create': {
    run: (office) => {
      const employee = createEmployee(office);
      return {
        input: { employeeId: employee.id, username: `akun${employee.nip.slice(-3)}` },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        replicated: {},
      };
    },
    // The admin's own employee already has an account.
    failing: (office) => ({ input: { employeeId: office.admin.employeeId }, as: office.adminSession(), code: 'RULE_VIOLATION' }),
  },
  'accounts.createMissing': {
    run: (office) => {
      const a = createEmployee(office);
      const b = createEmployee(office);
      return { input: { employeeIds: [a.id, b.id] }, as: office.adminSession(), actorUserId: office.admin.userId, replicated: {} };
    },
    // One of the chosen already has an account: the whole call is refused.
    failing: (office) => ({ input: { employeeIds: [createEmployee(office).id, office.admin.employeeId] }, as: office.adminSession(), code: 'RULE_VIOLATION' }),
  },
  'accounts.resetPassword': {
    run: (office) => {
      const user = createUserWithRoles(office);
      return { input: { userId: user.userId }, as: office.adminSession(), actorUserId: office.admin.userId, record: { table: 'users', id: user.userId }, replicated: {} };
    },
    failing: (office) => ({ input: { userId: missingId }, as: office.adminSession(), code: 'NOT_FOUND' }),
  },
  'accounts.deactivate': {
    run: (office) => {
      const user = createUserWithRoles(office);
      return {
        input: { userId: user.userId, version: currentVersion(office, user.userId) },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'users', id: user.userId },
        replicated: {},
      };
    },
    // One's own account cannot be deactivated.
    failing: (office) => ({ input: { userId: office.admin.userId, version: currentVersion(office, office.admin.userId) }, as: office.adminSession(), code: 'RULE_VIOLATION' }),
  },
  'accounts.reactivate': {
    run: (office) => {
      const user = createUserWithRoles(office);
      office.asAdmin('accounts.deactivate', { userId: user.userId, version: currentVersion(office, user.userId) });
      return {
        input: { userId: user.userId, version: currentVersion(office, user.userId) },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'users', id: user.userId },
        replicated: {},
      };
    },
    // An active account cannot be reactivated.
    failing: (office) => ({ input: { userId: office.admin.userId, version: currentVersion(office, office.admin.userId) }, as: office.adminSession(), code: 'RULE_VIOLATION' }),
  },
  'auth.setPengelola': {
    run: (office) => {
      const user = createUserWithRoles(office);
      return {
        input: { userId: user.userId, isPengelola: true, version: currentVersion(office, user.userId) },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'users', id: user.userId },
        replicated: {},
      };
    },
    // Revoking one's own role is refused.
    failing: (office) => ({
      input: { userId: office.admin.userId, isPengelola: false, version: currentVersion(office, office.admin.userId) },
      as: office.adminSession(),
      code: 'RULE_VIOLATION',
    }),
  },
  'backup.create': {
    // Its own office: the copy runs in the background and must finish before the office closes.
    run: () => {
      const o = makeOffice();
      return {
        on: o,
        input: {},
        as: o.adminSession(),
        actorUserId: o.admin.userId,
        replicated: {},
        cleanup: async () => {
          await backupServiceFor(o.core).idle();
          o.close();
        },
      };
    },
    failing: (office) => ({ input: { unexpected: true } as unknown as CommandInput<'backup.create'>, as: office.adminSession(), code: 'VALIDATION' }),
  },
  'backup.restore': {
    // Its own office: scheduling a restore leaves a request file for the next start.
    run: () => {
      const o = makeOffice();
      const backup = createBackupSync(o.core.sqlite, { dataDir: o.dir, kind: 'manual', now: o.clock.now() });
      return { on: o, input: { id: backup.id }, as: o.adminSession(), actorUserId: o.admin.userId, replicated: {}, cleanup: () => o.close() };
    },
    failing: (office) => ({ input: { id: '20250101T000000Z-manual' }, as: office.adminSession(), code: 'NOT_FOUND' }),
  },
  'sync.requestRun': {
    // Its own office, enrolled at a (not running) central: the request is a flag the background sync takes up.
    run: () => {
      const o = makeOffice();
      o.core.setMeta('sync.central_url', 'http://127.0.0.1:9');
      o.core.setMeta('sync.secret', 'ab'.repeat(32));
      return { on: o, input: {}, as: o.adminSession(), actorUserId: o.admin.userId, replicated: {}, cleanup: () => o.close() };
    },
    failing: (office) => ({ input: {}, as: office.adminSession(), code: 'RULE_VIOLATION' }),
  },
  // The central's commands run on the shared office with a central store attached (see beforeAll):
  // the store holds the registrations, the central's own database the audit entry.
  'central.addOffice': {
    run: () => ({ input: { name: `Kantor Uji ${++counter}`, code: null }, as: central.pusat(), actorUserId: central.pusatUserId, replicated: {} }),
    failing: () => ({ input: { name: 'ab' }, as: central.pusat(), code: 'VALIDATION' }),
  },
  'central.rotateSecret': {
    run: () => ({ input: { registrationId: central.rotateId }, as: central.pusat(), actorUserId: central.pusatUserId, record: { table: 'central_offices', id: central.rotateId }, replicated: {} }),
    failing: () => ({ input: { registrationId: missingRecordId }, as: central.pusat(), code: 'NOT_FOUND' }),
  },
  'central.revoke': {
    run: () => ({ input: { registrationId: central.revokeId }, as: central.pusat(), actorUserId: central.pusatUserId, record: { table: 'central_offices', id: central.revokeId }, replicated: {} }),
    failing: () => ({ input: { registrationId: missingRecordId }, as: central.pusat(), code: 'NOT_FOUND' }),
  },
  'central.importBundle': {
    run: () => ({ input: { fileName: 'kiriman.kinerja', contentBase64: central.bundle }, as: central.pusat(), actorUserId: central.pusatUserId, replicated: {} }),
    failing: () => ({ input: { fileName: 'kiriman.kinerja', contentBase64: Buffer.from('bukan bundel').toString('base64') }, as: central.pusat(), code: 'RULE_VIOLATION' }),
  },
  'sync.enroll': {
    // Its own office, enrolled at the test central on a loopback port with a code made in beforeAll.
    run: () => {
      const o = makeOffice();
      return { on: o, input: { centralUrl: central.url, code: central.enrolCode }, as: o.adminSession(), actorUserId: o.admin.userId, replicated: {}, cleanup: () => o.close() };
    },
    failing: (office) => ({ input: { centralUrl: 'pusat.lan', code: 'ABCD-EFGH' }, as: office.adminSession(), code: 'VALIDATION' }),
  },
  'sync.importReply': {
    // The enrolled office of beforeAll imports the central's reply to its bundle.
    run: () => ({ on: central.office, input: { fileName: 'balasan.kinerja', contentBase64: central.reply }, as: central.office.adminSession(), actorUserId: central.office.admin.userId, replicated: {} }),
    // The shared office is not enrolled.
    failing: (office) => ({ input: { fileName: 'balasan.kinerja', contentBase64: central.reply }, as: office.adminSession(), code: 'RULE_VIOLATION' }),
  },
  'org.updateOffice': {
    run: (office) => ({
      input: { version: officeVersion(office), address: `Jl. Ahmad Yani No. ${++counter}, Langsa` },
      as: office.adminSession(),
      actorUserId: office.admin.userId,
      record: { table: 'offices', id: office.officeId },
      replicated: { offices: 1 },
    }),
    failing: (office) => ({ input: { version: officeVersion(office) + 7, address: 'Jl. Basi' }, as: office.adminSession(), code: 'CONFLICT' }),
  },
  'org.createUnit': {
    run: (office) => ({ input: { kind: 'bidang', name: `Bidang Uji ${++counter}` }, as: office.adminSession(), actorUserId: office.admin.userId, replicated: { units: 1 } }),
    failing: (office) => {
      const name = `Bidang Kembar ${++counter}`;
      makeUnit(office, name);
      return { input: { kind: 'bidang', name }, as: office.adminSession(), code: 'VALIDATION' };
    },
  },
  'org.updateUnit': {
    run: (office) => {
      const unit = makeUnit(office);
      return {
        input: { id: unit.id, version: unit.version, name: `Bidang Diubah ${++counter}` },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'units', id: unit.id },
        replicated: { units: 1 },
      };
    },
    // A unit cannot become its own parent.
    failing: (office) => {
      const unit = makeUnit(office);
      return { input: { id: unit.id, version: unit.version, parentId: unit.id }, as: office.adminSession(), code: 'VALIDATION' };
    },
  },
  'org.removeUnit': {
    run: (office) => {
      const unit = makeUnit(office);
      return { input: { id: unit.id, version: unit.version }, as: office.adminSession(), actorUserId: office.admin.userId, record: { table: 'units', id: unit.id }, replicated: { units: 1 } };
    },
    // A unit with a sub-unit is kept.
    failing: (office) => {
      const parent = makeUnit(office);
      office.asAdmin('org.createUnit', { kind: 'seksi', name: `Seksi Anak ${++counter}`, parentId: parent.id });
      return { input: { id: parent.id, version: parent.version }, as: office.adminSession(), code: 'RULE_VIOLATION' };
    },
  },
  'org.createPosition': {
    run: (office) => ({
      input: { name: `Pengadministrasi Uji ${++counter}`, type: 'pelaksana', unitId: makeUnit(office).id },
      as: office.adminSession(),
      actorUserId: office.admin.userId,
      replicated: { positions: 1 },
    }),
    failing: (office) => ({
      input: { name: `Analis Tanpa Jenjang ${++counter}`, type: 'fungsional_keahlian', level: null },
      as: office.adminSession(),
      code: 'VALIDATION',
    }),
  },
  'org.updatePosition': {
    run: (office) => {
      const p = makePosition(office);
      return {
        input: { id: p.id, version: p.version, name: `Jabatan Diubah ${++counter}` },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'positions', id: p.id },
        replicated: { positions: 1 },
      };
    },
    failing: (office) => {
      const p = makePosition(office);
      return { input: { id: p.id, version: p.version, type: 'fungsional_keahlian' }, as: office.adminSession(), code: 'VALIDATION' };
    },
  },
  'org.removePosition': {
    run: (office) => {
      const p = makePosition(office);
      return { input: { id: p.id, version: p.version }, as: office.adminSession(), actorUserId: office.admin.userId, record: { table: 'positions', id: p.id }, replicated: { positions: 1 } };
    },
    // A position somebody holds is kept.
    failing: (office) => {
      const p = makePosition(office);
      createEmployee(office, { assignment: { positionId: p.id, startDate: '2025-01-02' } });
      return { input: { id: p.id, version: p.version }, as: office.adminSession(), code: 'RULE_VIOLATION' };
    },
  },
  'people.create': {
    // With a first position: two replicated records in one command.
    run: (office) => ({
      input: { nip: nextTestNip(), name: 'Pegawai Baru Uji', kind: 'PNS', status: 'aktif', assignment: { positionId: makePosition(office).id, startDate: '2025-01-02' } },
      as: office.adminSession(),
      actorUserId: office.admin.userId,
      replicated: { employees: 1, assignments: 1 },
    }),
    failing: (office) => ({ input: { nip: '19860231 201505 1 001', name: 'NIP Salah' }, as: office.adminSession(), code: 'VALIDATION' }),
  },
  'people.update': {
    run: (office) => {
      const e = createEmployee(office);
      return {
        input: { id: e.id, version: e.version, name: 'Nama Sesudah Diubah' },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'employees', id: e.id },
        replicated: { employees: 1 },
      };
    },
    failing: (office) => {
      const e = createEmployee(office);
      return { input: { id: e.id, version: e.version + 1, name: 'Versi Basi' }, as: office.adminSession(), code: 'CONFLICT' };
    },
  },
  'people.assign': {
    run: (office) => {
      const e = createEmployee(office);
      return {
        input: { employeeId: e.id, positionId: makePosition(office).id, startDate: '2025-02-03' },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        replicated: { assignments: 1 },
      };
    },
    failing: (office) => ({ input: { employeeId: missingId, positionId: makePosition(office).id, startDate: '2025-02-03' }, as: office.adminSession(), code: 'NOT_FOUND' }),
  },
  'people.endAssignment': {
    run: (office) => {
      const a = makeAssignment(office);
      return {
        input: { id: a.id, version: a.version, endDate: '2025-02-28' },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'assignments', id: a.id },
        replicated: { assignments: 1 },
      };
    },
    failing: (office) => {
      const a = makeAssignment(office);
      return { input: { id: a.id, version: a.version, endDate: '2024-12-31' }, as: office.adminSession(), code: 'VALIDATION' };
    },
  },
  'people.cancelAssignment': {
    // Sets the reason and tombstones the row: still one record, so one change_log row.
    run: (office) => {
      const a = makeAssignment(office);
      return {
        input: { id: a.id, version: a.version, reason: 'Salah memilih jabatan' },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'assignments', id: a.id },
        replicated: { assignments: 1 },
      };
    },
    failing: (office) => {
      const a = makeAssignment(office);
      return { input: { id: a.id, version: a.version + 3, reason: 'Versi yang basi' }, as: office.adminSession(), code: 'CONFLICT' };
    },
  },
  'people.setOverride': {
    run: (office) => {
      const e = createEmployee(office);
      const appraiser = createEmployee(office);
      return {
        input: { employeeId: e.id, appraiserEmployeeId: appraiser.id, startDate: '2025-01-01', reason: 'Penilai ditetapkan oleh Sekda' },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        replicated: { appraisal_overrides: 1 },
      };
    },
    failing: (office) => {
      const e = createEmployee(office);
      return { input: { employeeId: e.id, appraiserEmployeeId: e.id, startDate: '2025-01-01', reason: 'Menilai diri sendiri' }, as: office.adminSession(), code: 'VALIDATION' };
    },
  },
  'people.removeOverride': {
    run: (office) => {
      const o = makeOverride(office);
      return {
        input: { id: o.id, version: o.version },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'appraisal_overrides', id: o.id },
        replicated: { appraisal_overrides: 1 },
      };
    },
    failing: (office) => ({ input: { id: missingId, version: 1 }, as: office.adminSession(), code: 'NOT_FOUND' }),
  },
  'people.import': {
    run: (office) => ({
      input: { rows: [{ row: 2, nip: nextTestNip(), name: 'Impor Satu' }, { row: 3, nip: nextTestNip(), name: 'Impor Dua' }] },
      as: office.adminSession(),
      actorUserId: office.admin.userId,
      replicated: { employees: 2 },
    }),
    // All or nothing: the valid first row must not survive the invalid second one.
    failing: (office) => ({
      input: { rows: [{ row: 2, nip: nextTestNip(), name: 'Impor Sah' }, { row: 3, nip: '19860926 201513 1 001', name: 'Impor Salah' }] },
      as: office.adminSession(),
      code: 'VALIDATION',
    }),
  },
  'year.open': {
    run: (office) => ({ input: { year: nextYear() }, as: office.adminSession(), actorUserId: office.admin.userId, replicated: { performance_years: 1 } }),
    failing: (office) => ({ input: { year: 2019 }, as: office.adminSession(), code: 'VALIDATION' }),
  },
  'year.update': {
    run: (office) => {
      const y = openYear(office);
      return {
        input: { yearId: y.id, version: y.version, cadence: 'triwulanan' },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        record: { table: 'performance_years', id: y.id },
        replicated: { performance_years: 1 },
      };
    },
    failing: (office) => {
      const y = openYear(office);
      return { input: { yearId: y.id, version: y.version + 1, cadence: 'triwulanan' }, as: office.adminSession(), code: 'CONFLICT' };
    },
  },
  'year.close': {
    run: (office) => {
      const y = openYear(office);
      return { input: { yearId: y.id, version: y.version }, as: office.adminSession(), actorUserId: office.admin.userId, replicated: { performance_years: 1 } };
    },
    failing: (office) => {
      const y = openYear(office);
      const closed = office.asAdmin('year.close', { yearId: y.id, version: y.version });
      return { input: { yearId: y.id, version: closed.year.version }, as: office.adminSession(), code: 'RULE_VIOLATION' };
    },
  },
  'skp.create': {
    run: (office) => {
      const team = skpTeam(office);
      const y = openYear(office);
      return { input: { yearId: y.id }, as: team.staff.session, actorUserId: team.staff.userId, replicated: { skps: 1, skp_events: 1 } };
    },
    failing: (office) => ({ input: { yearId: missingId }, as: skpTeam(office).staff.session, code: 'NOT_FOUND' }),
  },
  'skp.setApproach': {
    run: (office) => {
      const ref = draftSkp(office);
      const team = skpTeam(office);
      return {
        input: { skpId: ref.skpId, version: ref.version, approach: 'kualitatif' },
        as: team.staff.session,
        actorUserId: team.staff.userId,
        record: { table: 'skps', id: ref.skpId },
        replicated: { skps: 1 },
      };
    },
    failing: (office) => {
      const ref = draftSkp(office);
      return { input: { skpId: ref.skpId, version: ref.version + 1, approach: 'kualitatif' }, as: skpTeam(office).staff.session, code: 'CONFLICT' };
    },
  },
  'skp.saveRhk': {
    // The RHK, its two indicators, and the SKP's own version.
    run: (office) => {
      const ref = draftSkp(office);
      const team = skpTeam(office);
      return {
        input: { skpId: ref.skpId, version: ref.version, rhk: sampleRhk() },
        as: team.staff.session,
        actorUserId: team.staff.userId,
        replicated: { skp_rhk: 1, skp_indicators: 2, skps: 1 },
      };
    },
    // Kuantitatif needs a number target.
    failing: (office) => {
      const ref = draftSkp(office);
      const rhk = { ...sampleRhk(), indicators: [{ aspek: 'kuantitas' as const, text: 'Tanpa target angka' }] };
      return { input: { skpId: ref.skpId, version: ref.version, rhk }, as: skpTeam(office).staff.session, code: 'VALIDATION' };
    },
  },
  'skp.removeRhk': {
    run: (office) => {
      const ref = addRhk(office, draftSkp(office));
      const team = skpTeam(office);
      return {
        input: { skpId: ref.skpId, version: ref.version, rhkId: ref.rhkId },
        as: team.staff.session,
        actorUserId: team.staff.userId,
        replicated: { skp_rhk: 1, skp_indicators: 2, skps: 1 },
      };
    },
    failing: (office) => {
      const ref = draftSkp(office);
      return { input: { skpId: ref.skpId, version: ref.version, rhkId: missingId }, as: skpTeam(office).staff.session, code: 'NOT_FOUND' };
    },
  },
  'skp.saveAnnex': {
    run: (office) => {
      const ref = draftSkp(office);
      const team = skpTeam(office);
      return {
        input: {
          skpId: ref.skpId,
          version: ref.version,
          dukungan_sumber_daya: ['Komputer dan pencetak'],
          skema_pertanggungjawaban: ['Laporan bulanan kepada atasan'],
          konsekuensi: ['Teguran lisan bila terlambat'],
        },
        as: team.staff.session,
        actorUserId: team.staff.userId,
        replicated: { skp_annex: 3, skps: 1 },
      };
    },
    // The head may not edit the staff member's plan.
    failing: (office) => {
      const ref = draftSkp(office);
      return {
        input: { skpId: ref.skpId, version: ref.version, dukungan_sumber_daya: ['x'], skema_pertanggungjawaban: [], konsekuensi: [] },
        as: skpTeam(office).head.session,
        code: 'RULE_VIOLATION',
      };
    },
  },
  'skp.setExpectations': {
    run: (office) => {
      const ref = draftSkp(office);
      const team = skpTeam(office);
      return {
        input: { skpId: ref.skpId, version: ref.version, expectations: [{ valueCode: perilakuCodes[0], text: 'Melayani tamu dengan ramah dan cepat' }] },
        as: team.head.session,
        actorUserId: team.head.userId,
        replicated: { skp_expectations: 1, skps: 1 },
      };
    },
    // A stale SKP version is only noticed after the expectation row is written: it must roll back.
    failing: (office) => {
      const ref = draftSkp(office);
      return {
        input: { skpId: ref.skpId, version: ref.version + 5, expectations: [{ valueCode: perilakuCodes[0], text: 'Ekspektasi yang basi' }] },
        as: skpTeam(office).head.session,
        code: 'CONFLICT',
      };
    },
  },
  'skp.submit': {
    run: (office) => {
      const ref = addRhk(office, draftSkp(office));
      const team = skpTeam(office);
      return {
        input: { skpId: ref.skpId, version: ref.version },
        as: team.staff.session,
        actorUserId: team.staff.userId,
        replicated: { skps: 1, skp_events: 1 },
      };
    },
    failing: (office) => {
      const ref = draftSkp(office);
      return { input: { skpId: ref.skpId, version: ref.version }, as: skpTeam(office).staff.session, code: 'RULE_VIOLATION' };
    },
  },
  'skp.return': {
    run: (office) => {
      const ref = submittedSkp(office);
      const team = skpTeam(office);
      return {
        input: { skpId: ref.skpId, version: ref.version, note: 'Target indikator kedua perlu diperjelas.' },
        as: team.head.session,
        actorUserId: team.head.userId,
        replicated: { skps: 1, skp_events: 1 },
      };
    },
    failing: (office) => {
      const ref = draftSkp(office);
      return { input: { skpId: ref.skpId, version: ref.version, note: 'Belum diajukan' }, as: skpTeam(office).head.session, code: 'RULE_VIOLATION' };
    },
  },
  'skp.approve': {
    run: (office) => {
      const ref = submittedSkp(office);
      const team = skpTeam(office);
      return {
        input: { skpId: ref.skpId, version: ref.version },
        as: team.head.session,
        actorUserId: team.head.userId,
        replicated: { skps: 1, skp_versions: 1, skp_events: 1 },
      };
    },
    failing: (office) => {
      const ref = draftSkp(office);
      return { input: { skpId: ref.skpId, version: ref.version }, as: skpTeam(office).head.session, code: 'RULE_VIOLATION' };
    },
  },
  'skp.approveMany': {
    run: (office) => {
      const a = submittedSkp(office);
      const b = submittedSkp(office);
      const team = skpTeam(office);
      return {
        input: { items: [{ skpId: a.skpId, version: a.version }, { skpId: b.skpId, version: b.version }] },
        as: team.head.session,
        actorUserId: team.head.userId,
        replicated: { skps: 2, skp_versions: 2, skp_events: 2 },
      };
    },
    // All or nothing: the first (approvable) SKP must not stay approved when the second is refused.
    failing: (office) => {
      const a = submittedSkp(office);
      const b = draftSkp(office);
      return {
        input: { items: [{ skpId: a.skpId, version: a.version }, { skpId: b.skpId, version: b.version }] },
        as: skpTeam(office).head.session,
        code: 'RULE_VIOLATION',
      };
    },
  },
  'skp.amend': {
    run: (office) => {
      const ref = approvedSkp(office);
      const team = skpTeam(office);
      return {
        input: { skpId: ref.skpId, version: ref.version, reason: 'Perubahan tugas di pertengahan tahun' },
        as: team.staff.session,
        actorUserId: team.staff.userId,
        replicated: { skps: 1, skp_events: 1 },
      };
    },
    failing: (office) => {
      const ref = draftSkp(office);
      return { input: { skpId: ref.skpId, version: ref.version, reason: 'Belum disetujui' }, as: skpTeam(office).staff.session, code: 'RULE_VIOLATION' };
    },
  },
  'skp.cascade': {
    // The head hands an RHK down to the staff member, whose SKP for the year does not exist yet:
    // the SKP is created and then touched in the same command, still one change_log row for it.
    run: (office) => {
      const team = skpTeam(office);
      const head = addRhk(office, draftSkp(office, 'head'), 'head');
      return {
        input: { sourceRhkId: head.rhkId, employeeIds: [team.staff.employeeId] },
        as: team.head.session,
        actorUserId: team.head.userId,
        replicated: { skps: 1, skp_events: 1, skp_rhk: 1, skp_indicators: 2 },
      };
    },
    // Not an appraisee of the head: refused, nothing created.
    failing: (office) => {
      const team = skpTeam(office);
      const head = addRhk(office, draftSkp(office, 'head'), 'head');
      return { input: { sourceRhkId: head.rhkId, employeeIds: [team.staff.employeeId, office.admin.employeeId] }, as: team.head.session, code: 'RULE_VIOLATION' };
    },
  },
  // Monitoring and evaluation (fixtures: tests/helpers/evaluation.ts). The employee reports to the
  // Kasubbag (appraiser), whose own appraiser is the office head (atasan penilai).
  'realisasi.save': {
    // First save of a period: its report row (draf) and one realisasi row per indicator.
    run: (office) => {
      const s = approvedEvalSkp(office);
      const team = evalTeam(office);
      return {
        input: {
          skpId: s.skpId,
          period: s.period,
          entries: [
            { indicatorId: s.indicatorIds[0]!, version: null, value: 11, notes: 'Laporan Januari lengkap' },
            { indicatorId: s.indicatorIds[1]!, version: null, value: 1, description: 'Tepat waktu' },
          ],
        },
        as: team.employee.session,
        actorUserId: team.employee.userId,
        replicated: { period_reports: 1, realisasi: 2 },
      };
    },
    // The report row and the first entry are written before the second entry is refused: all roll back.
    failing: (office) => {
      const s = approvedEvalSkp(office);
      return {
        input: { skpId: s.skpId, period: s.period, entries: [{ indicatorId: s.indicatorIds[0]!, version: null, value: 3 }, { indicatorId: missingId, version: null, value: 4 }] },
        as: evalTeam(office).employee.session,
        code: 'VALIDATION',
      };
    },
  },
  'realisasi.submit': {
    run: (office) => {
      const r = draftRealisasi(office);
      const team = evalTeam(office);
      return { input: { skpId: r.skpId, period: r.period }, as: team.employee.session, actorUserId: team.employee.userId, replicated: { period_reports: 1 } };
    },
    // Nothing reported yet for the period.
    failing: (office) => {
      const s = approvedEvalSkp(office);
      return { input: { skpId: s.skpId, period: s.period }, as: evalTeam(office).employee.session, code: 'RULE_VIOLATION' };
    },
  },
  'realisasi.withdraw': {
    // The sent report goes back to draf (one period_reports row) while the appraiser has not judged it.
    run: (office) => {
      const r = submittedRealisasi(office);
      const team = evalTeam(office);
      return { input: { skpId: r.skpId, period: r.period }, as: team.employee.session, actorUserId: team.employee.userId, replicated: { period_reports: 1 } };
    },
    // The appraiser has started (a draft evaluation exists): refused, still sent.
    failing: (office) => {
      const e = draftEvaluation(office);
      return { input: { skpId: e.skpId, period: e.period }, as: evalTeam(office).employee.session, code: 'RULE_VIOLATION' };
    },
  },
  'realisasi.addEvidence': {
    // A file on a period not reported yet: the evidence row and the period's report row.
    run: (office) => {
      const s = approvedEvalSkp(office);
      const team = evalTeam(office);
      return {
        input: { skpId: s.skpId, period: s.period, indicatorId: s.indicatorIds[0]!, file: evidenceInput() },
        as: team.employee.session,
        actorUserId: team.employee.userId,
        replicated: { evidence: 1, period_reports: 1 },
      };
    },
    // A PDF renamed to .png.
    failing: (office) => {
      const s = approvedEvalSkp(office);
      return { input: { skpId: s.skpId, period: s.period, file: evidenceInput('foto.png') }, as: evalTeam(office).employee.session, code: 'VALIDATION' };
    },
  },
  'realisasi.removeEvidence': {
    run: (office) => {
      const r = draftRealisasi(office);
      const team = evalTeam(office);
      return {
        input: { evidenceId: r.evidenceId },
        as: team.employee.session,
        actorUserId: team.employee.userId,
        record: { table: 'evidence', id: r.evidenceId },
        replicated: { evidence: 1 },
      };
    },
    // The period was sent to the appraiser: its evidence stays.
    failing: (office) => {
      const r = submittedRealisasi(office);
      return { input: { evidenceId: r.evidenceId }, as: evalTeam(office).employee.session, code: 'RULE_VIOLATION' };
    },
  },
  'feedback.post': {
    run: (office) => {
      const s = approvedEvalSkp(office);
      const team = evalTeam(office);
      return {
        input: { skpId: s.skpId, period: s.period, target: { kind: 'rhk', rhkId: s.rhkId }, body: 'Laporan rapi; lampirkan juga daftar surat keluar.' },
        as: team.appraiser.session,
        actorUserId: team.appraiser.userId,
        replicated: { feedback: 1 },
      };
    },
    failing: (office) => {
      const s = approvedEvalSkp(office);
      return { input: { skpId: s.skpId, period: s.period, target: { kind: 'rhk', rhkId: missingId }, body: 'RHK yang tidak ada' }, as: evalTeam(office).appraiser.session, code: 'NOT_FOUND' };
    },
  },
  'feedback.markRead': {
    run: (office) => {
      const s = approvedEvalSkp(office);
      const team = evalTeam(office);
      office.call('feedback.post', { skpId: s.skpId, period: s.period, target: { kind: 'umum' }, body: 'Terus semangat.' }, team.appraiser.session);
      return { input: { skpId: s.skpId }, as: team.employee.session, actorUserId: team.employee.userId, replicated: { feedback_reads: 1 } };
    },
    // Not their SKP.
    failing: (office) => ({ input: { skpId: approvedEvalSkp(office).skpId }, as: evalTeam(office).outsider.session, code: 'FORBIDDEN' }),
  },
  'dialogue.request': {
    run: (office) => {
      const s = approvedEvalSkp(office);
      const team = evalTeam(office);
      return {
        input: { kind: 'pemantauan', skpId: s.skpId, note: 'Saya ingin membahas beban kerja.' },
        as: team.employee.session,
        actorUserId: team.employee.userId,
        replicated: { dialogues: 1 },
      };
    },
    // The appraiser asks for a dialogue with somebody they do not appraise.
    failing: (office) => {
      const team = evalTeam(office);
      return { input: { kind: 'pemantauan', employeeId: team.outsider.employeeId }, as: team.appraiser.session, code: 'FORBIDDEN' };
    },
  },
  'dialogue.schedule': {
    run: (office) => {
      const d = requestedDialogue(office);
      const team = evalTeam(office);
      return {
        input: { dialogueId: d.dialogueId, version: d.version, scheduledAt: `${d.year}-03-10T09:00:00+07:00`, place: 'Ruang rapat', agenda: 'Beban kerja' },
        as: team.appraiser.session,
        actorUserId: team.appraiser.userId,
        record: { table: 'dialogues', id: d.dialogueId },
        replicated: { dialogues: 1 },
      };
    },
    failing: (office) => {
      const d = requestedDialogue(office);
      return {
        input: { dialogueId: d.dialogueId, version: d.version + 1, scheduledAt: `${d.year}-03-10T09:00:00+07:00`, agenda: 'Versi basi' },
        as: evalTeam(office).appraiser.session,
        code: 'CONFLICT',
      };
    },
  },
  'dialogue.record': {
    // Minutes written again: the earlier action is tombstoned, the two new ones inserted.
    run: (office) => {
      const d = recordedDialogue(office);
      const team = evalTeam(office);
      return {
        input: {
          dialogueId: d.dialogueId,
          version: d.version,
          discussion: 'Volume surat naik 40% sejak Januari; arsip tertunda.',
          actions: [
            { text: 'Menyusun pembagian tugas arsip', owner: 'penilai', dueDate: '2025-03-17' },
            { text: 'Memindai arsip 2024', owner: 'pegawai' },
          ],
        },
        as: team.appraiser.session,
        actorUserId: team.appraiser.userId,
        record: { table: 'dialogues', id: d.dialogueId },
        replicated: { dialogues: 1, dialogue_actions: 3 },
      };
    },
    // Confirmed by both sides: the minutes are closed.
    failing: (office) => {
      const d = recordedDialogue(office);
      const team = evalTeam(office);
      const v1 = office.call('dialogue.confirm', { dialogueId: d.dialogueId, version: d.version }, team.employee.session).dialogue.version;
      const v2 = office.call('dialogue.confirm', { dialogueId: d.dialogueId, version: v1 }, team.appraiser.session).dialogue.version;
      return { input: { dialogueId: d.dialogueId, version: v2, discussion: 'Ubah notulen', actions: [] }, as: team.appraiser.session, code: 'RULE_VIOLATION' };
    },
  },
  'dialogue.confirm': {
    run: (office) => {
      const d = recordedDialogue(office);
      const team = evalTeam(office);
      return {
        input: { dialogueId: d.dialogueId, version: d.version },
        as: team.employee.session,
        actorUserId: team.employee.userId,
        record: { table: 'dialogues', id: d.dialogueId },
        replicated: { dialogues: 1 },
      };
    },
    // Nothing recorded yet.
    failing: (office) => {
      const d = scheduledDialogue(office);
      return { input: { dialogueId: d.dialogueId, version: d.version }, as: evalTeam(office).employee.session, code: 'RULE_VIOLATION' };
    },
  },
  'dialogue.cancel': {
    run: (office) => {
      const d = requestedDialogue(office);
      const team = evalTeam(office);
      return {
        input: { dialogueId: d.dialogueId, version: d.version, reason: 'Sudah dibahas dalam rapat staf.' },
        as: team.employee.session,
        actorUserId: team.employee.userId,
        record: { table: 'dialogues', id: d.dialogueId },
        replicated: { dialogues: 1 },
      };
    },
    failing: (office) => {
      const d = recordedDialogue(office);
      return { input: { dialogueId: d.dialogueId, version: d.version, reason: 'Terlambat' }, as: evalTeam(office).employee.session, code: 'RULE_VIOLATION' };
    },
  },
  'dialogue.completeAction': {
    run: (office) => {
      const d = recordedDialogue(office);
      const team = evalTeam(office);
      return {
        input: { actionId: d.actionIds[0]!, done: true },
        as: team.appraiser.session,
        actorUserId: team.appraiser.userId,
        record: { table: 'dialogue_actions', id: d.actionIds[0]! },
        replicated: { dialogue_actions: 1 },
      };
    },
    // Marking an open action "not done" changes nothing and is refused.
    failing: (office) => ({ input: { actionId: recordedDialogue(office).actionIds[0]!, done: false }, as: evalTeam(office).appraiser.session, code: 'RULE_VIOLATION' }),
  },
  'evaluation.save': {
    // A first save inserts the evaluation and then sets its ratings: one change_log row for it.
    run: (office) => {
      const r = submittedRealisasi(office);
      const team = evalTeam(office);
      return {
        input: { skpId: r.skpId, period: r.period, version: null, rhk: [{ rhkId: r.rhkId, judgement: 'diatas' }], resultsRating: 'diatas', behaviourRating: 'sesuai', notes: 'Pertahankan.' },
        as: team.appraiser.session,
        actorUserId: team.appraiser.userId,
        replicated: { evaluations: 1, evaluation_rhk: 1 },
      };
    },
    // "Di atas" while the Utama RHK is below: refused after the evaluation and judgement rows were written.
    failing: (office) => {
      const r = submittedRealisasi(office);
      return {
        input: { skpId: r.skpId, period: r.period, version: null, rhk: [{ rhkId: r.rhkId, judgement: 'dibawah' }], resultsRating: 'diatas', behaviourRating: 'diatas' },
        as: evalTeam(office).appraiser.session,
        code: 'RULE_VIOLATION',
      };
    },
  },
  'evaluation.finalize': {
    run: (office) => {
      const e = draftEvaluation(office);
      const team = evalTeam(office);
      return {
        input: { evaluationId: e.evaluationId, version: e.evaluationVersion },
        as: team.appraiser.session,
        actorUserId: team.appraiser.userId,
        record: { table: 'evaluations', id: e.evaluationId },
        replicated: { evaluations: 1 },
      };
    },
    // The behaviour rating is missing.
    failing: (office) => {
      const e = draftEvaluation(office, { behaviour: null });
      return { input: { evaluationId: e.evaluationId, version: e.evaluationVersion }, as: evalTeam(office).appraiser.session, code: 'RULE_VIOLATION' };
    },
  },
  'evaluation.finalizeMany': {
    run: (office) => {
      const a = draftEvaluation(office);
      const b = draftEvaluation(office);
      const team = evalTeam(office);
      return {
        input: { items: [{ evaluationId: a.evaluationId, version: a.evaluationVersion }, { evaluationId: b.evaluationId, version: b.evaluationVersion }] },
        as: team.appraiser.session,
        actorUserId: team.appraiser.userId,
        replicated: { evaluations: 2 },
      };
    },
    // All or nothing: the first (complete) evaluation must not stay locked when the second is refused.
    failing: (office) => {
      const a = draftEvaluation(office);
      const b = draftEvaluation(office, { results: null });
      return {
        input: { items: [{ evaluationId: a.evaluationId, version: a.evaluationVersion }, { evaluationId: b.evaluationId, version: b.evaluationVersion }] },
        as: evalTeam(office).appraiser.session,
        code: 'RULE_VIOLATION',
      };
    },
  },
  'evaluation.acknowledge': {
    run: (office) => {
      const e = finalEvaluation(office);
      const team = evalTeam(office);
      return {
        input: { evaluationId: e.evaluationId, version: e.evaluationVersion },
        as: team.employee.session,
        actorUserId: team.employee.userId,
        record: { table: 'evaluations', id: e.evaluationId },
        replicated: { evaluations: 1 },
      };
    },
    // Not final yet.
    failing: (office) => {
      const e = draftEvaluation(office);
      return { input: { evaluationId: e.evaluationId, version: e.evaluationVersion }, as: evalTeam(office).employee.session, code: 'RULE_VIOLATION' };
    },
  },
  'evaluation.setOrgRating': {
    run: (office) => {
      const y = openYear(office);
      return {
        input: { yearId: y.id, period: '1', unitId: null, version: null, rating: 'baik', note: 'Capaian kinerja Januari' },
        as: office.adminSession(),
        actorUserId: office.admin.userId,
        replicated: { org_ratings: 1 },
      };
    },
    // A quarter in a monthly year.
    failing: (office) => ({ input: { yearId: openYear(office).id, period: 'Q1', unitId: null, version: null, rating: 'baik' }, as: office.adminSession(), code: 'RULE_VIOLATION' }),
  },
  'appeal.file': {
    run: (office) => {
      const e = acknowledgedEvaluation(office);
      const team = evalTeam(office);
      return {
        input: { evaluationId: e.evaluationId, reasons: 'Realisasi saya melampaui target pada semua indikator.' },
        as: team.employee.session,
        actorUserId: team.employee.userId,
        replicated: { appeals: 1 },
      };
    },
    // Final but not acknowledged: the 14 days have not started.
    failing: (office) => {
      const e = finalEvaluation(office);
      return { input: { evaluationId: e.evaluationId, reasons: 'Terlalu cepat' }, as: evalTeam(office).employee.session, code: 'RULE_VIOLATION' };
    },
  },
  'appeal.explain': {
    run: (office) => {
      const a = filedAppeal(office);
      const team = evalTeam(office);
      return {
        input: { appealId: a.appealId, version: a.appealVersion, explanation: 'Perilaku kolaboratif masih perlu ditingkatkan.' },
        as: team.appraiser.session,
        actorUserId: team.appraiser.userId,
        record: { table: 'appeals', id: a.appealId },
        replicated: { appeals: 1 },
      };
    },
    // The atasan decides; they do not explain.
    failing: (office) => {
      const a = filedAppeal(office);
      return { input: { appealId: a.appealId, version: a.appealVersion, explanation: 'Bukan peran saya' }, as: evalTeam(office).atasan.session, code: 'RULE_VIOLATION' };
    },
  },
  'appeal.decide': {
    // Changed: the appeal and the final evaluation it changes.
    run: (office) => {
      const a = filedAppeal(office);
      const team = evalTeam(office);
      return {
        input: { appealId: a.appealId, version: a.appealVersion, decision: 'diubah', behaviourRating: 'diatas', reason: 'Bukti kolaborasi cukup.' },
        as: team.atasan.session,
        actorUserId: team.atasan.userId,
        record: { table: 'appeals', id: a.appealId },
        replicated: { appeals: 1, evaluations: 1 },
      };
    },
    // The appraiser cannot decide an appeal against their own evaluation.
    failing: (office) => {
      const a = filedAppeal(office);
      return {
        input: { appealId: a.appealId, version: a.appealVersion, decision: 'diubah', behaviourRating: 'diatas', reason: 'Saya ubah sendiri' },
        as: evalTeam(office).appraiser.session,
        code: 'RULE_VIOLATION',
      };
    },
  },
};

const missingId = '0190a000-0000-7000-8000-000000000000';
let counter = 0;
let yearOffset = 0;

/** A year number no other case opened (openYear counts up from 2020; this counts down from 2100). */
function nextYear(): number {
  return 2100 - yearOffset++;
}

function officeVersion(office: Office): number {
  return office.asAdmin('org.getOffice', {}).office.version;
}

function makeUnit(office: Office, name = `Bidang Bantu ${++counter}`): { id: string; version: number } {
  const { unit } = office.asAdmin('org.createUnit', { kind: 'bidang', name });
  return { id: unit.id, version: unit.version };
}

function makePosition(office: Office): { id: string; version: number } {
  const { position } = office.asAdmin('org.createPosition', { name: `Jabatan Bantu ${++counter}`, type: 'pelaksana', unitId: null });
  return { id: position.id, version: position.version };
}

function makeAssignment(office: Office): { id: string; version: number } {
  const e = createEmployee(office, { assignment: { positionId: makePosition(office).id, startDate: '2025-01-02' } });
  const a = office.core.sqlite.prepare('SELECT id, version FROM assignments WHERE employee_id = ?').get(e.id) as { id: string; version: number };
  return a;
}

function makeOverride(office: Office): { id: string; version: number } {
  const e = createEmployee(office);
  const appraiser = createEmployee(office);
  const { override } = office.asAdmin('people.setOverride', {
    employeeId: e.id,
    appraiserEmployeeId: appraiser.id,
    startDate: '2025-01-01',
    reason: 'Penilai ditetapkan oleh Sekda',
  });
  return { id: override.id, version: override.version };
}

function currentVersion(office: Office, userId: string): number {
  return (office.core.sqlite.prepare('SELECT version FROM users WHERE id = ?').get(userId) as { version: number }).version;
}

const writeCommandNames = commandNames.filter((n) => commands[n].kind === 'write');
const readCommandNames = commandNames.filter((n) => commands[n].kind === 'read');

/** What the read cases read: one appealed evaluation (approved SKP, sent realisasi, final result) and a dialogue. */
interface ReadFixtures {
  appeal: ReturnType<typeof filedAppeal>;
  dialogue: ReturnType<typeof recordedDialogue>;
  admin: Session;
  employee: Session;
  appraiser: Session;
  employeeId: string;
}

function readFixtures(o: Office): ReadFixtures {
  const appeal = filedAppeal(o);
  const dialogue = recordedDialogue(o);
  const team = evalTeam(o);
  return { appeal, dialogue, admin: o.adminSession(), employee: team.employee.session, appraiser: team.appraiser.session, employeeId: team.employee.employeeId };
}

type ReadCase<N extends CommandName> = (f: ReadFixtures) => { input: CommandInput<N>; as: Session | null; on?: TestCore };

/**
 * A valid input for every read command, run as a caller who may use it, so that "reads never
 * write" runs each handler for real (a call refused by validation or access proves nothing).
 */
const readCases: { [N in CommandName]?: ReadCase<N> } = {
  'setup.status': () => ({ input: {}, as: null }),
  'auth.me': (f) => ({ input: {}, as: f.employee }),
  'auth.listAccounts': (f) => ({ input: {}, as: f.admin }),
  'accounts.list': (f) => ({ input: { q: '', status: 'semua' }, as: f.admin }),
  'home.summary': (f) => ({ input: {}, as: f.admin }),
  'audit.verify': (f) => ({ input: {}, as: f.admin }),
  'audit.list': (f) => ({ input: { limit: 20 }, as: f.admin }),
  'audit.actors': (f) => ({ input: {}, as: f.admin }),
  'audit.get': (f) => ({ input: { seq: 1 }, as: f.admin }),
  'sync.status': (f) => ({ input: {}, as: f.admin }),
  'sync.announcements': (f) => ({ input: {}, as: f.admin }),
  'sync.exportBundle': () => ({ input: {}, as: central.office.adminSession(), on: central.office }),
  'central.offices': () => ({ input: {}, as: central.pusat() }),
  'central.rejects': () => ({ input: { registrationId: central.rotateId }, as: central.pusat() }),
  'year.list': (f) => ({ input: {}, as: f.employee }),
  'year.today': (f) => ({ input: {}, as: f.employee }),
  'skp.list': (f) => ({ input: { yearId: f.appeal.yearId }, as: f.employee }),
  'skp.get': (f) => ({ input: { skpId: f.appeal.skpId }, as: f.employee }),
  'skp.compare': (f) => ({ input: { skpId: f.appeal.skpId, from: 1, to: 1 }, as: f.employee }),
  'skp.parentOptions': (f) => ({ input: { skpId: f.appeal.skpId }, as: f.employee }),
  'skp.cascadeTree': (f) => ({ input: { yearId: f.appeal.yearId }, as: f.admin }),
  'skp.inbox': (f) => ({ input: { yearId: f.appeal.yearId }, as: f.appraiser }),
  'skp.monitor': (f) => ({ input: { yearId: f.appeal.yearId }, as: f.admin }),
  'realisasi.get': (f) => ({ input: { skpId: f.appeal.skpId, period: f.appeal.period }, as: f.employee }),
  'realisasi.incoming': (f) => ({ input: { yearId: f.appeal.yearId }, as: f.appraiser }),
  'feedback.thread': (f) => ({ input: { skpId: f.appeal.skpId, period: f.appeal.period }, as: f.employee }),
  'feedback.unread': (f) => ({ input: {}, as: f.employee }),
  'dialogue.list': (f) => ({ input: { skpId: f.dialogue.skpId }, as: f.employee }),
  'evaluation.get': (f) => ({ input: { skpId: f.appeal.skpId, period: f.appeal.period }, as: f.employee }),
  'evaluation.pending': (f) => ({ input: { yearId: f.appeal.yearId, period: f.appeal.period }, as: f.appraiser }),
  'evaluation.mine': (f) => ({ input: { yearId: f.appeal.yearId }, as: f.employee }),
  'evaluation.orgRatings': (f) => ({ input: { yearId: f.appeal.yearId, period: f.appeal.period }, as: f.admin }),
  'appeal.get': (f) => ({ input: { appealId: f.appeal.appealId }, as: f.employee }),
  'appeal.list': (f) => ({ input: { scope: 'office' }, as: f.admin }),
  'distribution.get': (f) => ({ input: { yearId: f.appeal.yearId, period: f.appeal.period }, as: f.admin }),
  'reports.officeDashboard': (f) => ({ input: { yearId: f.appeal.yearId, period: f.appeal.period }, as: f.admin }),
  'reports.team': (f) => ({ input: { yearId: f.appeal.yearId }, as: f.appraiser }),
  'reports.myYear': (f) => ({ input: { yearId: f.appeal.yearId }, as: f.employee }),
  'reports.reminders': (f) => ({ input: {}, as: f.employee }),
  'reports.waiting': (f) => ({ input: {}, as: f.appraiser }),
  'backup.list': (f) => ({ input: {}, as: f.admin }),
  'org.getOffice': (f) => ({ input: {}, as: f.employee }),
  'org.listUnits': (f) => ({ input: {}, as: f.admin }),
  'org.listPositions': (f) => ({ input: { includeHolders: true }, as: f.admin }),
  'people.list': (f) => ({ input: { q: '', limit: 50 }, as: f.admin }),
  'people.get': (f) => ({ input: { id: f.employeeId }, as: f.employee }),
  'people.appraisalChain': (f) => ({ input: { employeeId: f.employeeId }, as: f.employee }),
  'people.problems': (f) => ({ input: {}, as: f.admin }),
  'people.importPreview': (f) => ({ input: { rows: [{ row: 2, nip: nextTestNip(), name: 'Pegawai Pratinjau' }] }, as: f.admin }),
  'people.exportRows': (f) => ({ input: {}, as: f.admin }),
};

/** Every command as a transport sends it (dispatchAsync runs the synchronous ones as dispatch does). */
function callRaw(t: TestCore, name: CommandName, input: unknown, as: Session | null) {
  return dispatchAsync(t.core, name, input, { transport: 'ipc', sessionToken: as?.token ?? null, requireCsrf: false });
}

const missingRecordId = '0190a000-0000-7000-8000-00000000beef';

let office: Office;

/** A central store attached to the shared office, served on a loopback port, and an office enrolled there. */
const central = {} as {
  store: CentralStore;
  app: FastifyInstance;
  url: string;
  pusat: () => Session;
  pusatUserId: string;
  rotateId: string;
  revokeId: string;
  enrolCode: string;
  office: Office;
  bundle: string;
  reply: string;
};

beforeAll(async () => {
  office = makeOffice();
  const dir = makeTempDir('kinerja-central-');
  writeCentralConfig(dir, { name: 'BKPSDM Kota Langsa', databaseUrl: null });
  central.store = await CentralStore.open({ dataDir: dir, now: () => office.clock.now().getTime() });
  central.app = Fastify({ logger: false });
  await registerSyncRoutes(central.app, central.store);
  await central.app.listen({ port: 0, host: '127.0.0.1' });
  central.url = `http://127.0.0.1:${(central.app.server.address() as AddressInfo).port}`;
  const c = makeCentralOf(office, central.store);
  central.pusat = c.adminPusat;
  central.pusatUserId = (office.core.sqlite.prepare('SELECT id FROM users WHERE is_admin_pusat = 1').get() as { id: string }).id;
  central.rotateId = (await central.store.addOffice({ name: 'Kantor Ganti Kunci' })).registrationId;
  central.revokeId = (await central.store.addOffice({ name: 'Kantor Dicabut' })).registrationId;
  central.enrolCode = (await central.store.addOffice({ name: 'Kantor Daftar Layar' })).enrolmentCode;
  central.office = makeOffice({ setup: { officeName: 'Dinas Bundel Kota Langsa', officeCode: 'BUNDEL' } });
  await enroll(central.office.core, { centralUrl: central.url, code: (await central.store.addOffice({ name: 'Kantor Bundel' })).enrolmentCode });
  const bundle = exportBundle(central.office.core).file;
  central.bundle = bundle.toString('base64');
  central.reply = (await importBundle(central.store, bundle)).reply.toString('base64');
});

afterAll(async () => {
  await central.app?.close();
  await central.store?.close();
  central.office?.close();
  office?.close();
  removeAllTempDirs();
});

describe('write cases cover the contract', () => {
  it('every write command has a case', () => {
    const missing = writeCommandNames.filter((n) => !writeCases[n]);
    expect(missing, `write commands without an entry in writeCases (tests/write-invariants.test.ts): ${missing.join(', ')}`).toEqual([]);
  });

  it('every case is a write command', () => {
    const stale = Object.keys(writeCases).filter((n) => !writeCommandNames.includes(n as CommandName));
    expect(stale, `writeCases entries that are not write commands: ${stale.join(', ')}`).toEqual([]);
  });
});

describe.each(writeCommandNames)('%s', (name) => {
  it('succeeds with exactly one audit row and one change_log row per changed replicated record', async () => {
    const wc = writeCases[name] as WriteCase<CommandName> | undefined;
    if (!wc) throw new Error(`no write case for ${name}: add one to writeCases`);
    const run = wc.run(office);
    const t = run.on ?? office;
    try {
      const replicated = replicatedTablesIn(t.core);
      const auditSeq = maxSeq(t.core, 'audit_log');
      const changeSeq = maxSeq(t.core, 'change_log');
      const before = snapshot(t.core, replicated);

      const { result } = await callRaw(t, name, run.input, run.as);
      const actorUserId = typeof run.actorUserId === 'function' ? run.actorUserId(result) : run.actorUserId;

      const audit = auditRowsAfter(t.core, auditSeq);
      expect(audit, 'exactly one audit row').toHaveLength(1);
      const row = audit[0]!;
      expect(row.command).toBe(name);
      expect(row.actor_user_id).toBe(actorUserId);
      if (actorUserId) {
        const actor = t.core.sqlite
          .prepare('SELECT e.nip, e.name FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.id = ?')
          .get(actorUserId) as { nip: string; name: string };
        expect(row.actor_nip).toBe(actor.nip);
        expect(row.actor_name).toBe(actor.name);
      } else {
        expect(row.actor_nip).toBeNull();
      }
      if (run.record) expect({ table: row.record_table, id: row.record_id }).toEqual(run.record);

      // change_log: exactly the replicated records that changed, once each.
      const changed = diffSnapshots(before, snapshot(t.core, replicated));
      const logged = changeLogRowsAfter(t.core, changeSeq);
      const key = (table: string, id: string) => `${table}/${id}`;
      expect(logged.map((c) => key(c.table_name, c.row_id)).sort()).toEqual(changed.map((d) => key(d.table, d.id)).sort());
      const perTable: Record<string, number> = {};
      for (const c of logged) perTable[c.table_name] = (perTable[c.table_name] ?? 0) + 1;
      expect(perTable).toEqual(run.replicated);

      // Each change_log row carries the record as written, with its HLC and office.
      for (const c of logged) {
        const current = t.core.sqlite.prepare(`SELECT * FROM "${c.table_name}" WHERE id = ?`).get(c.row_id) as Record<string, unknown>;
        expect(JSON.parse(c.data)).toEqual(current);
        expect(c.hlc).toBe(current.hlc);
        expect(c.office_id).toBe(current.office_id);
      }
      expect(verifyAuditChain(t.core).ok).toBe(true);
    } finally {
      await run.cleanup?.();
    }
  });

  it('a failing call writes nothing at all', async () => {
    const wc = writeCases[name] as WriteCase<CommandName> | undefined;
    if (!wc) throw new Error(`no write case for ${name}: add one to writeCases`);
    const failing = wc.failing(office);
    const before = snapshot(office.core);
    let code: string | undefined;
    try {
      await callRaw(office, name, failing.input, failing.as);
    } catch (err) {
      code = (err as { code?: string }).code;
    }
    expect(code).toBe(failing.code);
    expect(diffSnapshots(before, snapshot(office.core))).toEqual([]);
  });
});

describe('transactions', () => {
  it('rolls back everything a command wrote when it fails half-way (office, employee, meta, change_log, audit)', () => {
    const t = makeEmptyCore();
    try {
      // Make the third insert of setup.create (the admin's account) fail inside the transaction.
      t.core.sqlite.exec("CREATE TRIGGER fail_users BEFORE INSERT ON users BEGIN SELECT RAISE(ABORT, 'uji: gagal di tengah'); END");
      const before = snapshot(t.core);
      const r = t.tryCall('setup.create', defaultSetup);
      expect(r.ok).toBe(false);
      expect(diffSnapshots(before, snapshot(t.core))).toEqual([]);
      expect(t.core.officeId()).toBeNull();

      t.core.sqlite.exec('DROP TRIGGER fail_users');
      expect(t.tryCall('setup.create', defaultSetup).ok).toBe(true);
      expect(maxSeq(t.core, 'audit_log')).toBe(1);
    } finally {
      t.close();
    }
  });

  it('a failed login commits only a ":gagal" audit row naming the account (no record change, no change_log)', () => {
    const user = createUserWithRoles(office);
    const auditSeq = maxSeq(office.core, 'audit_log');
    const changeSeq = maxSeq(office.core, 'change_log');
    const r = office.tryCall('auth.login', { login: user.nip, password: 'SalahSandi9' });
    expect(r.ok ? null : r.error.code).toBe('UNAUTHENTICATED');
    const audit = auditRowsAfter(office.core, auditSeq);
    expect(audit.map((a) => [a.command, a.record_id, a.actor_user_id])).toEqual([['auth.login:gagal', null, user.userId]]);
    expect(changeLogRowsAfter(office.core, changeSeq)).toEqual([]);
    // Failures are counted by the in-memory throttle (per account and address), not on the account.
    const row = office.core.sqlite.prepare('SELECT failed_count, version FROM users WHERE id = ?').get(user.userId) as { failed_count: number; version: number };
    expect(row.failed_count).toBe(0);
  });

  it('read commands never write (no audit, no change_log, no record)', async () => {
    const f = readFixtures(office);
    for (const name of readCommandNames) {
      const rc = readCases[name] as ReadCase<CommandName> | undefined;
      if (!rc) throw new Error(`no read case for ${name}: add one to readCases`);
      const { input, as, on } = rc(f);
      const t = on ?? office;
      const before = snapshot(t.core);
      // The handler must really run: a call refused by validation or access proves nothing.
      const { result } = await callRaw(t, name, input, as);
      expect(result, `${name} answered`).toBeTruthy();
      const diffs = diffSnapshots(before, snapshot(t.core)).filter((d) => d.table !== 'sessions');
      expect(diffs, `${name} wrote`).toEqual([]);
    }
  });

  it('every read command has a case', () => {
    const missing = readCommandNames.filter((n) => !readCases[n]);
    expect(missing, `read commands without an entry in readCases (tests/write-invariants.test.ts): ${missing.join(', ')}`).toEqual([]);
  });
});
