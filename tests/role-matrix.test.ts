/**
 * Who may call what, over HTTP, for EVERY command of the contract: anonymous, a plain Pegawai, a
 * Pejabat Penilai, a Pengelola (office admin) and central HR. Expectations are computed from each
 * command's `access` list, so a new command is covered as soon as it has a sample input below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, commands, type CommandInput, type CommandName } from '../shared/commands';
import type { Access, Role } from '../shared/roles';
import { backupServiceFor } from '../electron/core/backup';
import {
  accessRefusal,
  createUserWithRoles,
  defaultSetup,
  errorOf,
  isAccessRefusal,
  makeOffice,
  nextTestNip,
  sampleRhk,
  removeAllTempDirs,
  startServer,
  type ApiClient,
  type Office,
  type OfficeUser,
  type TestServer,
} from './helpers';

interface SampleContext {
  /** The caller's own account; null for anonymous. */
  self: OfficeUser | null;
}

interface Sample<N extends CommandName> {
  input: CommandInput<N> | ((c: SampleContext) => CommandInput<N>);
  /**
   * The status an allowed caller gets with this input (omit to only check "not refused"), or per
   * caller when the handler's own row rules tell callers apart.
   */
  status?: number | Partial<Record<CallerName, number>>;
}

const missingId = '0190a000-0000-7000-8000-00000000beef';
const self = (c: SampleContext) => c.self?.employeeId ?? missingId;

/**
 * One sample input per command. Samples must not change the callers' own accounts (they are
 * reused), so most writes aim at records that do not exist, or fail a rule after the access check.
 */
