import type { Content, Watermark } from 'pdfmake/interfaces';
import { AppError } from '../../../shared/errors';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import { findPeriod, type Period } from '../../../shared/evaluation/periods';
import { orgRatingLabels, predikatLabels, type OrgRating, type Predikat } from '../../../shared/evaluation/predikat';
import { formatNip, normalizeNip } from '../../../shared/people/nip';
import type { PersonSnapshot, SkpSnapshot } from '../../../shared/skp/commands';
import { tanggalOf } from '../documents/dates';
import { type Letterhead } from '../documents/letterhead';
import { type IdentityPerson } from '../documents/parts';
import { type EvaluationDocumentData } from './document-data';

export const evaluationForms = ['dokumen', 'evaluasi'] as const;
export type EvaluationForm = (typeof evaluationForms)[number];
/** What `export evaluasi` and the download print without `--form`: the one-page signed outcome. */
export const defaultEvaluationForm: EvaluationForm = 'dokumen';

export const evaluationFormNames: Record<EvaluationForm, string> = {
  dokumen: 'Dokumen Evaluasi Kinerja Pegawai',
  evaluasi: 'Evaluasi Kinerja Pegawai',
};

// ---------------------------------------------------------------------------------------------
// Words and small formats
// ---------------------------------------------------------------------------------------------

const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** `1.234,5`: thousands with `.`, decimals with `,` (docs/spec/terms.md §5). */
export function angka(n: number): string {
  return numberFormat.format(n);
}

/**
 * Room to write by hand what the app does not know yet: the date of a signature still to come, a
 * predikat not yet given (the head of office is evaluated by the Sekda outside the app), so a
 * printed draft is a form to complete rather than a row of dashes that reads like "nothing".
 */
export const blank = '.............................';

/** `BAIK`, `KURANG/MISCONDUCT`: the predikat as the forms print it. */
export function predikatPrint(p: Predikat | null | undefined): string {
  return p ? predikatLabels[p].toUpperCase() : blank;
}

export function orgRatingPrint(r: OrgRating | null | undefined): string {
  return r ? orgRatingLabels[r].toUpperCase() : blank;
}

/** Under the Dokumen Evaluasi (docs/spec/documents.md §3): the period is the one the agency uses. */
export const dokumenFootnote = '*) Periode evaluasi mengikuti periode evaluasi kinerja yang berlaku di instansi (bulanan, triwulanan, atau akhir tahun).';

export const evaluasiTitles = {
  dokumen: 'DOKUMEN EVALUASI KINERJA PEGAWAI',
  evaluasi: 'EVALUASI KINERJA PEGAWAI',
  pegawai: 'PEGAWAI YANG DINILAI',
  penilai: 'PEJABAT PENILAI KINERJA',
  atasan: 'ATASAN PEJABAT PENILAI KINERJA',
  evaluasiKinerja: 'EVALUASI KINERJA',
  capaian: 'CAPAIAN KINERJA ORGANISASI',
  pola: 'POLA DISTRIBUSI',
  predikat: 'PREDIKAT KINERJA PEGAWAI',
  catatan: 'CATATAN/REKOMENDASI',
  hasilKerja: 'HASIL KERJA',
  ratingHasil: 'RATING HASIL KERJA',
  perilaku: 'PERILAKU KERJA',
  ratingPerilaku: 'RATING PERILAKU KERJA',
} as const;

export function periodOf(year: number, code: string, plan: Pick<SkpSnapshot, 'periodStart' | 'periodEnd'>): Period {
  // The code says the cadence: Q1..Q4 quarterly, 1..12 monthly; the annual one is the same in both.
  const p = findPeriod(year, /^Q[1-4]$/.test(code) ? 'triwulanan' : 'bulanan', code);
  if (!p) throw new AppError('VALIDATION', `Periode ${code} tidak dikenal.`);
  // After a transfer the SKP covers part of the year: the header prints the part it covers.
  return { ...p, start: p.start < plan.periodStart ? plan.periodStart : p.start, end: p.end > plan.periodEnd ? plan.periodEnd : p.end };
}

function toTitle(upper: string): string {
  return upper.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase());
}

