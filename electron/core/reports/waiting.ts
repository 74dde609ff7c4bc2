import { sql } from 'kysely';
import { requireActor, type HandlerMap } from '../context';

/**
 * The counts beside the menu entries (Persetujuan SKP, Penilaian, Keberatan, Dialog Kinerja) and on
 * the Dialog Kinerja tabs. Every count is of rows where the caller is the named party (appraiser,
 * atasan, employee), so row access is the WHERE clause itself: nobody learns anything about rows
 * that are not theirs, and a count is only ever of work the caller can open.
 */
export const waitingHandlers: HandlerMap<'reports.waiting'> = {
  'reports.waiting': (c) => {
    const ctx = requireActor(c);
    const me = ctx.employeeId;
    const { db, q } = c.core;
    const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);

    const skpInbox = q.first(
      db.selectFrom('skps').select((eb) => eb.fn.countAll().as('n')).where('appraiser_employee_id', '=', me).where('status', '=', 'diajukan').where('deleted_at', 'is', null),
    );

    const evaluations = q.first(
      db
        .selectFrom('period_reports as r')
        .innerJoin('skps as s', 's.id', 'r.skp_id')
        .innerJoin('performance_years as y', 'y.id', 's.year_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('s.appraiser_employee_id', '=', me)
        .where('r.status', '=', 'diajukan')
        .where('r.deleted_at', 'is', null)
        .where('s.deleted_at', 'is', null)
        .where('y.status', '=', 'terbuka')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('evaluations as e')
                .select(sql.lit(1).as('one'))
                .whereRef('e.skp_id', '=', 'r.skp_id')
                .whereRef('e.period', '=', 'r.period')
                .where('e.status', '=', 'final')
                .where('e.deleted_at', 'is', null),
            ),
          ),
        ),
    );

    const appeals = q.first(
      db
        .selectFrom('appeals')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'diajukan')
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('atasan_employee_id', '=', me), eb.and([eb('appraiser_employee_id', '=', me), eb('appraiser_explained_at', 'is', null)])])),
    );

    // A dialogue waits for a side when the other side asked for it (to schedule), or when its
    // minutes are recorded and this side has not confirmed them yet.
    const dialogues = (side: 'employee_id' | 'appraiser_employee_id', confirmed: 'employee_confirmed_at' | 'appraiser_confirmed_at') =>
      count(
        q.first(
          db
            .selectFrom('dialogues')
            .select((eb) => eb.fn.countAll().as('n'))
            .where(side, '=', me)
            .where('deleted_at', 'is', null)
            .where((eb) =>
              eb.or([eb.and([eb('status', '=', 'diminta'), eb('requested_by_employee_id', '!=', me)]), eb.and([eb('status', '=', 'dicatat'), eb(confirmed, 'is', null)])]),
            ),
        ),
      );

    return {
      skpInbox: count(skpInbox),
      evaluations: count(evaluations),
      appeals: count(appeals),
      dialogues: { mine: dialogues('employee_id', 'employee_confirmed_at'), team: dialogues('appraiser_employee_id', 'appraiser_confirmed_at') },
    };
  },
};
