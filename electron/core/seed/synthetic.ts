import { AppError } from '../../../shared/errors';
import type { AssignmentKind, PositionLevel, PositionType, UnitKind } from '../../../shared/org/jabatan';
import { addDays, localDate } from '../../../shared/people/dates';
import { pnsGolongan } from '../../../shared/people/golongan';
import { formatNip } from '../../../shared/people/nip';
import { appendAudit } from '../audit/chain';
import { hashPassword } from '../auth/password-hash';
import type { Core } from '../core';
import { RecordWriter } from '../db/records';
import { dispatch } from '../dispatch';
// Loads the capability modules, which register their tables as replicated before the first insert.
import '../handlers';
import { demoPassword } from './demo';
import { makeNip, personName, rng, titlesFor } from './names';
import { syntheticSteps } from './registry';

/**
 * A large, consistent office for benchmarks: N employees in a Sekretariat with three subbagian and
 * N/400 bidang with three seksi each, every leader post held (a few vacant, a few with a Plt), the
 * rest as staff below the seksi and subbagian heads, a few overrides.
 *
 * For speed it skips the dispatcher (one command per row would take minutes) but not the data
 * rules: every row goes through the RecordWriter in ONE transaction, so ids, office, HLC, versions
 * and change_log rows are exactly what commands write, and one audit entry records the run.
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

export function seedSynthetic(core: Core, count: number, log: (line: string) => void = () => {}): SyntheticResult {
  if (!Number.isInteger(count) || count < 10 || count > 20_000) throw new AppError('VALIDATION', 'Jumlah pegawai sintetis harus 10 sampai 20.000.');
  if (core.officeId()) throw new AppError('RULE_VIOLATION', 'Folder data ini sudah berisi kantor. Data sintetis hanya dibuat pada folder data yang baru (kosong).');
  const started = Date.now();
  const random = rng(count);
  const used = new Set<string>();
  const today = localDate(core.now());
  const year = Number(today.slice(0, 4));
  const officeName = `Dinas Sintetis ${count.toLocaleString('id-ID')} Pegawai`;
  const adminNip = makeNip(random, 'L', used, [1985, 1990], year - 5);
  dispatch(
    core,
    'setup.create',
    { officeName, officeCode: 'SINTETIS', adminNip, adminName: 'Administrator Sintetis', adminPassword: demoPassword },
    { transport: 'cli', requireCsrf: false },
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

    const bidangCount = Math.max(3, Math.round(count / 400));
    const kadisPos = position('Kepala Dinas', 'jpt_pratama', null, null, null);
    w.update('offices', officeId, {
      head_position_id: kadisPos,
      head_appraiser_name: 'Sekretaris Daerah (sintetis)',
      head_appraiser_position: 'Sekretaris Daerah',
      head_appraiser_superior_name: 'Wali Kota (sintetis)',
      head_appraiser_superior_position: 'Wali Kota',
    });
    const kadis = employee(15);
    assign(kadis.id, kadisPos, 'definitif', startFor(kadis));
    logins.push({ nip: formatNip(kadis.nip), name: kadis.name, role: 'Kepala Dinas', username: 'kadis' });

    const sek = unit('Sekretariat', 'sekretariat', null, 'SEK');
    const sekPos = position('Sekretaris', 'administrator', null, sek, kadisPos);
    const sekretaris = employee(14);
    assign(sekretaris.id, sekPos, 'definitif', startFor(sekretaris));

    // Leaf units (subbagian and seksi) hold the staff, each under its head.
    const leaves: { unitId: string; headPos: string; name: string }[] = [];
    for (const [i, name] of ['Umum dan Kepegawaian', 'Keuangan', 'Perencanaan dan Pelaporan'].entries()) {
      const u = unit(`Subbagian ${name}`, 'subbagian', sek, `SEK.${i + 1}`);
      const p = position(`Kepala Subbagian ${name}`, 'pengawas', null, u, sekPos);
      const kasubbag = employee(12);
      assign(kasubbag.id, p, 'definitif', startFor(kasubbag));
      leaves.push({ unitId: u, headPos: p, name: `Subbagian ${name}` });
    }
    const seksiNames = ['Kurikulum', 'Peserta Didik', 'Sarana dan Prasarana'];
    for (let b = 1; b <= bidangCount; b++) {
      const u = unit(`Bidang ${b}`, 'bidang', null, `B${b}`);
      const kabidPos = position(`Kepala Bidang ${b}`, 'administrator', null, u, kadisPos);
      const pltKabid = b % 11 === 0;
      let firstKasi: string | null = null;
      if (!pltKabid) {
        const kabid = employee(13);
        assign(kabid.id, kabidPos, 'definitif', startFor(kabid));
        if (b === 1) logins.push({ nip: formatNip(kabid.nip), name: kabid.name, role: 'Kepala Bidang 1', username: 'kabid' });
      }
      const jf = position(`Pengawas Sekolah Bidang ${b}`, 'fungsional_keahlian', 'ahli_madya', u, kabidPos);
      const pengawas = employee(13);
      assign(pengawas.id, jf, 'definitif', startFor(pengawas));
      for (const [s, name] of seksiNames.entries()) {
        const su = unit(`Seksi ${name} Bidang ${b}`, 'seksi', u, `B${b}.${s + 1}`);
        const kasiPos = position(`Kepala Seksi ${name} Bidang ${b}`, 'pengawas', null, su, kabidPos);
        // Every 17th seksi head post is vacant: its staff fall back to the Kabid.
        if ((b * 3 + s) % 17 !== 0) {
          const kasi = employee(12);
          assign(kasi.id, kasiPos, 'definitif', startFor(kasi));
          firstKasi ??= kasi.id;
          if (b === 1 && s === 0) logins.push({ nip: formatNip(kasi.nip), name: kasi.name, role: 'Kepala Seksi Kurikulum Bidang 1', username: 'kasi' });
        }
        leaves.push({ unitId: su, headPos: kasiPos, name: `Seksi ${name} Bidang ${b}` });
      }
      // A vacant Kabid post has a Plt: one of its Kasi.
      if (pltKabid && firstKasi) assign(firstKasi, kabidPos, 'plt', addDays(today, -60));
    }

    const staffPositions: string[] = [];
    for (const leaf of leaves) {
      staffPositions.push(position(`Pengadministrasi ${leaf.name}`, 'pelaksana', null, leaf.unitId, leaf.headPos));
      staffPositions.push(position(`Pengolah Data ${leaf.name}`, 'pelaksana', null, leaf.unitId, leaf.headPos));
      staffPositions.push(position(`Analis ${leaf.name}`, 'fungsional_keahlian', 'ahli_pertama', leaf.unitId, leaf.headPos));
    }
    // The admin works in Subbagian Umum dan Kepegawaian.
    assign(admin.employee_id, staffPositions[0]!, 'definitif', `${year - 3}-03-01`);
    const remaining = count - employeeIds.length;
    const staff: string[] = [];
    for (let i = 0; i < remaining; i++) {
      const pppk = i % 25 === 24;
      const rank = 5 + Math.floor(random() * 6);
      const e = employee(rank, pppk ? 'PPPK' : 'PNS');
      if (pppk) w.update('employees', e.id, { golongan: ['V', 'VII', 'IX', 'X'][Math.floor(random() * 4)]! });
      assign(e.id, staffPositions[i % staffPositions.length]!, 'definitif', startFor(e));
      staff.push(e.id);
      if (i === 0) logins.push({ nip: formatNip(e.nip), name: e.name, role: 'Pelaksana', username: 'staf' });
    }
    // A few explicit overrides, as real offices have.
    for (let i = 199; i < staff.length; i += 200) {
      const other = staff[(i * 7) % staff.length]!;
      if (other === staff[i]) continue;
      w.insert('appraisal_overrides', {
        employee_id: staff[i]!,
        appraiser_employee_id: kadis.id,
        atasan_employee_id: null,
        start_date: `${year}-01-02`,
        end_date: `${year}-12-31`,
        reason: 'Penugasan khusus (data sintetis)',
      });
    }
    for (const step of syntheticSteps) {
      log(`Menambah data sintetis: ${step.name}`);
      step.run({ core, officeId, employeeIds, today, random, log });
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
      after: { employees: employeeIds.length, units: unitCount, positions: positionCount, assignments: assignmentCount, rows: w.changes.length },
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
  logins.unshift({ nip: formatNip(adminNip), name: 'Administrator Sintetis', role: 'Pengelola Kinerja', username: 'admin' });
  return { officeName, employees: employeeIds.length, units: unitCount, positions: positionCount, assignments: assignmentCount, logins, ms: Date.now() - started };
}
