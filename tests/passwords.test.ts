import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, commands } from '../shared/commands';
import type { Access } from '../shared/roles';
import { verifyPassword } from '../electron/core/auth/password-hash';
import { demoPassword } from '../electron/core/seed/demo';
import { passwordProblem } from '../shared/auth/password';
import {
  createSignedInUser,
  createUserWithRoles,
  errorOf,
  makeOffice,
  removeAllTempDirs,
  startServer,
  type AuditRow,
  type Office,
  type TestServer,
} from './helpers';

let office: Office;
let server: TestServer;

beforeAll(async () => {
  office = makeOffice();
  server = await startServer(office);
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

function storedHash(userId: string): string {
  return (office.core.sqlite.prepare('SELECT password_hash FROM users WHERE id = ?').get(userId) as { password_hash: string }).password_hash;
}

function allAuditText(): string {
  const rows = office.core.sqlite.prepare('SELECT * FROM audit_log').all() as AuditRow[];
  return rows.map((r) => `${r.before ?? ''}\n${r.after ?? ''}`).join('\n');
}

/** Commands a user with a temporary password may still call. */
const allowedBeforeChange = new Set(['auth.me', 'auth.changePassword', 'auth.logout', 'setup.status']);

describe('password storage', () => {
  it('is scrypt with a per-user salt: the same password gives different hashes', () => {
    const a = createUserWithRoles(office, ['pegawai'], { password: 'SamaSemua123' });
    const b = createUserWithRoles(office, ['pegawai'], { password: 'SamaSemua123' });
    const ha = storedHash(a.userId);
    const hb = storedHash(b.userId);
    const format = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;
    expect(ha).toMatch(format);
    expect(hb).toMatch(format);
    expect(ha).not.toBe(hb);
    expect(format.exec(ha)![4]).not.toBe(format.exec(hb)![4]); // salts differ
    expect(Number(format.exec(ha)![1])).toBeGreaterThanOrEqual(16384);
    expect(ha).not.toContain('SamaSemua123');
    expect(verifyPassword('SamaSemua123', ha)).toBe(true);
    expect(verifyPassword('SamaSemua124', ha)).toBe(false);
    expect(verifyPassword('SamaSemua123', 'md5$garbage')).toBe(false);
  });

  it('applies one rule everywhere: 10 characters that are not spaces, and not guessable (zxcvbn-ts)', () => {
    const { session } = createSignedInUser(office);
    const short = 'Kata sandi minimal 10 karakter, tidak termasuk spasi. Perpanjang, misalnya dengan menggabungkan beberapa kata.';
    const advice = 'Gunakan gabungan beberapa kata yang tidak berhubungan, ditambah angka atau tanda baca.';
    for (const [newPassword, message] of [
      ['Ab1', short],
      // Seven spaces and "1a" (docs/spec/operations.md §2), and padding a short one with spaces.
      ['       1a', short],
      ['Kop1#     ', short],
      ['password1', short],
      ['password12', `Kata sandi terlalu mudah ditebak (termasuk kata sandi yang umum dipakai). ${advice}`],
      ['aaaaaaaaa1', `Kata sandi terlalu mudah ditebak (berisi karakter yang diulang-ulang). ${advice}`],
      ['1234567890', `Kata sandi terlalu mudah ditebak (termasuk kata sandi yang paling umum dipakai). ${advice}`],
      ['qwertyuiop1', `Kata sandi terlalu mudah ditebak (mirip kata sandi yang umum dipakai). ${advice}`],
      ['Password123', `Kata sandi terlalu mudah ditebak (termasuk kata sandi yang umum dipakai). ${advice}`],
    ] as const) {
      const r = office.tryCall('auth.changePassword', { currentPassword: 'Sandi-Awal-2468', newPassword }, session);
      expect(r.ok, newPassword).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fields?.newPassword, newPassword).toBe(message);
      }
    }
    // The same rule for first-run setup and an administrator's reset (one schema).
    expect(commands['setup.create'].input.safeParse({ officeName: 'Dinas Uji', adminNip: '198001012005011001', adminName: 'Pengelola Uji', adminPassword: 'password12' }).success).toBe(false);
    expect(commands['auth.resetPassword'].input.safeParse({ userId: office.admin.userId, temporaryPassword: 'aaaaaaaaa1' }).success).toBe(false);
    expect(commands['auth.resetPassword'].input.safeParse({ userId: office.admin.userId, temporaryPassword: 'Bukit-Kopi-42' }).success).toBe(true);
    // The demo office's password passes (README, e2e).
    expect(passwordProblem(demoPassword)).toBeNull();
    const same = office.tryCall('auth.changePassword', { currentPassword: 'Sandi-Awal-2468', newPassword: 'Sandi-Awal-2468' }, session);
    expect(same.ok ? null : same.error.fields?.newPassword).toBe('Kata sandi baru harus berbeda dari kata sandi lama.');
  });
});

