/**
 * The row rules of electron/core/access.ts as tables: for each rule, who may and who may not, over
 * the relations that matter (the person themselves, their Pejabat Penilai, the appraiser's superior,
 * an appraiser of another unit, the office's Pengelola Kinerja, central HR, and people of another
 * office). The person rule runs on a real office with a real appraisal chain; the dialogue and
 * appeal rules read the parties written on the row, so they are checked on rows directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles';
import { appealSideOf, canManagePerson, canSeeAppeal, canSeeDialogue, canSeePerson, dialoguePartyOf, dialogueSideOf } from '../electron/core/access';
import type { Actor } from '../electron/core/context';
import { createUserWithRoles, evalTeam, makeOffice, removeAllTempDirs, type EvalTeam, type Office } from './helpers';

const actor = (employeeId: string, officeId: string, roles: Role[]): Actor => ({
  userId: `u-${employeeId}`,
  employeeId,
  officeId,
  nip: '0',
  name: employeeId,
  username: null,
  roles: new Set<Role>(['pegawai', ...roles]),
  mustChangePassword: false,
  sessionTokenHash: null,
});

describe('row rules on dialogues and appeals (parties on the row)', () => {
  const office = 'kantor-a';
  const row = { employee_id: 'pegawai', appraiser_employee_id: 'penilai', atasan_employee_id: 'atasan', office_id: office };
  const who: [string, Actor][] = [
    ['the employee themselves', actor('pegawai', office, [])],
    ['their Pejabat Penilai', actor('penilai', office, ['penilai'])],
    ["the appraiser's superior", actor('atasan', office, ['penilai'])],
    ["another unit's appraiser", actor('penilai-lain', office, ['penilai'])],
    ['the office Pengelola Kinerja', actor('pengelola', office, ['pengelola'])],
    ["another office's Pengelola Kinerja", actor('pengelola-b', 'kantor-b', ['pengelola'])],
    ['central HR (admin pusat)', actor('pusat', 'kantor-pusat', ['admin_pusat'])],
  ];

  // [who, sees the dialogue, takes part in it as, sees the appeal as]
  const expected: Record<string, [boolean, 'pegawai' | 'penilai' | null, ReturnType<typeof appealSideOf>]> = {
    'the employee themselves': [true, 'pegawai', 'pegawai'],
    'their Pejabat Penilai': [true, 'penilai', 'penilai'],
    // The dialogue is between the employee and the appraiser; the superior decides appeals.
    "the appraiser's superior": [false, null, 'atasan_penilai'],
    "another unit's appraiser": [false, null, null],
    'the office Pengelola Kinerja': [true, null, 'pengelola'],
    "another office's Pengelola Kinerja": [false, null, null],
    'central HR (admin pusat)': [false, null, 'pengelola'],
  };

  it.each(who)('%s', (name, a) => {
    const [seesDialogue, party, appealSide] = expected[name]!;
    expect(canSeeDialogue(a, row)).toBe(seesDialogue);
    expect(dialogueSideOf(a, row) !== null).toBe(seesDialogue);
    expect(dialoguePartyOf(a, row)).toBe(party);
    expect(appealSideOf(a, row)).toBe(appealSide);
    expect(canSeeAppeal(a, row)).toBe(appealSide !== null);
  });

  it('an appraiser who is also the atasan of the appeal decides it (the superior side wins)', () => {
    const both = { ...row, appraiser_employee_id: 'atasan' };
    expect(appealSideOf(actor('atasan', office, ['penilai']), both)).toBe('atasan_penilai');
  });
});

describe('canSeePerson and canManagePerson (a real office and appraisal chain)', () => {
  let o: Office;
  let team: EvalTeam;
  let otherAppraiser: string;
  const on = new Date('2025-03-01T03:00:00Z');

  beforeAll(() => {
    o = makeOffice();
    team = evalTeam(o);
    otherAppraiser = createUserWithRoles(o, ['pegawai', 'penilai']).employeeId;
  });
  afterAll(() => {
    o?.close();
    removeAllTempDirs();
  });

  const cases: [string, () => Actor, boolean, boolean][] = [
    // [viewer, actor, may see the employee's records, may edit them]
    ['the employee themselves', () => actor(team.employee.employeeId, o.officeId, []), true, false],
    ['their Pejabat Penilai', () => actor(team.appraiser.employeeId, o.officeId, ['penilai']), true, false],
    ["the appraiser's superior", () => actor(team.atasan.employeeId, o.officeId, ['penilai']), true, false],
    ["another unit's appraiser", () => actor(otherAppraiser, o.officeId, ['penilai']), false, false],
    ['a colleague with no link', () => actor(team.outsider.employeeId, o.officeId, []), false, false],
    ['the office Pengelola Kinerja', () => actor(o.admin.employeeId, o.officeId, ['pengelola']), true, true],
    ["another office's Pengelola Kinerja", () => actor(o.admin.employeeId, 'kantor-lain', ['pengelola']), false, false],
    ['central HR (admin pusat)', () => actor('pusat', 'kantor-pusat', ['admin_pusat']), true, false],
  ];

  it.each(cases)('%s', (_name, a, sees, manages) => {
    expect(canSeePerson(o.core, a(), team.employee.employeeId, on)).toBe(sees);
    expect(canManagePerson(a(), o.officeId)).toBe(manages);
  });
});
