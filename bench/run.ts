import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Core } from '../electron/core/core';
import { evaluateGoals } from './goals';
import { benchRoot, buildDataset, type Dataset, type DatasetSpec } from './lib/data';
import { finishMachineInfo, machineInfo, raisePriority } from './lib/machine';
import { printGoals, printTable } from './lib/report';
import type { BenchResult, Measure } from './lib/types';
import { loginLoadMeasure } from './measures/auth';
import { auditVerifyMeasure } from './measures/audit';
import { employeeExcelMeasure, evaluationPdfMeasure, laporanMeasure } from './measures/documents';
import { buildServeBundle, httpMeasures, memoryMeasure, serverStartMeasure } from './measures/process';
import { dashboardMeasure, listMeasure, teamMeasure } from './measures/reads';
import { syncMeasures } from './measures/sync';
import { changeLogMeasure, finalizeManyMeasure, yearOpenMeasure } from './measures/writes';

/**
 * `npm run bench [-- --quick | --smoke] [--check] [--out FILE] [--keep] [--reuse DIR] [--seed N] [--no-priority] [--only KEY,KEY]`
 *
 * Builds the synthetic office (2,000 employees, a monthly year) and city (20,000 employees in 40
 * offices' worth of units, a quarterly year) in a temporary folder, runs every measure of docs/performance.md (docs/spec/operations.md §10)
 * on them, prints one table and writes bench/results/latest.json. See docs/performance.md.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    seed: { type: 'string', default: '7' },
    'no-priority': { type: 'boolean', default: false },
    /** Run only these steps (keys of `stepKeys`), e.g. `--only login,audit`: one goal re-measured on a quiet machine without the whole hour. */
    only: { type: 'string' },
  },
  strict: true,
});
const mode: BenchResult['mode'] = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
const seed = Number(values.seed);

interface Plan {
  office: DatasetSpec;
  city: DatasetSpec;
  reads: { warmup: number; iterations: number; budgetMs: number; minIterations: number };
  cityReads: boolean;
  yearOpen: number;
  finalize: number;
  exports: { warmup: number; iterations: number; budgetMs: number; minIterations: number };
  pdfs: number;
  httpSeconds: number;
  starts: number;
  /** Increments of 100 changes synced after the first sync. */
  syncIncrements: number;
  /** Full `audit verify` runs on the city (each reads the whole database). */
  auditVerify: number;
}

const plans: Record<BenchResult['mode'], Plan> = {
  full: {
    office: { name: 'office', employees: 2000, offices: 1, cadence: 'bulanan', seed },
    city: { name: 'city', employees: 20_000, offices: 40, cadence: 'triwulanan', seed },
    reads: { warmup: 5, iterations: 200, budgetMs: 20_000, minIterations: 30 },
    cityReads: true,
    yearOpen: 3,
    finalize: 10,
    exports: { warmup: 1, iterations: 3, budgetMs: 30_000, minIterations: 3 },
    pdfs: 100,
    httpSeconds: 10,
    starts: 5,
    syncIncrements: 20,
    auditVerify: 2,
  },
  quick: {
    office: { name: 'office', employees: 2000, offices: 1, cadence: 'bulanan', seed },
    city: { name: 'city', employees: 5000, offices: 10, cadence: 'triwulanan', seed },
    reads: { warmup: 3, iterations: 60, budgetMs: 4000, minIterations: 15 },
    cityReads: false,
    yearOpen: 1,
    finalize: 3,
    exports: { warmup: 0, iterations: 1, budgetMs: 1, minIterations: 1 },
    pdfs: 20,
    httpSeconds: 3,
    starts: 2,
    syncIncrements: 5,
    auditVerify: 1,
  },
  smoke: {
    office: { name: 'office', employees: 300, offices: 1, cadence: 'bulanan', seed },
    city: { name: 'city', employees: 600, offices: 4, cadence: 'triwulanan', seed },
    reads: { warmup: 1, iterations: 5, budgetMs: 500, minIterations: 3 },
    cityReads: false,
    yearOpen: 1,
    finalize: 1,
    exports: { warmup: 0, iterations: 1, budgetMs: 1, minIterations: 1 },
    pdfs: 3,
    httpSeconds: 1,
    starts: 1,
    syncIncrements: 2,
    auditVerify: 1,
  },
};

const plan = plans[mode];

