import { AppError, conflict, notFound, ruleViolation } from '../../../shared/errors';
import { actingPrefix, assignmentKindLabels, isManagerial, type AssignmentKind, type PositionType } from '../../../shared/org/jabatan';
import type { Assignment, AppraisalOverride, Employee } from '../../../shared/people/commands';
import { addDays, formatDateId, localDate } from '../../../shared/people/dates';
import { checkEmployeeFacts, isGone, type EmployeeStatus } from '../../../shared/people/fields';
import { findGolongan } from '../../../shared/people/golongan';
import { formatFullName } from '../../../shared/people/names';
import { parseNip } from '../../../shared/people/nip';
import type { AuthedContext } from '../context';
import type { Core } from '../core';
import type { AssignmentsTable, AppraisalOverridesTable, EmployeesTable, PositionsTable } from '../db/schema';

/**
 * The rules of employees, assignments and overrides, shared by the single-record commands and the
 * import so a spreadsheet row is held to exactly what the form is.
 */
export const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, { fields: { [field]: message } });

export type EmployeeRow = Required<EmployeesTable>;

export function today(ctx: { now: Date }): string {
  return localDate(ctx.now);
}

export function employeeOut(row: EmployeeRow): Employee {
  const parsed = parseNip(row.nip, row.kind);
  return {
    id: row.id,
    officeId: row.office_id,
    nip: row.nip,
    name: row.name,
    frontTitle: row.front_title ?? null,
    backTitle: row.back_title ?? null,
    fullName: formatFullName(row.front_title, row.name, row.back_title),
    kind: row.kind ?? 'PNS',
    sex: row.sex ?? (parsed.ok ? parsed.facts.sex : null),
    birthDate: row.birth_date ?? (parsed.ok ? parsed.facts.birthDate : null),
    golongan: row.golongan ?? null,
    pangkat: findGolongan(row.golongan)?.pangkat ?? null,
    tmtGolongan: row.tmt_golongan ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    status: row.status ?? 'aktif',
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function loadEmployee(core: Core, officeId: string | null, id: string): EmployeeRow {
  const row = core.q.first(core.db.selectFrom('employees').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row || (officeId !== null && row.office_id !== officeId)) throw notFound('Pegawai');
  return row;
}

export function loadLivePosition(core: Core, officeId: string, id: string): PositionsTable {
  const row = core.q.first(core.db.selectFrom('positions').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row || row.office_id !== officeId) throw notFound('Jabatan');
  return row;
}

/** NIPs are unique across every office: the same person cannot be two employees. */
export function nipOwner(core: Core, nip: string): { id: string; office_id: string; name: string; office_name: string } | undefined {
  return core.q.first(
    core.db
      .selectFrom('employees as e')
      .innerJoin('offices as o', 'o.id', 'e.office_id')
      .select(['e.id', 'e.office_id', 'e.name', 'o.name as office_name'])
      .where('e.nip', '=', nip)
      .where('e.deleted_at', 'is', null),
  );
}

export function nipTakenMessage(owner: { office_id: string; name: string; office_name: string }, officeId: string): string {
  return owner.office_id === officeId
    ? `NIP ini sudah terdaftar untuk ${owner.name}.`
    : `NIP ini sudah terdaftar di instansi lain (${owner.office_name}). Pegawai pindahan dipindahkan oleh instansi asal atau BKPSDM.`;
}

export interface EmployeeValues {
  kind: 'PNS' | 'PPPK';
  nip: string;
  front_title: string | null;
  name: string;
  back_title: string | null;
  sex: 'L' | 'P' | null;
  birth_date: string | null;
  golongan: string | null;
  tmt_golongan: string | null;
  phone: string | null;
  email: string | null;
  status: EmployeeStatus;
}

/**
 * Fills what the NIP says (sex, birth date) and checks the record as a whole. Throws VALIDATION
 * with every wrong field.
 */
export function completeEmployee(values: EmployeeValues, day: string): EmployeeValues {
  const problems = checkEmployeeFacts({
    kind: values.kind,
    nip: values.nip,
    sex: values.sex,
    birthDate: values.birth_date,
    golongan: values.golongan,
    tmtGolongan: values.tmt_golongan,
  });
  if (problems.length > 0) {
    const fields = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    throw new AppError('VALIDATION', `Periksa kembali isian Anda: ${problems[0]!.message}`, { fields });
  }
  const parsed = parseNip(values.nip, values.kind, day);
  if (!parsed.ok) throw fieldError('nip', parsed.message);
  return { ...values, sex: parsed.facts.sex, birth_date: parsed.facts.birthDate };
}

export function createEmployee(ctx: AuthedContext, values: EmployeeValues): EmployeeRow {
  const complete = completeEmployee(values, today(ctx));
  const owner = nipOwner(ctx.core, complete.nip);
  if (owner) throw fieldError('nip', nipTakenMessage(owner, ctx.actor.officeId));
  return ctx.write.insert('employees', { ...complete, office_id: ctx.actor.officeId }) as EmployeeRow;
}

/** Applies a patch (undefined = unchanged). Moving away or retiring ends running assignments. */
export function updateEmployee(
  ctx: AuthedContext,
  row: EmployeeRow,
  patch: Partial<EmployeeValues>,
  expectedVersion: number | undefined,
): { employee: EmployeeRow; endedAssignments: number } {
  const merged: EmployeeValues = {
    kind: patch.kind ?? row.kind,
    nip: patch.nip ?? row.nip,
    front_title: patch.front_title === undefined ? row.front_title : patch.front_title,
    name: patch.name ?? row.name,
    back_title: patch.back_title === undefined ? row.back_title : patch.back_title,
    // Sex and birth date are re-derived from the (possibly corrected) NIP; a stated one must agree.
    sex: patch.sex ?? null,
    birth_date: patch.birth_date ?? null,
    golongan: patch.golongan === undefined ? row.golongan : patch.golongan,
    tmt_golongan: patch.tmt_golongan === undefined ? row.tmt_golongan : patch.tmt_golongan,
    phone: patch.phone === undefined ? row.phone : patch.phone,
    email: patch.email === undefined ? row.email : patch.email,
    status: patch.status ?? row.status,
  };
  // Checked before validation so a stale form hears "reload" rather than about its fields.
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw conflict('Data pegawai', row.version);
  const complete = completeEmployee(merged, today(ctx));
  if (complete.nip !== row.nip) {
    const owner = nipOwner(ctx.core, complete.nip);
    if (owner && owner.id !== row.id) throw fieldError('nip', nipTakenMessage(owner, row.office_id));
  }
  const employee = ctx.write.update('employees', row.id, complete, expectedVersion, 'Data pegawai') as EmployeeRow;
  let endedAssignments = 0;
  if (isGone(complete.status) && !isGone(row.status)) endedAssignments = endAllAssignments(ctx, row.id, `Pegawai berstatus ${complete.status}`);
  return { employee, endedAssignments };
}

/** Ends running assignments today (yesterday when they started today) and cancels future ones. */
function endAllAssignments(ctx: AuthedContext, employeeId: string, reason: string): number {
  const day = today(ctx);
  const rows = ctx.core.q.all(
    ctx.core.db
      .selectFrom('assignments')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .where('deleted_at', 'is', null)
      .where((w) => w.or([w('end_date', 'is', null), w('end_date', '>', day)])),
  );
  for (const a of rows) {
    if (a.start_date > day) {
      ctx.write.update('assignments', a.id, { cancel_reason: reason });
      ctx.write.remove('assignments', a.id);
    } else {
      ctx.write.update('assignments', a.id, { end_date: day });
    }
  }
  return rows.length;
}

// -------------------------------------------------------------------------------------------
// Assignments

export function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return aStart <= (bEnd ?? '9999-12-31') && bStart <= (aEnd ?? '9999-12-31');
}

/** A position others report to, or a managerial one, is held by one person at a time. */
export function isSingleHolder(core: Core, position: PositionsTable): boolean {
  if (isManagerial(position.type as PositionType)) return true;
  return !!core.q.first(core.db.selectFrom('positions').select('id').where('reports_to_position_id', '=', position.id).where('deleted_at', 'is', null).limit(1));
}

export interface AssignmentRequest {
  employeeId: string | null;
  employeeName: string;
  position: PositionsTable;
  kind: AssignmentKind;
  startDate: string;
  endDate: string | null;
  endPrevious: boolean;
}

function nameOf(core: Core, employeeId: string): string {
  const e = core.q.first(core.db.selectFrom('employees').select(['name', 'front_title', 'back_title']).where('id', '=', employeeId));
  return e ? formatFullName(e.front_title, e.name, e.back_title) : 'pegawai lain';
}

function running(a: { start_date: string; end_date: string | null }): string {
  return a.end_date ? `${formatDateId(a.start_date)} s.d. ${formatDateId(a.end_date)}` : `sejak ${formatDateId(a.start_date)}`;
}

/**
 * Checks an assignment without writing. Returns the running definitive assignment to end the day
 * before (a transfer), if any. Throws VALIDATION/RULE_VIOLATION naming what collides.
 */
export function checkAssignment(core: Core, req: AssignmentRequest): { endPrevious: AssignmentsTable | null } {
  const { position, kind, startDate, endDate } = req;
  if (endDate && endDate < startDate) throw fieldError('endDate', 'Tanggal selesai tidak boleh sebelum tanggal mulai.');
  const single = isSingleHolder(core, position);
  if (kind !== 'definitif' && !single) {
    throw fieldError('kind', `Plt/Plh hanya untuk jabatan pimpinan. ${position.name} adalah jabatan yang dapat dipegang banyak orang; gunakan Definitif.`);
  }
  const onPosition = core.q.all(core.db.selectFrom('assignments').selectAll().where('position_id', '=', position.id).where('deleted_at', 'is', null));
  for (const a of onPosition) {
    if (!overlaps(a.start_date, a.end_date, startDate, endDate)) continue;
    if (a.employee_id === req.employeeId) {
      throw ruleViolation(`${req.employeeName} sudah memegang ${position.name} (${assignmentKindLabels[a.kind]}, ${running(a)}).`);
    }
    if (single && a.kind === kind) {
      const what = kind === 'definitif' ? 'dipegang secara definitif' : `sudah memiliki ${actingPrefix(kind).trim()}`;
      throw ruleViolation(
        `Jabatan ${position.name} ${what} oleh ${nameOf(core, a.employee_id)} (${running(a)}). Akhiri penempatan itu lebih dulu${kind === 'definitif' ? ', atau tunjuk sebagai Plt/Plh' : ''}.`,
      );
    }
    if (single && kind !== 'definitif' && a.kind !== 'definitif') {
      throw ruleViolation(`Jabatan ${position.name} sudah memiliki pejabat pengganti ${nameOf(core, a.employee_id)} (${running(a)}).`);
    }
  }
  let endPrevious: AssignmentsTable | null = null;
  if (kind === 'definitif' && req.employeeId) {
    const own = core.q.all(
      core.db.selectFrom('assignments').selectAll().where('employee_id', '=', req.employeeId).where('kind', '=', 'definitif').where('deleted_at', 'is', null),
    );
    for (const a of own) {
      if (!overlaps(a.start_date, a.end_date, startDate, endDate)) continue;
      const canEnd = req.endPrevious && a.start_date < startDate && (a.end_date === null || a.end_date >= startDate) && !endPrevious;
      if (canEnd) {
        endPrevious = a;
        continue;
      }
      const p = core.q.first(core.db.selectFrom('positions').select('name').where('id', '=', a.position_id));
      throw ruleViolation(
        `${req.employeeName} masih memegang jabatan definitif ${p?.name ?? ''} (${running(a)}), yang bertumpang tindih dengan tanggal ini. Akhiri jabatan itu lebih dulu atau pilih tanggal mulai setelahnya.`,
      );
    }
  }
  return { endPrevious };
}

export function insertAssignment(
  ctx: AuthedContext,
  employeeId: string,
  req: AssignmentRequest,
  skNumber: string | null,
  endPrevious: AssignmentsTable | null,
): { assignment: AssignmentsTable; endedId: string | null } {
  // Inserted first so the command's audit entry names the new assignment.
  const assignment = ctx.write.insert('assignments', {
    employee_id: employeeId,
    position_id: req.position.id,
    kind: req.kind,
    start_date: req.startDate,
    end_date: req.endDate,
    sk_number: skNumber,
    cancel_reason: null,
  });
  if (endPrevious) ctx.write.update('assignments', endPrevious.id, { end_date: addDays(req.startDate, -1) });
  return { assignment, endedId: endPrevious?.id ?? null };
}

export function stateOn(start: string, end: string | null, date: string): 'berjalan' | 'selesai' | 'akan_datang' {
  if (start > date) return 'akan_datang';
  if (end !== null && end < date) return 'selesai';
  return 'berjalan';
}

export function assignmentsOut(core: Core, where: { employeeId?: string; id?: string }, date: string): Assignment[] {
  const rows = core.q
    .prepare(
      `SELECT a.*, p.name AS position_name, p.type AS position_type, p.unit_id, u.name AS unit_name
       FROM assignments a JOIN positions p ON p.id = a.position_id LEFT JOIN units u ON u.id = p.unit_id
       WHERE a.deleted_at IS NULL AND ${where.id ? 'a.id = ?' : 'a.employee_id = ?'}
       ORDER BY a.start_date DESC, a.kind`,
    )
    .all(where.id ?? where.employeeId) as (AssignmentsTable & { position_name: string; position_type: PositionType; unit_id: string | null; unit_name: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    positionId: r.position_id,
    positionName: r.position_name,
    positionType: r.position_type,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    skNumber: r.sk_number,
    state: stateOn(r.start_date, r.end_date, date),
    version: r.version,
  }));
}

