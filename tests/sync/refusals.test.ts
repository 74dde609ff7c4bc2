import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protocolVersion, type PushRequest } from '../../shared/sync/protocol';
import { OfficeSync, syncKeys } from '../../electron/core/sync/office';
import { decodeBody, encodeBody, signedHeaders } from '../../electron/core/sync/signing';
import { HttpTransport } from '../../electron/core/sync/transport';
import { enroll } from '../../electron/core/sync/office';
import { TestClock, type Office } from '../helpers';
import { removeAllTempDirs } from '../helpers/tempdir';
import { newOffice, syncer, TestCentral } from './harness';
import { doWork } from './work';

afterAll(() => removeAllTempDirs());

/**
 * Item 3: every refusal is typed and applies nothing. Each case sends a real signed request over
 * loopback HTTP, altered in exactly one way, and checks the central's rows and chain are unchanged.
 */
describe('signed transport refusals', () => {
  let clock: TestClock;
  let central: TestCentral;
  let a: Office;
  let b: Office;

  beforeEach(async () => {
    clock = new TestClock('2026-03-02T01:00:00.000Z');
    central = await TestCentral.start(clock);
    a = newOffice(clock, 'Dinas Pendidikan Kota Langsa', 'DISDIK');
    b = newOffice(clock, 'Dinas Kesehatan Kota Langsa', 'DINKES');
    await central.enrol(a, 'Dinas Pendidikan');
    await central.enrol(b, 'Dinas Kesehatan');
    doWork(a, 3);
  });
  afterEach(async () => {
    a.close();
    b.close();
    await central.stop();
  });

  function batchOf(office: Office): PushRequest {
    const sync = new OfficeSync(office.core, { transport: new HttpTransport(central.url) });
    return sync.nextBatch('0'.repeat(64), 0, 0)!;
  }

  async function send(path: string, body: Buffer, headers: Record<string, string>) {
    const res = await new HttpTransport(central.url).send({ path, headers, body });
    return { status: res.status, body: decodeBody<{ error?: { code: string; message: string } }>(res.body) };
  }

  function headersFor(office: Office, path: string, body: Buffer, now = clock.now().getTime()) {
    return signedHeaders({ secret: office.core.getMeta(syncKeys.secret)!, officeId: office.officeId, method: 'POST', path, body, now, protocol: protocolVersion });
  }

  async function nothingApplied() {
    expect(await central.store.countRows(a.officeId, 'employees')).toBe(0);
    const reg = (await central.store.listOffices()).find((o) => o.officeId === a.officeId)!;
    expect(reg.lastSyncAt).toBeNull();
  }

  it('a correctly signed push is accepted (the control case)', async () => {
    const body = encodeBody(batchOf(a));
    const res = await send('/sync/push', body, headersFor(a, '/sync/push', body));
    expect(res.status).toBe(200);
    expect(await central.store.countRows(a.officeId, 'employees')).toBe(4);
  });

  it('refuses a timestamp more than 5 minutes off', async () => {
    const body = encodeBody(batchOf(a));
    for (const off of [6 * 60_000, -6 * 60_000]) {
      const res = await send('/sync/push', body, headersFor(a, '/sync/push', body, clock.now().getTime() + off));
      expect(res).toMatchObject({ status: 401, body: { error: { code: 'CLOCK_SKEW' } } });
    }
    await nothingApplied();
  });

  it('refuses a reused nonce (a replayed request)', async () => {
    const body = encodeBody({ protocol: protocolVersion, appVersion: 'x', schemaVersion: 1, epoch: 0, ackedSeq: 0, ackedHash: '0'.repeat(64), now: 0 });
    const headers = headersFor(a, '/sync/hello', body);
    expect((await send('/sync/hello', body, headers)).status).toBe(200);
    const pushBody = encodeBody(batchOf(a));
    const pushHeaders = headersFor(a, '/sync/push', pushBody);
    // The same nonce on another request: refused before anything is read.
    const replay = await send('/sync/push', pushBody, { ...pushHeaders, 'x-kinerja-nonce': headers['x-kinerja-nonce']!, 'x-kinerja-signature': headers['x-kinerja-signature']! });
    expect(replay.body.error?.code).toMatch(/NONCE_REUSED|BAD_SIGNATURE/);
    expect((await send('/sync/hello', body, headers)).body.error?.code).toBe('NONCE_REUSED');
    await nothingApplied();
  });

  it('refuses a tampered body, and a re-digested tampered body by its signature', async () => {
    const batch = batchOf(a);
    const body = encodeBody(batch);
    const headers = headersFor(a, '/sync/push', body);
    const tampered = encodeBody({ ...batch, rows: batch.rows.map((r) => ({ ...r, data: { ...r.data, name: 'Diubah di jalan' } })) });
    expect((await send('/sync/push', tampered, headers)).body.error?.code).toBe('BODY_DIGEST');
    const { createHash } = await import('node:crypto');
    const redigested = { ...headers, 'x-kinerja-body-sha256': createHash('sha256').update(tampered).digest('hex') };
    expect((await send('/sync/push', tampered, redigested)).body.error?.code).toBe('BAD_SIGNATURE');
    await nothingApplied();
  });

  it('refuses an unknown office and a revoked one', async () => {
    const body = encodeBody(batchOf(a));
    const unknown = { ...headersFor(a, '/sync/push', body), 'x-kinerja-office': '01900000-0000-7000-8000-000000000000' };
    expect((await send('/sync/push', body, unknown)).body.error?.code).toBe('UNKNOWN_OFFICE');
    await central.store.revoke('Dinas Pendidikan');
    const revoked = await send('/sync/push', body, headersFor(a, '/sync/push', body));
    expect(revoked).toMatchObject({ status: 403, body: { error: { code: 'REVOKED' } } });
    await expect(syncer(a, central).run()).rejects.toMatchObject({ code: 'REVOKED' });
    await nothingApplied();
  });

  it("refuses rows whose office_id is not the sender's, applying none of the batch", async () => {
    doWork(b, 2);
    const mine = batchOf(a);
    const theirs = batchOf(b).rows[0]!;
    const mixed: PushRequest = { ...mine, rows: [...mine.rows, { ...theirs, seq: mine.toSeq + 1 }], toSeq: mine.toSeq + 1 };
    const body = encodeBody(mixed);
    expect((await send('/sync/push', body, headersFor(a, '/sync/push', body))).body.error?.code).toBe('FOREIGN_ROWS');
    // Signed by B but carrying A's rows: refused too.
    const stolen = encodeBody(mine);
    expect((await send('/sync/push', stolen, headersFor(b, '/sync/push', stolen))).body.error?.code).toBe('FOREIGN_ROWS');
    await nothingApplied();
    expect(await central.store.countRows(b.officeId, 'employees')).toBe(0);
  });

  it('refuses an incompatible protocol with a message that says what to install', async () => {
    const body = encodeBody(batchOf(a));
    const res = await send('/sync/push', body, { ...headersFor(a, '/sync/push', body), 'x-kinerja-protocol': String(protocolVersion + 1) });
    expect(res.body.error).toMatchObject({ code: 'PROTOCOL' });
    expect(res.body.error!.message).toContain('memperbarui server pusat');
    await nothingApplied();
  });

  it('enrolment codes are single use, and a database already registered as another office is refused', async () => {
    const { enrolmentCode } = await central.store.addOffice({ name: 'Dinas Ketiga' });
    // B is already "Dinas Kesehatan": the same database cannot become a second office.
    await expect(enroll(b.core, { centralUrl: central.url, code: enrolmentCode })).rejects.toMatchObject({ code: 'ENROLMENT', message: expect.stringContaining('Dinas Kesehatan') });
    const c = newOffice(clock, 'Dinas Ketiga Kota Langsa', 'D3');
    try {
      await enroll(c.core, { centralUrl: central.url, code: enrolmentCode });
      await expect(enroll(c.core, { centralUrl: central.url, code: enrolmentCode })).rejects.toMatchObject({ code: 'ENROLMENT' });
      const late = await central.store.addOffice({ name: 'Dinas Keempat' });
      clock.advanceHours(25);
      const d = newOffice(clock, 'Dinas Keempat Kota Langsa', 'D4');
      await expect(enroll(d.core, { centralUrl: central.url, code: late.enrolmentCode })).rejects.toMatchObject({ message: expect.stringContaining('kedaluwarsa') });
      d.close();
    } finally {
      c.close();
    }
  });

  it('a clock far off is named in words at the office', async () => {
    clock.advanceMinutes(0);
    const skewed = new TestClock(new Date(clock.now().getTime() + 63 * 60_000));
    const office = a.reopen({ clock: skewed });
    try {
      await expect(syncer(office, central).run()).rejects.toMatchObject({ code: 'CLOCK_SKEW' });
      const status = (await import('../../electron/core/sync/office')).syncStatus(office.core);
      expect(status.lastError).toBe('Jam komputer ini 63 menit lebih cepat dari server pusat. Perbaiki jam komputer lalu sinkronkan lagi.');
      expect(status.stateText).toMatch(/^Gagal: Jam komputer ini 63 menit lebih cepat/);
    } finally {
      office.close();
    }
    await nothingApplied();
  });

  it('rotation ends the old secret at once; the office enrols again with the new code', async () => {
    const { enrolmentCode } = await central.store.rotate('Dinas Pendidikan');
    await expect(syncer(a, central).run()).rejects.toMatchObject({ code: 'REVOKED' });
    await enroll(a.core, { centralUrl: central.url, code: enrolmentCode });
    expect((await syncer(a, central).run()).digestsEqual).toBe(true);
  });
});
