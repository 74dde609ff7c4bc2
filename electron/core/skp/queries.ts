import { sql } from 'kysely';
import type { Core } from '../core';
import type { PerformanceYearsTable, SkpIndicatorsTable, SkpRhkTable, SkpsTable } from '../db/schema';

/** Reads of the skp capability, built with Kysely (or a typed `sql` template) and run on core.q's statement cache. */

export function yearById(core: Core, yearId: string): PerformanceYearsTable | undefined {
  return core.q.first(core.db.selectFrom('performance_years').selectAll().where('id', '=', yearId));
}

export function liveYearById(core: Core, yearId: string): PerformanceYearsTable | undefined {
  return core.q.first(core.db.selectFrom('performance_years').selectAll().where('id', '=', yearId).where('deleted_at', 'is', null));
}

export function liveSkpById(core: Core, skpId: string): SkpsTable | undefined {
  return core.q.first(core.db.selectFrom('skps').selectAll().where('id', '=', skpId).where('deleted_at', 'is', null));
}

/** Any SKP by id, removed ones too (an evaluation keeps pointing at its plan). */
export function skpById(core: Core, skpId: string): SkpsTable | undefined {
  return core.q.first(core.db.selectFrom('skps').selectAll().where('id', '=', skpId));
}

export function liveRhkById(core: Core, rhkId: string): SkpRhkTable | undefined {
  return core.q.first(core.db.selectFrom('skp_rhk').selectAll().where('id', '=', rhkId).where('deleted_at', 'is', null));
}

export function rhkCount(core: Core, skpId: string, kind?: 'utama' | 'tambahan'): number {
  let q = core.db
    .selectFrom('skp_rhk')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('skp_id', '=', skpId)
    .where('deleted_at', 'is', null);
  if (kind) q = q.where('kind', '=', kind);
  return core.q.first(q)?.n ?? 0;
}

/** The next free order number of an SKP's RHK list. */
export function nextRhkOrder(core: Core, skpId: string): number {
  const max = core.q.first(
    core.db
      .selectFrom('skp_rhk')
      .select((eb) => eb.fn.max<number | null>('order_no').as('m'))
      .where('skp_id', '=', skpId)
      .where('deleted_at', 'is', null),
  )?.m;
  return (max ?? -1) + 1;
}

/** How many appraisees' RHK support this one (a cascaded RHK). */
export function childRhkCount(core: Core, rhkId: string): number {
  return (
    core.q.first(
      core.db
        .selectFrom('skp_rhk')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_rhk_id', '=', rhkId)
        .where('deleted_at', 'is', null),
    )?.n ?? 0
  );
}

export function hasChildRhkIn(core: Core, skpId: string, parentRhkId: string): boolean {
  return core.q.first(core.db.selectFrom('skp_rhk').select('id').where('skp_id', '=', skpId).where('parent_rhk_id', '=', parentRhkId).where('deleted_at', 'is', null)) !== undefined;
}

/** An RHK with the year and owner of its plan (a superior RHK an appraisee links to). */
export function rhkOwner(core: Core, rhkId: string): { id: string; year_id: string; employee_id: string } | undefined {
  return core.q.first(
    core.db
      .selectFrom('skp_rhk as r')
      .innerJoin('skps as s', 's.id', 'r.skp_id')
      .select(['r.id', 's.year_id', 's.employee_id'])
      .where('r.id', '=', rhkId)
      .where('r.deleted_at', 'is', null),
  );
}

export function indicatorsOfRhk(core: Core, rhkId: string): SkpIndicatorsTable[] {
  return core.q.all(core.db.selectFrom('skp_indicators').selectAll().where('rhk_id', '=', rhkId).where('deleted_at', 'is', null).orderBy('order_no'));
}

export function annexIds(core: Core, skpId: string): { id: string }[] {
  return core.q.all(core.db.selectFrom('skp_annex').select('id').where('skp_id', '=', skpId).where('deleted_at', 'is', null));
}

export function expectationsOf(core: Core, skpId: string): { id: string; value_code: string; text: string }[] {
  return core.q.all(core.db.selectFrom('skp_expectations').select(['id', 'value_code', 'text']).where('skp_id', '=', skpId).where('deleted_at', 'is', null));
}

