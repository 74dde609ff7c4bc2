import { forbidden } from '../../shared/errors';
import type { Actor, AuthedReadContext } from './context';
import type { Core } from './core';
import type { AppealsTable, DialoguesTable } from './db/schema';

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
