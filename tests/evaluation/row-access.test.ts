/**
 * Row access of the monitoring/evaluation commands, beyond the role check of role-matrix.test.ts:
 * with real records, who may act on whose SKP, dialogue, evaluation and appeal. Every refusal is
 * typed and writes nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName } from '../../shared/commands';
import type { ErrorCode } from '../../shared/errors';
import {
  approvedEvalSkp,
  createSignedInUser,
  diffSnapshots,
  evalTeam,
  evidenceInput,
  filedAppeal,
  makeOffice,
  recordedDialogue,
  removeAllTempDirs,
  skpTeam,
  snapshot,
  type AppealFixture,
  type DialogueFixture,
  type EvalTeam,
  type Office,
  type Session,
} from '../helpers';

let office: Office;
let team: EvalTeam;
let f: AppealFixture;
let d: DialogueFixture;
/** A Pejabat Penilai (by role) who appraises none of these people. */
let otherPenilai: Session;

beforeAll(() => {
  office = makeOffice();
  team = evalTeam(office);
  f = filedAppeal(office);
  d = recordedDialogue(office);
  office.call('feedback.post', { skpId: f.skpId, period: f.period, target: { kind: 'umum' }, body: 'Terus semangat.' }, team.appraiser.session);
  otherPenilai = createSignedInUser(office, ['pegawai', 'penilai']).session;
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

interface Refusal<N extends CommandName = CommandName> {
  name: N;
  input: () => CommandInput<N>;
  as: () => Session;
  code: ErrorCode;
}

const refuse = <N extends CommandName>(name: N, as: () => Session, input: () => CommandInput<N>, code: ErrorCode = 'FORBIDDEN'): Refusal =>
  ({ name, as, input, code }) as unknown as Refusal;

const outsider = () => team.outsider.session;
const admin = () => office.adminSession();
const appraiser = () => team.appraiser.session;
const atasan = () => team.atasan.session;
const employee = () => team.employee.session;

const cases: [string, Refusal][] = [
  // An employee with no part in the SKP.
  ['outsider reads the realisasi', refuse('realisasi.get', outsider, () => ({ skpId: f.skpId, period: f.period }))],
  ['outsider saves realisasi', refuse('realisasi.save', outsider, () => ({ skpId: f.skpId, period: '2', entries: [{ indicatorId: f.indicatorIds[0]!, version: null, value: 1 }] }))],
  ['outsider submits realisasi', refuse('realisasi.submit', outsider, () => ({ skpId: f.skpId, period: '2' }))],
  ['outsider adds evidence', refuse('realisasi.addEvidence', outsider, () => ({ skpId: f.skpId, period: '2', file: evidenceInput() }))],
  ['outsider removes evidence', refuse('realisasi.removeEvidence', outsider, () => ({ evidenceId: f.evidenceId }))],
  ['outsider reads the feedback', refuse('feedback.thread', outsider, () => ({ skpId: f.skpId }))],
  ['outsider posts feedback', refuse('feedback.post', outsider, () => ({ skpId: f.skpId, period: '2', target: { kind: 'umum' }, body: 'Bukan urusan saya' }))],
  ['outsider marks feedback read', refuse('feedback.markRead', outsider, () => ({ skpId: f.skpId }))],
  ['outsider lists the dialogues of the SKP', refuse('dialogue.list', outsider, () => ({ skpId: d.skpId }))],
  ['outsider lists the dialogues of the employee', refuse('dialogue.list', outsider, () => ({ employeeId: team.employee.employeeId }))],
  ['outsider asks for a dialogue with the employee', refuse('dialogue.request', outsider, () => ({ kind: 'pemantauan', employeeId: team.employee.employeeId }))],
  ['outsider attaches the employee\'s SKP to their own dialogue', refuse('dialogue.request', outsider, () => ({ kind: 'pemantauan', skpId: f.skpId }))],
  ['outsider schedules the dialogue', refuse('dialogue.schedule', outsider, () => ({ dialogueId: d.dialogueId, version: d.version, scheduledAt: '2025-03-11T09:00:00+07:00', agenda: 'x' }))],
  ['outsider records the minutes', refuse('dialogue.record', outsider, () => ({ dialogueId: d.dialogueId, version: d.version, discussion: 'x' }))],
  ['outsider confirms the minutes', refuse('dialogue.confirm', outsider, () => ({ dialogueId: d.dialogueId, version: d.version }))],
  ['outsider cancels the dialogue', refuse('dialogue.cancel', outsider, () => ({ dialogueId: d.dialogueId, version: d.version, reason: 'x' }))],
  ['outsider completes an action', refuse('dialogue.completeAction', outsider, () => ({ actionId: d.actionIds[0]!, done: true }))],
  ['outsider reads the evaluation', refuse('evaluation.get', outsider, () => ({ skpId: f.skpId, period: f.period }))],
  ['outsider reads the employee\'s results', refuse('evaluation.mine', outsider, () => ({ yearId: f.yearId, employeeId: team.employee.employeeId }))],
  ['outsider acknowledges the evaluation', refuse('evaluation.acknowledge', outsider, () => ({ evaluationId: f.evaluationId, version: f.evaluationVersion }))],
  ['outsider files an appeal', refuse('appeal.file', outsider, () => ({ evaluationId: f.evaluationId, reasons: 'Bukan penilaian saya' }))],
  ['outsider reads the appeal', refuse('appeal.get', outsider, () => ({ appealId: f.appealId }))],
  ['outsider explains', refuse('appeal.explain', outsider, () => ({ appealId: f.appealId, version: f.appealVersion, explanation: 'x' }))],
  ['outsider decides', refuse('appeal.decide', outsider, () => ({ appealId: f.appealId, version: f.appealVersion, decision: 'tetap', reason: 'x' }))],
  ['outsider lists the office\'s appeals', refuse('appeal.list', outsider, () => ({ scope: 'office' }))],

  // A Pejabat Penilai, but not this employee's.
  ['another appraiser rates', refuse('evaluation.save', () => otherPenilai, () => ({ skpId: f.skpId, period: '2', version: null, rhk: [] }), 'RULE_VIOLATION')],
  ['another appraiser locks', refuse('evaluation.finalize', () => otherPenilai, () => ({ evaluationId: f.evaluationId, version: f.evaluationVersion }))],
  ['another appraiser locks many', refuse('evaluation.finalizeMany', () => otherPenilai, () => ({ items: [{ evaluationId: f.evaluationId, version: f.evaluationVersion }] }))],
  ['another appraiser posts feedback', refuse('feedback.post', () => otherPenilai, () => ({ skpId: f.skpId, period: '2', target: { kind: 'umum' }, body: 'x' }))],
  ['another appraiser asks for a dialogue', refuse('dialogue.request', () => otherPenilai, () => ({ kind: 'evaluasi', employeeId: team.employee.employeeId }))],
  ['another appraiser sets the org rating', refuse('evaluation.setOrgRating', () => otherPenilai, () => ({ yearId: f.yearId, period: '2', unitId: null, version: null, rating: 'istimewa' }))],

  // The appraiser and the atasan, outside their part.
  ['the appraiser reports realisasi for the employee', refuse('realisasi.save', appraiser, () => ({ skpId: f.skpId, period: '2', entries: [] }))],
  ['the appraiser acknowledges for the employee', refuse('evaluation.acknowledge', appraiser, () => ({ evaluationId: f.evaluationId, version: f.evaluationVersion }), 'RULE_VIOLATION')],
  ['the appraiser files an appeal for the employee', refuse('appeal.file', appraiser, () => ({ evaluationId: f.evaluationId, reasons: 'x' }))],
  ['the appraiser attaches their own SKP to a dialogue with the employee', refuse('dialogue.request', appraiser, () => ({ kind: 'pemantauan', employeeId: team.employee.employeeId, skpId: appraiserSkpId() }))],
  ['the atasan rates instead of the appraiser', refuse('evaluation.save', atasan, () => ({ skpId: f.skpId, period: '2', version: null, rhk: [] }), 'RULE_VIOLATION')],
  ['the atasan explains instead of deciding', refuse('appeal.explain', atasan, () => ({ appealId: f.appealId, version: f.appealVersion, explanation: 'x' }), 'RULE_VIOLATION')],
  ['the atasan runs the employee\'s dialogue', refuse('dialogue.confirm', atasan, () => ({ dialogueId: d.dialogueId, version: d.version }))],

  // The employee, outside theirs.
  ['the employee decides their own appeal', refuse('appeal.decide', employee, () => ({ appealId: f.appealId, version: f.appealVersion, decision: 'diubah', resultsRating: 'diatas', reason: 'x' }), 'RULE_VIOLATION')],
  ['the employee rates themself', refuse('evaluation.save', employee, () => ({ skpId: f.skpId, period: '2', version: null, rhk: [] }))],
  ['the employee sets the org rating', refuse('evaluation.setOrgRating', employee, () => ({ yearId: f.yearId, period: '2', unitId: null, version: null, rating: 'istimewa' }))],

  // The office admin reads everything but acts on nobody's behalf.
  ['the admin reports realisasi', refuse('realisasi.save', admin, () => ({ skpId: f.skpId, period: '2', entries: [] }))],
  ['the admin adds evidence', refuse('realisasi.addEvidence', admin, () => ({ skpId: f.skpId, period: '2', link: 'https://contoh.go.id/bukti' }))],
  ['the admin removes evidence', refuse('realisasi.removeEvidence', admin, () => ({ evidenceId: f.evidenceId }))],
  ['the admin posts feedback', refuse('feedback.post', admin, () => ({ skpId: f.skpId, period: '2', target: { kind: 'umum' }, body: 'x' }))],
  ['the admin records minutes', refuse('dialogue.record', admin, () => ({ dialogueId: d.dialogueId, version: d.version, discussion: 'x' }))],
  ['the admin completes an action', refuse('dialogue.completeAction', admin, () => ({ actionId: d.actionIds[0]!, done: true }))],
  ['the admin rates', refuse('evaluation.save', admin, () => ({ skpId: f.skpId, period: '2', version: null, rhk: [] }))],
  ['the admin acknowledges', refuse('evaluation.acknowledge', admin, () => ({ evaluationId: f.evaluationId, version: f.evaluationVersion }), 'RULE_VIOLATION')],
  ['the admin files an appeal', refuse('appeal.file', admin, () => ({ evaluationId: f.evaluationId, reasons: 'x' }))],
  ['the admin explains', refuse('appeal.explain', admin, () => ({ appealId: f.appealId, version: f.appealVersion, explanation: 'x' }), 'RULE_VIOLATION')],
  ['the admin decides', refuse('appeal.decide', admin, () => ({ appealId: f.appealId, version: f.appealVersion, decision: 'tetap', reason: 'x' }), 'RULE_VIOLATION')],
];

let appraiserSkp: string | null = null;
/** An SKP of the appraiser's own (appraised by the head). */
function appraiserSkpId(): string {
  if (!appraiserSkp) {
    const y = office.asAdmin('year.open', { year: 2099 }).year;
    appraiserSkp = office.call('skp.create', { yearId: y.id }, team.appraiser.session).skp.id;
  }
  return appraiserSkp;
}

describe('row access', () => {
  it.each(cases)('%s: refused, writing nothing', (_label, c) => {
    const input = c.input();
    const as = c.as();
    const before = snapshot(office.core);
    const r = office.tryCall(c.name, input as never, as);
    expect(r.ok ? 'succeeded' : r.error.code).toBe(c.code);
    expect(diffSnapshots(before, snapshot(office.core)).filter((x) => x.table !== 'sessions')).toEqual([]);
  });

  it('the readers of an SKP: owner, appraiser, atasan and admin read; an outsider does not', () => {
    for (const as of [employee(), appraiser(), atasan(), admin()]) {
      expect(office.tryCall('realisasi.get', { skpId: f.skpId, period: f.period }, as).ok).toBe(true);
      expect(office.tryCall('evaluation.get', { skpId: f.skpId, period: f.period }, as).ok).toBe(true);
      expect(office.tryCall('feedback.thread', { skpId: f.skpId }, as).ok).toBe(true);
      expect(office.tryCall('appeal.get', { appealId: f.appealId }, as).ok).toBe(true);
    }
  });

  it('lists show only what is the caller\'s: incoming realisasi, pending evaluations, appeals to do', () => {
    expect(office.call('realisasi.incoming', {}, otherPenilai).items).toEqual([]);
    expect(office.call('evaluation.pending', { yearId: f.yearId, period: f.period }, otherPenilai).items).toEqual([]);
    expect(office.call('appeal.list', { scope: 'todo' }, otherPenilai).appeals).toEqual([]);
    expect(office.call('dialogue.list', { asAppraiser: true }, otherPenilai).dialogues).toEqual([]);
    expect(office.call('appeal.list', { scope: 'todo' }, atasan()).appeals.map((a) => a.id)).toEqual([f.appealId]);
    expect(office.call('realisasi.incoming', { yearId: f.yearId }, appraiser()).items.map((i) => i.skpId)).toEqual([f.skpId]);
  });

  it('the SKP team of the planning tests is unaffected by the evaluation team (the head appraises both)', () => {
    expect(skpTeam(office).head.userId).toBe(team.atasan.userId);
    const s = approvedEvalSkp(office);
    expect(office.call('evaluation.get', { skpId: s.skpId, period: s.period }, atasan()).viewerRole).toBe('atasan_penilai');
  });
});
