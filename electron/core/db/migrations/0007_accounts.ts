import type { Migration } from './types';

/**
 * An account can be deactivated (the employee moved or retired): the row stays, so the audit trail
 * and everything the person wrote keep their author, but nobody can sign in with it until a
 * Pengelola Kinerja reactivates it. NULL means active. Accounts are office-local (not replicated),
 * so no change_log backfill.
 */
export const accounts: Migration = {
  version: 7,
  name: 'accounts',
  up: `
ALTER TABLE users ADD COLUMN deactivated_at TEXT;
`,
};
