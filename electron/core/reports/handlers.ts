import { forbidden } from '../../../shared/errors';
import { periodsOf, type Period } from '../../../shared/evaluation/periods';
import { predikatLabels, type Predikat } from '../../../shared/evaluation/predikat';
import { formatDateId, localDate } from '../../../shared/people/dates';
import type { Reminder } from '../../../shared/reports/commands';
import { type HandlerMap, type AuthedReadContext } from '../context';
import type { PerformanceYearsTable, SkpsTable } from '../db/schema';
import { distributionForPeriod } from '../distribution/handlers';
import { appraiseesOf } from '../people/appraisal';
import { skpStatusLabels } from '../../../shared/skp/workflow';
import { loadYear } from '../skp/service';


const overlaps = (p: Period, s: Pick<SkpsTable, 'period_start' | 'period_end'>) => !(p.end < s.period_start || p.start > s.period_end);

/** Indonesian order, as `localeCompare(x, 'id')`, with one collator instead of one per comparison. */
const collator = new Intl.Collator('id');

/** [id, employee_id, period_start, period_end, approved_version, appraiser_employee_id] */
type DashboardRow = [string, string, string, string, number, string | null];
/** The same with the period's report status and evaluation status. */
type DashboardPlan = [...DashboardRow, string | null, string | null];

/** The SKP each employee works on in a year (the latest period), optionally restricted. */
function currentSkps(ctx: AuthedReadContext, yearId: string, where: 'office' | { appraiser: string } | { employee: string }): SkpsTable[] {
  const rows =
    where === 'office'
      ? (ctx.core.q.prepare('SELECT * FROM skps WHERE year_id = ? AND office_id = ? AND deleted_at IS NULL ORDER BY period_start').all(yearId, ctx.actor.officeId) as SkpsTable[])
      : 'appraiser' in where
        ? (ctx.core.q.prepare('SELECT * FROM skps WHERE year_id = ? AND appraiser_employee_id = ? AND deleted_at IS NULL ORDER BY period_start').all(yearId, where.appraiser) as SkpsTable[])
        : (ctx.core.q.prepare('SELECT * FROM skps WHERE year_id = ? AND employee_id = ? AND deleted_at IS NULL ORDER BY period_start').all(yearId, where.employee) as SkpsTable[]);
  const latest = new Map<string, SkpsTable>();
  for (const s of rows) latest.set(s.employee_id, s);
  return [...latest.values()];
}

function statusMaps(ctx: AuthedReadContext, skpIds: string[]) {
  const reports = new Map<string, string>();
  const evaluations = new Map<string, { status: string; predikat: Predikat | null; acknowledged_at: string | null; appeal_deadline: string | null; id: string }>();
  if (skpIds.length === 0) return { reports, evaluations };
  // Chunked IN lists keep the statement count small even for a city's worth of plans.
  for (let i = 0; i < skpIds.length; i += 500) {
    const chunk = skpIds.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(',');
    for (const r of ctx.core.q.prepare(`SELECT skp_id, period, status FROM period_reports WHERE deleted_at IS NULL AND skp_id IN (${marks})`).all(...chunk) as {
      skp_id: string;
      period: string;
      status: string;
    }[]) {
      reports.set(`${r.skp_id}|${r.period}`, r.status);
    }
    for (const e of ctx.core.q
      .prepare(`SELECT id, skp_id, period, status, predikat, acknowledged_at, appeal_deadline FROM evaluations WHERE deleted_at IS NULL AND skp_id IN (${marks})`)
      .all(...chunk) as { id: string; skp_id: string; period: string; status: string; predikat: Predikat | null; acknowledged_at: string | null; appeal_deadline: string | null }[]) {
      evaluations.set(`${e.skp_id}|${e.period}`, e);
    }
  }
  return { reports, evaluations };
}

