import type { CommandInput, CommandOutput } from '../../../shared/commands';
import { periodsOf } from '../../../shared/evaluation/periods';
import type { Predikat } from '../../../shared/evaluation/predikat';
import { localDate } from '../../../shared/people/dates';
import type { AuthedReadContext } from '../context';
import { appraiseesOf } from '../people/appraisal';
import { loadYear } from '../skp/service';
import { collator, currentSkps, overlaps, statusMaps } from './plans';
import { employeeName, latestFeedback, requestedDialogues } from './queries';

/** The appraiser's team: each member's plan, progress per period and what waits on the appraiser. */
export function teamReport(ctx: AuthedReadContext, input: CommandInput<'reports.team'>): CommandOutput<'reports.team'> {
  const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
  const today = localDate(ctx.now);
  const periods = periodsOf(year.year, year.cadence).filter((p) => !p.annual);
  const skps = currentSkps(ctx, year.id, { appraiser: ctx.actor.employeeId });
  const bySkpEmployee = new Map(skps.map((s) => [s.employee_id, s]));
  const team = new Set(skps.map((s) => s.employee_id));
  for (const a of appraiseesOf(ctx.core, ctx.actor.employeeId, today)) if (a.link === 'penilai') team.add(a.employeeId);
  const { reports, evaluations } = statusMaps(ctx, skps.map((s) => s.id));
  const members = [...team].map((employeeId) => {
    const s = bySkpEmployee.get(employeeId);
    const name = s?.employee_name ?? employeeName(ctx.core, employeeId) ?? '';
    if (!s) {
      return { employeeId, name, position: null, skpId: null, skpStatus: 'belum_dibuat', periodsReported: 0, periodsEvaluated: 0, periodsTotal: 0, lastPredikat: null, lastFeedbackAt: null, lastFeedback: null, waiting: [] };
    }
    const mine = periods.filter((p) => overlaps(p, s));
    const waiting: string[] = [];
    if (s.status === 'diajukan') waiting.push('SKP menunggu persetujuan Anda');
    let reported = 0;
    let evaluated = 0;
    let lastPredikat: Predikat | null = null;
    for (const p of mine) {
      const r = reports.get(`${s.id}|${p.code}`);
      const e = evaluations.get(`${s.id}|${p.code}`);
      if (r === 'diajukan') reported++;
      if (e?.status === 'final') {
        evaluated++;
        lastPredikat = e.predikat;
      }
      if (r === 'diajukan' && e?.status !== 'final') waiting.push(`Realisasi ${p.label} menunggu penilaian`);
    }
    const fb = latestFeedback(ctx.core, s.id);
    if (requestedDialogues(ctx.core, employeeId, ctx.actor.employeeId) > 0) waiting.push('Permintaan dialog kinerja');
    return {
      employeeId,
      name,
      position: s.employee_position,
      skpId: s.id,
      skpStatus: s.status,
      periodsReported: reported,
      periodsEvaluated: evaluated,
      periodsTotal: mine.length,
      lastPredikat,
      lastFeedbackAt: fb?.created_at ?? null,
      lastFeedback: fb?.body ?? null,
      waiting,
    };
  });
  members.sort((a, b) => b.waiting.length - a.waiting.length || collator.compare(a.name, b.name) || (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0));
  return { members };
}
