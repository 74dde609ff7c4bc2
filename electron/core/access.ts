import { forbidden } from '../../shared/errors';
import type { Actor, AuthedReadContext } from './context';
import type { Core } from './core';
import type { AppealsTable, DialoguesTable, SkpsTable } from './db/schema';
import { runningUnitOf } from './distribution/queries';
import { unitLineage } from './evaluation/service';
import { primaryAssignment } from './people/appraisal';
import { DbChainSource } from './people/source';
import { localDate } from '../../shared/people/dates';

/**
 * Row-level access, one place for every capability: who may see or act on an employee's records.
 * An employee sees their own; an office admin their office's; central HR everything it holds; an
 * appraiser (or the appraiser's superior) the records of the people they appraise.
 */
export type AppraisalLink = 'penilai' | 'atasan_penilai';

/** Supplied by the people capability, which owns the appraisal chain, through `Core.open` (wiring.ts). */
export type AppraisalLinkResolver = (core: Core, viewerEmployeeId: string, employeeId: string, on: Date) => AppraisalLink | null;

export function appraisalLink(core: Core, viewerEmployeeId: string, employeeId: string, on: Date): AppraisalLink | null {
  return core.wiring.appraisalLink(core, viewerEmployeeId, employeeId, on);
}

function employeeOffice(core: Core, employeeId: string): string | null {
  return core.q.first(core.db.selectFrom('employees').select('office_id').where('id', '=', employeeId))?.office_id ?? null;
}

/** An employee's own records: themselves, central HR, their office's Pengelola Kinerja, their appraiser and the appraiser's superior. */
export function canSeePerson(core: Core, actor: Actor, employeeId: string, on: Date): boolean {
  if (actor.employeeId === employeeId) return true;
  if (actor.roles.has('admin_pusat')) return true;
  if (actor.roles.has('pengelola') && employeeOffice(core, employeeId) === actor.officeId) return true;
  return appraisalLink(core, actor.employeeId, employeeId, on) !== null;
}

export function assertCanSeeEmployee(ctx: AuthedReadContext, employeeId: string): void {
  if (!canSeePerson(ctx.core, ctx.actor, employeeId, ctx.now)) {
    throw forbidden('Anda hanya dapat melihat data Anda sendiri, pegawai yang Anda nilai, atau pegawai kantor yang Anda kelola.');
  }
}

/** Office admins manage only their own office's records. */
export function assertSameOffice(actor: Actor, officeId: string): void {
  if (actor.officeId !== officeId && !actor.roles.has('admin_pusat')) throw forbidden('Data ini milik kantor lain.');
}

// Dialogues and appeals carry the people they concern on the row itself (as the judged plan named
// them), so who stands where is read from the row: a later change of appraiser does not move them.

type DialogueParties = Pick<DialoguesTable, 'employee_id' | 'appraiser_employee_id' | 'office_id'>;

/** Where a viewer stands in a performance dialogue; null when it is none of their business. */
export function dialogueSideOf(actor: Actor, d: DialogueParties): 'pegawai' | 'penilai' | 'pengelola' | null {
  if (d.employee_id === actor.employeeId) return 'pegawai';
  if (d.appraiser_employee_id === actor.employeeId) return 'penilai';
  if (actor.roles.has('pengelola') && d.office_id === actor.officeId) return 'pengelola';
  return null;
}

/** The employee, their Pejabat Penilai and the office's Pengelola Kinerja see a dialogue. */
export function canSeeDialogue(actor: Actor, d: DialogueParties): boolean {
  return dialogueSideOf(actor, d) !== null;
}

/** Only the two parties run a dialogue (schedule, minutes, confirmation): the side they act on; the Pengelola Kinerja only looks on. */
export function dialoguePartyOf(actor: Actor, d: DialogueParties): 'pegawai' | 'penilai' | null {
  const side = dialogueSideOf(actor, d);
  return side === 'pegawai' || side === 'penilai' ? side : null;
}

type AppealParties = Pick<AppealsTable, 'employee_id' | 'appraiser_employee_id' | 'atasan_employee_id' | 'office_id'>;

/**
 * Where a viewer stands in an appeal (keberatan): the employee files, the Pejabat Penilai explains,
 * the Atasan Pejabat Penilai decides; the office's Pengelola Kinerja and central HR look on.
 */
export function appealSideOf(actor: Actor, a: AppealParties): 'pegawai' | 'penilai' | 'atasan_penilai' | 'pengelola' | null {
  if (a.employee_id === actor.employeeId) return 'pegawai';
  if (a.atasan_employee_id === actor.employeeId) return 'atasan_penilai';
  if (a.appraiser_employee_id === actor.employeeId) return 'penilai';
  if ((actor.roles.has('pengelola') && a.office_id === actor.officeId) || actor.roles.has('admin_pusat')) return 'pengelola';
  return null;
}

