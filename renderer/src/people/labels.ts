import type { AssignmentKind } from '../../../shared/org/jabatan';
import type { ChainBasis, ProblemKind } from '../../../shared/people/commands';
import type { EmployeeStatus } from '../../../shared/people/fields';
import { pnsGolongan, pppkGolongan } from '../../../shared/people/golongan';
import type { MessageKey } from '../i18n/catalog';

export const statusKeys: Record<EmployeeStatus, MessageKey> = {
  aktif: 'people.status.aktif',
  cuti: 'people.status.cuti',
  pindah: 'people.status.pindah',
  pensiun: 'people.status.pensiun',
};

export const statusColors: Record<EmployeeStatus, string> = { aktif: 'teal', cuti: 'yellow', pindah: 'gray', pensiun: 'gray' };

export const assignmentKindKeys: Record<AssignmentKind, MessageKey> = {
  definitif: 'people.assignmentKind.definitif',
  plt: 'people.assignmentKind.plt',
  plh: 'people.assignmentKind.plh',
};

export const stateKeys: Record<'berjalan' | 'selesai' | 'akan_datang', MessageKey> = {
  berjalan: 'people.state.berjalan',
  selesai: 'people.state.selesai',
  akan_datang: 'people.state.akan_datang',
};

export const stateColors = { berjalan: 'teal', selesai: 'gray', akan_datang: 'blue' } as const;

export const basisKeys: Record<ChainBasis, MessageKey> = {
  definitif: 'people.chain.basis.definitif',
  plt: 'people.chain.basis.plt',
  plh: 'people.chain.basis.plh',
  override: 'people.chain.basis.override',
  luar_instansi: 'people.chain.basis.luar_instansi',
};

export const problemKeys: Record<ProblemKind, MessageKey> = {
  tanpa_jabatan: 'people.problems.kind.tanpa_jabatan',
  tanpa_penilai: 'people.problems.kind.tanpa_penilai',
  penilai_luar_kantor: 'people.problems.kind.penilai_luar_kantor',
  penilai_tidak_aktif: 'people.problems.kind.penilai_tidak_aktif',
  tanpa_atasan_penilai: 'people.problems.kind.tanpa_atasan_penilai',
};

export const problemColors: Record<ProblemKind, string> = {
  tanpa_jabatan: 'orange',
  tanpa_penilai: 'red',
  penilai_luar_kantor: 'grape',
  penilai_tidak_aktif: 'red',
  tanpa_atasan_penilai: 'yellow',
};

/** Grade options with pangkat names, grouped by kind, as the filter and forms show them. */
export const golonganGroups = [
  { group: 'PNS', items: pnsGolongan.map((g) => ({ value: g.code, label: `${g.code} - ${g.pangkat}` })) },
  { group: 'PPPK', items: pppkGolongan.map((g) => ({ value: g.code, label: `PPPK ${g.code}` })) },
];

export function golonganOptions(kind: 'PNS' | 'PPPK') {
  return (kind === 'PNS' ? golonganGroups[0]! : golonganGroups[1]!).items;
}

export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
