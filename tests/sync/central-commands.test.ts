/**
 * The central's commands (Admin Pusat: Kantor page, bundle import) and the office's Sinkronisasi
 * commands (enrol from the screen, USB bundle, progress), through the real dispatcher
 * (`dispatchAsync`), a real central on a loopback port, and the central store on SQLite and on a
 * throw-away PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import { SyncScheduler } from '../../electron/core/sync/scheduler';
import { auditRowsAfter, callAsync, createUserWithRoles, makeCentralOf, makeOffice, maxSeq, snapshot, diffSnapshots, TestClock, tryCallAsync, type Office, type Session } from '../helpers';
import type { TestCentral} from './harness';
import { newOffice, syncer } from './harness';
import { centralStores } from './stores';

const { kinds, pgSkip, centralOn } = centralStores('central_ui');
if (pgSkip) console.log(`Uji perintah server pusat di PostgreSQL dilewati: ${pgSkip}`);
const dayMs = 24 * 60 * 60 * 1000;

describe.each(kinds)('Kantor page commands on the central store (%s)', (kind) => {
  let clock: TestClock;
  let central: TestCentral;
  /** The central's own accounts database, with the store attached as `serve --central` does. */
  let home: Office;
  let pusat: () => Session;
  const opened: Office[] = [];

  beforeAll(async () => {
    clock = new TestClock('2026-03-02T01:00:00.000Z');
    central = await centralOn(kind, clock);
    home = makeOffice({ clock, setup: { officeName: 'BKPSDM Kota Langsa', officeCode: 'BKPSDM' } });
    pusat = makeCentralOf(home, central.store).adminPusat;
  }, 60_000);
  afterEach(() => {
    for (const o of opened.splice(0)) o.close();
  });
  afterAll(async () => {
    home?.close();
    await central?.stop();
  });

  function office(name: string, code: string): Office {
    const o = newOffice(clock, name, code);
    opened.push(o);
    return o;
  }

  it('registers an office, shows its one-time code for 24 hours, and refuses a second office of the same name', async () => {
    const as = pusat();
    const seq = maxSeq(home.core, 'audit_log');
    const r = await callAsync(home, 'central.addOffice', { name: 'Dinas Pendidikan', code: 'DISDIK' }, as);
    expect(r.enrolmentCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Date.parse(r.expiresAt) - clock.now().getTime()).toBe(dayMs);
    const audit = auditRowsAfter(home.core, seq);
    expect(audit.map((a) => [a.command, a.record_table, a.record_id])).toEqual([['central.addOffice', 'central_offices', r.registrationId]]);

    const list = await callAsync(home, 'central.offices', {}, pusat());
    expect(list.centralName).toBe('BKPSDM Kota Langsa');
    expect(list.store).toBe(kind);
    const row = list.offices.find((o) => o.id === r.registrationId)!;
    expect(row).toMatchObject({ name: 'Dinas Pendidikan', code: 'DISDIK', status: 'menunggu', lastSyncAt: null, silent: false, codeExpiresAt: r.expiresAt });

    const again = await tryCallAsync(home, 'central.addOffice', { name: 'Dinas Pendidikan' }, pusat());
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const short = await tryCallAsync(home, 'central.addOffice', { name: 'ab' }, pusat());
    expect(short.ok ? null : short.error.message).toContain('minimal 3 huruf');
  });

  it('is Admin Pusat only: the central Pengelola and a plain employee are refused, nothing registered', async () => {
    const before = (await callAsync(home, 'central.offices', {}, pusat())).offices.length;
    const pengelola = home.adminSession();
    const staff = createUserWithRoles(home, ['pegawai']);
    for (const as of [pengelola, home.login(staff.nip, staff.password)]) {
      const r = await tryCallAsync(home, 'central.addOffice', { name: 'Kantor Gelap' }, as);
      expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
      const l = await tryCallAsync(home, 'central.offices', {}, as);
      expect(l.ok ? null : l.error.code).toBe('FORBIDDEN');
    }
    expect((await callAsync(home, 'central.offices', {}, pusat())).offices.length).toBe(before);
  });

  it('the office enrols from Sinkronisasi with the code, syncs, and the Kantor page shows it Tersinkron; 8 days later it stands out as silent', async () => {
    const o = office('Dinas Kesehatan Kota Langsa', 'DINKES');
    o.asAdmin('org.createUnit', { kind: 'bidang', name: 'Bidang Pelayanan' });
    const { enrolmentCode, registrationId } = await callAsync(home, 'central.addOffice', { name: 'Dinas Kesehatan' }, pusat());

    const seq = maxSeq(o.core, 'audit_log');
    const enrolled = await callAsync(o, 'sync.enroll', { centralUrl: central.url + '/', code: enrolmentCode.toLowerCase() }, o.adminSession());
    expect(enrolled).toEqual({ centralName: 'BKPSDM Kota Langsa', officeName: 'Dinas Kesehatan', fingerprint: null });
    expect(auditRowsAfter(o.core, seq).map((a) => a.command)).toEqual(['sync.enroll']);
    const status = o.asAdmin('sync.status', {});
    expect(status).toMatchObject({ enrolled: true, centralUrl: central.url, registeredAs: 'Dinas Kesehatan', state: 'menunggu' });
    // The first sync is asked for at once: the background sync takes it up within seconds.
    expect(status.requestedAt).toBe(clock.nowIso());

    // A used code is refused in words, and the office stays as it was.
    const other = office('Dinas Sosial Kota Langsa', 'DINSOS');
    const session = other.adminSession();
    const before = snapshot(other.core);
    const reused = await tryCallAsync(other, 'sync.enroll', { centralUrl: central.url, code: enrolmentCode }, session);
    expect(reused.ok ? null : reused.error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('tidak dikenal atau sudah dipakai') });
    expect(diffSnapshots(before, snapshot(other.core)).filter((d) => d.table !== 'sessions')).toEqual([]);

    const run = await syncer(o, central).run();
    expect(run.digestsEqual).toBe(true);
    let row = (await callAsync(home, 'central.offices', {}, pusat())).offices.find((x) => x.id === registrationId)!;
    expect(row).toMatchObject({ status: 'aktif', digestEqual: true, pending: 0, rejects: 0, silent: false, silentDays: 0, lastSyncAt: clock.nowIso(), codeExpiresAt: null });
    expect(row.appVersion).toMatch(/^\d+\.\d+/);

    clock.advance(8 * dayMs);
    row = (await callAsync(home, 'central.offices', {}, pusat())).offices.find((x) => x.id === registrationId)!;
    expect(row).toMatchObject({ silent: true, silentDays: 8 });
    expect(verifyAuditChain(o.core).ok).toBe(true);
    expect(verifyAuditChain(home.core).ok).toBe(true);
  });

  it('an unreachable central address is said in words at enrolment and nothing is stored', async () => {
    const o = office('Dinas Perhubungan Kota Langsa', 'DISHUB');
    const r = await tryCallAsync(o, 'sync.enroll', { centralUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH' }, o.adminSession());
    expect(r.ok ? null : r.error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('tidak dapat dihubungi') });
    expect(o.asAdmin('sync.status', {}).enrolled).toBe(false);
    const bad = await tryCallAsync(o, 'sync.enroll', { centralUrl: 'pusat.lan', code: 'ABCD-EFGH' }, o.adminSession());
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
  });

  it('rotating the secret stops the old one; the office enrols again with the new code; revoking ends it', async () => {
    const o = office('Dinas Pertanian Kota Langsa', 'DISTAN');
    const { enrolmentCode, registrationId } = await callAsync(home, 'central.addOffice', { name: 'Dinas Pertanian' }, pusat());
    await callAsync(o, 'sync.enroll', { centralUrl: central.url, code: enrolmentCode }, o.adminSession());
    expect((await syncer(o, central).run()).digestsEqual).toBe(true);

    const rotated = await callAsync(home, 'central.rotateSecret', { registrationId }, pusat());
    expect(rotated.enrolmentCode).not.toBe(enrolmentCode);
    await expect(syncer(o, central).run()).rejects.toMatchObject({ code: 'REVOKED' });
    expect((await callAsync(home, 'central.offices', {}, pusat())).offices.find((x) => x.id === registrationId)!.status).toBe('menunggu');

    await callAsync(o, 'sync.enroll', { centralUrl: central.url, code: rotated.enrolmentCode }, o.adminSession());
    expect((await syncer(o, central).run()).digestsEqual).toBe(true);

    await callAsync(home, 'central.revoke', { registrationId }, pusat());
    await expect(syncer(o, central).run()).rejects.toMatchObject({ code: 'REVOKED' });
    const twice = await tryCallAsync(home, 'central.revoke', { registrationId }, pusat());
    expect(twice.ok ? null : twice.error.message).toContain('sudah dicabut');
    const missing = await tryCallAsync(home, 'central.rotateSecret', { registrationId: '0190a000-0000-7000-8000-00000000beef' }, pusat());
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('USB bundle: exported at the office, imported at the central (twice: said so, nothing changes), reply imported at the office', async () => {
    const o = office('Dinas Perikanan Kota Langsa', 'DKP');
    const { enrolmentCode, registrationId } = await callAsync(home, 'central.addOffice', { name: 'Dinas Perikanan' }, pusat());
    await callAsync(o, 'sync.enroll', { centralUrl: central.url, code: enrolmentCode }, o.adminSession());
    o.asAdmin('org.createUnit', { kind: 'bidang', name: 'Bidang Budidaya' });
    const pending = o.asAdmin('sync.status', {}).pending;
    expect(pending).toBeGreaterThan(0);

    const bundle = o.asAdmin('sync.exportBundle', {});
    expect(bundle.fileName).toMatch(/^kiriman-dinas-perikanan-\d{4}-\d{2}-\d{2}\.kinerja$/);
    expect(bundle.rows).toBe(pending);
    const units = await central.store.countRows(o.officeId, 'units');

    const first = await callAsync(home, 'central.importBundle', { fileName: bundle.fileName, contentBase64: bundle.contentBase64 }, pusat());
    expect(first).toMatchObject({ officeName: 'Dinas Perikanan', importedBefore: null, errors: [] });
    expect(first.applied).toBeGreaterThan(0);
    expect(first.reply.fileName).toMatch(/^balasan-dinas-perikanan-/);
    const afterFirst = await central.store.countRows(o.officeId, 'units');
    expect(afterFirst).toBeGreaterThan(units);

    clock.advanceMinutes(5);
    const second = await callAsync(home, 'central.importBundle', { fileName: bundle.fileName, contentBase64: bundle.contentBase64 }, pusat());
    expect(second).toMatchObject({ importedBefore: first.reply && expect.any(String), applied: 0, errors: [] });
    expect(await central.store.countRows(o.officeId, 'units')).toBe(afterFirst);

    const garbage = await tryCallAsync(home, 'central.importBundle', { fileName: 'x.kinerja', contentBase64: Buffer.from('bukan bundel').toString('base64') }, pusat());
    expect(garbage.ok ? null : garbage.error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('bukan bundel') });

    const reply = await callAsync(o, 'sync.importReply', { fileName: first.reply.fileName, contentBase64: first.reply.contentBase64 }, o.adminSession());
    expect(reply.errors).toEqual([]);
    expect(reply.acked).toBeGreaterThan(0);
    const s = o.asAdmin('sync.status', {});
    expect(s.pending).toBe(0);
    expect(s.runs[0]).toMatchObject({ via: 'usb', ok: true });
    // The reply of the second import acknowledges nothing new.
    expect((await callAsync(o, 'sync.importReply', { fileName: second.reply.fileName, contentBase64: second.reply.contentBase64 }, o.adminSession())).acked).toBe(0);
    expect((await callAsync(home, 'central.offices', {}, pusat())).offices.find((x) => x.id === registrationId)!.lastSyncAt).not.toBeNull();
  });

  it('lists the rejects of an office at the central and counts them on the Kantor page', async () => {
    const o = office('Dinas Pariwisata Kota Langsa', 'DISPAR');
    const { enrolmentCode, registrationId } = await callAsync(home, 'central.addOffice', { name: 'Dinas Pariwisata' }, pusat());
    await callAsync(o, 'sync.enroll', { centralUrl: central.url, code: enrolmentCode }, o.adminSession());
    expect((await callAsync(home, 'central.rejects', { registrationId }, pusat())).rejects).toEqual([]);
    // A row with a column this central does not know (an office newer than the central) is rejected, not applied.
    const reg = await central.store.db.selectFrom('central_offices').selectAll().where('id', '=', registrationId).executeTakeFirstOrThrow();
    const unit = o.core.sqlite.prepare('SELECT * FROM units WHERE office_id = ? LIMIT 1').get(o.officeId) as Record<string, unknown> | undefined;
    const data = { ...(unit ?? { id: '0190a000-0000-7000-8000-0000000000aa', office_id: o.officeId, version: 1, hlc: '0' }), kolom_baru: 'x' };
    await central.store.repair(reg, [{ table: 'units', data }]);
    const r = await callAsync(home, 'central.rejects', { registrationId }, pusat());
    expect(r.office).toBe('Dinas Pariwisata');
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ table: 'units', reason: expect.stringContaining('kolom_baru') });
    expect((await callAsync(home, 'central.offices', {}, pusat())).offices.find((x) => x.id === registrationId)!.rejects).toBe(1);
  });

  it('shows the running sync as progress while the background sync works, and none after', async () => {
    const o = office('Dinas Koperasi Kota Langsa', 'DISKOP');
    const { enrolmentCode } = await callAsync(home, 'central.addOffice', { name: 'Dinas Koperasi' }, pusat());
    await callAsync(o, 'sync.enroll', { centralUrl: central.url, code: enrolmentCode }, o.adminSession());
    const scheduler = new SyncScheduler(o.core, { makeSync: () => syncer(o, central) });
    const running = scheduler.syncNow();
    expect(o.asAdmin('sync.status', {}).progress).toMatchObject({ phase: 'push', startedAt: clock.nowIso() });
    expect((await running)?.digestsEqual).toBe(true);
    expect(o.asAdmin('sync.status', {}).progress).toBeNull();
    await scheduler.stop();
  });
});

describe('central commands outside a central', () => {
  it('an office answers that it is not the central, in words', async () => {
    const o = makeOffice();
    try {
      const user = createUserWithRoles(o, ['pegawai', 'admin_pusat']);
      const r = await tryCallAsync(o, 'central.offices', {}, o.login(user.nip, user.password));
      expect(r.ok ? null : r.error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('bukan server pusat') });
    } finally {
      o.close();
    }
  });
});
