/**
 * Accounts capability (docs/spec/operations.md §8): creating accounts with random temporary passwords, for
 * one employee or every one without an account in one transaction, the printed slips, reset,
 * deactivation and reactivation, the list's search and filters; roles and row access, over the
 * dispatcher and the real HTTP server (the slip job).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTemporaryPassword } from '../../electron/core/accounts/temporary-password';
import { verifyPassword } from '../../electron/core/auth/password-hash';
import { passwordSchema } from '../../shared/auth/password';
import {
  createEmployee,
  createSignedInUser,
  createUserWithRoles,
  expectFailure,
  makeOffice,
  makeTempDir,
  removeAllTempDirs,
  startServer,
  type Office,
  type TestServer,
} from '../helpers';

let office: Office;
let server: TestServer;
let dir: string;

beforeAll(async () => {
  office = makeOffice();
  server = await startServer(office);
  dir = makeTempDir();
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

function pdfText(bytes: Buffer): string {
  const file = path.join(dir, `slip-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const userRow = (userId: string) =>
  office.core.sqlite.prepare('SELECT password_hash, must_change_password, deactivated_at, version FROM users WHERE id = ?').get(userId) as {
    password_hash: string;
    must_change_password: number;
    deactivated_at: string | null;
    version: number;
  };

describe('temporary passwords', () => {
  it('are 14 characters in three groups, without look-alike characters, with letters and digits, and differ each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = generateTemporaryPassword();
      expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      expect(p).toMatch(/\d/);
      expect(p).toMatch(/[a-z]/);
      expect(passwordSchema.safeParse(p).success).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });
});

describe('accounts.create', () => {
  it('creates an account whose random password works once and must be changed first; it is stored only as a hash', () => {
    const employee = createEmployee(office, { name: 'Cut Nyak Dhien' });
    const issued = office.asAdmin('accounts.create', { employeeId: employee.id });
    expect(issued.account).toMatchObject({ employeeId: employee.id, nip: employee.nip, mustChangePassword: true, deactivatedAt: null, isPengelola: false });
    const row = userRow(issued.account.userId);
    expect(row.password_hash).not.toContain(issued.temporaryPassword);
    expect(verifyPassword(issued.temporaryPassword, row.password_hash)).toBe(true);
    // Nothing of the clear password reaches the audit trail.
    const audits = office.core.sqlite.prepare("SELECT before, after FROM audit_log WHERE command = 'accounts.create'").all() as Record<string, string | null>[];
    for (const a of audits) expect(JSON.stringify(a)).not.toContain(issued.temporaryPassword);

    const session = office.login(employee.nip, issued.temporaryPassword);
    expect(session.user.mustChangePassword).toBe(true);
    expect(expectFailure(office.tryCall('skp.list', {}, session))).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'MUST_CHANGE_PASSWORD' } });
    office.call('auth.changePassword', { currentPassword: issued.temporaryPassword, newPassword: 'SandiBaruKu2026' }, session);
    expect(office.call('auth.me', {}, session).user?.mustChangePassword).toBe(false);
  });

  it('refuses a second account, another office\'s employee, and a retired employee, writing nothing', () => {
    const employee = createEmployee(office);
    office.asAdmin('accounts.create', { employeeId: employee.id });
    expect(expectFailure(office.tryCall('accounts.create', { employeeId: employee.id }, office.adminSession()))).toMatchObject({ code: 'RULE_VIOLATION' });

    const other = makeOffice({ setup: { officeName: 'Kecamatan Langsa Baro', adminNip: '19750505 200003 1 004' } });
    try {
      const theirs = createEmployee(other);
      expect(expectFailure(office.tryCall('accounts.create', { employeeId: theirs.id }, office.adminSession())).code).toBe('NOT_FOUND');
      expect(expectFailure(other.tryCall('accounts.resetPassword', { userId: office.admin.userId }, other.adminSession())).code).toBe('NOT_FOUND');
    } finally {
      other.close();
    }

    const retired = createEmployee(office, { name: 'Teuku Pensiun' });
    office.asAdmin('people.update', { id: retired.id, version: retired.version, status: 'pensiun' });
    const e = expectFailure(office.tryCall('accounts.create', { employeeId: retired.id }, office.adminSession()));
    expect(e).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(e.message).toContain('Pensiun');
    expect(office.core.sqlite.prepare('SELECT COUNT(*) n FROM users WHERE employee_id = ?').get(retired.id)).toEqual({ n: 0 });
  });

  it('is refused to a plain employee and an appraiser (row access is the office admin\'s)', () => {
    const target = createEmployee(office);
    for (const roles of [['pegawai'], ['penilai']] as const) {
      const user = createSignedInUser(office, roles);
      expect(expectFailure(office.tryCall('accounts.create', { employeeId: target.id }, user.session)).code).toBe('FORBIDDEN');
      expect(expectFailure(office.tryCall('accounts.list', {}, user.session)).code).toBe('FORBIDDEN');
    }
  });
});

describe('accounts.createMissing', () => {
  it('creates an account for every serving employee without one, in one transaction, each with its own password', () => {
    const fresh = makeOffice({ setup: { officeName: 'Dinas Baru', adminNip: '19800101 200501 1 002' } });
    try {
      const serving = [createEmployee(fresh, { name: 'Ayu Pratiwi' }), createEmployee(fresh, { name: 'Budi Santoso' })];
      const cuti = createEmployee(fresh, { name: 'Citra Cuti' });
      fresh.asAdmin('people.update', { id: cuti.id, version: cuti.version, status: 'cuti' });
      const moved = createEmployee(fresh, { name: 'Dedi Pindah' });
      fresh.asAdmin('people.update', { id: moved.id, version: moved.version, status: 'pindah' });

      expect(fresh.asAdmin('accounts.list', {}).counts.tanpaAkun).toBe(3);
      const auditBefore = (fresh.core.sqlite.prepare('SELECT COUNT(*) n FROM audit_log').get() as { n: number }).n;
      const { created } = fresh.asAdmin('accounts.createMissing', {});
      expect(created.map((c) => c.account.name)).toEqual(['Ayu Pratiwi', 'Budi Santoso', 'Citra Cuti']);
      expect(new Set(created.map((c) => c.temporaryPassword)).size).toBe(3);
      expect((fresh.core.sqlite.prepare('SELECT COUNT(*) n FROM audit_log').get() as { n: number }).n).toBe(auditBefore + 1);
      for (const c of created) expect(fresh.login(c.account.nip, c.temporaryPassword).user.mustChangePassword).toBe(true);
      expect(fresh.asAdmin('accounts.list', {}).counts.tanpaAkun).toBe(0);
      expect(serving.every((s) => created.some((c) => c.account.employeeId === s.id))).toBe(true);
      // Nothing left: a clear refusal that writes nothing.
      expect(expectFailure(fresh.tryCall('accounts.createMissing', {}, fresh.adminSession())).message).toContain('Semua pegawai aktif sudah memiliki akun');
    } finally {
      fresh.close();
    }
  });

  it('with a chosen list, refuses the whole call when one of them already has an account', () => {
    const a = createEmployee(office);
    const b = createEmployee(office);
    office.asAdmin('accounts.create', { employeeId: b.id });
    const e = expectFailure(office.tryCall('accounts.createMissing', { employeeIds: [a.id, b.id] }, office.adminSession()));
    expect(e.code).toBe('RULE_VIOLATION');
    expect(office.core.sqlite.prepare('SELECT COUNT(*) n FROM users WHERE employee_id = ?').get(a.id)).toEqual({ n: 0 });
  });
});

describe('reset, deactivate, reactivate', () => {
  it('reset gives a new password, ends the sessions, clears a lock, and requires a change', () => {
    const user = createSignedInUser(office);
    office.core.sqlite.prepare("UPDATE users SET locked_until = '2999-01-01T00:00:00.000Z', failed_count = 5 WHERE id = ?").run(user.userId);
    const issued = office.asAdmin('accounts.resetPassword', { userId: user.userId });
    expect(issued.account).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect(office.sessionAlive(user.session)).toBe(false);
    expect(expectFailure(office.tryCall('auth.login', { login: user.nip, password: user.password })).code).toBe('UNAUTHENTICATED');
    expect(office.login(user.nip, issued.temporaryPassword).user.mustChangePassword).toBe(true);
    expect(expectFailure(office.tryCall('accounts.resetPassword', { userId: office.admin.userId }, office.adminSession())).code).toBe('RULE_VIOLATION');
  });

  it('deactivation ends sessions and refuses login; history stays; reactivation lets the same password in again', () => {
    const user = createSignedInUser(office, ['pegawai'], { name: 'Rahmat Pindahan' });
    const v = userRow(user.userId).version;
    const { account } = office.asAdmin('accounts.deactivate', { userId: user.userId, version: v });
    expect(account.deactivatedAt).toBe(office.clock.nowIso());
    expect(office.sessionAlive(user.session)).toBe(false);
    expect(expectFailure(office.tryCall('auth.login', { login: user.nip, password: user.password })).code).toBe('UNAUTHENTICATED');
    // The employee and the account row remain (the audit trail keeps naming them).
    expect(office.asAdmin('people.get', { id: user.employeeId }).employee.name).toBe('Rahmat Pindahan');
    expect(office.asAdmin('accounts.list', { status: 'nonaktif', q: 'rahmat' }).accounts.map((a) => a.userId)).toEqual([user.userId]);
    // Stale version: CONFLICT; twice: a rule.
    expect(expectFailure(office.tryCall('accounts.reactivate', { userId: user.userId, version: v }, office.adminSession())).code).toBe('CONFLICT');
    expect(expectFailure(office.tryCall('accounts.deactivate', { userId: user.userId, version: v + 1 }, office.adminSession())).code).toBe('RULE_VIOLATION');
    expect(expectFailure(office.tryCall('accounts.resetPassword', { userId: user.userId }, office.adminSession())).code).toBe('RULE_VIOLATION');

    office.asAdmin('accounts.reactivate', { userId: user.userId, version: v + 1 });
    expect(office.login(user.nip, user.password).user.userId).toBe(user.userId);
  });

  it('an admin cannot deactivate their own account', () => {
    const e = expectFailure(office.tryCall('accounts.deactivate', { userId: office.admin.userId, version: userRow(office.admin.userId).version }, office.adminSession()));
    expect(e.code).toBe('RULE_VIOLATION');
  });

  it('a retired employee cannot be reactivated; the list flags an active account of a moved employee', () => {
    const user = createUserWithRoles(office, ['pegawai'], { name: 'Zainal Purna' });
    const emp = office.asAdmin('people.get', { id: user.employeeId }).employee;
    office.asAdmin('people.update', { id: emp.id, version: emp.version, status: 'pensiun' });
    expect(office.asAdmin('accounts.list', { status: 'perlu-nonaktif' }).accounts.map((a) => a.name)).toContain('Zainal Purna');
    office.asAdmin('accounts.deactivate', { userId: user.userId, version: userRow(user.userId).version });
    expect(expectFailure(office.tryCall('accounts.reactivate', { userId: user.userId, version: userRow(user.userId).version }, office.adminSession())).code).toBe('RULE_VIOLATION');
  });
});

describe('accounts.list', () => {
  it('searches by name, NIP (with spaces) and username, filters by status and role, and counts the whole office', () => {
    const found = createUserWithRoles(office, ['pegawai'], { name: 'Meurah Silu Unik', username: 'meurah.silu' });
    const byName = office.asAdmin('accounts.list', { q: 'silu unik' }).accounts;
    expect(byName.map((a) => a.userId)).toEqual([found.userId]);
    const spaced = `${found.nip.slice(0, 8)} ${found.nip.slice(8, 14)} ${found.nip.slice(14, 15)} ${found.nip.slice(15)}`;
    expect(office.asAdmin('accounts.list', { q: spaced }).accounts.map((a) => a.userId)).toEqual([found.userId]);
    expect(office.asAdmin('accounts.list', { q: 'meurah.silu' }).accounts.map((a) => a.userId)).toEqual([found.userId]);
    const pengelola = office.asAdmin('accounts.list', { pengelolaOnly: true }).accounts;
    expect(pengelola.every((a) => a.isPengelola)).toBe(true);
    expect(pengelola.map((a) => a.userId)).toContain(office.admin.userId);
    const all = office.asAdmin('accounts.list', {});
    const mustChange = office.asAdmin('accounts.list', { status: 'wajib-ganti' }).accounts;
    expect(mustChange.every((a) => a.mustChangePassword && !a.deactivatedAt)).toBe(true);
    expect(all.counts.wajibGanti).toBe(mustChange.length);
    expect(all.counts.total).toBe(all.accounts.length);
    const noAccount = createEmployee(office, { name: 'Tanpa Akun Sama Sekali' });
    expect(office.asAdmin('accounts.list', { q: 'tanpa akun sama' }).withoutAccount.map((e) => e.employeeId)).toEqual([noAccount.id]);
    expect(office.asAdmin('accounts.list', { employeeId: found.employeeId }).accounts.map((a) => a.userId)).toEqual([found.userId]);
  });
});

describe('slips over HTTP (the job that creates and prints)', () => {
  interface JobView {
    jobId: string;
    status: string;
    count: number;
    fileName: string | null;
    progress: { phase: string; done: number; total: number };
    error: { code: string; message: string } | null;
  }

  async function runJob(client: Awaited<ReturnType<TestServer['clientAs']>>, body: Record<string, unknown>, csrf = client.csrfToken) {
    const cookies = { kinerja_session: client.cookie ?? '' };
    const started = await server.app.inject({
      method: 'POST',
      url: '/api/files/jobs/akun-slip',
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      cookies,
      payload: JSON.stringify(body),
    });
    if (started.statusCode !== 202) return { status: started.statusCode, body: started.json() as { error: { code: string } } };
    let state = started.json() as JobView;
    const seen: JobView[] = [state];
    for (let i = 0; i < 500 && state.status === 'berjalan'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      state = (await server.app.inject({ method: 'GET', url: `/api/files/jobs/${state.jobId}`, cookies })).json() as JobView;
      seen.push(state);
    }
    const file = state.status === 'selesai' ? await server.app.inject({ method: 'GET', url: `/api/files/jobs/${state.jobId}/file`, cookies }) : null;
    return { status: 202, state, seen, file };
  }

  it('create-missing prints one slip per new account whose password signs in; progress is reported; not re-printable', async () => {
    const names = ['Slip Pertama', 'Slip Kedua', 'Slip Ketiga', 'Slip Keempat', 'Slip Kelima'];
    const ids = names.map((name) => createEmployee(office, { name }).id);
    const admin = await server.clientAs(office.admin);
    const r = await runJob(admin, { mode: 'missing', employeeIds: ids, address: 'http://192.168.1.20:8080/akun?x=1' });
    expect(r.status).toBe(202);
    if (!('state' in r) || !r.file) throw new Error('job did not finish');
    expect(r.state).toMatchObject({ status: 'selesai', count: 5 });
    expect(r.seen.some((s) => s.progress.phase === 'data' && s.progress.total === 5)).toBe(true);
    expect(r.file.headers['content-type']).toBe('application/pdf');
    const text = pdfText(r.file.rawPayload);
    expect(text.match(/AKUN KINERJA: KATA SANDI SEMENTARA/g)).toHaveLength(5);
    expect(text).toContain('http://192.168.1.20:8080');
    expect(text).toContain('tidak dapat dicetak ulang');
    // Each slip's password is the one that signs its person in (and must then be changed).
    for (const name of names) {
      const block = text.slice(text.indexOf(name));
      // pdftotext may split a word of the large monospaced password at a glyph boundary: spaces dropped.
      const password = /Kata sandi sementara\s+((?:[a-z2-9]\s?){4}-\s?(?:[a-z2-9]\s?){4}-\s?(?:[a-z2-9]\s?){3}[a-z2-9])/.exec(block)![1]!.replace(/\s/g, '');
      const nip = (office.core.sqlite.prepare('SELECT nip FROM employees WHERE name = ?').get(name) as { nip: string }).nip;
      expect(office.login(nip, password).user.mustChangePassword).toBe(true);
    }
    // The same request again creates nothing (they all have accounts now): no second copy of the passwords.
    const again = await runJob(admin, { mode: 'missing', employeeIds: ids });
    expect('state' in again ? again.state?.status : again.status).toBe('gagal');
  });

  it('reset prints the new password on a slip; a GET of the slip is no download; no CSRF token: refused', async () => {
    const user = createUserWithRoles(office, ['pegawai'], { name: 'Lupa Sandi' });
    const admin = await server.clientAs(office.admin);
    const noCsrf = await runJob(admin, { mode: 'reset', userId: user.userId }, null);
    expect(noCsrf.status).toBe(403);
    expect((await admin.get(`/api/files/akun-slip.pdf?mode=reset&userId=${user.userId}`)).status).toBe(404);
    expect(verifyPassword(user.password, userRow(user.userId).password_hash)).toBe(true);

    const r = await runJob(admin, { mode: 'reset', userId: user.userId });
    if (!('state' in r) || !r.file) throw new Error('job did not finish');
    const text = pdfText(r.file.rawPayload);
    expect(text).toContain('Lupa Sandi');
    const password = /Kata sandi sementara\s+((?:[a-z2-9]\s?){4}-\s?(?:[a-z2-9]\s?){4}-\s?(?:[a-z2-9]\s?){3}[a-z2-9])/.exec(text)![1]!.replace(/\s/g, '');
    expect(verifyPassword(password, userRow(user.userId).password_hash)).toBe(true);
  });

  it('a plain employee cannot start the job (and nothing is hashed or written)', async () => {
    const user = createUserWithRoles(office);
    const target = createEmployee(office);
    const client = await server.clientAs(user);
    const r = await runJob(client, { mode: 'create', employeeId: target.id });
    expect(r.status).toBe(202);
    if (!('state' in r)) throw new Error('not started');
    expect(r.state).toMatchObject({ status: 'gagal', error: { code: 'FORBIDDEN' } });
    expect(office.core.sqlite.prepare('SELECT COUNT(*) n FROM users WHERE employee_id = ?').get(target.id)).toEqual({ n: 0 });
  });
});
