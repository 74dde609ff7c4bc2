import { AppError, ruleViolation } from '../../../shared/errors';
import { checkTypeLevel, isManagerial, positionTypeLabels, type PositionLevel, type PositionType } from '../../../shared/org/jabatan';
import { localDate } from '../../../shared/people/dates';
import { type AuthedContext, type HandlerMap, type AuthedReadContext, type ReadContext } from '../context';
import type { PositionsTable } from '../db/schema';
import {
  assignmentsFrom,
  definitiveHoldersFrom,
  loadOffice,
  loadPosition,
  loadUnit,
  officeOut,
  parentUnitOf,
  positionCountInUnit,
  positionsInUnit,
  positionsOut,
  scopeOffice,
  siblingUnits,
  subordinatePositionCount,
  subunitCount,
  superiorPositionOf,
  unitsOut,
  unitsWithCode,
} from './queries';


const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, { fields: { [field]: message } });

function today(ctx: ReadContext): string {
  return localDate(ctx.now);
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');
}

function assertUniqueUnit(ctx: AuthedReadContext, officeId: string, parentId: string | null, name: string, code: string | null, exceptId?: string): void {
  const siblings = siblingUnits(ctx.core, officeId, parentId);
  if (siblings.some((s) => s.id !== exceptId && sameName(s.name, name))) {
    throw fieldError('name', 'Sudah ada unit kerja dengan nama ini di bawah induk yang sama.');
  }
  if (code) {
    const dup = unitsWithCode(ctx.core, officeId, code);
    if (dup.some((d) => d.id !== exceptId)) throw fieldError('code', 'Kode unit kerja sudah dipakai unit lain.');
  }
}

/** A unit may not become its own ancestor. */
function assertNoUnitCycle(ctx: AuthedReadContext, unitId: string, newParentId: string | null): void {
  let cur = newParentId;
  for (let i = 0; cur && i < 1000; i++) {
    if (cur === unitId) throw fieldError('parentId', 'Unit induk tidak boleh unit itu sendiri atau salah satu sub-unitnya.');
    cur = parentUnitOf(ctx.core, cur);
  }
}

/** A position may not report (directly or not) to itself. */
function assertNoPositionCycle(ctx: AuthedReadContext, positionId: string, reportsTo: string | null): void {
  let cur = reportsTo;
  for (let i = 0; cur && i < 1000; i++) {
    if (cur === positionId) throw fieldError('reportsToPositionId', 'Jabatan atasan tidak boleh jabatan itu sendiri atau jabatan bawahannya.');
    cur = superiorPositionOf(ctx.core, cur);
  }
}

/**
 * A position others report to must be held by one person at a time, otherwise "the holder of the
 * superior position" would be ambiguous.
 */
function assertCanBeSuperior(ctx: AuthedReadContext, superior: PositionsTable): void {
  if (isManagerial(superior.type as PositionType)) return;
  if (definitiveHoldersFrom(ctx.core, superior.id, today(ctx)) > 1) {
    throw fieldError(
      'reportsToPositionId',
      `Jabatan ${superior.name} dipegang lebih dari satu orang, sehingga tidak dapat menjadi jabatan atasan. Pilih jabatan pimpinan unit.`,
    );
  }
}

function assertUniquePosition(ctx: AuthedReadContext, officeId: string, unitId: string | null, name: string, exceptId?: string): void {
  const rows = positionsInUnit(ctx.core, officeId, unitId);
  if (rows.some((r) => r.id !== exceptId && sameName(r.name, name))) {
    throw fieldError('name', 'Sudah ada jabatan dengan nama ini di unit kerja yang sama.');
  }
}

function setHead(ctx: AuthedContext, officeId: string, positionId: string | null): void {
  const office = loadOffice(ctx.core, officeId);
  if ((office.head_position_id ?? null) !== positionId) ctx.write.update('offices', officeId, { head_position_id: positionId });
}

export const orgHandlers: HandlerMap<
  | 'org.getOffice'
  | 'org.updateOffice'
  | 'org.listUnits'
  | 'org.createUnit'
  | 'org.updateUnit'
  | 'org.removeUnit'
  | 'org.listPositions'
  | 'org.createPosition'
  | 'org.updatePosition'
  | 'org.removePosition'
