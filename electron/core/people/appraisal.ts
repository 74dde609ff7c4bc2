import { actingPrefix } from '../../../shared/org/jabatan';
import type { AppraisalChain, ChainBasis, ChainPerson } from '../../../shared/people/commands';
import { formatDateId, localDate } from '../../../shared/people/dates';
import { formatFullName } from '../../../shared/people/names';
import type { AppraisalLink } from '../access';
import type { Core } from '../core';
import { DbChainSource, type AssignmentBrief, type ChainSource, type EmployeeBrief, type OfficeBrief, type PositionBrief } from './source';

/**
 * Who appraises whom (docs/spec/regulation.md §7), for one employee on one date:
 *
 * 1. An explicit override running on that date wins: its appraiser, and its atasan or else the
 *    appraiser's own appraiser.
 * 2. Otherwise start from the employee's own position (the definitive one; an acting one only when
 *    they hold nothing definitively) and walk up `reports_to`. At each step the position's
 *    effective holder counts: an acting holder (Plt/Plh, the most recently appointed) when there
 *    is one, because acting holders are appointed exactly when the definitive holder cannot act;
 *    otherwise the definitive holder. A vacant position, or one held by the employee themself
 *    (a Plt of their own superior's post), is skipped: the appraisal falls back one level up.
 * 3. The first person found is the Pejabat Penilai, the next one the Atasan Pejabat Penilai.
 * 4. Above the office head's position the chain continues outside the office: the head's
 *    appraiser (Sekda) and that person's superior (Wali Kota) from the office profile.
 */
const maxSteps = 64;

export function effectiveHolder(src: Pick<ChainSource, 'assignmentsOfPosition'>, positionId: string, date: string): AssignmentBrief | null {
  const rows = src.assignmentsOfPosition(positionId, date);
  let acting: AssignmentBrief | null = null;
  let definitive: AssignmentBrief | null = null;
  for (const a of rows) {
    if (a.kind === 'definitif') {
      if (!definitive || a.start_date < definitive.start_date || (a.start_date === definitive.start_date && a.id < definitive.id)) definitive = a;
    } else if (!acting || a.start_date > acting.start_date || (a.start_date === acting.start_date && a.id > acting.id)) {
      acting = a;
    }
  }
  return acting ?? definitive;
}

/** The position an employee works in on a date: the definitive one, else an acting one. */
export function primaryAssignment(src: ChainSource, employeeId: string, date: string): AssignmentBrief | null {
  let best: AssignmentBrief | null = null;
  for (const a of src.assignmentsOfEmployee(employeeId, date)) {
    if (!best) best = a;
    else if (a.kind === 'definitif' && best.kind !== 'definitif') best = a;
    else if (a.kind === best.kind && a.start_date > best.start_date) best = a;
  }
  return best;
}

function displayName(e: EmployeeBrief): string {
  return formatFullName(e.front_title, e.name, e.back_title);
}

function holderPerson(src: ChainSource, subjectOffice: string, holder: AssignmentBrief, position: PositionBrief): ChainPerson | null {
  const e = src.employee(holder.employee_id);
  if (!e) return null;
  return {
    employeeId: e.id,
    name: displayName(e),
    nip: e.nip,
    positionName: actingPrefix(holder.kind) + position.name,
    basis: holder.kind,
    outsideOffice: e.office_id !== subjectOffice,
  };
}

function employeePerson(src: ChainSource, subjectOffice: string, employeeId: string, date: string, basis: ChainBasis): ChainPerson | null {
  const e = src.employee(employeeId);
  if (!e) return null;
  const a = primaryAssignment(src, e.id, date);
  const p = a ? src.position(a.position_id) : undefined;
  return {
    employeeId: e.id,
    name: displayName(e),
    nip: e.nip,
    positionName: a && p ? actingPrefix(a.kind) + p.name : null,
    basis,
    outsideOffice: e.office_id !== subjectOffice,
  };
}