export function overridesOut(core: Core, where: { employeeId?: string; id?: string }, date: string): AppraisalOverride[] {
  const rows = core.q
    .prepare(
      `SELECT o.*, ap.name AS ap_name, ap.front_title AS ap_front, ap.back_title AS ap_back, ap.nip AS ap_nip,
              at.name AS at_name, at.front_title AS at_front, at.back_title AS at_back, at.nip AS at_nip
       FROM appraisal_overrides o JOIN employees ap ON ap.id = o.appraiser_employee_id LEFT JOIN employees at ON at.id = o.atasan_employee_id
       WHERE o.deleted_at IS NULL AND ${where.id ? 'o.id = ?' : 'o.employee_id = ?'} ORDER BY o.start_date DESC`,
    )
    .all(where.id ?? where.employeeId) as (AppraisalOverridesTable & {
    ap_name: string;
    ap_front: string | null;
    ap_back: string | null;
    ap_nip: string;
    at_name: string | null;
    at_front: string | null;
    at_back: string | null;
    at_nip: string | null;
  })[];
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    appraiserEmployeeId: r.appraiser_employee_id,
    appraiserName: formatFullName(r.ap_front, r.ap_name, r.ap_back),
    appraiserNip: r.ap_nip,
    atasanEmployeeId: r.atasan_employee_id,
    atasanName: r.at_name ? formatFullName(r.at_front, r.at_name, r.at_back) : null,
    atasanNip: r.at_nip,
    startDate: r.start_date,
    endDate: r.end_date,
    reason: r.reason,
    state: stateOn(r.start_date, r.end_date, date),
    version: r.version,
  }));
}
