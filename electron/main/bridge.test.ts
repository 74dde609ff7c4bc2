import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeReply, FileJobReply, FileReply } from '../../shared/desktop/bridge';
import { buildServer } from '../server/app';
import { adminNip, adminPassword, removeTempDirs } from '../../tests/people/fixture';
import { SkpOffice } from '../../tests/skp/fixture';
import { DesktopBridge, type BridgeEvent } from './bridge';
import { appEntryUrl } from './security';

/**
 * The desktop bridge's handlers on a real office database, without Electron: each window is a
 * fake `IpcMainInvokeEvent` (sender id + frame), and each reply goes through `structuredClone`,
 * the algorithm Electron's IPC uses, so what the renderer would receive is what is checked.
 */
let f: SkpOffice;
let skpId: string;
let evidenceId: string;
const logs: string[] = [];
let bridge: DesktopBridge;
let nextWindow = 1;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A window showing the app: its own webContents id, the top frame on app://kinerja. */
function window(url = appEntryUrl, topFrame = true): BridgeEvent {
  return { sender: { id: nextWindow++ }, senderFrame: { url, parent: topFrame ? null : {} } };
}

const call = (ev: BridgeEvent, name: string, input: unknown = {}) => structuredClone(bridge.call(ev, name, input)) as BridgeReply;
const file = async (ev: BridgeEvent, name: unknown, query: unknown = {}) => structuredClone(await bridge.file(ev, name, query)) as FileReply;
const job = async (ev: BridgeEvent, request: unknown) => structuredClone(await bridge.fileJob(ev, request)) as FileJobReply;

function signedIn(login: string, password = 'Pegawai2026'): BridgeEvent {
  const ev = window();
  const r = call(ev, 'auth.login', { login, password });
  if (!r.ok) throw new Error(r.error.message);
  return ev;
}

function ok(reply: FileReply): Extract<FileReply, { ok: true }> {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply;
}

beforeAll(() => {
  f = SkpOffice.create();
  const mine = f.draftWithRhk('stafA', 'Tersusunnya laporan persuratan');
  const v = f.as('stafA').call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
  f.as('kasubbag').call('skp.approve', { skpId: mine.skpId, version: v });
  skpId = mine.skpId;
  const indicatorId = f.as('stafA').call('skp.get', { skpId }).rhk[0]!.indicators[0]!.id;
  evidenceId = f.as('stafA').call('realisasi.addEvidence', {
    skpId,
    period: '1',
    indicatorId,
    file: { name: 'agenda surat – Januari.pdf', contentBase64: pdf.toString('base64') },
  }).evidence.id;
  f.as('kasubbag').call('evaluation.save', { skpId, period: '1', version: null, rhk: [{ rhkId: mine.rhkId, judgement: 'sesuai' }], resultsRating: 'sesuai' });
  bridge = new DesktopBridge({ core: () => f.o.core, unavailableMessage: () => 'tertutup', policy: {}, log: (m) => logs.push(m) });
});
afterAll(() => {
  f.o.close();
  removeTempDirs();
});