/** Each step's key for `--only`, and which synthetic data it reads (the city takes minutes to build). */
const stepKeys = {
  dashboard: 'office', list: 'office', team: 'office', 'city-reads': 'city', finalize: 'office', changelog: 'office', pdf: 'office',
  http: 'office', login: 'office', excel: 'city', laporan: 'city', memory: 'city', start: 'city', sync: 'office', audit: 'city', 'year-open': 'city',
} as const;
type StepKey = keyof typeof stepKeys;
const only: Set<StepKey> | null = values.only
  ? new Set(
      values.only.split(',').map((k) => {
        const key = k.trim();
        if (!(key in stepKeys)) throw new Error(`--only: langkah '${key}' tidak dikenal; pilihan: ${Object.keys(stepKeys).join(', ')}`);
        return key as StepKey;
      }),
    )
  : null;
const selected = (key: StepKey) => only === null || only.has(key);
const needs = (dataset: 'office' | 'city') => (Object.keys(stepKeys) as StepKey[]).some((k) => selected(k) && stepKeys[k] === dataset);
const started = new Date();
const log = (line: string) => console.log(line);
if (!values['no-priority']) raisePriority();
const machine = machineInfo();
const label = (d: Dataset) => `${d.name === 'office' ? 'kantor' : `kota (${d.offices} OPD)`} ${d.employees.toLocaleString('id-ID')}`;

function openDataset(root: string, spec: DatasetSpec): Dataset {
  const dir = path.join(root, spec.name);
  if (values.reuse && fs.existsSync(path.join(dir, 'kinerja.db'))) {
    const core = Core.open({ dataDir: dir, beforeMigrate: null });
    const year = core.q.prepare("SELECT id, year, cadence FROM performance_years WHERE status = 'terbuka' ORDER BY year LIMIT 1").get() as { id: string; year: number; cadence: 'bulanan' | 'triwulanan' };
    const meta = JSON.parse(core.getMeta('synthetic_year') ?? '{}') as { rows?: number };
    const employees = (core.q.prepare('SELECT COUNT(*) AS n FROM employees').get() as { n: number }).n;
    log(`  ${spec.name}: dipakai ulang dari ${dir}`);
    return { ...spec, employees, cadence: year.cadence, dir, seedMs: 0, rows: meta.rows ?? 0, dbMB: fs.statSync(path.join(dir, 'kinerja.db')).size / 1048576, core, officeId: core.officeId()!, yearId: year.id, year: year.year };
  }
  log(`  ${spec.name}: ${spec.employees} pegawai, ${spec.offices} OPD, tahun ${spec.cadence}, seed ${spec.seed}`);
  const d = buildDataset(root, spec, log);
  log(`  ${spec.name}: ${d.rows.toLocaleString('id-ID')} baris tahun penilaian, ${d.dbMB.toFixed(0)} MB, ${(d.seedMs / 1000).toFixed(1)} s`);
  return d;
}

