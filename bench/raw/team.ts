import type Database from 'better-sqlite3';
import { periodsOf } from '../../shared/evaluation/periods';
import type { Predikat } from '../../shared/evaluation/predikat';
import type { Core } from '../../electron/core/core';
import { appraiseesOf } from '../../electron/core/people/appraisal';

/**
 * reports.team by hand: the appraiser's plans, every report and evaluation of the year, the last
 * feedback and the open dialogue requests of the whole team, each in one statement (instead of
 * two per member). Who belongs to the team besides the plans is the appraisal chain, domain logic
 * both sides share (`appraiseesOf`, itself prepared statements).
 */
export function rawTeam(core: Core) {
  const db: Database.Database = core.sqlite;
  const stmts = {
    year: db.prepare('SELECT year, cadence FROM performance_years WHERE id = ?'),
    plans: db.prepare(
      `SELECT id, employee_id, employee_name, employee_position, status, period_start, period_end FROM skps
       WHERE year_id = ? AND appraiser_employee_id = ? AND deleted_at IS NULL ORDER BY period_start`,
    ),
    reports: db.prepare(
      `SELECT r.skp_id, r.period, r.status FROM skps s JOIN period_reports r ON r.skp_id = s.id AND r.deleted_at IS NULL
       WHERE s.year_id = ? AND s.appraiser_employee_id = ? AND s.deleted_at IS NULL`,
    ),
    evaluations: db.prepare(
      `SELECT e.skp_id, e.period, e.status, e.predikat FROM skps s JOIN evaluations e ON e.skp_id = s.id AND e.deleted_at IS NULL
       WHERE s.year_id = ? AND s.appraiser_employee_id = ? AND s.deleted_at IS NULL`,
    ),
    feedback: db.prepare(
      `SELECT skp_id, body, created_at FROM (
         SELECT f.skp_id, f.body, f.created_at, ROW_NUMBER() OVER (PARTITION BY f.skp_id ORDER BY f.created_at DESC, f.id DESC) AS rn
         FROM skps s JOIN feedback f ON f.skp_id = s.id AND f.deleted_at IS NULL
         WHERE s.year_id = ? AND s.appraiser_employee_id = ? AND s.deleted_at IS NULL)
       WHERE rn = 1`,
    ),
    dialogues: db.prepare(
      `SELECT employee_id, COUNT(*) AS n FROM dialogues WHERE appraiser_employee_id = ? AND status = 'diminta' AND deleted_at IS NULL GROUP BY employee_id`,
    ),
    names: db.prepare('SELECT e.id, e.name FROM json_each(?) j JOIN employees e ON e.id = j.value'),
  };
  const collator = new Intl.Collator('id');
  return (appraiserId: string, yearId: string, today: string) => {
    const y = stmts.year.get(yearId) as { year: number; cadence: 'bulanan' | 'triwulanan' };
    const periods = periodsOf(y.year, y.cadence).filter((p) => !p.annual);
    const plans = stmts.plans.all(yearId, appraiserId) as {
      id: string;
      employee_id: string;
      employee_name: string;
      employee_position: string | null;
      status: string;
      period_start: string;
      period_end: string;
    }[];
    const byEmployee = new Map<string, (typeof plans)[number]>();
    for (const p of plans) byEmployee.set(p.employee_id, p);
    const team = new Set(byEmployee.keys());
    for (const a of appraiseesOf(core, appraiserId, today)) if (a.link === 'penilai') team.add(a.employeeId);
    const reports = new Map((stmts.reports.all(yearId, appraiserId) as { skp_id: string; period: string; status: string }[]).map((r) => [`${r.skp_id}|${r.period}`, r.status]));
    const evaluations = new Map(
      (stmts.evaluations.all(yearId, appraiserId) as { skp_id: string; period: string; status: string; predikat: Predikat | null }[]).map((e) => [`${e.skp_id}|${e.period}`, e]),
    );
    const feedback = new Map((stmts.feedback.all(yearId, appraiserId) as { skp_id: string; body: string; created_at: string }[]).map((f) => [f.skp_id, f]));
    const dialogues = new Map((stmts.dialogues.all(appraiserId) as { employee_id: string; n: number }[]).map((d) => [d.employee_id, d.n]));
    const missing = [...team].filter((id) => !byEmployee.has(id));
    const names = new Map((stmts.names.all(JSON.stringify(missing)) as { id: string; name: string }[]).map((r) => [r.id, r.name]));
    const members = [...team].map((employeeId) => {
      const s = byEmployee.get(employeeId);
      if (!s) {
        return {
          employeeId,
          name: names.get(employeeId) ?? '',
          position: null,
          skpId: null,
          skpStatus: 'belum_dibuat',
          periodsReported: 0,
          periodsEvaluated: 0,
          periodsTotal: 0,
          lastPredikat: null,
          lastFeedbackAt: null,
          lastFeedback: null,
          waiting: [] as string[],
        };
      }
      const mine = periods.filter((p) => !(p.end < s.period_start || p.start > s.period_end));
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
      if ((dialogues.get(employeeId) ?? 0) > 0) waiting.push('Permintaan dialog kinerja');
      const fb = feedback.get(s.id);
      return {
        employeeId,
        name: s.employee_name,
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
  };
}
