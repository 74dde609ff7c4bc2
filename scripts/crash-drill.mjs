// `npm run drill -- --runs N [--seed S]`: the crash drill (tests/crash-drill.test.ts) with more
// runs than CI's 20, or a failing run replayed by its seed.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, seed: { type: 'string' } } });
if (!/^\d+$/.test(values.runs)) throw new Error('--runs harus bilangan bulat positif.');
const env = { ...process.env, KINERJA_DRILL_RUNS: values.runs };
if (values.seed !== undefined) env.KINERJA_DRILL_SEED = values.seed;
// The test's own time limits assume 20 runs; a longer drill gets room in proportion.
const timeout = String(Math.max(1, Number(values.runs) / 20) * 300_000);
const r = spawnSync('npx', ['vitest', 'run', 'tests/crash-drill.test.ts', '--testTimeout', timeout, '--hookTimeout', '300000'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