export function canSeeAppeal(actor: Actor, a: AppealParties): boolean {
  return appealSideOf(actor, a) !== null;
}

/** The office's Pengelola Kinerja edits its employees' records (data, positions, overrides). */
export function canManagePerson(actor: Actor, officeId: string): boolean {
  return actor.roles.has('pengelola') && actor.officeId === officeId;
}

/**
 * The parties an SKP names in its header (written when the plan was made and kept up to date while
 * it is open): every per-plan rule below decides on these, never on today's organisation chart, so
 * a plan's appraiser keeps access to what they judged after a reorganisation.
 */
export type SkpParties = Pick<SkpsTable, 'employee_id' | 'appraiser_employee_id' | 'atasan_employee_id' | 'office_id'>;

/** Who the caller is to an SKP; the first that applies when one person is several (pegawai wins). */
export type SkpRelation = 'pegawai' | 'penilai' | 'atasan_penilai' | 'pengelola';

export function skpRelation(actor: Actor, s: SkpParties): SkpRelation | null {
  if (s.employee_id === actor.employeeId) return 'pegawai';
  if (s.appraiser_employee_id === actor.employeeId) return 'penilai';
  if (s.atasan_employee_id === actor.employeeId) return 'atasan_penilai';
  if ((actor.roles.has('pengelola') && s.office_id === actor.officeId) || actor.roles.has('admin_pusat')) return 'pengelola';
  return null;
}

/** An SKP is seen by its owner, its appraiser, the appraiser's superior, its office's Pengelola Kinerja and central HR. */
export function canSeeSkp(actor: Actor, s: SkpParties): boolean {
  return skpRelation(actor, s) !== null;
}

/** Realisasi and its evidence follow the plan: whoever sees the SKP sees what was reported on it (realisasi.get and the evidence download). */
export function canSeeRealisasi(actor: Actor, s: SkpParties): boolean {
  return canSeeSkp(actor, s);
}

/** Only the owner reports realisasi on their plan (not the Pengelola on their behalf). */
export function canReportRealisasi(actor: Actor, s: SkpParties): boolean {
  return s.employee_id === actor.employeeId;
}

/** Only the plan's own appraiser judges it; the superior, the Pengelola and central HR read the result. */
export function canEvaluate(actor: Actor, s: SkpParties): boolean {
  return skpRelation(actor, s) === 'penilai';
}

/** The feedback thread of a plan is read by whoever sees the plan. */
export function canSeeFeedback(actor: Actor, s: SkpParties): boolean {
  return canSeeSkp(actor, s);
}

/** Feedback is written by the appraiser (or their superior) and answered by the owner; the Pengelola only reads. */
export function feedbackAuthorRole(actor: Actor, s: SkpParties): Exclude<SkpRelation, 'pengelola'> | null {
  const r = skpRelation(actor, s);
  return r === 'pengelola' ? null : r;
}

export function canPostFeedback(actor: Actor, s: SkpParties): boolean {
  return feedbackAuthorRole(actor, s) !== null;
}

/** The head of office leads every unit (from a position outside any unit). */
export function isHeadOfOffice(core: Core, actor: Actor, on: Date): boolean {
  const head = core.q.first(core.db.selectFrom('offices').select('head_position_id').where('id', '=', actor.officeId))?.head_position_id;
  if (!head) return false;
  return primaryAssignment(new DbChainSource(core), actor.employeeId, localDate(on))?.position_id === head;
}

/** The Capaian Kinerja Organisasi is recorded by the office's Pengelola Kinerja or the head of office. */
export function canSetOrgRating(core: Core, actor: Actor, on: Date): boolean {
  return actor.roles.has('pengelola') || isHeadOfOffice(core, actor, on);
}

/** The whole office's distribution curve: the Pengelola Kinerja, central HR and the head of office. */
export function canSeeOfficeDistribution(core: Core, actor: Actor, on: Date): boolean {
  return actor.roles.has('pengelola') || actor.roles.has('admin_pusat') || isHeadOfOffice(core, actor, on);
}

/**
 * The one unit's curve anyone else may see: the unit they work in (when none is asked for) or one
 * below it; null when the asked unit is not theirs to see.
 */
export function visibleDistributionUnit(core: Core, actor: Actor, unitId: string | undefined): string | null {
  const own = runningUnitOf(core, actor.employeeId)?.unit_id;
  const wanted = unitId ?? own;
  if (!own || !wanted || !unitLineage(core, wanted).includes(own)) return null;
  return wanted;
}
