/**
 * No silent overwrite anywhere (docs/spec/operations.md §4): every write command that changes a record the
 * caller read carries the version it read, and a stale one is CONFLICT that writes nothing at all.
 *
 * Each such command has a case: a call that is valid right now, and the record a concurrent write
 * (another tab, another PC on the LAN) changes first. The test makes that change through the real
 * RecordWriter, then sends the call as the stale tab would. A write command that changes nothing
 * read by the caller (it creates, or its own state check refuses a repeat) is listed in `exempt`
 * with the reason. A new write command in neither list fails "is versioned or says why not" by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, commands, type CommandInput, type CommandName } from '../shared/commands';
import { perilakuCodes } from '../shared/skp/perilaku';
import { dispatch } from '../electron/core/dispatch';
import type { TableName } from '../electron/core/db/schema';
import {
  addRhk,
  approvedEvalSkp,
  approvedSkp,
  createEmployee,
  createUserWithRoles,
  diffSnapshots,
  draftEvaluation,
  draftRealisasi,
  draftSkp,
  evalTeam,
  filedAppeal,
  finalEvaluation,
  makeOffice,
  maxSeq,
  openYear,
  recordedDialogue,
  removeAllTempDirs,
  requestedDialogue,
  sampleRhk,
  seedWrite,
  skpTeam,
  snapshot,
  submittedRealisasi,
  submittedSkp,
  type Office,
  type Session,
} from './helpers';

interface StaleCase<N extends CommandName> {
  input: CommandInput<N>;
  as: Session;
  /** The record another writer changes after the caller read it (its version moves on). */
  changedMeanwhile: { table: TableName; id: string };
}

type StaleCases = { [N in CommandName]?: (office: Office) => StaleCase<N> };

let counter = 0;

