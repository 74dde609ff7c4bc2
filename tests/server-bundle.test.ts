import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, startCliServer, type CliServer } from './helpers/cli';
import { makeTempDir, removeTempDir } from './helpers/tempdir';

/**
 * `npm run serve` runs the esbuild bundle of the CLI (scripts/build-server.mjs), not the TypeScript
 * sources the other tests run: code that works under tsx can break once bundled (a package reading
 * files beside itself through __dirname, a subpath import without its extension under native ES
 * modules, a worker thread's entry file). So the bundle itself seeds an office, serves it, renders a
 * PDF and a batch of PDFs (in the worker thread) and writes a spreadsheet.
 */
const bundleDir = path.join(repoRoot, 'node_modules/.cache/kinerja-test/server');
const entry = path.join(bundleDir, 'kinerja.js');
let dir: string;
let server: CliServer | undefined;

beforeAll(() => {
  // Inside node_modules/.cache, where the bundle's external packages (better-sqlite3, pdfmake) resolve.
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-server.mjs'), bundleDir], { cwd: repoRoot, stdio: 'pipe' });
  dir = makeTempDir();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (dir) removeTempDir(dir);
});

describe('the bundled server (npm run serve)', () => {
  it('seeds, serves the renderer and the API, renders the SKP PDF and a batch in its worker thread, and writes the employee spreadsheet', async () => {
    const data = path.join(dir, 'data');
    const seeded = await runCli(['seed', '--demo', '--data', data], 120_000, entry);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);

    const renderer = path.join(dir, 'renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Kinerja</title>');
    server = await startCliServer(data, 60_000, { entry, renderer });
    const base = server.url;

    expect(await (await fetch(`${base}/`)).text()).toContain('<title>Kinerja</title>');
    const health = (await (await fetch(`${base}/api/health`)).json()) as { status: string; initialized: boolean };
    expect(health).toMatchObject({ status: 'ok', initialized: true });

    const login = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'Kinerja2026' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const post = async <T>(name: string, body: unknown): Promise<T> => {
      const res = await fetch(`${base}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(res.status, `${name}: ${res.status}`).toBe(200);
      return (await res.json()) as T;
    };
    const { years } = await post<{ years: { id: string }[] }>('year.list', {});
    const { skps } = await post<{ skps: { id: string }[] }>('skp.list', { yearId: years[0]!.id });

    const pdf = await fetch(`${base}/api/files/skp.pdf?skpId=${skps[0]!.id}`, { headers });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dir, 'skp.pdf');
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('PEMERINTAH KOTA LANGSA');

    // A batch of evaluation documents as a job: laid out in the bundle's own worker thread
    // (dist-server/layout-worker.js, found from whichever chunk starts it), progress polled.
    const started = await fetch(`${base}/api/files/jobs/evaluasi-batch`, { method: 'POST', headers, body: JSON.stringify({ yearId: years[0]!.id, period: '1', finalOnly: true }) });
    expect(started.status).toBe(202);
    let job = (await started.json()) as { jobId: string; status: string; count: number; error: unknown };
    for (let i = 0; i < 600 && job.status === 'berjalan'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await (await fetch(`${base}/api/files/jobs/${job.jobId}`, { headers })).json()) as typeof job;
    }
    expect(job, JSON.stringify(job.error)).toMatchObject({ status: 'selesai' });
    expect(job.count).toBeGreaterThan(1);
    const batch = await fetch(`${base}/api/files/jobs/${job.jobId}/file`, { headers });
    expect(batch.headers.get('content-type')).toBe('application/pdf');
    const batchFile = path.join(dir, 'batch.pdf');
    fs.writeFileSync(batchFile, Buffer.from(await batch.arrayBuffer()));
    expect(execFileSync('pdftotext', [batchFile, '-'], { encoding: 'utf8' }).match(/DOKUMEN EVALUASI KINERJA PEGAWAI/g)).toHaveLength(job.count);

    // The employee spreadsheet over HTTP: exceljs' streaming writer in the bundle (its zip helper
    // used the deprecated Buffer(), which Node flags only outside node_modules, i.e. bundled).
    const xlsx = await fetch(`${base}/api/files/people.export.xlsx`, { headers });
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

    const exported = await runCli(['export', 'employees', '--data', data, '--out', path.join(dir, 'pegawai.xlsx')], 60_000, entry);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).not.toMatch(/DeprecationWarning/);
    expect(fs.readFileSync(path.join(dir, 'pegawai.xlsx')).subarray(0, 2).toString()).toBe('PK');

    // Nothing Node deprecates on the server's console (docs/spec/operations.md §8).
    expect(server.output()).not.toMatch(/DeprecationWarning|\[DEP0\d+\]/);
  }, 240_000);
});
