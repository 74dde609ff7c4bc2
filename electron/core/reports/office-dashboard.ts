import { forbidden } from '../../../shared/errors';
import type { CommandInput, CommandOutput } from '../../../shared/commands';
import { periodsOf } from '../../../shared/evaluation/periods';
import type { AuthedReadContext } from '../context';
import { distributionForPeriod } from '../distribution/handlers';
import { loadYear } from '../skp/service';
import { collator } from './plans';
import { dashboardPlans, evaluationStatuses, openAppealsOfOffice, planNames, reportStatuses } from './queries';

type PlanRow = ReturnType<typeof dashboardPlans>[number];
/** A plan counted on the dashboard, with the period's report and evaluation status. */
type DashboardPlan = [...PlanRow, report: string | null, evaluation: string | null];

/** The office's progress in one period: who has reported, who waits on which appraiser, predikat per unit. */
export function officeDashboard(ctx: AuthedReadContext, input: CommandInput<'reports.officeDashboard'>): CommandOutput<'reports.officeDashboard'> {
  const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
  const period = periodsOf(year.year, year.cadence).find((p) => p.code === input.period);
  if (!period) throw forbidden('Periode tidak sesuai siklus Tahun Penilaian.');
  // Three statements (plans, report and evaluation statuses as arrays; see queries.ts) instead of
  // two lookups per plan. Names are read afterwards, only for the people listed (not reported) and
  // one plan per appraiser.
  const rows = dashboardPlans(ctx.core, ctx.actor.officeId, year.id);
  const reported = reportStatuses(ctx.core, ctx.actor.officeId, period.code);
  const evaluated = evaluationStatuses(ctx.core, year.id, period.code);
  // The SKP each employee works on in the year (the latest period), as currentSkps picks it.
  const skps: DashboardPlan[] = [];
  for (let i = 0; i < rows.length; i++) {
    const s = rows[i]!;
    if (rows[i + 1]?.[1] === s[1]) continue;
    if (s[4] > 0 && !(period.end < s[2] || period.start > s[3])) skps.push([...s, reported.get(s[0]) ?? null, evaluated.get(s[0]) ?? null]);
  }
  // Who is named: everyone not reported, plans without an appraiser in the office (grouped by
  // name), and the first plan (in employee order) of each appraiser, whose snapshot names them.
  const named = new Set<string>();
  const firstOf = new Set<string>();
  for (const s of skps) {
    if (s[6] !== 'diajukan' || s[5] === null) named.add(s[0]);
    if (s[5] !== null && !firstOf.has(s[5])) {
      firstOf.add(s[5]);
      named.add(s[0]);
    }
  }
  const names = new Map(planNames(ctx.core, [...named]).map((n) => [n.id, n]));
  const byAppraiser = new Map<string, { appraiserId: string | null; appraiserName: string; pending: number; final: number }>();
  const notReported = [];
  let realisasiSubmitted = 0;
  let evaluationsFinal = 0;
  for (const s of skps) {
    const n = names.get(s[0]);
    if (s[6] === 'diajukan') realisasiSubmitted++;
    else notReported.push({ employeeId: s[1], name: n!.employee_name, nip: n!.employee_nip, unit: n!.employee_unit, appraiserName: n!.appraiser_name });
    const final = s[7] === 'final';
    if (final) evaluationsFinal++;
    const key = s[5] ?? n!.appraiser_name ?? '-';
    let a = byAppraiser.get(key);
    if (!a) {
      a = { appraiserId: s[5], appraiserName: n!.appraiser_name ?? 'Belum ditentukan', pending: 0, final: 0 };
      byAppraiser.set(key, a);
    }
    if (final) a.final++;
    else a.pending++;
  }
  const dist = distributionForPeriod(ctx.core, ctx.actor.officeId, year.id, period.code);
  return {
    periodLabel: period.label,
    employees: skps.length,
    realisasiSubmitted,
    evaluationsFinal,
    notReported: notReported.sort(
      (a, b) => collator.compare(a.unit ?? '', b.unit ?? '') || collator.compare(a.name, b.name) || (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0),
    ),
    pendingByAppraiser: [...byAppraiser.values()].sort(
      (a, b) => b.pending - a.pending || collator.compare(a.appraiserName, b.appraiserName) || ((a.appraiserId ?? '') < (b.appraiserId ?? '') ? -1 : 1),
    ),
    openAppeals: openAppealsOfOffice(ctx.core, ctx.actor.officeId),
    predikatByUnit: [dist.office, ...dist.units].map((u) => ({ unitId: u.unitId, unitName: u.unitName, counts: u.counts, breaches: u.breaches.length })),
  };
}
