import { AppError } from '../../../shared/errors';
import type { PositionLevel, PositionType, UnitKind } from '../../../shared/org/jabatan';
import { addDays, localDate } from '../../../shared/people/dates';
import { findGolongan } from '../../../shared/people/golongan';
import { formatFullName } from '../../../shared/people/names';
import { formatNip } from '../../../shared/people/nip';
import { recordSeededRows } from '../audit/baseline';
import type { Core } from '../core';
import { dispatch } from '../dispatch';
import { makeNip, personName, rng, titlesFor } from './names';
import { demoSteps, type DemoContext, type DemoPerson } from './registry';
import { demoStoryYear } from './history';
import { actAs } from './session';

/**
 * The demo office: Dinas Pendidikan dan Kebudayaan Kota Langsa with a Kepala Dinas, a Sekretaris
 * (who is also Plt of the vacant Kabid Kebudayaan), three subbagian, four bidang with their seksi
 * (one seksi head vacant, so its staff fall back to the Kabid), about 60 employees with valid NIPs,
 * a mid-year transfer, an appraiser override and an employee on leave. Every employee gets an
 * account with the demo password; the key people also get a short username.
 */
export const demoPassword = 'Kinerja2026';

interface UnitSpec {
  key: string;
  name: string;
  code: string;
  kind: UnitKind;
  parent?: string;
}

const units: UnitSpec[] = [
  { key: 'sek', name: 'Sekretariat', code: 'SEK', kind: 'sekretariat' },
  { key: 'umum', name: 'Subbagian Umum dan Kepegawaian', code: 'SEK.1', kind: 'subbagian', parent: 'sek' },
  { key: 'keu', name: 'Subbagian Keuangan', code: 'SEK.2', kind: 'subbagian', parent: 'sek' },
  { key: 'renc', name: 'Subbagian Perencanaan dan Pelaporan', code: 'SEK.3', kind: 'subbagian', parent: 'sek' },
  { key: 'sd', name: 'Bidang Pembinaan Sekolah Dasar', code: 'SD', kind: 'bidang' },
  { key: 'sdKur', name: 'Seksi Kurikulum dan Penilaian SD', code: 'SD.1', kind: 'seksi', parent: 'sd' },
  { key: 'sdPd', name: 'Seksi Peserta Didik dan Pembangunan Karakter SD', code: 'SD.2', kind: 'seksi', parent: 'sd' },
  { key: 'sdSar', name: 'Seksi Sarana dan Prasarana SD', code: 'SD.3', kind: 'seksi', parent: 'sd' },
  { key: 'smp', name: 'Bidang Pembinaan Sekolah Menengah Pertama', code: 'SMP', kind: 'bidang' },
  { key: 'smpKur', name: 'Seksi Kurikulum dan Penilaian SMP', code: 'SMP.1', kind: 'seksi', parent: 'smp' },
  { key: 'smpPd', name: 'Seksi Peserta Didik dan Pembangunan Karakter SMP', code: 'SMP.2', kind: 'seksi', parent: 'smp' },
  { key: 'smpSar', name: 'Seksi Sarana dan Prasarana SMP', code: 'SMP.3', kind: 'seksi', parent: 'smp' },
  { key: 'gtk', name: 'Bidang Guru dan Tenaga Kependidikan', code: 'GTK', kind: 'bidang' },
  { key: 'gtkPaud', name: 'Seksi GTK PAUD dan Pendidikan Masyarakat', code: 'GTK.1', kind: 'seksi', parent: 'gtk' },
  { key: 'gtkSd', name: 'Seksi GTK Sekolah Dasar', code: 'GTK.2', kind: 'seksi', parent: 'gtk' },
  { key: 'gtkSmp', name: 'Seksi GTK Sekolah Menengah Pertama', code: 'GTK.3', kind: 'seksi', parent: 'gtk' },
  { key: 'bud', name: 'Bidang Kebudayaan', code: 'BUD', kind: 'bidang' },
  { key: 'budCagar', name: 'Seksi Cagar Budaya dan Permuseuman', code: 'BUD.1', kind: 'seksi', parent: 'bud' },
  { key: 'budSeni', name: 'Seksi Kesenian dan Tradisi', code: 'BUD.2', kind: 'seksi', parent: 'bud' },
];

interface PositionSpec {
  key: string;
  name: string;
  type: PositionType;
  level?: PositionLevel;
  unit: string | null;
  reportsTo: string | null;
}

