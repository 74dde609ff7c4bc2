import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../electron/core/auth/sessions';
import { Core } from '../../electron/core/core';
import { layoutThread } from '../../electron/core/documents/layout-thread';
import { renderEvaluationBatch } from '../../electron/core/evaluation/batch';
import { seedSynthetic } from '../../electron/core/seed';
import { buildServer } from '../../electron/server/app';
import { makeTempDir, removeAllTempDirs, TestClock } from '../helpers';

/**
 * Batches of evaluation PDFs are laid out in a worker thread (electron/core/documents/layout-thread.ts)
 * behind the download producer that HTTP and the desktop bridge share: the file reads as the one
 * laid out on the calling thread, the server answers other requests while the worker works, and
 * what an appraiser prints is still only their appraisees (access is decided on the main thread).
 * A synthetic office with a year of evaluations, as `kinerja seed --synthetic` makes it.
 */
let dir: string;
let core: Core;
let app: FastifyInstance;
let yearId: string;
const sessions: Record<string, { token: string; csrfToken: string }> = {};

beforeAll(async () => {
  dir = makeTempDir('kinerja-batch-worker-');
  const clock = new TestClock('2026-11-16T03:00:00.000Z');
  core = Core.open({ dataDir: dir, clock: clock.now, beforeMigrate: null });
  seedSynthetic(core, 60, () => {}, { seed: 7 });
  yearId = (core.q.prepare('SELECT id FROM performance_years WHERE year = 2026').get() as { id: string }).id;
  for (const username of ['admin', 'kasi', 'kabid', 'staf']) {
    const user = core.q.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string };
    sessions[username] = createSession(core, user.id, core.now());
  }
  app = await buildServer({ core, rendererDir: null });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await layoutThread().stop();
  core?.close();
  removeAllTempDirs();
});

