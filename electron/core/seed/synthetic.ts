import { AppError } from '../../../shared/errors';
import type { AssignmentKind, PositionLevel, PositionType, UnitKind } from '../../../shared/org/jabatan';
import { addDays, localDate } from '../../../shared/people/dates';
import { pnsGolongan } from '../../../shared/people/golongan';
import { formatNip } from '../../../shared/people/nip';
import { recordSeededRows } from '../audit/baseline';
import { appendAudit } from '../audit/chain';
import { hashPassword } from '../auth/password-hash';
import type { Core } from '../core';
import { RecordWriter } from '../db/records';
import { call } from '../dispatch';
// Loads the capability modules, which register their tables as replicated before the first insert.
import '../handlers';
import { demoPassword } from './demo';
import { makeNip, personName, rng, titlesFor } from './names';
import { syntheticSteps, type SyntheticOptions } from './registry';
// The synthetic performance year (SKP, realisasi, evaluations...) runs as a registered step.
import './synthetic-year';

/**
 * A large, consistent organisation for benchmarks. One office ("OPD") of N employees: a
 * Sekretariat with three subbagian, N/400 bidang with three seksi each and, once the office is big
 * enough, UPTD units under the bidang, so that every leaf unit holds about 30 staff under its head
 * (the team an appraiser really has). Every leader post is held (a few vacant, a few with a Plt),
 * plus a few overrides.
 *
 * With `offices: K` (a city: 40) the same database holds K offices' worth of units: the office row
 * is the city government (its head post is the Sekretaris Daerah, appraised by the Wali Kota from
 * the office profile), and each OPD is a top-level unit (kind `lainnya`) whose Kepala reports to
 * the Sekda, with its own Sekretariat, bidang, seksi and UPTD below it. One database has exactly
 * one office (`meta.office_id`), so a city is modelled as one office with 40 OPD subtrees.
 *
 * Deterministic: the same `seed` (default: N) gives the same people, names, NIPs and structure;
 * ids and timestamps follow the clock, as real rows do.
 *
 * For speed it skips the dispatcher (one command per row would take minutes) but not the data
 * rules: every people row goes through the RecordWriter in ONE transaction, so ids, office, HLC,
 * versions and change_log rows are exactly what commands write, and one audit entry records the run.
 * Registered steps (the performance year) then run in the same transaction.
 */
export interface SyntheticResult {
  officeName: string;
  employees: number;
  units: number;
  positions: number;
  assignments: number;
  logins: { nip: string; name: string; role: string; username: string }[];
  ms: number;
}

/** Staff per leaf unit the structure aims at (an appraiser's team). */
const teamSize = 30;
/**
 * A large office (1,000 or more) also has one big service unit under a single head (a UPTD
 * puskesmas or a large school): the unit whose 200 evaluations are finalised in one go.
 */
const bigUnitStaff = 215;

