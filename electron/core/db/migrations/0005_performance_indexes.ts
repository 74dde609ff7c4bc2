import type { Migration } from './types';

/**
 * Indexes for the screens measured by the benchmarks (docs/spec/operations.md §10, docs/performance.md). Both cover
 * their query completely (every column it reads is in the index, `deleted_at` included so SQLite
 * can see that), so the answer comes from a narrow index instead of the wide rows:
 *
 * - the office dashboard reads every plan of a year (who, which period, approved, appraiser) and
 *   keeps the latest per employee: in index order, without the 1 KB rows (their header snapshot)
 *   and without sorting; then the period's report and evaluation statuses, each one index range,
 *   instead of two lookups per plan;
 * - the predikat spread per unit counts the period's final evaluations by unit and predikat, in
 *   index order (the same evaluations index).
 */
export const performanceIndexes: Migration = {
  version: 5,
  name: 'performance_indexes',
  up: `
CREATE INDEX skps_year_plans ON skps(office_id, year_id, employee_id, period_start, period_end, approved_version, appraiser_employee_id, id, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX evaluations_period_status ON evaluations(year_id, period, status, unit_id, predikat, skp_id, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX period_reports_period_status ON period_reports(office_id, period, skp_id, status, deleted_at)
  WHERE deleted_at IS NULL;
`,
};