const versioned: StaleCases = {
  'auth.setPengelola': (office) => {
    const user = createUserWithRoles(office);
    return {
      input: { userId: user.userId, isPengelola: true, version: versionOf(office, 'users', user.userId) },
      as: office.adminSession(),
      changedMeanwhile: { table: 'users', id: user.userId },
    };
  },
  'accounts.deactivate': (office) => {
    const user = createUserWithRoles(office);
    return { input: { userId: user.userId, version: versionOf(office, 'users', user.userId) }, as: office.adminSession(), changedMeanwhile: { table: 'users', id: user.userId } };
  },
  'accounts.reactivate': (office) => {
    const user = createUserWithRoles(office);
    const { account } = office.asAdmin('accounts.deactivate', { userId: user.userId, version: versionOf(office, 'users', user.userId) });
    return { input: { userId: user.userId, version: account.version }, as: office.adminSession(), changedMeanwhile: { table: 'users', id: user.userId } };
  },
  'org.updateOffice': (office) => ({
    input: { version: versionOf(office, 'offices', office.officeId), address: `Jl. Teuku Umar No. ${++counter}` },
    as: office.adminSession(),
    changedMeanwhile: { table: 'offices', id: office.officeId },
  }),
  'org.updateUnit': (office) => {
    const { unit } = office.asAdmin('org.createUnit', { kind: 'bidang', name: `Bidang Basi ${++counter}` });
    return { input: { id: unit.id, version: unit.version, name: `Bidang Diubah ${counter}` }, as: office.adminSession(), changedMeanwhile: { table: 'units', id: unit.id } };
  },
  'org.removeUnit': (office) => {
    const { unit } = office.asAdmin('org.createUnit', { kind: 'bidang', name: `Bidang Hapus ${++counter}` });
    return { input: { id: unit.id, version: unit.version }, as: office.adminSession(), changedMeanwhile: { table: 'units', id: unit.id } };
  },
  'org.updatePosition': (office) => {
    const { position } = office.asAdmin('org.createPosition', { name: `Jabatan Basi ${++counter}`, type: 'pelaksana', unitId: null });
    return {
      input: { id: position.id, version: position.version, name: `Jabatan Diubah ${counter}` },
      as: office.adminSession(),
      changedMeanwhile: { table: 'positions', id: position.id },
    };
  },
  'org.removePosition': (office) => {
    const { position } = office.asAdmin('org.createPosition', { name: `Jabatan Hapus ${++counter}`, type: 'pelaksana', unitId: null });
    return { input: { id: position.id, version: position.version }, as: office.adminSession(), changedMeanwhile: { table: 'positions', id: position.id } };
  },
  'people.update': (office) => {
    const e = createEmployee(office);
    return { input: { id: e.id, version: e.version, name: 'Nama Dari Tab Lama' }, as: office.adminSession(), changedMeanwhile: { table: 'employees', id: e.id } };
  },
  'people.endAssignment': (office) => {
    const a = assignment(office);
    return { input: { id: a.id, version: a.version, endDate: '2025-02-28' }, as: office.adminSession(), changedMeanwhile: { table: 'assignments', id: a.id } };
  },
  'people.cancelAssignment': (office) => {
    const a = assignment(office);
    return { input: { id: a.id, version: a.version, reason: 'Salah memilih jabatan' }, as: office.adminSession(), changedMeanwhile: { table: 'assignments', id: a.id } };
  },
  'people.removeOverride': (office) => {
    const e = createEmployee(office);
    const appraiser = createEmployee(office);
    const { override } = office.asAdmin('people.setOverride', { employeeId: e.id, appraiserEmployeeId: appraiser.id, startDate: '2025-01-01', reason: 'Penilai ditetapkan Sekda' });
    return { input: { id: override.id, version: override.version }, as: office.adminSession(), changedMeanwhile: { table: 'appraisal_overrides', id: override.id } };
  },
  'year.update': (office) => {
    const y = openYear(office);
    return { input: { yearId: y.id, version: y.version, cadence: 'triwulanan' }, as: office.adminSession(), changedMeanwhile: { table: 'performance_years', id: y.id } };
  },
  'year.close': (office) => {
    const y = openYear(office);
    return { input: { yearId: y.id, version: y.version }, as: office.adminSession(), changedMeanwhile: { table: 'performance_years', id: y.id } };
  },
  'skp.setApproach': (office) => {
    const ref = draftSkp(office);
    return { input: { skpId: ref.skpId, version: ref.version, approach: 'kualitatif' }, as: skpTeam(office).staff.session, changedMeanwhile: { table: 'skps', id: ref.skpId } };
  },
  'skp.saveRhk': (office) => {
    const ref = draftSkp(office);
    return { input: { skpId: ref.skpId, version: ref.version, rhk: sampleRhk() }, as: skpTeam(office).staff.session, changedMeanwhile: { table: 'skps', id: ref.skpId } };
  },
  'skp.removeRhk': (office) => {
    const ref = addRhk(office, draftSkp(office));
    return { input: { skpId: ref.skpId, version: ref.version, rhkId: ref.rhkId }, as: skpTeam(office).staff.session, changedMeanwhile: { table: 'skps', id: ref.skpId } };
  },
  'skp.saveAnnex': (office) => {
    const ref = draftSkp(office);
    return {
      input: { skpId: ref.skpId, version: ref.version, dukungan_sumber_daya: ['Komputer'], skema_pertanggungjawaban: ['Laporan bulanan'], konsekuensi: ['Teguran lisan'] },
      as: skpTeam(office).staff.session,
      changedMeanwhile: { table: 'skps', id: ref.skpId },
    };
  },
  'skp.setExpectations': (office) => {
    const ref = draftSkp(office);
    return {
      input: { skpId: ref.skpId, version: ref.version, expectations: [{ valueCode: perilakuCodes[0], text: 'Melayani dengan ramah' }] },
      as: skpTeam(office).head.session,
      changedMeanwhile: { table: 'skps', id: ref.skpId },
    };
  },
  'skp.submit': (office) => {
    const ref = addRhk(office, draftSkp(office));
    return { input: { skpId: ref.skpId, version: ref.version }, as: skpTeam(office).staff.session, changedMeanwhile: { table: 'skps', id: ref.skpId } };
  },
  'skp.return': (office) => {
    const ref = submittedSkp(office);
    return { input: { skpId: ref.skpId, version: ref.version, note: 'Perjelas target.' }, as: skpTeam(office).head.session, changedMeanwhile: { table: 'skps', id: ref.skpId } };
  },
  'skp.approve': (office) => {
    const ref = submittedSkp(office);
    return { input: { skpId: ref.skpId, version: ref.version }, as: skpTeam(office).head.session, changedMeanwhile: { table: 'skps', id: ref.skpId } };
  },
  // The second SKP was changed: the first must not stay approved either.
  'skp.approveMany': (office) => {
    const a = submittedSkp(office);
    const b = submittedSkp(office);
    return {
      input: { items: [{ skpId: a.skpId, version: a.version }, { skpId: b.skpId, version: b.version }] },
      as: skpTeam(office).head.session,
      changedMeanwhile: { table: 'skps', id: b.skpId },
    };
  },
  'skp.amend': (office) => {
    const ref = approvedSkp(office);
    return { input: { skpId: ref.skpId, version: ref.version, reason: 'Perubahan tugas' }, as: skpTeam(office).staff.session, changedMeanwhile: { table: 'skps', id: ref.skpId } };
  },
  // Both indicators were reported and read; the second was saved again elsewhere meanwhile.
  'realisasi.save': (office) => {
    const r = draftRealisasi(office);
    const rows = office.call('realisasi.get', { skpId: r.skpId, period: r.period }, evalTeam(office).employee.session).rows;
    return {
      input: { skpId: r.skpId, period: r.period, entries: rows.map((row) => ({ indicatorId: row.indicatorId, version: row.version, value: 5, notes: 'Dari tab lama' })) },
      as: evalTeam(office).employee.session,
      changedMeanwhile: { table: 'realisasi', id: realisasiId(office, r.indicatorIds[1]!, r.period) },
    };
  },
  'dialogue.schedule': (office) => {
    const d = requestedDialogue(office);
    return {
      input: { dialogueId: d.dialogueId, version: d.version, scheduledAt: `${d.year}-03-10T09:00:00+07:00`, agenda: 'Beban kerja' },
      as: evalTeam(office).appraiser.session,
      changedMeanwhile: { table: 'dialogues', id: d.dialogueId },
    };
  },
  'dialogue.record': (office) => {
    const d = recordedDialogue(office);
    return {
      input: { dialogueId: d.dialogueId, version: d.version, discussion: 'Notulen dari tab lama', actions: [] },
      as: evalTeam(office).appraiser.session,
      changedMeanwhile: { table: 'dialogues', id: d.dialogueId },
    };
  },
  'dialogue.confirm': (office) => {
    const d = recordedDialogue(office);
    return { input: { dialogueId: d.dialogueId, version: d.version }, as: evalTeam(office).employee.session, changedMeanwhile: { table: 'dialogues', id: d.dialogueId } };
  },
  'dialogue.cancel': (office) => {
    const d = requestedDialogue(office);
    return { input: { dialogueId: d.dialogueId, version: d.version, reason: 'Sudah dibahas.' }, as: evalTeam(office).employee.session, changedMeanwhile: { table: 'dialogues', id: d.dialogueId } };
  },
  'evaluation.save': (office) => {
    const e = draftEvaluation(office);
    return {
      input: { skpId: e.skpId, period: e.period, version: e.evaluationVersion, rhk: [{ rhkId: e.rhkId, judgement: 'diatas' }], resultsRating: 'diatas', behaviourRating: 'diatas' },
      as: evalTeam(office).appraiser.session,
      changedMeanwhile: { table: 'evaluations', id: e.evaluationId },
    };
  },
  'evaluation.finalize': (office) => {
    const e = draftEvaluation(office);
    return { input: { evaluationId: e.evaluationId, version: e.evaluationVersion }, as: evalTeam(office).appraiser.session, changedMeanwhile: { table: 'evaluations', id: e.evaluationId } };
  },
  'evaluation.finalizeMany': (office) => {
    const a = draftEvaluation(office);
    const b = draftEvaluation(office);
    return {
      input: { items: [{ evaluationId: a.evaluationId, version: a.evaluationVersion }, { evaluationId: b.evaluationId, version: b.evaluationVersion }] },
      as: evalTeam(office).appraiser.session,
      changedMeanwhile: { table: 'evaluations', id: b.evaluationId },
    };
  },
  'evaluation.acknowledge': (office) => {
    const e = finalEvaluation(office);
    return { input: { evaluationId: e.evaluationId, version: e.evaluationVersion }, as: evalTeam(office).employee.session, changedMeanwhile: { table: 'evaluations', id: e.evaluationId } };
  },
  'evaluation.setOrgRating': (office) => {
    const y = openYear(office);
    office.asAdmin('evaluation.setOrgRating', { yearId: y.id, period: '1', unitId: null, version: null, rating: 'baik' });
    const read = office.asAdmin('evaluation.orgRatings', { yearId: y.id, period: '1' }).ratings[0]!;
    const id = (office.core.sqlite.prepare("SELECT id FROM org_ratings WHERE year_id = ? AND period = '1'").get(y.id) as { id: string }).id;
    return { input: { yearId: y.id, period: '1', unitId: null, version: read.version, rating: 'istimewa' }, as: office.adminSession(), changedMeanwhile: { table: 'org_ratings', id } };
  },
  'appeal.explain': (office) => {
    const a = filedAppeal(office);
    return { input: { appealId: a.appealId, version: a.appealVersion, explanation: 'Penjelasan dari tab lama.' }, as: evalTeam(office).appraiser.session, changedMeanwhile: { table: 'appeals', id: a.appealId } };
  },
  'appeal.decide': (office) => {
    const a = filedAppeal(office);
    return {
      input: { appealId: a.appealId, version: a.appealVersion, decision: 'tetap', reason: 'Putusan dari tab lama.' },
      as: evalTeam(office).atasan.session,
      changedMeanwhile: { table: 'appeals', id: a.appealId },
    };
  },
};

