import type { z } from 'zod';
import { forbidden } from '../../../shared/errors';
import { localDate } from '../../../shared/people/dates';
import type { monitorRowSchema } from '../../../shared/skp/commands';
import type { AuthedReadContext } from '../context';
import type { SkpsTable } from '../db/schema';
import { appraiseesOf, resolveChain } from '../people/appraisal';
import { OfficeSnapshot } from '../people/source';
import { unitSubtree } from '../people/queries';
import { skpsOfYear } from './queries';
import { chainDate, loadYear } from './service';
import { personOn } from './snapshot';

type Row = z.infer<typeof monitorRowSchema>;

/**
 * Each employee's SKP status for a year ("Belum Dibuat" when there is none), with counts: the
 * whole office for an admin, the appraiser's team otherwise.
 */
export function skpMonitor(ctx: AuthedReadContext, yearId: string, scope: 'office' | 'team', unitId?: string) {
  if (scope === 'office' && !ctx.actor.roles.has('pengelola')) throw forbidden('Pemantauan seluruh kantor khusus Pengelola Kinerja.');
  const year = loadYear(ctx.core, ctx.actor.officeId, yearId);
  const date = chainDate(year, ctx.now);
  const src = new OfficeSnapshot(ctx.core, ctx.actor.officeId, date);
  const skps = new Map<string, SkpsTable>();
  for (const s of skpsOfYear(ctx.core, year.id)) {
    skps.set(s.employee_id, s);
  }
  const ids =
    scope === 'team'
      ? appraiseesOf(ctx.core, ctx.actor.employeeId, date)
          .filter((a) => a.link === 'penilai')
          .map((a) => a.employeeId)
      : [...src.employees.values()].filter((e) => e.status === 'aktif').map((e) => e.id);
  const units = unitId ? new Set(unitSubtree(ctx.core, ctx.actor.officeId, unitId)) : null;

  const rows: Row[] = [];
  for (const id of ids) {
    const chain = resolveChain(src, id, date);
    const skp = skps.get(id);
    if (!chain.position && !skp) continue;
    const positionId = chain.position?.id ?? skp?.position_id ?? null;
    const unit = positionId ? (src.position(positionId)?.unit_id ?? null) : null;
    if (units && (!unit || !units.has(unit))) continue;
    const person = personOn(ctx.core, id, date, src);
    rows.push({
      employeeId: id,
      name: person?.name ?? skp?.employee_name ?? '',
      nip: person?.nip ?? skp?.employee_nip ?? '',
      unitId: unit,
      unit: src.unitName(unit),
      position: chain.position?.name ?? skp?.employee_position ?? null,
      appraiserName: skp?.appraiser_name ?? chain.appraiser?.name ?? null,
      status: skp?.status ?? 'belum_dibuat',
      skpId: skp?.id ?? null,
      submittedAt: skp?.submitted_at ?? null,
      approvedAt: skp?.approved_at ?? null,
    });
  }
  rows.sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? '', 'id') || a.name.localeCompare(b.name, 'id'));
  const counts: Record<string, number> = { belum_dibuat: 0, draf: 0, diajukan: 0, dikembalikan: 0, disetujui: 0 };
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return { deadline: year.skp_deadline, overdue: localDate(ctx.now) > year.skp_deadline, counts, rows };
}
