import type { Appeal } from '../../../shared/appeal/commands';
import { AppError, forbidden, notFound, ruleViolation } from '../../../shared/errors';
import { findPeriod } from '../../../shared/evaluation/periods';
import { predikatOf, type Predikat, type Rating } from '../../../shared/evaluation/predikat';
import { formatDateId, localDate } from '../../../shared/people/dates';
import { appealSideOf } from '../access';
import { type HandlerMap, type AuthedReadContext } from '../context';
import type { AppealsTable } from '../db/schema';
import { judgedPlanOf } from '../evaluation/judged-plan';
import { angkaKreditFor } from '../evaluation/service';
import { appealById, appealedEvaluation, appealsIn, hasAppeal, liveEvaluation } from './queries';


type Side = Appeal['viewerSide'];

function out(ctx: AuthedReadContext, a: AppealsTable): Appeal {
  const side = appealSideOf(ctx.actor, a) ?? 'pengelola';
  const { e, skp, year } = appealedEvaluation(ctx.core, a.evaluation_id);
  // The people as the judged plan names them: an amendment approved since does not rename them.
  const header = judgedPlanOf(ctx.core, skp, e).plan.header;
  const open = a.status === 'diajukan';
  return {
    id: a.id,
    evaluationId: a.evaluation_id,
    skpId: skp.id,
    period: e.period,
    periodLabel: findPeriod(year.year, year.cadence, e.period)?.label ?? e.period,
    employeeId: a.employee_id,
    employeeName: header.employee.name,
    appraiserName: header.appraiser?.name ?? null,
    atasanName: a.atasan_name,
    status: a.status,
    filedAt: a.filed_at,
    reasons: a.reasons,
    appraiserExplanation: a.appraiser_explanation,
    employeeExplanation: a.employee_explanation,
    original: {
      resultsRating: a.original_results_rating as Rating | null,
      behaviourRating: a.original_behaviour_rating as Rating | null,
      predikat: a.original_predikat as Predikat | null,
    },
    decision: a.decision,
    decided: {
      resultsRating: a.decided_results_rating as Rating | null,
      behaviourRating: a.decided_behaviour_rating as Rating | null,
      predikat: a.decided_predikat as Predikat | null,
    },
    decisionReason: a.decision_reason,
    decidedAt: a.decided_at,
    viewerSide: side,
    can: {
      explain: open && (side === 'penilai' || side === 'pegawai'),
      decide: open && side === 'atasan_penilai',
    },
    version: a.version,
  };
}

function load(ctx: AuthedReadContext, id: string): { a: AppealsTable; side: Side } {
  const a = appealById(ctx.core, id);
  if (!a) throw notFound('Keberatan');
  const side = appealSideOf(ctx.actor, a);
  if (!side) throw forbidden();
  return { a, side };
}

const reload = (ctx: AuthedReadContext, id: string) => out(ctx, load(ctx, id).a);

