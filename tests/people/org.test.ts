import { afterEach, describe, expect, it } from 'vitest';
import { PeopleOffice, removeTempDirs } from './fixture';
import { buildSmallOrg, nip } from './org-fixture';

let office: PeopleOffice;

afterEach(() => {
  office?.close();
  removeTempDirs();
});

describe('units and positions', () => {
  it('lists the tree with heads and counts, and the positions with holders', () => {
    office = PeopleOffice.create();
    const org = buildSmallOrg(office);
    const units = office.call('org.listUnits', { date: '2026-03-02' }, office.admin).units;
    expect(units.map((u) => u.name)).toEqual(['Sekretariat', 'Bidang Pendidikan Dasar', 'Subbagian Umum dan Kepegawaian', 'Seksi Kurikulum']);
    const umum = units.find((u) => u.id === org.units.umum)!;
    expect(umum).toMatchObject({ parentId: org.units.sekretariat, headPositionName: 'Kepala Subbagian Umum dan Kepegawaian', headName: 'Muhammad Kasubbag', employeeCount: 3 });
    expect(units.find((u) => u.id === org.units.dikdas)).toMatchObject({ headName: null, employeeCount: 0 });
    const positions = office.call('org.listPositions', { date: '2026-03-02' }, office.admin).positions;
    expect(positions[0]).toMatchObject({ name: 'Kepala Dinas', isHead: true, unitId: null });
    expect(positions.find((p) => p.id === org.positions.stafUmum)).toMatchObject({ holderCount: 2, reportsToName: 'Kepala Subbagian Umum dan Kepegawaian' });
    const office0 = office.call('org.getOffice', {}, office.admin).office;
    expect(office0).toMatchObject({ headPositionName: 'Kepala Dinas', head: { name: 'Teuku Kepala Dinas', kind: 'definitif' } });
  });

  it('refuses cycles, duplicates, wrong type/level and removing what is in use, with Indonesian field errors', () => {
    office = PeopleOffice.create();
    const org = buildSmallOrg(office);
    const a = office.admin;
    const sek = office.call('org.listUnits', {}, a).units.find((u) => u.id === org.units.sekretariat)!;
    expect(office.fail('org.updateUnit', { id: sek.id, version: sek.version, parentId: org.units.umum }, a).fields?.parentId).toMatch(/sub-unitnya/);
    expect(office.fail('org.createUnit', { name: 'Subbagian Umum dan Kepegawaian', kind: 'subbagian', parentId: org.units.sekretariat }, a).fields?.name).toMatch(/sudah ada/i);
    expect(office.fail('org.createUnit', { name: 'AB', kind: 'seksi' }, a).fields?.name).toMatch(/minimal 3/);
    expect(office.fail('org.removeUnit', { id: sek.id, version: sek.version }, a).message).toMatch(/masih memiliki 1 sub-unit dan 1 jabatan/);

    const kadis = office.call('org.listPositions', {}, a).positions.find((p) => p.id === org.positions.kadis)!;
    expect(office.fail('org.updatePosition', { id: kadis.id, version: kadis.version, reportsToPositionId: org.positions.kasubbagUmum, isHead: false }, a).fields?.reportsToPositionId).toMatch(
      /bawahannya/,
    );
    expect(office.fail('org.createPosition', { name: 'Guru Ahli', type: 'fungsional_keahlian' }, a).fields?.level).toMatch(/Pilih jenjang/);
    expect(office.fail('org.createPosition', { name: 'Staf Ahli', type: 'pelaksana', level: 'ahli_muda' }, a).fields?.level).toMatch(/tidak memiliki jenjang/);
    // Staff positions held by two people cannot be someone's superior.
    expect(office.fail('org.createPosition', { name: 'Magang', type: 'pelaksana', reportsToPositionId: org.positions.stafUmum }, a).fields?.reportsToPositionId).toMatch(
      /lebih dari satu orang/,
    );
    const staf = office.call('org.listPositions', {}, a).positions.find((p) => p.id === org.positions.stafUmum)!;
    expect(office.fail('org.removePosition', { id: staf.id, version: staf.version }, a).message).toMatch(/masih dipegang 2 orang/);
    expect(office.fail('org.updatePosition', { id: staf.id, version: staf.version - 1, name: 'Nama Baru' }, a).code).toBe('CONFLICT');
  });

  it('assignments: one definitive holder for a leader post; Plt/Plh only for leader posts; history is never rewritten', () => {
    office = PeopleOffice.create();
    const org = buildSmallOrg(office);
    const a = office.admin;
    const taken = office.fail('people.assign', { employeeId: org.people.stafB.id, positionId: org.positions.kasubbagUmum, startDate: '2026-03-01', endPrevious: false }, a);
    expect(taken.message).toMatch(/dipegang secara definitif oleh Muhammad Kasubbag/);
    const pltStaff = office.fail('people.assign', { employeeId: org.people.kasi.id, positionId: org.positions.stafUmum, kind: 'plt', startDate: '2026-03-01' }, a);
    expect(pltStaff.fields?.kind).toMatch(/hanya untuk jabatan pimpinan/);

    const own = office.call('people.get', { id: org.people.stafB.id }, a).assignments[0]!;
    const ended = office.call('people.endAssignment', { id: own.id, version: own.version, endDate: '2026-04-30' }, a).assignment;
    expect(ended).toMatchObject({ endDate: '2026-04-30' });
    expect(office.fail('people.endAssignment', { id: own.id, version: ended.version, endDate: '2026-05-31' }, a).message).toMatch(/sudah berakhir/);

    const wrong = office.call('people.assign', { employeeId: org.people.guest.id, positionId: org.positions.stafKurikulum, startDate: '2026-03-01' }, a).assignment;
    office.call('people.cancelAssignment', { id: wrong.id, version: wrong.version, reason: 'Salah pilih pegawai' }, a);
    const history = office.call('people.get', { id: org.people.guest.id }, a).history.map((h) => h.summary);
    expect(history[0]).toMatch(/dibatalkan: Salah pilih pegawai/);
  });

  it('employees: field-level Indonesian errors, NIP unique across the database, version conflicts', () => {
    office = PeopleOffice.create();
    const org = buildSmallOrg(office);
    const a = office.admin;
    const bad = office.fail('people.create', { nip: '19850101 201013 1 001', name: 'X', sex: 'P', email: 'bukan', golongan: 'IX' }, a);
    expect(bad.code).toBe('VALIDATION');
    // Every wrong field at once, so a form can mark them all.
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['email', 'golongan', 'name', 'nip']);
    const sex = office.fail('people.create', { nip: nip(950), name: 'Pegawai Baru', sex: 'P' }, a);
    expect(sex.fields?.sex).toMatch(/angka ke-15 NIP adalah 1/);
    const dup = office.fail('people.create', { nip: org.people.stafA.nip, name: 'Pegawai Ganda' }, a);
    expect(dup.fields?.nip).toMatch(/sudah terdaftar untuk Nurul Staf A/);

    const created = office.call('people.create', { nip: nip(951), name: 'Pegawai Baru', frontTitle: 'Dr.', backTitle: 'S.Pd., M.Pd.', golongan: '3c', kind: 'PNS' }, a).employee;
    expect(created).toMatchObject({ fullName: 'Dr. Pegawai Baru, S.Pd., M.Pd.', golongan: 'III/c', pangkat: 'Penata', sex: 'L', birthDate: '1985-01-01', status: 'aktif' });
    const updated = office.call('people.update', { id: created.id, version: created.version, golongan: 'III/d' }, a).employee;
    expect(updated.version).toBe(created.version + 1);
    expect(office.fail('people.update', { id: created.id, version: created.version, golongan: 'IV/a' }, a).code).toBe('CONFLICT');
    const ppkMismatch = office.fail('people.update', { id: created.id, version: updated.version, kind: 'PPPK' }, a);
    expect(ppkMismatch.fields?.golongan).toMatch(/bukan golongan PPPK/);
  });
});
