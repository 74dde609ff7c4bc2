/**
 * "Finalised evaluations cannot be edited by anyone" (docs/spec/regulation.md §4): every write that could
 * touch a final evaluation or the realisasi it judged is refused, by every role, writing nothing;
 * the one path that changes it is the atasan's decision on an appeal. And a closed Tahun Penilaian
 * freezes its realisasi like a final evaluation does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName } from '../../shared/commands';
import type { ErrorCode } from '../../shared/errors';
import {
  acknowledgedEvaluation,
  approvedEvalSkp,
  createSignedInUser,
  diffSnapshots,
  evalTeam,
  evidenceInput,
  filedAppeal,
  finalEvaluation,
  grantPenilai,
  makeOffice,
  removeAllTempDirs,
  snapshot,
  type EvalTeam,
  type EvaluationFixture,
  type Office,
  type Session,
} from '../helpers';

let office: Office;
let team: EvalTeam;

beforeAll(() => {
  office = makeOffice();
  team = evalTeam(office);
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

/** Everything a final evaluation is made of, and the period's realisasi it judged. */
function lockedRecords(e: EvaluationFixture) {
  const q = (sql: string, ...args: unknown[]) => office.core.sqlite.prepare(sql).all(...args);
  return {
    evaluation: q('SELECT * FROM evaluations WHERE id = ?', e.evaluationId),
    judgements: q('SELECT * FROM evaluation_rhk WHERE evaluation_id = ? ORDER BY id', e.evaluationId),
    report: q('SELECT * FROM period_reports WHERE skp_id = ? AND period = ?', e.skpId, e.period),
    realisasi: q('SELECT * FROM realisasi WHERE skp_id = ? AND period = ? ORDER BY id', e.skpId, e.period),
    evidence: q('SELECT * FROM evidence WHERE skp_id = ? AND period = ? ORDER BY id', e.skpId, e.period),
  };
}

interface Attempt {
  label: string;
  name: CommandName;
  input: unknown;
  as: Session;
  code: ErrorCode;
  message?: RegExp;
}

/** Every write a caller could aim at a final evaluation of `e`. */
function attemptsOn(e: EvaluationFixture, admin: Session): Attempt[] {
  const save = (extra: Partial<CommandInput<'evaluation.save'>> = {}): CommandInput<'evaluation.save'> => ({
    skpId: e.skpId,
    period: e.period,
    version: null, rhk: [{ rhkId: e.rhkId, judgement: 'diatas' }],
    resultsRating: 'diatas',
    behaviourRating: 'diatas',
    notes: 'Diubah setelah final',
    ...extra,
  });
  const ref = { evaluationId: e.evaluationId, version: e.evaluationVersion };
  const entries = [{ indicatorId: e.indicatorIds[0]!, version: null, value: 99 }];
  return [
    { label: 'evaluation.save by the appraiser', name: 'evaluation.save', input: save({ version: e.evaluationVersion }), as: team.appraiser.session, code: 'RULE_VIOLATION', message: /final/ },
    { label: 'evaluation.save by the appraiser, as if no evaluation existed', name: 'evaluation.save', input: save(), as: team.appraiser.session, code: 'RULE_VIOLATION', message: /final/ },
    { label: 'evaluation.save of the notes only', name: 'evaluation.save', input: { skpId: e.skpId, period: e.period, version: null, rhk: [], notes: 'Catatan baru' }, as: team.appraiser.session, code: 'RULE_VIOLATION', message: /final/ },
    { label: 'evaluation.save by the atasan', name: 'evaluation.save', input: save(), as: team.atasan.session, code: 'RULE_VIOLATION' },
    { label: 'evaluation.save by the admin', name: 'evaluation.save', input: save(), as: admin, code: 'FORBIDDEN' },
    { label: 'evaluation.save by the employee', name: 'evaluation.save', input: save(), as: team.employee.session, code: 'FORBIDDEN' },
    { label: 'evaluation.finalize again', name: 'evaluation.finalize', input: ref, as: team.appraiser.session, code: 'RULE_VIOLATION', message: /sudah final/ },
    { label: 'evaluation.finalizeMany with it', name: 'evaluation.finalizeMany', input: { items: [ref] }, as: team.appraiser.session, code: 'RULE_VIOLATION' },
    { label: 'realisasi.save by the employee', name: 'realisasi.save', input: { skpId: e.skpId, period: e.period, entries }, as: team.employee.session, code: 'RULE_VIOLATION', message: /final/ },
    { label: 'realisasi.save by the appraiser', name: 'realisasi.save', input: { skpId: e.skpId, period: e.period, entries }, as: team.appraiser.session, code: 'FORBIDDEN' },
    { label: 'realisasi.save by the admin', name: 'realisasi.save', input: { skpId: e.skpId, period: e.period, entries }, as: admin, code: 'FORBIDDEN' },
    { label: 'realisasi.submit', name: 'realisasi.submit', input: { skpId: e.skpId, period: e.period }, as: team.employee.session, code: 'RULE_VIOLATION', message: /final/ },
    { label: 'realisasi.addEvidence (file)', name: 'realisasi.addEvidence', input: { skpId: e.skpId, period: e.period, file: evidenceInput('tambahan.pdf') }, as: team.employee.session, code: 'RULE_VIOLATION', message: /final/ },
    { label: 'realisasi.addEvidence (link)', name: 'realisasi.addEvidence', input: { skpId: e.skpId, period: e.period, link: 'https://contoh.go.id/bukti' }, as: team.employee.session, code: 'RULE_VIOLATION', message: /final/ },
    { label: 'realisasi.removeEvidence', name: 'realisasi.removeEvidence', input: { evidenceId: e.evidenceId }, as: team.employee.session, code: 'RULE_VIOLATION', message: /final/ },
    { label: 'realisasi.removeEvidence by the admin', name: 'realisasi.removeEvidence', input: { evidenceId: e.evidenceId }, as: admin, code: 'FORBIDDEN' },
  ];
}