export function seedSynthetic(core: Core, count: number, log: (line: string) => void = () => {}, options: SyntheticOptions = {}): SyntheticResult {
  if (!Number.isInteger(count) || count < 10 || count > 20_000) throw new AppError('VALIDATION', 'Jumlah pegawai sintetis harus 10 sampai 20.000.');
  const offices = options.offices ?? 1;
  if (!Number.isInteger(offices) || offices < 1 || offices > 100 || (offices > 1 && offices * 50 > count)) {
    throw new AppError('VALIDATION', 'Jumlah perangkat daerah sintetis harus 1 sampai 100, dengan paling sedikit 50 pegawai per perangkat daerah.');
  }
  if (core.officeId()) throw new AppError('RULE_VIOLATION', 'Folder data ini sudah berisi kantor. Data sintetis hanya dibuat pada folder data yang baru (kosong).');
  const started = Date.now();
  const seed = options.seed ?? count;
  const random = rng(seed);
  const used = new Set<string>();
  const today = localDate(core.now());
  const year = Number(today.slice(0, 4));
  const city = offices > 1;
  const officeName = city ? `Pemerintah Kota Sintetis (${offices} perangkat daerah, ${count.toLocaleString('id-ID')} pegawai)` : `Dinas Sintetis ${count.toLocaleString('id-ID')} Pegawai`;
  const adminNip = makeNip(random, 'L', used, [1985, 1990], year - 5);
  call(
    core,
    { transport: 'cli', requireCsrf: false },
    'setup.create',
    { officeName, officeCode: city ? 'KOTA-SINTETIS' : 'SINTETIS', adminNip, adminName: 'Administrator Sintetis', adminPassword: demoPassword },
  );
  const officeId = core.officeId()!;
  const admin = core.q.prepare('SELECT id, employee_id FROM users WHERE is_pengelola = 1').get() as { id: string; employee_id: string };
  const nowIso = core.now().toISOString();
  const w = new RecordWriter(core, () => officeId, nowIso);

  let unitCount = 0;
  let positionCount = 0;
  let assignmentCount = 0;
  const employeeIds: string[] = [admin.employee_id];
  const logins: SyntheticResult['logins'] = [];

  const result = core.sqlite.transaction(() => {
    const unit = (name: string, kind: UnitKind, parentId: string | null, code: string) => {
      unitCount++;
      return w.insert('units', { parent_id: parentId, kind, name, code }).id;
    };
    const position = (name: string, type: PositionType, level: PositionLevel | null, unitId: string | null, reportsTo: string | null) => {
      positionCount++;
      return w.insert('positions', { unit_id: unitId, name, type, level, reports_to_position_id: reportsTo }).id;
    };
    const assign = (employeeId: string, positionId: string, kind: AssignmentKind, start: string) => {
      assignmentCount++;
      w.insert('assignments', { employee_id: employeeId, position_id: positionId, kind, start_date: start, end_date: null, sk_number: null, cancel_reason: null });
    };
    const employee = (rank: number, kind: 'PNS' | 'PPPK' = 'PNS') => {
      const sex: 'L' | 'P' = random() < 0.5 ? 'L' : 'P';
      const nip = makeNip(random, sex, used, [1966, 1998], year - 1);
      const t = titlesFor(random, rank);
      const golongan = pnsGolongan[Math.min(16, Math.max(0, rank - 1 + Math.floor(random() * 2)))]!.code;
      const e = w.insert('employees', {
        nip,
        name: personName(random, sex),
        front_title: t.front,
        back_title: t.back,
        kind,
        sex,
        birth_date: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
        golongan,
        // Never before the TMT CPNS in the NIP, the rule the forms and the import enforce.
        tmt_golongan: `${Math.max(Number(nip.slice(8, 12)), year - 1 - Math.floor(random() * 4))}-04-01`,
        phone: null,
        email: null,
        status: random() < 0.02 ? 'cuti' : 'aktif',
      });
      employeeIds.push(e.id);
      return { id: e.id, nip, name: e.name };
    };
    const start = () => `${year - 1 - Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
    // An assignment starts after the employee became a civil servant.
    const startFor = (e: { nip: string }) => {
      const s = start();
      const tmt = `${e.nip.slice(8, 12)}-${e.nip.slice(12, 14)}-01`;
      return s > tmt ? s : tmt;
    };
    const login = (e: { nip: string; name: string }, role: string, username: string) => {
      if (!logins.some((l) => l.username === username)) logins.push({ nip: formatNip(e.nip), name: e.name, role, username });
    };

    // Leaf units (subbagian, seksi, UPTD) hold the staff, each under its head.
    const leaves: { unitId: string; headPos: string; name: string; big?: boolean }[] = [];
    let leaderCount = 0;

    /**
     * One OPD: its head post (reporting to `reportsTo`, null for a single office's Kepala), the
     * Sekretariat, bidang with seksi, and UPTD units so that leaves hold about `teamSize` staff.
     * `o` numbers the OPD in a city (0 for a single office); `size` is its share of employees.
     */
    const opd = (o: number, size: number, rootUnit: string | null, headPos: string, headName: string) => {
      const tag = city ? ` ${opdName(o)}` : '';
      const code = city ? `D${o + 1}.` : '';
      const kadis = employee(15);
      leaderCount++;
      assign(kadis.id, headPos, 'definitif', startFor(kadis));
      if (o === 0) login(kadis, headName, 'kadis');

      const sek = unit(`Sekretariat${tag}`, 'sekretariat', rootUnit, `${code}SEK`);
      const sekPos = position(`Sekretaris${tag}`, 'administrator', null, sek, headPos);
      const sekretaris = employee(14);
      leaderCount++;
      assign(sekretaris.id, sekPos, 'definitif', startFor(sekretaris));
      for (const [i, name] of ['Umum dan Kepegawaian', 'Keuangan', 'Perencanaan dan Pelaporan'].entries()) {
        const u = unit(`Subbagian ${name}${tag}`, 'subbagian', sek, `${code}SEK.${i + 1}`);
        const p = position(`Kepala Subbagian ${name}${tag}`, 'pengawas', null, u, sekPos);
        const kasubbag = employee(12);
        leaderCount++;
        assign(kasubbag.id, p, 'definitif', startFor(kasubbag));
        leaves.push({ unitId: u, headPos: p, name: `Subbagian ${name}${tag}` });
      }
      const bidangCount = Math.max(3, Math.round(size / 400));
      // Units beyond the seksi, so that each leaf holds about a team: UPTD under the bidang.
      const uptdCount = Math.max(0, Math.round(size / teamSize) - 3 - bidangCount * 3);
      const seksiNames = ['Kurikulum', 'Peserta Didik', 'Sarana dan Prasarana'];
      const kabidPositions: { unitId: string; pos: string; b: number }[] = [];
      for (let b = 1; b <= bidangCount; b++) {
        const u = unit(`Bidang ${b}${tag}`, 'bidang', rootUnit, `${code}B${b}`);
        const kabidPos = position(`Kepala Bidang ${b}${tag}`, 'administrator', null, u, headPos);
        kabidPositions.push({ unitId: u, pos: kabidPos, b });
        const pltKabid = b % 11 === 0;
        let firstKasi: string | null = null;
        if (!pltKabid) {
          const kabid = employee(13);
          leaderCount++;
          assign(kabid.id, kabidPos, 'definitif', startFor(kabid));
          if (b === 1 && o === 0) login(kabid, `Kepala Bidang 1${tag}`, 'kabid');
        }
        const jf = position(`Pengawas Sekolah Bidang ${b}${tag}`, 'fungsional_keahlian', 'ahli_madya', u, kabidPos);
        const pengawas = employee(13);
        leaderCount++;
        assign(pengawas.id, jf, 'definitif', startFor(pengawas));
        for (const [s, name] of seksiNames.entries()) {
          const su = unit(`Seksi ${name} Bidang ${b}${tag}`, 'seksi', u, `${code}B${b}.${s + 1}`);
          const kasiPos = position(`Kepala Seksi ${name} Bidang ${b}${tag}`, 'pengawas', null, su, kabidPos);
          // Every 17th seksi head post is vacant: its staff fall back to the Kabid.
          if ((b * 3 + s) % 17 !== 0) {
            const kasi = employee(12);
            leaderCount++;
            assign(kasi.id, kasiPos, 'definitif', startFor(kasi));
            firstKasi ??= kasi.id;
            if (b === 1 && s === 0 && o === 0) login(kasi, `Kepala Seksi Kurikulum Bidang 1${tag}`, 'kasi');
          }
          leaves.push({ unitId: su, headPos: kasiPos, name: `Seksi ${name} Bidang ${b}${tag}` });
        }
        // A vacant Kabid post has a Plt: one of its Kasi.
        if (pltKabid && firstKasi) assign(firstKasi, kabidPos, 'plt', addDays(today, -60));
      }
      for (let k = 0; k < uptdCount; k++) {
        const parent = kabidPositions[k % kabidPositions.length]!;
        const name = `UPTD ${k + 1} Bidang ${parent.b}${tag}`;
        const u = unit(name, 'uptd', parent.unitId, `${code}B${parent.b}.U${k + 1}`);
        const headPosId = position(`Kepala ${name}`, 'pengawas', null, u, parent.pos);
        const head = employee(12);
        leaderCount++;
        assign(head.id, headPosId, 'definitif', startFor(head));
        leaves.push({ unitId: u, headPos: headPosId, name });
      }
      if (size >= 1000) {
        const parent = kabidPositions[0]!;
        const name = `UPTD Layanan Terpadu${tag}`;
        const u = unit(name, 'uptd', parent.unitId, `${code}B${parent.b}.LT`);
        const headPosId = position(`Kepala ${name}`, 'pengawas', null, u, parent.pos);
        const head = employee(12);
        leaderCount++;
        assign(head.id, headPosId, 'definitif', startFor(head));
        leaves.push({ unitId: u, headPos: headPosId, name, big: true });
      }
    };

    // Per OPD, the share of employees it gets: education and health (the first two) are large.
    const weights = Array.from({ length: offices }, (_, o) => (o < 2 ? 4 : 0.5 + random()));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const sizes = weights.map((x) => Math.max(50, Math.floor((count * x) / weightSum)));
    const leafStart: number[] = [];
    if (!city) {
      const kadisPos = position('Kepala Dinas', 'jpt_pratama', null, null, null);
      w.update('offices', officeId, {
        head_position_id: kadisPos,
        head_appraiser_name: 'Sekretaris Daerah (sintetis)',
        head_appraiser_position: 'Sekretaris Daerah',
        head_appraiser_superior_name: 'Wali Kota (sintetis)',
        head_appraiser_superior_position: 'Wali Kota',
      });
      leafStart.push(0);
      opd(0, count, null, kadisPos, 'Kepala Dinas');
    } else {
      const sekdaPos = position('Sekretaris Daerah', 'jpt_madya', null, null, null);
      w.update('offices', officeId, {
        head_position_id: sekdaPos,
        head_appraiser_name: 'Wali Kota (sintetis)',
        head_appraiser_position: 'Wali Kota',
        head_appraiser_superior_name: 'Gubernur (sintetis)',
        head_appraiser_superior_position: 'Gubernur',
      });
      const sekda = employee(16);
      leaderCount++;
      assign(sekda.id, sekdaPos, 'definitif', startFor(sekda));
      login(sekda, 'Sekretaris Daerah', 'sekda');
      for (let o = 0; o < offices; o++) {
        const root = unit(opdName(o), 'lainnya', null, `D${o + 1}`);
        const headPos = position(`Kepala ${opdName(o)}`, 'jpt_pratama', null, root, sekdaPos);
        leafStart.push(leaves.length);
        opd(o, sizes[o]!, root, headPos, `Kepala ${opdName(o)}`);
      }
    }
    leafStart.push(leaves.length);

    // Staff: three positions per leaf; each OPD's staff spread over its own leaves.
    const staffPositions: string[][] = [];
    const bigPositions: string[][] = [];
    for (let o = 0; o < leafStart.length - 1; o++) {
      const mine: string[] = [];
      const big: string[] = [];
      for (const leaf of leaves.slice(leafStart[o], leafStart[o + 1])) {
        const list = leaf.big ? big : mine;
        list.push(position(`Pengadministrasi ${leaf.name}`, 'pelaksana', null, leaf.unitId, leaf.headPos));
        list.push(position(`Pengolah Data ${leaf.name}`, 'pelaksana', null, leaf.unitId, leaf.headPos));
        list.push(position(`Analis ${leaf.name}`, 'fungsional_keahlian', 'ahli_pertama', leaf.unitId, leaf.headPos));
        if (leaf.big) list.push(position(`Pranata Komputer ${leaf.name}`, 'fungsional_keterampilan', 'terampil', leaf.unitId, leaf.headPos));
      }
      staffPositions.push(mine);
      bigPositions.push(big);
    }
    // The admin works in the (first) Subbagian Umum dan Kepegawaian.
    assign(admin.employee_id, staffPositions[0]![0]!, 'definitif', `${year - 3}-03-01`);
    const remaining = count - employeeIds.length;
    // Staff per OPD in proportion to its size (a single office takes them all).
    const staffTotal = sizes.reduce((a, b) => a + b, 0);
    const staff: string[] = [];
    let o = 0;
    let opdEnd = city ? Math.round((remaining * sizes[0]!) / staffTotal) : remaining;
    let inOpd = 0;
    for (let i = 0; i < remaining; i++) {
      while (city && i >= opdEnd && o < offices - 1) {
        o++;
        inOpd = 0;
        opdEnd = o === offices - 1 ? remaining : opdEnd + Math.round((remaining * sizes[o]!) / staffTotal);
      }
      const pppk = i % 25 === 24;
      const rank = 5 + Math.floor(random() * 6);
      const e = employee(rank, pppk ? 'PPPK' : 'PNS');
      if (pppk) w.update('employees', e.id, { golongan: ['V', 'VII', 'IX', 'X'][Math.floor(random() * 4)]! });
      // The big unit of the OPD (if any) is filled first, then staff go round its other leaves.
      const big = bigPositions[o]!;
      const inBig = big.length > 0 && inOpd < bigUnitStaff;
      const positions = inBig ? big : staffPositions[o]!;
      const k = inBig || big.length === 0 ? inOpd : inOpd - bigUnitStaff;
      assign(e.id, positions[k % positions.length]!, 'definitif', startFor(e));
      inOpd++;
      staff.push(e.id);
      if (i === 0) login(e, 'Pelaksana', 'staf');
    }
    // A few explicit overrides, as real offices have.
    const overrideAppraiser = core.q.prepare("SELECT employee_id FROM assignments WHERE position_id = (SELECT head_position_id FROM offices WHERE id = ?) AND kind = 'definitif'").get(officeId) as
      | { employee_id: string }
      | undefined;
    for (let i = 199; i < staff.length && overrideAppraiser; i += 200) {
      const other = staff[(i * 7) % staff.length]!;
      if (other === staff[i]) continue;
      w.insert('appraisal_overrides', {
        employee_id: staff[i]!,
        appraiser_employee_id: overrideAppraiser.employee_id,
        atasan_employee_id: null,
        start_date: `${year}-01-02`,
        end_date: `${year}-12-31`,
        reason: 'Penugasan khusus (data sintetis)',
      });
    }
    void leaderCount;
    for (const step of options.peopleOnly ? [] : syntheticSteps) {
      log(`Menambah data sintetis: ${step.name}`);
      step.run({ core, officeId, employeeIds, today, random, log, seed, options });
    }
    appendAudit(core, {
      at: nowIso,
      actorUserId: null,
      actorNip: null,
      actorName: 'kinerja seed --synthetic',
      command: 'seed.synthetic',
      recordTable: 'offices',
      recordId: officeId,
      before: null,
      after: { employees: employeeIds.length, units: unitCount, positions: positionCount, assignments: assignmentCount, rows: w.changes.length, seed, offices },
    });
    return true;
  })();
  void result;

  // Accounts for the printed logins (the admin already has one), without a forced password change.
  const hash = hashPassword(demoPassword);
  const userWriter = new RecordWriter(core, () => officeId, nowIso);
  core.sqlite.transaction(() => {
    for (const l of logins) {
      const e = core.q.prepare('SELECT id FROM employees WHERE nip = ?').get(l.nip.replace(/\s/g, '')) as { id: string };
      userWriter.insert('users', {
        employee_id: e.id,
        username: l.username,
        password_hash: hash,
        is_pengelola: 0,
        is_admin_pusat: 0,
        must_change_password: 0,
        failed_count: 0,
        next_attempt_at: null,
        locked_until: null,
        last_login_at: null,
      });
    }
    core.q.prepare("UPDATE users SET username = 'admin' WHERE id = ?").run(admin.id);
  })();
  // The bulk rows (the performance year is written with plain INSERTs) and the accounts above get
  // one audit entry recording their state, so `audit verify` holds on a synthetic city too.
  recordSeededRows(core, 'kinerja seed --synthetic', 'seed.synthetic.rows');
  logins.unshift({ nip: formatNip(adminNip), name: 'Administrator Sintetis', role: 'Pengelola Kinerja', username: 'admin' });
  return { officeName, employees: employeeIds.length, units: unitCount, positions: positionCount, assignments: assignmentCount, logins, ms: Date.now() - started };
}

const opdKinds = ['Dinas Pendidikan', 'Dinas Kesehatan', 'Dinas Pekerjaan Umum', 'Dinas Sosial', 'Dinas Perhubungan', 'Badan Perencanaan', 'Badan Keuangan', 'Dinas Lingkungan Hidup'];

/** "Dinas Pendidikan", ..., then "Dinas Sosial 2" and so on: 40 distinct OPD names. */
function opdName(o: number): string {
  const base = opdKinds[o % opdKinds.length]!;
  const round = Math.floor(o / opdKinds.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}
