import type { CommandInput, CommandOutput } from '../../../shared/commands';
import { periodsOf } from '../../../shared/evaluation/periods';
import type { AuthedReadContext } from '../context';
import { loadYear } from '../skp/service';
import { currentSkps, overlaps, statusMaps } from './plans';
import { dialoguesInYear, feedbackPerPeriod, openAppealsOf, rhkCount } from './queries';

/** An employee's own year: the plan, each period's report, evaluation and feedback. */
export function myYear(ctx: AuthedReadContext, input: CommandInput<'reports.myYear'>): CommandOutput<'reports.myYear'> {
  const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
  const skp = currentSkps(ctx, year.id, { employee: ctx.actor.employeeId })[0];
  const { reports, evaluations } = statusMaps(ctx, skp ? [skp.id] : []);
  const feedbackCounts = skp ? feedbackPerPeriod(ctx.core, skp.id) : new Map<string, number>();
  const periods = periodsOf(year.year, year.cadence)
    .filter((p) => !skp || overlaps(p, skp))
    .map((p) => {
      const e = skp ? evaluations.get(`${skp.id}|${p.code}`) : undefined;
      return {
        code: p.code,
        label: p.label,
        start: p.start,
        end: p.end,
        realisasi: ((skp && reports.get(`${skp.id}|${p.code}`)) ?? 'belum') as 'belum' | 'draf' | 'diajukan',
        evaluation: (e?.status ?? 'belum') as 'belum' | 'draf' | 'final',
        predikat: e?.status === 'final' ? e.predikat : null,
        feedbackCount: feedbackCounts.get(p.code) ?? 0,
      };
    });
  const rhk = skp ? rhkCount(ctx.core, skp.id) : 0;
  return {
    skp: skp ? { id: skp.id, status: skp.status, rhkCount: rhk, approved: skp.approved_version > 0 } : null,
    periods,
    dialogues: dialoguesInYear(ctx.core, ctx.actor.employeeId, year.id),
    openAppeals: openAppealsOf(ctx.core, ctx.actor.employeeId),
  };
}
