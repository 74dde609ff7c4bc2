import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResult } from './lib/types';

/**
 * The benchmark stays out of the test timings (figures on a shared machine are noise): this only
 * checks that `bench --smoke` (a tiny office and city) runs every measure and writes its JSON.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-bench-test-'));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The measures docs/performance.md lists; each must be in the JSON (a pending one says why). */
const required = [
  'dashboard',
  'people.list',
  'reports.team',
  'auth.loginLoad',
  'year.open',
  'evaluation.finalizeMany',
  'excel.employees',
  'excel.laporanPenilaian',
  'pdf.evaluasi',
  'http.read.c1',
  'http.read.c8',
  'server.start',
  'memory.rss',
  'changeLog.bytes',
  'audit.verify',
];

describe('npm run bench -- --smoke', () => {
  it('runs every measure on a tiny synthetic office and city and writes the results JSON', async () => {
    const out = path.join(dir, 'latest.json');
    const r = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/run.ts'), '--smoke', '--out', out], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`bench --smoke did not finish\n${output}`));
      }, 170_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
    expect(r.code, r.output).toBe(0);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResult;
    expect(result.mode).toBe('smoke');
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.sqlite).toMatch(/^3\./);
    expect(result.machine.node).toBe(process.version);
    const ids = result.measures.map((m) => m.id);
    for (const id of required) expect(ids, `measure ${id}`).toContain(id);
    for (const m of result.measures) {
      expect(['ok', 'pending'], `${m.id}: ${m.note ?? ''}`).toContain(m.status);
      if (m.status === 'ok') expect(m.handler ?? m.value, m.id).toBeDefined();
      // Every raw baseline computed the handler's answer (the run fails otherwise).
      if (m.raw) expect(m.sameAnswer, m.id).toBe(true);
    }
    expect(result.goals.length).toBeGreaterThan(0);
    expect(r.output).toMatch(/Sasaran:/);
  }, 180_000);
});
