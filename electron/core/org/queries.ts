import { forbidden, notFound } from '../../../shared/errors';
import { actingPrefix, isManagerial, positionTypes, unitKinds, type PositionLevel, type PositionType, type UnitKind } from '../../../shared/org/jabatan';
import type { Holder, Office, Position, Unit } from '../../../shared/org/commands';
import { formatFullName } from '../../../shared/people/names';
import type { AuthedReadContext } from '../context';
import type { Core } from '../core';
import { effectiveHolder } from '../people/appraisal';
import { DbChainSource } from '../people/source';
import type { OfficesTable, PositionsTable, UnitsTable } from '../db/schema';
import { sql } from 'kysely';
import type { Query } from '../db/query';

/** The office a read is about: one's own, or (central HR only) the one asked for. */
export function scopeOffice(ctx: AuthedReadContext, officeId: string | undefined): string {
  if (!officeId || officeId === ctx.actor.officeId) return ctx.actor.officeId;
  if (!ctx.actor.roles.has('admin_pusat')) throw forbidden('Anda hanya dapat melihat data instansi Anda sendiri.');
  const exists = ctx.core.q.first(ctx.core.db.selectFrom('offices').select('id').where('id', '=', officeId).where('deleted_at', 'is', null));
  if (!exists) throw notFound('Instansi');
  return officeId;
}

export function loadOffice(core: Core, officeId: string): OfficesTable {
  const row = core.q.first(core.db.selectFrom('offices').selectAll().where('id', '=', officeId).where('deleted_at', 'is', null));
  if (!row) throw notFound('Instansi');
  return row;
}

/** A live unit of the actor's office; another office's unit is "not found", not "forbidden". */
export function loadUnit(core: Core, officeId: string, id: string, what = 'Unit kerja'): UnitsTable {
  const row = core.q.first(core.db.selectFrom('units').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row || row.office_id !== officeId) throw notFound(what);
  return row;
}

export function loadPosition(core: Core, officeId: string, id: string, what = 'Jabatan'): PositionsTable {
  const row = core.q.first(core.db.selectFrom('positions').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row || row.office_id !== officeId) throw notFound(what);
  return row;
}

export function officeOut(core: Core, officeId: string, date: string): Office {
  const o = loadOffice(core, officeId);
  let headPositionName: string | null = null;
  let head: Office['head'] = null;
  if (o.head_position_id) {
    const p = core.q.first(core.db.selectFrom('positions').select('name').where('id', '=', o.head_position_id).where('deleted_at', 'is', null));
    headPositionName = p?.name ?? null;
    const h = effectiveHolder(new DbChainSource(core), o.head_position_id, date);
    if (h) {
      const e = core.q.first(core.db.selectFrom('employees').select(['id', 'nip', 'name', 'front_title', 'back_title']).where('id', '=', h.employee_id));
      if (e) head = { employeeId: e.id, name: formatFullName(e.front_title, e.name, e.back_title), nip: e.nip, kind: h.kind };
    }
  }
  return {
    id: o.id,
    name: o.name,
    code: o.code,
    address: o.address,
    phone: o.phone ?? null,
    email: o.email ?? null,
    headPositionId: o.head_position_id ?? null,
    headPositionName,
    head,
    headAppraiserName: o.head_appraiser_name ?? null,
    headAppraiserNip: o.head_appraiser_nip ?? null,
    headAppraiserPosition: o.head_appraiser_position ?? null,
    headAppraiserSuperiorName: o.head_appraiser_superior_name ?? null,
    headAppraiserSuperiorNip: o.head_appraiser_superior_nip ?? null,
    headAppraiserSuperiorPosition: o.head_appraiser_superior_position ?? null,
    version: o.version,
  };
}

const typeOrder = new Map<string, number>(positionTypes.map((t, i) => [t, i]));

interface HolderRow {
  id: string;
  employee_id: string;
  position_id: string;
  kind: 'definitif' | 'plt' | 'plh';
  start_date: string;
  end_date: string | null;
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
}

/**
 * Positions of an office with their holders on a date, in a few indexed queries whatever the
 * office's size: counts per position, acting holders, and the first five definitive holders of
 * each position (a Pelaksana position may have hundreds).
 */
