/**
 * Realisasi and bukti dukung recorded on an indicator that an approved SKP amendment removed do not
 * vanish. A period still open after the amendment (February here: reported as a draft, not
 * evaluated) answers them as `removedIndicators` in realisasi.get and evaluation.get, apart from
 * the plan's rows, to whoever sees the rows and to nobody else; the file still downloads for them;
 * the owner may remove that evidence while the report is a draft. A period whose evaluation was
 * locked before the amendment (January) keeps the indicator among its judged rows instead.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEvaluationDocument } from '../../electron/core/evaluation/document';
import type { CommandInput } from '../../shared/commands';
import { evalTeam, evidenceInput, makeOffice, makeTempDir, openYear, removeAllTempDirs, samplePdf, startServer, type EvalTeam, type Office, type TestServer } from '../helpers';

type RhkInput = CommandInput<'skp.saveRhk'>['rhk'];
const rhkA: RhkInput = { kind: 'utama', text: 'Tersusunnya laporan administrasi perkantoran', indicators: [{ aspek: 'kuantitas', text: 'Jumlah laporan yang disusun', targetMin: 10, targetUnit: 'dokumen' }] };
const rhkB: RhkInput = { kind: 'tambahan', text: 'Terlaksananya piket layanan tamu kantor', indicators: [{ aspek: 'kuantitas', text: 'Jumlah hari piket layanan tamu', targetMin: 20, targetUnit: 'hari' }] };

let office: Office;
let team: EvalTeam;
let server: TestServer;
let skpId: string;
let indA: string;
let indB: string;
let fileB: string;
let linkB: string;

beforeAll(async () => {
  office = makeOffice();
  team = evalTeam(office);
  const me = team.employee.session;
  const year = openYear(office);
  const { skp } = office.call('skp.create', { yearId: year.id }, me);
  const a = office.call('skp.saveRhk', { skpId: skp.id, version: skp.version, rhk: rhkA }, me);
  const b = office.call('skp.saveRhk', { skpId: skp.id, version: a.version, rhk: rhkB }, me);
  let v = office.call('skp.submit', { skpId: skp.id, version: b.version }, me).version;
  v = office.call('skp.approve', { skpId: skp.id, version: v }, team.appraiser.session).version;
  skpId = skp.id;
  const ind = (rhkId: string) => (office.core.sqlite.prepare('SELECT id FROM skp_indicators WHERE rhk_id = ? AND deleted_at IS NULL').get(rhkId) as { id: string }).id;
  indA = ind(a.rhkId);
  indB = ind(b.rhkId);

  // January: reported, evaluated and locked against version 1 (A and B).
  office.call('realisasi.save', { skpId, period: '1', entries: [{ indicatorId: indA, version: null, value: 11 }, { indicatorId: indB, version: null, value: 21 }] }, me);
  office.call('realisasi.addEvidence', { skpId, period: '1', indicatorId: indB, file: evidenceInput('piket-januari.pdf') }, me);
  office.call('realisasi.submit', { skpId, period: '1' }, me);
  const jan = office.call(
    'evaluation.save',
    {
      skpId,
      period: '1',
      version: null, rhk: [a.rhkId, b.rhkId].map((rhkId) => ({ rhkId, judgement: 'sesuai' as const, note: null })),
      resultsRating: 'sesuai',
      behaviourRating: 'sesuai',
    },
    team.appraiser.session,
  );
  office.call('evaluation.finalize', { evaluationId: jan.evaluationId, version: jan.version }, team.appraiser.session);

  // February: a draft report with a value and two pieces of evidence on B.
  office.call('realisasi.save', { skpId, period: '2', entries: [{ indicatorId: indA, version: null, value: 9 }, { indicatorId: indB, version: null, value: 18, notes: 'Piket dua pekan.' }] }, me);
  fileB = office.call('realisasi.addEvidence', { skpId, period: '2', indicatorId: indB, title: 'Daftar piket Februari', file: evidenceInput('piket-februari.pdf') }, me).evidence.id;
  linkB = office.call('realisasi.addEvidence', { skpId, period: '2', indicatorId: indB, link: 'https://drive.langsakota.go.id/piket/februari' }, me).evidence.id;
  // And one for the whole period (no indicator).
  office.call('realisasi.addEvidence', { skpId, period: '2', title: 'Rekap kehadiran Februari', file: evidenceInput('rekap-kehadiran-februari.pdf') }, me);

  // The amendment removes B, approved as version 2.
  v = office.call('skp.amend', { skpId, version: v, reason: 'Piket dialihkan ke satuan pengamanan' }, me).version;
  v = office.call('skp.removeRhk', { skpId, version: v, rhkId: b.rhkId }, me).version;
  v = office.call('skp.submit', { skpId, version: v }, me).version;
  office.call('skp.approve', { skpId, version: v }, team.appraiser.session);
  server = await startServer(office);
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

describe('evidence of an indicator removed by an approved amendment', () => {
  it('is answered apart by realisasi.get of the open period to the owner, the appraiser, the atasan and the Pengelola', () => {
    for (const as of [team.employee.session, team.appraiser.session, team.atasan.session, office.adminSession()]) {
      const r = office.call('realisasi.get', { skpId, period: '2' }, as);
      expect(r.rows.map((row) => row.indicatorId)).toEqual([indA]);
      expect(r.removedIndicators).toHaveLength(1);
      expect(r.removedIndicators[0]).toMatchObject({
        indicatorId: indB,
        rhkText: rhkB.text,
        indicatorText: 'Jumlah hari piket layanan tamu',
        value: 18,
        notes: 'Piket dua pekan.',
      });
      expect(r.removedIndicators[0]!.targetLabel).toContain('20');
      expect(r.removedIndicators[0]!.evidence.map((e) => e.id)).toEqual([fileB, linkB]);
    }
  });

  it('is answered by evaluation.get of the open period beside the judged plan', () => {
    for (const as of [team.appraiser.session, team.employee.session]) {
      const d = office.call('evaluation.get', { skpId, period: '2' }, as);
      expect(d.rhk.flatMap((r) => r.indicators.map((i) => i.indicatorId))).toEqual([indA]);
      expect(d.removedIndicators.map((x) => x.indicatorId)).toEqual([indB]);
      expect(d.removedIndicators[0]!.evidence.map((e) => e.id)).toEqual([fileB, linkB]);
    }
  });

  it('stays among the judged rows of a period locked before the amendment, not apart', () => {
    const r = office.call('realisasi.get', { skpId, period: '1' }, team.appraiser.session);
    expect(r.rows.map((row) => row.indicatorId)).toEqual([indA, indB]);
    expect(r.removedIndicators).toEqual([]);
    const d = office.call('evaluation.get', { skpId, period: '1' }, team.appraiser.session);
    expect(d.removedIndicators).toEqual([]);
    expect(d.rhk.flatMap((x) => x.indicators.map((i) => i.indicatorId))).toEqual([indA, indB]);
  });

  it('is not shown to an outsider, nor downloadable by them; the appraiser downloads it', async () => {
    expect(office.tryCall('realisasi.get', { skpId, period: '2' }, team.outsider.session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(office.tryCall('evaluation.get', { skpId, period: '2' }, team.outsider.session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const url = `/api/files/evidence/${fileB}`;
    const got = await (await server.clientAs(team.appraiser)).get(url);
    expect(got.status).toBe(200);
    expect(got.raw).toEqual(samplePdf);
    expect((await (await server.clientAs(team.outsider)).get(url)).status).toBe(403);
  });

  it('cannot take new realisasi or evidence, the owner may remove its evidence while the report is a draft, nobody else and not once sent', () => {
    const me = team.employee.session;
    expect(office.tryCall('realisasi.save', { skpId, period: '2', entries: [{ indicatorId: indB, version: null, value: 19 }] }, me)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(office.tryCall('realisasi.addEvidence', { skpId, period: '2', indicatorId: indB, link: 'https://contoh.go.id/x' }, me)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(office.tryCall('realisasi.removeEvidence', { evidenceId: linkB }, team.appraiser.session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    office.call('realisasi.removeEvidence', { evidenceId: linkB }, me);
    expect(office.call('realisasi.get', { skpId, period: '2' }, me).removedIndicators[0]!.evidence.map((e) => e.id)).toEqual([fileB]);
    office.call('realisasi.submit', { skpId, period: '2' }, me);
    expect(office.tryCall('realisasi.removeEvidence', { evidenceId: fileB }, me)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(office.call('realisasi.get', { skpId, period: '2' }, team.appraiser.session).removedIndicators[0]!.evidence.map((e) => e.id)).toEqual([fileB]);
  });

  it('is printed in the Evaluasi form below the plan, with the evidence for the whole period', async () => {
    const meta = { transport: 'ipc' as const, sessionToken: team.appraiser.session.token, requireCsrf: false };
    const { bytes } = await renderEvaluationDocument(office.core, meta, { skpId, period: '2', form: 'evaluasi' });
    const file = path.join(makeTempDir('kinerja-removed-pdf-'), 'evaluasi.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Bukti dukung umum periode ini: rekap-kehadiran-februari.pdf');
    expect(text).toContain('Indikator yang sudah dihapus dari SKP: Jumlah hari piket layanan tamu (18; bukti dukung: piket-februari.pdf)');
  });
});
