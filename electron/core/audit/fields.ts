import { dialogueKindLabels, dialogueStatusLabels } from '../../../shared/dialogue/commands';
import { orgRatingLabels, predikatLabels, ratingLabels } from '../../../shared/evaluation/predikat';
import { assignmentKindLabels, positionLevelLabels, positionTypeLabels, unitKindLabels } from '../../../shared/org/jabatan';
import { formatDateId } from '../../../shared/people/dates';
import { employeeStatusLabels } from '../../../shared/people/fields';
import { sexLabels } from '../../../shared/people/nip';
import { annexLabels, aspekLabels, perspektifLabels } from '../../../shared/skp/commands';
import { perilakuValues } from '../../../shared/skp/perilaku';
import { skpStatusLabels } from '../../../shared/skp/workflow';
import { cadenceLabels } from '../../../shared/year/commands';
import { monthNames } from '../../../shared/evaluation/periods';
import type { Describer } from './describe';

/**
 * The Jejak Audit detail in words (docs/spec/operations.md §2): each stored column of an audited row gets an
 * Indonesian label, and each value what a reader would recognise (a date as "31 Maret 2026", a
 * rating as "Di Atas Ekspektasi", a person's id as their name). The raw value stays in the answer
 * for the record; these are what the dialog shows.
 */

/** Columns a reader has no use for: identity and replication bookkeeping. */
const hiddenFields = new Set(['id', 'office_id', 'hlc']);

export function isShownField(field: string): boolean {
  return !hiddenFields.has(field);
}

