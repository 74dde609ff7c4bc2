import type { Rhk, SkpSnapshot } from '../../../shared/skp/commands';
import type { Core } from '../core';
import type { EvaluationsTable } from '../db/schema';
import type { SkpsTable } from '../db/schema';
import { rhkById } from '../realisasi/queries';
import { allIndicatorsOfRhk, judgementsOf, storedSnapshot } from './queries';
import { snapshotOf } from '../skp/read';
import { indicatorOut } from '../skp/service';

/**
 * The plan an evaluation judges, and which approved version it is.
 *
 * - A final evaluation: the approved version it was locked against (`evaluations.skp_version_no`,
 *   stored by `skp.approve` in `skp_versions`), so an amendment approved later never changes what a
 *   signed result shows (RHK, indicators, Ekspektasi Khusus Pimpinan, header).
 * - A draft: the approved plan in force. That is the live content while the SKP is Disetujui; while
 *   an amendment is being drafted, submitted or returned, the live rows are not approved yet, so the
 *   last approved version is judged (and is the version locking the evaluation records).
 * - An SKP never approved (no evaluation can be saved yet): the live content, as before.
 *
 * The snapshot keeps the RHK and indicator ids of the live rows (`rhkOf`), so judgements
 * (`evaluation_rhk.rhk_id`), realisasi and evidence (`indicator_id`) and feedback (`rhk_id`) still
 * meet their RHK by id, also when the RHK was removed from the live plan since.
 */
export interface JudgedPlan {
  plan: SkpSnapshot;
  /** The approved version shown; null when the live content is shown. */
  versionNo: number | null;
}

function storedVersion(core: Core, skpId: string, versionNo: number): SkpSnapshot | null {
  const snapshot = storedSnapshot(core, skpId, versionNo);
  return snapshot ? (JSON.parse(snapshot) as SkpSnapshot) : null;
}

export function judgedPlanOf(core: Core, skp: SkpsTable, e: Pick<EvaluationsTable, 'id' | 'status' | 'skp_version_no'> | undefined): JudgedPlan {
  if (e?.status === 'final') {
    // A stored version missing (a database restored without it) falls back to the live plan
    // rather than refusing to show a signed result; the judged RHK are added below either way.
    const versionNo = e.skp_version_no;
    const stored = versionNo ? storedVersion(core, skp.id, versionNo) : null;
    const plan = stored ?? snapshotOf(core, skp);
    return { plan: withJudgedRhk(core, plan, e.id), versionNo: stored ? versionNo : null };
  }
  if (skp.approved_version > 0 && skp.status !== 'disetujui') {
    const stored = storedVersion(core, skp.id, skp.approved_version);
    if (stored) return { plan: stored, versionNo: skp.approved_version };
  }
  return { plan: snapshotOf(core, skp), versionNo: null };
}

/**
 * A final evaluation shows every RHK it judged. Should the version lack one (an evaluation locked
 * before migration 0006 while an amendment was being drafted: it judged unapproved rows), that RHK
 * is added from its own row, removed or not, with the indicators it had when it was removed.
 */
function withJudgedRhk(core: Core, plan: SkpSnapshot, evaluationId: string): SkpSnapshot {
  const known = new Set(plan.rhk.map((r) => r.id));
  const judged = judgementsOf(core, evaluationId);
  const missing = judged.map((j) => j.rhk_id).filter((id) => !known.has(id));
  if (missing.length === 0) return plan;
  const extra: Rhk[] = [];
  for (const id of missing) {
    const r = rhkById(core, id);
    if (!r) continue;
    const indicators = allIndicatorsOfRhk(core, id).filter((i) =>
      r.deleted_at ? i.deleted_at === null || i.deleted_at === r.deleted_at : i.deleted_at === null,
    );
    extra.push({
      id: r.id,
      kind: r.kind,
      text: r.text,
      parentRhkId: r.parent_rhk_id,
      parentRhkText: null,
      parentOwnerName: null,
      pkReference: r.pk_reference,
      orderNo: r.order_no,
      indicators: indicators.map(indicatorOut),
      childCount: 0,
    });
  }
  const rhk = [...plan.rhk, ...extra].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'utama' ? -1 : 1));
  return { ...plan, rhk };
}
