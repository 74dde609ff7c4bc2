import { forbidden } from '../../shared/errors';
import type { Actor, AuthedReadContext } from './context';
import type { Core } from './core';

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

export function canSeeEmployee(core: Core, actor: Actor, employeeId: string, on: Date): boolean {
  if (actor.employeeId === employeeId) return true;
  if (actor.roles.has('admin_pusat')) return true;
  if (actor.roles.has('pengelola') && employeeOffice(core, employeeId) === actor.officeId) return true;
  return appraisalLink(core, actor.employeeId, employeeId, on) !== null;
}

export function assertCanSeeEmployee(ctx: AuthedReadContext, employeeId: string): void {
  if (!canSeeEmployee(ctx.core, ctx.actor, employeeId, ctx.now)) {
    throw forbidden('Anda hanya dapat melihat data Anda sendiri, pegawai yang Anda nilai, atau pegawai kantor yang Anda kelola.');
  }
}

/** Office admins manage only their own office's records. */
export function assertSameOffice(actor: Actor, officeId: string): void {
  if (actor.officeId !== officeId && !actor.roles.has('admin_pusat')) throw forbidden('Data ini milik kantor lain.');
}
