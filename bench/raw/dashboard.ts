import type Database from 'better-sqlite3';
import { checkDistribution } from '../../shared/distribution/curve';
import { periodsOf } from '../../shared/evaluation/periods';
import type { OrgRating, Predikat } from '../../shared/evaluation/predikat';

/**
 * reports.officeDashboard by hand: raw better-sqlite3 prepared statements, the aggregation in SQL
 * where SQL does it best (the predikat counts of every unit and its ancestors in one recursive
 * query), no dispatcher, no session, no validation. The pure domain rules (periods, the
 * distribution curve) are the shared ones: they are not data access.
 */
export function rawDashboard(db: Database.Database) {
  const stmts = {
    year: db.prepare('SELECT year, cadence FROM performance_years WHERE id = ?'),
    plans: db.prepare(
      `SELECT s.employee_id, s.employee_name, s.employee_nip, s.employee_unit, s.appraiser_employee_id, s.appraiser_name,
              s.approved_version, s.period_start, s.period_end, r.status AS rs, e.status AS es
       FROM skps s
       LEFT JOIN period_reports r ON r.skp_id = s.id AND r.period = ? AND r.deleted_at IS NULL
       LEFT JOIN evaluations e ON e.skp_id = s.id AND e.period = ? AND e.deleted_at IS NULL
       WHERE s.year_id = ? AND s.office_id = ? AND s.deleted_at IS NULL
       ORDER BY s.period_start`,
    ),
    appeals: db.prepare("SELECT COUNT(*) AS n FROM appeals WHERE office_id = ? AND status = 'diajukan' AND deleted_at IS NULL"),
    office: db.prepare('SELECT name FROM offices WHERE id = ?'),
    units: db.prepare('SELECT id, name, parent_id FROM units WHERE office_id = ? AND deleted_at IS NULL ORDER BY name'),
    officeCounts: db.prepare(
      `SELECT predikat, COUNT(*) AS n FROM evaluations WHERE year_id = ? AND period = ? AND status = 'final' AND deleted_at IS NULL GROUP BY predikat`,
    ),
    unitCounts: db.prepare(
      `WITH RECURSIVE up(unit_id, anc) AS (
         SELECT id, id FROM units WHERE office_id = ?
         UNION ALL SELECT up.unit_id, u.parent_id FROM up JOIN units u ON u.id = up.anc WHERE u.parent_id IS NOT NULL)
       SELECT up.anc AS unit_id, e.predikat, COUNT(*) AS n
       FROM evaluations e JOIN up ON up.unit_id = e.unit_id
       WHERE e.year_id = ? AND e.period = ? AND e.status = 'final' AND e.deleted_at IS NULL
       GROUP BY up.anc, e.predikat`,
    ),
    ratings: db.prepare('SELECT unit_id, rating FROM org_ratings WHERE year_id = ? AND period = ? AND deleted_at IS NULL'),
    allUnits: db.prepare('SELECT id, parent_id FROM units WHERE office_id = ?'),
  };
  const collator = new Intl.Collator('id');
  const empty = (): Record<Predikat, number> => ({ sangat_baik: 0, baik: 0, butuh_perbaikan: 0, kurang: 0, sangat_kurang: 0 });

  return (officeId: string, yearId: string, periodCode: string) => {
    const y = stmts.year.get(yearId) as { year: number; cadence: 'bulanan' | 'triwulanan' };
    const period = periodsOf(y.year, y.cadence).find((p) => p.code === periodCode)!;
    const rows = stmts.plans.all(periodCode, periodCode, yearId, officeId) as {
      employee_id: string;
      employee_name: string;
      employee_nip: string;
      employee_unit: string | null;
      appraiser_employee_id: string | null;
      appraiser_name: string | null;
      approved_version: number;
      period_start: string;
      period_end: string;
      rs: string | null;
      es: string | null;
    }[];
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) latest.set(r.employee_id, r);
    let employees = 0;
    let realisasiSubmitted = 0;
    let evaluationsFinal = 0;
    const notReported: { employeeId: string; name: string; nip: string; unit: string | null; appraiserName: string | null }[] = [];
    const byAppraiser = new Map<string, { appraiserId: string | null; appraiserName: string; pending: number; final: number }>();
    for (const s of latest.values()) {
      if (s.approved_version === 0 || period.end < s.period_start || period.start > s.period_end) continue;
      employees++;
      if (s.rs === 'diajukan') realisasiSubmitted++;
      else notReported.push({ employeeId: s.employee_id, name: s.employee_name, nip: s.employee_nip, unit: s.employee_unit, appraiserName: s.appraiser_name });
      const final = s.es === 'final';
      if (final) evaluationsFinal++;
      const key = s.appraiser_employee_id ?? s.appraiser_name ?? '-';
      let a = byAppraiser.get(key);
      if (!a) byAppraiser.set(key, (a = { appraiserId: s.appraiser_employee_id, appraiserName: s.appraiser_name ?? 'Belum ditentukan', pending: 0, final: 0 }));
      if (final) a.final++;
      else a.pending++;
    }
    notReported.sort((a, b) => collator.compare(a.unit ?? '', b.unit ?? '') || collator.compare(a.name, b.name) || (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0));
    const pendingByAppraiser = [...byAppraiser.values()].sort(
      (a, b) => b.pending - a.pending || collator.compare(a.appraiserName, b.appraiserName) || ((a.appraiserId ?? '') < (b.appraiserId ?? '') ? -1 : 1),
    );

    // The spread: office totals and every unit with its sub-units, by SQL.
    const officeCounts = empty();
    for (const r of stmts.officeCounts.all(yearId, periodCode) as { predikat: Predikat; n: number }[]) officeCounts[r.predikat] = r.n;
    const perUnit = new Map<string, Record<Predikat, number>>();
    for (const r of stmts.unitCounts.all(officeId, yearId, periodCode) as { unit_id: string; predikat: Predikat; n: number }[]) {
      const c = perUnit.get(r.unit_id) ?? empty();
      c[r.predikat] = r.n;
      perUnit.set(r.unit_id, c);
    }
    const ratings = stmts.ratings.all(yearId, periodCode) as { unit_id: string | null; rating: OrgRating }[];
    const byUnit = new Map(ratings.map((r) => [r.unit_id ?? '', r.rating]));
    const parent = new Map((stmts.allUnits.all(officeId) as { id: string; parent_id: string | null }[]).map((u) => [u.id, u.parent_id]));
    const ratingOf = (unitId: string | null): OrgRating | null => {
      if (ratings.length === 0) return null;
      for (let u = unitId, d = 0; u && d < 32; u = parent.get(u) ?? null, d++) {
        const r = byUnit.get(u);
        if (r) return r;
      }
      return byUnit.get('') ?? null;
    };
    const entry = (unitId: string | null, unitName: string, counts: Record<Predikat, number>) => {
      const rating = ratingOf(unitId);
      return { unitId, unitName, counts, breaches: rating ? checkDistribution(rating, counts).breaches.length : 0 };
    };
    const rated = new Set(ratings.filter((r) => r.unit_id).map((r) => r.unit_id!));
    const units = (stmts.units.all(officeId) as { id: string; name: string; parent_id: string | null }[]).filter((u) => !u.parent_id || rated.has(u.id));
    const officeName = (stmts.office.get(officeId) as { name: string }).name;
    return {
      periodLabel: period.label,
      employees,
      realisasiSubmitted,
      evaluationsFinal,
      notReported,
      pendingByAppraiser,
      openAppeals: (stmts.appeals.get(officeId) as { n: number }).n,
      predikatByUnit: [entry(null, officeName, officeCounts), ...units.map((u) => entry(u.id, u.name, perUnit.get(u.id) ?? empty()))],
    };
  };
}

