import type { Migration } from './types';

/**
 * Tamper evidence over the data (docs/spec/operations.md §1): each audit entry commits to the stored state of every
 * row its command wrote. `audit_rows` holds one short hash per (row, entry); `audit_log.rows_digest`
 * is the digest of the entry's rows and is covered by the entry's chained hash, so neither the data
 * nor these hashes can be edited without `audit verify` naming it. Entries written before this
 * migration keep `rows_digest` NULL (and their original hash formula); the first open after it
 * records a baseline of every existing row (electron/core/audit/baseline.ts).
 *
 * WITHOUT ROWID, keyed by (table, row, entry): verify walks one table's rows in id order next to
 * the table itself; the per-entry digest check sorts by entry once.
 */
export const auditRows: Migration = {
  version: 9,
  name: 'audit_rows',
  up: `
ALTER TABLE audit_log ADD COLUMN rows_digest TEXT;
CREATE TABLE audit_rows (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id, seq)
) WITHOUT ROWID;
CREATE INDEX audit_log_actor ON audit_log(actor_user_id, seq);
`,
};
