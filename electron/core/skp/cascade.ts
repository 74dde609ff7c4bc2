import { forbidden, notFound, ruleViolation } from '../../../shared/errors';
import type { CascadeNode } from '../../../shared/skp/commands';
import { skpStatusLabels } from '../../../shared/skp/workflow';
import type { AuthedContext, AuthedReadContext } from '../context';
import type { SkpRhkTable, SkpsTable } from '../db/schema';
import { resolveChain } from '../people/appraisal';
import { OfficeSnapshot } from '../people/source';
import { currentSkpOf, hasChildRhkIn, indicatorsOfRhk, liveRhkById, nextRhkOrder, rhkOfYear, skpsOfYear } from './queries';
import { chainDate, createSkp, loadSkp, loadYear, recordEvent } from './service';
import { personOn } from './snapshot';

/**
 * An appraiser hands one of their RHK down to many appraisees at once: each gets a draft RHK linked
 * to it (with the indicators as a starting point), in their SKP for the year, created when absent.
 * One transaction: every appraisee is checked first, and one refusal refuses all.
 */
export function cascadeRhk(ctx: AuthedContext, sourceRhkId: string, employeeIds: string[]): { created: number; skpsCreated: number } {
  const source = liveRhkById(ctx.core, sourceRhkId);
  if (!source) throw notFound('RHK');
  const sourceSkp = loadSkp(ctx.core, source.skp_id);
  if (sourceSkp.employee_id !== ctx.actor.employeeId) throw forbidden('Hanya RHK milik Anda sendiri yang dapat diturunkan.');
  const year = loadYear(ctx.core, ctx.actor.officeId, sourceSkp.year_id);
  if (year.status === 'ditutup') throw ruleViolation(`Tahun Penilaian ${year.year} sudah ditutup.`);
  const date = chainDate(year, ctx.now);
  const src = new OfficeSnapshot(ctx.core, ctx.actor.officeId, date);
  const indicators = indicatorsOfRhk(ctx.core, source.id);

  const unique = [...new Set(employeeIds)];
  for (const id of unique) {
    const chain = resolveChain(src, id, date);
    if (chain.appraiser?.employeeId !== ctx.actor.employeeId) {
      const name = personOn(ctx.core, id, date, src)?.name ?? 'Pegawai';
      throw ruleViolation(`${name} bukan pegawai yang Anda nilai, sehingga RHK tidak dapat diturunkan kepadanya. Tidak ada RHK yang dibuat.`);
    }
    const skp = currentSkpOf(ctx.core, year.id, id);
    if (skp && skp.status !== 'draf' && skp.status !== 'dikembalikan') {
      throw ruleViolation(
        `SKP ${skp.employee_name} berstatus ${skpStatusLabels[skp.status]}; RHK hanya dapat diturunkan ke SKP Draf atau Dikembalikan. Tidak ada RHK yang dibuat.`,
      );
    }
  }

  let created = 0;
  let skpsCreated = 0;
  for (const id of unique) {
    let skp = currentSkpOf(ctx.core, year.id, id);
    if (!skp) {
      skp = createSkp(ctx, ctx.actor.officeId, { year, employeeId: id, approach: sourceSkp.approach, src });
      recordEvent(ctx, { ...skp, status: 'draf' }, 'buat', 'draf', 'Dibuat saat RHK pimpinan diturunkan');
      skpsCreated++;
    }
    if (hasChildRhkIn(ctx.core, skp.id, source.id)) continue;
    const rhk = ctx.write.insert('skp_rhk', { skp_id: skp.id, kind: 'utama', text: source.text, parent_rhk_id: source.id, pk_reference: null, order_no: nextRhkOrder(ctx.core, skp.id) });
    indicators.forEach((i, order) =>
      ctx.write.insert('skp_indicators', {
        skp_id: skp!.id,
        rhk_id: rhk.id,
        aspek: skp!.is_jpt ? null : (i.aspek ?? 'kuantitas'),
        perspektif: skp!.is_jpt ? (i.perspektif ?? 'proses_bisnis') : null,
        text: i.text,
        target_min: i.target_min,
        target_max: i.target_max,
        target_unit: i.target_unit,
        target_text: i.target_text,
        order_no: order,
      }),
    );
    ctx.write.touch('skps', skp.id);
    created++;
  }
  return { created, skpsCreated };
}

