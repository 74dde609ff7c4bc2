import type { Generated } from 'kysely';
import type { EvaluationTables } from './schema-evaluation';
import type { SkpTables } from './schema-skp';

/**
 * The typed schema. Columns shared by every replicated table are in `Replicated`; a capability's
 * migration and its table type are added together.
 */
export interface Replicated {
  id: string;
  office_id: string;
  created_at: string;
  updated_at: string;
  hlc: string;
  version: number;
  deleted_at: string | null;
}

export interface OfficesTable extends Replicated {
  name: string;
  code: string | null;
  address: string | null;
  // People and organisation (0002). Optional in the type because setup inserts the bare profile.
  phone?: string | null;
  email?: string | null;
  head_position_id?: string | null;
  head_appraiser_name?: string | null;
  head_appraiser_nip?: string | null;
  head_appraiser_position?: string | null;
  head_appraiser_superior_name?: string | null;
  head_appraiser_superior_nip?: string | null;
  head_appraiser_superior_position?: string | null;
}

export interface EmployeesTable extends Replicated {
  nip: string;
  name: string;
  // People and organisation (0002). Optional in the type because setup inserts NIP and name only;
  // the SQL defaults fill kind ('PNS') and status ('aktif').
  kind?: 'PNS' | 'PPPK';
  front_title?: string | null;
  back_title?: string | null;
  sex?: 'L' | 'P' | null;
  birth_date?: string | null;
  golongan?: string | null;
  tmt_golongan?: string | null;
  phone?: string | null;
  email?: string | null;
  status?: 'aktif' | 'cuti' | 'pindah' | 'pensiun';
}

export interface UnitsTable extends Replicated {
  parent_id: string | null;
  kind: string;
  name: string;
  code: string | null;
}

export interface PositionsTable extends Replicated {
  unit_id: string | null;
  name: string;
  type: string;
  level: string | null;
  reports_to_position_id: string | null;
}

/** Who held which position when. Never overwritten: a new position is a new row. */
export interface AssignmentsTable extends Replicated {
  employee_id: string;
  position_id: string;
  kind: 'definitif' | 'plt' | 'plh';
  start_date: string;
  end_date: string | null;
  sk_number: string | null;
  cancel_reason: string | null;
}

/** Explicit appraiser (and optionally atasan) for a date range, for what the tree cannot say. */
export interface AppraisalOverridesTable extends Replicated {
  employee_id: string;
  appraiser_employee_id: string;
  atasan_employee_id: string | null;
  start_date: string;
  end_date: string | null;
  reason: string;
}

/** Accounts are office-local: passwords never leave the office, so they are not replicated. */
export interface UsersTable {
  id: string;
  office_id: string;
  employee_id: string;
  username: string | null;
  password_hash: string;
  is_pengelola: number;
  is_admin_pusat: number;
  must_change_password: number;
  failed_count: number;
  next_attempt_at: string | null;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  deleted_at: string | null;
}

/** Machine-local. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  idle_expires_at: string;
  last_seen_at: string;
}

export interface ChangeLogTable {
  seq: Generated<number>;
  id: string;
  office_id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  hlc: string;
  data: string;
  created_at: string;
  sent_at: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_nip: string | null;
  actor_name: string | null;
  command: string;
  record_table: string | null;
  record_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** Machine-local key/value facts (HLC node id and last stamp, the installation's office). */
export interface MetaTable {
  key: string;
  value: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface DB extends SkpTables, EvaluationTables {
  offices: OfficesTable;
  employees: EmployeesTable;
  units: UnitsTable;
  positions: PositionsTable;
  assignments: AssignmentsTable;
  appraisal_overrides: AppraisalOverridesTable;
  users: UsersTable;
  sessions: SessionsTable;
  change_log: ChangeLogTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  schema_migrations: SchemaMigrationsTable;
}

export type TableName = keyof DB;
