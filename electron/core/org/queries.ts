import { forbidden, notFound } from '../../../shared/errors';
import { isManagerial, positionTypes, type PositionLevel, type PositionType, type UnitKind } from '../../../shared/org/jabatan';
import type { Holder, Office, Position, Unit } from '../../../shared/org/commands';
import { formatFullName } from '../../../shared/people/names';
import type { AuthedContext } from '../context';
import type { Core } from '../core';
import { effectiveHolder } from '../people/appraisal';
import { DbChainSource, OfficeSnapshot } from '../people/source';
import type { OfficesTable, PositionsTable, UnitsTable } from '../db/schema';

/** The office a read is about: one's own, or (central HR only) the one asked for. */
export function scopeOffice(ctx: AuthedContext, officeId: string | undefined): string {
  if (!officeId || officeId === ctx.actor.officeId) return ctx.actor.officeId;
  if (!ctx.actor.roles.has('admin_pusat')) throw forbidden('Anda hanya dapat melihat data instansi Anda sendiri.');
  const exists = ctx.core.q.prepare('SELECT 1 FROM offices WHERE id = ? AND deleted_at IS NULL').get(officeId);
  if (!exists) throw notFound('Instansi');
  return officeId;
}

export function loadOffice(core: Core, officeId: string): OfficesTable {
  const row = core.q.prepare('SELECT * FROM offices WHERE id = ? AND deleted_at IS NULL').get(officeId) as OfficesTable | undefined;
  if (!row) throw notFound('Instansi');
  return row;
}

/** A live unit of the actor's office; another office's unit is "not found", not "forbidden". */
export function loadUnit(core: Core, officeId: string, id: string, what = 'Unit kerja'): UnitsTable {
  const row = core.q.prepare('SELECT * FROM units WHERE id = ? AND deleted_at IS NULL').get(id) as UnitsTable | undefined;
  if (!row || row.office_id !== officeId) throw notFound(what);
  return row;
}

export function loadPosition(core: Core, officeId: string, id: string, what = 'Jabatan'): PositionsTable {
  const row = core.q.prepare('SELECT * FROM positions WHERE id = ? AND deleted_at IS NULL').get(id) as PositionsTable | undefined;
  if (!row || row.office_id !== officeId) throw notFound(what);
  return row;
}

