/**
 * reports.waiting (docs/spec/operations.md §8): the counts beside Persetujuan SKP, Penilaian, Keberatan and
 * Dialog Kinerja are the caller's own work, each going down when the work is done; someone
 * outside the chain sees zeros.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  evalTeam,
  filedAppeal,
  makeOffice,
  recordedDialogue,
  removeAllTempDirs,
  requestedDialogue,
  skpTeam,
  submittedRealisasi,
  submittedSkp,
  type EvalTeam,
  type Office,
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

const zero = { skpInbox: 0, evaluations: 0, appeals: 0, dialogues: { mine: 0, team: 0 } };

it('counts what waits for each party, and only for them', () => {
  for (const s of [team.appraiser.session, team.employee.session, team.outsider.session]) expect(office.call('reports.waiting', {}, s)).toEqual(zero);

  // An SKP submitted by the staff member waits for their appraiser, the head of office.
  submittedSkp(office);
  expect(office.call('reports.waiting', {}, skpTeam(office).head.session).skpInbox).toBe(1);

  // A sent realisasi waits for the Kasubbag; an appealed (final) one no longer counts as an
  // evaluation, but the appeal waits for his explanation and for the head's decision.
  const sent = submittedRealisasi(office);
  const appeal = filedAppeal(office);
  expect(office.call('reports.waiting', {}, team.appraiser.session)).toMatchObject({ evaluations: 1, appeals: 1 });
  expect(office.call('reports.waiting', {}, team.atasan.session).appeals).toBe(1);
  office.call('appeal.explain', { appealId: appeal.appealId, version: appeal.appealVersion, explanation: 'Target kualitas belum tercapai pada bulan ini.' }, team.appraiser.session);
  expect(office.call('reports.waiting', {}, team.appraiser.session).appeals).toBe(0);

  // Withdrawn, the realisasi no longer waits for the appraiser.
  office.call('realisasi.withdraw', { skpId: sent.skpId, period: sent.period }, team.employee.session);
  expect(office.call('reports.waiting', {}, team.appraiser.session).evaluations).toBe(0);

  // A dialogue the employee asked for waits for the appraiser (not for the one who asked); recorded
  // minutes wait for both to confirm.
  requestedDialogue(office);
  expect(office.call('reports.waiting', {}, team.appraiser.session).dialogues).toEqual({ mine: 0, team: 1 });
  expect(office.call('reports.waiting', {}, team.employee.session).dialogues).toEqual({ mine: 0, team: 0 });
  const minutes = recordedDialogue(office);
  expect(office.call('reports.waiting', {}, team.employee.session).dialogues).toEqual({ mine: 1, team: 0 });
  office.call('dialogue.confirm', { dialogueId: minutes.dialogueId, version: minutes.version }, team.employee.session);
  expect(office.call('reports.waiting', {}, team.employee.session).dialogues).toEqual({ mine: 0, team: 0 });

  expect(office.call('reports.waiting', {}, team.outsider.session)).toEqual(zero);
});
