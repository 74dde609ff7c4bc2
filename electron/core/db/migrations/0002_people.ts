import { replicatedColumns } from './0001_foundation';
import type { Migration } from './types';

/**
 * People and organisation (docs/spec/regulation.md §1, §7): the office profile, the unit tree, positions with the position
 * each reports to, employee details, dated assignments (history is never overwritten: a change of
 * position is a new row, an end is a date) and dated appraisal overrides.
 */
export const people: Migration = {
  version: 2,
  name: 'people',
  up: `
ALTER TABLE offices ADD COLUMN phone TEXT;
ALTER TABLE offices ADD COLUMN email TEXT;
ALTER TABLE offices ADD COLUMN head_position_id TEXT;
ALTER TABLE offices ADD COLUMN head_appraiser_name TEXT;
ALTER TABLE offices ADD COLUMN head_appraiser_nip TEXT;
ALTER TABLE offices ADD COLUMN head_appraiser_position TEXT;
ALTER TABLE offices ADD COLUMN head_appraiser_superior_name TEXT;
ALTER TABLE offices ADD COLUMN head_appraiser_superior_nip TEXT;
ALTER TABLE offices ADD COLUMN head_appraiser_superior_position TEXT;

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES units(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  code TEXT,
  ${replicatedColumns}
);
CREATE INDEX units_office ON units(office_id, deleted_at);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE positions (
  id TEXT PRIMARY KEY,
  unit_id TEXT REFERENCES units(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('jpt_utama', 'jpt_madya', 'jpt_pratama', 'administrator', 'pengawas', 'pelaksana', 'fungsional_keahlian', 'fungsional_keterampilan')),
  level TEXT,
  reports_to_position_id TEXT REFERENCES positions(id),
  ${replicatedColumns}
);
CREATE INDEX positions_office ON positions(office_id, deleted_at);
CREATE INDEX positions_unit ON positions(unit_id);
CREATE INDEX positions_reports_to ON positions(reports_to_position_id);

-- Employees: kind and status get defaults so rows written before this migration stay valid.
ALTER TABLE employees ADD COLUMN kind TEXT NOT NULL DEFAULT 'PNS' CHECK (kind IN ('PNS', 'PPPK'));
ALTER TABLE employees ADD COLUMN front_title TEXT;
ALTER TABLE employees ADD COLUMN back_title TEXT;
ALTER TABLE employees ADD COLUMN sex TEXT CHECK (sex IN ('L', 'P'));
ALTER TABLE employees ADD COLUMN birth_date TEXT;
ALTER TABLE employees ADD COLUMN golongan TEXT;
ALTER TABLE employees ADD COLUMN tmt_golongan TEXT;
ALTER TABLE employees ADD COLUMN phone TEXT;
ALTER TABLE employees ADD COLUMN email TEXT;
ALTER TABLE employees ADD COLUMN status TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'cuti', 'pindah', 'pensiun'));
-- Sex and birth date follow from the NIP; filling them for existing rows is deterministic, so every
-- instance that runs this migration derives the same values without a change_log entry.
UPDATE employees SET
  birth_date = substr(nip, 1, 4) || '-' || substr(nip, 5, 2) || '-' || substr(nip, 7, 2),
  sex = CASE substr(nip, 15, 1) WHEN '1' THEN 'L' WHEN '2' THEN 'P' END
WHERE length(nip) = 18;
-- The list pages sort and filter by these inside one office.
CREATE INDEX employees_office_name ON employees(office_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX employees_office_nip ON employees(office_id, nip) WHERE deleted_at IS NULL;
CREATE INDEX employees_office_golongan ON employees(office_id, golongan) WHERE deleted_at IS NULL;
CREATE INDEX employees_office_status ON employees(office_id, status) WHERE deleted_at IS NULL;

CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  employee_id TEXT NOT NULL REFERENCES employees(id),
  position_id TEXT NOT NULL REFERENCES positions(id),
  kind TEXT NOT NULL CHECK (kind IN ('definitif', 'plt', 'plh')),
  start_date TEXT NOT NULL,
  end_date TEXT,
  sk_number TEXT,
  cancel_reason TEXT,
  ${replicatedColumns},
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX assignments_employee ON assignments(employee_id, start_date) WHERE deleted_at IS NULL;
CREATE INDEX assignments_position ON assignments(position_id, start_date) WHERE deleted_at IS NULL;
CREATE INDEX assignments_office ON assignments(office_id) WHERE deleted_at IS NULL;

CREATE TABLE appraisal_overrides (
  id TEXT PRIMARY KEY,
  employee_id TEXT NOT NULL REFERENCES employees(id),
  appraiser_employee_id TEXT NOT NULL REFERENCES employees(id),
  atasan_employee_id TEXT REFERENCES employees(id),
  start_date TEXT NOT NULL,
  end_date TEXT,
  reason TEXT NOT NULL,
  ${replicatedColumns},
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX appraisal_overrides_employee ON appraisal_overrides(employee_id, start_date) WHERE deleted_at IS NULL;
CREATE INDEX appraisal_overrides_appraiser ON appraisal_overrides(appraiser_employee_id) WHERE deleted_at IS NULL;
CREATE INDEX appraisal_overrides_atasan ON appraisal_overrides(atasan_employee_id) WHERE deleted_at IS NULL;

-- An employee's history names who made each change by the audit entry of the same command.
CREATE INDEX audit_log_at ON audit_log(at);
`,
};
