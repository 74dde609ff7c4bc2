import { afterEach, describe, expect, it } from 'vitest';
import { PeopleOffice, removeTempDirs } from './fixture';
import { buildSmallOrg, type SmallOrg } from './org-fixture';

let office: PeopleOffice;
let org: SmallOrg;

function setup(): void {
  office = PeopleOffice.create('2026-03-02T02:00:00.000Z');
  org = buildSmallOrg(office);
}

afterEach(() => {
  office?.close();
  removeTempDirs();
});

function chain(employeeId: string, date: string) {
  return office.call('people.appraisalChain', { employeeId, date }, office.admin);
}

describe('appraisal chain from the position tree', () => {
  it('the holder of the superior position appraises; one level further up is the atasan', () => {
    setup();
    const c = chain(org.people.stafA.id, '2026-03-15');
    expect(c.position?.name).toBe('Pengadministrasi Perkantoran');
    expect(c.appraiser).toMatchObject({ employeeId: org.people.kasubbag.id, basis: 'definitif', positionName: 'Kepala Subbagian Umum dan Kepegawaian' });
    expect(c.atasan).toMatchObject({ employeeId: org.people.sekretaris.id, basis: 'definitif' });

    const sek = chain(org.people.sekretaris.id, '2026-03-15');
    expect(sek.appraiser?.employeeId).toBe(org.people.kadis.id);
    // Above the head of office the chain continues outside it, from the office profile.
    expect(sek.atasan).toMatchObject({ employeeId: null, name: 'Drs. H. Sekda Langsa, M.Si.', basis: 'luar_instansi', outsideOffice: true });

    const head = chain(org.people.kadis.id, '2026-03-15');
    expect(head.appraiser?.positionName).toBe('Sekretaris Daerah Kota Langsa');
    expect(head.atasan?.name).toBe('Wali Kota Langsa');
  });

  it('a vacant superior position falls back one level up', () => {
    setup();
    // Kabid Dikdas is vacant: the Kasi is appraised by the Kadis, the atasan is the Sekda.
    const c = chain(org.people.kasi.id, '2026-03-15');
    expect(c.appraiser?.employeeId).toBe(org.people.kadis.id);
    expect(c.atasan?.basis).toBe('luar_instansi');
    expect(c.notes.join(' ')).toMatch(/Kepala Bidang Pendidikan Dasar kosong/);
    // Staff below the Kasi keep the Kasi, and the vacancy moves their atasan up to the Kadis.
    const staf = chain(org.people.stafC.id, '2026-03-15');
    expect(staf.appraiser?.employeeId).toBe(org.people.kasi.id);
    expect(staf.atasan?.employeeId).toBe(org.people.kadis.id);
  });

  it('an acting holder (Plt) of a vacant position appraises during the assignment only', () => {
    setup();
    office.call(
      'people.assign',
      { employeeId: org.people.sekretaris.id, positionId: org.positions.kabidDikdas, kind: 'plt', startDate: '2026-04-01', endDate: '2026-06-30' },
      office.admin,
    );
    expect(chain(org.people.kasi.id, '2026-03-31').appraiser?.employeeId).toBe(org.people.kadis.id);
    const during = chain(org.people.kasi.id, '2026-05-01');
    expect(during.appraiser).toMatchObject({ employeeId: org.people.sekretaris.id, basis: 'plt', positionName: 'Plt. Kepala Bidang Pendidikan Dasar' });
    expect(during.atasan?.employeeId).toBe(org.people.kadis.id);
    expect(chain(org.people.kasi.id, '2026-07-01').appraiser?.employeeId).toBe(org.people.kadis.id);
    // Her own definitive position is unchanged: she is still appraised as Sekretaris.
    expect(chain(org.people.sekretaris.id, '2026-05-01').position?.name).toBe('Sekretaris');
  });

  it('a Plh acts instead of a definitive holder who is away, for the Plh dates', () => {
    setup();
    office.call(
      'people.assign',
      { employeeId: org.people.stafB.id, positionId: org.positions.kasubbagUmum, kind: 'plh', startDate: '2026-05-04', endDate: '2026-05-15' },
      office.admin,
    );
    expect(chain(org.people.stafA.id, '2026-05-10').appraiser).toMatchObject({ employeeId: org.people.stafB.id, basis: 'plh' });
    expect(chain(org.people.stafA.id, '2026-05-16').appraiser?.employeeId).toBe(org.people.kasubbag.id);
    // The Plh cannot appraise himself: for him the chain goes one level up.
    const self = chain(org.people.stafB.id, '2026-05-10');
    expect(self.appraiser?.employeeId).toBe(org.people.sekretaris.id);
    expect(self.notes.join(' ')).toMatch(/naik satu tingkat/);
  });

  it('a mid-year transfer changes the appraiser from the transfer date; history is kept', () => {
    setup();
    const r = office.call(
      'people.assign',
      { employeeId: org.people.stafA.id, positionId: org.positions.stafKurikulum, kind: 'definitif', startDate: '2026-07-01' },
      office.admin,
    );
    expect(r.endedAssignmentId).not.toBeNull();
    expect(chain(org.people.stafA.id, '2026-06-30').appraiser?.employeeId).toBe(org.people.kasubbag.id);
    expect(chain(org.people.stafA.id, '2026-07-01').appraiser?.employeeId).toBe(org.people.kasi.id);
    const detail = office.call('people.get', { id: org.people.stafA.id, date: '2026-09-15' }, office.admin);
    expect(detail.assignments.map((a) => [a.positionName, a.startDate, a.endDate, a.state])).toEqual([
      ['Analis Kurikulum', '2026-07-01', null, 'berjalan'],
      ['Pengadministrasi Perkantoran', '2026-01-01', '2026-06-30', 'selesai'],
    ]);
    expect(detail.history.map((h) => h.summary).join('\n')).toMatch(/berakhir 30 Juni 2026/);
  });

  it('an explicit override wins for its dates, with its reason, and its atasan defaults to the appraiser\'s appraiser', () => {
    setup();
    const o = office.call(
      'people.setOverride',
      {
        employeeId: org.people.stafB.id,
        appraiserEmployeeId: org.people.kasi.id,
        startDate: '2026-02-01',
        endDate: '2026-12-31',
        reason: 'Diperbantukan pada Seksi Kurikulum selama tahun 2026',
      },
      office.admin,
    ).override;
    const c = chain(org.people.stafB.id, '2026-03-15');
    expect(c.overrideId).toBe(o.id);
    expect(c.appraiser).toMatchObject({ employeeId: org.people.kasi.id, basis: 'override' });
    expect(c.atasan?.employeeId).toBe(org.people.kadis.id);
    expect(c.notes.join(' ')).toMatch(/Diperbantukan/);
    expect(chain(org.people.stafB.id, '2026-01-15').appraiser?.employeeId).toBe(org.people.kasubbag.id);

    // An explicit atasan is used as given; a second override replaces the running open one.
    const second = office.call(
      'people.setOverride',
      {
        employeeId: org.people.stafC.id,
        appraiserEmployeeId: org.people.kasubbag.id,
        atasanEmployeeId: org.people.kadis.id,
        startDate: '2026-03-01',
        reason: 'Penugasan khusus pada Subbagian Umum',
      },
      office.admin,
    );
    expect(second.endedOverrideId).toBeNull();
    const c2 = chain(org.people.stafC.id, '2026-03-15');
    expect(c2.appraiser?.employeeId).toBe(org.people.kasubbag.id);
    expect(c2.atasan?.employeeId).toBe(org.people.kadis.id);
    const third = office.call(
      'people.setOverride',
      { employeeId: org.people.stafC.id, appraiserEmployeeId: org.people.sekretaris.id, startDate: '2026-06-01', reason: 'Pindah penugasan ke Sekretariat' },
      office.admin,
    );
    expect(third.endedOverrideId).toBe(second.override.id);
    expect(chain(org.people.stafC.id, '2026-05-31').appraiser?.employeeId).toBe(org.people.kasubbag.id);
    expect(chain(org.people.stafC.id, '2026-06-01').appraiser?.employeeId).toBe(org.people.sekretaris.id);

    // Removing it returns to the tree.
    const current = office.call('people.get', { id: org.people.stafB.id }, office.admin).overrides[0]!;
    office.call('people.removeOverride', { id: current.id, version: current.version }, office.admin);
    expect(chain(org.people.stafB.id, '2026-03-15').appraiser?.employeeId).toBe(org.people.kasubbag.id);
  });

  it('refuses overlapping overrides and self-appraisal with Indonesian messages', () => {
    setup();
    const self = office.fail(
      'people.setOverride',
      { employeeId: org.people.stafB.id, appraiserEmployeeId: org.people.stafB.id, startDate: '2026-02-01', reason: 'Alasan yang cukup panjang' },
      office.admin,
    );
    expect(self.code).toBe('VALIDATION');
    expect(self.fields?.appraiserEmployeeId).toMatch(/dirinya sendiri/);
    office.call(
      'people.setOverride',
      { employeeId: org.people.stafB.id, appraiserEmployeeId: org.people.kasi.id, startDate: '2026-02-01', endDate: '2026-04-30', reason: 'Alasan yang cukup panjang' },
      office.admin,
    );
    const overlap = office.fail(
      'people.setOverride',
      { employeeId: org.people.stafB.id, appraiserEmployeeId: org.people.kadis.id, startDate: '2026-04-01', reason: 'Alasan yang cukup panjang' },
      office.admin,
    );
    expect(overlap.code).toBe('RULE_VIOLATION');
    expect(overlap.message).toMatch(/bertumpang tindih/);
  });

  it('problems list: no position, no appraiser, appraiser gone', () => {
    setup();
    const p = office.call('people.problems', { date: '2026-03-15' }, office.admin);
    const kinds = (id: string) => p.items.filter((i) => i.employeeId === id).map((i) => i.kind);
    expect(kinds(org.people.guest.id)).toEqual(['tanpa_jabatan']);
    expect(kinds(org.people.stafA.id)).toEqual([]);
    // The admin created by setup holds no position yet.
    expect(p.counts.tanpa_jabatan).toBe(2);

    // A Kasubbag who retires ends his assignment: his staff fall back to the Sekretaris.
    const k = office.call('people.get', { id: org.people.kasubbag.id }, office.admin).employee;
    const upd = office.call('people.update', { id: k.id, version: k.version, status: 'pensiun' }, office.admin);
    expect(upd.endedAssignments).toBe(1);
    expect(chain(org.people.stafA.id, '2026-03-03').appraiser?.employeeId).toBe(org.people.sekretaris.id);

    // Without the head's appraiser in the profile, the head has none.
    const office0 = office.call('org.getOffice', {}, office.admin).office;
    office.call('org.updateOffice', { version: office0.version, headAppraiserName: null, headAppraiserSuperiorName: null }, office.admin);
    const p2 = office.call('people.problems', { date: '2026-03-15' }, office.admin);
    const head = p2.items.find((i) => i.employeeId === org.people.kadis.id);
    expect(head?.kind).toBe('tanpa_penilai');
    expect(head?.reason).toMatch(/profil instansi/);
  });

  it('appraisers get the derived role penilai and can read their appraisees, not others', () => {
    setup();
    office.setDate('2026-03-15');
    const kasi = office.account(org.people.kasi.id, org.people.kasi.nip);
    const stafA = office.account(org.people.stafA.id, org.people.stafA.nip);
    expect(office.call('auth.me', {}, kasi).user?.roles).toContain('penilai');
    expect(office.call('auth.me', {}, stafA).user?.roles).not.toContain('penilai');
    expect(office.call('people.get', { id: org.people.stafC.id }, kasi).employee.id).toBe(org.people.stafC.id);
    expect(office.fail('people.get', { id: org.people.stafA.id }, kasi).code).toBe('FORBIDDEN');
    // The Kadis is atasan of the Kasi's staff (the Kabid post is vacant) and sees them too.
    const kadis = office.account(org.people.kadis.id, org.people.kadis.nip);
    const got = office.call('people.get', { id: org.people.kadis.id }, kadis);
    expect(got.appraisees.map((a) => [a.name, a.link])).toEqual(
      expect.arrayContaining([
        ['Cut Sekretaris', 'penilai'],
        ['Rahmat Kasi', 'penilai'],
        ['Fitriani Staf C', 'atasan_penilai'],
        ['Muhammad Kasubbag', 'atasan_penilai'],
      ]),
    );
    expect(office.call('people.get', { id: org.people.stafC.id }, kadis).canEdit).toBe(false);
  });
});
