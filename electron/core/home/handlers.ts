import type { Compilable } from 'kysely';
import type { HomeSummary } from '../../../shared/home/commands';
import { findGolongan } from '../../../shared/people/golongan';
import { localDate } from '../../../shared/people/dates';
import { type HandlerMap, type ReadContext } from '../context';

/** The position held today: a definitive one first, else an acting one (Plt/Plh). */
function profileOf(ctx: ReadContext, employeeId: string, today: string): HomeSummary['profile'] {
  const { core } = ctx;
  const employee = core.q.first(core.db.selectFrom('employees').select(['golongan', 'kind']).where('id', '=', employeeId));
  const held = core.q.all(
    core.db
      .selectFrom('assignments as a')
      .innerJoin('positions as p', 'p.id', 'a.position_id')
      .leftJoin('units as u', 'u.id', 'p.unit_id')
      .select(['a.kind', 'p.name as position', 'u.name as unit'])
      .where('a.employee_id', '=', employeeId)
      .where('a.deleted_at', 'is', null)
      .where('a.cancel_reason', 'is', null)
      .where('a.start_date', '<=', today)
      .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', today)]))
      .orderBy('a.start_date', 'desc'),
  );
  const now = held.find((a) => a.kind === 'definitif') ?? held[0];
  const golongan = findGolongan(employee?.golongan ?? null, employee?.kind);
  return {
    position: now?.position ?? null,
    positionKind: now?.kind ?? null,
    unitName: now?.unit ?? null,
    golongan: employee?.golongan ?? null,
    pangkat: golongan?.pangkat ?? null,
  };
}

/** The running year (open, started), and the caller's latest SKP in it. */
function skpOf(ctx: ReadContext, officeId: string, employeeId: string, today: string): HomeSummary['skp'] {
  const { core } = ctx;
  const year = core.q.first(
    core.db
      .selectFrom('performance_years')
      .select(['id', 'year', 'skp_deadline'])
      .where('office_id', '=', officeId)
      .where('status', '=', 'terbuka')
      .where('deleted_at', 'is', null)
      .where('start_date', '<=', today)
      .orderBy('year', 'desc')
      .limit(1),
  );
  if (!year) return null;
  const skp = core.q.first(
    core.db
      .selectFrom('skps')
      .select(['id', 'status', 'approved_version'])
      .where('year_id', '=', year.id)
      .where('employee_id', '=', employeeId)
      .where('deleted_at', 'is', null)
      .orderBy('period_start', 'desc')
      .limit(1),
  );
  const approved = !!skp && skp.approved_version > 0;
  return { year: year.year, deadline: year.skp_deadline, skpId: skp?.id ?? null, status: skp?.status ?? 'belum_dibuat', overdue: !approved && today > year.skp_deadline };
}

const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);

/** What a new office still has to set up, in the order it is done. */
function setupOf(ctx: ReadContext, officeId: string): HomeSummary['setup'] {
  const { core } = ctx;
  const db = core.db;
  const live = (q: Compilable<{ n: number }>) => count(core.q.first(q));
  const units = live(db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('office_id', '=', officeId).where('deleted_at', 'is', null));
  const positions = live(db.selectFrom('positions').select((eb) => eb.fn.countAll<number>().as('n')).where('office_id', '=', officeId).where('deleted_at', 'is', null));
  const employees = live(db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).where('office_id', '=', officeId).where('deleted_at', 'is', null));
  const years = live(db.selectFrom('performance_years').select((eb) => eb.fn.countAll<number>().as('n')).where('office_id', '=', officeId).where('deleted_at', 'is', null));
  const office = core.q.first(core.db.selectFrom('offices').select(['address', 'head_position_id', 'head_appraiser_name']).where('id', '=', officeId));
  const withoutAccount = count(
    core.q.first(
      core.db
        .selectFrom('employees as e')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('e.office_id', '=', officeId)
        .where('e.deleted_at', 'is', null)
        .where('e.status', 'in', ['aktif', 'cuti'])
        .where((eb) => eb.not(eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.employee_id', '=', 'e.id').where('u.deleted_at', 'is', null)))),
    ),
  );
  const steps: NonNullable<HomeSummary['setup']>['steps'] = [
    // The profile is what the documents print: the address and who appraises the head of office.
    { key: 'profile', done: !!office?.address && (!!office.head_position_id || !!office.head_appraiser_name), count: 0 },
    { key: 'units', done: units > 0, count: units },
    { key: 'positions', done: positions > 0, count: positions },
    // The first administrator is an employee too: an office has employees once there is another.
    { key: 'employees', done: employees > 1, count: employees },
    { key: 'accounts', done: employees > 1 && withoutAccount === 0, count: withoutAccount },
    { key: 'year', done: years > 0, count: years },
  ];
  return { steps, complete: steps.every((s) => s.done) };
}

export const homeHandlers: HandlerMap<'home.summary'> = {
  'home.summary': (ctx) => {
    const actor = ctx.actor;
    const today = localDate(ctx.now);
    const manages = actor.roles.has('pengelola') || actor.roles.has('admin_pusat');
    return {
      profile: profileOf(ctx, actor.employeeId, today),
      skp: skpOf(ctx, actor.officeId, actor.employeeId, today),
      setup: manages ? setupOf(ctx, actor.officeId) : null,
    };
  },
};
