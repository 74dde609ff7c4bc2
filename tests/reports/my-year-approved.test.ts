/**
 * Tahun Saya offers "Isi" only for an approved plan (docs/spec/operations.md §8): reports.myYear says whether
 * the year's SKP has an approved version; a draft has none, an approved plan (also while amending)
 * has one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { approvedEvalSkp, evalTeam, makeOffice, openYear, removeAllTempDirs, type EvalTeam, type Office } from '../helpers';

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

it('a draft SKP is not approved; an approved one is, and stays so while an amendment is drafted', () => {
  const draftYear = openYear(office);
  office.call('skp.create', { yearId: draftYear.id }, team.employee.session);
  expect(office.call('reports.myYear', { yearId: draftYear.id }, team.employee.session).skp).toMatchObject({ status: 'draf', approved: false });

  const s = approvedEvalSkp(office);
  expect(office.call('reports.myYear', { yearId: s.yearId }, team.employee.session).skp).toMatchObject({ status: 'disetujui', approved: true });
  office.call('skp.amend', { skpId: s.skpId, version: s.version, reason: 'Penambahan tugas arsip dari pimpinan.' }, team.employee.session);
  expect(office.call('reports.myYear', { yearId: s.yearId }, team.employee.session).skp).toMatchObject({ status: 'draf', approved: true });
});
