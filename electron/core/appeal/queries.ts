import type { Core } from '../core';
import type { AppealsTable, EvaluationsTable, PerformanceYearsTable, SkpsTable } from '../db/schema';

/** A live appeal (undefined when it does not exist or was removed). */
export function appealById(core: Core, id: string): AppealsTable | undefined {
  return core.q.first(core.db.selectFrom('appeals').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
}

export function hasAppeal(core: Core, evaluationId: string): boolean {
  return core.q.first(core.db.selectFrom('appeals').select('id').where('evaluation_id', '=', evaluationId).where('deleted_at', 'is', null)) !== undefined;
}

export function liveEvaluation(core: Core, id: string): EvaluationsTable | undefined {
  return core.q.first(core.db.selectFrom('evaluations').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
}

/**
 * The evaluation an appeal is about, with its SKP and year. They exist for as long as the appeal
 * does (an evaluation with an appeal is final and never removed), so a missing one is a broken
 * database, not a user error.
 */
export function appealedEvaluation(core: Core, evaluationId: string): { e: EvaluationsTable; skp: SkpsTable; year: PerformanceYearsTable } {
  const e = core.q.first(core.db.selectFrom('evaluations').selectAll().where('id', '=', evaluationId));
  const skp = e && core.q.first(core.db.selectFrom('skps').selectAll().where('id', '=', e.skp_id));
  const year = skp && core.q.first(core.db.selectFrom('performance_years').selectAll().where('id', '=', skp.year_id));
  if (!e || !skp || !year) throw new Error(`appeal on evaluation ${evaluationId}: evaluation, SKP or year missing`);
  return { e, skp, year };
}

/** Whose appeals a list shows: an office's, those a person decides or explains, or a person's own. */
export type AppealScope = { office: string } | { handledBy: string } | { filedBy: string };

export function appealsIn(core: Core, scope: AppealScope): AppealsTable[] {
  let q = core.db.selectFrom('appeals').selectAll().where('deleted_at', 'is', null);
  if ('office' in scope) q = q.where('office_id', '=', scope.office);
  else if ('handledBy' in scope) q = q.where((w) => w.or([w('atasan_employee_id', '=', scope.handledBy), w('appraiser_employee_id', '=', scope.handledBy)]));
  else q = q.where('employee_id', '=', scope.filedBy);
  return core.q.all(q.orderBy('filed_at', 'desc'));
}