function externalPeople(office: OfficeBrief, need: number, notes: string[]): ChainPerson[] {
  const out: ChainPerson[] = [];
  if (!office.head_appraiser_name) {
    notes.push('Pejabat penilai kepala instansi (misalnya Sekretaris Daerah) belum diisi di profil instansi.');
    return out;
  }
  out.push({
    employeeId: null,
    name: office.head_appraiser_name,
    nip: office.head_appraiser_nip,
    positionName: office.head_appraiser_position,
    basis: 'luar_instansi',
    outsideOffice: true,
  });
  if (need > 1 && office.head_appraiser_superior_name) {
    out.push({
      employeeId: null,
      name: office.head_appraiser_superior_name,
      nip: office.head_appraiser_superior_nip,
      positionName: office.head_appraiser_superior_position,
      basis: 'luar_instansi',
      outsideOffice: true,
    });
  }
  return out;
}

/** The people above a position, nearest first, skipping vacancies and the people in `skip`. */
function walkUp(src: ChainSource, office: OfficeBrief | undefined, start: PositionBrief, skip: Set<string>, date: string, need: number, notes: string[]): ChainPerson[] {
  const found: ChainPerson[] = [];
  const visited = new Set<string>([start.id]);
  let cur = start;
  for (let step = 0; step < maxSteps && found.length < need; step++) {
    if (!cur.reports_to_position_id) {
      if (office && cur.id === office.head_position_id) {
        found.push(...externalPeople(office, need - found.length, notes));
      } else {
        notes.push(`Jabatan ${cur.name} belum memiliki jabatan atasan; lengkapi di menu Jabatan.`);
      }
      break;
    }
    const parent = src.position(cur.reports_to_position_id);
    if (!parent || visited.has(parent.id)) {
      notes.push(`Jabatan atasan dari ${cur.name} tidak ditemukan; periksa menu Jabatan.`);
      break;
    }
    visited.add(parent.id);
    const holder = effectiveHolder(src, parent.id, date);
    if (!holder) {
      notes.push(`Jabatan ${parent.name} kosong pada ${formatDateId(date)}; penilaian naik satu tingkat.`);
    } else if (skip.has(holder.employee_id)) {
      notes.push(`Jabatan ${parent.name} dipegang (${actingPrefix(holder.kind).trim() || 'definitif'}) oleh pegawai yang sudah ada dalam rantai ini; penilaian naik satu tingkat.`);
    } else {
      const person = holderPerson(src, start.office_id, holder, parent);
      if (person) {
        found.push(person);
        skip.add(holder.employee_id);
        if (holder.kind !== 'definitif' && found.length === 1) {
          notes.push(`${actingPrefix(holder.kind).trim()} ${parent.name} menjadi Pejabat Penilai selama penugasannya.`);
        }
      }
    }
    cur = parent;
  }
  return found;
}

export function resolveChain(src: ChainSource, employeeId: string, date: string, depth = 0): AppraisalChain {
  const notes: string[] = [];
  const subject = src.employee(employeeId);
  const chain: AppraisalChain = { date, employeeId, position: null, appraiser: null, atasan: null, overrideId: null, notes };
  if (!subject) {
    notes.push('Pegawai tidak ditemukan.');
    return chain;
  }
  const office = src.office(subject.office_id);
  const primary = primaryAssignment(src, employeeId, date);
  const position = primary ? src.position(primary.position_id) : undefined;
  if (primary && position) {
    chain.position = { id: position.id, name: actingPrefix(primary.kind) + position.name, unitName: src.unitName(position.unit_id), kind: primary.kind };
  }

  const override = src.overrideOf(employeeId, date);
  if (override) {
    chain.overrideId = override.id;
    chain.appraiser = employeePerson(src, subject.office_id, override.appraiser_employee_id, date, 'override');
    const until = override.end_date ? ` sampai ${formatDateId(override.end_date)}` : '';
    notes.push(`Pejabat Penilai ditetapkan khusus sejak ${formatDateId(override.start_date)}${until}. Alasan: ${override.reason}`);
    if (override.atasan_employee_id) {
      chain.atasan = employeePerson(src, subject.office_id, override.atasan_employee_id, date, 'override');
    } else if (depth < 3) {
      // One level further up from the appraiser named: the appraiser's own appraiser.
      const above = resolveChain(src, override.appraiser_employee_id, date, depth + 1);
      chain.atasan =
        [above.appraiser, above.atasan].find((p) => p && p.employeeId !== employeeId && p.employeeId !== override.appraiser_employee_id) ?? null;
    }
    return chain;
  }

  if (!primary || !position) {
    notes.push(`Pegawai tidak memegang jabatan pada ${formatDateId(date)}, sehingga pejabat penilainya tidak dapat ditentukan.`);
    return chain;
  }
  const found = walkUp(src, office, position, new Set([employeeId]), date, 2, notes);
  chain.appraiser = found[0] ?? null;
  chain.atasan = found[1] ?? null;
  return chain;
}