/** Write commands that change nothing the caller read, each with the reason. */
const exempt: Partial<Record<CommandName, string>> = {
  'setup.create': 'creates the office; refused once one exists',
  'auth.login': 'signs in: session bookkeeping only, nothing the caller read',
  'auth.logout': "ends the caller's own session",
  'auth.changePassword': 'the current password is what the caller read: once changed elsewhere, the old one is refused',
  'auth.createAccount': 'creates an account; a second one for the same employee is refused',
  'auth.resetPassword': 'sets a new temporary password whatever the old one was: nothing read is overwritten',
  'accounts.create': 'creates an account; a second one for the same employee is refused',
  'accounts.createMissing': 'creates accounts for employees without one, in one transaction; one created meanwhile is refused',
  'accounts.resetPassword': 'issues a new random temporary password whatever the old one was: nothing read is overwritten',
  'year.open': 'creates a Tahun Penilaian; the same year twice is refused',
  'skp.create': 'creates an SKP; a second one for the same year is refused',
  'skp.cascade': "adds RHK rows, overwriting none; it moves each SKP's version so an editor holding the old one gets CONFLICT",
  'realisasi.submit': 'carries no content (sends what is stored); a second send is refused',
  'sync.requestRun': 'asks the background sync to run now; it changes no record the caller read (a flag)',
  'sync.enroll': 'binds this office to a central with a one-time code; the central refuses a used or expired code, no record the caller read changes',
  'sync.importReply': 'applies the central\'s acknowledgments; one already applied is skipped by its chain position, not by a version the caller read',
  'central.addOffice': 'creates a registration; a second one of the same name is refused',
  'central.rotateSecret': 'replaces the secret and the code as a whole; the page shows the new code, nothing read is merged',
  'central.revoke': 'ends a registration; revoking one already revoked is refused by its own state check',
  'central.importBundle': 'applies an office\'s batches by their ids through the push path; a batch seen before returns its stored outcome',
  'realisasi.withdraw': 'carries no content (takes back what is stored); a second withdrawal is refused (not sent), and it is refused once judging has begun',
  'realisasi.addEvidence': 'creates evidence',
  'realisasi.removeEvidence': 'evidence is never edited, only added or removed; one removed meanwhile is NOT_FOUND',
  'feedback.post': 'creates a message',
  'feedback.markRead': "moves the caller's own read marker forward",
  'dialogue.request': 'creates a dialogue',
  'dialogue.completeAction': 'sets done from the state shown: asking for the state it already has is refused, so a stale toggle never passes',
  'appeal.file': 'creates the one appeal an evaluation may have',
  'backup.create': 'writes a new backup file',
  'backup.restore': 'replaces the whole database by an explicit, confirmed choice (backed up first)',
  'org.createUnit': 'creates a unit',
  'org.createPosition': 'creates a position',
  'people.create': 'creates an employee',
  'people.assign': 'creates an assignment; ending the previous one is computed from the stored state in the same transaction',
  'people.setOverride': 'creates an override; ending the previous one is computed from the stored state in the same transaction',
  'people.import': 'the file is the source: one all-or-nothing upsert by NIP, previewed first and audited as one command',
};