/** Leaders: the unit's head position is "Kepala <unit>" (Sekretaris for the sekretariat). */
function leaderPositions(): PositionSpec[] {
  const out: PositionSpec[] = [
    { key: 'kadis', name: 'Kepala Dinas Pendidikan dan Kebudayaan', type: 'jpt_pratama', unit: null, reportsTo: null },
    { key: 'sek', name: 'Sekretaris', type: 'administrator', unit: 'sek', reportsTo: 'kadis' },
  ];
  for (const u of units) {
    if (u.key === 'sek') continue;
    const parentLead = u.parent ?? 'kadis';
    out.push({
      key: u.key,
      name: `Kepala ${u.name}`,
      type: u.kind === 'bidang' ? 'administrator' : 'pengawas',
      unit: u.key,
      reportsTo: parentLead,
    });
  }
  return out;
}

/** Staff positions: [unit, name, type, level, reports to (default: the unit head), holders]. */
const staff: [string, string, PositionType, PositionLevel | null, string | null, number][] = [
  ['umum', 'Analis SDM Aparatur', 'fungsional_keahlian', 'ahli_pertama', null, 1], // + the admin
  ['umum', 'Pengadministrasi Perkantoran', 'pelaksana', null, null, 3],
  ['umum', 'Pengelola Layanan Operasional', 'pelaksana', null, null, 2],
  ['keu', 'Penata Laporan Keuangan', 'pelaksana', null, null, 2],
  ['keu', 'Bendahara Pengeluaran', 'pelaksana', null, null, 1],
  ['keu', 'Analis Keuangan Pusat dan Daerah', 'fungsional_keahlian', 'ahli_pertama', null, 1],
  ['renc', 'Perencana', 'fungsional_keahlian', 'ahli_muda', null, 1],
  ['renc', 'Pranata Komputer', 'fungsional_keterampilan', 'terampil', null, 1],
  ['renc', 'Pengolah Data dan Informasi', 'pelaksana', null, null, 2],
  ['sd', 'Pengawas Sekolah', 'fungsional_keahlian', 'ahli_madya', 'sd', 2],
  ['sd', 'Pengadministrasi Perkantoran Bidang SD', 'pelaksana', null, 'sd', 1],
  ['sdKur', 'Analis Kurikulum', 'pelaksana', null, null, 2],
  ['sdPd', 'Pengelola Data Peserta Didik', 'pelaksana', null, null, 2],
  ['sdSar', 'Pengelola Sarana dan Prasarana', 'pelaksana', null, null, 2],
  ['smp', 'Pengawas Sekolah SMP', 'fungsional_keahlian', 'ahli_madya', 'smp', 1],
  ['smp', 'Pengadministrasi Perkantoran Bidang SMP', 'pelaksana', null, 'smp', 1],
  ['smpKur', 'Analis Kurikulum SMP', 'pelaksana', null, null, 2],
  ['smpPd', 'Pengelola Data Peserta Didik SMP', 'pelaksana', null, null, 1],
  ['smpSar', 'Pengelola Sarana dan Prasarana SMP', 'pelaksana', null, null, 2],
  ['gtk', 'Pengadministrasi Perkantoran Bidang GTK', 'pelaksana', null, 'gtk', 1],
  ['gtkPaud', 'Analis Pendidik dan Tenaga Kependidikan PAUD', 'pelaksana', null, null, 1],
  ['gtkSd', 'Analis Pendidik dan Tenaga Kependidikan SD', 'pelaksana', null, null, 2],
  ['gtkSmp', 'Analis Pendidik dan Tenaga Kependidikan SMP', 'pelaksana', null, null, 2],
  ['bud', 'Pamong Budaya', 'fungsional_keahlian', 'ahli_muda', 'bud', 1],
  ['budCagar', 'Pengelola Cagar Budaya', 'pelaksana', null, null, 2],
  ['budSeni', 'Pengelola Kesenian dan Tradisi', 'pelaksana', null, null, 2],
];

interface Named {
  front: string | null;
  name: string;
  back: string | null;
  sex: 'L' | 'P';
  golongan: string;
  birth: [number, number];
  username?: string;
  role?: string;
  key?: string;
}