export function officeOut(core: Core, officeId: string, date: string): Office {
  const o = loadOffice(core, officeId);
  let headPositionName: string | null = null;
  let head: Office['head'] = null;
  if (o.head_position_id) {
    const p = core.q.prepare('SELECT name FROM positions WHERE id = ? AND deleted_at IS NULL').get(o.head_position_id) as { name: string } | undefined;
    headPositionName = p?.name ?? null;
    const h = effectiveHolder(new DbChainSource(core), o.head_position_id, date);
    if (h) {
      const e = core.q.prepare('SELECT id, nip, name, front_title, back_title FROM employees WHERE id = ?').get(h.employee_id) as
        | { id: string; nip: string; name: string; front_title: string | null; back_title: string | null }
        | undefined;
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

/** Units with their leading position, its holder today, and head counts, from one snapshot. */
export function unitsOut(core: Core, officeId: string, date: string, onlyIds?: Set<string>): Unit[] {
  const snap = new OfficeSnapshot(core, officeId, date);
  const units = core.q
    .prepare('SELECT * FROM units WHERE office_id = ? AND deleted_at IS NULL ORDER BY code IS NULL, code, name')
    .all(officeId) as UnitsTable[];
  const byUnit = new Map<string, PositionsTable[]>();
  for (const p of snap.positions.values()) {
    if (!p.unit_id) continue;
    const list = byUnit.get(p.unit_id) ?? [];
    list.push(p as unknown as PositionsTable);
    byUnit.set(p.unit_id, list);
  }
  return units
    .filter((u) => !onlyIds || onlyIds.has(u.id))
    .map((u) => {
      const positions = byUnit.get(u.id) ?? [];
      // The leading position reports outside the unit; among several, the most senior type.
      const leaders = positions
        .filter((p) => !p.reports_to_position_id || snap.position(p.reports_to_position_id)?.unit_id !== u.id)
        .sort((a, b) => (typeOrder.get(a.type) ?? 99) - (typeOrder.get(b.type) ?? 99) || a.name.localeCompare(b.name));
      const lead = leaders.find((p) => isManagerial(p.type as PositionType)) ?? null;
      let headName: string | null = null;
      if (lead) {
        const h = effectiveHolder(snap, lead.id, date);
        const e = h ? snap.employee(h.employee_id) : undefined;
        if (h && e) headName = (h.kind === 'definitif' ? '' : h.kind === 'plt' ? 'Plt. ' : 'Plh. ') + formatFullName(e.front_title, e.name, e.back_title);
      }
      const people = new Set<string>();
      for (const p of positions) for (const a of snap.assignmentsOfPosition(p.id, date)) if (a.kind === 'definitif') people.add(a.employee_id);
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
        employeeCount: people.size,
        positionCount: positions.length,
      };
    });
}

/** Positions with unit, superior and holders on a date, from one snapshot. */
export function positionsOut(core: Core, officeId: string, date: string, filter: { unitId?: string; q?: string; ids?: Set<string> } = {}): Position[] {
  const snap = new OfficeSnapshot(core, officeId, date);
  const office = snap.office(officeId);
  const needle = filter.q?.toLowerCase();
  const list = [...snap.positions.values()]
    .filter((p) => (!filter.unitId || p.unit_id === filter.unitId) && (!filter.ids || filter.ids.has(p.id)) && (!needle || p.name.toLowerCase().includes(needle)))
    .sort((a, b) => {
      const ua = snap.unitName(a.unit_id) ?? '';
      const ub = snap.unitName(b.unit_id) ?? '';
      if (!a.unit_id !== !b.unit_id) return a.unit_id ? 1 : -1;
      return ua.localeCompare(ub) || (typeOrder.get(a.type) ?? 99) - (typeOrder.get(b.type) ?? 99) || a.name.localeCompare(b.name);
    });
  const levels = new Map<string, { level: string | null; version: number }>();
  const ids = list.map((p) => p.id);
  // Level and version are not part of the chain snapshot; read them in one go.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = core.q
      .prepare(`SELECT id, level, version FROM positions WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as { id: string; level: string | null; version: number }[];
    for (const r of rows) levels.set(r.id, { level: r.level, version: r.version });
  }
  return list.map((p) => {
    const assignments = snap.assignmentsOfPosition(p.id, date);
    const holders: Holder[] = [];
    const toHolder = (a: (typeof assignments)[number]): Holder | null => {
      const e = snap.employee(a.employee_id);
      if (!e) return null;
      return {
        assignmentId: a.id,
        employeeId: e.id,
        name: formatFullName(e.front_title, e.name, e.back_title),
        nip: e.nip,
        kind: a.kind,
        startDate: a.start_date,
        endDate: a.end_date,
      };
    };
    const acting = assignments.filter((a) => a.kind !== 'definitif').sort((a, b) => b.start_date.localeCompare(a.start_date));
    const definitive = assignments.filter((a) => a.kind === 'definitif').sort((a, b) => a.start_date.localeCompare(b.start_date));
    for (const a of [...acting, ...definitive.slice(0, 5)]) {
      const h = toHolder(a);
      if (h) holders.push(h);
    }
    const parent = p.reports_to_position_id ? snap.position(p.reports_to_position_id) : undefined;
    const extra = levels.get(p.id);
    return {
      id: p.id,
      unitId: p.unit_id,
      unitName: snap.unitName(p.unit_id),
      name: p.name,
      type: p.type as PositionType,
      level: (extra?.level ?? null) as PositionLevel | null,
      reportsToPositionId: p.reports_to_position_id,
      reportsToName: parent?.name ?? null,
      isHead: office?.head_position_id === p.id,
      version: extra?.version ?? 1,
      holderCount: definitive.length,
      holders,
    };
  });
}
