import type { Migration } from './types';

/**
 * A final evaluation remembers which approved SKP version it judged (`skp_versions.version_no`),
 * so that an amendment approved later (adendum: a new version) never changes the plan a signed
 * result shows: its RHK, indicators, Ekspektasi Khusus Pimpinan and header stay as they were.
 * Drafts keep NULL: they follow the approved plan in force until they are locked.
 *
 * Backfill of the evaluations already final: the last version approved at or before the moment
 * the evaluation was locked (ISO timestamps compare as text); without one (no stored version
 * that early), the SKP's current approved version. The value is derived from rows every copy of
 * the database holds, so the backfill writes no change_log row and leaves each row's version.
 */
export const evaluationPlanVersion: Migration = {
  version: 6,
  name: 'evaluation_plan_version',
  up: `
ALTER TABLE evaluations ADD COLUMN skp_version_no INTEGER;
UPDATE evaluations SET skp_version_no = COALESCE(
  (SELECT MAX(v.version_no) FROM skp_versions v
    WHERE v.skp_id = evaluations.skp_id AND v.deleted_at IS NULL
      AND evaluations.finalized_at IS NOT NULL AND v.approved_at <= evaluations.finalized_at),
  (SELECT NULLIF(s.approved_version, 0) FROM skps s WHERE s.id = evaluations.skp_id)
)
WHERE status = 'final';
`,
};