/** The people a demo is shown with: named by hand so they read like real officials. */
const leaders: Record<string, Named> = {
  kadis: { front: 'Drs. H.', name: 'Teuku Muhammad Syahrial', back: 'M.Pd.', sex: 'L', golongan: 'IV/c', birth: [1968, 1970], username: 'kadis', role: 'Kepala Dinas (Pejabat Penilai para kepala bidang dan sekretaris)', key: 'kadis' },
  sek: { front: null, name: 'Cut Nurul Hayati', back: 'S.Pd., M.Pd.', sex: 'P', golongan: 'IV/b', birth: [1972, 1974], username: 'sekretaris', role: 'Sekretaris, juga Plt. Kepala Bidang Kebudayaan', key: 'sekretaris' },
  umum: { front: null, name: 'Zulkifli Hasan', back: 'S.E.', sex: 'L', golongan: 'III/d', birth: [1978, 1980], username: 'kasubbag.umum', role: 'Kepala Subbagian Umum dan Kepegawaian', key: 'kasubbagUmum' },
  keu: { front: null, name: 'Maisarah Ibrahim', back: 'S.E., M.M.', sex: 'P', golongan: 'III/d', birth: [1979, 1981] },
  renc: { front: null, name: 'Rahmat Saputra', back: 'S.Kom.', sex: 'L', golongan: 'III/c', birth: [1983, 1985] },
  sd: { front: 'Drs.', name: 'Hasanuddin Daud', back: 'M.Pd.', sex: 'L', golongan: 'IV/b', birth: [1969, 1971], username: 'kabid.sd', role: 'Kepala Bidang Pembinaan SD', key: 'kabidSd' },
  smp: { front: 'Dr.', name: 'Fitriani Yusuf', back: 'S.Pd., M.Pd.', sex: 'P', golongan: 'IV/a', birth: [1975, 1977] },
  gtk: { front: null, name: 'Irwansyah Nasution', back: 'S.Pd., M.Si.', sex: 'L', golongan: 'IV/a', birth: [1974, 1976] },
  sdKur: { front: null, name: 'Nurhayati Abdullah', back: 'S.Pd.', sex: 'P', golongan: 'III/d', birth: [1980, 1982], username: 'kasi.kurikulum', role: 'Kepala Seksi Kurikulum dan Penilaian SD', key: 'kasiKurikulumSd' },
};

/** Leader posts left vacant: Kabid Kebudayaan has a Plt; Kasi Sarpras SMP has nobody. */
const vacant = new Set(['bud', 'smpSar']);

function dateOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DemoResult {
  officeName: string;
  logins: DemoPerson[];
  employees: number;
}

