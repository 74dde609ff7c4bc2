import { isDeepStrictEqual } from 'node:util';
import { localDate } from '../../shared/people/dates';
import { call, sessionFor, type Dataset } from '../lib/data';
import { summarize, type TimingOptions } from '../lib/stats';
import type { Measure } from '../lib/types';
import { rawDashboard } from '../raw/dashboard';
import { rawPeopleList } from '../raw/people-list';
import { rawTeam } from '../raw/team';

/** The handler and its raw baseline, run alternately in one loop so both meet the same machine. */
function pair(handler: () => unknown, raw: () => unknown, o: TimingOptions) {
  const h = { ms: [] as number[], cpu: [] as number[] };
  const r = { ms: [] as number[], cpu: [] as number[] };
  const one = (fn: () => unknown, into: typeof h) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    into.ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    into.cpu.push((c.user + c.system) / 1000);
  };
  for (let i = 0; i < o.warmup; i++) {
    handler();
    raw();
  }
  const started = performance.now();
  for (let i = 0; i < o.iterations; i++) {
    // Alternate which goes first, so neither always runs on a cache the other warmed.
    if (i % 2 === 0) {
      one(handler, h);
      one(raw, r);
    } else {
      one(raw, r);
      one(handler, h);
    }
    if (i + 1 >= (o.minIterations ?? 5) && performance.now() - started > o.budgetMs) break;
  }
  const hs = summarize(h.ms, h.cpu);
  const rs = summarize(r.ms, r.cpu);
  return { handler: hs, raw: rs, ratio: { median: round2(hs.median / rs.median), p95: round2(hs.p95 / rs.p95) } };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Fails the run loudly when the raw baseline does not compute exactly the handler's answer. */
function assertSame(what: string, handler: unknown, raw: unknown): true {
  if (isDeepStrictEqual(handler, raw)) return true;
  const h = JSON.stringify(handler);
  const r = JSON.stringify(raw);
  let i = 0;
  while (i < h.length && h[i] === r[i]) i++;
  throw new Error(
    `Raw-SQL baseline of ${what} computed a different answer than the handler.\n  handler: ...${h.slice(Math.max(0, i - 150), i + 150)}\n  raw:     ...${r.slice(Math.max(0, i - 150), i + 150)}`,
  );
}

/** The last period that has ended (its evaluations are mostly final): what a dashboard is opened on. */
export function lastEndedPeriod(d: Dataset): string {
  const row = d.core.q
    .prepare("SELECT period, COUNT(*) AS n FROM evaluations WHERE year_id = ? AND status = 'final' AND period != 'tahunan' GROUP BY period ORDER BY n DESC, period DESC")
    .all(d.yearId) as { period: string; n: number }[];
  // The most recent ended period: bulanan codes are numbers, triwulanan Q1..Q4.
  const ended = row.map((r) => r.period).sort((a, b) => (a.startsWith('Q') ? a.localeCompare(b) : Number(a) - Number(b)));
  return ended[ended.length - 1] ?? '1';
}

export function dashboardMeasure(d: Dataset, o: TimingOptions, label: string, id: string): Measure {
  const token = sessionFor(d.core, { username: 'admin' });
  const period = lastEndedPeriod(d);
  const raw = rawDashboard(d.core.sqlite);
  const viaHandler = () => call(d.core, token, 'reports.officeDashboard', { yearId: d.yearId, period });
  const viaRaw = () => raw(d.officeId, d.yearId, period);
  const sameAnswer = assertSame('reports.officeDashboard', viaHandler(), viaRaw());
  const r = pair(viaHandler, viaRaw, o);
  const out = viaHandler() as { employees: number; notReported: unknown[]; predikatByUnit: unknown[] };
  return {
    id,
    title: `Dasbor kantor satu periode (reports.officeDashboard, periode ${period})`,
    scale: label,
    unit: 'ms',
    ...r,
    sameAnswer,
    extra: { period, employees: out.employees, notReported: out.notReported.length, units: out.predikatByUnit.length },
    status: 'ok',
  };
}

export function listMeasure(d: Dataset, o: TimingOptions, label: string, id: string): Measure {
  const token = sessionFor(d.core, { username: 'admin' });
  const date = localDate(d.core.now());
  // A unit with sub-units (a bidang, or an OPD in a city) and a name prefix most offices have.
  const unit = d.core.q
    .prepare(
      `SELECT u.id, u.name, (SELECT COUNT(*) FROM units c WHERE c.parent_id = u.id) AS children FROM units u
       WHERE u.office_id = ? AND u.deleted_at IS NULL AND u.kind IN ('bidang', 'lainnya') ORDER BY u.kind = 'lainnya' DESC, u.code LIMIT 1`,
    )
    .get(d.officeId) as { id: string; name: string };
  const q = 'Muh';
  const raw = rawPeopleList(d.core.sqlite);
  const viaHandler = () => call(d.core, token, 'people.list', { q, unitId: unit.id, limit: 50, offset: 0, sort: 'name', date });
  const viaRaw = () => raw(d.officeId, date, { q, unitId: unit.id, offset: 0, limit: 50 });
  const sameAnswer = assertSame('people.list', viaHandler(), viaRaw());
  const r = pair(viaHandler, viaRaw, o);
  const out = viaHandler() as { total: number; items: unknown[] };
  return {
    id,
    title: `Daftar pegawai: cari "${q}" + saring unit, halaman 50 (people.list)`,
    scale: label,
    unit: 'ms',
    ...r,
    sameAnswer,
    extra: { unit: unit.name, total: out.total, page: out.items.length },
    status: 'ok',
  };
}

export function teamMeasure(d: Dataset, o: TimingOptions, label: string, id: string): Measure {
  // The appraiser whose team is closest to 30 people.
  const a = d.core.q
    .prepare(
      `SELECT appraiser_employee_id AS id, COUNT(*) AS n FROM skps WHERE year_id = ? AND appraiser_employee_id IS NOT NULL AND deleted_at IS NULL
       GROUP BY appraiser_employee_id ORDER BY ABS(COUNT(*) - 30), appraiser_employee_id LIMIT 1`,
    )
    .get(d.yearId) as { id: string; n: number };
  const token = sessionFor(d.core, { employeeId: a.id });
  const today = localDate(d.core.now());
  const raw = rawTeam(d.core);
  const viaHandler = () => call(d.core, token, 'reports.team', { yearId: d.yearId });
  const viaRaw = () => raw(a.id, d.yearId, today);
  const sameAnswer = assertSame('reports.team', viaHandler(), viaRaw());
  const r = pair(viaHandler, viaRaw, o);
  const out = viaHandler() as { members: { periodsTotal: number }[] };
  return {
    id,
    title: 'Tim Pejabat Penilai, semua periode tahun ini (reports.team)',
    scale: label,
    unit: 'ms',
    ...r,
    sameAnswer,
    extra: { appraisees: out.members.length, periods: Math.max(0, ...out.members.map((m) => m.periodsTotal)) },
    status: 'ok',
  };
}