export const reportsHandlers: HandlerMap<'reports.officeDashboard' | 'reports.team' | 'reports.myYear' | 'reports.reminders'> = {
  'reports.officeDashboard': (ctx, input) => {
    const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
    const period = periodsOf(year.year, year.cadence).find((p) => p.code === input.period);
    if (!period) throw forbidden('Periode tidak sesuai siklus Tahun Penilaian.');
    // Every plan of the year (from the narrow covering index skps_year_plans, migration 0005, in
    // employee order), then the period's report and evaluation statuses, each one covering index
    // range: three statements instead of two lookups per plan. Rows as arrays. Names are read
    // afterwards, only for the people listed (not reported) and one plan per appraiser.
    const rows = ctx.core.q
      .prepare(
        `SELECT s.id, s.employee_id, s.period_start, s.period_end, s.approved_version, s.appraiser_employee_id
         FROM skps s WHERE s.office_id = ? AND s.year_id = ? AND s.deleted_at IS NULL ORDER BY s.employee_id, s.period_start`,
      )
      .raw(true)
      .all(ctx.actor.officeId, year.id) as DashboardRow[];
    const reported = new Map(
      ctx.core.q
        .prepare('SELECT skp_id, status FROM period_reports WHERE office_id = ? AND period = ? AND deleted_at IS NULL')
        .raw(true)
        .all(ctx.actor.officeId, period.code) as [string, string][],
    );
    const evaluated = new Map(
      ctx.core.q.prepare('SELECT skp_id, status FROM evaluations WHERE year_id = ? AND period = ? AND deleted_at IS NULL').raw(true).all(year.id, period.code) as [string, string][],
    );
    // The SKP each employee works on in the year (the latest period), as currentSkps picks it.
    const skps: DashboardPlan[] = [];
    for (let i = 0; i < rows.length; i++) {
      const s = rows[i]!;
      if (rows[i + 1]?.[1] === s[1]) continue;
      if (s[4] > 0 && !(period.end < s[2] || period.start > s[3])) skps.push([...s, reported.get(s[0]) ?? null, evaluated.get(s[0]) ?? null] as DashboardPlan);
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
    const names = new Map(
      (
        ctx.core.q
          .prepare('SELECT s.id, s.employee_name, s.employee_nip, s.employee_unit, s.appraiser_name FROM json_each(?) j JOIN skps s ON s.id = j.value')
          .all(JSON.stringify([...named])) as { id: string; employee_name: string; employee_nip: string; employee_unit: string | null; appraiser_name: string | null }[]
      ).map((n) => [n.id, n]),
    );
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
    const openAppeals = ctx.core.q.prepare("SELECT COUNT(*) AS n FROM appeals WHERE office_id = ? AND status = 'diajukan' AND deleted_at IS NULL").get(ctx.actor.officeId) as {
      n: number;
    };
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
      openAppeals: openAppeals.n,
      predikatByUnit: [dist.office, ...dist.units].map((u) => ({ unitId: u.unitId, unitName: u.unitName, counts: u.counts, breaches: u.breaches.length })),
    };
  },

  'reports.team': (ctx, input) => {
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
      const name = s?.employee_name ?? (ctx.core.q.prepare('SELECT name FROM employees WHERE id = ?').get(employeeId) as { name: string } | undefined)?.name ?? '';
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
      const fb = ctx.core.q.prepare('SELECT body, created_at FROM feedback WHERE skp_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1').get(s.id) as
        | { body: string; created_at: string }
        | undefined;
      const dialogs = ctx.core.q
        .prepare("SELECT COUNT(*) AS n FROM dialogues WHERE employee_id = ? AND appraiser_employee_id = ? AND status = 'diminta' AND deleted_at IS NULL")
        .get(employeeId, ctx.actor.employeeId) as { n: number };
      if (dialogs.n > 0) waiting.push('Permintaan dialog kinerja');
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
  },

  'reports.myYear': (ctx, input) => {
    const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
    const skp = currentSkps(ctx, year.id, { employee: ctx.actor.employeeId })[0];
    const { reports, evaluations } = statusMaps(ctx, skp ? [skp.id] : []);
    const feedbackCounts = new Map(
      skp
        ? (ctx.core.q.prepare('SELECT period, COUNT(*) AS n FROM feedback WHERE skp_id = ? AND deleted_at IS NULL GROUP BY period').all(skp.id) as { period: string; n: number }[]).map(
            (r) => [r.period, r.n],
          )
        : [],
    );
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
    const rhk = skp ? (ctx.core.q.prepare('SELECT COUNT(*) AS n FROM skp_rhk WHERE skp_id = ? AND deleted_at IS NULL').get(skp.id) as { n: number }).n : 0;
    const dialogues = ctx.core.q.prepare('SELECT COUNT(*) AS n FROM dialogues WHERE employee_id = ? AND year_id = ? AND deleted_at IS NULL').get(ctx.actor.employeeId, year.id) as {
      n: number;
    };
    const appeals = ctx.core.q.prepare("SELECT COUNT(*) AS n FROM appeals WHERE employee_id = ? AND status = 'diajukan' AND deleted_at IS NULL").get(ctx.actor.employeeId) as {
      n: number;
    };
    return { skp: skp ? { id: skp.id, status: skp.status, rhkCount: rhk, approved: skp.approved_version > 0 } : null, periods, dialogues: dialogues.n, openAppeals: appeals.n };
  },

  'reports.reminders': (ctx) => {
    const me = ctx.actor.employeeId;
    const today = localDate(ctx.now);
    const out: Reminder[] = [];
    const year = ctx.core.q
      .prepare("SELECT * FROM performance_years WHERE office_id = ? AND status = 'terbuka' AND deleted_at IS NULL AND start_date <= ? ORDER BY year DESC LIMIT 1")
      .get(ctx.actor.officeId, today) as PerformanceYearsTable | undefined;
    if (year) {
      const skp = currentSkps(ctx, year.id, { employee: me })[0];
      if (!skp || skp.status === 'draf' || skp.status === 'dikembalikan') {
        out.push({
          kind: 'skp_draf',
          message: !skp
            ? `Anda belum membuat SKP tahun ${year.year}. Batas persetujuan: ${formatDateId(year.skp_deadline)}.`
            : `SKP tahun ${year.year} berstatus ${skpStatusLabels[skp.status]}; ajukan kepada Pejabat Penilai sebelum ${formatDateId(year.skp_deadline)}.`,
          dueDate: year.skp_deadline,
          overdue: today > year.skp_deadline,
          link: skp ? `/skp/${skp.id}` : '/skp',
        });
      }
      if (skp && skp.approved_version > 0) {
        const { reports, evaluations } = statusMaps(ctx, [skp.id]);
        for (const p of periodsOf(year.year, year.cadence).filter((x) => !x.annual && overlaps(x, skp))) {
          // Due once the period has ended; the current period is mentioned a week before its end.
          const dueSoon = p.end >= today && Date.parse(p.end) - Date.parse(today) <= 7 * 86_400_000;
          if (reports.get(`${skp.id}|${p.code}`) !== 'diajukan' && (p.end < today || dueSoon)) {
            out.push({
              kind: 'realisasi',
              message: `Realisasi ${p.label} belum dikirim kepada Pejabat Penilai.`,
              dueDate: p.end,
              overdue: p.end < today,
              link: `/skp/${skp.id}/realisasi/${p.code}`,
            });
          }
        }
        for (const [key, e] of evaluations) {
          const code = key.split('|')[1]!;
          const label = periodsOf(year.year, year.cadence).find((p) => p.code === code)?.label ?? code;
          if (e.status === 'final' && !e.acknowledged_at) {
            out.push({ kind: 'terima_hasil', message: `Hasil penilaian ${label} sudah final. Baca dan nyatakan telah menerimanya.`, dueDate: null, overdue: false, link: `/penilaian/${skp.id}/${code}` });
          } else if (e.appeal_deadline && today <= e.appeal_deadline && e.predikat) {
            const appealed = ctx.core.q.prepare('SELECT 1 FROM appeals WHERE evaluation_id = ? AND deleted_at IS NULL').get(e.id);
            if (!appealed && e.predikat !== 'sangat_baik') {
              out.push({
                kind: 'keberatan',
                message: `Predikat ${label}: ${predikatLabels[e.predikat]}. Bila keberatan, ajukan paling lambat ${formatDateId(e.appeal_deadline)}.`,
                dueDate: e.appeal_deadline,
                overdue: false,
                link: `/penilaian/${skp.id}/${code}`,
              });
            }
          }
        }
      }
      if (ctx.actor.roles.has('penilai')) {
        const waitingSkp = ctx.core.q.prepare("SELECT COUNT(*) AS n FROM skps WHERE appraiser_employee_id = ? AND status = 'diajukan' AND deleted_at IS NULL").get(me) as { n: number };
        if (waitingSkp.n > 0) {
          out.push({ kind: 'skp_persetujuan', message: `${waitingSkp.n} SKP menunggu persetujuan Anda.`, dueDate: year.skp_deadline, overdue: today > year.skp_deadline, link: '/persetujuan-skp' });
        }
        const toEvaluate = ctx.core.q
          .prepare(
            `SELECT COUNT(*) AS n FROM period_reports r JOIN skps s ON s.id = r.skp_id
             WHERE s.appraiser_employee_id = ? AND r.status = 'diajukan' AND r.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.skp_id = r.skp_id AND e.period = r.period AND e.status = 'final' AND e.deleted_at IS NULL)`,
          )
          .get(me) as { n: number };
        if (toEvaluate.n > 0) out.push({ kind: 'penilaian', message: `${toEvaluate.n} realisasi pegawai menunggu penilaian Anda.`, dueDate: null, overdue: false, link: '/penilaian' });
      }
    }
    const appealsTodo = ctx.core.q
      .prepare(
        `SELECT COUNT(*) AS n FROM appeals WHERE status = 'diajukan' AND deleted_at IS NULL
         AND ((atasan_employee_id = @me) OR (appraiser_employee_id = @me AND appraiser_explanation IS NULL))`,
      )
      .get({ me }) as { n: number };
    if (appealsTodo.n > 0) out.push({ kind: 'keberatan_putus', message: `${appealsTodo.n} keberatan menunggu penjelasan atau putusan Anda.`, dueDate: null, overdue: false, link: '/keberatan' });
    const dialogs = ctx.core.q
      .prepare(
        `SELECT COUNT(*) AS n FROM dialogues WHERE deleted_at IS NULL AND (
           (status = 'diminta' AND requested_by_employee_id <> @me AND (employee_id = @me OR appraiser_employee_id = @me))
           OR (status = 'dicatat' AND ((employee_id = @me AND employee_confirmed_at IS NULL) OR (appraiser_employee_id = @me AND appraiser_confirmed_at IS NULL))))`,
      )
      .get({ me }) as { n: number };
    if (dialogs.n > 0) out.push({ kind: 'dialog', message: `${dialogs.n} dialog kinerja menunggu tanggapan atau konfirmasi Anda.`, dueDate: null, overdue: false, link: '/dialog' });
    out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    return { reminders: out };
  },
};
