import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles';
import {
  canEvaluate,
  canPostFeedback,
  canReportRealisasi,
  canSeeFeedback,
  canSeeOfficeDistribution,
  canSeeRealisasi,
  canSeeSkp,
  canSetOrgRating,
  skpRelation,
  visibleDistributionUnit,
  type SkpParties,
} from '../electron/core/access';
import type { Actor } from '../electron/core/context';
import { removeTempDirs } from './people/fixture';
import { SkpOffice } from './skp/fixture';

/**
 * The plan rules of access.ts (tests/access-rules.test.ts has the person, dialogue and appeal ones),
 * one table per rule: who may and who may not, for one real plan of
 * the small office (Nurul, Subbagian Umum; appraised by the Kasubbag, whose superior is the
 * Sekretaris). The handlers call exactly these functions, so this is where the rule is stated;
 * tests/evaluation/row-access.test.ts and tests/role-matrix.test.ts check them through the commands.
 */
let f: SkpOffice;
let plan: SkpParties;

type Who = 'pegawai' | 'penilai' | 'atasanPenilai' | 'penilaiUnitLain' | 'pegawaiLain' | 'pengelola' | 'pengelolaKantorLain' | 'adminPusat';

function actor(who: Who): Actor {
  const p = f.org.people;
  const person = { pegawai: p.stafA, penilai: p.kasubbag, atasanPenilai: p.sekretaris, penilaiUnitLain: p.kasi, pegawaiLain: p.stafB, pengelola: p.guest, pengelolaKantorLain: p.guest, adminPusat: p.guest }[who];
  const roles: Role[] = ['pegawai'];
  if (who === 'penilai' || who === 'atasanPenilai' || who === 'penilaiUnitLain') roles.push('penilai');
  if (who === 'pengelola' || who === 'pengelolaKantorLain') roles.push('pengelola');
  if (who === 'adminPusat') roles.push('admin_pusat');
  return {
    userId: `user-${who}`,
    employeeId: person.id,
    officeId: who === 'pengelolaKantorLain' || who === 'adminPusat' ? 'kantor-lain' : f.o.officeId,
    nip: person.nip,
    name: who,
    username: null,
    roles: new Set(roles),
    mustChangePassword: false,
    sessionTokenHash: null,
  };
}

beforeAll(() => {
  f = SkpOffice.create();
  const { skpId } = f.draftWithRhk('stafA', 'Tersusunnya laporan kepegawaian');
  const row = f.o.core.q.first(f.o.core.db.selectFrom('skps').select(['employee_id', 'appraiser_employee_id', 'atasan_employee_id', 'office_id']).where('id', '=', skpId));
  if (!row) throw new Error('plan not written');
  plan = row;
});
afterAll(() => {
  f.o.close();
  removeTempDirs();
});

// who: relation, sees the plan (and its realisasi and feedback), reports realisasi, evaluates, posts feedback
const table: [Who, ReturnType<typeof skpRelation>, boolean, boolean, boolean, boolean][] = [
  ['pegawai', 'pegawai', true, true, false, true],
  ['penilai', 'penilai', true, false, true, true],
  ['atasanPenilai', 'atasan_penilai', true, false, false, true],
  ['penilaiUnitLain', null, false, false, false, false],
  ['pegawaiLain', null, false, false, false, false],
  ['pengelola', 'pengelola', true, false, false, false],
  ['pengelolaKantorLain', null, false, false, false, false],
  ['adminPusat', 'pengelola', true, false, false, false],
];

