import { actingPrefix, positionLevelLabels, positionTypeLabels, type PositionLevel, type PositionType } from '../../../shared/org/jabatan';
import type { EmployeeListItem, ExportRow } from '../../../shared/people/commands';
import { employeeStatusLabels, type EmployeeStatus } from '../../../shared/people/fields';
import { findGolongan, pnsGolongan, pppkGolongan } from '../../../shared/people/golongan';
import { formatFullName } from '../../../shared/people/names';
import { normalizeNip } from '../../../shared/people/nip';
import type { Core } from '../core';
import { resolveChain } from './appraisal';
import { OfficeSnapshot } from './source';

export interface ListFilters {
  q?: string;
  unitId?: string;
  includeSubunits?: boolean;
  golongan?: string[];
  kind?: 'PNS' | 'PPPK';
  positionType?: PositionType;
  status?: EmployeeStatus[];
}

/** Golongan order for sorting, from the shared table (PNS and PPPK ranks side by side). */
const golonganRankSql = `CASE e.golongan ${[...pnsGolongan, ...pppkGolongan].map((g) => `WHEN '${g.code}' THEN ${g.rank}`).join(' ')} END`;

const sortSql: Record<string, string> = {
  name: 'e.name COLLATE NOCASE',
  nip: 'e.nip',
  golongan: `(e.golongan IS NULL), ${golonganRankSql}`,
  position: '(p.name IS NULL), p.name COLLATE NOCASE',
  unit: '(u.name IS NULL), u.name COLLATE NOCASE',
  status: 'e.status',
};

/** The unit and all units below it. Units are few (hundreds), so this is done in memory. */
export function unitSubtree(core: Core, officeId: string, unitId: string): string[] {
  const rows = core.q.prepare('SELECT id, parent_id FROM units WHERE office_id = ? AND deleted_at IS NULL').all(officeId) as { id: string; parent_id: string | null }[];
  const children = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.parent_id) continue;
    const list = children.get(r.parent_id) ?? [];
    list.push(r.id);
    children.set(r.parent_id, list);
  }
  const out: string[] = [];
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

const running = 'a.deleted_at IS NULL AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)';

/**
 * The WHERE of the list, its count and the export, on `employees e` alone: unit and position-type
 * filters become `e.id IN (people holding such a position on the date)`, answered from the
 * positions and assignments indexes. So a page of 50 sorted by name reads 50 rows of the name index
 * instead of joining every employee first.
 */
function buildWhere(core: Core, officeId: string, date: string, f: ListFilters): { where: string; params: unknown[] } {
  const params: unknown[] = [officeId];
  // With a unit or position-type filter, the people holding such positions (a few hundred at most)
  // are the place to start: the unary + keeps SQLite from walking every employee of the office
  // through the office index and probing the list for each (for a city, 20,000 rows instead of 500).
  const byPosition = Boolean(f.unitId || f.positionType);
  const where: string[] = [byPosition ? '+e.office_id = ?' : 'e.office_id = ?', 'e.deleted_at IS NULL'];
  const q = f.q?.trim();
  if (q) {
    if (/^[\d\s.-]+$/.test(q)) {
      // NIP prefix as a range, so the (office_id, nip) index answers it.
      const prefix = normalizeNip(q);
      where.push('e.nip >= ? AND e.nip < ?');
      params.push(prefix, prefix + ':');
    } else {
      for (const word of q.split(/\s+/).slice(0, 5)) {
        where.push("(e.name LIKE ? ESCAPE '\\' OR e.front_title LIKE ? ESCAPE '\\' OR e.back_title LIKE ? ESCAPE '\\')");
        const like = `%${escapeLike(word)}%`;
        params.push(like, like, like);
      }
    }
  }
  if (f.golongan?.length) {
    where.push(`e.golongan IN (${f.golongan.map(() => '?').join(',')})`);
    params.push(...f.golongan);
  }
  if (f.kind) {
    where.push('e.kind = ?');
    params.push(f.kind);
  }
  if (f.status?.length) {
    where.push(`e.status IN (${f.status.map(() => '?').join(',')})`);
    params.push(...f.status);
  }
  if (f.unitId || f.positionType) {
    const cond: string[] = [running];
    const condParams: unknown[] = [date, date];
    if (f.unitId) {
      const units = f.includeSubunits === false ? [f.unitId] : unitSubtree(core, officeId, f.unitId);
      cond.push(`p.unit_id IN (${units.map(() => '?').join(',')})`);
      condParams.push(...units);
    }
    if (f.positionType) {
      cond.push('p.type = ?');
      condParams.push(f.positionType);
    }
    where.push(`e.id IN (SELECT a.employee_id FROM assignments a JOIN positions p ON p.id = a.position_id WHERE ${cond.join(' AND ')})`);
    params.push(...condParams);
  }
  return { where: where.join(' AND '), params };
}

