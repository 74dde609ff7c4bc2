import { notFound, ruleViolation } from '../../../shared/errors';
import { addDays, localDate } from '../../../shared/people/dates';
import type { Indicator, SkpSummary } from '../../../shared/skp/commands';
import { skpActionRefusal, type SkpAction } from '../../../shared/skp/workflow';
import { skpRelation } from '../access';
import type { HandlerContext, AuthedReadContext } from '../context';
import type { Core } from '../core';
import type { RecordPatch } from '../db/records';
import type { PerformanceYearsTable, SkpIndicatorsTable, SkpsTable } from '../db/schema';
import type { ChainSource } from '../people/source';
import { annexOf, assignmentDates, indicatorsOfRhk, liveSkpById, liveYearById, rhkCount, rhkRowsOf, skpForPosition, skpsRunningFrom, yearById } from './queries';
import { headerSnapshot, personOn } from './snapshot';

export function loadYear(core: Core, officeId: string, yearId: string): PerformanceYearsTable {
  const y = liveYearById(core, yearId);
  if (!y || y.office_id !== officeId) throw notFound('Tahun Penilaian');
  return y;
}

export function loadSkp(core: Core, skpId: string): SkpsTable {
  const s = liveSkpById(core, skpId);
  if (!s) throw notFound('SKP');
  return s;
}

/** The day whose organisation a year's plan reflects: today, kept inside the year. */
export function chainDate(year: Pick<PerformanceYearsTable, 'start_date' | 'end_date'>, now: Date): string {
  const today = localDate(now);
  if (today < year.start_date) return year.start_date;
  if (today > year.end_date) return year.end_date;
  return today;
}

export function summaryOf(core: Core, s: SkpsTable): SkpSummary {
  const year = yearById(core, s.year_id);
  if (!year) throw notFound('Tahun Penilaian');
  return {
    id: s.id,
    yearId: s.year_id,
    year: year.year,
    employeeId: s.employee_id,
    employeeName: s.employee_name,
    employeeNip: s.employee_nip,
    position: s.employee_position,
    unit: s.employee_unit,
    periodStart: s.period_start,
    periodEnd: s.period_end,
    status: s.status,
    amending: s.amending === 1,
    approach: s.approach,
    submittedAt: s.submitted_at,
    approvedAt: s.approved_at,
    rhkCount: rhkCount(core, s.id),
    version: s.version,
  };
}

/** One formatter for the process: building an Intl.NumberFormat costs ~70 µs, formatting with one ~1 µs. */
const targetNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** "10 - 12 dokumen", "100 persen", or the descriptive target of a kualitatif plan. */
export function targetLabel(i: Pick<SkpIndicatorsTable, 'target_min' | 'target_max' | 'target_unit' | 'target_text'>): string {
  const fmt = (n: number) => targetNumber.format(n);
  const unit = i.target_unit ? ` ${i.target_unit}` : '';
  if (i.target_min != null && i.target_max != null && i.target_max !== i.target_min) return `${fmt(i.target_min)} - ${fmt(i.target_max)}${unit}`;
  const single = i.target_min ?? i.target_max;
  if (single != null) return `${fmt(single)}${unit}`;
  return i.target_text ?? '-';
}

export function indicatorOut(i: SkpIndicatorsTable): Indicator {
  return {
    id: i.id,
    aspek: i.aspek,
    perspektif: i.perspektif,
    text: i.text,
    targetMin: i.target_min,
    targetMax: i.target_max,
    targetUnit: i.target_unit,
    targetText: i.target_text,
    targetLabel: targetLabel(i),
  };
}

/**
 * The workflow side the caller acts on. The head of office's appraiser (the Sekda) works outside
 * the office's database: the Pengelola Kinerja records that appraiser's return or approval, so the
 * head's plan is not stuck at Diajukan.
 */
export function workflowSideOf(ctx: AuthedReadContext, s: SkpsTable): 'pegawai' | 'penilai' | null {
  const role = skpRelation(ctx.actor, s);
  if (role === 'pegawai' || role === 'penilai') return role;
  if (role === 'pengelola' && !s.appraiser_employee_id && s.appraiser_name && ctx.actor.roles.has('pengelola')) return 'penilai';
  return null;
}

/** Refuses a workflow action with the reason, checked in the backend whatever the UI showed. */
export function assertAction(ctx: AuthedReadContext, s: SkpsTable, action: SkpAction): void {
  const as = workflowSideOf(ctx, s);
  const year = yearById(ctx.core, s.year_id);
  if (year?.status === 'ditutup') throw ruleViolation(`Tahun Penilaian ${year.year} sudah ditutup; SKP-nya tidak dapat diubah lagi.`);
  const why = skpActionRefusal(action, s.status, as);
  if (why) throw ruleViolation(why);
}