function loadOrg(core: Core, officeId: string, date: string, withHolders = true) {
  const positions = core.q.all(core.db.selectFrom('positions').selectAll().where('office_id', '=', officeId).where('deleted_at', 'is', null));
  const unitNames = new Map(core.q.tuples(core.db.selectFrom('units').select(['id', 'name']).where('office_id', '=', officeId), ['id', 'name']));
  const running = sql`a.deleted_at IS NULL AND a.start_date <= ${date} AND (a.end_date IS NULL OR a.end_date >= ${date})`;
  const cols = sql`a.id, a.employee_id, a.position_id, a.kind, a.start_date, a.end_date, e.nip, e.name, e.front_title, e.back_title`;
  const definitiveCount = new Map(
    core.q.tuples(
      sql<{ position_id: string; n: number }>`SELECT a.position_id, COUNT(*) AS n FROM assignments a WHERE a.office_id = ${officeId} AND a.kind = 'definitif' AND ${running} GROUP BY a.position_id`,
      ['position_id', 'n'],
    ),
  );
  const holdersOf = new Map<string, HolderRow[]>();
  const push = (r: HolderRow) => {
    const list = holdersOf.get(r.position_id) ?? [];
    list.push(r);
    holdersOf.set(r.position_id, list);
  };
  // Acting holders are always read: a unit's head may be one.
  for (const r of core.q.all(sql<HolderRow>`SELECT ${cols} FROM assignments a JOIN employees e ON e.id = a.employee_id WHERE a.office_id = ${officeId} AND a.kind != 'definitif' AND ${running}`)) {
    push(r);
  }
  const firstFive = (positionId: string) =>
    core.q.all(
      sql<HolderRow>`SELECT ${cols} FROM assignments a JOIN employees e ON e.id = a.employee_id
        WHERE a.position_id = ${positionId} AND a.kind = 'definitif' AND ${running} ORDER BY a.start_date, a.id LIMIT 3`,
    );
  for (const p of positions) {
    if (!definitiveCount.get(p.id)) continue;
    // Without holders, only single-holder positions are read (a unit head is one of them).
    if (!withHolders && definitiveCount.get(p.id)! > 1) continue;
    for (const r of firstFive(p.id)) push(r);
  }
  const byId = new Map(positions.map((p) => [p.id, p]));
  return { positions, byId, unitNames, holdersOf, definitiveCount };
}

function holderName(r: { front_title: string | null; name: string; back_title: string | null }): string {
  return formatFullName(r.front_title, r.name, r.back_title);
}