describe('kinerja:file', () => {
  it('gives the SKP PDF with its name and %PDF bytes, as Uint8Array after the IPC copy', async () => {
    const staf = signedIn(f.org.people.stafA.nip);
    const reply = ok(await file(staf, 'skp.pdf', { skpId }));
    expect(reply.contentType).toBe('application/pdf');
    expect(reply.fileName).toMatch(/^SKP.*\.pdf$/i);
    expect(reply.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(reply.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The same bytes name as the browser's link (the HTTP route uses the same producer).
    const app = await buildServer({ core: f.o.core, rendererDir: null });
    try {
      const res = await app.inject({ method: 'GET', url: `/api/files/skp.pdf?skpId=${skpId}`, cookies: { kinerja_session: f.tokens.stafA } });
      expect(res.headers['content-disposition']).toContain(`filename="${reply.fileName}"`);
    } finally {
      await app.close();
    }
  });

  it('gives the evaluation PDF to the appraiser', async () => {
    const reply = ok(await file(signedIn(f.org.people.kasubbag.nip), 'evaluasi.pdf', { skpId, period: '1' }));
    expect(reply.fileName).toBe(`EVALUASI_${f.org.people.stafA.nip}_2026_JANUARI.pdf`);
    expect(Buffer.from(reply.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('gives the evidence file byte for byte to its owner and the appraiser, with its original name and type', async () => {
    for (const who of [f.org.people.stafA.nip, f.org.people.kasubbag.nip]) {
      const reply = ok(await file(signedIn(who), 'evidence', { id: evidenceId }));
      expect(reply).toMatchObject({ fileName: 'agenda surat – Januari.pdf', contentType: 'application/pdf' });
      expect(Buffer.from(reply.bytes).equals(pdf)).toBe(true);
    }
  });

  it('refuses evidence of another employee exactly as the HTTP route does', async () => {
    const reply = await file(signedIn(f.org.people.stafB.nip), 'evidence', { id: evidenceId });
    expect(reply.ok).toBe(false);
    const app = await buildServer({ core: f.o.core, rendererDir: null });
    try {
      const res = await app.inject({ method: 'GET', url: `/api/files/evidence/${evidenceId}`, cookies: { kinerja_session: f.tokens.stafB } });
      expect(res.statusCode).toBe(403);
      expect(reply).toEqual({ ok: false, error: res.json().error });
      expect((reply as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    } finally {
      await app.close();
    }
    // Anything that is not an evidence id is simply not found, never a path.
    for (const id of ['../kinerja.db', 'kinerja.db', '0190a000-0000-7000-8000-00000000beef']) {
      expect(await file(signedIn(f.org.people.stafA.nip), 'evidence', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Bukti dukung tidak ditemukan.' } });
    }
  });

  it('gives the admin the employee export (filters as lists) and the import template; a pegawai is refused', async () => {
    const admin = signedIn(adminNip, adminPassword);
    const exported = ok(await file(admin, 'people.export.xlsx', { status: ['aktif'], includeSubunits: 'true' }));
    expect(exported.fileName).toBe('pegawai-DISDIKBUD-2026-01-12.xlsx');
    expect(exported.contentType).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Pegawai')!.rowCount).toBeGreaterThan(1);
    const template = ok(await file(admin, 'people.template.xlsx'));
    expect(template.fileName).toBe('templat-impor-pegawai-2026-01-12.xlsx');
    await wb.xlsx.load(Buffer.from(template.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pegawai', 'Petunjuk', 'Referensi']);
    expect(await file(signedIn(f.org.people.stafA.nip), 'people.template.xlsx')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('gives the Pengelola Kinerja the Laporan Penilaian SKP (Excel) of a period; a pegawai is refused as over HTTP', async () => {
    const admin = signedIn(adminNip, adminPassword);
    const reply = ok(await file(admin, 'laporan-penilaian.xlsx', { year: '2026', period: '1' }));
    expect(reply.fileName).toBe('Laporan_Penilaian_SKP_2026_1.xlsx');
    expect(reply.contentType).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(reply.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toBe('Laporan Penilaian SKP Periode Bulanan Januari Tahun 2026');
    // Staf A's approved plan, not yet evaluated final.
    const header = (ws.getRow(8).values as unknown[]).slice(1);
    const row = ws.getRow(9);
    expect(row.getCell(header.indexOf('nip') + 1).value).toBe(f.org.people.stafA.nip);
    expect(row.getCell(header.indexOf('hasil_akhir') + 1).value).toBe('-');
    const refused = await file(signedIn(f.org.people.stafA.nip), 'laporan-penilaian.xlsx', { year: '2026', period: '1' });
    const app = await buildServer({ core: f.o.core, rendererDir: null });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/files/laporan-penilaian.xlsx?year=2026&period=1', cookies: { kinerja_session: f.tokens.stafA } });
      expect(res.statusCode).toBe(403);
      expect(refused).toEqual({ ok: false, error: res.json().error });
    } finally {
      await app.close();
    }
    expect(await file(admin, 'laporan-penilaian.xlsx', { year: '2026' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Parameter period wajib diisi.' } });
  });

  it('answers an unknown download with a clear Indonesian error, and a malformed request without reading it', async () => {
    const staf = signedIn(f.org.people.stafA.nip);
    expect(await file(staf, 'gaji.pdf', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Unduhan "gaji.pdf" tidak dikenal. Muat ulang halaman lalu coba lagi.' },
    });
    // A name that only an object's prototype has is not a download either.
    expect(await file(staf, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await file(staf, 'skp.pdf', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Parameter skpId wajib diisi.' } });
    for (const [name, query] of [
      ['../kinerja.db', {}],
      [42, {}],
      ['skp.pdf', 'skpId=1'],
      ['skp.pdf', { skpId: { $ne: 1 } }],
      ['skp.pdf', { skpId: 'x'.repeat(5000) }],
    ] as const) {
      expect(await file(staf, name, query), String(name)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Permintaan unduhan tidak sah.' } });
    }
  });

  it('refuses a frame that is not the app window, and answers while the database is closed', async () => {
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: 'Permintaan ditolak: asal halaman tidak dikenal.' } };
    expect(await file(window('https://contoh.example/'), 'skp.pdf', { skpId })).toEqual(forbidden);
    expect(await file(window(appEntryUrl, false), 'skp.pdf', { skpId })).toEqual(forbidden);
    expect(await file({ sender: { id: 999 }, senderFrame: null }, 'skp.pdf', { skpId })).toEqual(forbidden);
    const closed = new DesktopBridge({ core: () => null, unavailableMessage: () => 'Basis data belum terbuka.', policy: {}, log: () => undefined });
    expect(structuredClone(await closed.file(window(), 'skp.pdf', { skpId }))).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Basis data belum terbuka.' } });
  });
});

describe('kinerja:file-job', () => {
  it('runs the evaluation batch with progress for the window that started it', async () => {
    const admin = signedIn(adminNip, adminPassword);
    const started = await job(admin, { action: 'start', name: 'evaluasi-batch.pdf', query: { yearId: f.yearId, period: '1' } });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.job.status).toBe('berjalan');
    let state: FileJobReply = started;
    for (let i = 0; i < 400 && state.ok && state.job.status === 'berjalan'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      state = await job(admin, { action: 'status', jobId: started.job.jobId });
    }
    expect(state).toMatchObject({ ok: true, job: { status: 'selesai', count: 1, progress: { phase: 'selesai', done: 1, total: 1 }, fileName: 'EVALUASI_SEMUA_2026_JANUARI.pdf' } });
    const done = await job(admin, { action: 'file', jobId: started.job.jobId });
    if (!done.ok || !done.file) throw new Error('no file');
    expect(Buffer.from(done.file.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Another window (another session, even the same admin's) does not see the job.
    const other = signedIn(adminNip, adminPassword);
    expect(await job(other, { action: 'status', jobId: started.job.jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a missing parameter at once, an unknown name, and a malformed request', async () => {
    const admin = signedIn(adminNip, adminPassword);
    expect(await job(admin, { action: 'start', name: 'evaluasi-batch.pdf', query: { period: '1' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Parameter yearId wajib diisi.' } });
    expect(await job(admin, { action: 'start', name: 'rahasia.pdf', query: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await job(admin, { action: 'hapus', jobId: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await job(admin, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('reports a batch that fails (nothing to print) as gagal with the reason', async () => {
    const admin = signedIn(adminNip, adminPassword);
    const started = await job(admin, { action: 'start', name: 'evaluasi-batch.pdf', query: { yearId: f.yearId, period: '7' } });
    if (!started.ok) throw new Error(started.error.message);
    let state: FileJobReply = started;
    for (let i = 0; i < 400 && state.ok && state.job.status === 'berjalan'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      state = await job(admin, { action: 'status', jobId: started.job.jobId });
    }
    expect(state).toMatchObject({ ok: true, job: { status: 'gagal', error: { code: 'NOT_FOUND', message: 'Belum ada penilaian pada periode dan unit ini.' } } });
    expect(await job(admin, { action: 'file', jobId: started.job.jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('sessions', () => {
  it('refuses a window that never signed in, and one signed out', async () => {
    expect(await file(window(), 'skp.pdf', { skpId })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } });
    const staf = signedIn(f.org.people.stafA.nip);
    expect(call(staf, 'auth.logout')).toMatchObject({ ok: true });
    expect(await file(staf, 'evidence', { id: evidenceId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await job(staf, { action: 'start', name: 'evaluasi-batch.pdf', query: { yearId: f.yearId, period: '1' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an expired session with the Indonesian message, then forgets it', async () => {
    const staf = signedIn(f.org.people.stafA.nip);
    expect((await file(staf, 'skp.pdf', { skpId })).ok).toBe(true);
    f.o.setDate('2026-03-01'); // weeks later: past any idle or absolute session limit
    expect(await file(staf, 'skp.pdf', { skpId })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' } });
    expect(await file(staf, 'evidence', { id: evidenceId })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } });
    expect(bridge.sessionOf(staf.sender.id)).toBeNull();
  });
});
