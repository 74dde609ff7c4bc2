import { AppError, forbidden, notFound, ruleViolation } from '../../../shared/errors';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import { periodsOf } from '../../../shared/evaluation/periods';
import { predikatOf, resultsRatingRefusal, type Rating } from '../../../shared/evaluation/predikat';
import { localDate } from '../../../shared/people/dates';
import { perilakuValues } from '../../../shared/skp/perilaku';
import { type AuthedContext, type HandlerMap, type AuthedReadContext } from '../context';
import type { EvaluationRhkTable, EvaluationsTable, FeedbackTable } from '../db/schema';
import type { SkpsTable } from '../db/schema';
import { generalEvidenceOf, realisasiRows, removedIndicatorsOf } from '../realisasi/handlers';
import { canEvaluate, canSeeSkp, canSetOrgRating, skpRelation } from '../access';
import { loadYear } from '../skp/service';
import { addYearCloseCheck } from '../year/handlers';
import { skpById } from '../skp/queries';
import { judgedPlanOf } from './judged-plan';
import {
  approvedPlansOfAppraiser,
  feedbackFor,
  judgementsOf,
  latestAppeal,
  liveEvaluation,
  liveUnitOffice,
  orgRatingRow,
  orgRatingsWithNames,
  plansOfEmployee,
  plansWithoutAnnualResult,
} from './queries';
import { requireApprovedPlan, skpPeriod } from './period-context';
import { centralOrgRating } from '../sync/reference';
import { angkaKreditBasisOf, angkaKreditFor, appealDeadlineFrom, loadEvaluation, orgRatingFor, resultWithheld, summaryOf, unitOfSkp } from './service';


/** A year closes when every approved plan has a final annual evaluation. */
addYearCloseCheck((ctx, year) => {
  const missing = plansWithoutAnnualResult(ctx.core, year.id);
  return missing > 0 ? `Tahun Penilaian ${year.year} belum dapat ditutup: ${missing} SKP belum memiliki penilaian tahunan yang final.` : null;
});

function loadById(ctx: AuthedReadContext, id: string): { e: EvaluationsTable; skp: SkpsTable } {
  const e = liveEvaluation(ctx.core, id);
  if (!e) throw notFound('Penilaian');
  const skp = skpById(ctx.core, e.skp_id);
  if (!skp) throw notFound('SKP');
  if (!canSeeSkp(ctx.actor, skp)) throw forbidden();
  return { e, skp };
}

function assertAppraiser(ctx: AuthedReadContext, skp: SkpsTable): void {
  if (!canEvaluate(ctx.actor, skp)) throw ruleViolation('Hanya Pejabat Penilai Kinerja pegawai ini yang dapat menilai.');
}

function assertYearOpen(ctx: AuthedContext, skp: SkpsTable): void {
  const y = loadYear(ctx.core, skp.office_id, skp.year_id);
  if (y.status === 'ditutup') throw ruleViolation(`Tahun Penilaian ${y.year} sudah ditutup.`);
}

function finalize(ctx: AuthedContext, id: string, version: number): number {
  const { e, skp } = loadById(ctx, id);
  assertAppraiser(ctx, skp);
  assertYearOpen(ctx, skp);
  if (e.status === 'final') throw ruleViolation('Penilaian ini sudah final dan terkunci.');
  if (!e.results_rating || !e.behaviour_rating) {
    throw ruleViolation('Tetapkan Rating Hasil Kerja dan Rating Perilaku Kerja sebelum mengunci penilaian.');
  }
  // The organisation's rating in force at finalisation is part of the signed result.
  const orgRating = orgRatingFor(ctx.core, skp.year_id, e.period, e.unit_id);
  // So is the plan it judged: the approved version in force now (what the draft showed, see
  // judgedPlanOf), so a later amendment never changes the plan this result shows.
  const inPlan = new Set(judgedPlanOf(ctx.core, skp, e).plan.rhk.map((r) => r.id));
  const updated = ctx.write.update(
    'evaluations',
    e.id,
    { status: 'final', finalized_at: ctx.nowIso, org_rating: orgRating, skp_version_no: skp.approved_version },
    version,
    'Penilaian',
  );
  // A judgement left on an RHK that an approved amendment removed while the evaluation was a
  // draft is not part of the result (the screen no longer showed it): it goes, so the locked
  // evaluation judges exactly the RHK of its version.
  for (const j of judgementsOf(ctx.core, e.id)) {
    if (!inPlan.has(j.rhk_id)) ctx.write.remove('evaluation_rhk', j.id);
  }
  return updated.version;
}

