import { forbidden } from '../../../shared/errors';
import type { Rhk, SkpDetail, SkpSnapshot } from '../../../shared/skp/commands';
import { perilakuCodes, type PerilakuCode } from '../../../shared/skp/perilaku';
import { skpActionRefusal } from '../../../shared/skp/workflow';
import type { AuthedReadContext } from '../context';
import type { Core } from '../core';
import type { SkpIndicatorsTable, SkpsTable } from '../db/schema';
import { skpRelation } from '../access';
import { annexInOrder, eventsOf, expectationTexts, indicatorsOfSkp, rhkWithLinks, versionsOf, yearById } from './queries';
import { indicatorOut, summaryOf, workflowSideOf } from './service';

export function rhkOf(core: Core, skpId: string): Rhk[] {
  const rows = rhkWithLinks(core, skpId);
  const indicators = indicatorsOfSkp(core, skpId);
  const byRhk = new Map<string, SkpIndicatorsTable[]>();
  for (const i of indicators) byRhk.set(i.rhk_id, [...(byRhk.get(i.rhk_id) ?? []), i]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    parentRhkId: r.parent_rhk_id,
    parentRhkText: r.parent_text,
    parentOwnerName: r.parent_owner,
    pkReference: r.pk_reference,
    orderNo: r.order_no,
    indicators: (byRhk.get(r.id) ?? []).map(indicatorOut),
    childCount: r.child_count ?? 0,
  }));
}

/** The plan as it stands: what an approval stores as a version and what the PDF prints. */
export function snapshotOf(core: Core, s: SkpsTable): SkpSnapshot {
  const expectations = expectationTexts(core, s.id);
  const annexRows = annexInOrder(core, s.id);
  const annex: SkpSnapshot['annex'] = { dukungan_sumber_daya: [], skema_pertanggungjawaban: [], konsekuensi: [] };
  for (const a of annexRows) annex[a.kind].push(a.text);
  const person = (prefix: 'appraiser' | 'atasan') =>
    s[`${prefix}_name`]
      ? {
          employeeId: s[`${prefix}_employee_id`],
          name: s[`${prefix}_name`]!,
          nip: s[`${prefix}_nip`],
          golongan: s[`${prefix}_golongan`],
          position: s[`${prefix}_position`],
          unit: s[`${prefix}_unit`],
        }
      : null;
  return {
    header: {
      officeName: s.office_name,
      employee: {
        employeeId: s.employee_id,
        name: s.employee_name,
        nip: s.employee_nip,
        golongan: s.employee_golongan,
        position: s.employee_position,
        unit: s.employee_unit,
      },
      appraiser: person('appraiser'),
      atasan: person('atasan'),
    },
    approach: s.approach,
    isJpt: s.is_jpt === 1,
    periodStart: s.period_start,
    periodEnd: s.period_end,
    rhk: rhkOf(core, s.id),
    expectations: expectations
      .filter((e) => (perilakuCodes as string[]).includes(e.value_code))
      .map((e) => ({ valueCode: e.value_code as PerilakuCode, text: e.text })),
    annex,
  };
}

export function detailOf(ctx: AuthedReadContext, s: SkpsTable): SkpDetail {
  const role = skpRelation(ctx.actor, s);
  if (!role) throw forbidden('Anda hanya dapat melihat SKP Anda sendiri, SKP pegawai yang Anda nilai, atau SKP kantor yang Anda kelola.');
  const as = workflowSideOf(ctx, s);
  const yearOpen = yearById(ctx.core, s.year_id)?.status === 'terbuka';
  const allowed = (a: Parameters<typeof skpActionRefusal>[0]) => yearOpen && skpActionRefusal(a, s.status, as) === null;
  const events = eventsOf(ctx.core, s.id);
  const versions = versionsOf(ctx.core, s.id);
  return {
    ...summaryOf(ctx.core, s),
    ...snapshotOf(ctx.core, s),
    returnNote: s.return_note,
    approvedVersion: s.approved_version,
    events: events.map((e) => ({ action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, note: e.note, at: e.at })),
    versions: versions.map((v) => ({ versionNo: v.version_no, approvedAt: v.approved_at, note: v.note })),
    viewerRole: role,
    can: {
      edit: allowed('edit'),
      submit: allowed('submit'),
      return: allowed('return'),
      approve: allowed('approve'),
      amend: allowed('amend'),
      setExpectations: yearOpen && role === 'penilai' && s.status !== 'disetujui',
      cascade: yearOpen && role === 'pegawai' && ctx.actor.roles.has('penilai'),
    },
  };
}
