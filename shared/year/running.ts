/**
 * Which Tahun Penilaian a screen opens on, by the office's calendar day (the backend's clock, see
 * `year.today`): the year people are working in, not merely the newest one. Opening next year in
 * December is normal practice, and the annual evaluations of a year run into January; so the year
 * that has started and is still open stays in front until the Pengelola closes it, and next year is
 * one click away in the picker.
 */
export interface YearLike {
  year: number;
  startDate: string;
  endDate: string;
  status: 'terbuka' | 'ditutup';
}

/**
 * The running year on `today` (`YYYY-MM-DD`):
 * 1. the oldest open year that has started, among last calendar year and later (a year left open
 *    for years by mistake does not take over every screen);
 * 2. else the newest open year that has started;
 * 3. else the nearest open year still to come (a new office that opened next year early);
 * 4. else, all closed: the newest year that has started, else the newest.
 */
export function runningYear<Y extends YearLike>(years: readonly Y[], today: string): Y | null {
  const byYear = [...years].sort((a, b) => a.year - b.year);
  const open = byYear.filter((y) => y.status === 'terbuka');
  const started = open.filter((y) => y.startDate <= today);
  const calendarYear = Number(today.slice(0, 4));
  const recent = started.find((y) => y.year >= calendarYear - 1);
  if (recent) return recent;
  if (started.length > 0) return started.at(-1)!;
  if (open.length > 0) return open[0]!;
  return byYear.filter((y) => y.startDate <= today).at(-1) ?? byYear.at(-1) ?? null;
}

/** The other open years besides the running one, nearest first: what the picker offers one click away. */
export function otherOpenYears<Y extends YearLike>(years: readonly Y[], running: Y | null): Y[] {
  return years.filter((y) => y.status === 'terbuka' && y !== running).sort((a, b) => a.year - b.year);
}