const samples: { [N in CommandName]?: Sample<N> } = {
  'setup.status': { input: {}, status: 200 },
  'setup.create': { input: defaultSetup, status: 422 },
  'auth.login': { input: { login: 'tidak.ada', password: 'Salah12345' }, status: 401 },
  'auth.logout': { input: {}, status: 200 },
  'auth.me': { input: {}, status: 200 },
  'auth.changePassword': { input: { currentPassword: 'BukanSandi1', newPassword: 'SandiBaru2025' }, status: 400 },
  'auth.listAccounts': { input: {}, status: 200 },
  'auth.createAccount': { input: { employeeId: missingId, temporaryPassword: 'Sementara1' }, status: 404 },
  'auth.resetPassword': { input: { userId: missingId, temporaryPassword: 'Sementara1' }, status: 404 },
  'auth.setPengelola': { input: { userId: missingId, isPengelola: true, version: 1 }, status: 404 },
  'home.summary': { input: {}, status: 200 },
  'accounts.list': { input: { q: 'sampel', status: 'semua' }, status: 200 },
  'accounts.create': { input: { employeeId: missingId }, status: 404 },
  'accounts.createMissing': { input: { employeeIds: [missingId] }, status: 404 },
  'accounts.resetPassword': { input: { userId: missingId }, status: 404 },
  'accounts.deactivate': { input: { userId: missingId, version: 1 }, status: 404 },
  'accounts.reactivate': { input: { userId: missingId, version: 1 }, status: 404 },
  'audit.verify': { input: {}, status: 200 },
  'audit.list': { input: { limit: 5 }, status: 200 },
  'audit.actors': { input: {}, status: 200 },
  'audit.get': { input: { seq: 999_999_999 }, status: 404 },
  'backup.list': { input: {}, status: 200 },
  'sync.status': { input: {}, status: 200 },
  'sync.announcements': { input: {}, status: 200 },
  // Not enrolled at a central: refused after the access check.
  'sync.requestRun': { input: {}, status: 422 },
  // The office here is not enrolled and no central listens on port 9: refused in words (422).
  'sync.enroll': { input: { centralUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH' }, status: 422 },
  'sync.exportBundle': { input: {}, status: 422 },
  'sync.importReply': { input: { fileName: 'balasan.kinerja', contentBase64: 'AAAA' }, status: 422 },
  // This server is an office, not a central: Admin Pusat gets "bukan server pusat" (422).
  'central.offices': { input: {}, status: 422 },
  'central.rejects': { input: { registrationId: missingId }, status: 422 },
  'central.addOffice': { input: { name: 'Dinas Contoh' }, status: 422 },
  'central.rotateSecret': { input: { registrationId: missingId }, status: 422 },
  'central.revoke': { input: { registrationId: missingId }, status: 422 },
  'central.importBundle': { input: { fileName: 'kiriman.kinerja', contentBase64: 'AAAA' }, status: 422 },
  'backup.create': { input: {}, status: 200 },
  'backup.restore': { input: { id: '20250101T000000Z-manual' }, status: 404 },
  'org.getOffice': { input: {}, status: 200 },
  'org.updateOffice': { input: { version: 999, address: 'Jl. Sampel' }, status: 409 },
  'org.listUnits': { input: {}, status: 200 },
  'org.createUnit': { input: { kind: 'bidang', name: 'Bidang Sampel', parentId: missingId }, status: 404 },
  'org.updateUnit': { input: { id: missingId, version: 1, name: 'Bidang Sampel' }, status: 404 },
  'org.removeUnit': { input: { id: missingId, version: 1 }, status: 404 },
  'org.listPositions': { input: {}, status: 200 },
  'org.createPosition': { input: { name: 'Jabatan Sampel', type: 'pelaksana', unitId: missingId }, status: 404 },
  'org.updatePosition': { input: { id: missingId, version: 1, name: 'Jabatan Sampel' }, status: 404 },
  'org.removePosition': { input: { id: missingId, version: 1 }, status: 404 },
  'people.list': { input: {}, status: 200 },
  'people.get': { input: (c) => ({ id: self(c) }), status: 200 },
  'people.create': { input: () => ({ nip: nextTestNip(), name: 'Pegawai Sampel Matriks' }), status: 200 },
  'people.update': { input: { id: missingId, version: 1, name: 'Nama Sampel' }, status: 404 },
  'people.assign': { input: { employeeId: missingId, positionId: missingId, startDate: '2025-01-02' }, status: 404 },
  'people.endAssignment': { input: { id: missingId, version: 1, endDate: '2025-01-31' }, status: 404 },
  'people.cancelAssignment': { input: { id: missingId, version: 1, reason: 'Salah input data' }, status: 404 },
  'people.setOverride': {
    input: { employeeId: missingId, appraiserEmployeeId: missingId, startDate: '2025-01-01', reason: 'Alasan penetapan sampel' },
    status: 404,
  },
  'people.removeOverride': { input: { id: missingId, version: 1 }, status: 404 },
  'people.appraisalChain': { input: (c) => ({ employeeId: self(c) }), status: 200 },
  'people.problems': { input: {}, status: 200 },
  'people.importPreview': { input: () => ({ rows: [{ row: 2, nip: nextTestNip(), name: 'Pegawai Pratinjau' }] }), status: 200 },
  'people.import': { input: { rows: [{ row: 2, nip: '123', name: 'Baris Salah' }] }, status: 400 },
  'people.exportRows': { input: {}, status: 200 },
  'year.today': { input: {}, status: 200 },
  'year.list': { input: {}, status: 200 },
  'year.open': { input: { year: 2031 }, status: 200 },
  'year.update': { input: { yearId: missingId, version: 1, cadence: 'triwulanan' }, status: 404 },
  'year.close': { input: { yearId: missingId, version: 1 }, status: 404 },
  'skp.list': { input: {}, status: 200 },
  'skp.get': { input: { skpId: missingId }, status: 404 },
  'skp.create': { input: { yearId: missingId }, status: 404 },
  'skp.setApproach': { input: { skpId: missingId, version: 1, approach: 'kualitatif' }, status: 404 },
  'skp.saveRhk': { input: { skpId: missingId, version: 1, rhk: sampleRhk() }, status: 404 },
  'skp.removeRhk': { input: { skpId: missingId, version: 1, rhkId: missingId }, status: 404 },
  'skp.saveAnnex': { input: { skpId: missingId, version: 1, dukungan_sumber_daya: [], skema_pertanggungjawaban: [], konsekuensi: [] }, status: 404 },
  'skp.setExpectations': { input: { skpId: missingId, version: 1, expectations: [] }, status: 404 },
  'skp.submit': { input: { skpId: missingId, version: 1 }, status: 404 },
  'skp.return': { input: { skpId: missingId, version: 1, note: 'Catatan sampel' }, status: 404 },
  'skp.approve': { input: { skpId: missingId, version: 1 }, status: 404 },
  'skp.approveMany': { input: { items: [{ skpId: missingId, version: 1 }] }, status: 404 },
  'skp.amend': { input: { skpId: missingId, version: 1, reason: 'Alasan sampel' }, status: 404 },
  'skp.compare': { input: { skpId: missingId, from: 0, to: 0 }, status: 404 },
  'skp.parentOptions': { input: { skpId: missingId }, status: 404 },
  'skp.cascade': { input: { sourceRhkId: missingId, employeeIds: [missingId] }, status: 404 },
  'skp.cascadeTree': { input: { yearId: missingId }, status: 404 },
  'skp.inbox': { input: {}, status: 200 },
  'skp.monitor': { input: { yearId: missingId, scope: 'team' }, status: 404 },
  // Monitoring and evaluation: row access (whose SKP, which side of a dialogue or appeal) is
  // checked after the role, so records that do not exist answer 404 to every allowed caller.
  'realisasi.get': { input: { skpId: missingId, period: '1' }, status: 404 },
  'realisasi.save': { input: { skpId: missingId, period: '1', entries: [] }, status: 404 },
  'realisasi.submit': { input: { skpId: missingId, period: '1' }, status: 404 },
  'realisasi.withdraw': { input: { skpId: missingId, period: '1' }, status: 404 },
  'realisasi.addEvidence': { input: { skpId: missingId, period: '1', link: 'https://contoh.go.id/bukti' }, status: 404 },
  'realisasi.removeEvidence': { input: { evidenceId: missingId }, status: 404 },
  'realisasi.incoming': { input: {}, status: 200 },
  'feedback.thread': { input: { skpId: missingId }, status: 404 },
  'feedback.post': { input: { skpId: missingId, period: '1', target: { kind: 'umum' }, body: 'Umpan balik sampel' }, status: 404 },
  'feedback.markRead': { input: { skpId: missingId }, status: 404 },
  'feedback.unread': { input: {}, status: 200 },
  'dialogue.list': { input: {}, status: 200 },
  // The callers hold no position, so they have no appraiser to hold a dialogue with.
  'dialogue.request': { input: { kind: 'pemantauan' }, status: 422 },
  'dialogue.schedule': { input: { dialogueId: missingId, version: 1, scheduledAt: '2025-03-10T09:00:00+07:00', agenda: 'Agenda sampel' }, status: 404 },
  'dialogue.record': { input: { dialogueId: missingId, version: 1, discussion: 'Pembahasan sampel' }, status: 404 },
  'dialogue.confirm': { input: { dialogueId: missingId, version: 1 }, status: 404 },
  'dialogue.cancel': { input: { dialogueId: missingId, version: 1, reason: 'Alasan sampel' }, status: 404 },
  'dialogue.completeAction': { input: { actionId: missingId, done: true }, status: 404 },
  'evaluation.get': { input: { skpId: missingId, period: '1' }, status: 404 },
  'evaluation.save': { input: { skpId: missingId, period: '1', version: null, rhk: [] }, status: 404 },
  'evaluation.finalize': { input: { evaluationId: missingId, version: 1 }, status: 404 },
  'evaluation.finalizeMany': { input: { items: [{ evaluationId: missingId, version: 1 }] }, status: 404 },
  'evaluation.acknowledge': { input: { evaluationId: missingId, version: 1 }, status: 404 },
  'evaluation.pending': { input: { yearId: missingId, period: '1' }, status: 404 },
  'evaluation.mine': { input: { yearId: missingId }, status: 404 },
  // Past the role check, the handler still wants the Pengelola or the head of office: a Pejabat
  // Penilai who leads no office gets the handler's own 403 (not the role refusal).
  'evaluation.setOrgRating': { input: { yearId: missingId, period: '1', unitId: null, version: null, rating: 'baik' }, status: { pengelola: 404, penilai: 403 } },
  'evaluation.orgRatings': { input: { yearId: missingId, period: '1' }, status: 404 },
  'appeal.file': { input: { evaluationId: missingId, reasons: 'Alasan keberatan sampel' }, status: 404 },
  'appeal.explain': { input: { appealId: missingId, version: 1, explanation: 'Penjelasan sampel' }, status: 404 },
  'appeal.decide': { input: { appealId: missingId, version: 1, decision: 'tetap', reason: 'Alasan putusan sampel' }, status: 404 },
  'appeal.get': { input: { appealId: missingId }, status: 404 },
  'appeal.list': { input: {}, status: 200 },
  'distribution.get': { input: { yearId: missingId, period: '1' }, status: 404 },
  'reports.officeDashboard': { input: { yearId: missingId, period: '1' }, status: 404 },
  'reports.team': { input: { yearId: missingId }, status: 404 },
  'reports.myYear': { input: { yearId: missingId }, status: 404 },
  'reports.waiting': { input: {}, status: 200 },
  'reports.reminders': { input: {}, status: 200 },
};

type CallerName = 'anonymous' | 'pegawai' | 'penilai' | 'pengelola' | 'admin_pusat';
const callerRoles: Record<CallerName, Role[] | null> = {
  anonymous: null,
  pegawai: ['pegawai'],
  penilai: ['pegawai', 'penilai'],
  pengelola: ['pegawai', 'pengelola'],
  admin_pusat: ['pegawai', 'admin_pusat'],
};
const callerNames = Object.keys(callerRoles) as CallerName[];

/** The rule, restated independently of the dispatcher. */
function expectedAllowed(access: readonly Access[], roles: Role[] | null): boolean {
  if (access.includes('public')) return true;
  if (!roles) return false;
  if (access.includes('authenticated')) return true;
  return roles.some((r) => access.includes(r));
}

let office: Office;
let server: TestServer;
const users = new Map<CallerName, OfficeUser>();
const clients = new Map<CallerName, ApiClient>();

beforeAll(async () => {
  office = makeOffice();
  server = await startServer(office);
  for (const name of callerNames) {
    const roles = callerRoles[name];
    if (roles) users.set(name, createUserWithRoles(office, roles));
  }
});

afterAll(async () => {
  // backup.create started copies in the background: let them end before the database closes.
  if (office) await backupServiceFor(office.core).idle();
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

/** The caller's client, signed in (again, if a sample such as auth.logout ended its session). */
async function clientFor(caller: CallerName): Promise<ApiClient> {
  let client = clients.get(caller);
  if (!client) {
    // Each caller at its own PC: password guesses are throttled per account and address.
    client = server.client(`10.0.0.${callerNames.indexOf(caller) + 1}`);
    clients.set(caller, client);
  }
  const user = users.get(caller);
  if (!user) return client;
  const me = client.cookie ? await client.ok('auth.me', {}) : { user: null };
  if (me.user?.userId !== user.userId) await client.login(user.nip, user.password);
  return client;
}

describe('every command has a sample input', () => {
  it.each(commandNames)('%s', (name) => {
    expect(samples[name], `no sample input for "${name}" in tests/role-matrix.test.ts: add one to \`samples\``).toBeDefined();
  });
});

const matrix = commandNames.flatMap((name) => callerNames.map((caller) => ({ name, caller })));

describe('role matrix over HTTP', () => {
  it.each(matrix)('$name as $caller', async ({ name, caller }) => {
    const sample = samples[name] as Sample<CommandName> | undefined;
    if (!sample) throw new Error(`no sample input for "${name}": add one to \`samples\` in tests/role-matrix.test.ts`);
    const client = await clientFor(caller);
    const input = typeof sample.input === 'function' ? sample.input({ self: users.get(caller) ?? null }) : sample.input;
    const res = await client.post(name, input);
    const roles = callerRoles[caller];

    if (expectedAllowed(commands[name].access, roles)) {
      expect(isAccessRefusal(res), `${name} refused ${caller}: ${res.status} ${JSON.stringify(res.body)}`).toBe(false);
      expect(res.status).toBeLessThan(500);
      const status = typeof sample.status === 'object' ? sample.status[caller] : sample.status;
      if (status !== undefined) expect(res.status, JSON.stringify(res.body)).toBe(status);
    } else if (!roles) {
      expect(res.status).toBe(401);
      expect(errorOf(res)).toEqual({ code: 'UNAUTHENTICATED', message: accessRefusal.anonymous });
    } else {
      expect(res.status).toBe(403);
      expect(errorOf(res)).toEqual({ code: 'FORBIDDEN', message: accessRefusal.wrongRole });
    }
  });

  it('an unknown command is NOT_FOUND, not a crash', async () => {
    const res = await (await clientFor('pengelola')).post('people.doesNotExist', {});
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });

  it('the roles a session reports match the granted and derived roles', async () => {
    for (const caller of callerNames) {
      const roles = callerRoles[caller];
      if (!roles) continue;
      const me = await (await clientFor(caller)).ok('auth.me', {});
      expect([...(me.user?.roles ?? [])].sort()).toEqual([...roles].sort());
    }
  });
});
