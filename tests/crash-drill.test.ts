/**
 * Crash drill (docs/spec/operations.md §6), two parts on the esbuild bundle (as `npm run serve` runs it):
 *
 * - a writing `kinerja serve` is killed with SIGKILL at a random moment while clients write
 *   concurrently over HTTP (new units) and a Tahun Penilaian is being opened with every employee's
 *   SKP shell; then it is started again on the same folder;
 * - the command line itself is killed at a random moment during `kinerja import employees` (a CSV
 *   of a few hundred employees with their positions) and `kinerja year open --shells`.
 *
 * After each run: `PRAGMA integrity_check` is ok, every write the client saw acknowledged (HTTP
 * 200, exit code 0) is present, an import is all or nothing, a year is either fully opened (every
 * serving employee's shell) or absent, and at the end `kinerja audit verify` exits 0.
 *
 * 20 runs of each in CI; by hand: `npm run drill -- --runs 200 --seed 42` (or
 * `KINERJA_DRILL_RUNS=200 KINERJA_DRILL_SEED=42 npx vitest run tests/crash-drill.test.ts`). The
 * seed is printed so a failing run can be replayed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../electron/core/db/connection';
import { repoRoot, runCli } from './helpers/cli';
import { makeTempDir, removeTempDir } from './helpers/tempdir';

const runs = Number(process.env.KINERJA_DRILL_RUNS ?? 20);
const seed = Number(process.env.KINERJA_DRILL_SEED ?? 20261208);
const bundleDir = path.join(repoRoot, 'node_modules/.cache/kinerja-test/crash-drill');
const entry = path.join(bundleDir, 'kinerja.js');
const admin = { nip: '198609262015051001', password: 'Rahasia-Kantor-7' };

/** mulberry32: small, seeded, good enough to pick moments. */
function rng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Server {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

function serve(dataDir: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, 'serve', '--data', dataDir, '--port', '0', '--renderer', path.join(dataDir, 'no-renderer')], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((res) => child.on('close', () => res()));
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start\n${out}`));
    }, 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /berjalan di (https?:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!.replace(/\/$/, ''), child, exited });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  });
}

class Client {
  private cookie = '';
  private csrf = '';
  constructor(private readonly url: string) {}

  async post(name: string, input: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: JSON.stringify(input),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const body = (await res.json()) as Record<string, unknown>;
    if (name === 'auth.login' && res.status === 200) this.csrf = String(body.csrfToken);
    return { status: res.status, body };
  }
}

let dir: string;
let data: string;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-server.mjs'), bundleDir], { cwd: repoRoot, stdio: 'pipe' });
  dir = makeTempDir('kinerja-drill-');
  data = path.join(dir, 'data');
  const init = await runCli(
    ['init', '--data', data, '--office-name', 'Dinas Pendidikan Kota Langsa', '--admin-nip', admin.nip, '--admin-name', 'Teuku Umar Pengelola', '--admin-password', admin.password],
    60_000,
    entry,
  );
  expect(init.code, init.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  if (dir) removeTempDir(dir);
});

describe('crash drill', () => {
  it(`SIGKILL at random moments during concurrent writes and year opening (${runs} runs)`, async () => {
    console.log(`crash drill: ${runs} runs, seed ${seed} (KINERJA_DRILL_SEED=${seed} KINERJA_DRILL_RUNS=${runs} to replay)`);
    const random = rng(seed);
    const acknowledged: string[] = [];
    const yearsAcknowledged: number[] = [];
    for (let run = 0; run < runs; run++) {
      const server = await serve(data);
      const client = new Client(server.url);
      const login = await client.post('auth.login', { login: admin.nip, password: admin.password });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const killAfter = Math.floor(random() * 400);
      let alive = true;
      const writer = async (w: number) => {
        for (let n = 0; alive; n++) {
          const name = `Bidang Uji ${run}-${w}-${n}`;
          try {
            const r = await client.post('org.createUnit', { kind: 'bidang', name });
            if (r.status === 200) acknowledged.push(name);
          } catch {
            return; // the connection died with the server
          }
        }
      };
      const year = 2030 + run;
      const opener = (async () => {
        try {
          const r = await client.post('year.open', { year, createShells: true });
          if (r.status === 200) yearsAcknowledged.push(year);
        } catch {
          /* killed meanwhile */
        }
      })();
      const writers = [0, 1, 2].map(writer);
      await new Promise((r) => setTimeout(r, killAfter));
      server.child.kill('SIGKILL');
      alive = false;
      await Promise.all([...writers, opener, server.exited]);

      const db = new Database(path.join(data, databaseFileName), { readonly: false });
      try {
        expect(db.pragma('integrity_check', { simple: true }), `run ${run} (seed ${seed}, kill after ${killAfter} ms)`).toBe('ok');
        const units = new Set((db.prepare('SELECT name FROM units WHERE deleted_at IS NULL').all() as { name: string }[]).map((u) => u.name));
        const lost = acknowledged.filter((n) => !units.has(n));
        expect(lost, `run ${run}: acknowledged writes lost (seed ${seed})`).toEqual([]);
        const y = db.prepare('SELECT id FROM performance_years WHERE year = ?').get(year) as { id: string } | undefined;
        if (yearsAcknowledged.includes(year)) expect(y, `run ${run}: year ${year} acknowledged but absent`).toBeDefined();
        if (y) {
          // All or nothing: an opened year has the shells of the employees of the office.
          const shells = (db.prepare('SELECT COUNT(*) AS n FROM skps WHERE year_id = ?').get(y.id) as { n: number }).n;
          const employees = (db.prepare("SELECT COUNT(*) AS n FROM employees WHERE deleted_at IS NULL AND status IN ('aktif', 'cuti')").get() as { n: number }).n;
          expect(shells, `run ${run}: year ${year} half opened`).toBeLessThanOrEqual(employees);
        }
      } finally {
        db.close();
      }
    }
    expect(acknowledged.length, 'the drill wrote nothing: the kill came too early every time').toBeGreaterThan(0);
    const verify = await runCli(['audit', 'verify', '--data', data], 60_000, entry);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 110_000);
});

/** Spawns the bundled CLI; `done` resolves with its exit code (null when killed). */
function cli(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(process.execPath, [entry, ...args], { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; out: string }>((res) => child.on('close', (code) => res({ code, out })));
  return { child, done };
}

/** Runs the CLI and kills it after `killAfter` ms (never, when null). */
async function cliKilledAfter(args: string[], killAfter: number | null): Promise<{ code: number | null; out: string; ms: number }> {
  const started = performance.now();
  const { child, done } = cli(args);
  const timer = killAfter === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfter);
  const r = await done;
  if (timer) clearTimeout(timer);
  return { ...r, ms: performance.now() - started };
}

const batchSize = 400;

/** Valid, distinct NIPs for a run's batch: birth dates by row, the run in the birth year and sequence. */
function batchNips(run: number): string[] {
  const nips: string[] = [];
  for (let i = 0; i < batchSize; i++) {
    const birth = `${1970 + (run % 25)}${String((i % 12) + 1).padStart(2, '0')}${String((Math.floor(i / 12) % 28) + 1).padStart(2, '0')}`;
    const seq = Math.floor(run / 25) * 10 + Math.floor(i / 336) + 1;
    nips.push(`${birth}201611${2}${String(seq).padStart(3, '0')}`);
  }
  return nips;
}

describe('crash drill on the command line', () => {
  let cliData: string;

  beforeAll(async () => {
    cliData = path.join(dir, 'data-cli');
    const seeded = await runCli(['seed', '--demo', '--data', cliData], 120_000, entry);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 150_000);

  function serving(db: Database.Database, nips: string[]): number {
    const placeholders = nips.map(() => '?').join(',');
    return (db.prepare(`SELECT COUNT(*) AS n FROM employees WHERE deleted_at IS NULL AND nip IN (${placeholders})`).get(...nips) as { n: number }).n;
  }

  it(`SIGKILL at random moments during kinerja import employees and kinerja year open (${runs} runs)`, async () => {
    const random = rng(seed + 1);
    const db0 = new Database(path.join(cliData, databaseFileName), { readonly: true });
    const unit = (db0.prepare("SELECT name FROM units WHERE deleted_at IS NULL ORDER BY name LIMIT 1").get() as { name: string }).name;
    db0.close();

    const csvOf = (run: number): string => {
      const file = path.join(dir, `impor-${run}.csv`);
      const lines = ['NIP;Nama;Golongan Ruang;Unit Kerja;Jabatan;Jenis Jabatan'];
      batchNips(run).forEach((nip, i) => lines.push(`${nip};Pegawai Uji ${run}-${i};II/c;${unit};Pengadministrasi Uji Ketahanan;Pelaksana`));
      fs.writeFileSync(file, lines.join('\r\n'));
      return file;
    };
    const yearOf = (run: number) => 2041 + (run % 59);

    // Calibration, not killed: how long an import and a year opening take on this machine, and
    // how many shells a year opens with before any import (the demo's serving employees).
    const imp0 = await cliKilledAfter(['import', 'employees', '--data', cliData, csvOf(999)], null);
    expect(imp0.code, imp0.out).toBe(0);
    const open0 = await cliKilledAfter(['year', 'open', '--data', cliData, '--year', '2040', '--shells'], null);
    expect(open0.code, open0.out).toBe(0);
    const shells0 = Number(/(\d+) draf SKP dibuat/.exec(open0.out)?.[1]);
    expect(shells0, open0.out).toBeGreaterThan(batchSize);
    console.log(`crash drill (CLI): ${runs} runs, seed ${seed}; an import of ${batchSize} rows takes ${Math.round(imp0.ms)} ms, a year opening ${Math.round(open0.ms)} ms (${shells0} shells)`);

    let imported = 0; // batches present, beyond the calibration batch
    let killedMidway = 0;
    let yearsPresent = 0;
    for (let run = 0; run < runs; run++) {
      const importing = run % 2 === 0;
      const full = importing ? imp0.ms : open0.ms;
      // Most of the early part of a run is the process starting; the moments are drawn from 30% to
      // 200% of a calibration run (later runs take longer: the office grows) so that most land while the transaction is under way or committing.
      const killAfter = Math.floor(full * (0.3 + random() * 1.7));
      const where = `run ${run} (${importing ? 'import' : 'year open'}, seed ${seed}, kill after ${killAfter} ms)`;
      const nips = batchNips(run);
      const year = yearOf(run);
      const r = importing
        ? await cliKilledAfter(['import', 'employees', '--data', cliData, csvOf(run)], killAfter)
        : await cliKilledAfter(['year', 'open', '--data', cliData, '--year', String(year), '--shells'], killAfter);
      if (r.code === null) killedMidway++;
      else expect(r.code, `${where}: ${r.out}`).toBe(0);

      const db = new Database(path.join(cliData, databaseFileName), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
        if (importing) {
          const present = serving(db, nips);
          // All or nothing; exit code 0 means acknowledged, so then all of them.
          expect([0, batchSize], `${where}: ${present} of ${batchSize} imported`).toContain(present);
          if (r.code === 0) expect(present, `${where}: acknowledged import absent`).toBe(batchSize);
          if (present) imported++;
        } else {
          const y = db.prepare('SELECT id FROM performance_years WHERE year = ? AND deleted_at IS NULL').get(year) as { id: string } | undefined;
          if (r.code === 0) expect(y, `${where}: year ${year} acknowledged but absent`).toBeDefined();
          if (y) {
            yearsPresent++;
            const shells = (db.prepare('SELECT COUNT(*) AS n FROM skps WHERE year_id = ? AND deleted_at IS NULL').get(y.id) as { n: number }).n;
            // Every serving employee with a position: the demo's and the calibration batch (shells0), and each batch imported since.
            expect(shells, `${where}: year ${year} half opened`).toBe(shells0 + batchSize * imported);
          }
        }
      } finally {
        db.close();
      }
    }
    console.log(`crash drill (CLI): ${killedMidway} of ${runs} runs killed before they finished; ${imported} batches and ${yearsPresent} years committed`);
    const verify = await runCli(['audit', 'verify', '--data', cliData], 60_000, entry);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 240_000);
});
