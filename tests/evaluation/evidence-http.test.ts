import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, csrfHeader, sessionCookie } from '../../electron/server/app';
import { maxEvidenceBytes } from '../../shared/realisasi/evidence-rules';
import { diffSnapshots, snapshot } from '../helpers/db';
import { ApiClient, errorOf } from '../helpers/server';
import { adminNip, adminPassword, removeTempDirs } from '../people/fixture';
import { SkpOffice } from '../skp/fixture';

/**
 * Evidence over the LAN/browser transport: files travel base64-encoded inside
 * `realisasi.addEvidence`, so that command (and only that one) accepts bodies above the default
 * 1 MB, up to what a 20 MB file needs.
 */
let f: SkpOffice;
let skpId: string;
let indicatorId: string;
let app: Awaited<ReturnType<typeof buildServer>>;
let staf: ApiClient;

const pdfOf = (bytes: number) => {
  const head = Buffer.from('%PDF-1.4\n');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 0x20)]);
};

beforeAll(async () => {
  f = SkpOffice.create();
  const mine = f.draftWithRhk('stafA', 'Tersusunnya laporan persuratan');
  const v = f.as('stafA').call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
  f.as('kasubbag').call('skp.approve', { skpId: mine.skpId, version: v });
  skpId = mine.skpId;
  indicatorId = f.as('stafA').call('skp.get', { skpId }).rhk[0]!.indicators[0]!.id;
  app = await buildServer({ core: f.o.core, rendererDir: null, loginRateLimit: 10_000 });
  await app.ready();
  staf = new ApiClient(app);
  await staf.login(f.org.people.stafA.nip, 'Pegawai2026');
});
afterAll(async () => {
  await app.close();
  f.o.close();
  removeTempDirs();
});

