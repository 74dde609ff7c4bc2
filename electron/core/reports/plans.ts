import type { Period } from '../../../shared/evaluation/periods';
import type { AuthedReadContext } from '../context';
import type { SkpsTable } from '../db/schema';
import { periodMarks, plansOfYear, type EvaluationMark, type PlanScope } from './queries';

/** Does a plan's span touch the period? */
export const overlaps = (p: Period, s: Pick<SkpsTable, 'period_start' | 'period_end'>) => !(p.end < s.period_start || p.start > s.period_end);

/** Indonesian order, as `localeCompare(x, 'id')`, with one collator instead of one per comparison. */
export const collator = new Intl.Collator('id');

/** The SKP each employee works on in a year (the latest period), optionally restricted. */
export function currentSkps(ctx: AuthedReadContext, yearId: string, where: 'office' | { appraiser: string } | { employee: string }): SkpsTable[] {
  const scope: PlanScope = where === 'office' ? { office: ctx.actor.officeId } : where;
  const latest = new Map<string, SkpsTable>();
  for (const s of plansOfYear(ctx.core, yearId, scope)) latest.set(s.employee_id, s);
  return [...latest.values()];
}

/** Report and evaluation status per `skpId|period`. */
export function statusMaps(ctx: AuthedReadContext, skpIds: string[]) {
  const reports = new Map<string, string>();
  const evaluations = new Map<string, EvaluationMark>();
  // Chunked IN lists keep the statement count small even for a city's worth of plans.
  for (let i = 0; i < skpIds.length; i += 500) {
    const marks = periodMarks(ctx.core, skpIds.slice(i, i + 500));
    for (const r of marks.reports) reports.set(`${r.skp_id}|${r.period}`, r.status);
    for (const e of marks.evaluations) evaluations.set(`${e.skp_id}|${e.period}`, e);
  }
  return { reports, evaluations };
}
