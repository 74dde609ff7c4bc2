import type { UnitDistribution } from '../../../shared/distribution/commands';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import { type Period } from '../../../shared/evaluation/periods';
import type { SkpSnapshot } from '../../../shared/skp/commands';
import type { Core } from '../core';
import { call, toAppError, type CallMeta } from '../dispatch';
import { letterheadOf, type Letterhead } from '../documents/letterhead';
import { loadSkp } from '../skp/service';
import { judgedPlanOf } from './judged-plan';
import { ratedUnits } from './queries';
import { loadEvaluation, unitLineage, unitOfSkp } from './service';
import { type EvaluationForm, defaultEvaluationForm, periodOf } from './format';

/** Everything one document needs: the evaluation as the caller may see it, and its plan's columns. */
export interface EvaluationDocumentData {
  detail: EvaluationDetail;
  /** From the same SKP as `detail` (read after evaluation.get allowed it): the superior's RHK, approach, units of measure. */
  plan: Pick<SkpSnapshot, 'approach' | 'isJpt' | 'periodStart' | 'periodEnd' | 'rhk'>;
  /** The period's dates and print label (TRIWULAN I, BULANAN JANUARI, AKHIR), clipped to the SKP's own period. */
  period: Period;
  /**
   * The unit's actual spread of final predikat for the period, for the curve picture: only when
   * the caller may see the distribution (`distribution.get`), otherwise null and the picture shows
   * the required pattern alone.
   */
  distribution: UnitDistribution | null;
  /**
   * For the annual form: each indicator's realisasi period by period (the year is reported month
   * by month or quarter by quarter), read through `realisasi.get` with the caller's session.
   */
  periodicRealisasi?: Record<string, PeriodicRealisasi[]>;
}

/** One period's realisasi of one indicator, as the annual form lists it. */
export interface PeriodicRealisasi {
  period: string;
  value: number | null;
  description: string | null;
  evidence: number;
}

export interface EvaluationDocumentOptions {
  letterhead: Letterhead;
  /**
   * The office's emblem or logo as a `data:image/png;base64,...` URL, printed above the title of
   * the Dokumen Evaluasi. The app ships none; see `officeLogoOf`.
   */
  logo?: string | null;
}

/** Meta key of the office logo (a data URL). No upload screen exists yet: this is the hook it will fill. */
export const officeLogoKey = 'document.logo';

/**
 * The logo an office uploaded, or null. Only a PNG or JPEG data URL is accepted, because pdfmake
 * is forbidden to read files or URLs (pdf.ts) and anything else would fail the whole document.
 */
export function officeLogoOf(core: Core): string | null {
  const v = core.getMeta(officeLogoKey)?.trim();
  return v && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(v) ? v : null;
}

// ---------------------------------------------------------------------------------------------
// Reading what a document needs, with the caller's access
// ---------------------------------------------------------------------------------------------

/** Repeated reads of a batch: the distribution of a unit is the same for all its employees. */
export interface EvaluationDocumentCache {
  distributions: Map<string, UnitDistribution | null>;
}

export function newDocumentCache(): EvaluationDocumentCache {
  return { distributions: new Map() };
}

/** The unit whose Capaian Kinerja Organisasi applies (its own, an ancestor's), or null for the office's, as orgRatingFor resolves it. */
function ratingUnitOf(core: Core, yearId: string, period: string, unitId: string | null): string | null {
  const rated = new Set(ratedUnits(core, yearId, period));
  return unitLineage(core, unitId).find((u) => rated.has(u)) ?? null;
}

/**
 * The unit's actual spread, through `distribution.get` with the caller's session: a caller who may
 * not see the curve (an employee printing their own form) gets the pattern without the counts.
 */
function distributionFor(core: Core, meta: CallMeta, detail: EvaluationDetail, unitId: string | null, cache: EvaluationDocumentCache): UnitDistribution | null {
  if (!detail.orgRating) return null;
  const ratingUnit = ratingUnitOf(core, detail.yearId, detail.period, unitId);
  const key = `${detail.yearId}|${detail.period}|${ratingUnit ?? ''}`;
  if (cache.distributions.has(key)) return cache.distributions.get(key)!;
  let found: UnitDistribution | null = null;
  try {
    const r = call(core, meta, 'distribution.get', { yearId: detail.yearId, period: detail.period, ...(ratingUnit ? { unitId: ratingUnit } : {}) });
    found = ratingUnit ? (r.units.find((u) => u.unitId === ratingUnit) ?? null) : r.office;
  } catch (err) {
    const e = toAppError(err);
    if (e.code !== 'FORBIDDEN') throw err;
  }
  cache.distributions.set(key, found);
  return found;
}

/**
 * What one document needs, read with the caller's session: `evaluation.get` decides whether the
 * caller may see the evaluation (exactly as for the screen); then the plan's columns come from the
 * plan that evaluation judges (judged-plan.ts: for a final one, the approved version it was locked
 * against), read after the same row-access rule allowed it.
 */
export function evaluationDocumentData(
  core: Core,
  meta: CallMeta,
  input: { skpId: string; period: string; form?: EvaluationForm },
  cache: EvaluationDocumentCache = newDocumentCache(),
): EvaluationDocumentData {
  const detail = call(core, meta, 'evaluation.get', { skpId: input.skpId, period: input.period });
  const skp = loadSkp(core, detail.skpId);
  // The plan evaluation.get showed: a final evaluation's approved version, not a later amendment.
  const { plan: snap } = judgedPlanOf(core, skp, loadEvaluation(core, skp.id, detail.period));
  const plan = { approach: snap.approach, isJpt: snap.isJpt, periodStart: snap.periodStart, periodEnd: snap.periodEnd, rhk: snap.rhk };
  const period = periodOf(detail.year, detail.period, plan);
  // Only the form draws the curve: the one-page document needs no distribution.
  const form = input.form ?? defaultEvaluationForm;
  const distribution = form === 'evaluasi' ? distributionFor(core, meta, detail, unitOfSkp(core, skp), cache) : null;
  // The annual form shows the year's realisasi, which is reported per period.
  let periodicRealisasi: Record<string, PeriodicRealisasi[]> | undefined;
  if (form === 'evaluasi' && period.annual) {
    periodicRealisasi = {};
    for (const p of detail.periodic) {
      const r = call(core, meta, 'realisasi.get', { skpId: detail.skpId, period: p.period });
      // What was sent to the appraiser; a draft still being written is not a result yet.
      if (r.status !== 'diajukan') continue;
      for (const row of r.rows) {
        (periodicRealisasi[row.indicatorId] ??= []).push({ period: p.period, value: row.value, description: row.description, evidence: row.evidence.length });
      }
    }
  }
  return { detail, plan, period, distribution, ...(periodicRealisasi ? { periodicRealisasi } : {}) };
}

export function documentOptionsOf(core: Core): EvaluationDocumentOptions {
  return { letterhead: letterheadOf(core), logo: officeLogoOf(core) };
}