export function seedDemo(core: Core, log: (line: string) => void = () => {}): DemoResult {
  if (core.officeId()) {
    throw new AppError('RULE_VIOLATION', 'Folder data ini sudah berisi kantor. Data demo hanya dibuat pada folder data yang baru (kosong).');
  }
  const random = rng(20260101);
  const used = new Set<string>();
  const today = localDate(core.now());
  const year = Number(today.slice(0, 4));
  const storyYear = demoStoryYear(core.now());

  const adminNip = makeNip(random, 'P', used, [1990, 1992], year - 3);
  const officeName = 'Dinas Pendidikan dan Kebudayaan Kota Langsa';
  dispatch(
    core,
    'setup.create',
    { officeName, officeCode: 'DISDIKBUD', adminNip, adminName: 'Khairunnisa Rasyid', adminPassword: demoPassword },
    { transport: 'cli', requireCsrf: false },
  );
  const adminUser = core.q.prepare('SELECT u.id, u.employee_id FROM users u WHERE u.is_pengelola = 1').get() as { id: string; employee_id: string };
  const admin = actAs(core, adminUser.id, 'Khairunnisa Rasyid');
  try {
    const office = admin.call('org.getOffice', {}).office;
    admin.call('org.updateOffice', {
      version: office.version,
      address: 'Jl. Jenderal Ahmad Yani, Gampong Jawa, Kecamatan Langsa Kota, Kota Langsa, Aceh 24411',
      phone: '(0641) 21000',
      email: 'disdikbud@langsakota.go.id',
      headAppraiserName: 'Ir. H. Teuku Syarbaini Usman, M.Si.',
      headAppraiserNip: makeNip(random, 'L', used, [1966, 1967], 1993),
      headAppraiserPosition: 'Sekretaris Daerah Kota Langsa',
      headAppraiserSuperiorName: 'Wali Kota Langsa',
      headAppraiserSuperiorPosition: 'Wali Kota Langsa',
    });

    const unitIds: Record<string, string> = {};
    for (const u of units) {
      unitIds[u.key] = admin.call('org.createUnit', { name: u.name, code: u.code, kind: u.kind, parentId: u.parent ? unitIds[u.parent]! : null }).unit.id;
    }
    const positionIds: Record<string, string> = {};
    for (const p of leaderPositions()) {
      positionIds[p.key] = admin.call('org.createPosition', {
        name: p.name,
        type: p.type,
        unitId: p.unit ? unitIds[p.unit]! : null,
        reportsToPositionId: p.reportsTo ? positionIds[p.reportsTo]! : null,
        isHead: p.key === 'kadis',
      }).position.id;
    }
    const staffPositions: { id: string; spec: (typeof staff)[number] }[] = [];
    for (const s of staff) {
      const [unit, name, type, level, reportsTo] = s;
      const id = admin.call('org.createPosition', {
        name,
        type,
        level,
        unitId: unitIds[unit]!,
        reportsToPositionId: positionIds[reportsTo ?? unit]!,
      }).position.id;
      staffPositions.push({ id, spec: s });
    }

    const people: Record<string, DemoPerson> = {};
    const employeeIds: string[] = [adminUser.employee_id];
    const usernames = new Map<string, string>();
    const add = (n: Named, positionId: string, start: string, kind: 'PNS' | 'PPPK' = 'PNS'): string => {
      const nip = kind === 'PPPK' ? pppkNip(random, n.sex, used, year) : makeNip(random, n.sex, used, n.birth, Math.min(year - 1, n.birth[1] + 30));
      const e = admin.call('people.create', {
        kind,
        nip,
        frontTitle: n.front,
        name: n.name,
        backTitle: n.back,
        golongan: n.golongan,
        tmtGolongan: dateOf(Math.max(Number(nip.slice(8, 12)), year - 2), 4, 1),
        phone: `0812${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        status: 'aktif',
        assignment: { positionId, startDate: start, kind: 'definitif', skNumber: `821.2/${100 + employeeIds.length}/${start.slice(0, 4)}` },
      }).employee;
      employeeIds.push(e.id);
      if (n.username) usernames.set(e.id, n.username);
      if (n.key) people[n.key] = { employeeId: e.id, nip: formatNip(nip), name: formatFullName(n.front, n.name, n.back), username: n.username ?? null, role: n.role ?? '' };
      return e.id;
    };

    // Leaders first, from the top; vacant posts stay empty.
    for (const p of leaderPositions()) {
      if (vacant.has(p.key)) continue;
      const named: Named = leaders[p.key] ?? (() => {
        const sex: 'L' | 'P' = random() < 0.5 ? 'L' : 'P';
        const t = titlesFor(random, 11);
        return { front: t.front, name: personName(random, sex), back: t.back ?? 'S.Pd.', sex, golongan: random() < 0.5 ? 'III/c' : 'III/d', birth: [1976, 1986] as [number, number] };
      })();
      add(named, positionIds[p.key]!, dateOf(year - 2 - Math.floor(random() * 3), 1 + Math.floor(random() * 12), 2));
    }

    // The admin is an Analis SDM Aparatur in Subbagian Umum dan Kepegawaian.
    const adminRow = admin.call('people.get', { id: adminUser.employee_id }).employee;
    admin.call('people.update', { id: adminRow.id, version: adminRow.version, backTitle: 'S.Kom.', golongan: 'III/b', tmtGolongan: dateOf(year - 1, 4, 1) });
    const analis = staffPositions.find((s) => s.spec[1] === 'Analis SDM Aparatur')!;
    admin.call('people.assign', { employeeId: adminUser.employee_id, positionId: analis.id, kind: 'definitif', startDate: dateOf(year - 3, 3, 1) });
    people.admin = {
      employeeId: adminUser.employee_id,
      nip: formatNip(adminNip),
      name: 'Khairunnisa Rasyid, S.Kom.',
      username: 'admin',
      role: 'Pengelola Kinerja (administrator kantor), Analis SDM Aparatur',
    };
    usernames.set(adminUser.employee_id, 'admin');

    // Staff: grades by position type; one PPPK Pranata Komputer.
    const gradeOf = (type: PositionType, level: PositionLevel | null): string[] => {
      if (type === 'fungsional_keahlian') return level === 'ahli_madya' ? ['IV/a', 'IV/b'] : level === 'ahli_muda' ? ['III/c', 'III/d'] : ['III/a', 'III/b'];
      if (type === 'fungsional_keterampilan') return ['II/c', 'II/d', 'III/a'];
      return ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c'];
    };
    let firstStaf = true;
    for (const { id, spec } of staffPositions) {
      const [, name, type, level, , count] = spec;
      for (let i = 0; i < count; i++) {
        const sex: 'L' | 'P' = random() < 0.55 ? 'P' : 'L';
        if (name === 'Pranata Komputer') {
          add({ front: null, name: personName(random, sex), back: 'A.Md.Kom.', sex, golongan: 'VII', birth: [1994, 1997] }, id, dateOf(year - 2, 3, 1), 'PPPK');
          continue;
        }
        const golongan = gradeOf(type, level)[Math.floor(random() * gradeOf(type, level).length)]!;
        const t = titlesFor(random, findGolongan(golongan)!.rank);
        const named: Named = { front: t.front, name: personName(random, sex), back: t.back, sex, golongan, birth: [1975, 1998] };
        if (firstStaf && name === 'Pengadministrasi Perkantoran') {
          Object.assign(named, { name: 'Safrina Lubis', back: 'A.Md.', sex: 'P', golongan: 'II/c', username: 'staf', role: 'Pelaksana (pegawai tanpa bawahan)', key: 'staf' });
          firstStaf = false;
        }
        add(named, id, dateOf(year - 1 - Math.floor(random() * 6), 1 + Math.floor(random() * 12), 1));
      }
    }

    // A Plt: the Sekretaris acts as Kabid Kebudayaan while the post is vacant.
    const pltStart = addDays(today, -90);
    admin.call('people.assign', { employeeId: people.sekretaris!.employeeId, positionId: positionIds.bud!, kind: 'plt', startDate: pltStart, skNumber: `800/${pltStart.slice(0, 4)}/PLT-01` });

    // A mid-year transfer: an Analis Kurikulum SD moves to Seksi GTK SD; the history keeps both.
    const mover = admin.call('people.list', { q: '', limit: 500 }).items.find((e) => e.positionName === 'Analis Kurikulum');
    const gtkSdPos = staffPositions.find((s) => s.spec[1] === 'Analis Pendidik dan Tenaga Kependidikan SD')!;
    if (mover) admin.call('people.assign', { employeeId: mover.id, positionId: gtkSdPos.id, kind: 'definitif', startDate: addDays(today, -45) });

    // An override: a Pengelola Kesenian is seconded to the Seksi Cagar Budaya for the year.
    const seconded = admin.call('people.list', { q: '', limit: 500 }).items.find((e) => e.positionName === 'Pengelola Kesenian dan Tradisi');
    const kasiCagar = admin.call('org.listPositions', { unitId: unitIds.budCagar! }).positions.find((p) => p.id === positionIds.budCagar)?.holders[0];
    if (seconded && kasiCagar) {
      admin.call('people.setOverride', {
        employeeId: seconded.id,
        appraiserEmployeeId: kasiCagar.employeeId,
        startDate: dateOf(storyYear, 1, 2),
        endDate: dateOf(storyYear, 12, 31),
        reason: 'Diperbantukan pada Seksi Cagar Budaya dan Permuseuman untuk inventarisasi cagar budaya (Surat Tugas Kepala Dinas).',
      });
    }
    // Someone on leave (cuti) keeps their position and appraiser.
    const onLeave = admin.call('people.list', { q: '', limit: 500 }).items.find((e) => e.positionName === 'Pengelola Cagar Budaya');
    if (onLeave) admin.call('people.update', { id: onLeave.id, version: onLeave.version, status: 'cuti' });

    // Accounts for everyone, so each person's own view can be tried.
    for (const employeeId of employeeIds) {
      if (employeeId === adminUser.employee_id) continue;
      admin.call('auth.createAccount', { employeeId, username: usernames.get(employeeId) ?? null, temporaryPassword: demoPassword });
    }
    core.q.prepare("UPDATE users SET username = 'admin' WHERE id = ?").run(adminUser.id);
    // Demo accounts skip the forced password change: it would only get in the way of trying the app.
    core.q.prepare('UPDATE users SET must_change_password = 0, version = version + 1, updated_at = ? WHERE must_change_password = 1').run(new Date(core.now()).toISOString());

    const ctx: DemoContext = { core, admin, officeId: core.officeId()!, people, employeeIds, today, storyYear, log };
    for (const step of demoSteps) {
      log(`Menambah data demo: ${step.name}`);
      step.run(ctx);
    }
    // Rows the seed wrote directly (the fix-ups above, bulk steps) get one audit entry of their own.
    recordSeededRows(core, 'kinerja seed --demo', 'seed.demo');
    const order = ['admin', 'kadis', 'sekretaris', 'kabidSd', 'kasubbagUmum', 'kasiKurikulumSd', 'staf'];
    return { officeName, logins: order.map((k) => people[k]!).filter(Boolean), employees: employeeIds.length };
  } finally {
    admin.close();
  }
}

/** PPPK numbers: birth date, appointment year plus a two-digit count, sex, sequence. */
function pppkNip(random: () => number, sex: 'L' | 'P', used: Set<string>, year: number): string {
  for (;;) {
    const by = 1990 + Math.floor(random() * 8);
    const nip = `${by}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}${year - 2}21${sex === 'L' ? 1 : 2}${String(1 + Math.floor(random() * 200)).padStart(3, '0')}`;
    if (!used.has(nip)) {
      used.add(nip);
      return nip;
    }
  }
}