function pdfText(bytes: Buffer): string {
  const file = path.join(dir, `batch-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const cookies = (who: string) => ({ kinerja_session: sessions[who]!.token });

interface JobView {
  jobId: string;
  status: 'berjalan' | 'selesai' | 'gagal';
  progress: { phase: string; done: number; total: number };
  count: number;
  fileName: string | null;
}

async function startJob(who: string, body: Record<string, unknown>): Promise<JobView> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/files/jobs/evaluasi-batch',
    headers: { 'content-type': 'application/json', 'x-csrf-token': sessions[who]!.csrfToken },
    cookies: cookies(who),
    payload: JSON.stringify(body),
  });
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as JobView;
}

async function status(who: string, jobId: string): Promise<JobView> {
  return (await app.inject({ method: 'GET', url: `/api/files/jobs/${jobId}`, cookies: cookies(who) })).json() as JobView;
}

/** Polls until the job ends; `seen` collects every state met on the way. */
async function finish(who: string, job: JobView, seen: JobView[] = []): Promise<JobView> {
  let state = job;
  for (let i = 0; i < 2000 && state.status === 'berjalan'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    state = await status(who, job.jobId);
    seen.push(state);
  }
  return state;
}

describe('batch PDFs laid out in the worker thread', () => {
  it('the job gives the same document text as the layout on the calling thread', async () => {
    const here = await renderEvaluationBatch(core, { transport: 'http', sessionToken: sessions.admin!.token, requireCsrf: false }, { yearId, period: '10', finalOnly: true });
    expect(here.count).toBeGreaterThan(5);
    const seen: JobView[] = [];
    const done = await finish('admin', await startJob('admin', { yearId, period: '10', finalOnly: true }), seen);
    expect(done).toMatchObject({ status: 'selesai', count: here.count, fileName: here.fileName, progress: { phase: 'selesai', done: here.count } });
    const file = await app.inject({ method: 'GET', url: `/api/files/jobs/${done.jobId}/file`, cookies: cookies('admin') });
    expect(file.statusCode).toBe(200);
    const worker = pdfText(file.rawPayload);
    expect(worker).toBe(pdfText(here.bytes));
    expect(worker).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    // The one worker of the process did the layout (it is started on the first batch).
    expect(layoutThread().started).toBe(1);
  }, 120_000);

  it('answers other requests while a batch is being laid out', async () => {
    // The heavier form, drafts too: the layout runs long enough to be caught in the middle.
    const job = await startJob('admin', { yearId, period: '10', form: 'evaluasi' });
    const events: string[] = [];
    let state = job;
    for (let i = 0; i < 2000 && state.status === 'berjalan' && state.progress.phase !== 'render'; i++) {
      await new Promise((r) => setImmediate(r));
      state = await status('admin', job.jobId);
    }
    // With the layout on the main thread no poll could ever see this phase: the next answer was `selesai`.
    expect(state).toMatchObject({ status: 'berjalan', progress: { phase: 'render' } });
    events.push('render');
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    events.push('health');
    const during = await status('admin', job.jobId);
    events.push(during.status === 'berjalan' ? 'still running' : `already ${during.status}`);
    const end = await finish('admin', during);
    events.push(end.status);
    expect(events).toEqual(['render', 'health', 'still running', 'selesai']);
    expect(end.count).toBeGreaterThan(10);
  }, 120_000);

  it("an appraiser's batch holds their own appraisees only; mine=1 leaves out what they see as atasan", async () => {
    const kasi = core.q.prepare("SELECT u.employee_id AS id FROM users u WHERE u.username = 'kasi'").get() as { id: string };
    const evaluated = core.q
      .prepare(
        `SELECT s.employee_name AS name, s.appraiser_employee_id AS appraiser FROM evaluations e JOIN skps s ON s.id = e.skp_id
         WHERE e.year_id = ? AND e.period = '10' AND e.deleted_at IS NULL`,
      )
      .all(yearId) as { name: string; appraiser: string | null }[];
    const mine = evaluated.filter((e) => e.appraiser === kasi.id).map((e) => e.name);
    const others = evaluated.filter((e) => e.appraiser !== kasi.id).map((e) => e.name);
    expect(mine.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(mine.length);

    const done = await finish('kasi', await startJob('kasi', { yearId, period: '10' }));
    expect(done).toMatchObject({ status: 'selesai', count: mine.length });
    const text = pdfText((await app.inject({ method: 'GET', url: `/api/files/jobs/${done.jobId}/file`, cookies: cookies('kasi') })).rawPayload);
    for (const name of mine) expect(text).toContain(name);
    for (const name of others) expect(text).not.toContain(name);
    // The plain download (no job) goes through the same producer and the same rule.
    const direct = await app.inject({ method: 'GET', url: `/api/files/evaluasi-batch.pdf?yearId=${yearId}&period=10`, cookies: cookies('kasi') });
    expect(direct.statusCode).toBe(200);
    expect(pdfText(direct.rawPayload)).toBe(text);
    // An atasan may open their appraisers' appraisees too; `mine` (the Penilaian list's print)
    // keeps to the plans they appraise themselves.
    const kabid = (core.q.prepare("SELECT employee_id AS id FROM users WHERE username = 'kabid'").get() as { id: string }).id;
    const kabidOwn = evaluated.filter((e) => e.appraiser === kabid).map((e) => e.name);
    const everything = await finish('kabid', await startJob('kabid', { yearId, period: '10' }));
    const own = await finish('kabid', await startJob('kabid', { yearId, period: '10', mine: true }));
    expect(kabidOwn.length).toBeGreaterThan(0);
    expect(own).toMatchObject({ status: 'selesai', count: kabidOwn.length });
    expect(everything.count).toBeGreaterThan(own.count);
    const ownText = pdfText((await app.inject({ method: 'GET', url: `/api/files/jobs/${own.jobId}/file`, cookies: cookies('kabid') })).rawPayload);
    for (const name of evaluated.filter((e) => e.appraiser !== kabid).map((e) => e.name)) expect(ownText).not.toContain(name);
    // A pegawai with no appraisees prints exactly their own final result, nobody else's (the test
    // accepted either outcome before, so it could not fail).
    const stafOwn = (
      core.q
        .prepare(
          "SELECT COUNT(*) AS n FROM evaluations e JOIN skps s ON s.id = e.skp_id JOIN users u ON u.employee_id = s.employee_id WHERE u.username = 'staf' AND e.year_id = ? AND e.period = '10' AND e.status = 'final' AND e.deleted_at IS NULL",
        )
        .get(yearId) as { n: number }
    ).n;
    const staf = await finish('staf', await startJob('staf', { yearId, period: '10', finalOnly: true }));
    expect(staf).toMatchObject(stafOwn > 0 ? { status: 'selesai', count: stafOwn } : { status: 'gagal' });
  }, 120_000);
});
