import { replicatedColumns } from './0001_foundation';
import type { Migration } from './types';

/**
 * Monitoring and evaluation (docs/spec/regulation.md §2, §4, §5): per-period reports of results (realisasi) with evidence
 * metadata (files live content-addressed in the data folder), feedback threads and read marks,
 * evaluations with per-RHK judgements, the organisation's rating per unit and period, and appeals.
 */
export const evaluation: Migration = {
  version: 4,
  name: 'evaluation',
  up: `
CREATE TABLE period_reports (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  employee_id TEXT NOT NULL REFERENCES employees(id),
  period TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draf', 'diajukan')),
  submitted_at TEXT,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX period_reports_skp_period ON period_reports(skp_id, period) WHERE deleted_at IS NULL;
CREATE INDEX period_reports_office ON period_reports(office_id, period, status) WHERE deleted_at IS NULL;

CREATE TABLE realisasi (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  indicator_id TEXT NOT NULL REFERENCES skp_indicators(id),
  period TEXT NOT NULL,
  value REAL,
  description TEXT,
  notes TEXT,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX realisasi_indicator_period ON realisasi(indicator_id, period) WHERE deleted_at IS NULL;
CREATE INDEX realisasi_skp_period ON realisasi(skp_id, period) WHERE deleted_at IS NULL;

CREATE TABLE evidence (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  indicator_id TEXT REFERENCES skp_indicators(id),
  period TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
  title TEXT NOT NULL,
  sha256 TEXT,
  file_name TEXT,
  mime_type TEXT,
  size INTEGER,
  url TEXT,
  ${replicatedColumns},
  CHECK ((kind = 'file' AND sha256 IS NOT NULL) OR (kind = 'link' AND url IS NOT NULL))
);
CREATE INDEX evidence_skp_period ON evidence(skp_id, period) WHERE deleted_at IS NULL;
CREATE INDEX evidence_sha ON evidence(sha256);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  employee_id TEXT NOT NULL REFERENCES employees(id),
  period TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('rhk', 'perilaku', 'umum')),
  rhk_id TEXT REFERENCES skp_rhk(id),
  value_code TEXT,
  author_employee_id TEXT NOT NULL REFERENCES employees(id),
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL CHECK (author_role IN ('pegawai', 'penilai', 'atasan_penilai')),
  body TEXT NOT NULL,
  ${replicatedColumns}
);
CREATE INDEX feedback_skp_period ON feedback(skp_id, period, created_at) WHERE deleted_at IS NULL;
CREATE INDEX feedback_employee ON feedback(employee_id, created_at) WHERE deleted_at IS NULL;

CREATE TABLE feedback_reads (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  reader_employee_id TEXT NOT NULL REFERENCES employees(id),
  read_at TEXT NOT NULL,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX feedback_reads_reader ON feedback_reads(skp_id, reader_employee_id) WHERE deleted_at IS NULL;

CREATE TABLE evaluations (
  id TEXT PRIMARY KEY,
  skp_id TEXT NOT NULL REFERENCES skps(id),
  employee_id TEXT NOT NULL REFERENCES employees(id),
  year_id TEXT NOT NULL REFERENCES performance_years(id),
  period TEXT NOT NULL,
  unit_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('draf', 'final')),
  results_rating TEXT CHECK (results_rating IN ('diatas', 'sesuai', 'dibawah')),
  behaviour_rating TEXT CHECK (behaviour_rating IN ('diatas', 'sesuai', 'dibawah')),
  predikat TEXT CHECK (predikat IN ('sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')),
  org_rating TEXT,
  notes TEXT,
  angka_kredit REAL,
  appraiser_employee_id TEXT,
  finalized_at TEXT,
  acknowledged_at TEXT,
  appeal_deadline TEXT,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX evaluations_skp_period ON evaluations(skp_id, period) WHERE deleted_at IS NULL;
CREATE INDEX evaluations_year_period ON evaluations(office_id, year_id, period, status) WHERE deleted_at IS NULL;
CREATE INDEX evaluations_appraiser ON evaluations(appraiser_employee_id, status) WHERE deleted_at IS NULL;
CREATE INDEX evaluations_unit ON evaluations(year_id, period, unit_id) WHERE deleted_at IS NULL;

CREATE TABLE evaluation_rhk (
  id TEXT PRIMARY KEY,
  evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
  rhk_id TEXT NOT NULL REFERENCES skp_rhk(id),
  judgement TEXT NOT NULL CHECK (judgement IN ('diatas', 'sesuai', 'dibawah')),
  note TEXT,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX evaluation_rhk_unique ON evaluation_rhk(evaluation_id, rhk_id) WHERE deleted_at IS NULL;

CREATE TABLE org_ratings (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES performance_years(id),
  period TEXT NOT NULL,
  unit_id TEXT,
  rating TEXT NOT NULL CHECK (rating IN ('istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')),
  set_by_employee_id TEXT,
  set_by_name TEXT,
  note TEXT,
  ${replicatedColumns}
);
CREATE UNIQUE INDEX org_ratings_unit_period ON org_ratings(year_id, period, COALESCE(unit_id, '')) WHERE deleted_at IS NULL;

CREATE TABLE appeals (
  id TEXT PRIMARY KEY,
  evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
  employee_id TEXT NOT NULL REFERENCES employees(id),
  appraiser_employee_id TEXT,
  atasan_employee_id TEXT,
  atasan_name TEXT,
  status TEXT NOT NULL CHECK (status IN ('diajukan', 'diputus')),
  filed_at TEXT NOT NULL,
  reasons TEXT NOT NULL,
  appraiser_explanation TEXT,
  appraiser_explained_at TEXT,
  employee_explanation TEXT,
  employee_explained_at TEXT,
  decision TEXT CHECK (decision IN ('tetap', 'diubah')),
  original_results_rating TEXT,
  original_behaviour_rating TEXT,
  original_predikat TEXT,
  decided_results_rating TEXT,
  decided_behaviour_rating TEXT,
  decided_predikat TEXT,
  decision_reason TEXT,
  decided_at TEXT,
  ${replicatedColumns}
);
CREATE INDEX appeals_evaluation ON appeals(evaluation_id) WHERE deleted_at IS NULL;
CREATE INDEX appeals_atasan ON appeals(atasan_employee_id, status) WHERE deleted_at IS NULL;
CREATE INDEX appeals_office ON appeals(office_id, status) WHERE deleted_at IS NULL;
`,
};
