import type { PeopleOffice } from './fixture';

/** A valid PNS NIP, unique by `seq` (1-999): born 1985-01-01, TMT CPNS 2010-01. */
export function nip(seq: number, sex: 'L' | 'P' = 'L'): string {
  return `19850101201001${sex === 'L' ? '1' : '2'}${String(seq).padStart(3, '0')}`;
}

export interface SmallOrg {
  units: Record<'sekretariat' | 'umum' | 'dikdas' | 'kurikulum', string>;
  positions: Record<'kadis' | 'sekretaris' | 'kasubbagUmum' | 'stafUmum' | 'kabidDikdas' | 'kasiKurikulum' | 'stafKurikulum', string>;
  people: Record<'kadis' | 'sekretaris' | 'kasubbag' | 'stafA' | 'stafB' | 'kasi' | 'stafC' | 'guest', { id: string; nip: string }>;
}

/**
 * Kadis (head) <- Sekretaris <- Kasubbag Umum <- Staf Umum (2 holders)
 *       ^------- Kabid Dikdas (vacant) <- Kasi Kurikulum <- Staf Kurikulum
 * Everyone assigned from 2026-01-01. The head's own appraiser is the Sekda (office profile).
 */
export function buildSmallOrg(o: PeopleOffice): SmallOrg {
  const a = o.admin;
  const unit = (name: string, kind: 'sekretariat' | 'subbagian' | 'bidang' | 'seksi', parentId?: string) =>
    o.call('org.createUnit', { name, kind, parentId: parentId ?? null }, a).unit.id;
  const sekretariat = unit('Sekretariat', 'sekretariat');
  const umum = unit('Subbagian Umum dan Kepegawaian', 'subbagian', sekretariat);
  const dikdas = unit('Bidang Pendidikan Dasar', 'bidang');
  const kurikulum = unit('Seksi Kurikulum', 'seksi', dikdas);

  const pos = (name: string, type: 'jpt_pratama' | 'administrator' | 'pengawas' | 'pelaksana', unitId: string | null, reportsTo: string | null, isHead = false) =>
    o.call('org.createPosition', { name, type, unitId, reportsToPositionId: reportsTo, isHead }, a).position.id;
  const kadis = pos('Kepala Dinas', 'jpt_pratama', null, null, true);
  const sekretaris = pos('Sekretaris', 'administrator', sekretariat, kadis);
  const kasubbagUmum = pos('Kepala Subbagian Umum dan Kepegawaian', 'pengawas', umum, sekretaris);
  const stafUmum = pos('Pengadministrasi Perkantoran', 'pelaksana', umum, kasubbagUmum);
  const kabidDikdas = pos('Kepala Bidang Pendidikan Dasar', 'administrator', dikdas, kadis);
  const kasiKurikulum = pos('Kepala Seksi Kurikulum', 'pengawas', kurikulum, kabidDikdas);
  const stafKurikulum = pos('Analis Kurikulum', 'pelaksana', kurikulum, kasiKurikulum);

  const office = o.call('org.getOffice', {}, a).office;
  o.call(
    'org.updateOffice',
    {
      version: office.version,
      headAppraiserName: 'Drs. H. Sekda Langsa, M.Si.',
      headAppraiserNip: '19700101 199503 1 002',
      headAppraiserPosition: 'Sekretaris Daerah Kota Langsa',
      headAppraiserSuperiorName: 'Wali Kota Langsa',
      headAppraiserSuperiorPosition: 'Wali Kota Langsa',
    },
    a,
  );

  let seq = 10;
  const person = (name: string, positionId: string | null, sex: 'L' | 'P' = 'L') => {
    const n = nip(++seq, sex);
    const e = o.call(
      'people.create',
      { nip: n, name, kind: 'PNS', status: 'aktif', golongan: 'III/a', ...(positionId ? { assignment: { positionId, startDate: '2026-01-01' } } : {}) },
      a,
    ).employee;
    return { id: e.id, nip: n };
  };
  return {
    units: { sekretariat, umum, dikdas, kurikulum },
    positions: { kadis, sekretaris, kasubbagUmum, stafUmum, kabidDikdas, kasiKurikulum, stafKurikulum },
    people: {
      kadis: person('Teuku Kepala Dinas', kadis),
      sekretaris: person('Cut Sekretaris', sekretaris, 'P'),
      kasubbag: person('Muhammad Kasubbag', kasubbagUmum),
      stafA: person('Nurul Staf A', stafUmum, 'P'),
      stafB: person('Zulkifli Staf B', stafUmum),
      kasi: person('Rahmat Kasi', kasiKurikulum),
      stafC: person('Fitriani Staf C', stafKurikulum, 'P'),
      guest: person('Safrizal Tanpa Jabatan', null),
    },
  };
}
