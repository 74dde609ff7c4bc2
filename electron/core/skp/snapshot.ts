import { actingPrefix } from '../../../shared/org/jabatan';
import { findGolongan } from '../../../shared/people/golongan';
import { formatFullName } from '../../../shared/people/names';
import type { PersonSnapshot } from '../../../shared/skp/commands';
import type { Core } from '../core';
import type { SkpsTable } from '../db/schema';
import { primaryAssignment, resolveChain } from '../people/appraisal';
import { DbChainSource, type ChainSource } from '../people/source';
import { employeeGolongan } from './queries';

/** "Penata Muda Tingkat I, III/b" as the SKP header prints it; PPPK grades as they are. */
export function pangkatGolongan(code: string | null | undefined): string | null {
  if (!code) return null;
  const g = findGolongan(code);
  if (!g) return code;
  return g.pangkat ? `${g.pangkat}, ${g.code}` : g.code;
}

export type PersonOn = PersonSnapshot & { positionId: string | null; assignmentId: string | null; positionType: string | null };

/**
 * One person as they stand on a date: name with titles, grade, position (with Plt/Plh), unit.
 * `src` may be an `OfficeSnapshot` when a whole office is processed at once.
 */
export function personOn(core: Core, employeeId: string, date: string, src: ChainSource = new DbChainSource(core)): PersonOn | null {
  const e = src.employee(employeeId);
  if (!e) return null;
  const grade =
    e.golongan !== undefined ? { golongan: e.golongan } : employeeGolongan(core, employeeId);
  const a = primaryAssignment(src, employeeId, date);
  const p = a ? src.position(a.position_id) : undefined;
  return {
    employeeId: e.id,
    name: formatFullName(e.front_title, e.name, e.back_title),
    nip: e.nip,
    golongan: pangkatGolongan(grade?.golongan),
    position: p && a ? actingPrefix(a.kind) + p.name : null,
    unit: p ? src.unitName(p.unit_id) : null,
    positionId: p?.id ?? null,
    assignmentId: a?.id ?? null,
    positionType: p?.type ?? null,
  };
}

type HeaderColumns = Pick<
  SkpsTable,
  | 'office_name'
  | 'employee_name'
  | 'employee_nip'
  | 'employee_golongan'
  | 'employee_position'
  | 'employee_unit'
  | 'appraiser_employee_id'
  | 'appraiser_name'
  | 'appraiser_nip'
  | 'appraiser_golongan'
  | 'appraiser_position'
  | 'appraiser_unit'
  | 'atasan_employee_id'
  | 'atasan_name'
  | 'atasan_nip'
  | 'atasan_golongan'
  | 'atasan_position'
  | 'atasan_unit'
>;

/**
 * The SKP header as of a date: the employee, the appraiser and the appraiser's superior from the
 * appraisal chain. Stored on the SKP, so a later promotion or transfer never rewrites a signed plan.
 * People outside the office (the Sekda for a kepala dinas) come from the office profile.
 */
export function headerSnapshot(core: Core, officeId: string, employeeId: string, date: string, src: ChainSource = new DbChainSource(core)): HeaderColumns {
  const office = src.office(officeId);
  const me = personOn(core, employeeId, date, src);
  const chain = resolveChain(src, employeeId, date);
  const other = (p: typeof chain.appraiser) => {
    if (!p) return null;
    if (p.employeeId) {
      const s = personOn(core, p.employeeId, date, src);
      if (s) return { ...s, position: p.positionName ?? s.position };
    }
    return { employeeId: null, name: p.name, nip: p.nip, golongan: null, position: p.positionName, unit: null };
  };
  const appraiser = other(chain.appraiser);
  const atasan = other(chain.atasan);
  return {
    office_name: office?.name ?? '',
    employee_name: me?.name ?? '',
    employee_nip: me?.nip ?? '',
    employee_golongan: me?.golongan ?? null,
    employee_position: me?.position ?? null,
    employee_unit: me?.unit ?? null,
    appraiser_employee_id: appraiser?.employeeId ?? null,
    appraiser_name: appraiser?.name ?? null,
    appraiser_nip: appraiser?.nip ?? null,
    appraiser_golongan: appraiser?.golongan ?? null,
    appraiser_position: appraiser?.position ?? null,
    appraiser_unit: appraiser?.unit ?? null,
    atasan_employee_id: atasan?.employeeId ?? null,
    atasan_name: atasan?.name ?? null,
    atasan_nip: atasan?.nip ?? null,
    atasan_golongan: atasan?.golongan ?? null,
    atasan_position: atasan?.position ?? null,
    atasan_unit: atasan?.unit ?? null,
  };
}
