import fs from 'node:fs';
import path from 'node:path';
import type { CommandInput } from '../../shared/commands';
import type { Office } from './office';
import { openYear, sampleRhk, skpTeam, type TeamMember } from './skp';
import { createUserWithRoles } from './users';

/**
 * Fixtures for the monitoring/evaluation capabilities (realisasi, feedback, dialogue, evaluation,
 * appeal), on an `Office` from `makeOffice`. Each call builds fresh records in a new Tahun
 * Penilaian (see `openYear`), so cases never share an SKP, an evaluation or an appeal.
 */

/**
 * A three-level appraisal chain, because an appeal goes to the appraiser's superior: the office
 * head of `skpTeam` (the atasan penilai), a Kepala Subbagian reporting to the head (the Pejabat
 * Penilai), and a staff member reporting to the Kasubbag (the employee appraised). `outsider` is
 * a plain Pegawai with a position elsewhere, who has no business with any of their records.
 * Everyone holds their position since 2020-01-01 and is signed in.
 */
export interface EvalTeam {
  atasan: TeamMember;
  appraiser: TeamMember;
  employee: TeamMember;
  outsider: TeamMember;
}

const teams = new WeakMap<Office, EvalTeam>();

/** One team per office (accounts cost scrypt hashes); built on first use, on top of `skpTeam`. */
export function evalTeam(office: Office): EvalTeam {
  let team = teams.get(office);
  if (team) return team;
  const head = skpTeam(office).head;
  const position = (name: string, type: 'pengawas' | 'pelaksana', reportsToPositionId: string | null) =>
    office.asAdmin('org.createPosition', { name, type, reportsToPositionId }).position.id;
  const kasubbag = position('Kepala Subbagian Umum dan Kepegawaian', 'pengawas', head.positionId);
  const staf = position('Pengelola Persuratan', 'pelaksana', kasubbag);
  const loner = position('Pranata Komputer Pelaksana', 'pelaksana', null);
  const member = (name: string, positionId: string): TeamMember => {
    const user = createUserWithRoles(office, ['pegawai'], { name, assignment: { positionId, startDate: '2020-01-01' } });
    return { ...user, positionId, session: office.login(user.nip, user.password) };
  };
  team = {
    atasan: head,
    appraiser: member('Muhammad Kasubbag Umum', kasubbag),
    employee: member('Nurul Pengelola Persuratan', staf),
    outsider: member('Rahmat Pegawai Lain', loner),
  };
  teams.set(office, team);
  return team;
}

/** A tiny but real PDF (the evidence check looks at the first bytes). */
export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export function evidenceInput(name = 'laporan-januari.pdf', content: Buffer = samplePdf): { name: string; contentBase64: string } {
  return { name, contentBase64: content.toString('base64') };
}

/** How many files the content-addressed evidence store holds. */
export function evidenceFileCount(office: Office): number {
  const dir = path.join(office.dir, 'evidence');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).filter((p) => fs.statSync(path.join(dir, String(p))).isFile()).length;
}

export interface EvalSkp {
  skpId: string;
  yearId: string;
  year: number;
  /** The SKP's version after approval. */
  version: number;
  rhkId: string;
  indicatorIds: string[];
  /** The period the later fixtures work in (monthly cadence: '1' is January). */
  period: string;
}

/** The employee's SKP (one Utama RHK, two indicators) in a new year, approved by the Kasubbag. */
export function approvedEvalSkp(office: Office, yearInput: Partial<CommandInput<'year.open'>> = {}): EvalSkp {
  const team = evalTeam(office);
  const year = openYear(office, yearInput);
  const { skp } = office.call('skp.create', { yearId: year.id }, team.employee.session);
  const saved = office.call('skp.saveRhk', { skpId: skp.id, version: skp.version, rhk: sampleRhk() }, team.employee.session);
  const submitted = office.call('skp.submit', { skpId: skp.id, version: saved.version }, team.employee.session);
  const approved = office.call('skp.approve', { skpId: skp.id, version: submitted.version }, team.appraiser.session);
  const indicatorIds = (office.core.sqlite.prepare('SELECT id FROM skp_indicators WHERE rhk_id = ? AND deleted_at IS NULL ORDER BY order_no, created_at').all(saved.rhkId) as {
    id: string;
  }[]).map((r) => r.id);
  const period = yearInput.cadence === 'triwulanan' ? 'Q1' : '1';
  return { skpId: skp.id, yearId: year.id, year: year.year, version: approved.version, rhkId: saved.rhkId, indicatorIds, period };
}

export interface RealisasiFixture extends EvalSkp {
  /** The file evidence attached to the first indicator before the period was sent. */
  evidenceId: string;
}

/** Realisasi of the first period saved (both indicators), with a PDF as evidence, not yet sent. */
export function draftRealisasi(office: Office): RealisasiFixture {
  const team = evalTeam(office);
  const s = approvedEvalSkp(office);
  office.call(
    'realisasi.save',
    {
      skpId: s.skpId,
      period: s.period,
      entries: [
        { indicatorId: s.indicatorIds[0]!, version: null, value: 11, notes: 'Laporan Januari lengkap' },
        { indicatorId: s.indicatorIds[1]!, version: null, value: 1, description: 'Tepat waktu' },
      ],
    },
    team.employee.session,
  );
  const { evidence } = office.call(
    'realisasi.addEvidence',
    { skpId: s.skpId, period: s.period, indicatorId: s.indicatorIds[0]!, file: evidenceInput() },
    team.employee.session,
  );
  return { ...s, evidenceId: evidence.id };
}

