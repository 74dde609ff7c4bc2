/**
 * A final evaluation keeps the plan it judged. The SKP is amended after the January evaluation was
 * locked (an RHK renamed with a new target, one removed, one added, the Ekspektasi Khusus Pimpinan
 * rewritten) and approved again as version 2: January, on screen, in both PDFs, on the realisasi
 * page and in the appeal, still shows version 1 with its ratings per RHK; February's draft shows
 * version 2. While the amendment is being drafted, the draft evaluation judges the approved
 * version 1, not the unapproved rows. And migration 0006 fills the version of evaluations locked
 * before it existed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/commands';
import { renderEvaluationDocument } from '../../electron/core/evaluation/document';
import type { EvaluationForm } from '../../electron/core/evaluation/format';
import { databasePath } from '../../electron/core/db/connection';
import { evaluationPlanVersion } from '../../electron/core/db/migrations/0006_evaluation_plan_version';
import { evalTeam, makeOffice, makeTempDir, openYear, removeAllTempDirs, type EvalTeam, type Office, type Session } from '../helpers';

const texts = {
  rhkA: 'Tersusunnya laporan administrasi perkantoran',
  rhkARenamed: 'Tersusunnya laporan administrasi dan kearsipan digital',
  indA: 'Jumlah laporan yang disusun',
  indARenamed: 'Jumlah laporan digital yang disusun',
  rhkB: 'Terlaksananya piket layanan tamu kantor',
  indB: 'Jumlah hari piket layanan tamu',
  rhkC: 'Terdigitalisasinya arsip surat masuk',
  indC: 'Jumlah arsip surat yang dipindai',
  expectation1: 'Membalas surat masuk paling lambat dua hari kerja.',
  expectation2: 'Mengunggah arsip pindaian pada hari yang sama.',
  noteB: 'Piket selalu terisi.',
};

type RhkInput = CommandInput<'skp.saveRhk'>['rhk'];
const rhkA = (id?: string, indicatorId?: string, renamed = false): RhkInput => ({
  ...(id ? { id } : {}),
  kind: 'utama',
  text: renamed ? texts.rhkARenamed : texts.rhkA,
  indicators: [
    { ...(indicatorId ? { id: indicatorId } : {}), aspek: 'kuantitas', text: renamed ? texts.indARenamed : texts.indA, targetMin: renamed ? 20 : 10, targetMax: renamed ? 24 : 12, targetUnit: 'dokumen' },
  ],
});
const rhkB: RhkInput = { kind: 'tambahan', text: texts.rhkB, indicators: [{ aspek: 'kuantitas', text: texts.indB, targetMin: 20, targetUnit: 'hari' }] };
const rhkC: RhkInput = { kind: 'utama', text: texts.rhkC, indicators: [{ aspek: 'kuantitas', text: texts.indC, targetMin: 500, targetUnit: 'surat' }] };

function pdfText(bytes: Buffer): string {
  const file = path.join(makeTempDir('kinerja-plan-version-pdf-'), 'evaluasi.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** A phrase word by word (a narrow cell wraps it; a row may break across pages). */
function hasPhrase(text: string, phrase: string): boolean {
  const words = phrase.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('[\\s\\S]{1,600}?')).test(text);
}

interface Plan {
  skpId: string;
  version: number;
  rhkA: string;
  indA: string;
  rhkB: string;
  indB: string;
}

/** The employee's SKP with RHK A (Utama) and B (Tambahan) and one expectation, approved as version 1. */
function approvedPlan(office: Office, team: EvalTeam): Plan {
  const year = openYear(office);
  const me = team.employee.session;
  const { skp } = office.call('skp.create', { yearId: year.id }, me);
  const a = office.call('skp.saveRhk', { skpId: skp.id, version: skp.version, rhk: rhkA() }, me);
  const b = office.call('skp.saveRhk', { skpId: skp.id, version: a.version, rhk: rhkB }, me);
  const e = office.call('skp.setExpectations', { skpId: skp.id, version: b.version, expectations: [{ valueCode: 'akuntabel', text: texts.expectation1 }] }, team.appraiser.session);
  const submitted = office.call('skp.submit', { skpId: skp.id, version: e.version }, me);
  const approved = office.call('skp.approve', { skpId: skp.id, version: submitted.version }, team.appraiser.session);
  const ind = (rhkId: string) => (office.core.sqlite.prepare('SELECT id FROM skp_indicators WHERE rhk_id = ? AND deleted_at IS NULL').get(rhkId) as { id: string }).id;
  return { skpId: skp.id, version: approved.version, rhkA: a.rhkId, indA: ind(a.rhkId), rhkB: b.rhkId, indB: ind(b.rhkId) };
}

