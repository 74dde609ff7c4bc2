/**
 * Bukti dukung sent for a period without choosing an indicator (realisasi.addEvidence allows it):
 * realisasi.get and evaluation.get answer it as `generalEvidence`, to whoever sees the rows and to
 * nobody else; its file downloads through the same check; the owner removes it only while the
 * report is a draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedEvalSkp,
  evalTeam,
  evidenceInput,
  makeOffice,
  removeAllTempDirs,
  samplePdf,
  startServer,
  type EvalSkp,
  type EvalTeam,
  type Office,
  type TestServer,
} from '../helpers';

let office: Office;
let team: EvalTeam;
let s: EvalSkp;
let generalFileId: string;
let generalLinkId: string;
let indicatorEvidenceId: string;
let server: TestServer;

beforeAll(async () => {
  office = makeOffice();
  team = evalTeam(office);
  s = approvedEvalSkp(office);
  const as = team.employee.session;
  office.call('realisasi.save', { skpId: s.skpId, period: s.period, entries: [{ indicatorId: s.indicatorIds[0]!, version: null, value: 11 }] }, as);
  indicatorEvidenceId = office.call('realisasi.addEvidence', { skpId: s.skpId, period: s.period, indicatorId: s.indicatorIds[0]!, file: evidenceInput('agenda.pdf') }, as)
    .evidence.id;
  generalFileId = office.call('realisasi.addEvidence', { skpId: s.skpId, period: s.period, title: 'Rekap surat Januari', file: evidenceInput('rekap-januari.pdf') }, as)
    .evidence.id;
  generalLinkId = office.call('realisasi.addEvidence', { skpId: s.skpId, period: s.period, indicatorId: null, link: 'https://drive.langsakota.go.id/arsip/januari' }, as)
    .evidence.id;
  server = await startServer(office);
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

describe('evidence without an indicator', () => {
  it('is answered by realisasi.get as generalEvidence, apart from the rows, for the owner and the appraiser', () => {
    for (const as of [team.employee.session, team.appraiser.session, team.atasan.session, office.adminSession()]) {
      const r = office.call('realisasi.get', { skpId: s.skpId, period: s.period }, as);
      expect(r.generalEvidence.map((e) => e.id)).toEqual([generalFileId, generalLinkId]);
      expect(r.generalEvidence[0]).toMatchObject({ indicatorId: null, kind: 'file', title: 'Rekap surat Januari', fileName: 'rekap-januari.pdf' });
      expect(r.generalEvidence[1]).toMatchObject({ indicatorId: null, kind: 'link', url: 'https://drive.langsakota.go.id/arsip/januari' });
      expect(r.rows.flatMap((row) => row.evidence.map((e) => e.id))).toEqual([indicatorEvidenceId]);
    }
    // Another period has its own.
    expect(office.call('realisasi.get', { skpId: s.skpId, period: '2' }, team.employee.session).generalEvidence).toEqual([]);
  });

  it('is answered by evaluation.get for the appraiser (and the employee: it is theirs)', () => {
    for (const as of [team.appraiser.session, team.employee.session]) {
      const d = office.call('evaluation.get', { skpId: s.skpId, period: s.period }, as);
      expect(d.generalEvidence.map((e) => e.id)).toEqual([generalFileId, generalLinkId]);
      expect(d.rhk.flatMap((r) => r.indicators.flatMap((i) => i.evidence.map((e) => e.id)))).toEqual([indicatorEvidenceId]);
    }
  });

  it('follows the same row access as the rows: an outsider gets neither the list nor the file', () => {
    expect(office.tryCall('realisasi.get', { skpId: s.skpId, period: s.period }, team.outsider.session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(office.tryCall('evaluation.get', { skpId: s.skpId, period: s.period }, team.outsider.session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('downloads through the evidence route: the appraiser gets the file, an outsider is refused', async () => {
    const url = `/api/files/evidence/${generalFileId}`;
    const got = await (await server.clientAs(team.appraiser)).get(url);
    expect(got.status).toBe(200);
    expect(got.raw).toEqual(samplePdf);
    expect(String(got.headers['content-disposition'])).toContain('rekap-januari.pdf');
    const refused = await (await server.clientAs(team.outsider)).get(url);
    expect(refused.status).toBe(403);
  });

  it('is removed by the owner while the report is a draft, by nobody else, and by nobody once it is sent', () => {
    expect(office.tryCall('realisasi.removeEvidence', { evidenceId: generalLinkId }, team.appraiser.session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    office.call('realisasi.removeEvidence', { evidenceId: generalLinkId }, team.employee.session);
    expect(office.call('realisasi.get', { skpId: s.skpId, period: s.period }, team.employee.session).generalEvidence.map((e) => e.id)).toEqual([generalFileId]);
    office.call('realisasi.submit', { skpId: s.skpId, period: s.period }, team.employee.session);
    const refused = office.tryCall('realisasi.removeEvidence', { evidenceId: generalFileId }, team.employee.session);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(office.call('realisasi.get', { skpId: s.skpId, period: s.period }, team.appraiser.session).generalEvidence.map((e) => e.id)).toEqual([generalFileId]);
  });
});
