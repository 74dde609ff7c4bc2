import type { Cadence } from '../year/commands';
import { periodsOf } from './periods';

/**
 * The period a screen about evaluations (Penilaian, Dasbor Kinerja, Kurva Distribusi) opens on:
 * what needs action on `today` (`YYYY-MM-DD`, the backend's calendar day). A period is judged after
 * it has ended, so on 8 December that is November, not the running month with nothing in it yet.
 *
 * 1. a year still to come: its first period;
 * 2. the latest period that has ended and is not `finished` (the annual evaluation ends with the
 *    year, so after 31 December it is the latest);
 * 3. every ended period finished (or none ended yet): the period running today;
 * 4. a year that is over with everything finished: the annual evaluation.
 *
 * `finished` holds the codes the caller knows are done (e.g. every evaluation final); without it
 * every ended period counts as still open.
 */
export function defaultPeriodCode(year: { year: number; cadence: Cadence }, today: string, finished: ReadonlySet<string> = new Set()): string {
  const periods = periodsOf(year.year, year.cadence);
  const first = periods[0]!;
  if (today < first.start) return first.code;
  const waiting = periods.filter((p) => p.end < today && !finished.has(p.code));
  if (waiting.length > 0) return waiting.at(-1)!.code;
  const running = periods.find((p) => !p.annual && p.start <= today && today <= p.end);
  return running?.code ?? 'tahunan';
}