/** The period's realisasi sent, then the appraiser's draft evaluation judging `judge`. */
function evaluate(office: Office, team: EvalTeam, skpId: string, period: string, entries: { indicatorId: string; version: number | null; value: number }[], judge: { rhkId: string; note?: string }[]) {
  office.call('realisasi.save', { skpId, period, entries }, team.employee.session);
  office.call('realisasi.submit', { skpId, period }, team.employee.session);
  return office.call(
    'evaluation.save',
    { skpId, period, version: null, rhk: judge.map((j) => ({ rhkId: j.rhkId, judgement: 'sesuai' as const, note: j.note ?? null })), resultsRating: 'sesuai', behaviourRating: 'sesuai' },
    team.appraiser.session,
  );
}

/** Amends the approved plan: A renamed with a new target, B removed, C added, the expectation rewritten. Returns the SKP version (not yet submitted). */
function draftAmendment(office: Office, team: EvalTeam, p: Plan): { version: number; rhkC: string } {
  const me = team.employee.session;
  let v = office.call('skp.amend', { skpId: p.skpId, version: p.version, reason: 'Tugas kearsipan digital sejak Februari' }, me).version;
  v = office.call('skp.saveRhk', { skpId: p.skpId, version: v, rhk: rhkA(p.rhkA, p.indA, true) }, me).version;
  v = office.call('skp.removeRhk', { skpId: p.skpId, version: v, rhkId: p.rhkB }, me).version;
  const c = office.call('skp.saveRhk', { skpId: p.skpId, version: v, rhk: rhkC }, me);
  v = office.call('skp.setExpectations', { skpId: p.skpId, version: c.version, expectations: [{ valueCode: 'akuntabel', text: texts.expectation2 }] }, team.appraiser.session).version;
  return { version: v, rhkC: c.rhkId };
}

function approveAmendment(office: Office, team: EvalTeam, skpId: string, version: number): number {
  const submitted = office.call('skp.submit', { skpId, version }, team.employee.session);
  return office.call('skp.approve', { skpId, version: submitted.version }, team.appraiser.session).version;
}

const meta = (s: Session) => ({ transport: 'ipc' as const, sessionToken: s.token, requireCsrf: false });