export const appealHandlers: HandlerMap<'appeal.file' | 'appeal.explain' | 'appeal.decide' | 'appeal.get' | 'appeal.list'> = {
  'appeal.file': (ctx, input) => {
    const found = liveEvaluation(ctx.core, input.evaluationId);
    if (!found) throw notFound('Penilaian');
    const { e, skp } = appealedEvaluation(ctx.core, found.id);
    if (skp.employee_id !== ctx.actor.employeeId) throw forbidden('Keberatan hanya dapat diajukan oleh pegawai yang dinilai.');
    if (e.status !== 'final') throw ruleViolation('Keberatan diajukan atas penilaian yang sudah final.');
    if (!e.acknowledged_at || !e.appeal_deadline) {
      throw ruleViolation('Nyatakan lebih dulu bahwa Anda telah menerima hasil penilaian; masa keberatan 14 hari dihitung sejak itu.');
    }
    // Day 14 after receipt is the last day (PP 30/2019 art. 59).
    if (localDate(ctx.now) > e.appeal_deadline) {
      throw ruleViolation(`Masa pengajuan keberatan telah berakhir pada ${formatDateId(e.appeal_deadline)} (14 hari setelah hasil penilaian diterima).`, {
        closedOn: e.appeal_deadline,
      });
    }
    if (hasAppeal(ctx.core, e.id)) {
      throw ruleViolation('Keberatan atas penilaian ini sudah pernah diajukan.');
    }
    if (!skp.atasan_employee_id) {
      throw ruleViolation('Atasan Pejabat Penilai Anda tidak tercatat di kantor ini, sehingga keberatan tidak dapat diproses di aplikasi. Hubungi Pengelola Kinerja.');
    }
    const a = ctx.write.insert('appeals', {
      evaluation_id: e.id,
      employee_id: skp.employee_id,
      appraiser_employee_id: skp.appraiser_employee_id,
      atasan_employee_id: skp.atasan_employee_id,
      atasan_name: skp.atasan_name,
      status: 'diajukan',
      filed_at: ctx.nowIso,
      reasons: input.reasons,
      appraiser_explanation: null,
      appraiser_explained_at: null,
      employee_explanation: null,
      employee_explained_at: null,
      decision: null,
      original_results_rating: e.results_rating,
      original_behaviour_rating: e.behaviour_rating,
      original_predikat: e.predikat,
      decided_results_rating: null,
      decided_behaviour_rating: null,
      decided_predikat: null,
      decision_reason: null,
      decided_at: null,
    });
    return { appeal: out(ctx, a) };
  },

  'appeal.explain': (ctx, input) => {
    const { a, side } = load(ctx, input.appealId);
    if (a.status !== 'diajukan') throw ruleViolation('Keberatan ini sudah diputus.');
    if (side === 'penilai') {
      ctx.write.update('appeals', a.id, { appraiser_explanation: input.explanation, appraiser_explained_at: ctx.nowIso }, input.version, 'Keberatan');
    } else if (side === 'pegawai') {
      ctx.write.update('appeals', a.id, { employee_explanation: input.explanation, employee_explained_at: ctx.nowIso }, input.version, 'Keberatan');
    } else {
      throw ruleViolation('Penjelasan diberikan oleh Pejabat Penilai dan pegawai yang mengajukan keberatan.');
    }
    return { appeal: reload(ctx, a.id) };
  },

  'appeal.decide': (ctx, input) => {
    const { a, side } = load(ctx, input.appealId);
    if (side !== 'atasan_penilai') throw ruleViolation('Keberatan diputus oleh Atasan Pejabat Penilai.');
    if (a.status !== 'diajukan') throw ruleViolation('Keberatan ini sudah diputus; putusan bersifat final.');
    const { e, skp, year } = appealedEvaluation(ctx.core, a.evaluation_id);
    let results = e.results_rating as Rating;
    let behaviour = e.behaviour_rating as Rating;
    if (input.decision === 'diubah') {
      results = input.resultsRating ?? results;
      behaviour = input.behaviourRating ?? behaviour;
      if (results === e.results_rating && behaviour === e.behaviour_rating) {
        throw new AppError('VALIDATION', 'Putusan "diubah" memerlukan rating baru yang berbeda dari semula.', { fields: { resultsRating: 'Pilih rating baru.' } });
      }
    }
    const predikat = predikatOf(results, behaviour);
    ctx.write.update(
      'appeals',
      a.id,
      {
        status: 'diputus',
        decision: input.decision,
        decided_results_rating: results,
        decided_behaviour_rating: behaviour,
        decided_predikat: predikat,
        decision_reason: input.reason,
        decided_at: ctx.nowIso,
      },
      input.version,
      'Keberatan',
    );
    if (input.decision === 'diubah') {
      // The decision is the one path that changes a final evaluation; it is recorded on both rows.
      const period = findPeriod(year.year, year.cadence, e.period)!;
      ctx.write.update('evaluations', e.id, {
        results_rating: results,
        behaviour_rating: behaviour,
        predikat,
        angka_kredit: angkaKreditFor(ctx.core, skp, predikat, period),
        notes: `${e.notes ? e.notes + '\n' : ''}Diubah berdasarkan putusan keberatan tanggal ${formatDateId(localDate(ctx.now))}: ${input.reason}`,
      });
    }
    return { appeal: reload(ctx, a.id) };
  },

  'appeal.get': (ctx, input) => {
    return { appeal: out(ctx, load(ctx, input.appealId).a) };
  },

  'appeal.list': (ctx, input) => {
    const me = ctx.actor.employeeId;
    if (input.scope === 'office' && !ctx.actor.roles.has('pengelola')) throw forbidden('Daftar keberatan seluruh kantor khusus Pengelola Kinerja.');
    let rows = appealsIn(
      ctx.core,
      input.scope === 'office' ? { office: ctx.actor.officeId } : input.scope === 'todo' ? { handledBy: me } : { filedBy: me },
    );
    if (input.status) rows = rows.filter((r) => r.status === input.status);
    return { appeals: rows.map((a) => out(ctx, a)) };
  },
};
