import { distributionPattern, checkDistribution } from '../../../shared/distribution/curve';
import type { UnitDistribution } from '../../../shared/distribution/commands';
import { forbidden } from '../../../shared/errors';
import { predikats, type OrgRating, type Predikat } from '../../../shared/evaluation/predikat';
import { canSeeOfficeDistribution, visibleDistributionUnit } from '../access';
import { type HandlerMap } from '../context';
import type { Core } from '../core';
import { unitLineage } from '../evaluation/service';
import { loadYear } from '../skp/service';
import { finalPredikatCounts, officeName, officeUnits, orgRatingsOf } from './queries';

function emptyCounts(): Record<Predikat, number> {
  return Object.fromEntries(predikats.map((p) => [p, 0])) as Record<Predikat, number>;
}

export function distributionOf(unitId: string | null, unitName: string, orgRating: OrgRating | null, counts: Record<Predikat, number>): UnitDistribution {
  const total = predikats.reduce((s, p) => s + counts[p], 0);
  if (!orgRating) {
    return { unitId, unitName, orgRating: null, pattern: null, total, counts, bands: null, rules: [], breaches: [] };
  }
  const check = checkDistribution(orgRating, counts);
  return { unitId, unitName, orgRating, pattern: distributionPattern[orgRating], total, counts, bands: check.bands, rules: check.rules, breaches: check.breaches };
}

/**
 * Final predikat of a period per unit (an employee counts in their unit and every unit above it),
 * each compared with the pattern its organisation rating requires. Shared by the dashboard.
 *
 * Four statements whatever the office's size: the units (their tree walked in memory instead of
 * one query per step), the counts grouped in SQL, the period's organisation ratings (resolved per
 * unit in memory, as orgRatingFor does), and the office.
 */
export function distributionForPeriod(core: Core, officeId: string, yearId: string, period: string, onlyUnitId?: string) {
  const office = { name: officeName(core, officeId) ?? '' };
  const allUnits = officeUnits(core, officeId);
  const units = allUnits.filter((u) => !u.deleted_at);
  const parentOf = new Map(allUnits.map((u) => [u.id, u.parent_id]));
  const lineageCache = new Map<string | null, string[]>();
  /** unitLineage without a query per step; a unit outside this office falls back to the database. */
  const lineageOf = (unitId: string | null): string[] => {
    let out = lineageCache.get(unitId);
    if (out) return out;
    out = [];
    let cur = unitId;
    while (cur && out.length < 32) {
      if (!parentOf.has(cur)) {
        out.push(...unitLineage(core, cur).slice(0, 32 - out.length));
        break;
      }
      out.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    lineageCache.set(unitId, out);
    return out;
  };
  const rows = finalPredikatCounts(core, yearId, period);
  const perUnit = new Map<string, Record<Predikat, number>>();
  const officeCounts = emptyCounts();
  for (const r of rows) {
    // A final evaluation always has its predikat (finalize refuses one without).
    if (r.predikat === null) continue;
    officeCounts[r.predikat] += r.n;
    for (const u of lineageOf(r.unit_id)) {
      const c = perUnit.get(u) ?? emptyCounts();
      c[r.predikat] += r.n;
      perUnit.set(u, c);
    }
  }
  const ratings = orgRatingsOf(core, yearId, period);
  const byUnit = new Map(ratings.map((r) => [r.unit_id ?? '', r.rating]));
  /** orgRatingFor: the unit's own rating, an ancestor's, or the office's. */
  const ratingOf = (unitId: string | null): OrgRating | null => {
    if (ratings.length === 0) return null;
    for (const u of lineageOf(unitId)) {
      const r = byUnit.get(u);
      if (r) return r;
    }
    return byUnit.get('') ?? null;
  };
  const rated = new Set(ratings.filter((r) => r.unit_id !== null).map((r) => r.unit_id!));
  // Top-level units always; deeper units when they have their own rating or are asked for.
  const shown = units.filter((u) => (onlyUnitId ? u.id === onlyUnitId : !u.parent_id || rated.has(u.id)));
  return {
    office: distributionOf(null, office.name, ratingOf(null), officeCounts),
    units: shown.map((u) => distributionOf(u.id, u.name, ratingOf(u.id), perUnit.get(u.id) ?? emptyCounts())),
  };
}

export const distributionHandlers: HandlerMap<'distribution.get'> = {
  'distribution.get': (ctx, input) => {
    const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
    if (!canSeeOfficeDistribution(ctx.core, ctx.actor, ctx.now)) {
      // An appraiser sees the unit they lead (and units under it), not the whole office's spread.
      const wanted = visibleDistributionUnit(ctx.core, ctx.actor, input.unitId);
      if (!wanted) throw forbidden('Kurva distribusi seluruh kantor khusus Pengelola Kinerja; Anda dapat melihat kurva unit kerja Anda.');
      const own = distributionForPeriod(ctx.core, ctx.actor.officeId, year.id, input.period, wanted);
      // The office entry keeps its name and rating but none of the office-wide counts.
      return { ...own, office: distributionOf(null, own.office.unitName, own.office.orgRating, emptyCounts()) };
    }
    return distributionForPeriod(ctx.core, ctx.actor.officeId, year.id, input.period, input.unitId);
  },
};
