import type { Migration } from './types';

/** Replicated columns, appended to every replicated table's definition. */
export const replicatedColumns = `
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
`;

export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up: `
CREATE TABLE offices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT,
  address TEXT,
  ${replicatedColumns}
);

CREATE TABLE employees (
  id TEXT PRIMARY KEY,
  nip TEXT NOT NULL,
  name TEXT NOT NULL,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX employees_nip ON employees(nip) WHERE deleted_at IS NULL;
CREATE INDEX employees_office ON employees(office_id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices(id),
  employee_id TEXT NOT NULL REFERENCES employees(id),
  username TEXT,
  password_hash TEXT NOT NULL,
  is_pengelola INTEGER NOT NULL DEFAULT 0,
  is_admin_pusat INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  failed_count INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  locked_until TEXT,
  last_login_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX users_employee ON users(employee_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_username ON users(username) WHERE username IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  idle_expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  office_id TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  hlc TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX change_log_unsent ON change_log(seq) WHERE sent_at IS NULL;
CREATE INDEX change_log_row ON change_log(table_name, row_id);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor_user_id TEXT,
  actor_nip TEXT,
  actor_name TEXT,
  command TEXT NOT NULL,
  record_table TEXT,
  record_id TEXT,
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(record_table, record_id);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
};
