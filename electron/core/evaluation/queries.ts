import { sql } from 'kysely';
import type { Core } from '../core';
import type { AppealsTable, EvaluationRhkTable, EvaluationsTable, FeedbackTable, SkpIndicatorsTable } from '../db/schema';

/** Reads of the evaluation capability, built with Kysely (or a typed `sql` template) and run on core.q's statement cache. */

export function evaluationOf(core: Core, skpId: string, period: string): EvaluationsTable | undefined {
  return core.q.first(core.db.selectFrom('evaluations').selectAll().where('skp_id', '=', skpId).where('period', '=', period).where('deleted_at', 'is', null));
}

export function liveEvaluation(core: Core, id: string): EvaluationsTable | undefined {
  return core.q.first(core.db.selectFrom('evaluations').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
}

export function positionOf(core: Core, positionId: string): { unit_id: string | null; type: string; level: string | null } | undefined {
  return core.q.first(core.db.selectFrom('positions').select(['unit_id', 'type', 'level']).where('id', '=', positionId));
}

export function unitParent(core: Core, unitId: string): { parent_id: string | null } | undefined {
  return core.q.first(core.db.selectFrom('units').select('parent_id').where('id', '=', unitId));
}

export function liveUnitOffice(core: Core, unitId: string): string | undefined {
  return core.q.first(core.db.selectFrom('units').select('office_id').where('id', '=', unitId).where('deleted_at', 'is', null))?.office_id;
}

export function reportStatusOf(core: Core, skpId: string, period: string): string | undefined {
  return core.q.first(core.db.selectFrom('period_reports').select('status').where('skp_id', '=', skpId).where('period', '=', period).where('deleted_at', 'is', null))?.status;
}

export function storedSnapshot(core: Core, skpId: string, versionNo: number): string | undefined {
  return core.q.first(core.db.selectFrom('skp_versions').select('snapshot').where('skp_id', '=', skpId).where('version_no', '=', versionNo).where('deleted_at', 'is', null))?.snapshot;
}

export function judgementsOf(core: Core, evaluationId: string): EvaluationRhkTable[] {
  return core.q.all(core.db.selectFrom('evaluation_rhk').selectAll().where('evaluation_id', '=', evaluationId).where('deleted_at', 'is', null));
}

/** An RHK's indicators, removed ones too (a final evaluation shows what it judged). */
export function allIndicatorsOfRhk(core: Core, rhkId: string): SkpIndicatorsTable[] {
  return core.q.all(core.db.selectFrom('skp_indicators').selectAll().where('rhk_id', '=', rhkId).orderBy('order_no').orderBy('created_at'));
}

/** The feedback an evaluation shows: the period's, or the whole year's for the annual one. */
export function feedbackFor(core: Core, skpId: string, period: string): FeedbackTable[] {
  let q = core.db.selectFrom('feedback').selectAll().where('skp_id', '=', skpId).where('deleted_at', 'is', null);
  if (period !== 'tahunan') q = q.where('period', '=', period);
  return core.q.all(q.orderBy('created_at'));
}

export function latestAppeal(core: Core, evaluationId: string): AppealsTable | undefined {
  return core.q.first(core.db.selectFrom('appeals').selectAll().where('evaluation_id', '=', evaluationId).where('deleted_at', 'is', null).orderBy('filed_at', 'desc').limit(1));
}

/** Approved plans of the year without a final annual evaluation (the year cannot close yet). */
export function plansWithoutAnnualResult(core: Core, yearId: string): number {
  return (
    core.q.first(
      core.db
        .selectFrom('skps as s')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('s.year_id', '=', yearId)
        .where('s.deleted_at', 'is', null)
        .where('s.approved_version', '>', 0)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('evaluations as e')
                .select('e.id')
                .whereRef('e.skp_id', '=', 's.id')
                .where('e.period', '=', 'tahunan')
                .where('e.status', '=', 'final')
                .where('e.deleted_at', 'is', null),
            ),
          ),
        ),
    )?.n ?? 0
  );
}

