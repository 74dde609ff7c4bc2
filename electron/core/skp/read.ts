import { forbidden } from '../../../shared/errors';
import type { Rhk, SkpDetail, SkpSnapshot } from '../../../shared/skp/commands';
import { perilakuCodes, type PerilakuCode } from '../../../shared/skp/perilaku';
import { skpActionRefusal } from '../../../shared/skp/workflow';
import type { AuthedReadContext } from '../context';
import type { Core } from '../core';
import type { SkpIndicatorsTable, SkpRhkTable, SkpsTable } from '../db/schema';
import { indicatorOut, summaryOf, viewerRoleOf, workflowSideOf } from './service';

export function rhkOf(core: Core, skpId: string): Rhk[] {
  const rows = core.q
    .prepare(
      `SELECT r.*, p.text AS parent_text, ps.employee_name AS parent_owner,
              (SELECT COUNT(*) FROM skp_rhk c WHERE c.parent_rhk_id = r.id AND c.deleted_at IS NULL) AS child_count
       FROM skp_rhk r
       LEFT JOIN skp_rhk p ON p.id = r.parent_rhk_id
       LEFT JOIN skps ps ON ps.id = p.skp_id
       WHERE r.skp_id = ? AND r.deleted_at IS NULL
       ORDER BY CASE r.kind WHEN 'utama' THEN 0 ELSE 1 END, r.order_no, r.created_at`,
    )
    .all(skpId) as (SkpRhkTable & { parent_text: string | null; parent_owner: string | null; child_count: number })[];
  const indicators = core.q
    .prepare('SELECT * FROM skp_indicators WHERE skp_id = ? AND deleted_at IS NULL ORDER BY order_no, created_at')
    .all(skpId) as SkpIndicatorsTable[];
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
    childCount: r.child_count,
  }));
}

/** The plan as it stands: what an approval stores as a version and what the PDF prints. */
export function snapshotOf(core: Core, s: SkpsTable): SkpSnapshot {
  const expectations = core.q
    .prepare('SELECT value_code, text FROM skp_expectations WHERE skp_id = ? AND deleted_at IS NULL')
    .all(s.id) as { value_code: string; text: string }[];
  const annexRows = core.q
    .prepare('SELECT kind, text FROM skp_annex WHERE skp_id = ? AND deleted_at IS NULL ORDER BY order_no, created_at')
    .all(s.id) as { kind: keyof SkpSnapshot['annex']; text: string }[];
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
  const role = viewerRoleOf(ctx, s);
  if (!role) throw forbidden('Anda hanya dapat melihat SKP Anda sendiri, SKP pegawai yang Anda nilai, atau SKP kantor yang Anda kelola.');
  const as = workflowSideOf(ctx, s);
  const yearOpen = (ctx.core.q.prepare('SELECT status FROM performance_years WHERE id = ?').get(s.year_id) as { status: string }).status === 'terbuka';
  const allowed = (a: Parameters<typeof skpActionRefusal>[0]) => yearOpen && skpActionRefusal(a, s.status, as) === null;
  const events = ctx.core.q
    .prepare('SELECT action, from_status, to_status, actor_name, note, at FROM skp_events WHERE skp_id = ? AND deleted_at IS NULL ORDER BY at, created_at')
    .all(s.id) as { action: string; from_status: string | null; to_status: string; actor_name: string | null; note: string | null; at: string }[];
  const versions = ctx.core.q
    .prepare('SELECT version_no, approved_at, note FROM skp_versions WHERE skp_id = ? AND deleted_at IS NULL ORDER BY version_no')
    .all(s.id) as { version_no: number; approved_at: string; note: string | null }[];
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
