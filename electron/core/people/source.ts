import type { Core } from '../core';

/**
 * The rows the appraisal chain reads, behind one interface so the same resolution runs on single
 * lookups (prepared statements: access checks, one employee's page) and on a whole office at once
 * (everything preloaded: the problems list and the export of thousands of employees).
 */
export interface EmployeeBrief {
  id: string;
  office_id: string;
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  status: 'aktif' | 'cuti' | 'pindah' | 'pensiun';
  /** The grade, for the SKP header (read with the rest, instead of one query per header). */
  golongan?: string | null;
}

export interface PositionBrief {
  id: string;
  office_id: string;
  unit_id: string | null;
  name: string;
  type: string;
  reports_to_position_id: string | null;
}

export interface AssignmentBrief {
  id: string;
  employee_id: string;
  position_id: string;
  kind: 'definitif' | 'plt' | 'plh';
  start_date: string;
  end_date: string | null;
}

export interface OverrideBrief {
  id: string;
  employee_id: string;
  appraiser_employee_id: string;
  atasan_employee_id: string | null;
  start_date: string;
  end_date: string | null;
  reason: string;
}

export interface OfficeBrief {
  id: string;
  name: string;
  head_position_id: string | null;
  head_appraiser_name: string | null;
  head_appraiser_nip: string | null;
  head_appraiser_position: string | null;
  head_appraiser_superior_name: string | null;
  head_appraiser_superior_nip: string | null;
  head_appraiser_superior_position: string | null;
}

export interface ChainSource {
  employee(id: string): EmployeeBrief | undefined;
  position(id: string): PositionBrief | undefined;
  unitName(id: string | null): string | null;
  office(id: string): OfficeBrief | undefined;
  /** Live assignments of an employee running on the date. */
  assignmentsOfEmployee(employeeId: string, date: string): AssignmentBrief[];
  /** Live assignments to a position running on the date. */
  assignmentsOfPosition(positionId: string, date: string): AssignmentBrief[];
  /** The live override of an employee running on the date (overlaps are refused on write). */
  overrideOf(employeeId: string, date: string): OverrideBrief | undefined;
}

const employeeCols = 'id, office_id, nip, name, front_title, back_title, status, golongan';
const positionCols = 'id, office_id, unit_id, name, type, reports_to_position_id';
const assignmentCols = 'id, employee_id, position_id, kind, start_date, end_date';
const overrideCols = 'id, employee_id, appraiser_employee_id, atasan_employee_id, start_date, end_date, reason';
const officeCols =
  'id, name, head_position_id, head_appraiser_name, head_appraiser_nip, head_appraiser_position, head_appraiser_superior_name, head_appraiser_superior_nip, head_appraiser_superior_position';
const running = 'deleted_at IS NULL AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)';

/** Reads straight from the database, one small indexed query per question. */
export class DbChainSource implements ChainSource {
  constructor(private readonly core: Core) {}

  employee(id: string): EmployeeBrief | undefined {
    return this.core.q.prepare(`SELECT ${employeeCols} FROM employees WHERE id = ? AND deleted_at IS NULL`).get(id) as EmployeeBrief | undefined;
  }

  position(id: string): PositionBrief | undefined {
    return this.core.q.prepare(`SELECT ${positionCols} FROM positions WHERE id = ? AND deleted_at IS NULL`).get(id) as PositionBrief | undefined;
  }

  unitName(id: string | null): string | null {
    if (!id) return null;
    const row = this.core.q.prepare('SELECT name FROM units WHERE id = ?').get(id) as { name: string } | undefined;
    return row?.name ?? null;
  }

  office(id: string): OfficeBrief | undefined {
    return this.core.q.prepare(`SELECT ${officeCols} FROM offices WHERE id = ?`).get(id) as OfficeBrief | undefined;
  }

  assignmentsOfEmployee(employeeId: string, date: string): AssignmentBrief[] {
    return this.core.q
      .prepare(`SELECT ${assignmentCols} FROM assignments WHERE employee_id = ? AND ${running}`)
      .all(employeeId, date, date) as AssignmentBrief[];
  }

  assignmentsOfPosition(positionId: string, date: string): AssignmentBrief[] {
    return this.core.q
      .prepare(`SELECT ${assignmentCols} FROM assignments WHERE position_id = ? AND ${running}`)
      .all(positionId, date, date) as AssignmentBrief[];
  }