/** The first period's realisasi sent to the appraiser. */
export function submittedRealisasi(office: Office): RealisasiFixture {
  const r = draftRealisasi(office);
  office.call('realisasi.submit', { skpId: r.skpId, period: r.period }, evalTeam(office).employee.session);
  return r;
}

export interface EvaluationFixture extends RealisasiFixture {
  evaluationId: string;
  /** The evaluation's version after the fixture's last step. */
  evaluationVersion: number;
}

/** The appraiser's draft evaluation of the sent period: the RHK as expected, both ratings 'sesuai' (predikat Baik). */
export function draftEvaluation(office: Office, ratings: { results?: 'diatas' | 'sesuai' | 'dibawah' | null; behaviour?: 'diatas' | 'sesuai' | 'dibawah' | null } = {}): EvaluationFixture {
  const r = submittedRealisasi(office);
  const saved = office.call(
    'evaluation.save',
    {
      skpId: r.skpId,
      period: r.period,
      version: null, rhk: [{ rhkId: r.rhkId, judgement: 'sesuai', note: 'Sesuai target.' }],
      resultsRating: ratings.results === undefined ? 'sesuai' : ratings.results,
      behaviourRating: ratings.behaviour === undefined ? 'sesuai' : ratings.behaviour,
      notes: 'Pertahankan.',
    },
    evalTeam(office).appraiser.session,
  );
  return { ...r, evaluationId: saved.evaluationId, evaluationVersion: saved.version };
}

/** The evaluation locked by the appraiser. */
export function finalEvaluation(office: Office): EvaluationFixture {
  const e = draftEvaluation(office);
  const { version } = office.call('evaluation.finalize', { evaluationId: e.evaluationId, version: e.evaluationVersion }, evalTeam(office).appraiser.session);
  return { ...e, evaluationVersion: version };
}

/** The final evaluation acknowledged by the employee today: the 14-day appeal window is open. */
export function acknowledgedEvaluation(office: Office): EvaluationFixture & { appealDeadline: string } {
  const e = finalEvaluation(office);
  const r = office.call('evaluation.acknowledge', { evaluationId: e.evaluationId, version: e.evaluationVersion }, evalTeam(office).employee.session);
  return { ...e, evaluationVersion: r.version, appealDeadline: r.appealDeadline };
}

export interface AppealFixture extends EvaluationFixture {
  appealId: string;
  appealVersion: number;
}

/** An appeal filed by the employee against the acknowledged evaluation, waiting for the atasan. */
export function filedAppeal(office: Office): AppealFixture {
  const e = acknowledgedEvaluation(office);
  const { appeal } = office.call(
    'appeal.file',
    { evaluationId: e.evaluationId, reasons: 'Realisasi saya melampaui target pada semua indikator.' },
    evalTeam(office).employee.session,
  );
  return { ...e, appealId: appeal.id, appealVersion: appeal.version };
}

export interface DialogueFixture {
  dialogueId: string;
  version: number;
  skpId: string;
  /** The performance year of the SKP: the dialogue is held inside it. */
  year: number;
  actionIds: string[];
}

/** A dialogue the employee asked for about the approved SKP ('diminta'). */
export function requestedDialogue(office: Office, skp: EvalSkp = approvedEvalSkp(office)): DialogueFixture {
  const { dialogue } = office.call(
    'dialogue.request',
    { kind: 'pemantauan', skpId: skp.skpId, note: 'Saya ingin membahas beban kerja persuratan.' },
    evalTeam(office).employee.session,
  );
  return { dialogueId: dialogue.id, version: dialogue.version, skpId: skp.skpId, year: skp.year, actionIds: [] };
}

/** The dialogue scheduled by the appraiser. */
export function scheduledDialogue(office: Office): DialogueFixture {
  const d = requestedDialogue(office);
  const { dialogue } = office.call(
    'dialogue.schedule',
    { dialogueId: d.dialogueId, version: d.version, scheduledAt: `${d.year}-03-10T09:00:00+07:00`, place: 'Ruang Subbagian Umum', agenda: 'Beban kerja persuratan' },
    evalTeam(office).appraiser.session,
  );
  return { ...d, version: dialogue.version };
}

/** Minutes recorded by the appraiser with one agreed action, not yet confirmed by anyone. */
export function recordedDialogue(office: Office): DialogueFixture {
  const d = scheduledDialogue(office);
  const { dialogue } = office.call(
    'dialogue.record',
    {
      dialogueId: d.dialogueId,
      version: d.version,
      discussion: 'Volume surat naik 40% sejak Januari.',
      employeeConcerns: 'Saya kewalahan karena juga mengurus arsip.',
      agreed: 'Arsip dibagi dengan rekan.',
      actions: [{ text: 'Menyusun pembagian tugas arsip', owner: 'penilai', dueDate: '2025-03-17' }],
    },
    evalTeam(office).appraiser.session,
  );
  return { ...d, version: dialogue.version, actionIds: dialogue.actions.map((a) => a.id) };
}
