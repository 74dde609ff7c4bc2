import { periodsOf } from '../../../shared/evaluation/periods';
import { addDays, localDate } from '../../../shared/people/dates';
import { Core } from '../core';
import { actAs, type CliActor } from './session';

/**
 * A demo that has already lived part of its year. Commands take their time from the Core's clock
 * (`ctx.now`), never from their input, so nothing can be backdated through them; that is right
 * for the product and is kept. A demo step that must show last month's realisasi, feedback and
 * evaluations therefore opens a second Core on the same data folder with a clock it moves itself
 * (as the tests inject one) and acts through the real commands at those past moments: every rule,
 * audit entry and timestamp is what the app would have produced on that day.
 *
 * The clock only ever moves within the past (never past the real `now` of the seed), and each
 * person keeps one session for the whole replay (the session policy of this Core is long, so a
 * session opened "in February" still holds "in October"). Close it before the real Core goes on.
 */
export class HistoricalCore {
  readonly core: Core;
  private at: number;
  private readonly limit: number;
  private readonly actors = new Map<string, CliActor>();

  private constructor(dataDir: string, start: Date, limit: Date) {
    this.at = start.getTime();
    this.limit = limit.getTime();
    // Long enough for a replay from January of the story year to the last days before the next
    // March (seed/history.ts demoStoryYear), when the demo tells the year just past.
    const span = 800 * 24 * 60 * 60 * 1000;
    this.core = Core.open({ dataDir, clock: () => new Date(this.at), sessionPolicy: { maxAgeMs: span, idleMs: span }, beforeMigrate: null });
  }

  /** A second connection to `core`'s data folder, its clock at `start`, never beyond `core`'s own now. */
  static open(core: Core, start: Date): HistoricalCore {
    return new HistoricalCore(core.dataDir, start, core.now());
  }

  now(): Date {
    return new Date(this.at);
  }

  /** Has this moment already happened (with a margin, so nothing lands in the seed's own minute)? */
  isPast(at: Date): boolean {
    return at.getTime() <= this.limit - 10 * 60 * 1000;
  }

  /** Moves the clock; refuses the future, which a demo must not invent. */
  set(at: Date): void {
    if (!this.isPast(at)) throw new Error(`Waktu demo ${at.toISOString()} belum terjadi.`);
    this.at = at.getTime();
  }

  /** The person's session on this Core (opened once, at the clock's time). */
  as(userId: string, name: string): CliActor {
    let a = this.actors.get(userId);
    if (!a) {
      a = actAs(this.core, userId, name);
      this.actors.set(userId, a);
    }
    return a;
  }

  close(): void {
    for (const a of this.actors.values()) a.close();
    this.actors.clear();
    this.core.close();
  }
}

/** `2026-03-05` at `hh:mm` in Langsa (WIB, UTC+7). */
export function wibTime(isoDate: string, hhmm = '09:00'): Date {
  return new Date(`${isoDate}T${hhmm}:00+07:00`);
}

/** The same day, or the Monday after a Saturday or Sunday: offices act on working days. */
export function workday(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const dow = d.getUTCDay();
  const shift = dow === 6 ? 2 : dow === 0 ? 1 : 0;
  return new Date(d.getTime() + shift * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo's cycle of one period, each step a few working days after the one before so none lands
 * before its cause: realisasi sent two days after the period, the Capaian Kinerja Organisasi three
 * days later, the evaluation the next day, receipt two days after that.
 */
export function demoCycle(p: { start: string; end: string }): { feedback: string; report: string; org: string; evaluate: string; acknowledge: string } {
  const report = workday(addDays(p.end, 2));
  const org = workday(addDays(report, 3));
  const evaluate = workday(addDays(org, 1));
  return {
    feedback: workday(addDays(p.start, Math.floor((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 / 2))),
    report,
    org,
    evaluate,
    acknowledge: workday(addDays(evaluate, 2)),
  };
}

/** Has the whole cycle of the period (up to the employee's receipt, 16:00) happened by `now`? */
export function demoCycleDone(p: { start: string; end: string }, now: Date): boolean {
  return wibTime(demoCycle(p).acknowledge, '16:00').getTime() <= now.getTime() - 10 * 60 * 1000;
}

/**
 * The year whose story the demo tells: the running year once two of its months have gone through
 * the whole cycle (from about mid-March), before that the year just past, so that a demo made in
 * January or February still shows finished evaluations, the distribution curve, dialogues and an
 * appeal rather than an empty year (the same story on every date: docs/spec/operations.md §9).
 */
export function demoStoryYear(now: Date): number {
  const year = Number(localDate(now).slice(0, 4));
  const done = periodsOf(year, 'bulanan').filter((p) => !p.annual && demoCycleDone(p, now));
  return done.length >= 2 ? year : year - 1;
}