/** A person for the identity rows; someone without a unit is placed as the SKP document does. */
export function identityOf(p: PersonSnapshot | null, d: EvaluationDocumentData, letterhead: Letterhead): IdentityPerson | null {
  if (!p) return null;
  // An official outside the office (the Sekda for a kepala dinas) has no unit in our data: the agency stands for it.
  const fallback = p.employeeId ? d.detail.header.officeName : toTitle(letterhead.agency);
  return { name: p.name, nip: p.nip, golongan: p.golongan, position: p.position, unit: p.unit ?? fallback };
}

export function isFinal(d: EvaluationDocumentData): boolean {
  return d.detail.status === 'final';
}

/** Every page of a draft says so, so a draft printed for discussion is never taken for the signed result. */
export const draftWatermark: Watermark = { text: 'DRAF', color: '#9a9a9a', opacity: 0.12, bold: true };

export function who(d: EvaluationDocumentData): string {
  const e = d.detail.header.employee;
  return `${e.name}${e.nip ? `, NIP ${formatNip(e.nip)}` : ''}`;
}

/**
 * A result under appeal says so wherever it is printed, and a result changed by the atasan's
 * decision says that too: the document must not pass for the final word when it is not, or hide
 * why it differs from the one first handed over.
 */
export function appealNote(d: EvaluationDocumentData): string | null {
  const a = d.detail.appeal;
  if (!a) return null;
  if (a.status === 'diajukan') return `Atas hasil ini diajukan keberatan pada ${tanggalOf(a.filedAt)}; menunggu putusan Atasan Pejabat Penilai Kinerja.`;
  const on = a.decidedAt ? ` pada ${tanggalOf(a.decidedAt)}` : '';
  return a.decision === 'diubah'
    ? `Hasil ini telah diubah oleh putusan keberatan Atasan Pejabat Penilai Kinerja${on}.`
    : `Keberatan atas hasil ini telah diputus Atasan Pejabat Penilai Kinerja${on}: hasil tetap.`;
}

export function appealLine(d: EvaluationDocumentData): Content[] {
  const note = appealNote(d);
  return note ? [{ text: note, italics: true, bold: true, fontSize: 8, margin: [0, 3, 0, 0] }] : [];
}

/** `TRIWULAN-III`, `JANUARI`, `TAHUNAN`: the period in a file name. */
export function periodFilePart(code: string): string {
  if (code === 'tahunan') return 'TAHUNAN';
  const q = /^Q([1-4])$/.exec(code);
  if (q) return `TRIWULAN-${['I', 'II', 'III', 'IV'][Number(q[1]) - 1]}`;
  const p = findPeriod(2000, 'bulanan', code);
  return p ? p.printLabel.replace(/^BULANAN /, '') : code.replace(/[^0-9A-Za-z-]/g, '');
}

const formFilePrefix: Record<EvaluationForm, string> = { dokumen: 'EVALUASI', evaluasi: 'FORMULIR-EVALUASI' };

/** `EVALUASI_198501012010011011_2026_TRIWULAN-III.pdf` (the NIP without spaces: safe on every file system). */
export function evaluationPdfFileName(detail: Pick<EvaluationDetail, 'employeeNip' | 'year' | 'period'>, form: EvaluationForm = defaultEvaluationForm): string {
  const nip = normalizeNip(detail.employeeNip).replace(/[^0-9A-Za-z]/g, '') || 'pegawai';
  return `${formFilePrefix[form]}_${nip}_${detail.year}_${periodFilePart(detail.period)}.pdf`;
}

/** `EVALUASI_SD_2026_TRIWULAN-III.pdf` for a unit (its code, else its name), `..._SEMUA_...` for the office. */
export function evaluationBatchFileName(scope: string | null, year: number, period: string, form: EvaluationForm = defaultEvaluationForm): string {
  const s = (scope ?? 'SEMUA').toUpperCase().replace(/[^0-9A-Z]+/g, '-').replace(/^-|-$/g, '') || 'UNIT';
  return `${formFilePrefix[form]}_${s}_${year}_${periodFilePart(period)}.pdf`;
}

export function parseEvaluationForm(v: string | null | undefined): EvaluationForm {
  const t = (v ?? '').trim().toLowerCase();
  if (!t) return defaultEvaluationForm;
  if ((evaluationForms as readonly string[]).includes(t)) return t as EvaluationForm;
  throw new AppError('VALIDATION', 'Jenis dokumen harus "dokumen" (Dokumen Evaluasi Kinerja Pegawai) atau "evaluasi" (formulir Evaluasi Kinerja Pegawai).', {
    fields: { form: 'Pilih dokumen atau evaluasi.' },
  });
}
