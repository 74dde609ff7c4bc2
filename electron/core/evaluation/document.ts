import type { CanvasElement, Content, ContentSection, TableCell, TDocumentDefinitions, Watermark } from 'pdfmake/interfaces';
import { checkDistribution, distributionPattern } from '../../../shared/distribution/curve';
import type { UnitDistribution } from '../../../shared/distribution/commands';
import { AppError } from '../../../shared/errors';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import { findPeriod, type Period } from '../../../shared/evaluation/periods';
import { orgRatingLabels, predikatLabels, predikats, ratingLabels, ratingPrintLabels, type OrgRating, type Predikat } from '../../../shared/evaluation/predikat';
import { formatNip, normalizeNip } from '../../../shared/people/nip';
import type { PersonSnapshot, Rhk, SkpSnapshot } from '../../../shared/skp/commands';
import { perilakuValues } from '../../../shared/skp/perilaku';
import type { Core } from '../core';
import type { PerformanceYearsTable } from '../db/schema';
import { call, toAppError, type CallMeta } from '../dispatch';
import { periodeText, tanggalOf } from '../documents/dates';
import { letterheadOf, type Letterhead } from '../documents/letterhead';
import { compactGridLayout, gridLayout, headerFill, headerLine, identityLabels, identityTable, orDash, signatureRow, titleBlock, type IdentityPerson } from '../documents/parts';
import { a4Landscape, a4Portrait, renderPdf } from '../documents/pdf';
import { cellFor, hasilKerjaColumns, rhkColumns, skpFootnotes, skpLayoutOf, skpTitleLines, type ColumnKey, type SkpLayout } from '../skp/document';
import { loadSkp } from '../skp/service';
import { judgedPlanOf } from './judged-plan';
import { loadEvaluation, unitLineage, unitOfSkp } from './service';

/**
 * The evaluation documents (docs/spec/documents.md §2 to §4), built from what `evaluation.get`
 * answers, so that whoever may open an evaluation on screen may print it and nobody else:
 *
 * - `dokumen`: DOKUMEN EVALUASI KINERJA PEGAWAI, the signed outcome, one portrait page;
 * - `evaluasi`: the EVALUASI KINERJA PEGAWAI form, landscape, with the distribution-curve picture,
 *   HASIL KERJA with realisasi and feedback, PERILAKU KERJA, ratings and predikat.
 *
 * Each document is a pdfmake section with its own footer, page numbers and watermark, so a batch
 * (a unit's or an office's documents for one period) is one PDF of consecutive documents, each
 * numbered `Halaman 1 dari N` on its own, a draft marked DRAF and a final one not.
 */

export const evaluationForms = ['dokumen', 'evaluasi'] as const;
export type EvaluationForm = (typeof evaluationForms)[number];
/** What `export evaluasi` and the download print without `--form`: the one-page signed outcome. */
export const defaultEvaluationForm: EvaluationForm = 'dokumen';

export const evaluationFormNames: Record<EvaluationForm, string> = {
  dokumen: 'Dokumen Evaluasi Kinerja Pegawai',
  evaluasi: 'Evaluasi Kinerja Pegawai',
};

/** Everything one document needs: the evaluation as the caller may see it, and its plan's columns. */
export interface EvaluationDocumentData {
  detail: EvaluationDetail;
  /** From the same SKP as `detail` (read after evaluation.get allowed it): the superior's RHK, approach, units of measure. */
  plan: Pick<SkpSnapshot, 'approach' | 'isJpt' | 'periodStart' | 'periodEnd' | 'rhk'>;
  /** The period's dates and print label (TRIWULAN I, BULANAN JANUARI, AKHIR), clipped to the SKP's own period. */
  period: Period;
  /**
   * The unit's actual spread of final predikat for the period, for the curve picture: only when
   * the caller may see the distribution (`distribution.get`), otherwise null and the picture shows
   * the required pattern alone.
   */
  distribution: UnitDistribution | null;
  /**
   * For the annual form: each indicator's realisasi period by period (the year is reported month
   * by month or quarter by quarter), read through `realisasi.get` with the caller's session.
   */
  periodicRealisasi?: Record<string, PeriodicRealisasi[]>;
}

/** One period's realisasi of one indicator, as the annual form lists it. */
export interface PeriodicRealisasi {
  period: string;
  value: number | null;
  description: string | null;
  evidence: number;
}

export interface EvaluationDocumentOptions {
  letterhead: Letterhead;
  /**
   * The office's emblem or logo as a `data:image/png;base64,...` URL, printed above the title of
   * the Dokumen Evaluasi. The app ships none; see `officeLogoOf`.
   */
  logo?: string | null;
}

/** Meta key of the office logo (a data URL). No upload screen exists yet: this is the hook it will fill. */
export const officeLogoKey = 'document.logo';

/**
 * The logo an office uploaded, or null. Only a PNG or JPEG data URL is accepted, because pdfmake
 * is forbidden to read files or URLs (pdf.ts) and anything else would fail the whole document.
 */
export function officeLogoOf(core: Core): string | null {
  const v = core.getMeta(officeLogoKey)?.trim();
  return v && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(v) ? v : null;
}

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
const blank = '.............................';

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

