import { sql } from 'kysely';
import type { Predikat } from '../../../shared/evaluation/predikat';
import type { Core } from '../core';
import type { Query } from '../db/query';
import type { PerformanceYearsTable, SkpsTable } from '../db/schema';

/** Whose plans a report reads: an office's, an appraiser's team, or one employee's. */
export type PlanScope = { office: string } | { appraiser: string } | { employee: string };

/** Every live plan of a year in the scope, oldest period first. */
export function plansOfYear(core: Core, yearId: string, scope: PlanScope): SkpsTable[] {
  let q = core.db.selectFrom('skps').selectAll().where('year_id', '=', yearId).where('deleted_at', 'is', null);
  if ('office' in scope) q = q.where('office_id', '=', scope.office);
  else if ('appraiser' in scope) q = q.where('appraiser_employee_id', '=', scope.appraiser);
  else q = q.where('employee_id', '=', scope.employee);
  return core.q.all(q.orderBy('period_start'));
}

export interface EvaluationMark {
  id: string;
  skp_id: string;
  period: string;
  status: string;
  predikat: Predikat | null;
  acknowledged_at: string | null;
  appeal_deadline: string | null;
}

/** The report status of each plan's periods, and each evaluation, for a chunk of plans. */
export function periodMarks(core: Core, skpIds: string[]): { reports: { skp_id: string; period: string; status: string }[]; evaluations: EvaluationMark[] } {
  return {
    reports: core.q.all(core.db.selectFrom('period_reports').select(['skp_id', 'period', 'status']).where('deleted_at', 'is', null).where('skp_id', 'in', skpIds)),
    evaluations: core.q.all(
      core.db
        .selectFrom('evaluations')
        .select(['id', 'skp_id', 'period', 'status', 'predikat', 'acknowledged_at', 'appeal_deadline'])
        .where('deleted_at', 'is', null)
        .where('skp_id', 'in', skpIds),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Office dashboard: every plan of the year (from the narrow covering index skps_year_plans,
// migration 0005, in employee order), then the period's report and evaluation statuses, each one
// covering index range: three statements instead of two lookups per plan. Thousands of rows, so
// they are read as arrays (core.q.tuples), not one object per row.

const planColumns = ['id', 'employee_id', 'period_start', 'period_end', 'approved_version', 'appraiser_employee_id'] as const;

/** [id, employee_id, period_start, period_end, approved_version, appraiser_employee_id] */
export function dashboardPlans(core: Core, officeId: string, yearId: string) {
  return core.q.tuples(
    core.db
      .selectFrom('skps')
      .select(planColumns)
      .where('office_id', '=', officeId)
      .where('year_id', '=', yearId)
      .where('deleted_at', 'is', null)
      .orderBy('employee_id')
      .orderBy('period_start'),
    planColumns,
  );
}

export function reportStatuses(core: Core, officeId: string, period: string): Map<string, string> {
  return new Map(
    core.q.tuples(
      core.db.selectFrom('period_reports').select(['skp_id', 'status']).where('office_id', '=', officeId).where('period', '=', period).where('deleted_at', 'is', null),
      ['skp_id', 'status'],
    ),
  );
}

export function evaluationStatuses(core: Core, yearId: string, period: string): Map<string, string> {
  return new Map(
    core.q.tuples(
      core.db.selectFrom('evaluations').select(['skp_id', 'status']).where('year_id', '=', yearId).where('period', '=', period).where('deleted_at', 'is', null),
      ['skp_id', 'status'],
    ),
  );
}

/** The names a plan's snapshot carries, for the plans a dashboard lists. */
export function planNames(core: Core, skpIds: string[]) {
  return core.q.all(
    sql<{ id: string; employee_name: string; employee_nip: string; employee_unit: string | null; appraiser_name: string | null }>`
      SELECT s.id, s.employee_name, s.employee_nip, s.employee_unit, s.appraiser_name FROM json_each(${JSON.stringify(skpIds)}) j JOIN skps s ON s.id = j.value`,
  );
}

// ---------------------------------------------------------------------------------------------
// Counts

export function openAppealsOfOffice(core: Core, officeId: string): number {
  return countOf(core, core.db.selectFrom('appeals').select((e) => e.fn.countAll<number>().as('n')).where('office_id', '=', officeId).where('status', '=', 'diajukan').where('deleted_at', 'is', null));
}

export function openAppealsOf(core: Core, employeeId: string): number {
  return countOf(core, core.db.selectFrom('appeals').select((e) => e.fn.countAll<number>().as('n')).where('employee_id', '=', employeeId).where('status', '=', 'diajukan').where('deleted_at', 'is', null));
}

export function requestedDialogues(core: Core, employeeId: string, appraiserId: string): number {
  return countOf(
    core,
    core.db
      .selectFrom('dialogues')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('employee_id', '=', employeeId)
      .where('appraiser_employee_id', '=', appraiserId)
      .where('status', '=', 'diminta')
      .where('deleted_at', 'is', null),
  );
}

export function dialoguesInYear(core: Core, employeeId: string, yearId: string): number {
  return countOf(core, core.db.selectFrom('dialogues').select((e) => e.fn.countAll<number>().as('n')).where('employee_id', '=', employeeId).where('year_id', '=', yearId).where('deleted_at', 'is', null));
}

export function rhkCount(core: Core, skpId: string): number {
  return countOf(core, core.db.selectFrom('skp_rhk').select((e) => e.fn.countAll<number>().as('n')).where('skp_id', '=', skpId).where('deleted_at', 'is', null));
}

export function skpsAwaitingApproval(core: Core, appraiserId: string): number {
  return countOf(core, core.db.selectFrom('skps').select((e) => e.fn.countAll<number>().as('n')).where('appraiser_employee_id', '=', appraiserId).where('status', '=', 'diajukan').where('deleted_at', 'is', null));
}

/** Submitted reports of the appraiser's people that have no final evaluation yet. */
export function reportsAwaitingEvaluation(core: Core, appraiserId: string): number {
  return countOf(
    core,
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM period_reports r JOIN skps s ON s.id = r.skp_id
      WHERE s.appraiser_employee_id = ${appraiserId} AND r.status = 'diajukan' AND r.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.skp_id = r.skp_id AND e.period = r.period AND e.status = 'final' AND e.deleted_at IS NULL)`,
  );
}

/** Open appeals the person decides (as atasan) or has still to explain (as appraiser). */
export function appealsAwaiting(core: Core, me: string): number {
  return countOf(
    core,
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM appeals WHERE status = 'diajukan' AND deleted_at IS NULL
      AND ((atasan_employee_id = ${me}) OR (appraiser_employee_id = ${me} AND appraiser_explanation IS NULL))`,
  );
}

/** Dialogues asked of the person by the other side, or minutes they have still to confirm. */
export function dialoguesAwaiting(core: Core, me: string): number {
  return countOf(
    core,
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM dialogues WHERE deleted_at IS NULL AND (
      (status = 'diminta' AND requested_by_employee_id <> ${me} AND (employee_id = ${me} OR appraiser_employee_id = ${me}))
      OR (status = 'dicatat' AND ((employee_id = ${me} AND employee_confirmed_at IS NULL) OR (appraiser_employee_id = ${me} AND appraiser_confirmed_at IS NULL))))`,
  );
}

function countOf(core: Core, query: Query<{ n: number }>): number {
  return core.q.first(query)?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Single reads

export function employeeName(core: Core, employeeId: string): string | undefined {
  return core.q.first(core.db.selectFrom('employees').select('name').where('id', '=', employeeId))?.name;
}

export function latestFeedback(core: Core, skpId: string): { body: string; created_at: string } | undefined {
  return core.q.first(
    core.db.selectFrom('feedback').select(['body', 'created_at']).where('skp_id', '=', skpId).where('deleted_at', 'is', null).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1),
  );
}

export function feedbackPerPeriod(core: Core, skpId: string): Map<string, number> {
  const rows = core.q.all(
    core.db.selectFrom('feedback').select(['period', (e) => e.fn.countAll<number>().as('n')]).where('skp_id', '=', skpId).where('deleted_at', 'is', null).groupBy('period'),
  );
  return new Map(rows.map((r) => [r.period, r.n]));
}

/** The open year an office works in today (the latest that has begun). */
export function openYearOn(core: Core, officeId: string, day: string): PerformanceYearsTable | undefined {
  return core.q.first(
    core.db
      .selectFrom('performance_years')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('status', '=', 'terbuka')
      .where('deleted_at', 'is', null)
      .where('start_date', '<=', day)
      .orderBy('year', 'desc')
      .limit(1),
  );
}

export function isAppealed(core: Core, evaluationId: string): boolean {
  return core.q.first(core.db.selectFrom('appeals').select('id').where('evaluation_id', '=', evaluationId).where('deleted_at', 'is', null)) !== undefined;
}
