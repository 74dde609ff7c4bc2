import { assertCanSeeEmployee, canManagePerson } from '../access';
import { RecordWriter } from '../db/records';
import { type HandlerMap, type AuthedReadContext } from '../context';
import type { AppraisalOverridesTable, AssignmentsTable } from '../db/schema';
import { AppError, notFound, ruleViolation } from '../../../shared/errors';
import { canonicalGolongan, isGone } from '../../../shared/people/fields';
import { addDays, formatDateId } from '../../../shared/people/dates';
import { formatFullName } from '../../../shared/people/names';
import { problemKinds, type ProblemKind } from '../../../shared/people/commands';
import { scopeOffice } from '../org/queries';
import { appraisalChain, appraiseesOf, primaryAssignment } from './appraisal';
import { employeeHistory } from './history';
import { runImport } from './import';
import { appraisalProblems } from './problems';
import { exportEmployees, listEmployees } from './queries';
import {
  assignmentsOut,
  checkAssignment,
  createEmployee,
  employeeOut,
  fieldError,
  insertAssignment,
  loadEmployee,
  loadLivePosition,
  overlaps,
  overridesOut,
  today,
  updateEmployee,
  type EmployeeValues,
} from './service';
import { DbChainSource } from './source';


function values(input: {
  kind: 'PNS' | 'PPPK';
  nip: string;
  frontTitle?: string | null;
  name: string;
  backTitle?: string | null;
  sex?: 'L' | 'P' | null;
  birthDate?: string | null;
  golongan?: string | null;
  tmtGolongan?: string | null;
  phone?: string | null;
  email?: string | null;
  status: EmployeeValues['status'];
}): EmployeeValues {
  return {
    kind: input.kind,
    nip: input.nip,
    front_title: input.frontTitle ?? null,
    name: input.name,
    back_title: input.backTitle ?? null,
    sex: input.sex ?? null,
    birth_date: input.birthDate ?? null,
    golongan: canonicalGolongan(input.golongan, input.kind),
    tmt_golongan: input.tmtGolongan ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    status: input.status,
  };
}

function loadAssignment(ctx: AuthedReadContext, id: string): AssignmentsTable {
  const row = ctx.core.q.first(ctx.core.db.selectFrom('assignments').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row || row.office_id !== ctx.actor.officeId) throw notFound('Penempatan jabatan');
  return row;
}

function loadOverride(ctx: AuthedReadContext, id: string): AppraisalOverridesTable {
  const row = ctx.core.q.first(ctx.core.db.selectFrom('appraisal_overrides').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row || row.office_id !== ctx.actor.officeId) throw notFound('Penetapan khusus pejabat penilai');
  return row;
}

export const peopleHandlers: HandlerMap<
  | 'people.list'
  | 'people.get'
  | 'people.create'
  | 'people.update'
  | 'people.assign'
  | 'people.endAssignment'
  | 'people.cancelAssignment'
  | 'people.setOverride'
  | 'people.removeOverride'
  | 'people.appraisalChain'
  | 'people.problems'
  | 'people.importPreview'
  | 'people.import'
  | 'people.exportRows'