const writeCommands = commandNames.filter((n) => commands[n].kind === 'write');

let office: Office;
beforeAll(() => {
  office = makeOffice();
});
afterAll(() => {
  office.close();
  removeAllTempDirs();
});

describe('every write command that changes a record the caller read requires its version', () => {
  it.each(writeCommands)('%s is versioned or says why not', (name) => {
    expect(versioned[name] !== undefined || exempt[name] !== undefined, `${name}: add a case to \`versioned\` or a reason to \`exempt\``).toBe(true);
    expect(versioned[name] !== undefined && exempt[name] !== undefined, `${name} is in both lists`).toBe(false);
  });

  it.each(Object.keys(versioned) as CommandName[])('%s with a stale version is CONFLICT and writes nothing', (name) => {
    const c = (versioned[name] as (o: Office) => StaleCase<CommandName>)(office);
    // Another tab or PC saves the record first (through the real RecordWriter).
    seedWrite(office, (w) => w.touch(c.changedMeanwhile.table, c.changedMeanwhile.id), 'test.elsewhere');
    const before = snapshot(office.core);
    const audit = maxSeq(office.core, 'audit_log');
    let code: string | undefined;
    let message = '';
    try {
      dispatch(office.core, name, c.input, { transport: 'ipc', sessionToken: c.as.token, requireCsrf: false });
    } catch (err) {
      code = (err as { code?: string }).code;
      message = (err as Error).message;
    }
    expect(code, `${name} accepted a stale version`).toBe('CONFLICT');
    expect(message).toMatch(/diubah .*(Muat ulang|muat ulang)/);
    expect(diffSnapshots(before, snapshot(office.core))).toEqual([]);
    expect(maxSeq(office.core, 'audit_log')).toBe(audit);
  });
});

