import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result as LoadResult } from 'autocannon';
import { demoPassword } from '../../electron/core/seed';
import type { Dataset } from '../lib/data';
import { percentile, round, summarize } from '../lib/stats';
import type { Measure } from '../lib/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Ends a child this run started, and waits for it to be gone. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: demoPassword }) });
  if (res.status !== 200) throw new Error(`login ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('login without a cookie');
  return cookie.split(';')[0]!;
}

async function post(base: string, cookie: string, name: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${base}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(input) });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${name} ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export type ServeBuild = 'bundle' | 'tsx';

const bundleDir = path.join(root, 'node_modules/.cache/kinerja-bench/serve');

/**
 * The CLI as a production server runs it (`npm run serve`): the bundle of scripts/build-server.mjs,
 * built into node_modules/.cache, where `better-sqlite3` (native, not bundled) resolves.
 */
export async function buildServeBundle(): Promise<string> {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-server.mjs'), bundleDir], { cwd: root, stdio: 'ignore' });
  return path.join(bundleDir, 'kinerja.js');
}

/**
 * `kinerja serve` on a data folder: the bundle (see buildServeBundle), or node with the tsx loader
 * on the TypeScript sources, as `npm run serve` runs it today.
 */
function spawnServe(dir: string, port: number, how: ServeBuild): ChildProcess {
  const entry = how === 'bundle' ? [path.join(bundleDir, 'kinerja.js')] : ['--import', 'tsx', path.join(root, 'electron/cli/main.ts')];
  return spawn(process.execPath, [...entry, 'serve', '--data', dir, '--port', String(port), '--renderer', path.join(root, 'dist/renderer')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

async function waitHealthy(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}): ${stderr.slice(0, 500)}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (performance.now() > deadline) throw new Error(`serve not healthy after ${timeoutMs} ms: ${stderr.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * From spawning `serve` to the first 200 from /api/health, on the given database. With several
 * repetitions, one start first that is not counted (the operating system's file cache, tsx's
 * transform cache), as on a server that has run before.
 */
export async function serverStartMeasure(d: Dataset, repetitions: number, label: string, how: ServeBuild): Promise<Measure> {
  const ms: number[] = [];
  for (let i = repetitions > 1 ? -1 : 0; i < repetitions; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawnServe(d.dir, port, how);
    try {
      await waitHealthy(`http://127.0.0.1:${port}`, child, 120_000);
      if (i >= 0) ms.push(performance.now() - t0);
    } finally {
      await stopChild(child);
    }
  }
  return {
    id: how === 'bundle' ? 'server.start' : 'server.start.tsx',
    title:
      how === 'bundle'
        ? 'Server hidup sampai sehat (npm run serve: kinerja serve dibundel esbuild, sampai /api/health 200)'
        : 'Server hidup sampai sehat (npm run kinerja serve: node + tsx dari sumber TypeScript)',
    scale: label,
    unit: 'ms',
    handler: summarize(ms),
    status: 'ok',
  };
}

function rssOf(pid: number): { rssMB: number; peakMB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rssMB: round(kb('VmRSS') / 1024, 1), peakMB: round(kb('VmHWM') / 1024, 1) };
}

/**
 * Resident memory of the server process with the city's database loaded: `serve` started on it,
 * then the heavy screens requested (the city dashboard, the employee list, the export rows), then
 * /proc/<pid>/status read (VmRSS now, VmHWM the peak). Read before the first daily backup (60 s).
 */
export async function memoryMeasure(d: Dataset, label: string, how: ServeBuild): Promise<Measure> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawnServe(d.dir, port, how);
  try {
    await waitHealthy(base, child, 60_000);
    const idle = rssOf(child.pid!);
    const cookie = await login(base);
    const years = (await post(base, cookie, 'year.list', {})) as { years: { id: string; year: number; cadence: string }[] };
    const y = years.years.find((x) => x.year === d.year)!;
    const ended = (await post(base, cookie, 'reports.officeDashboard', { yearId: y.id, period: y.cadence === 'bulanan' ? '1' : 'Q1' })) as unknown;
    void ended;
    for (let i = 0; i < 3; i++) {
      await post(base, cookie, 'reports.officeDashboard', { yearId: y.id, period: y.cadence === 'bulanan' ? String(i + 1) : `Q${i + 1}` });
      await post(base, cookie, 'people.list', { limit: 50, offset: i * 50 });
    }
    await post(base, cookie, 'people.exportRows', {});
    const loaded = rssOf(child.pid!);
    if (!Number.isFinite(loaded.rssMB)) throw new Error('no /proc/<pid>/status (memory is measured on Linux)');
    return {
      id: how === 'bundle' ? 'memory.rss' : 'memory.rss.tsx',
      title: `Memori resident server dengan data kota dimuat (RSS setelah dasbor, daftar, ekspor; ${how === 'bundle' ? 'dibundel' : 'node + tsx'})`,
      scale: label,
      unit: 'MB',
      value: loaded.rssMB,
      extra: { peakMB: loaded.peakMB, idleMB: idle.rssMB },
      status: 'ok',
    };
  } finally {
    await stopChild(child);
  }
}

/**
 * Requests per second and latency of a read command over loopback: the real buildServer in a
 * child process, autocannon here, one client and then 8 concurrent ones, bounded in time.
 */
export async function httpMeasures(d: Dataset, seconds: number, label: string): Promise<Measure[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/server-child.ts'), d.dir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { port: number }).port);
      });
      child.once('exit', (code) => reject(new Error(`server-child exited ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const cookie = await login(base);
    const body = JSON.stringify({ limit: 50, offset: 0, sort: 'name' });
    await post(base, cookie, 'people.list', JSON.parse(body));
    const out: Measure[] = [];
    for (const connections of [1, 8]) {
      const latencies: number[] = [];
      const result = await new Promise<LoadResult>((resolve, reject) => {
        const inst = autocannon(
          { url: `${base}/api/people.list`, method: 'POST', headers: { 'content-type': 'application/json', cookie }, body, connections, duration: seconds, timeout: 30 },
          (err, res) => (err ? reject(err) : resolve(res)),
        );
        inst.on('response', (_c, status, _b, responseTime) => {
          if (status === 200) latencies.push(responseTime);
        });
      });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`HTTP load: ${result.non2xx} non-2xx, ${result.errors} errors`);
      const sorted = latencies.sort((a, b) => a - b);
      out.push({
        id: `http.read.c${connections}`,
        title: `HTTP loopback, people.list halaman 50, ${connections} klien (autocannon ${seconds} dtk)`,
        scale: label,
        unit: 'req/s',
        value: round(result.requests.total / (result.duration || seconds), 1),
        extra: { p50: round(percentile(sorted, 0.5), 2), p95: round(percentile(sorted, 0.95), 2), p99: round(percentile(sorted, 0.99), 2), requests: result.requests.total },
        status: 'ok',
      });
    }
    return out;
  } finally {
    await stopChild(child);
  }
}
