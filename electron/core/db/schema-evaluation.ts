import type { Replicated } from './schema';

/** Tables of migration 0004 (monitoring and evaluation). */
export interface PeriodReportsTable extends Replicated {
  skp_id: string;
  employee_id: string;
  period: string;
  status: 'draf' | 'diajukan';
  submitted_at: string | null;
}

export interface RealisasiTable extends Replicated {
  skp_id: string;
  indicator_id: string;
  period: string;
  value: number | null;
  description: string | null;
  notes: string | null;
}

export interface EvidenceTable extends Replicated {
  skp_id: string;
  indicator_id: string | null;
  period: string;
  kind: 'file' | 'link';
  title: string;
  sha256: string | null;
  file_name: string | null;
  mime_type: string | null;
  size: number | null;
  url: string | null;
}

export interface FeedbackTable extends Replicated {
  skp_id: string;
  employee_id: string;
  period: string;
  target_kind: 'rhk' | 'perilaku' | 'umum';
  rhk_id: string | null;
  value_code: string | null;
  author_employee_id: string;
  author_name: string;
  author_role: 'pegawai' | 'penilai' | 'atasan_penilai';
  body: string;
}

export interface FeedbackReadsTable extends Replicated {
  skp_id: string;
  reader_employee_id: string;
  read_at: string;
}

export interface EvaluationsTable extends Replicated {
  skp_id: string;
  employee_id: string;
  year_id: string;
  period: string;
  unit_id: string | null;
  status: 'draf' | 'final';
  results_rating: 'diatas' | 'sesuai' | 'dibawah' | null;
  behaviour_rating: 'diatas' | 'sesuai' | 'dibawah' | null;
  predikat: 'sangat_baik' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang' | null;
  org_rating: string | null;
  notes: string | null;
  angka_kredit: number | null;
  appraiser_employee_id: string | null;
  finalized_at: string | null;
  acknowledged_at: string | null;
  appeal_deadline: string | null;
  /** The approved SKP version (`skp_versions.version_no`) a final evaluation judged; NULL while draft (migration 0006). */
  skp_version_no: number | null;
}

export interface EvaluationRhkTable extends Replicated {
  evaluation_id: string;
  rhk_id: string;
  judgement: 'diatas' | 'sesuai' | 'dibawah';
  note: string | null;
}

export interface OrgRatingsTable extends Replicated {
  year_id: string;
  period: string;
  unit_id: string | null;
  rating: 'istimewa' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';
  set_by_employee_id: string | null;
  set_by_name: string | null;
  note: string | null;
}

export interface AppealsTable extends Replicated {
  evaluation_id: string;
  employee_id: string;
  appraiser_employee_id: string | null;
  atasan_employee_id: string | null;
  atasan_name: string | null;
  status: 'diajukan' | 'diputus';
  filed_at: string;
  reasons: string;
  appraiser_explanation: string | null;
  appraiser_explained_at: string | null;
  employee_explanation: string | null;
  employee_explained_at: string | null;
  decision: 'tetap' | 'diubah' | null;
  original_results_rating: string | null;
  original_behaviour_rating: string | null;
  original_predikat: string | null;
  decided_results_rating: string | null;
  decided_behaviour_rating: string | null;
  decided_predikat: string | null;
  decision_reason: string | null;
  decided_at: string | null;
}

export interface EvaluationTables {
  period_reports: PeriodReportsTable;
  realisasi: RealisasiTable;
  evidence: EvidenceTable;
  feedback: FeedbackTable;
  feedback_reads: FeedbackReadsTable;
  evaluations: EvaluationsTable;
  evaluation_rhk: EvaluationRhkTable;
  org_ratings: OrgRatingsTable;
  appeals: AppealsTable;
}

export const evaluationReplicatedTables: (keyof EvaluationTables)[] = [
  'period_reports',
  'realisasi',
  'evidence',
  'feedback',
  'feedback_reads',
  'evaluations',
  'evaluation_rhk',
  'org_ratings',
  'appeals',
];