export const evaluationHandlers: HandlerMap<
  | 'evaluation.get'
  | 'evaluation.save'
  | 'evaluation.finalize'
  | 'evaluation.finalizeMany'
  | 'evaluation.acknowledge'
  | 'evaluation.pending'
  | 'evaluation.mine'
  | 'evaluation.setOrgRating'
  | 'evaluation.orgRatings'
> = {
  'evaluation.get': (c, input): EvaluationDetail => {
    const ctx = c;
    const { skp, year, period } = skpPeriod(ctx.core, input.skpId, input.period);
    const role = skpRelation(ctx.actor, skp);
    if (!role) throw forbidden();
    const e = loadEvaluation(ctx.core, skp.id, period.code);
    // A final evaluation shows the approved version it judged, a draft the approved plan in force.
    const { plan: snapshot, versionNo } = judgedPlanOf(ctx.core, skp, e);
    const judgements = new Map((e ? judgementsOf(ctx.core, e.id) : []).map((j) => [j.rhk_id, j]));
    const feedback = feedbackFor(ctx.core, skp.id, period.code);
    const rows = realisasiRows(ctx, skp, period.code, snapshot.rhk);
    const appeal = e ? latestAppeal(ctx.core, e.id) : undefined;
    const open = year.status === 'terbuka';
    const today = localDate(ctx.now);
    // The employee gets the draft without the appraiser's judgements (see resultWithheld).
    const withheld = resultWithheld(role, e);
    const fb = (f: FeedbackTable) => ({ period: f.period, authorName: f.author_name, body: f.body, at: f.created_at });
    return {
      ...summaryOf(ctx.core, skp, year, period.code, e, role),
      // Who was judged, as the judged plan names them (the same as the SKP's header for a draft).
      employeeName: snapshot.header.employee.name,
      employeeNip: snapshot.header.employee.nip ?? skp.employee_nip,
      position: snapshot.header.employee.position,
      unit: snapshot.header.employee.unit,
      yearId: year.id,
      year: year.year,
      planVersion: versionNo,
      header: snapshot.header,
      orgRating: ((e?.status === 'final' ? e.org_rating : null) ?? orgRatingFor(ctx.core, year.id, period.code, unitOfSkp(ctx.core, skp))) as EvaluationDetail['orgRating'],
      notes: withheld ? null : (e?.notes ?? null),
      angkaKredit: withheld ? null : (e?.angka_kredit ?? null),
      angkaKreditBasis: angkaKreditBasisOf(ctx.core, skp, period.months),
      appealDeadline: e?.appeal_deadline ?? null,
      generalEvidence: generalEvidenceOf(ctx, skp.id, period.code),
      // What the employee recorded on indicators the judged plan no longer has: shown, not judged.
      removedIndicators: removedIndicatorsOf(ctx, skp.id, period.code, rows),
      rhk: snapshot.rhk.map((r) => ({
        rhkId: r.id,
        kind: r.kind,
        text: r.text,
        judgement: withheld ? null : (judgements.get(r.id)?.judgement ?? null),
        note: withheld ? null : (judgements.get(r.id)?.note ?? null),
        indicators: rows.filter((x) => x.rhkId === r.id).map(({ rhkId: _a, rhkKind: _b, rhkText: _c, ...rest }) => rest),
        feedback: feedback.filter((f) => f.target_kind === 'rhk' && f.rhk_id === r.id).map(fb),
      })),
      perilaku: perilakuValues.map((v) => ({
        valueCode: v.code,
        expectation: snapshot.expectations.find((x) => x.valueCode === v.code)?.text ?? null,
        feedback: feedback.filter((f) => f.target_kind === 'perilaku' && f.value_code === v.code).map(fb),
      })),
      periodic: period.annual
        ? periodsOf(year.year, year.cadence)
            .filter((p) => !p.annual && !(p.end < skp.period_start || p.start > skp.period_end))
            .map((p) => {
              const pe = loadEvaluation(ctx.core, skp.id, p.code);
              // Each period on its own: a final annual result does not open a periodic draft.
              const predikat = resultWithheld(role, pe) ? null : (pe?.predikat ?? null);
              return { period: p.code, periodLabel: p.label, status: pe?.status ?? ('belum' as const), predikat };
            })
        : [],
      appeal: appeal ? { id: appeal.id, status: appeal.status, filedAt: appeal.filed_at, decision: appeal.decision, decidedAt: appeal.decided_at } : null,
      viewerRole: role,
      can: {
        edit: open && role === 'penilai' && skp.approved_version > 0 && e?.status !== 'final',
        finalize: open && role === 'penilai' && !!e && e.status === 'draf' && !!e.results_rating && !!e.behaviour_rating,
        acknowledge: role === 'pegawai' && e?.status === 'final' && !e.acknowledged_at,
        appeal: role === 'pegawai' && e?.status === 'final' && !!e.appeal_deadline && today <= e.appeal_deadline && !appeal,
      },
    };
  },

  'evaluation.save': (ctx, input) => {
    const { skp, year, period } = skpPeriod(ctx.core, input.skpId, input.period);
    assertAppraiser(ctx, skp);
    assertYearOpen(ctx, skp);
    requireApprovedPlan(skp);
    let e = loadEvaluation(ctx.core, skp.id, period.code);
    if (e?.status === 'final') throw ruleViolation('Penilaian ini sudah final dan terkunci; tidak seorang pun dapat mengubahnya.');
    // The caller saw no evaluation (null) or this version; anything else was saved meanwhile.
    if ((e?.version ?? null) !== input.version) {
      throw new AppError('CONFLICT', 'Penilaian telah diubah di tempat lain. Muat ulang lalu ulangi perubahan Anda.', { details: { currentVersion: e?.version ?? null } });
    }
    // The RHK judged are those of the plan evaluation.get shows (the approved plan in force).
    const rhks = new Map(judgedPlanOf(ctx.core, skp, e).plan.rhk.map((r) => [r.id, r.kind]));
    input.rhk.forEach((j, n) => {
      if (!rhks.has(j.rhkId)) throw new AppError('VALIDATION', `RHK ke-${n + 1} bukan bagian dari SKP ini.`, { fields: { [`rhk.${n}.rhkId`]: 'Bukan RHK SKP ini.' } });
    });
    if (!e) {
      e = ctx.write.insert('evaluations', {
        skp_id: skp.id,
        employee_id: skp.employee_id,
        year_id: year.id,
        period: period.code,
        unit_id: unitOfSkp(ctx.core, skp),
        status: 'draf',
        results_rating: null,
        behaviour_rating: null,
        predikat: null,
        org_rating: null,
        notes: null,
        angka_kredit: null,
        appraiser_employee_id: ctx.actor.employeeId,
        finalized_at: null,
        acknowledged_at: null,
        appeal_deadline: null,
        skp_version_no: null,
      });
    }
    const existing = new Map(judgementsOf(ctx.core, e.id).map((j) => [j.rhk_id, j]));
    for (const j of input.rhk) {
      const old = existing.get(j.rhkId);
      if (old) ctx.write.update('evaluation_rhk', old.id, { judgement: j.judgement, note: j.note ?? null });
      else ctx.write.insert('evaluation_rhk', { evaluation_id: e.id, rhk_id: j.rhkId, judgement: j.judgement, note: j.note ?? null });
      existing.set(j.rhkId, { ...(old ?? ({} as EvaluationRhkTable)), rhk_id: j.rhkId, judgement: j.judgement });
    }
    const results = (input.resultsRating === undefined ? e.results_rating : input.resultsRating) as Rating | null;
    const behaviour = (input.behaviourRating === undefined ? e.behaviour_rating : input.behaviourRating) as Rating | null;
    if (results) {
      const why = resultsRatingRefusal(
        results,
        // Only the plan's RHK count: a judgement left on an RHK an amendment removed does not.
        [...existing.values()].filter((j) => rhks.has(j.rhk_id)).map((j) => ({ kind: rhks.get(j.rhk_id)!, judgement: j.judgement })),
      );
      if (why) throw new AppError('RULE_VIOLATION', why, { fields: { resultsRating: why } });
    }
    const predikat = results && behaviour ? predikatOf(results, behaviour) : null;
    const updated = ctx.write.touch('evaluations', e.id, undefined, 'Penilaian', {
      results_rating: results,
      behaviour_rating: behaviour,
      predikat,
      notes: input.notes === undefined ? e.notes : input.notes,
      angka_kredit: angkaKreditFor(ctx.core, skp, predikat, period),
    });
    return { evaluationId: e.id, version: updated.version, predikat };
  },

  'evaluation.finalize': (c, input) => ({ version: finalize(c, input.evaluationId, input.version) }),

  'evaluation.finalizeMany': (ctx, input) => {
    for (const item of input.items) {
      try {
        finalize(ctx, item.evaluationId, item.version);
      } catch (err) {
        if (err instanceof AppError) {
          const { skp } = loadById(ctx, item.evaluationId);
          throw new AppError(err.code, `${skp.employee_name}: ${err.message} Tidak ada penilaian yang dikunci.`, { details: { evaluationId: item.evaluationId } });
        }
        throw err;
      }
    }
    return { finalized: input.items.length };
  },

  'evaluation.acknowledge': (ctx, input) => {
    const { e, skp } = loadById(ctx, input.evaluationId);
    if (skp.employee_id !== ctx.actor.employeeId) throw ruleViolation('Hanya pegawai yang dinilai yang menyatakan telah menerima hasil penilaiannya.');
    if (e.status !== 'final') throw ruleViolation('Penilaian belum final.');
    if (e.acknowledged_at) throw ruleViolation('Anda sudah menyatakan menerima hasil penilaian ini.');
    const appealDeadline = appealDeadlineFrom(ctx.now);
    const updated = ctx.write.update('evaluations', e.id, { acknowledged_at: ctx.nowIso, appeal_deadline: appealDeadline }, input.version, 'Penilaian');
    return { version: updated.version, appealDeadline };
  },

  'evaluation.pending': (ctx, input) => {
    const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
    const skps = approvedPlansOfAppraiser(ctx.core, year.id, ctx.actor.employeeId);
    const items = skps
      .filter((s) => {
        const p = periodsOf(year.year, year.cadence).find((x) => x.code === input.period);
        return p && !(p.end < s.period_start || p.start > s.period_end);
      })
      .map((s) => summaryOf(ctx.core, s, year, input.period, loadEvaluation(ctx.core, s.id, input.period), skpRelation(ctx.actor, s)));
    return { items };
  },

  'evaluation.mine': (ctx, input) => {
    const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
    const employeeId = input.employeeId ?? ctx.actor.employeeId;
    const skps = plansOfEmployee(ctx.core, year.id, employeeId);
    const visible = skps.filter((s) => canSeeSkp(ctx.actor, s));
    if (employeeId !== ctx.actor.employeeId && skps.length > 0 && visible.length === 0) throw forbidden();
    const items = visible.flatMap((s) =>
      periodsOf(year.year, year.cadence)
        .filter((p) => !(p.end < s.period_start || p.start > s.period_end))
        .map((p) => summaryOf(ctx.core, s, year, p.code, loadEvaluation(ctx.core, s.id, p.code), skpRelation(ctx.actor, s))),
    );
    return { items };
  },

  'evaluation.setOrgRating': (ctx, input) => {
    if (!canSetOrgRating(ctx.core, ctx.actor, ctx.now)) {
      throw forbidden('Capaian Kinerja Organisasi dicatat oleh Pengelola Kinerja atau kepala kantor.');
    }
    const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
    if (!periodsOf(year.year, year.cadence).some((p) => p.code === input.period)) throw ruleViolation('Periode tidak sesuai siklus Tahun Penilaian.');
    if (input.unitId) {
      if (liveUnitOffice(ctx.core, input.unitId) !== ctx.actor.officeId) throw notFound('Unit kerja');
    }
    if (input.unitId === null && centralOrgRating(ctx.core, year.year, input.period)) {
      throw ruleViolation('Capaian Kinerja Organisasi kantor untuk periode ini ditetapkan BKPSDM melalui server pusat dan tidak dapat diubah di kantor. Capaian per unit kerja tetap dapat dicatat.');
    }
    const existing = orgRatingRow(ctx.core, year.id, input.period, input.unitId);
    // The caller saw no rating (null) or this version; anything else was recorded meanwhile.
    if ((existing?.version ?? null) !== input.version) {
      throw new AppError('CONFLICT', 'Capaian Kinerja Organisasi ini telah diubah di tempat lain. Muat ulang lalu ulangi perubahan Anda.', {
        details: { currentVersion: existing?.version ?? null },
      });
    }
    const values = { rating: input.rating, note: input.note || null, set_by_employee_id: ctx.actor.employeeId, set_by_name: ctx.actor.name };
    if (existing) ctx.write.update('org_ratings', existing.id, values, input.version ?? undefined, 'Capaian Kinerja Organisasi');
    else ctx.write.insert('org_ratings', { year_id: year.id, period: input.period, unit_id: input.unitId, ...values });
    return { ok: true as const };
  },

  'evaluation.orgRatings': (ctx, input) => {
    const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
    const rows = orgRatingsWithNames(ctx.core, year.id, input.period);
    const ratings = rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, rating: r.rating, setByName: r.set_by_name, note: r.note, version: r.version, fromCentral: false }));
    // BKPSDM's value for the whole office replaces the office's own, read-only ("ditetapkan BKPSDM").
    const central = centralOrgRating(ctx.core, year.year, input.period);
    if (central) {
      const office = ctx.core.q.first(ctx.core.db.selectFrom('offices').select('name').where('id', '=', ctx.actor.officeId));
      const own = ratings.findIndex((r) => r.unitId === null);
      const item = { unitId: null, unitName: office?.name ?? '', rating: central.rating, setByName: 'BKPSDM', note: central.note, version: own >= 0 ? ratings[own]!.version : 0, fromCentral: true };
      if (own >= 0) ratings[own] = item;
      else ratings.unshift(item);
    }
    return { ratings, canSet: canSetOrgRating(ctx.core, ctx.actor, ctx.now) };
  },
};