/** The same column name in every table. */
const common: Record<string, string> = {
  name: 'Nama',
  nip: 'NIP',
  code: 'Kode',
  address: 'Alamat',
  phone: 'Telepon',
  email: 'Email',
  kind: 'Jenis',
  status: 'Status',
  front_title: 'Gelar depan',
  back_title: 'Gelar belakang',
  sex: 'Jenis kelamin',
  birth_date: 'Tanggal lahir',
  golongan: 'Golongan ruang',
  tmt_golongan: 'TMT golongan',
  employee_id: 'Pegawai',
  appraiser_employee_id: 'Pejabat Penilai Kinerja',
  atasan_employee_id: 'Atasan Pejabat Penilai Kinerja',
  atasan_name: 'Nama Atasan Pejabat Penilai',
  position_id: 'Jabatan',
  unit_id: 'Unit kerja',
  parent_id: 'Unit induk',
  year_id: 'Tahun Penilaian',
  skp_id: 'SKP',
  rhk_id: 'RHK',
  indicator_id: 'Indikator',
  evaluation_id: 'Penilaian',
  dialogue_id: 'Dialog Kinerja',
  assignment_id: 'Penempatan jabatan',
  start_date: 'Tanggal mulai',
  end_date: 'Tanggal selesai',
  period: 'Periode',
  period_start: 'Awal periode',
  period_end: 'Akhir periode',
  year: 'Tahun',
  text: 'Uraian',
  note: 'Catatan',
  notes: 'Catatan',
  title: 'Judul',
  value: 'Realisasi',
  description: 'Keterangan',
  order_no: 'Urutan',
  reason: 'Alasan',
  version: 'Versi data',
  created_at: 'Dibuat pada',
  updated_at: 'Diubah pada',
  deleted_at: 'Dihapus pada',
  // accounts
  username: 'Nama pengguna',
  password_hash: 'Kata sandi',
  is_pengelola: 'Pengelola Kinerja',
  is_admin_pusat: 'Admin Pusat',
  must_change_password: 'Wajib ganti kata sandi',
  failed_count: 'Gagal masuk berturut-turut',
  next_attempt_at: 'Boleh mencoba lagi pada',
  locked_until: 'Terkunci sampai',
  last_login_at: 'Terakhir masuk',
  deactivated_at: 'Dinonaktifkan pada',
  // office
  head_position_id: 'Jabatan kepala kantor',
  head_appraiser_name: 'Nama penilai kepala kantor',
  head_appraiser_nip: 'NIP penilai kepala kantor',
  head_appraiser_position: 'Jabatan penilai kepala kantor',
  head_appraiser_superior_name: 'Nama atasan penilai kepala kantor',
  head_appraiser_superior_nip: 'NIP atasan penilai kepala kantor',
  head_appraiser_superior_position: 'Jabatan atasan penilai kepala kantor',
  // positions, assignments
  type: 'Jenis jabatan',
  level: 'Jenjang',
  reports_to_position_id: 'Melapor kepada',
  sk_number: 'Nomor SK',
  cancel_reason: 'Alasan pembatalan',
  // years
  cadence: 'Siklus penilaian berkala',
  skp_deadline: 'Batas persetujuan SKP',
  closed_at: 'Ditutup pada',
  // SKP
  approach: 'Pendekatan',
  is_jpt: 'SKP JPT',
  return_note: 'Catatan pengembalian',
  submitted_at: 'Diajukan pada',
  approved_at: 'Disetujui pada',
  approved_version: 'Versi yang disetujui',
  amending: 'Sedang diubah (adendum)',
  copied_from_skp_id: 'Disalin dari SKP',
  office_name: 'Nama kantor',
  employee_name: 'Nama pegawai',
  employee_nip: 'NIP pegawai',
  employee_golongan: 'Pangkat/golongan pegawai',
  employee_position: 'Jabatan pegawai',
  employee_unit: 'Unit kerja pegawai',
  appraiser_name: 'Nama Pejabat Penilai',
  appraiser_nip: 'NIP Pejabat Penilai',
  appraiser_golongan: 'Pangkat/golongan Pejabat Penilai',
  appraiser_position: 'Jabatan Pejabat Penilai',
  appraiser_unit: 'Unit kerja Pejabat Penilai',
  atasan_nip: 'NIP Atasan Pejabat Penilai',
  atasan_golongan: 'Pangkat/golongan Atasan Pejabat Penilai',
  atasan_position: 'Jabatan Atasan Pejabat Penilai',
  atasan_unit: 'Unit kerja Atasan Pejabat Penilai',
  parent_rhk_id: 'RHK atasan yang diintervensi',
  pk_reference: 'Rujukan Perjanjian Kinerja',
  aspek: 'Aspek',
  perspektif: 'Perspektif',
  target_min: 'Target (batas bawah)',
  target_max: 'Target (batas atas)',
  target_unit: 'Satuan target',
  target_text: 'Target',
  value_code: 'Perilaku Kerja',
  version_no: 'Nomor versi',
  approved_by_employee_id: 'Disetujui oleh',
  snapshot: 'Isi SKP yang disetujui',
  action: 'Tindakan',
  from_status: 'Status sebelumnya',
  to_status: 'Status baru',
  actor_employee_id: 'Pelaku',
  actor_name: 'Nama pelaku',
  at: 'Waktu',
  // realisasi, evidence
  file_name: 'Nama berkas',
  mime_type: 'Jenis berkas',
  size: 'Ukuran',
  url: 'Tautan',
  // feedback, dialogue
  target_kind: 'Sasaran umpan balik',
  author_employee_id: 'Penulis',
  author_name: 'Nama penulis',
  author_role: 'Peran penulis',
  body: 'Isi',
  reader_employee_id: 'Pembaca',
  read_at: 'Dibaca pada',
  requested_by_employee_id: 'Diminta oleh',
  request_note: 'Catatan permintaan',
  scheduled_at: 'Jadwal',
  place: 'Tempat',
  agenda: 'Agenda',
  participants: 'Peserta',
  discussion: 'Pembahasan',
  employee_concerns: 'Hal yang disampaikan pegawai',
  agreed: 'Kesepakatan',
  employee_confirmed_at: 'Dikonfirmasi pegawai pada',
  appraiser_confirmed_at: 'Dikonfirmasi penilai pada',
  owner: 'Penanggung jawab',
  due_date: 'Tenggat',
  done_at: 'Selesai pada',
  // evaluations, org ratings, appeals
  results_rating: 'Rating Hasil Kerja',
  behaviour_rating: 'Rating Perilaku Kerja',
  predikat: 'Predikat Kinerja',
  org_rating: 'Capaian Kinerja Organisasi',
  rating: 'Capaian Kinerja Organisasi',
  angka_kredit: 'Angka kredit',
  finalized_at: 'Difinalkan pada',
  acknowledged_at: 'Diterima pegawai pada',
  appeal_deadline: 'Batas pengajuan keberatan',
  skp_version_no: 'Versi SKP yang dinilai',
  judgement: 'Penilaian',
  set_by_employee_id: 'Ditetapkan oleh',
  set_by_name: 'Nama penetap',
  filed_at: 'Diajukan pada',
  reasons: 'Alasan keberatan',
  appraiser_explanation: 'Penjelasan Pejabat Penilai',
  appraiser_explained_at: 'Penjelasan penilai pada',
  employee_explanation: 'Penjelasan pegawai',
  employee_explained_at: 'Penjelasan pegawai pada',
  decision: 'Keputusan',
  original_results_rating: 'Rating Hasil Kerja semula',
  original_behaviour_rating: 'Rating Perilaku Kerja semula',
  original_predikat: 'Predikat semula',
  decided_results_rating: 'Rating Hasil Kerja diputus',
  decided_behaviour_rating: 'Rating Perilaku Kerja diputus',
  decided_predikat: 'Predikat diputus',
  decision_reason: 'Alasan keputusan',
  decided_at: 'Diputus pada',
};

