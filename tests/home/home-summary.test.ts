/**
 * Beranda (home.summary): the profile card's jabatan, pangkat and unit, the overdue SKP flag, and a
 * new office's setup checklist (profile, units, positions, employees, accounts, year), step by step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRoles, makeOffice, removeAllTempDirs, type Office } from '../helpers';

let office: Office;

beforeAll(() => {
  office = makeOffice();
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

const stepsOf = (o: Office) => Object.fromEntries(o.asAdmin('home.summary', {}).setup!.steps.map((s) => [s.key, s.done]));

describe('home.summary', () => {
  it('walks a new office through its setup steps, ticking each as it is done', () => {
    expect(stepsOf(office)).toEqual({ profile: false, units: false, positions: false, employees: false, accounts: false, year: false });

    const { office: profile } = office.asAdmin('org.getOffice', {});
    office.asAdmin('org.updateOffice', { version: profile.version, address: 'Jl. Jenderal Ahmad Yani No. 1, Langsa', headAppraiserName: 'Wali Kota Langsa' });
    expect(stepsOf(office).profile).toBe(true);

    const unit = office.asAdmin('org.createUnit', { kind: 'bidang', name: 'Bidang Pembinaan SD' }).unit;
    expect(stepsOf(office).units).toBe(true);
    const head = office.asAdmin('org.createPosition', { name: 'Kepala Dinas', type: 'jpt_pratama', isHead: true }).position;
    const staffPosition = office.asAdmin('org.createPosition', { name: 'Pengelola Data', type: 'pelaksana', unitId: unit.id, reportsToPositionId: head.id }).position;
    expect(stepsOf(office).positions).toBe(true);

    const staffEmployee = office.asAdmin('people.create', {
      nip: '199203142019031004',
      name: 'Fajar Ramadhan',
      golongan: 'III/a',
      assignment: { positionId: staffPosition.id, startDate: '2024-01-02' },
    }).employee;
    let steps = stepsOf(office);
    expect(steps.employees).toBe(true);
    // An employee without an account leaves the accounts step open, and says how many.
    expect(steps.accounts).toBe(false);
    expect(office.asAdmin('home.summary', {}).setup!.steps.find((s) => s.key === 'accounts')!.count).toBe(1);
    office.asAdmin('accounts.create', { employeeId: staffEmployee.id });
    expect(stepsOf(office).accounts).toBe(true);

    office.asAdmin('year.open', { year: 2025 });
    steps = stepsOf(office);
    expect(steps.year).toBe(true);
    expect(office.asAdmin('home.summary', {}).setup!.complete).toBe(true);
  });

  it('gives an employee their jabatan, pangkat and unit, no setup, and flags an SKP not approved by the deadline', () => {
    const unit = office.asAdmin('org.createUnit', { kind: 'bidang', name: 'Bidang Kebudayaan' }).unit;
    const position = office.asAdmin('org.createPosition', { name: 'Analis Kebudayaan', type: 'pelaksana', unitId: unit.id }).position;
    const user = createUserWithRoles(office, ['pegawai'], { name: 'Intan Permatasari', assignment: { positionId: position.id, startDate: '2024-01-02' } });
    const emp = office.asAdmin('people.get', { id: user.employeeId }).employee;
    office.asAdmin('people.update', { id: emp.id, version: emp.version, golongan: 'III/b' });
    const session = office.login(user.nip, user.password);

    // The test clock is 3 March 2025; the 2025 SKP deadline (end of January) has passed.
    const mine = office.call('home.summary', {}, session);
    expect(mine.profile).toEqual({ position: 'Analis Kebudayaan', positionKind: 'definitif', unitName: 'Bidang Kebudayaan', golongan: 'III/b', pangkat: 'Penata Muda Tingkat I' });
    expect(mine.setup).toBeNull();
    expect(mine.skp).toMatchObject({ year: 2025, status: 'belum_dibuat', skpId: null, overdue: true });

    // Before the deadline the same SKP is not late.
    const now = office.clock.nowIso();
    office.clock.set('2025-01-15T03:00:00.000Z');
    try {
      expect(office.call('home.summary', {}, office.login(user.nip, user.password)).skp).toMatchObject({ overdue: false });
    } finally {
      office.clock.set(now);
    }
  });

  it('has no SKP line before any year runs, and no position for someone not placed yet', () => {
    const fresh = makeOffice({ setup: { officeName: 'Kantor Baru', adminNip: '19800101 200501 1 002' } });
    try {
      const s = fresh.asAdmin('home.summary', {});
      expect(s.skp).toBeNull();
      expect(s.profile.position).toBeNull();
      expect(s.setup!.complete).toBe(false);
    } finally {
      fresh.close();
    }
  });
});
