import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../electron/server/app';
import { maxEvidenceBytes } from '../../shared/realisasi/evidence-rules';
import { ApiClient, errorOf } from '../helpers/server';
import { removeTempDirs } from '../people/fixture';
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
    expect(huge.status).toBe(400);
    expect(errorOf(huge).message).toMatch(/melebihi 20 MB/);
  });

  it('keeps the 1 MB limit for every other command', async () => {
    const res = await staf.call('feedback.post', { skpId, period: '1', target: { kind: 'umum' }, body: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toBe('Data yang dikirim terlalu besar.');
  });
});