export function approvedVersion(core: Core, skpId: string, versionNo: number): { snapshot: string; approved_at: string } | undefined {
  return core.q.first(
    core.db.selectFrom('skp_versions').select(['snapshot', 'approved_at']).where('skp_id', '=', skpId).where('version_no', '=', versionNo).where('deleted_at', 'is', null),
  );
}

const rhkKindOrder = sql<number>`CASE r.kind WHEN 'utama' THEN 0 ELSE 1 END`;

/** The appraiser's RHK of the year an appraisee may link to (Utama first). */
export function parentRhkOptions(core: Core, appraiserEmployeeId: string, yearId: string): { id: string; kind: 'utama' | 'tambahan'; text: string }[] {
  return core.q.all(
    core.db
      .selectFrom('skp_rhk as r')
      .innerJoin('skps as p', 'p.id', 'r.skp_id')
      .select(['r.id', 'r.kind', 'r.text'])
      .where('p.employee_id', '=', appraiserEmployeeId)
      .where('p.year_id', '=', yearId)
      .where('p.deleted_at', 'is', null)
      .where('r.deleted_at', 'is', null)
      .orderBy(rhkKindOrder)
      .orderBy('r.order_no'),
  );
}

/** An employee's plans, newest year first (one year's when given). */
export function skpsOfEmployee(core: Core, employeeId: string, yearId: string | undefined): SkpsTable[] {
  let q = core.db
    .selectFrom('skps as s')
    .innerJoin('performance_years as y', 'y.id', 's.year_id')
    .selectAll('s')
    .where('s.employee_id', '=', employeeId)
    .where('s.deleted_at', 'is', null);
  if (yearId !== undefined) q = q.where('s.year_id', '=', yearId);
  return core.q.all(q.orderBy('y.year', 'desc').orderBy('s.period_start', 'desc'));
}

/** Plans sent to this appraiser and waiting for their answer, oldest first. */
export function submittedTo(core: Core, appraiserEmployeeId: string, yearId: string | undefined): SkpsTable[] {
  let q = core.db
    .selectFrom('skps')
    .selectAll()
    .where('appraiser_employee_id', '=', appraiserEmployeeId)
    .where('status', '=', 'diajukan')
    .where('deleted_at', 'is', null);
  if (yearId !== undefined) q = q.where('year_id', '=', yearId);
  return core.q.all(q.orderBy('submitted_at'));
}

/** Every plan of a year, earliest period first (so a map by employee keeps the latest). */
export function skpsOfYear(core: Core, yearId: string): SkpsTable[] {
  return core.q.all(core.db.selectFrom('skps').selectAll().where('year_id', '=', yearId).where('deleted_at', 'is', null).orderBy('period_start'));
}

/** The SKP an employee works on in a year: the latest period (after a transfer, the new position). */
export function currentSkpOf(core: Core, yearId: string, employeeId: string): SkpsTable | undefined {
  return core.q.first(
    core.db
      .selectFrom('skps')
      .selectAll()
      .where('year_id', '=', yearId)
      .where('employee_id', '=', employeeId)
      .where('deleted_at', 'is', null)
      .orderBy('period_start', 'desc')
      .limit(1),
  );
}

/** Every RHK of a year's plans, Utama first, in their order. */
export function rhkOfYear(core: Core, yearId: string): SkpRhkTable[] {
  return core.q.all(
    core.db
      .selectFrom('skp_rhk as r')
      .innerJoin('skps as s', 's.id', 'r.skp_id')
      .selectAll('r')
      .where('s.year_id', '=', yearId)
      .where('r.deleted_at', 'is', null)
      .where('s.deleted_at', 'is', null)
      .orderBy(rhkKindOrder)
      .orderBy('r.order_no'),
  );
}

export function employeeOfficeId(core: Core, employeeId: string): string | undefined {
  return core.q.first(core.db.selectFrom('employees').select('office_id').where('id', '=', employeeId))?.office_id;
}

