import type { Core } from '../core';

export function officeName(core: Core, officeId: string): string | undefined {
  return core.q.first(core.db.selectFrom('offices').select('name').where('id', '=', officeId))?.name;
}

/** Every unit of the office, removed ones too (a removed unit still places its old evaluations in the tree). */
export function officeUnits(core: Core, officeId: string) {
  return core.q.all(core.db.selectFrom('units').select(['id', 'name', 'parent_id', 'deleted_at']).where('office_id', '=', officeId).orderBy('name'));
}

/** How many final evaluations of the period got each predikat, per unit. */
export function finalPredikatCounts(core: Core, yearId: string, period: string) {
  return core.q.all(
    core.db
      .selectFrom('evaluations')
      .select(['unit_id', 'predikat', (eb) => eb.fn.countAll<number>().as('n')])
      .where('year_id', '=', yearId)
      .where('period', '=', period)
      .where('status', '=', 'final')
      .where('deleted_at', 'is', null)
      .groupBy(['unit_id', 'predikat']),
  );
}

/** The period's Capaian Kinerja Organisasi, per unit (unit_id null: the office's). */
export function orgRatingsOf(core: Core, yearId: string, period: string) {
  return core.q.all(core.db.selectFrom('org_ratings').select(['unit_id', 'rating']).where('year_id', '=', yearId).where('period', '=', period).where('deleted_at', 'is', null));
}

/** The unit of the employee's running position (any of them, as the curve's own-unit check needs). */
export function runningUnitOf(core: Core, employeeId: string): { unit_id: string | null } | undefined {
  return core.q.first(
    core.db
      .selectFrom('assignments as a')
      .innerJoin('positions as p', 'p.id', 'a.position_id')
      .select('p.unit_id')
      .where('a.employee_id', '=', employeeId)
      .where('a.deleted_at', 'is', null)
      .where('a.end_date', 'is', null)
      .limit(1),
  );
}