/**
 * Sorting by unit or position joins the definitive assignment directly (one index lookup per
 * employee, no per-row subquery); an employee with only an acting position sorts last.
 */
const joinDefinitive = `employees e
    LEFT JOIN assignments a ON a.employee_id = e.id AND a.kind = 'definitif' AND a.deleted_at IS NULL AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
    LEFT JOIN positions p ON p.id = a.position_id
    LEFT JOIN units u ON u.id = p.unit_id`;

/** The position shown for an employee: the one held on the date, definitive first. */
const joinPrimary = `employees e
    LEFT JOIN assignments a ON a.id = (
      SELECT a2.id FROM assignments a2
      WHERE a2.employee_id = e.id AND a2.deleted_at IS NULL AND a2.start_date <= ? AND (a2.end_date IS NULL OR a2.end_date >= ?)
      ORDER BY a2.kind = 'definitif' DESC, a2.start_date DESC LIMIT 1)
    LEFT JOIN positions p ON p.id = a.position_id
    LEFT JOIN units u ON u.id = p.unit_id`;

interface ListRow {
  id: string;
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  kind: 'PNS' | 'PPPK';
  sex: 'L' | 'P' | null;
  golongan: string | null;
  status: EmployeeStatus;
  version: number;
  assignment_kind: 'definitif' | 'plt' | 'plh' | null;
  start_date: string | null;
  position_id: string | null;
  position_name: string | null;
  position_type: PositionType | null;
  position_level: PositionLevel | null;
  unit_id: string | null;
  unit_name: string | null;
}

const listColumns = `e.id, e.nip, e.name, e.front_title, e.back_title, e.kind, e.sex, e.golongan, e.status, e.version,
  a.kind AS assignment_kind, a.start_date, p.id AS position_id, p.name AS position_name, p.type AS position_type, p.level AS position_level,
  u.id AS unit_id, u.name AS unit_name`;

function actingOf(core: Core, ids: string[], date: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = core.q
      .prepare(
        `SELECT a.employee_id, a.kind, p.name FROM assignments a JOIN positions p ON p.id = a.position_id
         WHERE a.employee_id IN (${chunk.map(() => '?').join(',')}) AND a.kind != 'definitif' AND a.deleted_at IS NULL
         AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)`,
      )
      .all(...chunk, date, date) as { employee_id: string; kind: 'plt' | 'plh'; name: string }[];
    for (const r of rows) {
      const list = out.get(r.employee_id) ?? [];
      list.push(actingPrefix(r.kind) + r.name);
      out.set(r.employee_id, list);
    }
  }
  return out;
}