describe('rules on one SKP', () => {
  it('names the parties as the plan header does', () => {
    expect(plan.employee_id).toBe(f.org.people.stafA.id);
    expect(plan.appraiser_employee_id).toBe(f.org.people.kasubbag.id);
    expect(plan.atasan_employee_id).toBe(f.org.people.sekretaris.id);
  });

  it.each(table)('%s: relation %s, sees %s, reports %s, evaluates %s, posts feedback %s', (who, relation, sees, reports, evaluates, posts) => {
    const a = actor(who);
    expect(skpRelation(a, plan)).toBe(relation);
    expect(canSeeSkp(a, plan)).toBe(sees);
    expect(canSeeRealisasi(a, plan)).toBe(sees);
    expect(canSeeFeedback(a, plan)).toBe(sees);
    expect(canReportRealisasi(a, plan)).toBe(reports);
    expect(canEvaluate(a, plan)).toBe(evaluates);
    expect(canPostFeedback(a, plan)).toBe(posts);
  });

  it('gives the owner their own plan even when they are also its office Pengelola', () => {
    const a = actor('pegawai');
    const both = { ...a, roles: new Set<Role>(['pegawai', 'pengelola']) };
    expect(skpRelation(both, plan)).toBe('pegawai');
    expect(canPostFeedback(both, plan)).toBe(true);
    expect(canEvaluate(both, plan)).toBe(false);
  });
});

describe('rules on the office (distribution curve, Capaian Kinerja Organisasi)', () => {
  const on = new Date('2026-01-12T02:00:00.000Z');
  const person = (who: 'kadis' | 'sekretaris' | 'kasubbag' | 'kasi' | 'stafA'): Actor => {
    const p = f.org.people[who];
    return { ...actor('pegawai'), employeeId: p.id, nip: p.nip, roles: new Set<Role>(who === 'stafA' ? ['pegawai'] : ['pegawai', 'penilai']) };
  };

  it.each([
    ['the head of office', () => person('kadis'), true],
    ['the Pengelola Kinerja', () => actor('pengelola'), true],
    ['central HR', () => actor('adminPusat'), true],
    ['the Sekretaris (leads a unit, not the office)', () => person('sekretaris'), false],
    ['an appraiser of a sub-unit', () => person('kasubbag'), false],
    ['a staff member', () => person('stafA'), false],
  ] as const)('the whole office: %s %s', (_who, make, may) => {
    expect(canSeeOfficeDistribution(f.o.core, make(), on)).toBe(may);
  });

  it.each([
    ['the head of office', () => person('kadis'), true],
    ['the Pengelola Kinerja', () => actor('pengelola'), true],
    ['central HR (not the office Pengelola)', () => actor('adminPusat'), false],
    ['the Sekretaris', () => person('sekretaris'), false],
    ['an appraiser', () => person('kasubbag'), false],
  ] as const)('records the organisation rating: %s %s', (_who, make, may) => {
    expect(canSetOrgRating(f.o.core, make(), on)).toBe(may);
  });

  it('shows anyone else one unit: their own or one below it, never a unit beside or above', () => {
    const u = f.org.units;
    expect(visibleDistributionUnit(f.o.core, person('kasubbag'), undefined)).toBe(u.umum);
    expect(visibleDistributionUnit(f.o.core, person('kasubbag'), u.umum)).toBe(u.umum);
    expect(visibleDistributionUnit(f.o.core, person('kasubbag'), u.dikdas)).toBeNull();
    expect(visibleDistributionUnit(f.o.core, person('kasubbag'), u.sekretariat)).toBeNull();
    expect(visibleDistributionUnit(f.o.core, person('sekretaris'), u.umum)).toBe(u.umum);
    expect(visibleDistributionUnit(f.o.core, person('kasi'), u.kurikulum)).toBe(u.kurikulum);
    expect(visibleDistributionUnit(f.o.core, person('kasi'), u.umum)).toBeNull();
    // Staff work in a unit too: distribution.get's roles (pengelola, penilai, admin_pusat) refuse them before this rule.
    expect(visibleDistributionUnit(f.o.core, actor('pegawaiLain'), u.umum)).toBe(u.umum);
    // The guest holds no position: no unit of their own, so no curve.
    expect(visibleDistributionUnit(f.o.core, actor('pengelola'), u.umum)).toBeNull();
  });
});