  overrideOf(employeeId: string, date: string): OverrideBrief | undefined {
    return this.core.q
      .prepare(`SELECT ${overrideCols} FROM appraisal_overrides WHERE employee_id = ? AND ${running} ORDER BY start_date DESC LIMIT 1`)
      .get(employeeId, date, date) as OverrideBrief | undefined;
  }

  /** Positions reporting to one position (for finding whom someone appraises). */
  childPositions(positionId: string): PositionBrief[] {
    return this.core.q
      .prepare(`SELECT ${positionCols} FROM positions WHERE reports_to_position_id = ? AND deleted_at IS NULL`)
      .all(positionId) as PositionBrief[];
  }

  /** Overrides naming someone as appraiser or atasan on the date. */
  overridesNaming(employeeId: string, date: string): OverrideBrief[] {
    return this.core.q
      .prepare(
        `SELECT ${overrideCols} FROM appraisal_overrides
         WHERE (appraiser_employee_id = ? OR atasan_employee_id = ?) AND ${running}`,
      )
      .all(employeeId, employeeId, date, date) as OverrideBrief[];
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One office on one date, loaded in a handful of queries. Anything outside it (an appraiser from
 * another office named by an override) falls back to the database.
 */
export class OfficeSnapshot implements ChainSource {
  readonly employees = new Map<string, EmployeeBrief>();
  readonly positions = new Map<string, PositionBrief>();
  private readonly units = new Map<string, string>();
  private readonly byEmployee = new Map<string, AssignmentBrief[]>();
  private readonly byPosition = new Map<string, AssignmentBrief[]>();
  private readonly overrides = new Map<string, OverrideBrief>();
  private readonly officeRow: OfficeBrief | undefined;
  private readonly db: DbChainSource;

  constructor(
    core: Core,
    readonly officeId: string,
    readonly date: string,
  ) {
    this.db = new DbChainSource(core);
    const q = core.q;
    for (const e of q.prepare(`SELECT ${employeeCols} FROM employees WHERE office_id = ? AND deleted_at IS NULL`).all(officeId) as EmployeeBrief[]) {
      this.employees.set(e.id, e);
    }
    for (const p of q.prepare(`SELECT ${positionCols} FROM positions WHERE office_id = ? AND deleted_at IS NULL`).all(officeId) as PositionBrief[]) {
      this.positions.set(p.id, p);
    }
    for (const u of q.prepare('SELECT id, name FROM units WHERE office_id = ?').all(officeId) as { id: string; name: string }[]) {
      this.units.set(u.id, u.name);
    }
    const assignments = q
      .prepare(`SELECT ${assignmentCols} FROM assignments WHERE office_id = ? AND ${running}`)
      .all(officeId, date, date) as AssignmentBrief[];
    for (const a of assignments) {
      pushTo(this.byEmployee, a.employee_id, a);
      pushTo(this.byPosition, a.position_id, a);
    }
    const overrides = q
      .prepare(`SELECT ${overrideCols} FROM appraisal_overrides WHERE office_id = ? AND ${running} ORDER BY start_date`)
      .all(officeId, date, date) as OverrideBrief[];
    for (const o of overrides) this.overrides.set(o.employee_id, o);
    this.officeRow = this.db.office(officeId);
  }

  private check(date: string): boolean {
    return date === this.date;
  }

  employee(id: string): EmployeeBrief | undefined {
    return this.employees.get(id) ?? this.db.employee(id);
  }

  position(id: string): PositionBrief | undefined {
    return this.positions.get(id) ?? this.db.position(id);
  }

  unitName(id: string | null): string | null {
    if (!id) return null;
    return this.units.get(id) ?? this.db.unitName(id);
  }

  office(id: string): OfficeBrief | undefined {
    return id === this.officeId ? this.officeRow : this.db.office(id);
  }

  assignmentsOfEmployee(employeeId: string, date: string): AssignmentBrief[] {
    if (!this.check(date) || !this.employees.has(employeeId)) return this.db.assignmentsOfEmployee(employeeId, date);
    return this.byEmployee.get(employeeId) ?? [];
  }

  assignmentsOfPosition(positionId: string, date: string): AssignmentBrief[] {
    if (!this.check(date) || !this.positions.has(positionId)) return this.db.assignmentsOfPosition(positionId, date);
    return this.byPosition.get(positionId) ?? [];
  }

  overrideOf(employeeId: string, date: string): OverrideBrief | undefined {
    if (!this.check(date) || !this.employees.has(employeeId)) return this.db.overrideOf(employeeId, date);
    return this.overrides.get(employeeId);
  }
}
