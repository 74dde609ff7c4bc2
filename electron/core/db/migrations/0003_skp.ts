import { replicatedColumns } from './0001_foundation';
import type { Migration } from './types';

/**
 * SKP planning (docs/spec/regulation.md §3): performance years, one SKP per employee per year and position held, its
 * RHK and indicators (the cascade links an RHK to the appraiser's RHK it supports), the leader's
 * expectations per BerAKHLAK value, the annex lists, every approved version as a snapshot, the
 * workflow history, and performance dialogues (planning ones now; monitoring ones later).
 */
export const skp: Migration = {
  version: 3,
  name: 'skp',
  up: `
CREATE TABLE performance_years (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  cadence TEXT NOT NULL CHECK (cadence IN ('bulanan', 'triwulanan')),
  skp_deadline TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka', 'ditutup')),
  closed_at TEXT,
  ${replicatedColumns},
  CHECK (end_date > start_date)
);
CREATE UNIQUE INDEX performance_years_office_year ON performance_years(office_id, year) WHERE deleted_at IS NULL;

CREATE TABLE skps (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES performance_years(id),
  employee_id TEXT NOT NULL REFERENCES employees(id),
  position_id TEXT REFERENCES positions(id),
  assignment_id TEXT REFERENCES assignments(id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  approach TEXT NOT NULL CHECK (approach IN ('kuantitatif', 'kualitatif')),
  is_jpt INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('draf', 'diajukan', 'dikembalikan', 'disetujui')),
  return_note TEXT,
  submitted_at TEXT,
  approved_at TEXT,
  approved_version INTEGER NOT NULL DEFAULT 0,
  amending INTEGER NOT NULL DEFAULT 0,
  copied_from_skp_id TEXT,
  -- Header snapshot: who was who when the plan was made, so later changes never rewrite it.
  office_name TEXT NOT NULL,
  employee_name TEXT NOT NULL,
  employee_nip TEXT NOT NULL,
  employee_golongan TEXT,
  employee_position TEXT,
  employee_unit TEXT,
  appraiser_employee_id TEXT,
  appraiser_name TEXT,
  appraiser_nip TEXT,
  appraiser_golongan TEXT,
  appraiser_position TEXT,
  appraiser_unit TEXT,
  atasan_employee_id TEXT,
  atasan_name TEXT,
  atasan_nip TEXT,
  atasan_golongan TEXT,
  atasan_position TEXT,
  atasan_unit TEXT,
  ${replicatedColumns},
  CHECK (period_end >= period_start)
);
CREATE INDEX skps_year_employee ON skps(year_id, employee_id) WHERE deleted_at IS NULL;
CREATE INDEX skps_appraiser ON skps(appraiser_employee_id, status) WHERE deleted_at IS NULL;
CREATE INDEX skps_office_year ON skps(office_id, year_id, status) WHERE deleted_at IS NULL;

CREATE TABLE skp_rhk (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  kind TEXT NOT NULL CHECK (kind IN ('utama', 'tambahan')),
  text TEXT NOT NULL,
  parent_rhk_id TEXT REFERENCES skp_rhk(id),
  pk_reference TEXT,
  order_no INTEGER NOT NULL DEFAULT 0,
  ${replicatedColumns}
);
CREATE INDEX skp_rhk_skp ON skp_rhk(skp_id, order_no) WHERE deleted_at IS NULL;
CREATE INDEX skp_rhk_parent ON skp_rhk(parent_rhk_id) WHERE deleted_at IS NULL;

CREATE TABLE skp_indicators (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  rhk_id TEXT NOT NULL REFERENCES skp_rhk(id),
  aspek TEXT CHECK (aspek IN ('kuantitas', 'kualitas', 'waktu', 'biaya')),
  perspektif TEXT CHECK (perspektif IN ('penerima_layanan', 'proses_bisnis', 'penguatan_internal', 'anggaran')),
  text TEXT NOT NULL,
  target_min REAL,
  target_max REAL,
  target_unit TEXT,
  target_text TEXT,
  order_no INTEGER NOT NULL DEFAULT 0,
  ${replicatedColumns}
);
CREATE INDEX skp_indicators_rhk ON skp_indicators(rhk_id, order_no) WHERE deleted_at IS NULL;
CREATE INDEX skp_indicators_skp ON skp_indicators(skp_id) WHERE deleted_at IS NULL;

CREATE TABLE skp_expectations (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  value_code TEXT NOT NULL,
  text TEXT NOT NULL,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX skp_expectations_value ON skp_expectations(skp_id, value_code) WHERE deleted_at IS NULL;

CREATE TABLE skp_annex (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  kind TEXT NOT NULL CHECK (kind IN ('dukungan_sumber_daya', 'skema_pertanggungjawaban', 'konsekuensi')),
  text TEXT NOT NULL,
  order_no INTEGER NOT NULL DEFAULT 0,
  ${replicatedColumns}
);
CREATE INDEX skp_annex_skp ON skp_annex(skp_id, kind, order_no) WHERE deleted_at IS NULL;

CREATE TABLE skp_versions (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  version_no INTEGER NOT NULL,
  approved_at TEXT NOT NULL,
  approved_by_employee_id TEXT,
  note TEXT,
  snapshot TEXT NOT NULL,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX skp_versions_no ON skp_versions(skp_id, version_no) WHERE deleted_at IS NULL;

CREATE TABLE skp_events (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_employee_id TEXT,
  actor_name TEXT,
  note TEXT,
  at TEXT NOT NULL,
  ${replicatedColumns}
);
CREATE INDEX skp_events_skp ON skp_events(skp_id, at);

CREATE TABLE dialogues (
  id TEXT PRIMARY KEY,
  employee_id TEXT NOT NULL REFERENCES employees(id),
  appraiser_employee_id TEXT REFERENCES employees(id),
  skp_id TEXT REFERENCES skps(id),
  year_id TEXT REFERENCES performance_years(id),
  kind TEXT NOT NULL CHECK (kind IN ('perencanaan', 'pemantauan', 'evaluasi', 'keberatan')),
  status TEXT NOT NULL CHECK (status IN ('diminta', 'dijadwalkan', 'dicatat', 'dikonfirmasi', 'dibatalkan')),
  requested_by_employee_id TEXT NOT NULL,
  request_note TEXT,
  scheduled_at TEXT,
  place TEXT,
  agenda TEXT,
  participants TEXT,
  discussion TEXT,
  employee_concerns TEXT,
  agreed TEXT,
  employee_confirmed_at TEXT,
  appraiser_confirmed_at TEXT,
  ${replicatedColumns}
);
CREATE INDEX dialogues_employee ON dialogues(employee_id, kind) WHERE deleted_at IS NULL;
CREATE INDEX dialogues_appraiser ON dialogues(appraiser_employee_id, status) WHERE deleted_at IS NULL;
CREATE INDEX dialogues_skp ON dialogues(skp_id) WHERE deleted_at IS NULL;

CREATE TABLE dialogue_actions (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  text TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT 'pegawai' CHECK (owner IN ('pegawai', 'penilai', 'bersama')),
  due_date TEXT,
  done_at TEXT,
  order_no INTEGER NOT NULL DEFAULT 0,
  ${replicatedColumns}
);
CREATE INDEX dialogue_actions_dialogue ON dialogue_actions(dialogue_id, order_no) WHERE deleted_at IS NULL;
`,
};
