import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHlc } from '../electron/core/sync/hlc';
import {
  changeLogRowsAfter,
  createEmployee,
  createSignedInUser,
  createUserWithRoles,
  HOUR,
  makeOffice,
  maxSeq,
  removeAllTempDirs,
  TestClock,
  type Office,
} from './helpers';

let office: Office;

beforeAll(() => {
  office = makeOffice();
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

function versionOf(userId: string): number {
  return (office.core.sqlite.prepare('SELECT version FROM users WHERE id = ?').get(userId) as { version: number }).version;
}

describe('accounts', () => {
  it('signs in by username too, case-insensitively, and by NIP with or without spaces', () => {
    const user = createUserWithRoles(office, ['pegawai'], { username: 'cut.meutia' });
    expect(office.login('Cut.Meutia', user.password).user.userId).toBe(user.userId);
    const spaced = `${user.nip.slice(0, 8)} ${user.nip.slice(8, 14)} ${user.nip.slice(14, 15)} ${user.nip.slice(15)}`;
    expect(office.login(spaced, user.password).user.userId).toBe(user.userId);
  });

  it('refuses a username already taken, with a field message', () => {
    createUserWithRoles(office, ['pegawai'], { username: 'teuku.umar' });
    const employee = createEmployee(office);
    const r = office.tryCall('auth.createAccount', { employeeId: employee.id, username: 'teuku.umar', temporaryPassword: 'Sementara1' }, office.adminSession());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION', fields: { username: 'Nama pengguna sudah dipakai.' } });
  });

  it('lists only this office\'s accounts', () => {
    const other = makeOffice({ setup: { officeName: 'Kecamatan Langsa Baro', adminNip: '19750505 200003 1 004' } });
    try {
      const mine = office.asAdmin('auth.listAccounts', {}).accounts.map((a) => a.userId);
      expect(mine).toContain(office.admin.userId);
      const theirs = other.asAdmin('auth.listAccounts', {}).accounts.map((a) => a.userId);
      expect(theirs).toEqual([other.admin.userId]);
    } finally {
      other.close();
    }
  });

  it('setPengelola with a stale version is CONFLICT carrying the current version', () => {
    const user = createUserWithRoles(office);
    const v = versionOf(user.userId);
    office.asAdmin('auth.setPengelola', { userId: user.userId, isPengelola: true, version: v });
    const r = office.tryCall('auth.setPengelola', { userId: user.userId, isPengelola: false, version: v }, office.adminSession());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: v + 1 } });
  });

  it('granting and revoking Pengelola takes effect on the very next call of an open session', () => {
    const user = createSignedInUser(office);
    expect(office.tryCall('auth.listAccounts', {}, user.session).ok).toBe(false);
    office.asAdmin('auth.setPengelola', { userId: user.userId, isPengelola: true, version: versionOf(user.userId) });
    expect(office.tryCall('auth.listAccounts', {}, user.session).ok).toBe(true);
    office.asAdmin('auth.setPengelola', { userId: user.userId, isPengelola: false, version: versionOf(user.userId) });
    const r = office.tryCall('auth.listAccounts', {}, user.session);
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
  });
});

describe('HLC across restarts', () => {
  it('new change_log stamps sort after the old ones even when the PC clock was set back', () => {
    const t = makeOffice();
    createEmployee(t);
    const before = changeLogRowsAfter(t.core, 0).at(-1)!.hlc;

    // Restart the app with the clock two hours behind.
    const clock = new TestClock(new Date(t.clock.now().getTime() - 2 * HOUR));
    const restarted = t.reopen({ clock });
    try {
      const seq = maxSeq(restarted.core, 'change_log');
      createEmployee(restarted);
      const after = changeLogRowsAfter(restarted.core, seq).at(-1)!.hlc;
      expect(after > before, `${after} after ${before}`).toBe(true);
      expect(parseHlc(after).node).toBe(parseHlc(before).node); // the node id persists in meta
    } finally {
      restarted.close();
    }
  });
});
