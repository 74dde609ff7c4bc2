import { appealWindowDays } from '../../../shared/appeal/commands';
import { angkaKreditFromCoefficient, coefficientOf } from '../../../shared/evaluation/angka-kredit';
import type { EvaluationDetail, EvaluationSummary } from '../../../shared/evaluation/commands';
import { periodsOf, type Period } from '../../../shared/evaluation/periods';
import type { OrgRating, Predikat } from '../../../shared/evaluation/predikat';
import { addDays, localDate } from '../../../shared/people/dates';
import type { Core } from '../core';
import { centralOrgRatingForYear } from '../sync/reference';
import type { EvaluationsTable } from '../db/schema';
import { orgRatingsOf } from '../distribution/queries';
import { evaluationOf, positionOf, reportStatusOf, unitParent } from './queries';
import type { PerformanceYearsTable, SkpsTable } from '../db/schema';

export function loadEvaluation(core: Core, skpId: string, period: string): EvaluationsTable | undefined {
  return evaluationOf(core, skpId, period);
}

export function unitOfSkp(core: Core, skp: SkpsTable): string | null {
  if (!skp.position_id) return null;
  return positionOf(core, skp.position_id)?.unit_id ?? null;
}

/** The unit and its ancestors, nearest first: an org rating set on a bidang covers its seksi. */
export function unitLineage(core: Core, unitId: string | null): string[] {
  const out: string[] = [];
  let cur = unitId;
  while (cur && out.length < 32) {
    out.push(cur);
    cur = unitParent(core, cur)?.parent_id ?? null;
  }
  return out;
}

/** The Capaian Kinerja Organisasi that applies to a unit: its own, an ancestor's, or the office's. */
export function orgRatingFor(core: Core, yearId: string, period: string, unitId: string | null): OrgRating | null {
  const rows = orgRatingsOf(core, yearId, period);
  // The office's own rating, when BKPSDM set it centrally, is the city's value (pulled by sync).
  const central = centralOrgRatingForYear(core, yearId, period);
  if (rows.length === 0 && !central) return null;
  const byUnit = new Map(rows.map((r) => [r.unit_id ?? '', r.rating]));
  if (central) byUnit.set('', central.rating);
  for (const u of unitLineage(core, unitId)) {
    const r = byUnit.get(u);
    if (r) return r;
  }
  return byUnit.get('') ?? null;
}

/** The yearly angka kredit coefficient of the SKP's position, or null when it is not functional. */
export function angkaKreditCoefficientFor(core: Core, skp: SkpsTable): number | null {
  if (!skp.position_id) return null;
  const p = positionOf(core, skp.position_id);
  if (!p || !p.type.startsWith('fungsional')) return null;
  return coefficientOf(p.level);
}

export function angkaKreditBasisOf(core: Core, skp: SkpsTable, months: number): { coefficient: number; months: number } | null {
  const coefficient = angkaKreditCoefficientFor(core, skp);
  return coefficient === null ? null : { coefficient, months };
}

export function angkaKreditFor(core: Core, skp: SkpsTable, predikat: Predikat | null, period: Period): number | null {
  const coefficient = predikat ? angkaKreditCoefficientFor(core, skp) : null;
  return predikat && coefficient !== null ? angkaKreditFromCoefficient(predikat, coefficient, period.months) : null;
}

export function appealDeadlineFrom(acknowledgedAt: Date): string {
  return addDays(localDate(acknowledgedAt), appealWindowDays);
}

export function periodLabelOf(year: Pick<PerformanceYearsTable, 'year' | 'cadence'>, code: string): string {
  return periodsOf(year.year, year.cadence).find((p) => p.code === code)?.label ?? code;
}

export type EvaluationViewer = EvaluationDetail['viewerRole'];

/**
 * The appraised employee reads the result only once it is locked: until then the ratings, the
 * judgements and notes are the appraiser's draft. Enforced here, not only hidden by the screen,
 * because any command the employee can call directly must keep them out. The appraiser, the atasan
 * and the office's Pengelola/central HR (every other relation skpRelation in access.ts knows) read drafts.
 */
export function resultWithheld(viewer: EvaluationViewer | null, e: Pick<EvaluationsTable, 'status'> | undefined): boolean {
  if (e?.status === 'final') return false;
  return viewer !== 'penilai' && viewer !== 'atasan_penilai' && viewer !== 'pengelola';
}

export function summaryOf(
  core: Core,
  skp: SkpsTable,
  year: PerformanceYearsTable,
  period: string,
  e: EvaluationsTable | undefined,
  viewer: EvaluationViewer | null,
): EvaluationSummary {
  const withheld = resultWithheld(viewer, e);
  const reportStatus = reportStatusOf(core, skp.id, period);
  return {
    id: e?.id ?? null,
    skpId: skp.id,
    employeeId: skp.employee_id,
    employeeName: skp.employee_name,
    employeeNip: skp.employee_nip,
    position: skp.employee_position,
    unit: skp.employee_unit,
    period,
    periodLabel: periodLabelOf(year, period),
    status: e?.status ?? 'belum',
    resultsRating: withheld ? null : (e?.results_rating ?? null),
    behaviourRating: withheld ? null : (e?.behaviour_rating ?? null),
    predikat: withheld ? null : (e?.predikat ?? null),
    finalizedAt: e?.finalized_at ?? null,
    acknowledgedAt: e?.acknowledged_at ?? null,
    realisasiSubmitted: reportStatus === 'diajukan',
    version: e?.version ?? null,
    withheld,
  };
}
