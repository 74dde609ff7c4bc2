import type { Migration } from './types';

/**
 * LAN sync at the office: its runs (the last ones shown in Pengaturan > Sinkronisasi), rows the
 * central could not apply, and the reference data the city publishes (org ratings, calendar,
 * announcements). Reference rows are written only by sync, never by a command, so they are
 * read-only at the office and never enter the outbox.
 */
export const sync: Migration = {
  version: 8,
  name: 'sync',
  up: `
CREATE TABLE sync_runs (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  ok INTEGER NOT NULL DEFAULT 0,
  pushed INTEGER NOT NULL DEFAULT 0,
  pulled INTEGER NOT NULL DEFAULT 0,
  repaired INTEGER NOT NULL DEFAULT 0,
  files INTEGER NOT NULL DEFAULT 0,
  digests_equal INTEGER,
  via TEXT NOT NULL DEFAULT 'lan',
  message TEXT
);
CREATE INDEX sync_runs_started ON sync_runs(started_at);

CREATE TABLE sync_rejects (
  change_id TEXT PRIMARY KEY,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);

CREATE TABLE reference_data (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('org_rating', 'calendar', 'announcement')),
  data TEXT NOT NULL,
  rev INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  received_at TEXT NOT NULL
);
CREATE INDEX reference_data_kind ON reference_data(kind) WHERE deleted = 0;
`,
};
