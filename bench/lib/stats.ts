/**
 * Timing: every measure runs its operation a number of times after a warm-up and reports the
 * median and the 95th percentile (nearest rank) of the wall-clock times, plus the median CPU time
 * of this process, which shows how much of the wall time was the work itself and how much was
 * waiting for a CPU on a shared machine.
 */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  /** Median CPU time (user + system) of this process per run, ms; null for work done elsewhere. */
  cpuMedian: number | null;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

export function summarize(ms: number[], cpu: number[] | null = null): Summary {
  const s = [...ms].sort((a, b) => a - b);
  const c = cpu ? [...cpu].sort((a, b) => a - b) : null;
  return {
    n: s.length,
    median: round(percentile(s, 0.5)),
    p95: round(percentile(s, 0.95)),
    min: round(s[0] ?? NaN),
    max: round(s[s.length - 1] ?? NaN),
    cpuMedian: c && c.length ? round(percentile(c, 0.5)) : null,
  };
}

export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export interface TimingOptions {
  warmup: number;
  iterations: number;
  /** Stop early (after at least `minIterations`) once this much wall time has been spent. */
  budgetMs: number;
  minIterations?: number;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** Runs a synchronous operation repeatedly; returns wall and CPU milliseconds per run. */
export function timeSync(fn: (i: number) => unknown, o: TimingOptions): { ms: number[]; cpu: number[] } {
  for (let i = 0; i < o.warmup; i++) fn(-1 - i);
  const ms: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.iterations; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(i);
    const t1 = performance.now();
    ms.push(t1 - t0);
    cpu.push(cpuMs(process.cpuUsage(c0)));
    if (i + 1 >= (o.minIterations ?? 5) && t1 - started > o.budgetMs) break;
  }
  return { ms, cpu };
}

/** The same for asynchronous work (PDF rendering, Excel writing). */
export async function timeAsync(fn: (i: number) => Promise<unknown>, o: TimingOptions): Promise<{ ms: number[]; cpu: number[] }> {
  for (let i = 0; i < o.warmup; i++) await fn(-1 - i);
  const ms: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.iterations; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(i);
    const t1 = performance.now();
    ms.push(t1 - t0);
    cpu.push(cpuMs(process.cpuUsage(c0)));
    if (i + 1 >= (o.minIterations ?? 3) && t1 - started > o.budgetMs) break;
  }
  return { ms, cpu };
}