export function listEmployees(
  core: Core,
  officeId: string,
  date: string,
  f: ListFilters & { sort: string; dir: 'asc' | 'desc'; offset: number; limit: number },
): { total: number; items: EmployeeListItem[] } {
  const { where, params } = buildWhere(core, officeId, date, f);
  const total = (core.q.prepare(`SELECT COUNT(*) AS n FROM employees e WHERE ${where}`).get(...params) as { n: number }).n;
  const dir = f.dir === 'desc' ? 'DESC' : 'ASC';
  const order = (sortSql[f.sort] ?? sortSql.name!)
    .split(', ')
    .map((part) => (part.startsWith('(') ? part : `${part} ${dir}`))
    .join(', ');
  // Page first (only position and unit sorts need the join for that), details for the page after.
  const byJoin = f.sort === 'position' || f.sort === 'unit';
  const pageIds = (
    byJoin
      ? core.q
          .prepare(`SELECT e.id FROM ${joinDefinitive} WHERE ${where} ORDER BY ${order}, e.name COLLATE NOCASE, e.id LIMIT ? OFFSET ?`)
          .all(date, date, ...params, f.limit, f.offset)
      : core.q.prepare(`SELECT e.id FROM employees e WHERE ${where} ORDER BY ${order}, e.name COLLATE NOCASE, e.id LIMIT ? OFFSET ?`).all(...params, f.limit, f.offset)
  ) as { id: string }[];
  const ids = pageIds.map((r) => r.id);
  const found = new Map<string, ListRow>();
  if (ids.length > 0) {
    for (const r of core.q
      .prepare(`SELECT ${listColumns} FROM ${joinPrimary} WHERE e.id IN (${ids.map(() => '?').join(',')})`)
      .all(date, date, ...ids) as ListRow[]) {
      found.set(r.id, r);
    }
  }
  const rows = ids.map((id) => found.get(id)!).filter(Boolean);
  const acting = actingOf(core, ids, date);
  const items = rows.map((r) => {
    // When the position shown is itself an acting one, it is not repeated in the acting list.
    const shown = r.assignment_kind && r.assignment_kind !== 'definitif' && r.position_name ? actingPrefix(r.assignment_kind) + r.position_name : null;
    return {
      id: r.id,
      nip: r.nip,
      name: r.name,
      fullName: formatFullName(r.front_title, r.name, r.back_title),
      kind: r.kind,
      sex: r.sex,
      golongan: r.golongan,
      pangkat: findGolongan(r.golongan)?.pangkat ?? null,
      status: r.status,
      positionId: r.position_id,
      positionName: r.position_name ? actingPrefix(r.assignment_kind ?? 'definitif') + r.position_name : null,
      positionType: r.position_type,
      unitId: r.unit_id,
      unitName: r.unit_name,
      acting: (acting.get(r.id) ?? []).filter((a) => a !== shown),
      version: r.version,
    };
  });
  return { total, items };
}

interface ExportDbRow extends ListRow {
  birth_date: string | null;
  tmt_golongan: string | null;
  phone: string | null;
  email: string | null;
}

/** Every employee matching the filters, with the appraiser on the date, for the .xlsx export. */
export function exportEmployees(core: Core, officeId: string, date: string, f: ListFilters): ExportRow[] {
  const { where, params } = buildWhere(core, officeId, date, f);
  const rows = core.q
    .prepare(
      `SELECT ${listColumns}, e.birth_date, e.tmt_golongan, e.phone, e.email FROM ${joinPrimary} WHERE ${where}
       ORDER BY (u.name IS NULL), u.name COLLATE NOCASE, e.name COLLATE NOCASE, e.id`,
    )
    .all(date, date, ...params) as ExportDbRow[];
  const snap = new OfficeSnapshot(core, officeId, date);
  return rows.map((r) => {
    const chain = resolveChain(snap, r.id, date);
    return {
      nip: r.nip,
      name: r.name,
      frontTitle: r.front_title,
      backTitle: r.back_title,
      kind: r.kind,
      sex: r.sex,
      birthDate: r.birth_date,
      golongan: r.golongan,
      pangkat: findGolongan(r.golongan)?.pangkat ?? null,
      tmtGolongan: r.tmt_golongan,
      phone: r.phone,
      email: r.email,
      status: employeeStatusLabels[r.status],
      unit: r.unit_name,
      // An acting-only holder is exported without a position: re-importing must not make it definitive.
      position: r.assignment_kind === 'definitif' ? r.position_name : null,
      positionType: r.assignment_kind === 'definitif' && r.position_type ? positionTypeLabels[r.position_type] : null,
      positionLevel: r.assignment_kind === 'definitif' && r.position_level ? positionLevelLabels[r.position_level] : null,
      positionStart: r.assignment_kind === 'definitif' ? r.start_date : null,
      appraiserName: chain.appraiser?.name ?? null,
      appraiserNip: chain.appraiser?.nip ?? null,
    };
  });
}
