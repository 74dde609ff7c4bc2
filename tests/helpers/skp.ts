import type { CommandInput } from '../../shared/commands';
import type { Office, OfficeUser, Session } from './office';
import { createUserWithRoles } from './users';

export interface TeamMember extends OfficeUser {
  session: Session;
  positionId: string;
}

/**
 * The smallest appraisal chain: the office head (JPT Pratama, head position) appraises one staff
 * member (Pelaksana reporting to the head). Both hold their positions since 2020-01-01 and are
 * signed in. The head's own appraiser is outside the office (the Sekda, from the office profile).
 */
export interface SkpTeam {
  head: TeamMember;
  staff: TeamMember;
}

const teams = new WeakMap<Office, SkpTeam>();

/** One team per office (creating accounts costs scrypt hashes); built on first use. */
export function skpTeam(office: Office): SkpTeam {
  let team = teams.get(office);
  if (team) return team;
  const headPosition = office.asAdmin('org.createPosition', { name: 'Kepala Dinas', type: 'jpt_pratama', isHead: true }).position;
  const staffPosition = office.asAdmin('org.createPosition', {
    name: 'Pengadministrasi Perkantoran',
    type: 'pelaksana',
    reportsToPositionId: headPosition.id,
  }).position;
  const member = (name: string, positionId: string): TeamMember => {
    const user = createUserWithRoles(office, ['pegawai'], { name, assignment: { positionId, startDate: '2020-01-01' } });
    return { ...user, positionId, session: office.login(user.nip, user.password) };
  };
  team = { head: member('Teuku Kepala Dinas', headPosition.id), staff: member('Cut Staf Pelaksana', staffPosition.id) };
  teams.set(office, team);
  return team;
}

let yearCounter = 2020;

/** Opens a Tahun Penilaian not used before in this process (2020, 2021, ...): each gives fresh SKP. */
export function openYear(office: Office, input: Partial<CommandInput<'year.open'>> = {}): { id: string; version: number; year: number } {
  const year = input.year ?? yearCounter++;
  if (yearCounter > 2100) throw new Error('openYear: ran out of years');
  const r = office.asAdmin('year.open', { ...input, year });
  return { id: r.year.id, version: r.year.version, year };
}

export interface SkpRef {
  skpId: string;
  version: number;
  yearId: string;
}

/** A draft SKP of the staff member (or the head) in a new year. */
export function draftSkp(office: Office, who: 'staff' | 'head' = 'staff'): SkpRef {
  const team = skpTeam(office);
  const year = openYear(office);
  const { skp } = office.call('skp.create', { yearId: year.id }, team[who].session);
  return { skpId: skp.id, version: skp.version, yearId: year.id };
}

/** A valid RHK input for a non-JPT (aspek) or JPT (perspektif) SKP, kuantitatif. */
export function sampleRhk(jpt = false): CommandInput<'skp.saveRhk'>['rhk'] {
  return {
    kind: 'utama',
    text: jpt ? 'Meningkatnya kualitas layanan publik dinas' : 'Tersusunnya laporan administrasi perkantoran',
    indicators: [
      { ...(jpt ? { perspektif: 'penerima_layanan' as const } : { aspek: 'kuantitas' as const }), text: 'Jumlah laporan yang disusun', targetMin: 10, targetMax: 12, targetUnit: 'dokumen' },
      { ...(jpt ? { perspektif: 'proses_bisnis' as const } : { aspek: 'waktu' as const }), text: 'Ketepatan waktu penyusunan', targetMin: 12, targetUnit: 'bulan' },
    ],
  };
}

/** Adds an RHK as the owner; returns the new SKP version and the RHK id. */
export function addRhk(office: Office, ref: SkpRef, who: 'staff' | 'head' = 'staff'): SkpRef & { rhkId: string } {
  const team = skpTeam(office);
  const r = office.call('skp.saveRhk', { skpId: ref.skpId, version: ref.version, rhk: sampleRhk(who === 'head') }, team[who].session);
  return { ...ref, version: r.version, rhkId: r.rhkId };
}

/** A staff SKP with one RHK, submitted to the head. */
export function submittedSkp(office: Office): SkpRef {
  const team = skpTeam(office);
  const ref = addRhk(office, draftSkp(office));
  const r = office.call('skp.submit', { skpId: ref.skpId, version: ref.version }, team.staff.session);
  return { ...ref, version: r.version };
}

/** A staff SKP approved by the head. */
export function approvedSkp(office: Office): SkpRef {
  const team = skpTeam(office);
  const ref = submittedSkp(office);
  const r = office.call('skp.approve', { skpId: ref.skpId, version: ref.version }, team.head.session);
  return { ...ref, version: r.version };
}
