/**
 * While an amendment of an approved SKP is being drafted (not yet approved), realisasi is still
 * reported on the approved plan: realisasi.get shows the approved indicators (also one the draft
 * deletes, and not one it adds), saving, adding evidence and sending accept exactly those, and
 * nothing is "removed from the SKP" yet. Once the amendment is approved the new plan applies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/commands';
import { evalTeam, evidenceInput, makeOffice, openYear, removeAllTempDirs, type EvalTeam, type Office } from '../helpers';

type RhkInput = CommandInput<'skp.saveRhk'>['rhk'];
const rhkA: RhkInput = { kind: 'utama', text: 'Tersusunnya laporan administrasi perkantoran', indicators: [{ aspek: 'kuantitas', text: 'Jumlah laporan yang disusun', targetMin: 10, targetUnit: 'dokumen' }] };
const rhkB: RhkInput = { kind: 'tambahan', text: 'Terlaksananya piket layanan tamu kantor', indicators: [{ aspek: 'kuantitas', text: 'Jumlah hari piket layanan tamu', targetMin: 20, targetUnit: 'hari' }] };
const rhkC: RhkInput = { kind: 'tambahan', text: 'Terkelolanya arsip surat masuk', indicators: [{ aspek: 'kuantitas', text: 'Jumlah surat yang diarsipkan', targetMin: 100, targetUnit: 'surat' }] };

let office: Office;
let team: EvalTeam;
let skpId: string;
let version: number;
let rhkBId: string;
let indA: string;
let indB: string;
let indC: string;

const indicatorOf = (rhkId: string) => (office.core.sqlite.prepare('SELECT id FROM skp_indicators WHERE rhk_id = ? AND deleted_at IS NULL').get(rhkId) as { id: string }).id;

beforeAll(() => {
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
  rhkBId = b.rhkId;
  indA = indicatorOf(a.rhkId);
  indB = indicatorOf(b.rhkId);

  // The amendment, still a draft: B deleted, C added.
  v = office.call('skp.amend', { skpId, version: v, reason: 'Piket dialihkan; arsip surat ditambahkan' }, me).version;
  v = office.call('skp.removeRhk', { skpId, version: v, rhkId: rhkBId }, me).version;
  const c = office.call('skp.saveRhk', { skpId, version: v, rhk: rhkC }, me);
  version = c.version;
  indC = indicatorOf(c.rhkId);
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

describe('reporting realisasi while an amendment is drafted', () => {
  it('realisasi.get shows the approved indicators, including the one the draft deletes, not the one it adds; nothing is removed yet', () => {
    for (const as of [team.employee.session, team.appraiser.session]) {
      const r = office.call('realisasi.get', { skpId, period: '2' }, as);
      expect(r.rows.map((row) => row.indicatorId)).toEqual([indA, indB]);
      expect(r.removedIndicators).toEqual([]);
    }
  });

  it('accepts values and evidence on the approved indicators only, and sends them', () => {
    const me = team.employee.session;
    const refused = office.tryCall('realisasi.save', { skpId, period: '2', entries: [{ indicatorId: indC, version: null, value: 40 }] }, me);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Baris 1: indikator bukan bagian dari SKP ini.' } });
    expect(office.tryCall('realisasi.addEvidence', { skpId, period: '2', indicatorId: indC, file: evidenceInput('arsip.pdf') }, me)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(office.call('realisasi.save', { skpId, period: '2', entries: [{ indicatorId: indB, version: null, value: 18 }] }, me).saved).toBe(1);
    // March, begun during the amendment too: a value on B only.
    expect(office.call('realisasi.save', { skpId, period: '3', entries: [{ indicatorId: indB, version: null, value: 5 }] }, me).saved).toBe(1);
    expect(office.call('realisasi.addEvidence', { skpId, period: '2', indicatorId: indB, file: evidenceInput('piket.pdf') }, me).evidence.id).toBeTruthy();
    expect(office.call('realisasi.submit', { skpId, period: '2' }, me).submittedAt).toBeTruthy();
  });

  it('after the amendment is approved, the new plan applies and the deleted indicator is reported apart', () => {
    const me = team.employee.session;
    const v = office.call('skp.submit', { skpId, version }, me).version;
    office.call('skp.approve', { skpId, version: v }, team.appraiser.session);
    const r = office.call('realisasi.get', { skpId, period: '3' }, me);
    expect(r.rows.map((row) => row.indicatorId)).toEqual([indA, indC]);
    const feb = office.call('realisasi.get', { skpId, period: '2' }, me);
    expect(feb.removedIndicators.map((x) => x.indicatorId)).toEqual([indB]);
    expect(r.removedIndicators.map((x) => x.indicatorId)).toEqual([indB]);
    // March's only value is on the removed indicator: that is not a report of the plan.
    expect(office.tryCall('realisasi.submit', { skpId, period: '3' }, me)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    office.call('realisasi.save', { skpId, period: '3', entries: [{ indicatorId: indC, version: null, value: 40 }] }, me);
    expect(office.call('realisasi.submit', { skpId, period: '3' }, me).submittedAt).toBeTruthy();
  });
});
