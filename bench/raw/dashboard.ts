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
    plans: db
      .prepare(
        `SELECT s.id, s.employee_id, s.period_start, s.period_end, s.approved_version, s.appraiser_employee_id
         FROM skps s WHERE s.office_id = ? AND s.year_id = ? AND s.deleted_at IS NULL ORDER BY s.employee_id, s.period_start`,
      )
      .raw(true),
    reports: db.prepare('SELECT skp_id, status FROM period_reports WHERE office_id = ? AND period = ? AND deleted_at IS NULL').raw(true),
    evaluations: db.prepare('SELECT skp_id, status FROM evaluations WHERE year_id = ? AND period = ? AND deleted_at IS NULL').raw(true),
    names: db.prepare('SELECT s.id, s.employee_name, s.employee_nip, s.employee_unit, s.appraiser_name FROM json_each(?) j JOIN skps s ON s.id = j.value'),
    appeals: db.prepare("SELECT COUNT(*) AS n FROM appeals WHERE office_id = ? AND status = 'diajukan' AND deleted_at IS NULL"),
    office: db.prepare('SELECT name FROM offices WHERE id = ?'),
    units: db.prepare('SELECT id, name, parent_id FROM units WHERE office_id = ? AND deleted_at IS NULL ORDER BY name'),
    unitCounts: db.prepare(
      `SELECT unit_id, predikat, COUNT(*) AS n FROM evaluations
       WHERE year_id = ? AND period = ? AND status = 'final' AND deleted_at IS NULL GROUP BY unit_id, predikat`,
    ),
    ratings: db.prepare('SELECT unit_id, rating FROM org_ratings WHERE year_id = ? AND period = ? AND deleted_at IS NULL'),
    allUnits: db.prepare('SELECT id, parent_id FROM units WHERE office_id = ?'),
  };
  const collator = new Intl.Collator('id');
  const empty = (): Record<Predikat, number> => ({ sangat_baik: 0, baik: 0, butuh_perbaikan: 0, kurang: 0, sangat_kurang: 0 });

  return (officeId: string, yearId: string, periodCode: string) => {
    const y = stmts.year.get(yearId) as { year: number; cadence: 'bulanan' | 'triwulanan' };
    const period = periodsOf(y.year, y.cadence).find((p) => p.code === periodCode)!;
    type Row = [string, string, string, string, number, string | null, string | null, string | null];
    const rows = stmts.plans.all(officeId, yearId) as Row[];
    const reports = new Map(stmts.reports.all(officeId, periodCode) as [string, string][]);
    const evaluations = new Map(stmts.evaluations.all(yearId, periodCode) as [string, string][]);
    // Latest plan per employee (rows come in employee, period order), approved and running in the period.
    const plans: Row[] = [];
    for (let i = 0; i < rows.length; i++) {
      const s = rows[i]!;
      if (rows[i + 1]?.[1] !== s[1] && s[4] > 0 && !(period.end < s[2] || period.start > s[3])) {
        s[6] = reports.get(s[0]) ?? null;
        s[7] = evaluations.get(s[0]) ?? null;
        plans.push(s);
      }
    }
    const want = new Set<string>();
    const seen = new Set<string>();
    for (const s of plans) {
      if (s[6] !== 'diajukan' || s[5] === null) want.add(s[0]);
      if (s[5] !== null && !seen.has(s[5])) {
        seen.add(s[5]);
        want.add(s[0]);
      }
    }
    const names = new Map(
      (stmts.names.all(JSON.stringify([...want])) as { id: string; employee_name: string; employee_nip: string; employee_unit: string | null; appraiser_name: string | null }[]).map(
        (n) => [n.id, n],
      ),
    );
    let realisasiSubmitted = 0;
    let evaluationsFinal = 0;
    const notReported: { employeeId: string; name: string; nip: string; unit: string | null; appraiserName: string | null }[] = [];
    const byAppraiser = new Map<string, { appraiserId: string | null; appraiserName: string; pending: number; final: number }>();
    for (const s of plans) {
      const n = names.get(s[0]);
      if (s[6] === 'diajukan') realisasiSubmitted++;
      else notReported.push({ employeeId: s[1], name: n!.employee_name, nip: n!.employee_nip, unit: n!.employee_unit, appraiserName: n!.appraiser_name });
      const final = s[7] === 'final';
      if (final) evaluationsFinal++;
      const key = s[5] ?? n!.appraiser_name ?? '-';
      let a = byAppraiser.get(key);
      if (!a) byAppraiser.set(key, (a = { appraiserId: s[5], appraiserName: n!.appraiser_name ?? 'Belum ditentukan', pending: 0, final: 0 }));
      if (final) a.final++;
      else a.pending++;
    }
    const employees = plans.length;
    notReported.sort((a, b) => collator.compare(a.unit ?? '', b.unit ?? '') || collator.compare(a.name, b.name) || (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0));
    const pendingByAppraiser = [...byAppraiser.values()].sort(
      (a, b) => b.pending - a.pending || collator.compare(a.appraiserName, b.appraiserName) || ((a.appraiserId ?? '') < (b.appraiserId ?? '') ? -1 : 1),
    );

    // The spread: counts per unit and predikat in SQL (a few hundred rows), each added to the unit
    // and its ancestors in memory (a recursive CTE joining every evaluation to its ancestors was
    // slower), and the office total.
    const parent = new Map((stmts.allUnits.all(officeId) as { id: string; parent_id: string | null }[]).map((u) => [u.id, u.parent_id]));
    const officeCounts = empty();
    const perUnit = new Map<string, Record<Predikat, number>>();
    for (const r of stmts.unitCounts.all(yearId, periodCode) as { unit_id: string | null; predikat: Predikat; n: number }[]) {
      officeCounts[r.predikat] += r.n;
      for (let u = r.unit_id, k = 0; u && k < 32; u = parent.get(u) ?? null, k++) {
        const c = perUnit.get(u) ?? empty();
        c[r.predikat] += r.n;
        perUnit.set(u, c);
      }
    }
    const ratings = stmts.ratings.all(yearId, periodCode) as { unit_id: string | null; rating: OrgRating }[];
    const byUnit = new Map(ratings.map((r) => [r.unit_id ?? '', r.rating]));
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