describe('a final evaluation after the SKP is amended and approved again', () => {
  let office: Office;
  let team: EvalTeam;
  let p: Plan;
  let rhkCId: string;
  let januaryId: string;

  beforeAll(() => {
    office = makeOffice();
    team = evalTeam(office);
    p = approvedPlan(office, team);
    const jan = evaluate(
      office,
      team,
      p.skpId,
      '1',
      [
        { indicatorId: p.indA, version: null, value: 11 },
        { indicatorId: p.indB, version: null, value: 21 },
      ],
      [{ rhkId: p.rhkA }, { rhkId: p.rhkB, note: texts.noteB }],
    );
    januaryId = jan.evaluationId;
    office.clock.advanceMinutes(5);
    office.call('evaluation.finalize', { evaluationId: jan.evaluationId, version: jan.version }, team.appraiser.session);
    office.clock.advanceMinutes(5);
    const amended = draftAmendment(office, team, p);
    rhkCId = amended.rhkC;
    approveAmendment(office, team, p.skpId, amended.version);
  });

  afterAll(() => {
    office?.close();
    removeAllTempDirs();
  });

  it('records the approved version it was locked against', () => {
    const row = office.core.sqlite.prepare('SELECT skp_version_no FROM evaluations WHERE id = ?').get(januaryId) as { skp_version_no: number };
    expect(row.skp_version_no).toBe(1);
    expect(office.call('skp.get', { skpId: p.skpId }, team.employee.session).approvedVersion).toBe(2);
  });

  it('evaluation.get shows version 1: the old RHK, indicators, targets and expectation, with their ratings and realisasi by id', () => {
    for (const who of [team.appraiser.session, team.employee.session, team.atasan.session, office.adminSession()]) {
      const d = office.call('evaluation.get', { skpId: p.skpId, period: '1' }, who);
      expect(d.status).toBe('final');
      expect(d.planVersion).toBe(1);
      expect(d.rhk.map((r) => [r.rhkId, r.kind, r.text, r.judgement])).toEqual([
        [p.rhkA, 'utama', texts.rhkA, 'sesuai'],
        [p.rhkB, 'tambahan', texts.rhkB, 'sesuai'],
      ]);
      expect(d.rhk[1]!.note).toBe(texts.noteB);
      expect(d.rhk[0]!.indicators.map((i) => [i.indicatorId, i.indicatorText, i.targetLabel, i.value])).toEqual([[p.indA, texts.indA, '10 - 12 dokumen', 11]]);
      // The removed RHK still shows, with the realisasi reported on its indicator.
      expect(d.rhk[1]!.indicators.map((i) => [i.indicatorId, i.indicatorText, i.value])).toEqual([[p.indB, texts.indB, 21]]);
      expect(d.perilaku.find((x) => x.valueCode === 'akuntabel')?.expectation).toBe(texts.expectation1);
    }
  });

  it('the realisasi page of the locked period lists the indicators judged', () => {
    const r = office.call('realisasi.get', { skpId: p.skpId, period: '1' }, team.employee.session);
    expect(r.locked).toBe(true);
    expect(r.rows.map((x) => [x.indicatorId, x.rhkText, x.indicatorText, x.value])).toEqual([
      [p.indA, texts.rhkA, texts.indA, 11],
      [p.indB, texts.rhkB, texts.indB, 21],
    ]);
  });

  it.each(['dokumen', 'evaluasi'] as EvaluationForm[])('the %s PDF prints version 1', async (form) => {
    const { bytes, detail } = await renderEvaluationDocument(office.core, meta(team.appraiser.session), { skpId: p.skpId, period: '1', form });
    expect(detail.planVersion).toBe(1);
    const text = pdfText(bytes);
    expect(hasPhrase(text, team.employee.name)).toBe(true);
    if (form === 'evaluasi') {
      for (const t of [texts.rhkA, texts.indA, texts.rhkB, texts.indB, texts.expectation1]) expect(hasPhrase(text, t), t).toBe(true);
      for (const t of [texts.rhkARenamed, texts.indARenamed, texts.rhkC, texts.indC, texts.expectation2]) expect(hasPhrase(text, t), t).toBe(false);
    }
  });

  it('a draft evaluation of a later period follows version 2', () => {
    const feb = evaluate(office, team, p.skpId, '2', [{ indicatorId: p.indA, version: null, value: 22 }], [{ rhkId: p.rhkA }]);
    const d = office.call('evaluation.get', { skpId: p.skpId, period: '2' }, team.appraiser.session);
    expect(d.status).toBe('draf');
    expect(d.planVersion).toBeNull();
    expect(d.rhk.map((r) => [r.rhkId, r.text])).toEqual([
      [p.rhkA, texts.rhkARenamed],
      [rhkCId, texts.rhkC],
    ]);
    expect(d.rhk[0]!.indicators.map((i) => [i.indicatorText, i.targetLabel, i.value])).toEqual([[texts.indARenamed, '20 - 24 dokumen', 22]]);
    expect(d.perilaku.find((x) => x.valueCode === 'akuntabel')?.expectation).toBe(texts.expectation2);
    // The removed RHK cannot be judged any more.
    const refused = office.tryCall(
      'evaluation.save',
      { skpId: p.skpId, period: '2', version: feb.version, rhk: [{ rhkId: p.rhkB, judgement: 'sesuai' }] },
      team.appraiser.session,
    );
    expect(refused.ok ? 'ok' : refused.error.code).toBe('VALIDATION');
    // January is untouched by February's work.
    expect(office.call('evaluation.get', { skpId: p.skpId, period: '1' }, team.appraiser.session).rhk.map((r) => r.text)).toEqual([texts.rhkA, texts.rhkB]);
  });

  it('the appeal names the people as the judged plan did', () => {
    const jan = office.call('evaluation.get', { skpId: p.skpId, period: '1' }, team.employee.session);
    office.call('evaluation.acknowledge', { evaluationId: januaryId, version: jan.version! }, team.employee.session);
    const { appeal } = office.call('appeal.file', { evaluationId: januaryId, reasons: 'Piket saya melampaui target.' }, team.employee.session);
    // The live header of the SKP changes (any path); the locked result keeps the signed names.
    office.core.sqlite.prepare("UPDATE skps SET appraiser_name = 'Nama Penilai Baru', employee_position = 'Jabatan Baru' WHERE id = ?").run(p.skpId);
    expect(office.call('appeal.get', { appealId: appeal.id }, team.employee.session).appeal).toMatchObject({ appraiserName: team.appraiser.name, employeeName: team.employee.name });
    const d = office.call('evaluation.get', { skpId: p.skpId, period: '1' }, team.employee.session);
    expect(d.header.appraiser?.name).toBe(team.appraiser.name);
    expect(d.position).not.toBe('Jabatan Baru');
    expect(d.appeal?.id).toBe(appeal.id);
    // The draft of February follows the live header.
    expect(office.call('evaluation.get', { skpId: p.skpId, period: '2' }, team.appraiser.session).header.appraiser?.name).toBe('Nama Penilai Baru');
  });
});