export function recordEvent(ctx: HandlerContext, s: SkpsTable, action: string, toStatus: string, note: string | null = null): void {
  ctx.write.insert('skp_events', {
    skp_id: s.id,
    action,
    from_status: s.status,
    to_status: toStatus,
    actor_employee_id: ctx.actor?.employeeId ?? null,
    actor_name: ctx.actor?.name ?? null,
    note,
    at: ctx.nowIso,
  });
}

/** Every content change bumps the SKP's own version, so a stale editor gets CONFLICT. */
export function touchSkp(ctx: HandlerContext, s: SkpsTable, expectedVersion: number, patch: RecordPatch<'skps'> = {}): SkpsTable {
  return ctx.write.touch('skps', s.id, expectedVersion, 'SKP', patch);
}

export interface CreateSkpOptions {
  year: PerformanceYearsTable;
  employeeId: string;
  approach: 'kuantitatif' | 'kualitatif';
  copyFromSkpId?: string;
  /** A preloaded office (year opening, cascade to many) or the database. */
  src?: ChainSource;
  /** The chain date (chainDate of the year), when the caller already has it for many plans. */
  date?: string;
}

/**
 * A new SKP for the employee's current position in the year. A previous SKP of the same year for
 * another position ends the day before the new assignment started (a mid-year transfer).
 */
export function createSkp(ctx: HandlerContext, officeId: string, o: CreateSkpOptions): SkpsTable {
  const date = o.date ?? chainDate(o.year, ctx.now);
  const person = personOn(ctx.core, o.employeeId, date, o.src);
  if (!person) throw notFound('Pegawai');
  if (!person.positionId || !person.assignmentId) {
    throw ruleViolation(`${person.name} belum memegang jabatan pada tanggal ini; minta Pengelola Kinerja mencatat jabatannya lebih dulu.`);
  }
  const existing = skpForPosition(ctx.core, o.year.id, o.employeeId, person.positionId);
  if (existing) throw ruleViolation(`${person.name} sudah memiliki SKP tahun ${o.year.year} untuk jabatan ${person.position}.`, { skpId: existing.id });
  const assignment = assignmentDates(ctx.core, person.assignmentId);
  if (!assignment) throw notFound('Jabatan pegawai');
  const periodStart = assignment.start_date > o.year.start_date ? assignment.start_date : o.year.start_date;
  const periodEnd = assignment.end_date && assignment.end_date < o.year.end_date ? assignment.end_date : o.year.end_date;

  // A transfer: the SKP for the previous position of this year stops where the new one begins.
  const previous = skpsRunningFrom(ctx.core, o.year.id, o.employeeId, periodStart);
  for (const p of previous) {
    if (p.period_start >= periodStart) {
      throw ruleViolation(`${person.name} sudah memiliki SKP tahun ${o.year.year} yang dimulai pada atau setelah ${periodStart}.`);
    }
    ctx.write.update('skps', p.id, { period_end: addDays(periodStart, -1) });
  }

  const header = headerSnapshot(ctx.core, officeId, o.employeeId, date, o.src);
  const skp = ctx.write.insert('skps', {
    year_id: o.year.id,
    employee_id: o.employeeId,
    position_id: person.positionId,
    assignment_id: person.assignmentId,
    period_start: periodStart,
    period_end: periodEnd,
    approach: o.approach,
    is_jpt: person.positionType?.startsWith('jpt') ? 1 : 0,
    status: 'draf',
    return_note: null,
    submitted_at: null,
    approved_at: null,
    approved_version: 0,
    amending: 0,
    copied_from_skp_id: o.copyFromSkpId ?? null,
    ...header,
  });
  if (o.copyFromSkpId) copyContent(ctx, o.copyFromSkpId, skp, o.employeeId);
  return skp;
}

/** "Salin SKP tahun lalu": RHK, indicators and annex; links to last year's superior RHK are dropped. */
function copyContent(ctx: HandlerContext, fromId: string, to: SkpsTable, employeeId: string): void {
  const from = loadSkp(ctx.core, fromId);
  if (from.employee_id !== employeeId) throw ruleViolation('Hanya SKP milik pegawai yang sama yang dapat disalin.');
  const rhks = rhkRowsOf(ctx.core, from.id);
  for (const r of rhks) {
    const copy = ctx.write.insert('skp_rhk', { skp_id: to.id, kind: r.kind, text: r.text, parent_rhk_id: null, pk_reference: r.pk_reference, order_no: r.order_no });
    const inds = indicatorsOfRhk(ctx.core, r.id);
    for (const i of inds) {
      ctx.write.insert('skp_indicators', {
        skp_id: to.id,
        rhk_id: copy.id,
        aspek: i.aspek,
        perspektif: i.perspektif,
        text: i.text,
        target_min: i.target_min,
        target_max: i.target_max,
        target_unit: i.target_unit,
        target_text: i.target_text,
        order_no: i.order_no,
      });
    }
  }
  const annex = annexOf(ctx.core, from.id);
  for (const a of annex) ctx.write.insert('skp_annex', { skp_id: to.id, ...a });
}