/** Where the same column name means something else in one table. */
const perTable: Record<string, Record<string, string>> = {
  employees: { kind: 'Jenis pegawai', status: 'Status pegawai' },
  units: { kind: 'Jenis unit' },
  assignments: { kind: 'Jenis penempatan' },
  performance_years: { status: 'Status tahun' },
  skps: { status: 'Status SKP', version: 'Versi data' },
  skp_rhk: { kind: 'Jenis RHK' },
  skp_annex: { kind: 'Jenis lampiran' },
  evidence: { kind: 'Jenis bukti' },
  evaluations: { status: 'Status penilaian' },
  period_reports: { status: 'Status laporan' },
  dialogues: { kind: 'Jenis dialog', status: 'Status dialog' },
  appeals: { status: 'Status keberatan' },
  evaluation_rhk: { note: 'Catatan penilai' },
  org_ratings: { note: 'Catatan' },
};

export function fieldLabel(table: string, field: string): string {
  return perTable[table]?.[field] ?? common[field] ?? field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

const perilakuLabels: Record<string, string> = Object.fromEntries(perilakuValues.map((v) => [v.code, v.name]));

/** Enum values in words, by column (and table where the same column holds another set). */
const enumsByField: Record<string, Record<string, string>> = {
  results_rating: ratingLabels,
  behaviour_rating: ratingLabels,
  judgement: ratingLabels,
  original_results_rating: ratingLabels,
  original_behaviour_rating: ratingLabels,
  decided_results_rating: ratingLabels,
  decided_behaviour_rating: ratingLabels,
  predikat: predikatLabels,
  original_predikat: predikatLabels,
  decided_predikat: predikatLabels,
  org_rating: orgRatingLabels,
  rating: orgRatingLabels,
  sex: sexLabels,
  cadence: cadenceLabels,
  type: positionTypeLabels,
  level: positionLevelLabels,
  aspek: aspekLabels,
  perspektif: perspektifLabels,
  value_code: perilakuLabels,
  decision: { tetap: 'Tetap', diubah: 'Diubah' },
  from_status: skpStatusLabels,
  to_status: skpStatusLabels,
  approach: { kuantitatif: 'Kuantitatif', kualitatif: 'Kualitatif' },
  owner: { pegawai: 'Pegawai', penilai: 'Pejabat Penilai', bersama: 'Bersama' },
  target_kind: { rhk: 'RHK', perilaku: 'Perilaku Kerja', umum: 'Umum' },
};

const enumsByTableField: Record<string, Record<string, Record<string, string>>> = {
  employees: { status: employeeStatusLabels },
  units: { kind: unitKindLabels },
  assignments: { kind: assignmentKindLabels },
  performance_years: { status: { terbuka: 'Terbuka', ditutup: 'Ditutup' } },
  skps: { status: skpStatusLabels },
  skp_rhk: { kind: { utama: 'Utama', tambahan: 'Tambahan' } },
  skp_annex: { kind: annexLabels },
  evidence: { kind: { file: 'Berkas', link: 'Tautan' } },
  evaluations: { status: { belum: 'Belum dinilai', draf: 'Draf', final: 'Final' } },
  period_reports: { status: { draf: 'Draf', diajukan: 'Dikirim' } },
  dialogues: { kind: dialogueKindLabels, status: dialogueStatusLabels },
  appeals: { status: { diajukan: 'Diajukan', diputus: 'Diputus' } },
};

/** Columns holding a yes/no as 0/1. */
const flags = new Set(['is_pengelola', 'is_admin_pusat', 'must_change_password', 'is_jpt', 'amending']);
/** Columns holding an employee's id: shown as the person's name. */
const personIds = new Set([
  'employee_id',
  'appraiser_employee_id',
  'atasan_employee_id',
  'approved_by_employee_id',
  'actor_employee_id',
  'author_employee_id',
  'reader_employee_id',
  'requested_by_employee_id',
  'set_by_employee_id',
]);

/** Columns holding another record's id: shown as that record in words. */
const references: Record<string, string> = {
  skp_id: 'skps',
  copied_from_skp_id: 'skps',
  unit_id: 'units',
  position_id: 'positions',
  reports_to_position_id: 'positions',
  head_position_id: 'positions',
  assignment_id: 'assignments',
  evaluation_id: 'evaluations',
  dialogue_id: 'dialogues',
  rhk_id: 'skp_rhk',
  parent_rhk_id: 'skp_rhk',
  indicator_id: 'skp_indicators',
};

function periodText(p: string): string {
  if (/^\d{1,2}$/.test(p)) return monthNames[Number(p) - 1] ?? p;
  if (/^Q[1-4]$/.test(p)) return `Triwulan ${['I', 'II', 'III', 'IV'][Number(p.slice(1)) - 1]}`;
  if (p === 'tahunan') return 'Tahunan';
  return p;
}

const wibMs = 7 * 60 * 60 * 1000;

/** `2026-03-31T03:05:00.000Z` -> `31 Maret 2026 10.05 WIB` (the office's clock, as docs/spec/terms.md §5 writes times). */
function dateTimeText(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = new Date(t + wibMs).toISOString();
  return `${formatDateId(local.slice(0, 10))} ${local.slice(11, 13)}.${local.slice(14, 16)} WIB`;
}

function numberText(n: number): string {
  return n.toLocaleString('id-ID', { maximumFractionDigits: 4 });
}

/** A stored value as a reader would want to see it; '—' for empty. */
export function fieldValueText(table: string, field: string, value: unknown, d: Describer): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'password_hash') return '(disembunyikan)';
  if (flags.has(field)) return value === 1 || value === true ? 'Ya' : 'Tidak';
  if (typeof value === 'string') {
    const words = enumsByTableField[table]?.[field] ?? enumsByField[field];
    if (words?.[value]) return words[value];
    if (personIds.has(field)) return d.employeeName(value) ?? value;
    if (field === 'year_id') {
      const y = d.yearOf(value);
      return y ? `Tahun Penilaian ${y}` : value;
    }
    if (field === 'period') return periodText(value);
    const refTable = table === 'units' && field === 'parent_id' ? 'units' : references[field];
    if (refTable) {
      const words = d.reference(refTable, value);
      return words ? words.charAt(0).toUpperCase() + words.slice(1) : '(data sudah tidak ada)';
    }
    // A document kept whole (the approved SKP's content): too long for a table cell.
    if (field === 'snapshot') return 'Isi SKP saat disetujui (tersimpan utuh)';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateId(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return dateTimeText(value);
    if (value.length > 300) return `${value.slice(0, 300)}…`;
    return value;
  }
  if (typeof value === 'number') {
    if (field === 'size') return `${numberText(Math.round(value / 1024))} KB`;
    return numberText(value);
  }
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  return JSON.stringify(value);
}
