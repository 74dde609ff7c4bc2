import type { Replicated } from './schema';

/** Tables of migration 0003 (SKP planning and performance dialogues). */
export interface PerformanceYearsTable extends Replicated {
  year: number;
  start_date: string;
  end_date: string;
  cadence: 'bulanan' | 'triwulanan';
  skp_deadline: string;
  status: 'terbuka' | 'ditutup';
  closed_at: string | null;
}

export interface SkpsTable extends Replicated {
  year_id: string;
  employee_id: string;
  position_id: string | null;
  assignment_id: string | null;
  period_start: string;
  period_end: string;
  approach: 'kuantitatif' | 'kualitatif';
  is_jpt: number;
  status: 'draf' | 'diajukan' | 'dikembalikan' | 'disetujui';
  return_note: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  approved_version: number;
  amending: number;
  copied_from_skp_id: string | null;
  office_name: string;
  employee_name: string;
  employee_nip: string;
  employee_golongan: string | null;
  employee_position: string | null;
  employee_unit: string | null;
  appraiser_employee_id: string | null;
  appraiser_name: string | null;
  appraiser_nip: string | null;
  appraiser_golongan: string | null;
  appraiser_position: string | null;
  appraiser_unit: string | null;
  atasan_employee_id: string | null;
  atasan_name: string | null;
  atasan_nip: string | null;
  atasan_golongan: string | null;
  atasan_position: string | null;
  atasan_unit: string | null;
}

export interface SkpRhkTable extends Replicated {
  skp_id: string;
  kind: 'utama' | 'tambahan';
  text: string;
  parent_rhk_id: string | null;
  pk_reference: string | null;
  order_no: number;
}

export interface SkpIndicatorsTable extends Replicated {
  skp_id: string;
  rhk_id: string;
  aspek: 'kuantitas' | 'kualitas' | 'waktu' | 'biaya' | null;
  perspektif: 'penerima_layanan' | 'proses_bisnis' | 'penguatan_internal' | 'anggaran' | null;
  text: string;
  target_min: number | null;
  target_max: number | null;
  target_unit: string | null;
  target_text: string | null;
  order_no: number;
}

export interface SkpExpectationsTable extends Replicated {
  skp_id: string;
  value_code: string;
  text: string;
}

export interface SkpAnnexTable extends Replicated {
  skp_id: string;
  kind: 'dukungan_sumber_daya' | 'skema_pertanggungjawaban' | 'konsekuensi';
  text: string;
  order_no: number;
}

export interface SkpVersionsTable extends Replicated {
  skp_id: string;
  version_no: number;
  approved_at: string;
  approved_by_employee_id: string | null;
  note: string | null;
  snapshot: string;
}

export interface SkpEventsTable extends Replicated {
  skp_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_employee_id: string | null;
  actor_name: string | null;
  note: string | null;
  at: string;
}

export interface DialoguesTable extends Replicated {
  employee_id: string;
  appraiser_employee_id: string | null;
  skp_id: string | null;
  year_id: string | null;
  kind: 'perencanaan' | 'pemantauan' | 'evaluasi' | 'keberatan';
  status: 'diminta' | 'dijadwalkan' | 'dicatat' | 'dikonfirmasi' | 'dibatalkan';
  requested_by_employee_id: string;
  request_note: string | null;
  scheduled_at: string | null;
  place: string | null;
  agenda: string | null;
  participants: string | null;
  discussion: string | null;
  employee_concerns: string | null;
  agreed: string | null;
  employee_confirmed_at: string | null;
  appraiser_confirmed_at: string | null;
}

export interface DialogueActionsTable extends Replicated {
  dialogue_id: string;
  text: string;
  owner: 'pegawai' | 'penilai' | 'bersama';
  due_date: string | null;
  done_at: string | null;
  order_no: number;
}

export interface SkpTables {
  performance_years: PerformanceYearsTable;
  skps: SkpsTable;
  skp_rhk: SkpRhkTable;
  skp_indicators: SkpIndicatorsTable;
  skp_expectations: SkpExpectationsTable;
  skp_annex: SkpAnnexTable;
  skp_versions: SkpVersionsTable;
  skp_events: SkpEventsTable;
  dialogues: DialoguesTable;
  dialogue_actions: DialogueActionsTable;
}

export const skpReplicatedTables: (keyof SkpTables)[] = [
  'performance_years',
  'skps',
  'skp_rhk',
  'skp_indicators',
  'skp_expectations',
  'skp_annex',
  'skp_versions',
  'skp_events',
  'dialogues',
  'dialogue_actions',
];