function expectRefusedWritingNothing(a: Attempt): void {
  const before = snapshot(office.core);
  const r = office.tryCall(a.name, a.input as never, a.as);
  expect(r.ok ? 'succeeded' : r.error.code, a.label).toBe(a.code);
  if (!r.ok && a.message) expect(r.error.message, a.label).toMatch(a.message);
  expect(diffSnapshots(before, snapshot(office.core)).filter((d) => d.table !== 'sessions'), a.label).toEqual([]);
}

describe('a final evaluation', () => {
  it('cannot be edited by anyone, before or after acknowledgement: every attempt is refused and writes nothing', () => {
    const final = finalEvaluation(office);
    const locked = lockedRecords(final);
    for (const a of attemptsOn(final, office.adminSession())) expectRefusedWritingNothing(a);

    const acknowledged = acknowledgedEvaluation(office);
    const lockedAck = lockedRecords(acknowledged);
    for (const a of attemptsOn(acknowledged, office.adminSession())) expectRefusedWritingNothing(a);
    expect(lockedRecords(final)).toEqual(locked);
    expect(lockedRecords(acknowledged)).toEqual(lockedAck);
  });

  it('cannot be edited by an admin who is also a Pejabat Penilai (past the role check, the row rule refuses)', () => {
    const e = finalEvaluation(office);
    const adminPenilai = createSignedInUser(office, ['pegawai', 'pengelola']);
    grantPenilai(adminPenilai.employeeId);
    const locked = lockedRecords(e);
    for (const a of attemptsOn(e, adminPenilai.session).filter((x) => x.as === adminPenilai.session)) {
      expectRefusedWritingNothing({ ...a, code: a.name === 'evaluation.save' ? 'RULE_VIOLATION' : a.code });
    }
    expect(lockedRecords(e)).toEqual(locked);
  });

  it('keeps its organisation rating when a new one is recorded afterwards', () => {
    const e = finalEvaluation(office);
    const before = lockedRecords(e);
    office.asAdmin('evaluation.setOrgRating', { yearId: e.yearId, period: e.period, unitId: null, version: null, rating: 'sangat_kurang' });
    expect(lockedRecords(e)).toEqual(before);
  });

  it('is not changed by an appeal kept as it was ("tetap")', () => {
    const a = filedAppeal(office);
    const before = lockedRecords(a);
    office.call('appeal.decide', { appealId: a.appealId, version: a.appealVersion, decision: 'tetap', reason: 'Penilaian sudah sesuai bukti.' }, team.atasan.session);
    expect(lockedRecords(a)).toEqual(before);
  });

  it('is changed only by the atasan\'s decision on an appeal, which is itself final', () => {
    const a = filedAppeal(office);
    const before = lockedRecords(a);
    const appeal = office.call(
      'appeal.decide',
      { appealId: a.appealId, version: a.appealVersion, decision: 'diubah', resultsRating: 'diatas', behaviourRating: 'diatas', reason: 'Seluruh indikator melampaui target.' },
      team.atasan.session,
    ).appeal;
    expect(appeal).toMatchObject({ status: 'diputus', original: { predikat: 'baik' }, decided: { predikat: 'sangat_baik' } });
    const after = lockedRecords(a);
    // The evaluation row changed (ratings, predikat, a note naming the decision); it stays final,
    // with its finalisation and receipt untouched; the realisasi it judged did not change.
    const [was] = before.evaluation as Record<string, unknown>[];
    const [now] = after.evaluation as Record<string, unknown>[];
    expect(now).toMatchObject({ status: 'final', results_rating: 'diatas', behaviour_rating: 'diatas', predikat: 'sangat_baik' });
    expect(now!.notes).toMatch(/putusan keberatan/);
    for (const col of ['finalized_at', 'acknowledged_at', 'appeal_deadline', 'org_rating', 'appraiser_employee_id']) expect(now![col], col).toEqual(was![col]);
    expect({ ...after, evaluation: null }).toEqual({ ...before, evaluation: null });

    // And after the decision, nobody edits it again, the appeal included.
    const decided = { ...a, evaluationVersion: now!.version as number };
    for (const x of attemptsOn(decided, office.adminSession())) expectRefusedWritingNothing(x);
    expectRefusedWritingNothing({
      label: 'appeal.decide again',
      name: 'appeal.decide',
      input: { appealId: a.appealId, version: appeal.version, decision: 'diubah', resultsRating: 'sesuai', reason: 'Berubah pikiran' },
      as: team.atasan.session,
      code: 'RULE_VIOLATION',
      message: /final/,
    });
    expectRefusedWritingNothing({
      label: 'appeal.file again',
      name: 'appeal.file',
      input: { evaluationId: a.evaluationId, reasons: 'Keberatan kedua' },
      as: team.employee.session,
      code: 'RULE_VIOLATION',
      message: /sudah pernah/,
    });
  });
});