function periodOf(year: number, code: string, plan: Pick<SkpSnapshot, 'periodStart' | 'periodEnd'>): Period {
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
function identityOf(p: PersonSnapshot | null, d: EvaluationDocumentData, letterhead: Letterhead): IdentityPerson | null {
  if (!p) return null;
  // An official outside the office (the Sekda for a kepala dinas) has no unit in our data: the agency stands for it.
  const fallback = p.employeeId ? d.detail.header.officeName : toTitle(letterhead.agency);
  return { name: p.name, nip: p.nip, golongan: p.golongan, position: p.position, unit: p.unit ?? fallback };
}

function isFinal(d: EvaluationDocumentData): boolean {
  return d.detail.status === 'final';
}

/** Every page of a draft says so, so a draft printed for discussion is never taken for the signed result. */
const draftWatermark: Watermark = { text: 'DRAF', color: '#9a9a9a', opacity: 0.12, bold: true };

function who(d: EvaluationDocumentData): string {
  const e = d.detail.header.employee;
  return `${e.name}${e.nip ? `, NIP ${formatNip(e.nip)}` : ''}`;
}

/**
 * Page numbers per document inside a PDF that may hold many: `Halaman 2 dari 3` counts the pages
 * of this document alone. pdfmake lays out all content before it asks for footers, and records on
 * each node the pages it landed on (`positions`), so by then every document's first page is known
 * (its title's page); a document ends where the next begins, the last one at the end of the file.
 * Should a later pdfmake stop recording positions, the footer falls back to the file's page number.
 */
class SectionPages {
  private readonly bodies: object[] = [];

  add(body: object): number {
    return this.bodies.push(body) - 1;
  }

  private firstPage(body: object): number | null {
    const positions = (body as { positions?: { pageNumber?: number }[] }).positions ?? [];
    let min: number | null = null;
    for (const p of positions) if (typeof p.pageNumber === 'number' && (min === null || p.pageNumber < min)) min = p.pageNumber;
    return min;
  }

  numbering(index: number, current: number, pageCount: number): string {
    const first = this.firstPage(this.bodies[index]!);
    if (first === null) return `Halaman ${current}`;
    const next = index + 1 < this.bodies.length ? this.firstPage(this.bodies[index + 1]!) : null;
    const last = next === null ? pageCount : next - 1;
    return `Halaman ${current - first + 1} dari ${last - first + 1}`;
  }
}

function section(d: EvaluationDocumentData, form: EvaluationForm, content: Content[], pages: SectionPages): ContentSection {
  const body = { stack: content };
  const index = pages.add(body);
  const landscape = form === 'evaluasi';
  const margin = landscape ? 30 : 40;
  const label = `${evaluationFormNames[form]} ${d.detail.periodLabel} - ${who(d)}${isFinal(d) ? '' : ' - DRAF'}`;
  return {
    section: body,
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: landscape ? [30, 24, 30, 30] : [margin, 30, margin, 32],
    footer: (current: number, pageCount: number): Content => ({
      columns: [
        { text: label, width: '*' },
        { text: pages.numbering(index, current, pageCount), width: 'auto', alignment: 'right' },
      ],
      fontSize: 7,
      color: '#444444',
      margin: [margin, 8, margin, 0],
    }),
    // `null` (not undefined) so a final document after a draft in a batch does not inherit its watermark.
    watermark: isFinal(d) ? null : draftWatermark,
  };
}

// ---------------------------------------------------------------------------------------------
// DOKUMEN EVALUASI KINERJA PEGAWAI (docs/spec/documents.md §3): one portrait page
// ---------------------------------------------------------------------------------------------

/** Number column, label, colon, value: rules around each row, none between label, colon and value. */
const labelValueLayout = {
  ...gridLayout,
  vLineWidth: (i: number, node: { table: { widths?: unknown[] } }) => (i === 0 || i === 1 || i === (node.table.widths?.length ?? 4) ? 0.6 : 0),
  paddingTop: () => 3.2,
  paddingBottom: () => 3.2,
};

function blockHeading(no: number, title: string): TableCell[] {
  return [
    { text: `${no}`, bold: true, alignment: 'center', fillColor: headerFill },
    { text: title, bold: true, colSpan: 3, fillColor: headerFill },
    {},
    {},
  ];
}

function labelRow(label: string, value: string, bold = false): TableCell[] {
  return [{ text: '' }, { text: label }, { text: ':' }, { text: value, bold }];
}

function personRows(p: IdentityPerson | null): TableCell[][] {
  const values = p ? [orDash(p.name), p.nip ? formatNip(p.nip) : '-', orDash(p.golongan), orDash(p.position), orDash(p.unit)] : identityLabels.map(() => '-');
  return identityLabels.map((label, i) => labelRow(label, values[i]!, i === 0));
}

/**
 * The Dokumen Evaluasi is one page whatever the appraiser wrote (notes hold up to 4.000
 * characters): a long note is set smaller, and the rows above it tighter.
 */
function notesFit(notes: string | null): { fontSize: number; padding: number } {
  const n = notes?.trim().length ?? 0;
  if (n > 3000) return { fontSize: 6.5, padding: 1.5 };
  if (n > 2000) return { fontSize: 7, padding: 2 };
  if (n > 1100) return { fontSize: 8, padding: 2.6 };
  return { fontSize: 9, padding: 3.2 };
}

function notesCell(notes: string | null): TableCell {
  const text = notes?.trim() ?? '';
  return { text: text || ' ', colSpan: 3, fontSize: notesFit(notes).fontSize, lineHeight: 1.15, margin: [0, 2, 0, 2] };
}

export function dokumenEvaluasiContent(d: EvaluationDocumentData, o: EvaluationDocumentOptions): Content[] {
  const { header } = d.detail;
  const employee = identityOf(header.employee, d, o.letterhead);
  const appraiser = identityOf(header.appraiser, d, o.letterhead);
  const atasan = identityOf(header.atasan, d, o.letterhead);
  const body: TableCell[][] = [
    blockHeading(1, evaluasiTitles.pegawai),
    ...personRows(employee),
    blockHeading(2, evaluasiTitles.penilai),
    ...personRows(appraiser),
    blockHeading(3, evaluasiTitles.atasan),
    ...personRows(atasan),
    blockHeading(4, evaluasiTitles.evaluasiKinerja),
    labelRow(evaluasiTitles.capaian, orgRatingPrint(d.detail.orgRating), true),
    labelRow(evaluasiTitles.predikat, predikatPrint(d.detail.predikat), true),
    blockHeading(5, evaluasiTitles.catatan),
  ];
  const notesRow = body.length;
  const fit = notesFit(d.detail.notes);
  body.push([{ text: '' }, notesCell(d.detail.notes), {}, {}]);
  const place = o.letterhead.place;
  const final = isFinal(d);
  return [
    ...(o.logo ? [{ image: o.logo, fit: [56, 56], alignment: 'center', margin: [0, 0, 0, 4] } as Content] : []),
    titleBlock([evaluasiTitles.dokumen, `PERIODE: ${d.period.printLabel}*`]),
    // Portrait is too narrow for the period beside two lines of agency: it takes two lines of its own.
    headerLine(o.letterhead.agency, header.officeName, `PERIODE PENILAIAN:\n${periodeText(d.period.start, d.period.end)}`),
    {
      table: {
        widths: [18, 150, 6, '*'],
        // Room to write by hand when the appraiser left no note; a long note makes the row grow.
        heights: (row: number) => (row === notesRow ? 84 : 'auto'),
        dontBreakRows: true,
        body,
      },
      layout: { ...labelValueLayout, paddingTop: () => fit.padding, paddingBottom: () => fit.padding },
    } as Content,
    ...appealLine(d),
    signatureRow(
      // Each side dates its own signature: the employee on receipt, the appraiser on finalising.
      { above: `${place}, ${d.detail.acknowledgedAt ? tanggalOf(d.detail.acknowledgedAt) : blank}`, caption: 'Pegawai yang Dinilai,', name: header.employee.name, nip: header.employee.nip },
      {
        above: `${place}, ${final && d.detail.finalizedAt ? tanggalOf(d.detail.finalizedAt) : blank}`,
        caption: 'Pejabat Penilai Kinerja,',
        name: header.appraiser?.name ?? null,
        nip: header.appraiser?.nip ?? null,
      },
      215,
    ),
    { text: dokumenFootnote, fontSize: 7.5, italics: true, margin: [0, 10, 0, 0] },
  ];
}

// ---------------------------------------------------------------------------------------------
// Distribution curve picture (docs/spec/documents.md §4)
// ---------------------------------------------------------------------------------------------

/** Left to right as the official picture: from Sangat Kurang to Sangat Baik. */
export const curveOrder: Predikat[] = [...predikats].reverse();

function bandText(b: { min: number; max: number }): string {
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  if (b.max === 0) return 'tidak boleh ada';
  if (b.min > 0 && b.max < 1) return `${pct(b.min)} - ${pct(b.max)}`;
  if (b.min > 0) return `min. ${pct(b.min)}`;
  if (b.max < 1) return `maks. ${pct(b.max)}`;
  return 'bebas';
}

export interface CurveOptions {
  width: number;
  /** Height of the plot area. */
  plotHeight?: number;
}

/**
 * KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI <RATING>: for each
 * predikat the band its share of employees must stay in (light bar), and, when known, the unit's
 * actual share (dark bar, with the count). Drawn with pdfmake's canvas; the words are laid over it
 * as detached text (`relativePosition`), so no SVG text and no other font is involved. The y-axis
 * is the share of the unit's evaluated employees, because the rules are shares.
 */
export function distributionCurve(rating: OrgRating, counts: Record<Predikat, number> | null, opts: CurveOptions): Content {
  const check = checkDistribution(rating, counts ?? {});
  const total = counts ? check.total : 0;
  const W = opts.width;
  const gutter = 30;
  const top = 6;
  const ph = opts.plotHeight ?? 92;
  const sw = (W - gutter) / curveOrder.length;
  const y = (v: number) => top + ph * (1 - v);
  const shapes: CanvasElement[] = [];
  const labels: Content[] = [];
  // Labels come after the canvas (so no bar covers them), placed back up over it: offsets are from the canvas's bottom.
  const canvasHeight = y(0);
  const label = (x: number, yy: number, width: number, text: string, style: object) =>
    labels.push({ relativePosition: { x, y: yy - canvasHeight }, columns: [{ width, text, ...style }] } as Content);
  for (const v of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    shapes.push({ type: 'line', x1: gutter, y1: y(v), x2: W, y2: y(v), lineWidth: 0.4, lineColor: v === 0 ? '#000000' : '#c8c8c8', ...(v === 0 ? {} : { dash: { length: 2, space: 2 } }) });
    label(0, y(v) - 4, gutter - 4, `${Math.round(v * 100)}%`, { alignment: 'right', fontSize: 6.5, color: '#333333' });
  }
  shapes.push({ type: 'line', x1: gutter, y1: top, x2: gutter, y2: y(0), lineWidth: 0.6, lineColor: '#000000' });
  curveOrder.forEach((p, i) => {
    const b = check.bands[p];
    const x0 = gutter + i * sw;
    if (b.max > 0) {
      const free = b.min === 0 && b.max === 1;
      shapes.push({
        type: 'rect',
        x: x0 + sw * 0.14,
        y: y(b.max),
        w: sw * 0.72,
        h: y(b.min) - y(b.max),
        color: free ? '#f7f7f7' : '#cfcfcf',
        lineColor: free ? '#b4b4b4' : '#6f6f6f',
        lineWidth: 0.5,
        ...(free ? { dash: { length: 2, space: 2 } } : {}),
      });
    } else {
      // Not allowed at all: a red-free mark that survives black-and-white printing.
      shapes.push({ type: 'line', x1: x0 + sw * 0.14, y1: y(0) - 1.5, x2: x0 + sw * 0.86, y2: y(0) - 1.5, lineWidth: 2, lineColor: '#6f6f6f' });
    }
    if (counts && total > 0) {
      const n = counts[p];
      const share = n / total;
      if (n > 0) shapes.push({ type: 'rect', x: x0 + sw * 0.36, y: y(share), w: sw * 0.28, h: y(0) - y(share), color: '#3a3a3a' });
      label(x0, y(share) - 9, sw, `${n} (${Math.round(share * 100)}%)`, { alignment: 'center', fontSize: 6.5, bold: true });
    }
  });
  const xLabels: Content = {
    columns: [
      { width: gutter, text: '' },
      ...curveOrder.map((p) => ({
        width: sw,
        stack: [
          { text: predikatLabels[p], bold: true, fontSize: 6.5 },
          { text: bandText(check.bands[p]), fontSize: 6.5, color: '#444444' },
        ],
        alignment: 'center' as const,
      })),
    ],
    columnGap: 0,
    margin: [0, 2, 0, 0],
  };
  return {
    width: W,
    stack: [
      { text: `KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI ${orgRatingPrint(rating)}`, bold: true, fontSize: 7.5, margin: [0, 0, 0, 3] },
      { text: 'Frekuensi Pegawai (% dari pegawai yang dinilai)', fontSize: 6.5, color: '#333333', margin: [0, 0, 0, 2] },
      { stack: [{ canvas: shapes }, ...labels] },
      xLabels,
    ],
    unbreakable: true,
  } as Content;
}

/** The words beside the curve: the rule, and the unit's actual spread with any breach. */
function curveNotes(rating: OrgRating, dist: UnitDistribution | null): Content {
  const lines: Content[] = [
    { text: 'Pola yang diminta:', bold: true },
    { text: distributionPattern[rating], margin: [0, 1, 0, 6] },
    {
      columns: [
        { width: 10, canvas: [{ type: 'rect', x: 0, y: 1.5, w: 8, h: 6, color: '#cfcfcf', lineColor: '#6f6f6f', lineWidth: 0.5 }] },
        { width: '*', text: 'batas sebaran menurut pola (garis putus-putus: bebas)' },
      ],
      columnGap: 3,
    },
  ];
  if (dist && dist.total > 0) {
    const check = checkDistribution(rating, dist.counts);
    lines.push({
      columns: [
        { width: 10, canvas: [{ type: 'rect', x: 0, y: 1.5, w: 8, h: 6, color: '#3a3a3a' }] },
        { width: '*', text: `sebaran predikat final ${dist.unitName}: ${dist.total} pegawai` },
      ],
      columnGap: 3,
      margin: [0, 2, 0, 0],
    });
    lines.push(
      check.breaches.length
        ? { text: ['Belum sesuai pola: ', ...check.breaches.map((b) => b.replace(/^Capaian organisasi [^:]+: /, ''))].join(' '), italics: true, margin: [0, 6, 0, 0] }
        : { text: 'Sebaran sesuai pola.', italics: true, margin: [0, 6, 0, 0] },
    );
  } else {
    lines.push({ text: 'Sebaran aktual unit tidak ditampilkan (belum ada penilaian final, atau hanya dapat dilihat Pengelola Kinerja dan Pejabat Penilai).', italics: true, color: '#444444', margin: [0, 6, 0, 0] });
  }
  return { stack: lines, fontSize: 7.5 };
}

// ---------------------------------------------------------------------------------------------
// EVALUASI KINERJA PEGAWAI form (docs/spec/documents.md §2): landscape
// ---------------------------------------------------------------------------------------------

/** The two columns the evaluation adds to the SKP's HASIL KERJA. */
type EvaluasiColumnKey = ColumnKey | 'realisasi' | 'umpanBalik';

interface EvaluasiColumn {
  key: EvaluasiColumnKey;
  title: string;
  width: number | '*';
  mark?: string;
}

/** Column widths of the form per layout (the SKP's widths fill the page alone). */
const evaluasiWidths: Record<SkpLayout, Partial<Record<EvaluasiColumnKey, number | '*'>>> = {
  kuantitatif: { no: 18, parent: 100, rhk: 104, aspek: 46, indicator: '*', target: 64, realisasi: 128, umpanBalik: 150 },
  kualitatif: { no: 18, parent: 150, rhkWithIndicators: '*', realisasi: 170, umpanBalik: 180 },
  jpt_kuantitatif: { no: 18, rhk: 140, perspektif: 66, indicator: '*', target: 70, realisasi: 140, umpanBalik: 160 },
  jpt_kualitatif: { no: 18, rhkWithIndicators: '*', realisasi: 210, umpanBalik: 230 },
};

/**
 * HASIL KERJA of the form: the SKP's columns in the SKP's order and titles (skp/document.ts keeps
 * them in one place), then REALISASI and UMPAN BALIK.
 */
export const evaluasiHasilKerjaColumns: Record<SkpLayout, EvaluasiColumn[]> = Object.fromEntries(
  (Object.keys(hasilKerjaColumns) as SkpLayout[]).map((layout) => [
    layout,
    [
      ...hasilKerjaColumns[layout].map((c) => ({ key: c.key, title: c.title, mark: c.mark, width: evaluasiWidths[layout][c.key] ?? c.width })),
      { key: 'realisasi', title: 'REALISASI BERDASARKAN BUKTI DUKUNG', width: evaluasiWidths[layout].realisasi ?? 140 },
      { key: 'umpanBalik', title: 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG', width: evaluasiWidths[layout].umpanBalik ?? 160 },
    ],
  ]),
) as Record<SkpLayout, EvaluasiColumn[]>;

export const perilakuEvaluasiColumns = [
  { title: 'NO', width: 18 },
  { title: 'PERILAKU KERJA', width: 300 },
  { title: 'EKSPEKTASI KHUSUS PIMPINAN', width: 170 },
  { title: 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG', width: '*' as const },
];

function heading(title: string, mark?: string): TableCell {
  return { text: mark ? [title, { text: mark, sup: true }] : title, bold: true, alignment: 'center', verticalAlignment: 'middle', fillColor: headerFill, fontSize: 7.5 };
}

function spanRow(n: number, cell: TableCell & object): TableCell[] {
  return [{ ...cell, colSpan: n } as TableCell, ...Array.from({ length: n - 1 }, () => ({}))];
}

type RealisasiIndicator = EvaluationDetail['rhk'][number]['indicators'][number];
type FeedbackItem = EvaluationDetail['rhk'][number]['feedback'][number];

function shortUrl(u: string): string {
  const t = u.replace(/^https?:\/\//, '');
  return t.length > 48 ? `${t.slice(0, 45)}...` : t;
}

/** `Jan`, `Agu`, `TW III`: a period in the annual form's per-period list. */
function shortPeriod(code: string): string {
  const q = /^Q([1-4])$/.exec(code);
  if (q) return `TW ${['I', 'II', 'III', 'IV'][Number(q[1]) - 1]}`;
  return findPeriod(2000, 'bulanan', code)?.label.slice(0, 3) ?? code;
}

/** The year's realisasi of one indicator, period by period: `Jan: 75 SPJ; Feb: 80 SPJ; ...`. */
function periodicLines(list: PeriodicRealisasi[] | undefined, unit: string | null): Content[] {
  const reported = (list ?? []).filter((x) => x.value !== null || x.description);
  if (reported.length === 0) return [];
  const parts = reported.map((x) => `${shortPeriod(x.period)}: ${x.value !== null ? `${angka(x.value)}${unit ? ` ${unit}` : ''}` : x.description}`);
  const files = reported.reduce((n, x) => n + x.evidence, 0);
  return [
    { text: 'Per periode:', italics: true, color: '#333333' },
    { text: parts.join('; ') },
    ...(files ? [{ text: `Bukti dukung: ${files} berkas/tautan pada laporan periodik.`, fontSize: 7, color: '#333333' }] : []),
  ];
}

/** Evidence as printed: a file by its name, a link by its title and a short address. */
function evidenceNames(list: EvaluationDetail['generalEvidence']): string[] {
  return list.map((e) => (e.kind === 'file' ? (e.fileName ?? e.title) : `${e.title} (${shortUrl(e.url ?? '')})`));
}

function realisasiStack(r: RealisasiIndicator | undefined, unit: string | null, withIndicator = false, periodic?: PeriodicRealisasi[]): Content[] {
  if (!r) return [{ text: '-' }];
  const out: Content[] = [];
  if (withIndicator) out.push({ text: r.indicatorText, italics: true });
  const perPeriod = periodicLines(periodic, unit);
  if (r.value !== null) out.push({ text: `${angka(r.value)}${unit ? ` ${unit}` : ''}`, bold: true });
  if (r.description) out.push({ text: r.description });
  if (r.notes) out.push({ text: `Catatan: ${r.notes}`, italics: true, color: '#333333' });
  if (r.evidence.length) out.push({ text: `Bukti dukung: ${evidenceNames(r.evidence).join('; ')}`, fontSize: 7, color: '#333333' });
  out.push(...perPeriod);
  if (r.value === null && !r.description && !r.notes && r.evidence.length === 0 && perPeriod.length === 0) out.push({ text: 'Belum dilaporkan', italics: true, color: '#555555' });
  return out;
}

/**
 * Is this feedback the employee's own reply? Feedback keeps the author's name as signed in (the
 * bare name), the header the full name with academic titles: the bare name sits inside the full one.
 */
function isEmployee(author: string, employeeFullName: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const a = n(author);
  return a.length >= 3 && n(employeeFullName).includes(a);
}

/** Feedback in order, each with who and when; the employee's replies marked as such. */
function feedbackStack(items: FeedbackItem[], d: EvaluationDocumentData, periodNames: Map<string, string>): Content[] {
  const employee = d.detail.header.employee.name;
  return items.map((f) => {
    const reply = isEmployee(f.authorName, employee);
    // On the annual form the period is named too: feedback on March may be written in April.
    const when = `${tanggalOf(f.at)}${d.period.annual ? `, periode ${periodNames.get(f.period) ?? f.period}` : ''}`;
    return {
      text: [{ text: `${reply ? 'Tanggapan pegawai' : f.authorName} (${when}): `, bold: true, color: '#333333' }, f.body],
      margin: [0, 0, 0, 2],
    };
  });
}

function umpanBalikCell(r: EvaluationDetail['rhk'][number], d: EvaluationDocumentData, periodNames: Map<string, string>): TableCell {
  const out: Content[] = [];
  if (r.judgement) out.push({ text: `Penilaian: ${ratingLabels[r.judgement]}`, bold: true });
  if (r.note) out.push({ text: r.note, margin: [0, 0, 0, 2] });
  out.push(...feedbackStack(r.feedback, d, periodNames));
  return out.length ? { stack: out } : { text: '-' };
}

function hasilKerjaEvaluasiTable(d: EvaluationDocumentData, periodNames: Map<string, string>): Content {
  const layout = skpLayoutOf(d.plan);
  const cols = evaluasiHasilKerjaColumns[layout];
  const n = cols.length;
  const perIndicator = cols.some((c) => c.key !== 'realisasi' && c.key !== 'umpanBalik' && !rhkColumns.has(c.key as ColumnKey));
  const planRhk = new Map(d.plan.rhk.map((r) => [r.id, r]));
  const units = new Map(d.plan.rhk.flatMap((r) => r.indicators.map((i) => [i.id, i.targetUnit] as const)));
  const body: TableCell[][] = [spanRow(n, { text: evaluasiTitles.hasilKerja, bold: true, fillColor: headerFill }), cols.map((c) => heading(c.title, c.mark))];
  for (const [kind, label] of [
    ['utama', 'A. UTAMA'],
    ['tambahan', 'B. TAMBAHAN'],
  ] as const) {
    body.push(spanRow(n, { text: label, bold: true }));
    const list = d.detail.rhk.filter((r) => r.kind === kind);
    if (list.length === 0) body.push(spanRow(n, { text: '-', alignment: 'center' }));
    list.forEach((r, idx) => {
      // The plan's RHK (superior's RHK, PK reference); an RHK missing there still prints its own text.
      const plan: Rhk = planRhk.get(r.rhkId) ?? { id: r.rhkId, kind: r.kind, text: r.text, parentRhkId: null, parentRhkText: null, parentOwnerName: null, pkReference: null, orderNo: idx, indicators: [], childCount: 0 };
      const rows = perIndicator ? Math.max(1, r.indicators.length) : 1;
      for (let k = 0; k < rows; k++) {
        const real = r.indicators[k];
        const ind = plan.indicators.find((i) => i.id === real?.indicatorId) ?? plan.indicators[k];
        body.push(
          cols.map((c): TableCell => {
            const spans = c.key === 'umpanBalik' || (perIndicator && rhkColumns.has(c.key as ColumnKey));
            if (perIndicator && spans && k > 0) return {};
            let cell: TableCell;
            if (c.key === 'umpanBalik') cell = umpanBalikCell(r, d, periodNames);
            else if (c.key === 'realisasi') {
              cell = perIndicator
                ? { stack: realisasiStack(real, real ? (units.get(real.indicatorId) ?? null) : null, false, real ? d.periodicRealisasi?.[real.indicatorId] : undefined) }
                : {
                    stack: r.indicators.length
                      ? r.indicators.flatMap((x, j) => [
                          ...realisasiStack(x, units.get(x.indicatorId) ?? null, true, d.periodicRealisasi?.[x.indicatorId]),
                          ...(j < r.indicators.length - 1 ? [{ text: ' ', fontSize: 3 }] : []),
                        ])
                      : [{ text: '-' }],
                  };
            } else cell = cellFor(c.key as ColumnKey, plan, ind, idx + 1, d.plan.isJpt);
            return perIndicator && spans ? ({ ...(cell as object), rowSpan: rows } as TableCell) : cell;
          }),
        );
      }
    });
  }
  // Evidence sent for the whole period, and what was reported on an indicator an approved amendment
  // removed: not rows of the plan, but part of what the appraiser judged on, so printed below them.
  const general = d.detail.generalEvidence;
  if (general.length) body.push(spanRow(n, { text: `Bukti dukung umum periode ini: ${evidenceNames(general).join('; ')}`, fontSize: 7, color: '#333333' }));
  for (const x of d.detail.removedIndicators) {
    const reported = [x.value !== null ? angka(x.value) : null, x.description, x.evidence.length ? `bukti dukung: ${evidenceNames(x.evidence).join('; ')}` : null].filter(Boolean);
    body.push(spanRow(n, { text: `Indikator yang sudah dihapus dari SKP: ${x.indicatorText}${reported.length ? ` (${reported.join('; ')})` : ''}`, fontSize: 7, color: '#333333' }));
  }
  return {
    // Rows may break across pages (headings repeat): pdfmake keeps only the first page of a row that
    // must not break and does not fit one page, and a year's feedback on one RHK can be that long.
    table: { headerRows: 2, widths: cols.map((c) => c.width), body },
    layout: gridLayout,
    fontSize: 7.5,
  };
}

function perilakuEvaluasiTable(d: EvaluationDocumentData, periodNames: Map<string, string>): Content {
  const byCode = new Map(d.detail.perilaku.map((p) => [p.valueCode, p]));
  const body: TableCell[][] = [spanRow(4, { text: evaluasiTitles.perilaku, bold: true, fillColor: headerFill }), perilakuEvaluasiColumns.map((c) => heading(c.title))];
  perilakuValues.forEach((v, idx) => {
    const p = byCode.get(v.code);
    const fb = p ? feedbackStack(p.feedback, d, periodNames) : [];
    body.push([
      { text: `${idx + 1}`, alignment: 'center' },
      { stack: [{ text: v.name, bold: true }, { ol: [...v.guides], fontSize: 6.8, margin: [0, 1, 0, 0] }] },
      { stack: ['Ekspektasi Khusus Pimpinan:', { text: orDash(p?.expectation), margin: [0, 1, 0, 0] }] },
      fb.length ? { stack: fb } : { text: '-' },
    ]);
  });
  // A value cut across pages (its name on one, its guides on the next) reads badly, so rows stay
  // whole, unless some value's feedback could be longer than a page (a year of it on the annual
  // form), which pdfmake would cut off: then rows may break, as in HASIL KERJA.
  const linesOf = (p: EvaluationDetail['perilaku'][number]) => p.feedback.reduce((n, x) => n + 1 + Math.ceil((x.body.length + 40) / 70), 0);
  const keepRows = d.detail.perilaku.every((p) => linesOf(p) <= 30);
  return {
    table: { headerRows: 2, dontBreakRows: keepRows, widths: perilakuEvaluasiColumns.map((c) => c.width), body },
    layout: compactGridLayout,
    fontSize: 7.5,
  };
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

function appealLine(d: EvaluationDocumentData): Content[] {
  const note = appealNote(d);
  return note ? [{ text: note, italics: true, bold: true, fontSize: 8, margin: [0, 3, 0, 0] }] : [];
}

/** A bordered `LABEL | VALUE` row (RATING HASIL KERJA, PREDIKAT KINERJA PEGAWAI, ...). */
function ratingRow(label: string, value: Content, labelWidth = 200): Content {
  return {
    table: { widths: [labelWidth, '*'], body: [[{ text: label, bold: true, fillColor: headerFill, verticalAlignment: 'middle' }, value as TableCell]] },
    layout: gridLayout,
    margin: [0, 0, 0, 6],
  } as Content;
}

function capaianTable(d: EvaluationDocumentData): Content {
  const rating = d.detail.orgRating;
  const chartWidth = 360;
  const picture: TableCell = rating
    ? {
        columns: [distributionCurve(rating, d.distribution && d.distribution.total > 0 ? d.distribution.counts : null, { width: chartWidth }), { width: '*', stack: [curveNotes(rating, d.distribution)] }],
        columnGap: 16,
        margin: [0, 2, 0, 2],
      }
    : { text: 'Belum dapat digambarkan: Capaian Kinerja Organisasi untuk periode ini belum ditetapkan.', italics: true };
  return {
    table: {
      widths: [200, '*'],
      dontBreakRows: true,
      body: [
        [{ text: evaluasiTitles.capaian, bold: true, fillColor: headerFill }, { text: orgRatingPrint(rating), bold: true }],
        [{ text: evaluasiTitles.pola, bold: true, fillColor: headerFill }, picture],
      ],
    },
    layout: gridLayout,
    margin: [0, 8, 0, 8],
  } as Content;
}

function ratingValue(r: EvaluationDetail['resultsRating']): Content {
  return { text: r ? ratingPrintLabels[r] : blank, bold: true };
}

/** For the annual form: the periodic results of the year, so the AKHIR evaluation shows every period. */
function periodicTable(d: EvaluationDocumentData): Content | null {
  if (!d.period.annual || d.detail.periodic.length === 0) return null;
  const status: Record<string, string> = { belum: 'belum dinilai', draf: 'draf', final: 'final' };
  return ratingRow(
    'PREDIKAT PERIODIK TAHUN INI',
    { text: d.detail.periodic.map((p) => `${p.periodLabel}: ${p.predikat ? predikatLabels[p.predikat] : '-'}${p.status === 'final' ? '' : ` (${status[p.status]})`}`).join('; ') },
  );
}

export function evaluasiFormContent(d: EvaluationDocumentData, o: EvaluationDocumentOptions): Content[] {
  const { header } = d.detail;
  const layout = skpLayoutOf(d.plan);
  const [, approach, audience] = skpTitleLines[layout];
  const periodNames = new Map(d.detail.periodic.map((p) => [p.period, p.periodLabel]));
  const final = isFinal(d);
  const periodic = periodicTable(d);
  return [
    titleBlock([evaluasiTitles.evaluasi, approach, audience, `PERIODE: ${d.period.printLabel}`]),
    headerLine(o.letterhead.agency, header.officeName, `PERIODE PENILAIAN: ${periodeText(d.period.start, d.period.end)}`),
    identityTable(identityOf(header.employee, d, o.letterhead)!, identityOf(header.appraiser, d, o.letterhead)),
    capaianTable(d),
    hasilKerjaEvaluasiTable(d, periodNames),
    // The mark on the superior's RHK (or the JPT's RHK) column is explained as on the SKP.
    { text: d.plan.isJpt ? skpFootnotes.jpt : skpFootnotes.parent, fontSize: 7, italics: true, margin: [0, 2, 0, 6] },
    ratingRow(
      evaluasiTitles.ratingHasil,
      // For the head of an organisation the organisation's achievement is the personal results
      // rating (docs/spec/regulation.md §4): say so while the rating is still to be given (by the Sekda, outside the app).
      !d.detail.resultsRating && d.plan.isJpt && d.detail.orgRating
        ? { text: [{ text: blank, bold: true }, { text: `   (bagi pimpinan unit kerja mengikuti Capaian Kinerja Organisasi: ${orgRatingPrint(d.detail.orgRating)})`, italics: true }] }
        : ratingValue(d.detail.resultsRating),
    ),
    perilakuEvaluasiTable(d, periodNames),
    { text: '', margin: [0, 0, 0, 4] },
    // The result and the signature under it stay on one page.
    {
      stack: [
        ratingRow(evaluasiTitles.ratingPerilaku, ratingValue(d.detail.behaviourRating)),
        ratingRow(evaluasiTitles.predikat, { text: predikatPrint(d.detail.predikat), bold: true }),
        ...appealLine(d),
        ...(periodic ? [periodic] : []),
        signatureRow(null, {
          above: `${o.letterhead.place}, ${final && d.detail.finalizedAt ? tanggalOf(d.detail.finalizedAt) : blank}`,
          caption: 'Pejabat Penilai Kinerja',
          name: header.appraiser?.name ?? null,
          nip: header.appraiser?.nip ?? null,
        }),
      ],
      unbreakable: true,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Definitions and rendering
// ---------------------------------------------------------------------------------------------

function evaluationSection(d: EvaluationDocumentData, form: EvaluationForm, o: EvaluationDocumentOptions, pages: SectionPages): ContentSection {
  return section(d, form, form === 'dokumen' ? dokumenEvaluasiContent(d, o) : evaluasiFormContent(d, o), pages);
}

/** One PDF of one or many documents, each on its own pages (a section each). */
export function evaluationDocDefinition(docs: EvaluationDocumentData[], form: EvaluationForm, o: EvaluationDocumentOptions): TDocumentDefinitions {
  if (docs.length === 0) throw new AppError('NOT_FOUND', 'Tidak ada penilaian untuk dicetak.');
  const first = docs[0]!;
  const pages = new SectionPages();
  const title =
    docs.length === 1
      ? `${evaluationFormNames[form]} ${first.detail.periodLabel} - ${first.detail.header.employee.name}`
      : `${evaluationFormNames[form]} ${first.detail.periodLabel} - ${docs.length} pegawai`;
  return {
    ...(form === 'dokumen' ? a4Portrait : a4Landscape),
    info: { title, subject: evaluationFormNames[form], author: first.detail.header.officeName },
    content: docs.map((d) => evaluationSection(d, form, o, pages)),
  };
}

export function renderEvaluationPdf(docs: EvaluationDocumentData[], form: EvaluationForm, o: EvaluationDocumentOptions): Promise<Buffer> {
  return renderPdf(evaluationDocDefinition(docs, form, o));
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

// ---------------------------------------------------------------------------------------------
// Reading what a document needs, with the caller's access
// ---------------------------------------------------------------------------------------------

export function parseEvaluationForm(v: string | null | undefined): EvaluationForm {
  const t = (v ?? '').trim().toLowerCase();
  if (!t) return defaultEvaluationForm;
  if ((evaluationForms as readonly string[]).includes(t)) return t as EvaluationForm;
  throw new AppError('VALIDATION', 'Jenis dokumen harus "dokumen" (Dokumen Evaluasi Kinerja Pegawai) atau "evaluasi" (formulir Evaluasi Kinerja Pegawai).', {
    fields: { form: 'Pilih dokumen atau evaluasi.' },
  });
}

/** Repeated reads of a batch: the distribution of a unit is the same for all its employees. */
export interface EvaluationDocumentCache {
  distributions: Map<string, UnitDistribution | null>;
}

export function newDocumentCache(): EvaluationDocumentCache {
  return { distributions: new Map() };
}

/** The unit whose Capaian Kinerja Organisasi applies (its own, an ancestor's), or null for the office's, as orgRatingFor resolves it. */
function ratingUnitOf(core: Core, yearId: string, period: string, unitId: string | null): string | null {
  const rated = new Set(
    (core.q.prepare('SELECT unit_id FROM org_ratings WHERE year_id = ? AND period = ? AND unit_id IS NOT NULL AND deleted_at IS NULL').all(yearId, period) as { unit_id: string }[]).map(
      (r) => r.unit_id,
    ),
  );
  return unitLineage(core, unitId).find((u) => rated.has(u)) ?? null;
}

/**
 * The unit's actual spread, through `distribution.get` with the caller's session: a caller who may
 * not see the curve (an employee printing their own form) gets the pattern without the counts.
 */
function distributionFor(core: Core, meta: CallMeta, detail: EvaluationDetail, unitId: string | null, cache: EvaluationDocumentCache): UnitDistribution | null {
  if (!detail.orgRating) return null;
  const ratingUnit = ratingUnitOf(core, detail.yearId, detail.period, unitId);
  const key = `${detail.yearId}|${detail.period}|${ratingUnit ?? ''}`;
  if (cache.distributions.has(key)) return cache.distributions.get(key)!;
  let found: UnitDistribution | null = null;
  try {
    const r = call(core, meta, 'distribution.get', { yearId: detail.yearId, period: detail.period, ...(ratingUnit ? { unitId: ratingUnit } : {}) });
    found = ratingUnit ? (r.units.find((u) => u.unitId === ratingUnit) ?? null) : r.office;
  } catch (err) {
    const e = toAppError(err);
    if (e.code !== 'FORBIDDEN') throw err;
  }
  cache.distributions.set(key, found);
  return found;
}

/**
 * What one document needs, read with the caller's session: `evaluation.get` decides whether the
 * caller may see the evaluation (exactly as for the screen); then the plan's columns come from the
 * plan that evaluation judges (judged-plan.ts: for a final one, the approved version it was locked
 * against), read after the same row-access rule allowed it.
 */
export function evaluationDocumentData(
  core: Core,
  meta: CallMeta,
  input: { skpId: string; period: string; form?: EvaluationForm },
  cache: EvaluationDocumentCache = newDocumentCache(),
): EvaluationDocumentData {
  const detail = call(core, meta, 'evaluation.get', { skpId: input.skpId, period: input.period });
  const skp = loadSkp(core, detail.skpId);
  // The plan evaluation.get showed: a final evaluation's approved version, not a later amendment.
  const { plan: snap } = judgedPlanOf(core, skp, loadEvaluation(core, skp.id, detail.period));
  const plan = { approach: snap.approach, isJpt: snap.isJpt, periodStart: snap.periodStart, periodEnd: snap.periodEnd, rhk: snap.rhk };
  const period = periodOf(detail.year, detail.period, plan);
  // Only the form draws the curve: the one-page document needs no distribution.
  const form = input.form ?? defaultEvaluationForm;
  const distribution = form === 'evaluasi' ? distributionFor(core, meta, detail, unitOfSkp(core, skp), cache) : null;
  // The annual form shows the year's realisasi, which is reported per period.
  let periodicRealisasi: Record<string, PeriodicRealisasi[]> | undefined;
  if (form === 'evaluasi' && period.annual) {
    periodicRealisasi = {};
    for (const p of detail.periodic) {
      const r = call(core, meta, 'realisasi.get', { skpId: detail.skpId, period: p.period });
      // What was sent to the appraiser; a draft still being written is not a result yet.
      if (r.status !== 'diajukan') continue;
      for (const row of r.rows) {
        (periodicRealisasi[row.indicatorId] ??= []).push({ period: p.period, value: row.value, description: row.description, evidence: row.evidence.length });
      }
    }
  }
  return { detail, plan, period, distribution, ...(periodicRealisasi ? { periodicRealisasi } : {}) };
}

export function documentOptionsOf(core: Core): EvaluationDocumentOptions {
  return { letterhead: letterheadOf(core), logo: officeLogoOf(core) };
}

/**
 * One evaluation document as a PDF file, for any transport (HTTP, desktop bridge, CLI) and for the
 * benchmarks: reads through `evaluation.get` with the caller's session, then renders.
 */
export async function renderEvaluationDocument(
  core: Core,
  meta: CallMeta,
  input: { skpId: string; period: string; form?: EvaluationForm },
): Promise<{ fileName: string; bytes: Buffer; detail: EvaluationDetail }> {
  const form = input.form ?? defaultEvaluationForm;
  const data = evaluationDocumentData(core, meta, { ...input, form });
  const bytes = await renderEvaluationPdf([data], form, documentOptionsOf(core));
  return { fileName: evaluationPdfFileName(data.detail, form), bytes, detail: data.detail };
}

// ---------------------------------------------------------------------------------------------
// Batch: a unit's or the office's documents for one period, as one PDF
// ---------------------------------------------------------------------------------------------

export interface BatchProgress {
  /** `data`: reading each evaluation; `render`: laying out the PDF; `selesai`: done. */
  phase: 'data' | 'render' | 'selesai';
  done: number;
  total: number;
  message: string;
}

export interface BatchInput {
  yearId: string;
  period: string;
  /** A unit and the units under it; absent or null: the whole office. */
  unitId?: string | null;
  form?: EvaluationForm;
  /** Only final evaluations (what is signed); default: every evaluation recorded, drafts marked DRAF. */
  finalOnly?: boolean;
  /**
   * Only the plans the caller appraises (their Penilaian list), not everything else they may see
   * (an atasan also sees their appraisers' appraisees). What is printed is still what
   * evaluation.get allows.
   */
  appraisedByMe?: boolean;
}

export interface BatchResult {
  fileName: string;
  bytes: Buffer;
  /** Documents in the file, in print order. */
  count: number;
  skipped: number;
}

/**
 * Lays out a batch's documents as one PDF: by default on the calling thread (the CLI, the bench);
 * the download producer passes the worker thread (documents/layout-thread.ts) so a server stays
 * responsive while a big batch is laid out. `onProgress` reports documents laid out when known.
 */
export type BatchLayout = (
  docs: EvaluationDocumentData[],
  form: EvaluationForm,
  options: EvaluationDocumentOptions,
  onProgress: (p: { done: number; total: number }) => void,
) => Promise<Buffer>;

const layoutHere: BatchLayout = (docs, form, options) => renderEvaluationPdf(docs, form, options);

/**
 * Every evaluation of a period in a unit (with its sub-units) or the whole office, as one PDF: the
 * admin prints one file, each document starting on a new page with its own page numbers. Each
 * evaluation is read through `evaluation.get` with the caller's session; evaluations the caller
 * may not see are left out (an appraiser printing their unit gets their own appraisees), and none
 * at all is refused. One PDF for the batch, not one per document: the fonts are embedded once and
 * pdfmake's per-document start-up is paid once, which is what makes a batch fast.
 *
 * `onProgress` is called after each evaluation read and around the layout; between reads the
 * function yields to the event loop so a server stays responsive while a big batch is read, and
 * `layout` may take the layout off this thread (the downloads do: documents/layout-thread.ts).
 */
export async function renderEvaluationBatch(
  core: Core,
  meta: CallMeta,
  input: BatchInput,
  onProgress?: (p: BatchProgress) => void,
  layout: BatchLayout = layoutHere,
): Promise<BatchResult> {
  const form = input.form ?? defaultEvaluationForm;
  const me = call(core, meta, 'auth.me', {}).user;
  if (!me) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  const year = core.q.prepare('SELECT * FROM performance_years WHERE id = ? AND office_id = ? AND deleted_at IS NULL').get(input.yearId, me.officeId) as PerformanceYearsTable | undefined;
  if (!year) throw new AppError('NOT_FOUND', 'Tahun Penilaian tidak ditemukan.');
  if (!findPeriod(year.year, year.cadence, input.period)) {
    throw new AppError('VALIDATION', year.cadence === 'bulanan' ? 'Periode harus 1-12 atau "tahunan".' : 'Periode harus Q1-Q4 atau "tahunan".', { fields: { period: 'Periode tidak sesuai siklus tahun.' } });
  }
  let scope: string | null = null;
  if (input.unitId) {
    const u = core.q.prepare('SELECT id, name, code FROM units WHERE id = ? AND office_id = ? AND deleted_at IS NULL').get(input.unitId, me.officeId) as
      | { id: string; name: string; code: string | null }
      | undefined;
    if (!u) throw new AppError('NOT_FOUND', 'Unit kerja tidak ditemukan.');
    scope = u.code || u.name;
  }
  // Print order: by unit (code, then name; office-level positions first), then by name.
  const rows = core.q
    .prepare(
      `SELECT e.skp_id, e.unit_id FROM evaluations e JOIN skps s ON s.id = e.skp_id LEFT JOIN units u ON u.id = e.unit_id
       WHERE e.year_id = ? AND e.period = ? AND e.office_id = ? AND e.deleted_at IS NULL ${input.finalOnly ? "AND e.status = 'final'" : ''}
         ${input.appraisedByMe ? 'AND s.appraiser_employee_id = ?' : ''}
       ORDER BY e.unit_id IS NOT NULL, COALESCE(u.code, u.name), u.name, s.employee_name`,
    )
    .all(year.id, input.period, me.officeId, ...(input.appraisedByMe ? [me.employeeId] : [])) as { skp_id: string; unit_id: string | null }[];
  const wanted = input.unitId ? rows.filter((r) => unitLineage(core, r.unit_id).includes(input.unitId!)) : rows;
  const cache = newDocumentCache();
  const docs: EvaluationDocumentData[] = [];
  let skipped = 0;
  const total = wanted.length;
  const report = (p: BatchProgress) => onProgress?.(p);
  report({ phase: 'data', done: 0, total, message: `Membaca ${total} penilaian` });
  for (const [i, r] of wanted.entries()) {
    try {
      docs.push(evaluationDocumentData(core, meta, { skpId: r.skp_id, period: input.period, form }, cache));
    } catch (err) {
      if (toAppError(err).code !== 'FORBIDDEN') throw err;
      skipped++;
    }
    report({ phase: 'data', done: i + 1, total, message: `Membaca penilaian ${i + 1} dari ${total}` });
    if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
  if (docs.length === 0) {
    throw new AppError(
      total === 0 ? 'NOT_FOUND' : 'FORBIDDEN',
      total === 0 ? 'Belum ada penilaian pada periode dan unit ini.' : 'Tidak ada penilaian pada periode dan unit ini yang boleh Anda cetak.',
    );
  }
  report({ phase: 'render', done: 0, total: docs.length, message: `Menyusun PDF ${docs.length} dokumen` });
  const bytes = await layout(docs, form, documentOptionsOf(core), (p) =>
    report({ phase: 'render', done: p.done, total: p.total, message: `Menyusun PDF ${p.total} dokumen` }),
  );
  report({ phase: 'selesai', done: docs.length, total: docs.length, message: `${docs.length} dokumen siap` });
  return { fileName: evaluationBatchFileName(scope, year.year, input.period, form), bytes, count: docs.length, skipped };
}
