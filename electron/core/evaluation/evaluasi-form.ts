import type { Content, TableCell } from 'pdfmake/interfaces';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import { findPeriod } from '../../../shared/evaluation/periods';
import { predikatLabels, ratingLabels, ratingPrintLabels } from '../../../shared/evaluation/predikat';
import type { Rhk } from '../../../shared/skp/commands';
import { perilakuValues } from '../../../shared/skp/perilaku';
import { periodeText, tanggalOf } from '../documents/dates';
import { compactGridLayout, gridLayout, headerFill, headerLine, identityTable, orDash, signatureRow, titleBlock } from '../documents/parts';
import { cellFor, hasilKerjaColumns, rhkColumns, skpFootnotes, skpLayoutOf, skpTitleLines, type ColumnKey, type SkpLayout } from '../skp/document';
import { curveNotes, distributionCurve } from './curve';
import { type EvaluationDocumentData, type EvaluationDocumentOptions, type PeriodicRealisasi } from './document-data';
import { angka, appealLine, blank, evaluasiTitles, identityOf, isFinal, orgRatingPrint, predikatPrint } from './format';

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