describe('change password', () => {
  it('works, ends the other sessions of the user and keeps this one', async () => {
    const user = createUserWithRoles(office);
    const here = await server.clientAs(user);
    const elsewhere = await server.clientAs(user);
    const hashBefore = storedHash(user.userId);

    expect(await here.ok('auth.changePassword', { currentPassword: user.password, newPassword: 'SandiBaru2025' })).toEqual({ ok: true });
    expect(storedHash(user.userId)).not.toBe(hashBefore);

    expect((await here.ok('auth.me', {})).user?.userId).toBe(user.userId);
    const out = await elsewhere.post('auth.me', {});
    expect((out.body as { user: unknown }).user).toBeNull();

    const oldLogin = await server.client().post('auth.login', { login: user.nip, password: user.password });
    expect(oldLogin.status).toBe(401);
    expect((await server.client().post('auth.login', { login: user.nip, password: 'SandiBaru2025' })).status).toBe(200);
  });

  it('refuses a wrong current password with a field message', async () => {
    const user = createUserWithRoles(office);
    const c = await server.clientAs(user);
    const res = await c.post('auth.changePassword', { currentPassword: 'BukanSandi1', newPassword: 'SandiBaru2025' });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'VALIDATION', fields: { currentPassword: 'Kata sandi lama salah.' } });
  });
});

describe('admin reset', () => {
  it('ends the user\'s sessions and forces a change: until then every other command is 403', async () => {
    // A Pengelola, so that every command passes the role check and meets the password gate.
    const user = createUserWithRoles(office, ['pegawai', 'pengelola']);
    const before = await server.clientAs(user);
    const admin = await server.clientAs(office.admin);

    expect(await admin.ok('auth.resetPassword', { userId: user.userId, temporaryPassword: 'Sementara77' })).toEqual({ ok: true });
    expect(((await before.post('auth.me', {})).body as { user: unknown }).user).toBeNull();
    expect((await server.client().post('auth.login', { login: user.nip, password: user.password })).status).toBe(401);

    const c = server.client();
    const login = await c.login(user.nip, 'Sementara77');
    expect(login.user.mustChangePassword).toBe(true);

    for (const name of commandNames) {
      // Public commands (login, first-run status) never depend on who is signed in: a must-change
      // session on a shared office PC must not keep a colleague from signing in.
      const access: readonly Access[] = commands[name].access;
      if (allowedBeforeChange.has(name) || access.includes('public')) continue;
      const res = await c.post(name, {});
      expect(res.status, `${name} with a temporary password`).toBe(403);
      const err = errorOf(res);
      expect(err.code).toBe('FORBIDDEN');
      if (access.some((a) => a === 'public' || a === 'authenticated' || a === 'pegawai' || a === 'pengelola')) {
        expect(err.details, name).toEqual({ reason: 'MUST_CHANGE_PASSWORD' });
        expect(err.message).toBe('Anda wajib mengganti kata sandi sementara sebelum melanjutkan.');
      }
    }
    expect((await c.post('auth.me', {})).status).toBe(200);
    expect((await c.post('setup.status', {})).status).toBe(200);

    expect(await c.ok('auth.changePassword', { currentPassword: 'Sementara77', newPassword: 'SandiSendiri9' })).toEqual({ ok: true });
    expect((await c.ok('auth.me', {})).user?.mustChangePassword).toBe(false);
    expect((await c.post('auth.listAccounts', {})).status).toBe(200);
  });

  it('a new account starts with a temporary password that must be changed', () => {
    const user = createUserWithRoles(office, ['pegawai'], { mustChangePassword: true });
    const session = office.login(user.nip, user.password);
    expect(session.user.mustChangePassword).toBe(true);
    const r = office.tryCall('audit.list', {}, session);
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
  });

  it('an admin of another office cannot reset this office\'s accounts', () => {
    const other = makeOffice({ setup: { officeName: 'Kantor Lain', adminNip: '19800101 200501 2 002' } });
    try {
      const r = other.tryCall('auth.resetPassword', { userId: office.admin.userId, temporaryPassword: 'Sementara77' }, other.adminSession());
      expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    } finally {
      other.close();
    }
  });
});

describe('passwords never reach the audit trail', () => {
  it('no hash and no plain password in any audit before/after; the hash column is redacted', () => {
    const text = allAuditText();
    expect(text).not.toMatch(/scrypt\$/);
    for (const secret of [office.admin.password, 'SamaSemua123', 'SandiBaru2025', 'Sementara77', 'SandiSendiri9']) {
      expect(text).not.toContain(secret);
    }
    // The audit does record that the password column changed, without its value.
    expect(text).toContain('"password_hash":"[disembunyikan]"');
    const change = office.core.sqlite.prepare("SELECT before, after FROM audit_log WHERE command = 'auth.changePassword' LIMIT 1").get() as {
      before: string;
      after: string;
    };
    expect(JSON.parse(change.before).password_hash).toBe('[disembunyikan]');
    expect(JSON.parse(change.after).password_hash).toBe('[disembunyikan]');
  });

  it('nor the change_log (accounts are not replicated)', () => {
    const rows = office.core.sqlite.prepare('SELECT table_name, data FROM change_log').all() as { table_name: string; data: string }[];
    expect(rows.map((r) => r.table_name)).not.toContain('users');
    for (const r of rows) expect(r.data).not.toMatch(/scrypt\$/);
  });
});