describe('a closed Tahun Penilaian', () => {
  it('freezes realisasi of every period, as the report screen says (canEdit false)', () => {
    const s = approvedEvalSkp(office);
    // A year closes once every approved plan has a final annual evaluation.
    const saved = office.call(
      'evaluation.save',
      { skpId: s.skpId, period: 'tahunan', version: null, rhk: [{ rhkId: s.rhkId, judgement: 'sesuai' }], resultsRating: 'sesuai', behaviourRating: 'sesuai' },
      team.appraiser.session,
    );
    office.call('evaluation.finalize', { evaluationId: saved.evaluationId, version: saved.version }, team.appraiser.session);
    const { version } = office.core.sqlite.prepare('SELECT version FROM performance_years WHERE id = ?').get(s.yearId) as { version: number };
    office.asAdmin('year.close', { yearId: s.yearId, version });

    expect(office.call('realisasi.get', { skpId: s.skpId, period: '2' }, team.employee.session).canEdit).toBe(false);
    const attempts: Attempt[] = [
      { label: 'realisasi.save', name: 'realisasi.save', input: { skpId: s.skpId, period: '2', entries: [{ indicatorId: s.indicatorIds[0]!, version: null, value: 5 }] }, as: team.employee.session, code: 'RULE_VIOLATION', message: /ditutup/ },
      { label: 'realisasi.addEvidence', name: 'realisasi.addEvidence', input: { skpId: s.skpId, period: '2', link: 'https://contoh.go.id/bukti' }, as: team.employee.session, code: 'RULE_VIOLATION', message: /ditutup/ },
      { label: 'realisasi.submit', name: 'realisasi.submit', input: { skpId: s.skpId, period: '2' }, as: team.employee.session, code: 'RULE_VIOLATION', message: /ditutup/ },
      { label: 'evaluation.save', name: 'evaluation.save', input: { skpId: s.skpId, period: '2', version: null, rhk: [] }, as: team.appraiser.session, code: 'RULE_VIOLATION', message: /ditutup/ },
    ];
    for (const a of attempts) expectRefusedWritingNothing(a);
  });
});