async function main(): Promise<number> {
  const root = values.reuse ? path.resolve(values.reuse) : benchRoot();
  console.log(`Kinerja bench (${mode}) di ${root}`);
  console.log(
    `Mesin: ${machine.cpuModel}, ${machine.cores} inti, ${machine.memoryMB} MB, Node ${machine.node}, SQLite ${machine.sqlite}, beban ${machine.loadAverage.start.join(' / ')}, nice ${machine.nice}`,
  );
  const measures: Measure[] = [];
  const datasets: BenchResult['datasets'] = {};
  const files = path.join(root, 'files');
  fs.mkdirSync(files, { recursive: true });
  const step = async (key: StepKey | StepKey[], what: string, fn: () => Measure | Measure[] | Promise<Measure | Measure[]>) => {
    if (!(Array.isArray(key) ? key : [key]).some(selected)) return;
    const t = performance.now();
    process.stdout.write(`- ${what} ... `);
    const m = await fn();
    measures.push(...(Array.isArray(m) ? m : [m]));
    console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  let office: Dataset | null = null;
  let city: Dataset | null = null;
  try {
    console.log('Data sintetis:');
    // A dataset no selected step reads is not built; its steps are skipped, so `!` below is safe.
    office = needs('office') ? openDataset(root, plan.office) : null;
    city = needs('city') ? openDataset(root, plan.city) : null;
    for (const d of [office, city]) {
      if (!d) continue;
      datasets[d.name] = { employees: d.employees, offices: d.offices, cadence: d.cadence, rows: d.rows, dbMB: Math.round(d.dbMB), seedSeconds: Math.round(d.seedMs / 100) / 10 };
    }
    const o = office as Dataset;
    const c = city as Dataset;
    console.log('Pengukuran:');
    await step('dashboard', 'dasbor kantor', () => dashboardMeasure(o, plan.reads, label(o), 'dashboard'));
    await step('list', 'daftar pegawai', () => listMeasure(o, plan.reads, label(o), 'people.list'));
    await step('team', 'tim penilai', () => teamMeasure(o, plan.reads, label(o), 'reports.team'));
    if (plan.cityReads) {
      const few = { ...plan.reads, iterations: Math.min(plan.reads.iterations, 40), minIterations: 10 };
      await step('city-reads', 'dasbor kota', () => dashboardMeasure(c, few, label(c), 'dashboard.city'));
      await step('city-reads', 'daftar pegawai kota', () => listMeasure(c, few, label(c), 'people.list.city'));
    }
    await step('finalize', 'mengunci penilaian satu unit', () => finalizeManyMeasure(o, plan.finalize, label(o)));
    await step('changelog', 'byte change_log per perintah', () => changeLogMeasure(o, label(o)));
    await step('pdf', 'PDF evaluasi', () => evaluationPdfMeasure(o, plan.pdfs, label(o)));
    await step('http', 'HTTP loopback', () => httpMeasures(o, plan.httpSeconds, label(o)));
    await step('login', 'health selama 20 login', () => loginLoadMeasure(o, label(o)));
    await step('excel', 'Excel daftar pegawai', () => employeeExcelMeasure(c, plan.exports, label(c), files));
    await step('laporan', 'Excel Laporan Penilaian', () => laporanMeasure(c, plan.exports, label(c), files));
    await step(['memory', 'start'], 'bundel server (esbuild)', async () => {
      await buildServeBundle();
      return [];
    });
    await step('memory', 'memori server', () => memoryMeasure(c, label(c), 'bundle'));
    await step('memory', 'memori server (tsx)', () => memoryMeasure(c, label(c), 'tsx'));
    await step('start', 'server hidup', () => serverStartMeasure(c, plan.starts, label(c), 'bundle'));
    await step('start', 'server hidup (tsx)', () => serverStartMeasure(c, plan.starts, label(c), 'tsx'));
    // The first sync of a whole year takes tens of seconds: not part of the smoke run (bench.test.ts).
    await step('sync', 'sinkronisasi ke pusat', () =>
      mode === 'smoke'
        ? ['sync.first', 'sync.increment', 'sync.first.pg'].map((id): Measure => ({ id, title: id, scale: label(o), unit: 'ms', status: 'pending', note: 'tidak diukur pada --smoke' }))
        : syncMeasures(o, root, label(o), plan.syncIncrements),
    );
    await step('audit', 'audit verify kota', () => auditVerifyMeasure(c, plan.auditVerify, label(c)));
    await step('year-open', 'membuka tahun', () => yearOpenMeasure(c, plan.yearOpen, label(c)));
  } finally {
    office?.core.close();
    city?.core.close();
    if (!values.keep && !values.reuse) fs.rmSync(root, { recursive: true, force: true });
    else console.log(`Data disimpan di ${root} (pakai lagi dengan --reuse ${root})`);
  }
  finishMachineInfo(machine);
  // With --only, a goal whose measure was not run is not a miss: it was not asked for.
  const goals = evaluateGoals(measures, mode === 'full').map((g) =>
    only !== null && !measures.some((m) => m.id === g.measure) ? { ...g, met: null, note: 'tidak dijalankan (--only)' } : g,
  );
  const result: BenchResult = {
    version: 1,
    mode,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 100) / 10,
    seed,
    machine,
    datasets,
    measures,
    goals,
  };
  const out = path.resolve(values.out ?? path.join(here, 'results', 'latest.json'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log('');
  printTable(result);
  console.log('');
  printGoals(result);
  console.log(`\nHasil: ${out} (${result.seconds} s; beban mesin ${machine.loadAverage.start.join('/')} -> ${machine.loadAverage.end?.join('/')})`);
  if (values.check) {
    const misses = goals.filter((g) => g.met === false);
    if (misses.length > 0) {
      console.error(`\n--check: ${misses.length} sasaran tidak tercapai:`);
      for (const g of misses) console.error(`  MISS ${g.id}: ${g.text}; terukur ${g.actual ?? '-'}${g.note ? ` (${g.note})` : ''}`);
      return 1;
    }
    console.log('\n--check: semua sasaran yang dapat dibandingkan tercapai.');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