> = {
  'org.getOffice': (ctx, input) => {
    return { office: officeOut(ctx.core, scopeOffice(ctx, input.officeId), today(ctx)) };
  },

  'org.updateOffice': (ctx, input) => {
    const officeId = ctx.actor.officeId;
    const office = loadOffice(ctx.core, officeId);
    if (input.headPositionId) {
      const p = loadPosition(ctx.core, officeId, input.headPositionId, 'Jabatan kepala instansi');
      if (p.reports_to_position_id) {
        throw fieldError('headPositionId', `Jabatan ${p.name} masih memiliki jabatan atasan; jabatan kepala instansi adalah puncak struktur. Kosongkan atasannya lebih dulu.`);
      }
    }
    ctx.write.update(
      'offices',
      office.id,
      {
        name: input.name,
        code: input.code,
        address: input.address,
        phone: input.phone,
        email: input.email,
        head_position_id: input.headPositionId,
        head_appraiser_name: input.headAppraiserName,
        head_appraiser_nip: input.headAppraiserNip,
        head_appraiser_position: input.headAppraiserPosition,
        head_appraiser_superior_name: input.headAppraiserSuperiorName,
        head_appraiser_superior_nip: input.headAppraiserSuperiorNip,
        head_appraiser_superior_position: input.headAppraiserSuperiorPosition,
      },
      input.version,
      'Profil instansi',
    );
    return { office: officeOut(ctx.core, officeId, today(ctx)) };
  },

  'org.listUnits': (ctx, input) => {
    return { units: unitsOut(ctx.core, scopeOffice(ctx, input.officeId), input.date ?? today(ctx)) };
  },

  'org.createUnit': (ctx, input) => {
    const officeId = ctx.actor.officeId;
    const parentId = input.parentId ?? null;
    if (parentId) loadUnit(ctx.core, officeId, parentId, 'Unit induk');
    assertUniqueUnit(ctx, officeId, parentId, input.name, input.code ?? null);
    const unit = ctx.write.insert('units', { parent_id: parentId, kind: input.kind, name: input.name, code: input.code ?? null });
    return { unit: unitsOut(ctx.core, officeId, today(ctx), new Set([unit.id]))[0]! };
  },

  'org.updateUnit': (ctx, input) => {
    const officeId = ctx.actor.officeId;
    const unit = loadUnit(ctx.core, officeId, input.id);
    const parentId = input.parentId === undefined ? unit.parent_id : input.parentId;
    if (parentId) loadUnit(ctx.core, officeId, parentId, 'Unit induk');
    if (parentId !== unit.parent_id) assertNoUnitCycle(ctx, unit.id, parentId);
    const code = input.code === undefined ? unit.code : input.code;
    assertUniqueUnit(ctx, officeId, parentId, input.name ?? unit.name, code, unit.id);
    ctx.write.update('units', unit.id, { parent_id: parentId, kind: input.kind, name: input.name, code }, input.version, 'Unit kerja');
    return { unit: unitsOut(ctx.core, officeId, today(ctx), new Set([unit.id]))[0]! };
  },

  'org.removeUnit': (ctx, input) => {
    const unit = loadUnit(ctx.core, ctx.actor.officeId, input.id);
    const children = { n: subunitCount(ctx.core, unit.id) };
    const positions = { n: positionCountInUnit(ctx.core, unit.id) };
    if (children.n > 0 || positions.n > 0) {
      throw ruleViolation(
        `Unit kerja ${unit.name} masih memiliki ${[children.n ? `${children.n} sub-unit` : '', positions.n ? `${positions.n} jabatan` : ''].filter(Boolean).join(' dan ')}. Pindahkan atau hapus lebih dulu.`,
      );
    }
    ctx.write.remove('units', unit.id, input.version, 'Unit kerja');
    return { ok: true as const };
  },

  'org.listPositions': (ctx, input) => {
    const officeId = scopeOffice(ctx, input.officeId);
    const date = input.date ?? today(ctx);
    if (input.unitId) loadUnit(ctx.core, officeId, input.unitId);
    return { date, positions: positionsOut(ctx.core, officeId, date, { unitId: input.unitId, q: input.q, includeHolders: input.includeHolders }) };
  },

  'org.createPosition': (ctx, input) => {
    const officeId = ctx.actor.officeId;
    const unitId = input.unitId ?? null;
    if (unitId) loadUnit(ctx.core, officeId, unitId);
    const reportsTo = input.reportsToPositionId ?? null;
    if (reportsTo) assertCanBeSuperior(ctx, loadPosition(ctx.core, officeId, reportsTo, 'Jabatan atasan'));
    if (input.isHead && reportsTo) {
      throw fieldError('reportsToPositionId', 'Jabatan kepala instansi adalah puncak struktur, sehingga tidak memiliki jabatan atasan.');
    }
    assertUniquePosition(ctx, officeId, unitId, input.name);
    const position = ctx.write.insert('positions', {
      unit_id: unitId,
      name: input.name,
      type: input.type,
      level: input.level ?? null,
      reports_to_position_id: reportsTo,
    });
    if (input.isHead) setHead(ctx, officeId, position.id);
    return { position: positionsOut(ctx.core, officeId, today(ctx), { ids: new Set([position.id]) })[0]! };
  },

  'org.updatePosition': (ctx, input) => {
    const officeId = ctx.actor.officeId;
    const position = loadPosition(ctx.core, officeId, input.id);
    const office = loadOffice(ctx.core, officeId);
    const unitId = input.unitId === undefined ? position.unit_id : input.unitId;
    if (unitId) loadUnit(ctx.core, officeId, unitId);
    const reportsTo = input.reportsToPositionId === undefined ? position.reports_to_position_id : input.reportsToPositionId;
    if (reportsTo && reportsTo !== position.reports_to_position_id) {
      assertCanBeSuperior(ctx, loadPosition(ctx.core, officeId, reportsTo, 'Jabatan atasan'));
      assertNoPositionCycle(ctx, position.id, reportsTo);
    }
    const isHead = input.isHead ?? office.head_position_id === position.id;
    if (isHead && reportsTo) {
      throw fieldError('reportsToPositionId', 'Jabatan kepala instansi adalah puncak struktur, sehingga tidak memiliki jabatan atasan.');
    }
    const type = (input.type ?? position.type) as PositionType;
    const level = input.level === undefined ? (input.type && input.type !== position.type ? null : position.level) : input.level;
    // The same type/level rule the create schema applies, on the merged values.
    const why = checkTypeLevel(type, level as PositionLevel | null);
    if (why) throw fieldError('level', why);
    if (isManagerial(type) && !isManagerial(position.type as PositionType) && definitiveHoldersFrom(ctx.core, position.id, today(ctx)) > 1) {
      throw fieldError('type', `Jabatan ini dipegang lebih dari satu orang, sehingga tidak dapat menjadi jabatan ${positionTypeLabels[type]} (dipegang satu orang).`);
    }
    const name = input.name ?? position.name;
    if (name !== position.name || unitId !== position.unit_id) assertUniquePosition(ctx, officeId, unitId, name, position.id);
    ctx.write.update(
      'positions',
      position.id,
      { unit_id: unitId, name, type, level: level ?? null, reports_to_position_id: reportsTo },
      input.version,
      'Jabatan',
    );
    if (input.isHead === true) setHead(ctx, officeId, position.id);
    else if (input.isHead === false && office.head_position_id === position.id) setHead(ctx, officeId, null);
    return { position: positionsOut(ctx.core, officeId, today(ctx), { ids: new Set([position.id]) })[0]! };
  },

  'org.removePosition': (ctx, input) => {
    const officeId = ctx.actor.officeId;
    const position = loadPosition(ctx.core, officeId, input.id);
    const office = loadOffice(ctx.core, officeId);
    if (office.head_position_id === position.id) {
      throw ruleViolation('Jabatan ini adalah jabatan kepala instansi. Pilih jabatan kepala instansi lain di profil instansi lebih dulu.');
    }
    const open = { n: assignmentsFrom(ctx.core, position.id, today(ctx)) };
    if (open.n > 0) {
      throw ruleViolation(`Jabatan ${position.name} masih dipegang ${open.n} orang (sekarang atau mendatang). Akhiri penempatannya lebih dulu.`);
    }
    const children = { n: subordinatePositionCount(ctx.core, position.id) };
    if (children.n > 0) {
      throw ruleViolation(`${children.n} jabatan lain melapor ke ${position.name}. Ubah jabatan atasannya lebih dulu.`);
    }
    ctx.write.remove('positions', position.id, input.version, 'Jabatan');
    return { ok: true as const };
  },
};