describe('realisasi.addEvidence over HTTP', () => {
  it('accepts a file of several megabytes (larger than the 1 MB body limit of other commands)', async () => {
    const file = pdfOf(5 * 1024 * 1024);
    const res = await staf.call('realisasi.addEvidence', { skpId, period: '1', indicatorId, file: { name: 'laporan-besar.pdf', contentBase64: file.toString('base64') } });
    expect(res.status).toBe(200);
    expect((res.body as { evidence: { size: number } }).evidence.size).toBe(file.length);
  });

  it('answers a file just over 20 MB with the evidence message, and a far larger body too', async () => {
    const over = await staf.call('realisasi.addEvidence', { skpId, period: '1', indicatorId, file: { name: 'besar.pdf', contentBase64: pdfOf(maxEvidenceBytes + 1).toString('base64') } });
    expect(over.status).toBe(400);
    expect(errorOf(over).message).toMatch(/melebihi 20 MB/);
    const huge = await staf.call('realisasi.addEvidence', { skpId, period: '1', indicatorId, file: { name: 'besar.pdf', contentBase64: pdfOf(30 * 1024 * 1024).toString('base64') } });
    expect(huge.status).toBe(413);
    expect(errorOf(huge).message).toMatch(/melebihi 20 MB/);
  });

  it('keeps the 1 MB limit for every other command', async () => {
    const res = await staf.call('feedback.post', { skpId, period: '1', target: { kind: 'umum' }, body: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(errorOf(res).message).toBe('Data yang dikirim terlalu besar.');
  });
});

/** Files in the content-addressed evidence store. */
const storedFiles = () => {
  const dir = path.join(f.o.dir, 'evidence');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).filter((p) => fs.statSync(path.join(dir, String(p))).isFile()).length;
};

describe('a refused upload writes nothing', () => {
  it('a 21 MB file gets the typed VALIDATION error in Indonesian; no record, no audit row, no stored file', async () => {
    const before = snapshot(f.o.core);
    const files = storedFiles();
    const res = await staf.call('realisasi.addEvidence', {
      skpId,
      period: '3',
      indicatorId,
      file: { name: 'pindaian-besar.pdf', contentBase64: pdfOf(21 * 1024 * 1024).toString('base64') },
    });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toEqual({
      code: 'VALIDATION',
      message: 'Berkas melebihi 20 MB. Perkecil berkas (misalnya pindai dengan resolusi lebih rendah) lalu unggah lagi.',
      fields: { file: 'Maksimal 20 MB.' },
    });
    expect(diffSnapshots(before, snapshot(f.o.core))).toEqual([]);
    expect(storedFiles()).toBe(files);
  });
});

describe('GET /api/files/evidence/:id', () => {
  // Quotes, brackets and a non-ASCII dash: the RFC 5987 name must carry them all.
  const fileName = "Laporan 'Januari' (final) – Subbagian Umum.pdf";
  const content = pdfOf(64 * 1024);
  let evidenceId: string;
  let appraiser: ApiClient;
  let unrelated: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    const res = await staf.ok('realisasi.addEvidence', { skpId, period: '2', indicatorId, file: { name: fileName, contentBase64: content.toString('base64') } });
    evidenceId = res.evidence.id;
    appraiser = new ApiClient(app);
    await appraiser.login(f.org.people.kasubbag.nip, 'Pegawai2026');
    unrelated = new ApiClient(app);
    await unrelated.login(f.org.people.stafB.nip, 'Pegawai2026');
    admin = new ApiClient(app);
    await admin.login(adminNip, adminPassword);
  });

  const url = (id: string) => `/api/files/evidence/${id}`;

  it('gives the owner the file as an attachment with its original name, type and nosniff', async () => {
    const res = await staf.get(url(evidenceId));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Laporan 'Januari' (final) _ Subbagian Umum.pdf"; filename*=UTF-8''Laporan%20%27Januari%27%20%28final%29%20%E2%80%93%20Subbagian%20Umum.pdf`,
    );
    expect(String(res.headers['cache-control'])).toMatch(/no-store/);
    expect(Number(res.headers['content-length'])).toBe(content.length);
    expect(res.raw!.equals(content)).toBe(true);
  });

  it('gives it to the appraiser and the office admin (whoever may open the realisasi)', async () => {
    for (const client of [appraiser, admin]) {
      const res = await client.get(url(evidenceId));
      expect(res.status).toBe(200);
      expect(res.raw!.equals(content)).toBe(true);
    }
  });

  it('refuses an unrelated employee (403) and an anonymous caller (401), typed, without the content', async () => {
    const other = await unrelated.get(url(evidenceId));
    expect(other.status).toBe(403);
    expect(errorOf(other).code).toBe('FORBIDDEN');
    expect(other.raw!.includes(content.subarray(0, 9))).toBe(false);
    const anonymous = await new ApiClient(app).get(url(evidenceId));
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous)).toEqual({ code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' });
    // A signed-in client that does not send its cookie is anonymous too.
    expect((await staf.get(url(evidenceId), { withCookie: false })).status).toBe(401);
  });

  it('refuses the atasan, who may see the realisasi, until a temporary password is changed (as every command does)', async () => {
    const sekretaris = f.org.people.sekretaris;
    const atasan = new ApiClient(app);
    await atasan.login(sekretaris.nip, 'Pegawai2026');
    expect((await atasan.get(url(evidenceId))).status).toBe(200);
    const userId = (f.o.core.sqlite.prepare('SELECT id FROM users WHERE employee_id = ?').get(sekretaris.id) as { id: string }).id;
    await admin.ok('auth.resetPassword', { userId, temporaryPassword: 'Sementara9' });
    await atasan.login(sekretaris.nip, 'Sementara9');
    const res = await atasan.get(url(evidenceId));
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'MUST_CHANGE_PASSWORD' } });
  });

  it('answers 404, typed, for unknown ids, links, removed evidence and anything path-like', async () => {
    const link = await staf.ok('realisasi.addEvidence', { skpId, period: '2', link: 'https://drive.langsakota.go.id/berkas/1', title: 'Arsip daring' });
    const removed = await staf.ok('realisasi.addEvidence', { skpId, period: '2', file: { name: 'dihapus.pdf', contentBase64: pdfOf(2048).toString('base64') } });
    await staf.ok('realisasi.removeEvidence', { evidenceId: removed.evidence.id });
    const attempts = [
      '0190a000-0000-7000-8000-00000000beef',
      link.evidence.id,
      removed.evidence.id,
      'kinerja.db',
      '..%2F..%2Fkinerja.db',
      '%2E%2E%2Fevidence',
      `${evidenceId}%2F..%2F..%2Fkinerja.db`,
    ];
    for (const id of attempts) {
      const res = await staf.get(url(id));
      expect(res.status, id).toBe(404);
      expect(errorOf(res).code, id).toBe('NOT_FOUND');
    }
    // The sha of an existing file is not an id either.
    const sha = (f.o.core.sqlite.prepare('SELECT sha256 FROM evidence WHERE id = ?').get(evidenceId) as { sha256: string }).sha256;
    expect((await staf.get(url(sha))).status).toBe(404);
  });

  it('over a listening socket, a 5 MB file goes up and comes back byte for byte', async () => {
    const served = await buildServer({ core: f.o.core, rendererDir: null, loginRateLimit: 10_000 });
    try {
      const base = await served.listen({ host: '127.0.0.1', port: 0 });
      const login = await fetch(`${base}/api/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: f.org.people.stafA.nip, password: 'Pegawai2026' }),
      });
      expect(login.status).toBe(200);
      const token = /kinerja_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
      const headers = { cookie: `${sessionCookie}=${token}`, [csrfHeader]: ((await login.json()) as { csrfToken: string }).csrfToken };
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5 * 1024 * 1024 }, (_, i) => (i * 31) % 251))]);
      const up = await fetch(`${base}/api/realisasi.addEvidence`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ skpId, period: '4', indicatorId, file: { name: 'rekap-surat.pdf', contentBase64: big.toString('base64') } }),
      });
      expect(up.status).toBe(200);
      const { evidence } = (await up.json()) as { evidence: { id: string; size: number } };
      expect(evidence.size).toBe(big.length);
      const down = await fetch(`${base}/api/files/evidence/${evidence.id}`, { headers: { cookie: headers.cookie } });
      expect(down.status).toBe(200);
      expect(down.headers.get('content-type')).toBe('application/pdf');
      const got = Buffer.from(await down.arrayBuffer());
      expect(got.equals(big)).toBe(true);
    } finally {
      // fetch keeps its sockets alive; close them so the server can stop.
      served.server.closeAllConnections();
      await served.close();
    }
  });
});