export function employeeGolongan(core: Core, employeeId: string): { golongan: string | null } | undefined {
  return core.q.first(core.db.selectFrom('employees').select('golongan').where('id', '=', employeeId));
}

/** A plan for this position in the year already (one SKP per employee, year and position). */
export function skpForPosition(core: Core, yearId: string, employeeId: string, positionId: string): { id: string } | undefined {
  return core.q.first(
    core.db.selectFrom('skps').select('id').where('year_id', '=', yearId).where('employee_id', '=', employeeId).where('position_id', '=', positionId).where('deleted_at', 'is', null),
  );
}

export function assignmentDates(core: Core, assignmentId: string): { start_date: string; end_date: string | null } | undefined {
  return core.q.first(core.db.selectFrom('assignments').select(['start_date', 'end_date']).where('id', '=', assignmentId));
}

/** The employee's plans of the year still running on or after a day (a transfer ends them). */
export function skpsRunningFrom(core: Core, yearId: string, employeeId: string, day: string): SkpsTable[] {
  return core.q.all(
    core.db.selectFrom('skps').selectAll().where('year_id', '=', yearId).where('employee_id', '=', employeeId).where('deleted_at', 'is', null).where('period_end', '>=', day),
  );
}

/** An SKP's RHK in their order (copying a plan). */
export function rhkRowsOf(core: Core, skpId: string): SkpRhkTable[] {
  return core.q.all(core.db.selectFrom('skp_rhk').selectAll().where('skp_id', '=', skpId).where('deleted_at', 'is', null).orderBy('order_no'));
}

export function annexOf(core: Core, skpId: string) {
  return core.q.all(core.db.selectFrom('skp_annex').select(['kind', 'text', 'order_no']).where('skp_id', '=', skpId).where('deleted_at', 'is', null));
}

/** The annex in print order. */
export function annexInOrder(core: Core, skpId: string) {
  return core.q.all(core.db.selectFrom('skp_annex').select(['kind', 'text']).where('skp_id', '=', skpId).where('deleted_at', 'is', null).orderBy('order_no').orderBy('created_at'));
}

/** An SKP's RHK (Utama first) with the superior RHK each supports and how many support it. */
export function rhkWithLinks(core: Core, skpId: string) {
  return core.q.all(
    core.db
      .selectFrom('skp_rhk as r')
      .leftJoin('skp_rhk as p', 'p.id', 'r.parent_rhk_id')
      .leftJoin('skps as ps', 'ps.id', 'p.skp_id')
      .selectAll('r')
      .select(['p.text as parent_text', 'ps.employee_name as parent_owner'])
      .select((eb) =>
        eb
          .selectFrom('skp_rhk as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.parent_rhk_id', '=', 'r.id')
          .where('c.deleted_at', 'is', null)
          .as('child_count'),
      )
      .where('r.skp_id', '=', skpId)
      .where('r.deleted_at', 'is', null)
      .orderBy(rhkKindOrder)
      .orderBy('r.order_no')
      .orderBy('r.created_at'),
  );
}

export function indicatorsOfSkp(core: Core, skpId: string): SkpIndicatorsTable[] {
  return core.q.all(core.db.selectFrom('skp_indicators').selectAll().where('skp_id', '=', skpId).where('deleted_at', 'is', null).orderBy('order_no').orderBy('created_at'));
}

export function expectationTexts(core: Core, skpId: string): { value_code: string; text: string }[] {
  return core.q.all(core.db.selectFrom('skp_expectations').select(['value_code', 'text']).where('skp_id', '=', skpId).where('deleted_at', 'is', null));
}

export function eventsOf(core: Core, skpId: string) {
  return core.q.all(
    core.db
      .selectFrom('skp_events')
      .select(['action', 'from_status', 'to_status', 'actor_name', 'note', 'at'])
      .where('skp_id', '=', skpId)
      .where('deleted_at', 'is', null)
      .orderBy('at')
      .orderBy('created_at'),
  );
}

export function versionsOf(core: Core, skpId: string) {
  return core.q.all(core.db.selectFrom('skp_versions').select(['version_no', 'approved_at', 'note']).where('skp_id', '=', skpId).where('deleted_at', 'is', null).orderBy('version_no'));
}