describe('a draft evaluation while an amendment is under way', () => {
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

  it('judges the approved version, not the unapproved rows, and locks against it', () => {
    const p = approvedPlan(office, team);
    const draft = evaluate(office, team, p.skpId, '1', [{ indicatorId: p.indA, version: null, value: 11 }], [{ rhkId: p.rhkA }, { rhkId: p.rhkB }]);
    const amended = draftAmendment(office, team, p);
    const d = office.call('evaluation.get', { skpId: p.skpId, period: '1' }, team.appraiser.session);
    expect(d.planVersion).toBe(1);
    expect(d.rhk.map((r) => r.text)).toEqual([texts.rhkA, texts.rhkB]);
    // An RHK not approved yet cannot be judged.
    const refused = office.tryCall('evaluation.save', { skpId: p.skpId, period: '1', version: draft.version, rhk: [{ rhkId: amended.rhkC, judgement: 'sesuai' }] }, team.appraiser.session);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('VALIDATION');
    office.call('evaluation.finalize', { evaluationId: draft.evaluationId, version: draft.version }, team.appraiser.session);
    approveAmendment(office, team, p.skpId, amended.version);
    const after = office.call('evaluation.get', { skpId: p.skpId, period: '1' }, team.appraiser.session);
    expect(after.planVersion).toBe(1);
    expect(after.rhk.map((r) => [r.text, r.judgement])).toEqual([
      [texts.rhkA, 'sesuai'],
      [texts.rhkB, 'sesuai'],
    ]);
  });

  it('drops, when locking, a judgement on an RHK the approved amendment removed', () => {
    const p = approvedPlan(office, team);
    const draft = evaluate(office, team, p.skpId, '1', [{ indicatorId: p.indA, version: null, value: 11 }], [{ rhkId: p.rhkA }, { rhkId: p.rhkB }]);
    const amended = draftAmendment(office, team, p);
    approveAmendment(office, team, p.skpId, amended.version);
    const saved = office.call(
      'evaluation.save',
      { skpId: p.skpId, period: '1', version: draft.version, rhk: [{ rhkId: amended.rhkC, judgement: 'sesuai' }] },
      team.appraiser.session,
    );
    office.call('evaluation.finalize', { evaluationId: saved.evaluationId, version: saved.version }, team.appraiser.session);
    const d = office.call('evaluation.get', { skpId: p.skpId, period: '1' }, team.appraiser.session);
    expect(d.planVersion).toBe(2);
    expect(d.rhk.map((r) => [r.text, r.judgement])).toEqual([
      [texts.rhkARenamed, 'sesuai'],
      [texts.rhkC, 'sesuai'],
    ]);
    const left = office.core.sqlite.prepare('SELECT rhk_id FROM evaluation_rhk WHERE evaluation_id = ? AND deleted_at IS NULL ORDER BY rhk_id').all(saved.evaluationId) as { rhk_id: string }[];
    expect(left.map((r) => r.rhk_id).sort()).toEqual([p.rhkA, amended.rhkC].sort());
  });
});