/** Approved plans this appraiser judges in the year, by name. */
export function approvedPlansOfAppraiser(core: Core, yearId: string, appraiserEmployeeId: string) {
  return core.q.all(
    core.db
      .selectFrom('skps')
      .selectAll()
      .where('year_id', '=', yearId)
      .where('appraiser_employee_id', '=', appraiserEmployeeId)
      .where('approved_version', '>', 0)
      .where('deleted_at', 'is', null)
      .orderBy('employee_name'),
  );
}

export function plansOfEmployee(core: Core, yearId: string, employeeId: string) {
  return core.q.all(core.db.selectFrom('skps').selectAll().where('year_id', '=', yearId).where('employee_id', '=', employeeId).where('deleted_at', 'is', null).orderBy('period_start'));
}

/** The rating recorded for a unit (null: the office) in a period. */
export function orgRatingRow(core: Core, yearId: string, period: string, unitId: string | null | undefined): { id: string; version: number } | undefined {
  return core.q.first(
    core.db
      .selectFrom('org_ratings')
      .select(['id', 'version'])
      .where('year_id', '=', yearId)
      .where('period', '=', period)
      .where(sql<string>`COALESCE(unit_id, '')`, '=', unitId ?? '')
      .where('deleted_at', 'is', null),
  );
}

/** The period's ratings with the unit's (or the office's) name, the office's first. */
export function orgRatingsWithNames(core: Core, yearId: string, period: string) {
  return core.q.all(
    core.db
      .selectFrom('org_ratings as o')
      .leftJoin('units as u', 'u.id', 'o.unit_id')
      .innerJoin('offices as of', 'of.id', 'o.office_id')
      .select(['o.unit_id', (eb) => eb.fn.coalesce('u.name', 'of.name').as('unit_name'), 'o.rating', 'o.set_by_name', 'o.note', 'o.version'])
      .where('o.year_id', '=', yearId)
      .where('o.period', '=', period)
      .where('o.deleted_at', 'is', null)
      .orderBy(sql`o.unit_id IS NOT NULL`)
      .orderBy('unit_name'),
  );
}

/** Units with their own Capaian Kinerja Organisasi in the period. */
export function ratedUnits(core: Core, yearId: string, period: string): string[] {
  return core.q
    .all(core.db.selectFrom('org_ratings').select('unit_id').where('year_id', '=', yearId).where('period', '=', period).where('unit_id', 'is not', null).where('deleted_at', 'is', null))
    .flatMap((r) => (r.unit_id ? [r.unit_id] : []));
}

export function officeYear(core: Core, yearId: string, officeId: string) {
  return core.q.first(core.db.selectFrom('performance_years').selectAll().where('id', '=', yearId).where('office_id', '=', officeId).where('deleted_at', 'is', null));
}

export function officeUnit(core: Core, unitId: string, officeId: string) {
  return core.q.first(core.db.selectFrom('units').select(['id', 'name', 'code']).where('id', '=', unitId).where('office_id', '=', officeId).where('deleted_at', 'is', null));
}

/** A batch's evaluations in print order: by unit (code, then name; office-level positions first), then by name. */
export function batchEvaluations(core: Core, o: { yearId: string; period: string; officeId: string; finalOnly?: boolean; appraiserEmployeeId?: string }) {
  let q = core.db
    .selectFrom('evaluations as e')
    .innerJoin('skps as s', 's.id', 'e.skp_id')
    .leftJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.skp_id', 'e.unit_id'])
    .where('e.year_id', '=', o.yearId)
    .where('e.period', '=', o.period)
    .where('e.office_id', '=', o.officeId)
    .where('e.deleted_at', 'is', null);
  if (o.finalOnly) q = q.where('e.status', '=', 'final');
  if (o.appraiserEmployeeId) q = q.where('s.appraiser_employee_id', '=', o.appraiserEmployeeId);
  return core.q.all(q.orderBy(sql`e.unit_id IS NOT NULL`).orderBy(sql`COALESCE(u.code, u.name)`).orderBy('u.name').orderBy('s.employee_name'));
}