/** The chain on a date, reading from the database. */
export function appraisalChain(core: Core, employeeId: string, date: string): AppraisalChain {
  return resolveChain(new DbChainSource(core), employeeId, date);
}

/** Whether `viewer` appraises `employeeId` (or is the appraiser's superior) on a day. */
export function appraisalLinkOf(core: Core, viewerEmployeeId: string, employeeId: string, on: Date): AppraisalLink | null {
  if (viewerEmployeeId === employeeId) return null;
  const chain = appraisalChain(core, employeeId, localDate(on));
  if (chain.appraiser?.employeeId === viewerEmployeeId) return 'penilai';
  if (chain.atasan?.employeeId === viewerEmployeeId) return 'atasan_penilai';
  return null;
}

export interface Appraisee {
  employeeId: string;
  link: AppraisalLink;
}

/**
 * Whom someone appraises (or is atasan for) on a date. Candidates come from overrides naming them
 * and from the positions below the positions they effectively hold (through vacancies, which fall
 * back to them); every candidate is then confirmed by resolving its own chain, so the answer is
 * exactly what `resolveChain` says. `firstOnly` stops at the first appraisee (the derived role).
 */
export function appraiseesOf(core: Core, viewerEmployeeId: string, date: string, options: { firstOnly?: boolean; limit?: number } = {}): Appraisee[] {
  const src = new DbChainSource(core);
  const out: Appraisee[] = [];
  const checked = new Set<string>([viewerEmployeeId]);
  const limit = options.limit ?? 2000;
  const confirm = (candidate: string): boolean => {
    if (checked.has(candidate)) return false;
    checked.add(candidate);
    const chain = resolveChain(src, candidate, date);
    if (chain.appraiser?.employeeId === viewerEmployeeId) out.push({ employeeId: candidate, link: 'penilai' });
    else if (!options.firstOnly && chain.atasan?.employeeId === viewerEmployeeId) out.push({ employeeId: candidate, link: 'atasan_penilai' });
    else return false;
    return true;
  };
  const done = () => (options.firstOnly && out.length > 0) || out.length >= limit || checked.size > limit * 4;

  for (const o of src.overridesNaming(viewerEmployeeId, date)) {
    confirm(o.employee_id);
    if (done()) return out;
  }
  // Breadth-first below each position the viewer effectively holds. `depth` counts held levels
  // passed: the atasan sits two held levels above, so candidates stop after two.
  const queue: { position: PositionBrief; depth: number }[] = [];
  const seenPositions = new Set<string>();
  for (const a of src.assignmentsOfEmployee(viewerEmployeeId, date)) {
    const holder = effectiveHolder(src, a.position_id, date);
    const p = src.position(a.position_id);
    if (p && holder?.employee_id === viewerEmployeeId && !seenPositions.has(p.id)) {
      seenPositions.add(p.id);
      queue.push({ position: p, depth: 0 });
    }
  }
  const maxDepth = options.firstOnly ? 1 : 2;
  while (queue.length > 0 && !done()) {
    const { position, depth } = queue.shift()!;
    for (const child of src.childPositions(position.id)) {
      if (seenPositions.has(child.id)) continue;
      seenPositions.add(child.id);
      const holders = src.assignmentsOfPosition(child.id, date);
      for (const h of holders) {
        confirm(h.employee_id);
        if (done()) return out;
      }
      const holder = effectiveHolder(src, child.id, date);
      const passes = !holder || holder.employee_id === viewerEmployeeId;
      const nextDepth = passes ? depth : depth + 1;
      if (nextDepth < maxDepth) queue.push({ position: child, depth: nextDepth });
    }
  }
  return out;
}
