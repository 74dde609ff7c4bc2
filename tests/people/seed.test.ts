import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { dispatch } from '../../electron/core/dispatch';
import { demoPassword, seedDemo, seedSynthetic } from '../../electron/core/seed';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import { removeTempDirs, tempDir } from './fixture';

let core: Core | null = null;

afterEach(() => {
  core?.close();
  core = null;
  removeTempDirs();
});

function login(c: Core, who: string): string {
  const r = dispatch(c, 'auth.login', { login: who, password: demoPassword }, { transport: 'cli', requireCsrf: false });
  if (r.sessionChange?.kind !== 'start') throw new Error('no session');
  return r.sessionChange.token;
}

function call<T>(c: Core, token: string, name: string, input: unknown): T {
  return dispatch(c, name, input, { transport: 'cli', sessionToken: token, requireCsrf: false }).result as T;
}

describe('seed --synthetic', () => {
  // Its speed is measured by `npm run bench`, not asserted here (timings are noisy on shared machines).
  it('builds 5.000 consistent employees with change_log rows and a valid audit chain', () => {
    core = Core.open({ dataDir: tempDir() });
    const r = seedSynthetic(core, 5000);
    expect(r.employees).toBe(5000);
    const n = (sql: string) => (core!.sqlite.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT COUNT(*) AS n FROM employees')).toBe(5000);
    // Every replicated row is in change_log, stamped like a command's write.
    expect(n("SELECT COUNT(*) AS n FROM change_log WHERE table_name = 'employees' AND op = 'insert'")).toBe(5000);
    expect(n("SELECT COUNT(*) AS n FROM change_log WHERE table_name = 'assignments'")).toBe(r.assignments);
    expect(n('SELECT COUNT(*) AS n FROM employees WHERE hlc IS NULL OR version < 1')).toBe(0);
    expect(verifyAuditChain(core).ok).toBe(true);

    const admin = login(core, 'admin');
    const problems = call<{ items: { kind: string }[] }>(core, admin, 'people.problems', {});
    // Consistent: everyone has a position and an appraiser.
    expect(problems.items.filter((p) => p.kind === 'tanpa_jabatan' || p.kind === 'tanpa_penilai')).toEqual([]);
    const list = call<{ total: number; items: unknown[] }>(core, admin, 'people.list', { limit: 50, sort: 'golongan' });
    expect(list.total).toBe(5000);
    expect(list.items).toHaveLength(50);
    for (const who of ['kadis', 'kabid', 'kasi', 'staf']) expect(login(core, who)).toBeTruthy();
  }, 120_000);
});

describe('seed --demo', () => {
  it('creates the Langsa education office; every printed login works without a forced password change', () => {
    core = Core.open({ dataDir: tempDir() });
    const r = seedDemo(core);
    expect(r.officeName).toBe('Dinas Pendidikan dan Kebudayaan Kota Langsa');
    expect(r.employees).toBeGreaterThanOrEqual(55);
    expect(r.logins.map((l) => l.username)).toEqual(['admin', 'kadis', 'sekretaris', 'kabid.sd', 'kasubbag.umum', 'kasi.kurikulum', 'staf']);
    for (const [i, l] of r.logins.entries()) {
      // Every username, and the NIP (printed with spaces) of the first two: hashing is slow on purpose.
      for (const id of i < 2 ? [l.username!, l.nip] : [l.username!]) {
        const token = login(core, id);
        const me = call<{ user: { mustChangePassword: boolean; roles: string[]; employeeId: string } }>(core, token, 'auth.me', {});
        expect(me.user.mustChangePassword).toBe(false);
        expect(me.user.employeeId).toBe(l.employeeId);
      }
    }
    const admin = login(core, 'admin');
    expect(call<{ user: { roles: string[] } }>(core, admin, 'auth.me', {}).user.roles).toContain('pengelola');
    expect(call<{ user: { roles: string[] } }>(core, login(core, 'kadis'), 'auth.me', {}).user.roles).toContain('penilai');
    expect(call<{ user: { roles: string[] } }>(core, login(core, 'staf'), 'auth.me', {}).user.roles).toEqual(['pegawai']);
    // No data problems before the year starts; a Plt is in place.
    expect(call<{ items: unknown[] }>(core, admin, 'people.problems', {}).items).toEqual([]);
    const sek = call<{ items: { acting: string[] }[] }>(core, admin, 'people.list', { q: 'Cut Nurul Hayati' }).items[0]!;
    expect(sek.acting).toEqual(['Plt. Kepala Bidang Kebudayaan']);
    expect(verifyAuditChain(core).ok).toBe(true);
  }, 120_000);

  it('refuses a data folder that already holds an office', () => {
    core = Core.open({ dataDir: tempDir() });
    seedSynthetic(core, 50); // the smallest office seed --synthetic builds (50 per office since 8c20912)
    expect(() => seedDemo(core!)).toThrow(/sudah berisi kantor/);
  });
});