/** Units with their leading position, its holder on the date, and head counts. */
export function unitsOut(core: Core, officeId: string, date: string, onlyIds?: Set<string>): Unit[] {
  const org = loadOrg(core, officeId, date);
  // Sekretariat before bidang before UPTD (the order of unitKinds), then by code and name.
  const kindOrder = new Map<string, number>(unitKinds.map((k, i) => [k, i]));
  const units = core.q.all(core.db.selectFrom('units').selectAll().where('office_id', '=', officeId).where('deleted_at', 'is', null)).sort(
    (a, b) =>
      (kindOrder.get(a.kind) ?? 99) - (kindOrder.get(b.kind) ?? 99) ||
      (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff', 'id', { numeric: true }) ||
      a.name.localeCompare(b.name, 'id'),
  );
  const byUnit = new Map<string, PositionsTable[]>();
  for (const p of org.positions) {
    if (!p.unit_id) continue;
    const list = byUnit.get(p.unit_id) ?? [];
    list.push(p);
    byUnit.set(p.unit_id, list);
  }
  const source = { assignmentsOfPosition: (id: string) => org.holdersOf.get(id) ?? [] };
  return units
    .filter((u) => !onlyIds || onlyIds.has(u.id))
    .map((u) => {
      const positions = byUnit.get(u.id) ?? [];
      // The leading position reports outside the unit; among several, the most senior type.
      const lead =
        positions
          .filter((p) => isManagerial(p.type as PositionType))
          .filter((p) => !p.reports_to_position_id || org.byId.get(p.reports_to_position_id)?.unit_id !== u.id)
          .sort((a, b) => (typeOrder.get(a.type) ?? 99) - (typeOrder.get(b.type) ?? 99) || a.name.localeCompare(b.name))[0] ?? null;
      let headName: string | null = null;
      if (lead) {
        const h = effectiveHolder(source, lead.id, date) as HolderRow | null;
        if (h) headName = actingPrefix(h.kind) + holderName(h);
      }
      return {
        id: u.id,
        parentId: u.parent_id,
        kind: u.kind as UnitKind,
        name: u.name,
        code: u.code,
        version: u.version,
        headPositionId: lead?.id ?? null,
        headPositionName: lead?.name ?? null,
        headName,
        // One definitive position per person at a time, so summing positions counts people.
        employeeCount: positions.reduce((n, p) => n + (org.definitiveCount.get(p.id) ?? 0), 0),
        positionCount: positions.length,
      };
    });
}

/** Positions with unit, superior and holders on a date. */
export function positionsOut(
  core: Core,
  officeId: string,
  date: string,
  filter: { unitId?: string; q?: string; ids?: Set<string>; includeHolders?: boolean } = {},
): Position[] {
  const org = loadOrg(core, officeId, date, filter.includeHolders !== false);
  const office = core.q.first(core.db.selectFrom('offices').select('head_position_id').where('id', '=', officeId));
  const needle = filter.q?.toLowerCase();
  const unitName = (id: string | null) => (id ? (org.unitNames.get(id) ?? null) : null);
  const list = org.positions
    .filter((p) => (!filter.unitId || p.unit_id === filter.unitId) && (!filter.ids || filter.ids.has(p.id)) && (!needle || p.name.toLowerCase().includes(needle)))
    .sort((a, b) => {
      if (!a.unit_id !== !b.unit_id) return a.unit_id ? 1 : -1;
      return (
        (unitName(a.unit_id) ?? '').localeCompare(unitName(b.unit_id) ?? '', 'id') ||
        (typeOrder.get(a.type) ?? 99) - (typeOrder.get(b.type) ?? 99) ||
        a.name.localeCompare(b.name, 'id')
      );
    });
  return list.map((p) => {
    const rows = org.holdersOf.get(p.id) ?? [];
    const acting = rows.filter((a) => a.kind !== 'definitif').sort((a, b) => b.start_date.localeCompare(a.start_date));
    const definitive = rows.filter((a) => a.kind === 'definitif');
    const holders: Holder[] = (filter.includeHolders === false ? [] : [...acting, ...definitive]).map((a) => ({
      assignmentId: a.id,
      employeeId: a.employee_id,
      name: holderName(a),
      nip: a.nip,
      kind: a.kind,
      startDate: a.start_date,
      endDate: a.end_date,
    }));
    const parent = p.reports_to_position_id ? org.byId.get(p.reports_to_position_id) : undefined;
    return {
      id: p.id,
      unitId: p.unit_id,
      unitName: unitName(p.unit_id),
      name: p.name,
      type: p.type as PositionType,
      level: p.level as PositionLevel | null,
      reportsToPositionId: p.reports_to_position_id,
      reportsToName: parent?.name ?? null,
      isHead: office?.head_position_id === p.id,
      version: p.version,
      holderCount: org.definitiveCount.get(p.id) ?? 0,
      holders,
    };
  });
}

// Reads behind the organisation commands' checks.

/** Live units under one parent (null: the top level), for the same-name check. */
export function siblingUnits(core: Core, officeId: string, parentId: string | null): { id: string; name: string }[] {
  return core.q.all(
    core.db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('office_id', '=', officeId)
      .where('deleted_at', 'is', null)
      .where((w) => (parentId === null ? w('parent_id', 'is', null) : w('parent_id', '=', parentId))),
  );
}

/** Live units with this code, whatever its case. */
export function unitsWithCode(core: Core, officeId: string, code: string): { id: string }[] {
  return core.q.all(sql<{ id: string }>`SELECT id FROM units WHERE office_id = ${officeId} AND deleted_at IS NULL AND lower(code) = lower(${code})`);
}

export function parentUnitOf(core: Core, unitId: string): string | null {
  return core.q.first(core.db.selectFrom('units').select('parent_id').where('id', '=', unitId))?.parent_id ?? null;
}

export function superiorPositionOf(core: Core, positionId: string): string | null {
  return core.q.first(core.db.selectFrom('positions').select('reports_to_position_id').where('id', '=', positionId))?.reports_to_position_id ?? null;
}

/** Definitive holders of a position on the date or later. */
export function definitiveHoldersFrom(core: Core, positionId: string, date: string): number {
  return countOf(
    core,
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM assignments WHERE position_id = ${positionId} AND kind = 'definitif' AND deleted_at IS NULL
      AND (end_date IS NULL OR end_date >= ${date})`,
  );
}

/** Live positions in one unit (null: outside any unit), for the same-name check. */
export function positionsInUnit(core: Core, officeId: string, unitId: string | null): { id: string; name: string }[] {
  return core.q.all(
    core.db
      .selectFrom('positions')
      .select(['id', 'name'])
      .where('office_id', '=', officeId)
      .where('deleted_at', 'is', null)
      .where((w) => (unitId === null ? w('unit_id', 'is', null) : w('unit_id', '=', unitId))),
  );
}

export function subunitCount(core: Core, unitId: string): number {
  return countOf(core, core.db.selectFrom('units').select((e) => e.fn.countAll<number>().as('n')).where('parent_id', '=', unitId).where('deleted_at', 'is', null));
}

export function positionCountInUnit(core: Core, unitId: string): number {
  return countOf(core, core.db.selectFrom('positions').select((e) => e.fn.countAll<number>().as('n')).where('unit_id', '=', unitId).where('deleted_at', 'is', null));
}

/** Assignments to a position that run on the date or start later. */
export function assignmentsFrom(core: Core, positionId: string, date: string): number {
  return countOf(
    core,
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM assignments WHERE position_id = ${positionId} AND deleted_at IS NULL AND (end_date IS NULL OR end_date >= ${date})`,
  );
}

export function subordinatePositionCount(core: Core, positionId: string): number {
  return countOf(core, core.db.selectFrom('positions').select((e) => e.fn.countAll<number>().as('n')).where('reports_to_position_id', '=', positionId).where('deleted_at', 'is', null));
}

function countOf(core: Core, query: Query<{ n: number }>): number {
  return core.q.first(query)?.n ?? 0;
}