/**
 * The cascade from the head of the office down: each employee under their appraiser, with their
 * RHK; an RHK not linked to any superior RHK (where the employee has an appraiser in the office and
 * is not JPT) is flagged, because it supports nothing above it.
 */
export function cascadeTree(ctx: AuthedReadContext, yearId: string, rootEmployeeId?: string): { roots: CascadeNode[]; unlinkedCount: number } {
  const year = loadYear(ctx.core, ctx.actor.officeId, yearId);
  const date = chainDate(year, ctx.now);
  const src = new OfficeSnapshot(ctx.core, ctx.actor.officeId, date);
  const isAdmin = ctx.actor.roles.has('pengelola');

  const skps = new Map<string, SkpsTable>();
  for (const s of skpsOfYear(ctx.core, year.id)) {
    skps.set(s.employee_id, s); // later periods win
  }
  const rhkBySkp = new Map<string, SkpRhkTable[]>();
  for (const r of rhkOfYear(ctx.core, year.id)) {
    rhkBySkp.set(r.skp_id, [...(rhkBySkp.get(r.skp_id) ?? []), r]);
  }

  const nodes = new Map<string, CascadeNode>();
  const parentOf = new Map<string, string | null>();
  for (const e of src.employees.values()) {
    if (e.status !== 'aktif') continue;
    const skp = skps.get(e.id);
    const chain = resolveChain(src, e.id, date);
    if (!skp && !chain.position) continue;
    const appraiserId = skp?.appraiser_employee_id ?? chain.appraiser?.employeeId ?? null;
    const inOffice = appraiserId !== null && src.employees.has(appraiserId);
    parentOf.set(e.id, inOffice ? appraiserId : null);
    nodes.set(e.id, {
      skpId: skp?.id ?? null,
      employeeId: e.id,
      employeeName: skp?.employee_name ?? personOn(ctx.core, e.id, date, src)?.name ?? e.name,
      position: skp?.employee_position ?? chain.position?.name ?? null,
      status: skp?.status ?? 'belum_dibuat',
      rhk: (skp ? (rhkBySkp.get(skp.id) ?? []) : []).map((r) => ({
        id: r.id,
        kind: r.kind,
        text: r.text,
        parentRhkId: r.parent_rhk_id,
        unlinked: inOffice && skp!.is_jpt === 0 && !r.parent_rhk_id,
      })),
      children: [],
    });
  }
  const roots: CascadeNode[] = [];
  for (const [id, node] of nodes) {
    const parent = parentOf.get(id);
    const p = parent ? nodes.get(parent) : undefined;
    if (p) p.children.push(node);
    else roots.push(node);
  }
  const byName = (a: CascadeNode, b: CascadeNode) => a.employeeName.localeCompare(b.employeeName, 'id');
  const sortDeep = (n: CascadeNode) => {
    n.children.sort(byName);
    n.children.forEach(sortDeep);
  };
  roots.sort((a, b) => b.children.length - a.children.length || byName(a, b));
  roots.forEach(sortDeep);

  // An appraiser who is not an admin sees their own subtree only.
  const wanted = rootEmployeeId ?? (isAdmin ? undefined : ctx.actor.employeeId);
  const chosen = wanted ? [nodes.get(wanted)].filter((n): n is CascadeNode => !!n) : roots;
  if (wanted && !isAdmin) {
    const inSubtree = (n: CascadeNode | undefined): boolean => !!n && (n.employeeId === ctx.actor.employeeId || inSubtree(nodes.get(parentOf.get(n.employeeId) ?? '')));
    if (!inSubtree(nodes.get(wanted))) throw forbidden('Anda hanya dapat melihat cascading tim Anda sendiri.');
  }
  let unlinkedCount = 0;
  const count = (n: CascadeNode) => {
    unlinkedCount += n.rhk.filter((r) => r.unlinked).length;
    n.children.forEach(count);
  };
  chosen.forEach(count);
  return { roots: chosen, unlinkedCount };
}