describe('the saves that carried no version or an optional one', () => {
  it('realisasi.save: a first report on an indicator someone else reported meanwhile is CONFLICT; the version read saves', () => {
    const s = approvedEvalSkp(office);
    const me = evalTeam(office).employee.session;
    const read = office.call('realisasi.get', { skpId: s.skpId, period: s.period }, me).rows;
    expect(read.map((r) => r.version)).toEqual([null, null]);
    // Tab B saves first.
    const b = office.call('realisasi.save', { skpId: s.skpId, period: s.period, entries: [{ indicatorId: s.indicatorIds[0]!, version: null, value: 12 }] }, me);
    expect(b.rows).toEqual([{ indicatorId: s.indicatorIds[0]!, version: 1 }]);
    // Tab A still holds "nothing reported".
    const stale = office.tryCall('realisasi.save', { skpId: s.skpId, period: s.period, entries: [{ indicatorId: s.indicatorIds[0]!, version: null, value: 3 }] }, me);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(office.call('realisasi.get', { skpId: s.skpId, period: s.period }, me).rows[0]).toMatchObject({ value: 12, version: 1 });
    // After the reload, with the version read, it saves and answers the next version.
    const again = office.call('realisasi.save', { skpId: s.skpId, period: s.period, entries: [{ indicatorId: s.indicatorIds[0]!, version: 1, value: 3 }] }, me);
    expect(again.rows).toEqual([{ indicatorId: s.indicatorIds[0]!, version: 2 }]);
    // A version for a realisasi that does not exist is stale too.
    const phantom = office.tryCall('realisasi.save', { skpId: s.skpId, period: s.period, entries: [{ indicatorId: s.indicatorIds[1]!, version: 4, value: 1 }] }, me);
    expect(phantom).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('realisasi.save without a version is refused (VALIDATION)', () => {
    const s = approvedEvalSkp(office);
    const r = office.tryCall('realisasi.save', { skpId: s.skpId, period: s.period, entries: [{ indicatorId: s.indicatorIds[0]!, value: 1 }] } as unknown as CommandInput<'realisasi.save'>, evalTeam(office).employee.session);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('evaluation.save: requires the version read; "none yet" while another draft exists is CONFLICT', () => {
    const r = submittedRealisasi(office);
    const appraiser = evalTeam(office).appraiser.session;
    const input = { skpId: r.skpId, period: r.period, rhk: [{ rhkId: r.rhkId, judgement: 'sesuai' as const }], resultsRating: 'sesuai' as const };
    expect(office.tryCall('evaluation.save', input as unknown as CommandInput<'evaluation.save'>, appraiser)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const first = office.call('evaluation.save', { ...input, version: null }, appraiser);
    expect(office.tryCall('evaluation.save', { ...input, version: null, resultsRating: 'diatas', rhk: [{ rhkId: r.rhkId, judgement: 'diatas' }] }, appraiser)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(office.call('evaluation.get', { skpId: r.skpId, period: r.period }, appraiser)).toMatchObject({ resultsRating: 'sesuai', version: first.version });
  });

  it('evaluation.setOrgRating: "none yet" while one was recorded meanwhile is CONFLICT', () => {
    const y = openYear(office);
    office.asAdmin('evaluation.setOrgRating', { yearId: y.id, period: '2', unitId: null, version: null, rating: 'baik' });
    const stale = office.tryCall('evaluation.setOrgRating', { yearId: y.id, period: '2', unitId: null, version: null, rating: 'kurang' }, office.adminSession());
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(office.asAdmin('evaluation.orgRatings', { yearId: y.id, period: '2' }).ratings).toMatchObject([{ rating: 'baik', version: 1 }]);
  });
});

function versionOf(office: Office, table: string, id: string): number {
  return (office.core.sqlite.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: number }).version;
}

function assignment(office: Office): { id: string; version: number } {
  const { position } = office.asAdmin('org.createPosition', { name: `Jabatan Penempatan ${++counter}`, type: 'pelaksana', unitId: null });
  const e = createEmployee(office, { assignment: { positionId: position.id, startDate: '2025-01-02' } });
  return office.core.sqlite.prepare('SELECT id, version FROM assignments WHERE employee_id = ?').get(e.id) as { id: string; version: number };
}

function realisasiId(office: Office, indicatorId: string, period: string): string {
  return (office.core.sqlite.prepare('SELECT id FROM realisasi WHERE indicator_id = ? AND period = ? AND deleted_at IS NULL').get(indicatorId, period) as { id: string }).id;
}
