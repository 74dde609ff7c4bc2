/**
 * A sent realisasi can be taken back by its owner while the appraiser has not started judging it
 * (docs/spec/operations.md §8): back to draf, editable and sendable again. Refused for anyone else, once a
 * draft or final evaluation exists, for a report never sent, and in a closed year; a refusal
 * writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftEvaluation, evalTeam, expectFailure, makeOffice, removeAllTempDirs, submittedRealisasi, draftRealisasi, type EvalTeam, type Office } from '../helpers';

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

const reportOf = (skpId: string, period: string) =>
  office.core.sqlite.prepare('SELECT status, submitted_at, version FROM period_reports WHERE skp_id = ? AND period = ?').get(skpId, period) as {
    status: string;
    submitted_at: string | null;
    version: number;
  };

describe('realisasi.withdraw', () => {
  it('takes a sent report back to draf; it can be edited and sent again, and the appraiser no longer sees it as sent', () => {
    const r = submittedRealisasi(office);
    expect(office.call('realisasi.incoming', { yearId: r.yearId, limit: 100 }, team.appraiser.session).items.map((i) => i.skpId)).toContain(r.skpId);
    office.call('realisasi.withdraw', { skpId: r.skpId, period: r.period }, team.employee.session);
    expect(reportOf(r.skpId, r.period)).toMatchObject({ status: 'draf', submitted_at: null });
    const got = office.call('realisasi.get', { skpId: r.skpId, period: r.period }, team.employee.session);
    expect(got).toMatchObject({ status: 'draf', canEdit: true });
    expect(office.call('realisasi.incoming', { yearId: r.yearId, limit: 100 }, team.appraiser.session).items.map((i) => i.skpId)).not.toContain(r.skpId);
    const versionOf = (indicatorId: string) => got.rows.find((row) => row.indicatorId === indicatorId)?.version ?? null;
    office.call('realisasi.save', { skpId: r.skpId, period: r.period, entries: [{ indicatorId: r.indicatorIds[0]!, version: versionOf(r.indicatorIds[0]!), value: 12 }] }, team.employee.session);
    office.call('realisasi.submit', { skpId: r.skpId, period: r.period }, team.employee.session);
    expect(reportOf(r.skpId, r.period).status).toBe('diajukan');
  });

  it('is refused once the appraiser has started judging (a draft evaluation), and nothing changes', () => {
    const e = draftEvaluation(office);
    const before = reportOf(e.skpId, e.period);
    const err = expectFailure(office.tryCall('realisasi.withdraw', { skpId: e.skpId, period: e.period }, team.employee.session));
    expect(err).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(err.message).toMatch(/sudah mulai menilai/);
    expect(reportOf(e.skpId, e.period)).toEqual(before);
  });

  it('is refused for the appraiser, another employee and the Pengelola (only the owner withdraws)', () => {
    const r = submittedRealisasi(office);
    for (const as of [team.appraiser.session, team.outsider.session, office.adminSession()]) {
      expect(expectFailure(office.tryCall('realisasi.withdraw', { skpId: r.skpId, period: r.period }, as)).code).toBe('FORBIDDEN');
    }
    expect(reportOf(r.skpId, r.period).status).toBe('diajukan');
  });

  it('says there is nothing to withdraw for a report not sent', () => {
    const r = draftRealisasi(office);
    const err = expectFailure(office.tryCall('realisasi.withdraw', { skpId: r.skpId, period: r.period }, team.employee.session));
    expect(err).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(err.message).toMatch(/belum dikirim/);
  });
});