describe('migration 0006 on a database at schema 0005', () => {
  it('fills the version in force when each final evaluation was locked, the current one when none was, and leaves drafts empty', () => {
    let office = makeOffice();
    const team = evalTeam(office);
    const p = approvedPlan(office, team);
    const jan = evaluate(office, team, p.skpId, '1', [{ indicatorId: p.indA, version: null, value: 11 }], [{ rhkId: p.rhkA }, { rhkId: p.rhkB }]);
    office.clock.advanceMinutes(5);
    office.call('evaluation.finalize', { evaluationId: jan.evaluationId, version: jan.version }, team.appraiser.session);
    office.clock.advanceMinutes(5);
    const amended = draftAmendment(office, team, p);
    approveAmendment(office, team, p.skpId, amended.version);
    office.clock.advanceMinutes(5);
    const feb = evaluate(office, team, p.skpId, '2', [{ indicatorId: p.indA, version: null, value: 22 }], [{ rhkId: p.rhkA }, { rhkId: amended.rhkC }]);
    office.call('evaluation.finalize', { evaluationId: feb.evaluationId, version: feb.version }, team.appraiser.session);
    const mar = evaluate(office, team, p.skpId, '3', [{ indicatorId: p.indA, version: null, value: 23 }], [{ rhkId: p.rhkA }]);
    // A second SKP whose evaluation claims to be locked before any version was approved (a clock
    // set wrong on that machine): the current approved version is the best there is.
    const q = approvedPlan(office, team);
    const early = evaluate(office, team, q.skpId, '1', [{ indicatorId: q.indA, version: null, value: 11 }], [{ rhkId: q.rhkA }]);
    office.call('evaluation.finalize', { evaluationId: early.evaluationId, version: early.version }, team.appraiser.session);

    // Back to before 0006: the column gone; the data as 0005 knew it. Migrations released after
    // 0006 stay applied (they cannot be undone generically); 0006 itself then runs as `migrate`
    // runs it, inside one transaction. Upgrading whole older databases is the fixture upgrade
    // test's job (tests/upgrade).
    const dir = office.dir;
    const rowsBefore = office.core.sqlite.prepare('SELECT id, version, updated_at, hlc FROM evaluations ORDER BY id').all();
    const changeLogBefore = office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log').get();
    office.core.close();
    const raw = new Database(databasePath(dir));
    raw.exec('ALTER TABLE evaluations DROP COLUMN skp_version_no');
    raw.prepare("UPDATE evaluations SET finalized_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(early.evaluationId);
    raw.transaction(() => raw.exec(evaluationPlanVersion.up))();
    raw.close();

    office = office.reopen();
    try {
      const versionOf = (id: string) => (office.core.sqlite.prepare('SELECT skp_version_no FROM evaluations WHERE id = ?').get(id) as { skp_version_no: number | null }).skp_version_no;
      expect(versionOf(jan.evaluationId)).toBe(1);
      expect(versionOf(feb.evaluationId)).toBe(2);
      expect(versionOf(mar.evaluationId)).toBeNull();
      expect(versionOf(early.evaluationId)).toBe(1);
      // The backfill is derived data every copy computes alike: no change_log row, no version bump.
      expect(office.core.sqlite.prepare('SELECT id, version, updated_at, hlc FROM evaluations ORDER BY id').all()).toEqual(rowsBefore);
      expect(office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log').get()).toEqual(changeLogBefore);

      // Opened again, January shows the plan it judged, March's draft the amended one.
      const appraiser = office.login(team.appraiser.nip, team.appraiser.password);
      const janDetail = office.call('evaluation.get', { skpId: p.skpId, period: '1' }, appraiser);
      expect(janDetail.rhk.map((r) => r.text)).toEqual([texts.rhkA, texts.rhkB]);
      expect(office.call('evaluation.get', { skpId: p.skpId, period: '2' }, appraiser).rhk.map((r) => r.text)).toEqual([texts.rhkARenamed, texts.rhkC]);
      expect(office.call('evaluation.get', { skpId: p.skpId, period: '3' }, appraiser).rhk.map((r) => r.text)).toEqual([texts.rhkARenamed, texts.rhkC]);

      // Should a version lack an RHK the evaluation judged (locked before 0006 while an amendment
      // was being drafted), that RHK still shows, from its own row, with its judgement and realisasi.
      office.core.sqlite.prepare('UPDATE evaluations SET skp_version_no = 1 WHERE id = ?').run(feb.evaluationId);
      const febDetail = office.call('evaluation.get', { skpId: p.skpId, period: '2' }, appraiser);
      expect(febDetail.rhk.map((r) => [r.text, r.judgement])).toEqual([
        [texts.rhkA, 'sesuai'],
        [texts.rhkC, 'sesuai'],
        [texts.rhkB, null],
      ]);
      expect(febDetail.rhk[1]!.indicators.map((i) => i.indicatorText)).toEqual([texts.indC]);
    } finally {
      office.close();
      removeAllTempDirs();
    }
  });
});
