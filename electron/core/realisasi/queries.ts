import { sql } from 'kysely';
import type { Core } from '../core';
import type { EvaluationsTable, EvidenceTable, PeriodReportsTable, RealisasiTable, SkpIndicatorsTable, SkpRhkTable } from '../db/schema';

/** Reads of the realisasi capability, built with Kysely (or a typed `sql` template) and run on core.q's statement cache. */

export function periodReportOf(core: Core, skpId: string, period: string): PeriodReportsTable | undefined {
  return core.q.first(core.db.selectFrom('period_reports').selectAll().where('skp_id', '=', skpId).where('period', '=', period).where('deleted_at', 'is', null));
}

/** Each period's report status of an SKP. */
export function reportStatuses(core: Core, skpId: string): { period: string; status: 'draf' | 'diajukan' }[] {
  return core.q.all(core.db.selectFrom('period_reports').select(['period', 'status']).where('skp_id', '=', skpId).where('deleted_at', 'is', null));
}

export function evaluationOfPeriod(core: Core, skpId: string, period: string): Pick<EvaluationsTable, 'id' | 'status' | 'skp_version_no'> | undefined {
  return core.q.first(
    core.db.selectFrom('evaluations').select(['id', 'status', 'skp_version_no']).where('skp_id', '=', skpId).where('period', '=', period).where('deleted_at', 'is', null),
  );
}

/** What the employee recorded on each indicator for the period. */
export function realisasiOf(core: Core, skpId: string, period: string): RealisasiTable[] {
  return core.q.all(core.db.selectFrom('realisasi').selectAll().where('skp_id', '=', skpId).where('period', '=', period).where('deleted_at', 'is', null));
}

export function realisasiOnIndicator(core: Core, indicatorId: string, period: string): { id: string; version: number } | undefined {
  return core.q.first(core.db.selectFrom('realisasi').select(['id', 'version']).where('indicator_id', '=', indicatorId).where('period', '=', period).where('deleted_at', 'is', null));
}

/** Indicators with a value or a description for the period (what counts as reported). */
export function filledIndicators(core: Core, skpId: string, period: string): { indicator_id: string }[] {
  return core.q.all(
    core.db
      .selectFrom('realisasi')
      .select('indicator_id')
      .where('skp_id', '=', skpId)
      .where('period', '=', period)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('value', 'is not', null), eb(eb.fn.coalesce('description', sql.lit('')), '<>', '')])),
  );
}

/** The period's evidence, oldest first: all of it, only that without an indicator, or only that on one. */
export function evidenceOf(core: Core, skpId: string, period: string, which: 'all' | 'general' | 'onIndicator' = 'all'): EvidenceTable[] {
  let q = core.db.selectFrom('evidence').selectAll().where('skp_id', '=', skpId).where('period', '=', period);
  if (which === 'general') q = q.where('indicator_id', 'is', null);
  if (which === 'onIndicator') q = q.where('indicator_id', 'is not', null);
  return core.q.all(q.where('deleted_at', 'is', null).orderBy('created_at'));
}

export function liveEvidence(core: Core, evidenceId: string): EvidenceTable | undefined {
  return core.q.first(core.db.selectFrom('evidence').selectAll().where('id', '=', evidenceId).where('deleted_at', 'is', null));
}

/** An indicator of this SKP, removed ones too (realisasi recorded before an amendment keeps its text). */
export function indicatorOfSkp(core: Core, indicatorId: string, skpId: string): SkpIndicatorsTable | undefined {
  return core.q.first(core.db.selectFrom('skp_indicators').selectAll().where('id', '=', indicatorId).where('skp_id', '=', skpId));
}

export function rhkById(core: Core, rhkId: string): SkpRhkTable | undefined {
  return core.q.first(core.db.selectFrom('skp_rhk').selectAll().where('id', '=', rhkId));
}

export function hasFinalEvaluation(core: Core, skpId: string, period: string): boolean {
  return (
    core.q.first(
      core.db.selectFrom('evaluations').select('id').where('skp_id', '=', skpId).where('period', '=', period).where('status', '=', 'final').where('deleted_at', 'is', null),
    ) !== undefined
  );
}

export interface IncomingReport {
  skp_id: string;
  employee_id: string;
  employee_name: string;
  period: string;
  submitted_at: string;
  year: number;
  cadence: 'bulanan' | 'triwulanan';
  evaluated: number;
}

/** Reports sent to this appraiser, newest first, and whether each period is judged already. */
export function incomingReports(core: Core, appraiserEmployeeId: string, yearId: string | undefined, limit: number): IncomingReport[] {
  return core.q.all(sql<IncomingReport>`
    SELECT r.skp_id, r.employee_id, s.employee_name, r.period, r.submitted_at, y.year, y.cadence,
           EXISTS (SELECT 1 FROM evaluations e WHERE e.skp_id = r.skp_id AND e.period = r.period AND e.status = 'final' AND e.deleted_at IS NULL) AS evaluated
    FROM period_reports r JOIN skps s ON s.id = r.skp_id JOIN performance_years y ON y.id = s.year_id
    WHERE s.appraiser_employee_id = ${appraiserEmployeeId} AND r.status = 'diajukan' AND r.deleted_at IS NULL AND (${yearId ?? null} IS NULL OR s.year_id = ${yearId ?? null})
    ORDER BY r.submitted_at DESC LIMIT ${limit}`);
}