> = {
  'people.list': (ctx, input) => {
    const officeId = scopeOffice(ctx, input.officeId);
    const date = input.date ?? today(ctx);
    const { total, items } = listEmployees(ctx.core, officeId, date, input);
    return { total, offset: input.offset, limit: input.limit, date, items };
  },

  'people.get': (ctx, input) => {
    assertCanSeeEmployee(ctx, input.id);
    const row = loadEmployee(ctx.core, null, input.id);
    const date = input.date ?? today(ctx);
    const src = new DbChainSource(ctx.core);
    const appraisees = appraiseesOf(ctx.core, row.id, date).map((a) => {
      const e = src.employee(a.employeeId)!;
      const primary = primaryAssignment(src, e.id, date);
      return {
        employeeId: e.id,
        nip: e.nip,
        name: formatFullName(e.front_title, e.name, e.back_title),
        positionName: primary ? (src.position(primary.position_id)?.name ?? null) : null,
        link: a.link,
      };
    });
    appraisees.sort((a, b) => (a.link === b.link ? a.name.localeCompare(b.name, 'id') : a.link === 'penilai' ? -1 : 1));
    const office = ctx.core.q.first(ctx.core.db.selectFrom('offices').select('name').where('id', '=', row.office_id));
    return {
      employee: employeeOut(row),
      officeName: office?.name ?? '',
      date,
      assignments: assignmentsOut(ctx.core, { employeeId: row.id }, date),
      overrides: overridesOut(ctx.core, { employeeId: row.id }, date),
      chain: appraisalChain(ctx.core, row.id, date),
      appraisees,
      history: employeeHistory(ctx.core, row.id),
      canEdit: canManagePerson(ctx.actor, row.office_id),
    };
  },

  'people.create': (ctx, input) => {
    const employee = createEmployee(ctx, values(input));
    if (input.assignment) {
      if (isGone(employee.status ?? 'aktif')) throw fieldError('assignment.positionId', 'Pegawai yang pindah atau pensiun tidak dapat ditempatkan pada jabatan.');
      const position = loadLivePosition(ctx.core, ctx.actor.officeId, input.assignment.positionId);
      const req = {
        employeeId: employee.id,
        employeeName: employee.name,
        position,
        kind: input.assignment.kind,
        startDate: input.assignment.startDate,
        endDate: input.assignment.endDate ?? null,
        endPrevious: false,
      };
      try {
        checkAssignment(ctx.core, req);
      } catch (err) {
        // The form shows assignment problems under its assignment fields.
        if (err instanceof AppError) {
          const fields = Object.fromEntries(Object.entries(err.fields ?? { positionId: err.message }).map(([k, v]) => [`assignment.${k}`, v]));
          throw new AppError(err.code, err.message, { fields, details: err.details });
        }
        throw err;
      }
      insertAssignment(ctx, employee.id, req, input.assignment.skNumber ?? null, null);
    }
    return { employee: employeeOut(loadEmployee(ctx.core, ctx.actor.officeId, employee.id)) };
  },

  'people.update': (ctx, input) => {
    const row = loadEmployee(ctx.core, ctx.actor.officeId, input.id);
    const kind = input.kind ?? row.kind;
    const patch: Partial<EmployeeValues> = {
      kind: input.kind,
      nip: input.nip,
      front_title: input.frontTitle,
      name: input.name,
      back_title: input.backTitle,
      sex: input.sex ?? undefined,
      birth_date: input.birthDate ?? undefined,
      golongan: input.golongan === undefined ? undefined : canonicalGolongan(input.golongan, kind),
      tmt_golongan: input.tmtGolongan,
      phone: input.phone,
      email: input.email,
      status: input.status,
    };
    const { employee, endedAssignments } = updateEmployee(ctx, row, patch, input.version);
    return { employee: employeeOut(employee), endedAssignments };
  },

  'people.assign': (ctx, input) => {
    const employee = loadEmployee(ctx.core, ctx.actor.officeId, input.employeeId);
    if (isGone(employee.status)) {
      throw ruleViolation(`${employee.name} berstatus ${employee.status}; ubah statusnya lebih dulu bila ia kembali bertugas.`);
    }
    const position = loadLivePosition(ctx.core, ctx.actor.officeId, input.positionId);
    const req = {
      employeeId: employee.id,
      employeeName: employee.name,
      position,
      kind: input.kind,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      endPrevious: input.endPrevious,
    };
    const { endPrevious } = checkAssignment(ctx.core, req);
    const { assignment, endedId } = insertAssignment(ctx, employee.id, req, input.skNumber ?? null, endPrevious);
    return { assignment: assignmentsOut(ctx.core, { id: assignment.id }, today(ctx))[0]!, endedAssignmentId: endedId };
  },

  'people.endAssignment': (ctx, input) => {
    const a = loadAssignment(ctx, input.id);
    // History is never rewritten: an end date, once set, stays.
    if (a.end_date) throw ruleViolation(`Penempatan ini sudah berakhir pada ${formatDateId(a.end_date)}.`);
    if (input.endDate < a.start_date) throw fieldError('endDate', `Tanggal selesai tidak boleh sebelum tanggal mulai (${formatDateId(a.start_date)}).`);
    ctx.write.update('assignments', a.id, { end_date: input.endDate }, input.version, 'Penempatan jabatan');
    return { assignment: assignmentsOut(ctx.core, { id: a.id }, today(ctx))[0]! };
  },

  'people.cancelAssignment': (ctx, input) => {
    const a = loadAssignment(ctx, input.id);
    ctx.write.update('assignments', a.id, { cancel_reason: input.reason }, input.version, 'Penempatan jabatan');
    ctx.write.remove('assignments', a.id);
    return { ok: true as const };
  },

  'people.setOverride': (ctx, input) => {
    const employee = loadEmployee(ctx.core, ctx.actor.officeId, input.employeeId);
    // The appraiser may work in another office (e.g. a kepala dinas appraised by the Sekda).
    const appraiser = loadEmployee(ctx.core, null, input.appraiserEmployeeId);
    const atasanId = input.atasanEmployeeId ?? null;
    if (appraiser.id === employee.id) throw fieldError('appraiserEmployeeId', 'Pegawai tidak dapat menilai dirinya sendiri.');
    if (isGone(appraiser.status)) throw fieldError('appraiserEmployeeId', `${appraiser.name} berstatus ${appraiser.status} dan tidak dapat menjadi Pejabat Penilai.`);
    if (atasanId) {
      const atasan = loadEmployee(ctx.core, null, atasanId);
      if (atasan.id === employee.id || atasan.id === appraiser.id) {
        throw fieldError('atasanEmployeeId', 'Atasan Pejabat Penilai harus orang lain selain pegawai dan pejabat penilainya.');
      }
      if (isGone(atasan.status)) throw fieldError('atasanEmployeeId', `${atasan.name} berstatus ${atasan.status} dan tidak dapat menjadi Atasan Pejabat Penilai.`);
    }
    const endDate = input.endDate ?? null;
    if (endDate && endDate < input.startDate) throw fieldError('endDate', 'Tanggal selesai tidak boleh sebelum tanggal mulai.');
    const existing = ctx.core.q.all(ctx.core.db.selectFrom('appraisal_overrides').selectAll().where('employee_id', '=', employee.id).where('deleted_at', 'is', null));
    let toEnd: AppraisalOverridesTable | null = null;
    for (const o of existing) {
      if (!overlaps(o.start_date, o.end_date, input.startDate, endDate)) continue;
      // A new override replaces a running open-ended one from its start date on.
      if (!toEnd && o.start_date < input.startDate && o.end_date === null) {
        toEnd = o;
        continue;
      }
      throw ruleViolation(
        `Sudah ada penetapan khusus pejabat penilai ${o.end_date ? `${formatDateId(o.start_date)} s.d. ${formatDateId(o.end_date)}` : `sejak ${formatDateId(o.start_date)}`} yang bertumpang tindih. Hapus atau akhiri lebih dulu.`,
      );
    }
    const created = ctx.write.insert('appraisal_overrides', {
      employee_id: employee.id,
      appraiser_employee_id: appraiser.id,
      atasan_employee_id: atasanId,
      start_date: input.startDate,
      end_date: endDate,
      reason: input.reason,
    });
    if (toEnd) ctx.write.update('appraisal_overrides', toEnd.id, { end_date: addDays(input.startDate, -1) });
    return { override: overridesOut(ctx.core, { id: created.id }, today(ctx))[0]!, endedOverrideId: toEnd?.id ?? null };
  },

  'people.removeOverride': (ctx, input) => {
    const o = loadOverride(ctx, input.id);
    ctx.write.remove('appraisal_overrides', o.id, input.version, 'Penetapan khusus pejabat penilai');
    return { ok: true as const };
  },

  'people.appraisalChain': (ctx, input) => {
    assertCanSeeEmployee(ctx, input.employeeId);
    loadEmployee(ctx.core, null, input.employeeId);
    return appraisalChain(ctx.core, input.employeeId, input.date ?? today(ctx));
  },

  'people.problems': (ctx, input) => {
    const officeId = scopeOffice(ctx, input.officeId);
    const date = input.date ?? today(ctx);
    const items = appraisalProblems(ctx.core, officeId, date);
    const counts: Record<string, number> = Object.fromEntries(problemKinds.map((k) => [k, 0]));
    for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
    return { date, items, counts: counts as Record<ProblemKind, number> };
  },

  'people.importPreview': (ctx, input) => {
    // The preview is the import itself, run in a transaction that is always rolled back, so its
    // report is exactly what the import would do. Nothing it writes survives.
    let outcome: ReturnType<typeof runImport> | null = null;
    const rollback = new Error('preview rollback');
    try {
      ctx.core.sqlite.transaction(() => {
        // A read has no writer: the preview brings its own, whose writes the rollback discards.
        outcome = runImport({ ...ctx, write: new RecordWriter(ctx.core, () => ctx.actor.officeId, ctx.nowIso) }, input.rows);
        throw rollback;
      })();
    } catch (err) {
      if (err !== rollback) throw err;
    }
    const result = outcome as ReturnType<typeof runImport> | null;
    if (!result) throw new Error('import preview produced no outcome');
    return { ok: result.problems.length === 0, summary: result.summary, problems: result.problems };
  },

  'people.import': (ctx, input) => {
    const { problems, summary } = runImport(ctx, input.rows);
    if (problems.length > 0) {
      // Thrown inside the command's transaction: every row written so far is rolled back.
      const rows = new Set(problems.map((p) => p.row)).size;
      throw new AppError('VALIDATION', `${rows} baris tidak valid; tidak ada data yang diimpor. Perbaiki baris tersebut lalu impor ulang seluruh berkas.`, {
        details: { problems, summary },
      });
    }
    return { summary };
  },

  'people.exportRows': (ctx, input) => {
    const officeId = scopeOffice(ctx, input.officeId);
    const date = input.date ?? today(ctx);
    const office = ctx.core.q.first(ctx.core.db.selectFrom('offices').select('name').where('id', '=', officeId));
    return { date, officeName: office?.name ?? '', rows: exportEmployees(ctx.core, officeId, date, input) };
  },
};
