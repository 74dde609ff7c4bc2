import { AppError, ruleViolation } from '../../../shared/errors';
import type { PerformanceYear } from '../../../shared/year/commands';
import { requireActor, type HandlerMap, type ReadContext } from '../context';
import type { PerformanceYearsTable } from '../db/schema';
import { localDate } from '../../../shared/people/dates';
import { OfficeSnapshot } from '../people/source';
import { chainDate, createSkp, loadYear } from '../skp/service';

export function yearOut(y: PerformanceYearsTable): PerformanceYear {
  return {
    id: y.id,
    year: y.year,
    startDate: y.start_date,
    endDate: y.end_date,
    cadence: y.cadence,
    skpDeadline: y.skp_deadline,
    status: y.status,
    closedAt: y.closed_at,
    version: y.version,
  };
}

/** Closing a year waits for its annual evaluations; the evaluation capability says what is missing. */
export type YearCloseCheck = (ctx: ReadContext, year: PerformanceYearsTable) => string | null;
const closeChecks: YearCloseCheck[] = [];
export function addYearCloseCheck(check: YearCloseCheck): void {
  if (!closeChecks.includes(check)) closeChecks.push(check);
}

export const yearHandlers: HandlerMap<'year.today' | 'year.list' | 'year.open' | 'year.update' | 'year.close'> = {
  // The renderer never reads the browser's clock to decide which year or period is current: a PC
  // with a wrong date would open the wrong screen. The office's day comes from here.
  'year.today': (ctx) => ({ today: localDate(ctx.now), now: ctx.nowIso }),

  'year.list': (ctx) => {
    const actor = requireActor(ctx);
    const rows = ctx.core.q.all(
      ctx.core.db.selectFrom('performance_years').selectAll().where('office_id', '=', actor.officeId).where('deleted_at', 'is', null).orderBy('year', 'desc'),
    );
    return { years: rows.map(yearOut) };
  },

  'year.open': (ctx, input) => {
    const actor = requireActor(ctx);
    const taken = ctx.core.db.selectFrom('performance_years').select('id').where('office_id', '=', actor.officeId).where('year', '=', input.year).where('deleted_at', 'is', null);
    if (ctx.core.q.first(taken)) {
      throw new AppError('VALIDATION', `Tahun Penilaian ${input.year} sudah dibuka.`, { fields: { year: `Tahun ${input.year} sudah ada.` } });
    }
    const startDate = input.startDate ?? `${input.year}-01-01`;
    const endDate = input.endDate ?? `${input.year}-12-31`;
    if (!startDate.startsWith(String(input.year))) {
      throw new AppError('VALIDATION', 'Tanggal mulai harus berada pada tahun yang dibuka.', { fields: { startDate: 'Harus pada tahun yang dibuka.' } });
    }
    const skpDeadline = input.skpDeadline ?? `${input.year}-01-31`;
    if (skpDeadline < startDate || skpDeadline > endDate) {
      throw new AppError('VALIDATION', 'Batas persetujuan SKP harus di dalam Tahun Penilaian.', { fields: { skpDeadline: 'Harus di antara tanggal mulai dan akhir.' } });
    }
    const year = ctx.write.insert('performance_years', {
      year: input.year,
      start_date: startDate,
      end_date: endDate,
      cadence: input.cadence,
      skp_deadline: skpDeadline,
      status: 'terbuka',
      closed_at: null,
    }) as PerformanceYearsTable;
    let shellsCreated = 0;
    if (input.createShells) {
      // Everyone holding a position gets a draft to start from; one office snapshot serves all of them.
      const date = chainDate(year, ctx.now);
      const src = new OfficeSnapshot(ctx.core, actor.officeId, date);
      for (const e of src.employees.values()) {
        if (e.status !== 'aktif' || src.assignmentsOfEmployee(e.id, date).length === 0) continue;
        createSkp(ctx, actor.officeId, { year, employeeId: e.id, approach: 'kuantitatif', src, date });
        shellsCreated++;
      }
    }
    return { year: yearOut(year), shellsCreated };
  },

  'year.update': (ctx, input) => {
    const actor = requireActor(ctx);
    const y = loadYear(ctx.core, actor.officeId, input.yearId);
    if (y.status === 'ditutup') throw ruleViolation(`Tahun Penilaian ${y.year} sudah ditutup.`);
    const start = input.startDate ?? y.start_date;
    const end = input.endDate ?? y.end_date;
    const deadline = input.skpDeadline ?? y.skp_deadline;
    if (end <= start) throw new AppError('VALIDATION', 'Tanggal akhir harus sesudah tanggal mulai.', { fields: { endDate: 'Harus sesudah tanggal mulai.' } });
    if (deadline < start || deadline > end) {
      throw new AppError('VALIDATION', 'Batas persetujuan SKP harus di dalam Tahun Penilaian.', { fields: { skpDeadline: 'Harus di antara tanggal mulai dan akhir.' } });
    }
    const updated = ctx.write.update(
      'performance_years',
      y.id,
      { start_date: start, end_date: end, skp_deadline: deadline, cadence: input.cadence ?? y.cadence },
      input.version,
      'Tahun Penilaian',
    ) as PerformanceYearsTable;
    return { year: yearOut(updated) };
  },

  'year.close': (ctx, input) => {
    const actor = requireActor(ctx);
    const y = loadYear(ctx.core, actor.officeId, input.yearId);
    if (y.status === 'ditutup') throw ruleViolation(`Tahun Penilaian ${y.year} sudah ditutup.`);
    for (const check of closeChecks) {
      const why = check(ctx, y);
      if (why) throw ruleViolation(why);
    }
    const updated = ctx.write.update('performance_years', y.id, { status: 'ditutup', closed_at: ctx.nowIso }, input.version, 'Tahun Penilaian') as PerformanceYearsTable;
    return { year: yearOut(updated) };
  },
};
