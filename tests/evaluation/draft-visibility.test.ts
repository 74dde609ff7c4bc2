/**
 * The appraiser's draft is not the employee's to read: while an evaluation is not final, every
 * command the appraised employee can call (evaluation.get, evaluation.mine, the annual overview,
 * and the same over HTTP) answers it without ratings, judgements, notes, predikat and angka kredit,
 * with `withheld` and the status saying it is in progress. The appraiser, the atasan and the
 * office's Pengelola read the draft; once locked, the employee reads everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOutput } from '../../shared/commands';
import { draftEvaluation, evalTeam, makeOffice, removeAllTempDirs, startServer, type EvalTeam, type EvaluationFixture, type Office, type TestServer } from '../helpers';

let office: Office;
let team: EvalTeam;
let f: EvaluationFixture;
let server: TestServer;

/** What draftEvaluation writes: the appraiser's words, which must not reach the employee early. */
const appraiserNote = 'Sesuai target.';
const appraiserNotes = 'Pertahankan.';

beforeAll(async () => {
  office = makeOffice();
  team = evalTeam(office);
  f = draftEvaluation(office);
  server = await startServer(office);
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

type Detail = CommandOutput<'evaluation.get'>;

function expectWithheld(d: Detail) {
  expect(d).toMatchObject({ status: 'draf', withheld: true, resultsRating: null, behaviourRating: null, predikat: null, notes: null, angkaKredit: null });
  expect(d.rhk.length).toBeGreaterThan(0);
  for (const r of d.rhk) expect(r).toMatchObject({ judgement: null, note: null });
  // Nowhere in the answer, whatever field a later change might add.
  const text = JSON.stringify(d);
  expect(text).not.toContain(appraiserNote);
  expect(text).not.toContain(appraiserNotes);
}

function expectFull(d: Detail) {
  expect(d).toMatchObject({ withheld: false, resultsRating: 'sesuai', behaviourRating: 'sesuai', predikat: 'baik', notes: appraiserNotes });
  expect(d.rhk.find((r) => r.rhkId === f.rhkId)).toMatchObject({ judgement: 'sesuai', note: appraiserNote });
}

describe('a draft evaluation', () => {
  it('reaches the employee through evaluation.get without ratings, judgements, notes or predikat', () => {
    const d = office.call('evaluation.get', { skpId: f.skpId, period: f.period }, team.employee.session);
    expectWithheld(d);
    // What the employee does need still comes: the plan, the realisasi, the way to the result.
    expect(d.viewerRole).toBe('pegawai');
    expect(d.rhk[0]!.indicators.map((i) => i.value)).toEqual([11, 1]);
    expect(d.can).toEqual({ edit: false, finalize: false, acknowledge: false, appeal: false });
  });

  it('is withheld in evaluation.mine, for every period of the year', () => {
    const items = office.call('evaluation.mine', { yearId: f.yearId }, team.employee.session).items;
    const jan = items.find((i) => i.period === f.period)!;
    expect(jan).toMatchObject({ status: 'draf', withheld: true, resultsRating: null, behaviourRating: null, predikat: null });
    expect(items.every((i) => i.withheld && i.predikat === null)).toBe(true);
  });

  it("is withheld in the annual evaluation's overview of the periods", () => {
    const annual = office.call('evaluation.get', { skpId: f.skpId, period: 'tahunan' }, team.employee.session);
    expect(annual.periodic.find((p) => p.period === f.period)).toMatchObject({ status: 'draf', predikat: null });
    const asAppraiser = office.call('evaluation.get', { skpId: f.skpId, period: 'tahunan' }, team.appraiser.session);
    expect(asAppraiser.periodic.find((p) => p.period === f.period)).toMatchObject({ status: 'draf', predikat: 'baik' });
  });

  it('is withheld over HTTP too (the command called directly, not through the screen)', async () => {
    const employee = await server.clientAs(team.employee);
    expectWithheld(await employee.ok('evaluation.get', { skpId: f.skpId, period: f.period }));
    const mine = await employee.ok('evaluation.mine', { yearId: f.yearId });
    expect(mine.items.find((i) => i.period === f.period)).toMatchObject({ withheld: true, predikat: null, resultsRating: null });
  });

  it('is read in full by the appraiser, the atasan and the Pengelola Kinerja', () => {
    for (const as of [team.appraiser.session, team.atasan.session, office.adminSession()]) {
      const d = office.call('evaluation.get', { skpId: f.skpId, period: f.period }, as);
      expect(d.status).toBe('draf');
      expectFull(d);
    }
    expect(office.call('evaluation.get', { skpId: f.skpId, period: f.period }, team.appraiser.session).can.edit).toBe(true);
    const pending = office.call('evaluation.pending', { yearId: f.yearId, period: f.period }, team.appraiser.session).items;
    expect(pending.find((i) => i.skpId === f.skpId)).toMatchObject({ withheld: false, predikat: 'baik' });
    const mineAsAdmin = office.call('evaluation.mine', { yearId: f.yearId, employeeId: team.employee.employeeId }, office.adminSession()).items;
    expect(mineAsAdmin.find((i) => i.period === f.period)).toMatchObject({ withheld: false, predikat: 'baik' });
  });

  it('stays closed to someone with no part in the plan', () => {
    expect(office.tryCall('evaluation.get', { skpId: f.skpId, period: f.period }, team.outsider.session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('once locked', () => {
  it('the employee reads everything, through the command and over HTTP', async () => {
    office.call('evaluation.finalize', { evaluationId: f.evaluationId, version: f.evaluationVersion }, team.appraiser.session);
    const d = office.call('evaluation.get', { skpId: f.skpId, period: f.period }, team.employee.session);
    expect(d.status).toBe('final');
    expectFull(d);
    expect(d.can.acknowledge).toBe(true);
    const jan = office.call('evaluation.mine', { yearId: f.yearId }, team.employee.session).items.find((i) => i.period === f.period);
    expect(jan).toMatchObject({ status: 'final', withheld: false, predikat: 'baik', resultsRating: 'sesuai', behaviourRating: 'sesuai' });
    const annual = office.call('evaluation.get', { skpId: f.skpId, period: 'tahunan' }, team.employee.session);
    expect(annual.periodic.find((p) => p.period === f.period)).toMatchObject({ status: 'final', predikat: 'baik' });
    const employee = await server.clientAs(team.employee);
    expectFull(await employee.ok('evaluation.get', { skpId: f.skpId, period: f.period }));
  });
});
