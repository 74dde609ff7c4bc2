import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { normalizeNip, formatNip } from '../../../shared/people/nip';
import { annexKinds, aspekLabels, perspektifLabels, type Indicator, type Rhk, type SkpDetail } from '../../../shared/skp/commands';
import { perilakuValues } from '../../../shared/skp/perilaku';
import { skpStatusLabels } from '../../../shared/skp/workflow';
import type { Core } from '../core';
import { call, type CallMeta } from '../dispatch';
import { periodeText, tanggalOf } from '../documents/dates';
import { letterheadOf, type Letterhead } from '../documents/letterhead';
import { compactGridLayout, gridLayout, headerFill, headerLine, identityTable, orDash, pageFooter, signatureRow, titleBlock, type IdentityPerson } from '../documents/parts';
import { a4Landscape, renderPdf } from '../documents/pdf';

/**
 * The official SKP document (docs/spec/documents.md §1, PermenPANRB 6/2022 annex): landscape A4,
 * title by variant, header line, identity table, HASIL KERJA, PERILAKU KERJA, footnotes,
 * signatures, then the LAMPIRAN page. Built from `skp.get`'s answer, so whoever may open the SKP on
 * screen may print it, and nobody else.
 */

/** What the document needs from an SKP: the snapshot plus status, year and approval date. */
export type SkpDocumentData = Pick<
  SkpDetail,
  'header' | 'approach' | 'isJpt' | 'periodStart' | 'periodEnd' | 'rhk' | 'expectations' | 'annex' | 'status' | 'approvedAt' | 'year' | 'employeeNip'
>;

export interface SkpDocumentOptions {
  letterhead: Letterhead;
  /** Today, for the signature date of a plan not yet approved. */
  printedAt: Date;
}

/** The four table layouts: non-JPT or JPT, by approach. */
export type SkpLayout = 'kuantitatif' | 'kualitatif' | 'jpt_kuantitatif' | 'jpt_kualitatif';

export function skpLayoutOf(s: Pick<SkpDocumentData, 'isJpt' | 'approach'>): SkpLayout {
  return s.isJpt ? (s.approach === 'kualitatif' ? 'jpt_kualitatif' : 'jpt_kuantitatif') : s.approach;
}

export const skpTitleLines: Record<SkpLayout, [string, string, string]> = {
  kuantitatif: ['SASARAN KINERJA PEGAWAI', 'PENDEKATAN HASIL KERJA KUANTITATIF', 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL'],
  kualitatif: ['SASARAN KINERJA PEGAWAI', 'PENDEKATAN HASIL KERJA KUALITATIF', 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL'],
  jpt_kuantitatif: ['SASARAN KINERJA PEGAWAI', 'PENDEKATAN HASIL KERJA KUANTITATIF', 'BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI'],
  jpt_kualitatif: ['SASARAN KINERJA PEGAWAI', 'PENDEKATAN HASIL KERJA KUALITATIF', 'BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI'],
};

/**
 * What a HASIL KERJA column holds. `no`, `parent` and `rhk` belong to the RHK and span the rows of
 * its indicators; `aspek`, `perspektif`, `indicator` and `target` are one per indicator;
 * `rhkWithIndicators` is the kualitatif cell (the RHK, then its indicators and targets as bullets).
 */
export type ColumnKey = 'no' | 'parent' | 'rhk' | 'aspek' | 'perspektif' | 'indicator' | 'target' | 'rhkWithIndicators';

export interface Column {
  key: ColumnKey;
  title: string;
  width: number | '*';
  /** Footnote marker after the heading (the footnote under the table explains it). */
  mark?: string;
}

/**
 * The HASIL KERJA columns of each layout, in print order. Sources disagree on the JPT order
 * (docs/spec/documents.md §1): this is the one place to change it.
 */
export const hasilKerjaColumns: Record<SkpLayout, Column[]> = {
  kuantitatif: [
    { key: 'no', title: 'NO', width: 20 },
    { key: 'parent', title: 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI', width: 175, mark: '*' },
    { key: 'rhk', title: 'RENCANA HASIL KERJA', width: 175 },
    { key: 'aspek', title: 'ASPEK', width: 56 },
    { key: 'indicator', title: 'INDIKATOR KINERJA INDIVIDU', width: '*' },
    { key: 'target', title: 'TARGET', width: 92 },
  ],
  kualitatif: [
    { key: 'no', title: 'NO', width: 20 },
    { key: 'parent', title: 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI', width: 260, mark: '*' },
    { key: 'rhkWithIndicators', title: 'RENCANA HASIL KERJA', width: '*' },
  ],
  jpt_kuantitatif: [
    { key: 'no', title: 'NO', width: 20 },
    { key: 'rhk', title: 'RENCANA HASIL KERJA', width: 230, mark: '*' },
    { key: 'perspektif', title: 'PERSPEKTIF', width: 90 },
    { key: 'indicator', title: 'INDIKATOR KINERJA INDIVIDU', width: '*' },
    { key: 'target', title: 'TARGET', width: 100 },
  ],
  jpt_kualitatif: [
    { key: 'no', title: 'NO', width: 20 },
    { key: 'rhkWithIndicators', title: 'RENCANA HASIL KERJA', width: '*', mark: '*' },
  ],
};

/** Columns that belong to the RHK (span its indicator rows); the evaluation form reuses this. */
export const rhkColumns = new Set<ColumnKey>(['no', 'parent', 'rhk', 'rhkWithIndicators']);

/** Under the tables (docs/spec/documents.md §1 item 5): what the superior's RHK is, and that expectations are optional. */
export const skpFootnotes = {
  parent: '* Rencana Hasil Kerja Pimpinan yang Diintervensi adalah Rencana Hasil Kerja Pejabat Penilai Kinerja yang didukung oleh Rencana Hasil Kerja pegawai.',
  jpt: '* Rencana Hasil Kerja Pejabat Pimpinan Tinggi dan Pimpinan Unit Kerja Mandiri diturunkan dari Perjanjian Kinerja unit kerjanya.',
  expectations: '** Pimpinan dapat memberikan Ekspektasi Khusus Pimpinan kepada pegawai untuk satu atau lebih aspek perilaku kerja.',
};

function heading(title: string, mark?: string): TableCell {
  return {
    text: mark ? [title, { text: mark, sup: true }] : title,
    bold: true,
    alignment: 'center',
    verticalAlignment: 'middle',
    fillColor: headerFill,
  };
}

/** A row spanning the whole table: the table title or a section (`A. UTAMA`). */
function spanRow(n: number, cell: TableCell & object): TableCell[] {
  return [{ ...cell, colSpan: n } as TableCell, ...Array.from({ length: n - 1 }, () => ({}))];
}

function indicatorBullets(r: Rhk, jpt: boolean): Content[] {
  return [
    { text: 'Ukuran keberhasilan/Indikator Kinerja Individu, dan Target:', italics: true, margin: [0, 4, 0, 2] },
    {
      ul: r.indicators.map((i) => ({
        text: [
          i.text,
          { text: ` (${jpt ? perspektifLabels[i.perspektif ?? 'proses_bisnis'] : aspekLabels[i.aspek ?? 'kuantitas']})`, color: '#333333' },
          '; target: ',
          i.targetLabel,
        ],
      })),
    },
  ];
}

function rhkText(r: Rhk, jpt: boolean): Content {
  if (jpt && r.pkReference) {
    const ref = /perjanjian kinerja/i.test(r.pkReference) ? r.pkReference : `Perjanjian Kinerja: ${r.pkReference}`;
    return { stack: [r.text, { text: ref, italics: true, fontSize: 8, margin: [0, 2, 0, 0] }] };
  }
  return { text: r.text };
}

/** One HASIL KERJA cell; the evaluation form prints the same six columns through it. */
export function cellFor(key: ColumnKey, r: Rhk, i: Indicator | undefined, no: number, jpt: boolean): TableCell {
  switch (key) {
    case 'no':
      return { text: `${no}`, alignment: 'center' };
    case 'parent':
      return { text: orDash(r.parentRhkText) };
    case 'rhk':
      return rhkText(r, jpt);
    case 'rhkWithIndicators':
      return { stack: [rhkText(r, jpt), ...indicatorBullets(r, jpt)] };
    case 'aspek':
      return { text: i?.aspek ? aspekLabels[i.aspek] : '-' };
    case 'perspektif':
      return { text: i?.perspektif ? perspektifLabels[i.perspektif] : '-' };
    case 'indicator':
      return { text: i ? i.text : '-' };
    case 'target':
      return { text: i ? i.targetLabel : '-' };
  }
}

/** The HASIL KERJA table: title and column headings repeat on every page; RHK cells span their indicators. */
export function hasilKerjaTable(s: SkpDocumentData): Content {
  const layout = skpLayoutOf(s);
  const cols = hasilKerjaColumns[layout];
  const n = cols.length;
  const perIndicator = cols.some((c) => !rhkColumns.has(c.key));
  const body: TableCell[][] = [spanRow(n, { text: 'HASIL KERJA', bold: true, fillColor: headerFill }), cols.map((c) => heading(c.title, c.mark))];
  for (const [kind, label] of [
    ['utama', 'A. UTAMA'],
    ['tambahan', 'B. TAMBAHAN'],
  ] as const) {
    body.push(spanRow(n, { text: label, bold: true }));
    const list = s.rhk.filter((r) => r.kind === kind);
    if (list.length === 0) body.push(spanRow(n, { text: '-', alignment: 'center' }));
    list.forEach((r, idx) => {
      const rows = perIndicator ? Math.max(1, r.indicators.length) : 1;
      for (let k = 0; k < rows; k++) {
        const ind = r.indicators[k];
        body.push(
          cols.map((c): TableCell => {
            if (perIndicator && rhkColumns.has(c.key)) {
              // The RHK's cells are written once, spanning its indicator rows; pdfmake wants `{}` under a span.
              return k === 0 ? ({ ...(cellFor(c.key, r, ind, idx + 1, s.isJpt) as object), rowSpan: rows } as TableCell) : {};
            }
            return cellFor(c.key, r, ind, idx + 1, s.isJpt);
          }),
        );
      }
    });
  }
  return {
    table: { headerRows: 2, widths: cols.map((c) => c.width), body },
    layout: gridLayout,
  };
}

/** PERILAKU KERJA: each BerAKHLAK value in bold with its guides numbered, and the appraiser's expectation. */
export function perilakuTable(s: SkpDocumentData): Content {
  const expectation = new Map(s.expectations.map((e) => [e.valueCode, e.text]));
  const body: TableCell[][] = [
    spanRow(3, { text: 'PERILAKU KERJA', bold: true, fillColor: headerFill }),
    [heading('NO'), heading('PERILAKU KERJA'), heading('EKSPEKTASI KHUSUS PIMPINAN', '**')],
  ];
  perilakuValues.forEach((v, idx) => {
    body.push([
      { text: `${idx + 1}`, alignment: 'center' },
      // The guides are the same on every SKP: a size smaller keeps the seven values and the signatures on one page more often.
      { stack: [{ text: v.name, bold: true }, { ol: [...v.guides], fontSize: 8.5, margin: [0, 1, 0, 0] }] },
      { stack: ['Ekspektasi Khusus Pimpinan:', { text: orDash(expectation.get(v.code)), margin: [0, 1, 0, 0] }] },
    ]);
  });
  return {
    table: { headerRows: 2, dontBreakRows: true, widths: [20, 400, '*'], body },
    layout: compactGridLayout,
  };
}

function lampiranTable(s: SkpDocumentData): Content {
  const titles: Record<(typeof annexKinds)[number], string> = {
    dukungan_sumber_daya: 'DUKUNGAN SUMBER DAYA',
    skema_pertanggungjawaban: 'SKEMA PERTANGGUNGJAWABAN',
    konsekuensi: 'KONSEKUENSI',
  };
  const body: TableCell[][] = [];
  for (const kind of annexKinds) {
    body.push([{ text: titles[kind], bold: true, fillColor: headerFill }]);
    const items = s.annex[kind];
    body.push([items.length ? { ol: [...items] } : { text: '-' }]);
  }
  return { table: { widths: ['*'], dontBreakRows: true, body }, layout: gridLayout };
}

function identityOf(p: SkpDocumentData['header']['employee'] | null, fallbackUnit: string): IdentityPerson | null {
  if (!p) return null;
  return { name: p.name, nip: p.nip, golongan: p.golongan, position: p.position, unit: p.unit ?? fallbackUnit };
}

function footnote(text: string): Content {
  return { text, fontSize: 7.5, italics: true, margin: [0, 3, 0, 0] };
}

/**
 * The signature date: the day of approval for an approved plan (what was signed), otherwise the
 * day it is printed (a draft printed for the dialog kinerja).
 */
export function skpSignDate(s: Pick<SkpDocumentData, 'status' | 'approvedAt'>, printedAt: Date): string {
  return s.status === 'disetujui' && s.approvedAt ? tanggalOf(s.approvedAt) : tanggalOf(printedAt);
}

export function skpDocDefinition(s: SkpDocumentData, o: SkpDocumentOptions): TDocumentDefinitions {
  const layout = skpLayoutOf(s);
  const { employee, appraiser } = s.header;
  const periode = `PERIODE PENILAIAN: ${periodeText(s.periodStart, s.periodEnd)}`;
  const header = () => headerLine(o.letterhead.agency, s.header.officeName, periode);
  const unitFallback = s.header.officeName;
  // An appraiser outside the office (the Sekda for a kepala dinas) has no unit in our data.
  const appraiserUnit = appraiser && !appraiser.employeeId && !appraiser.unit ? toTitle(o.letterhead.agency) : unitFallback;
  const signatures = () =>
    signatureRow(
      { caption: 'Pegawai yang Dinilai', name: employee.name, nip: employee.nip },
      { above: `${o.letterhead.place}, ${skpSignDate(s, o.printedAt)}`, caption: 'Pejabat Penilai Kinerja', name: appraiser?.name ?? null, nip: appraiser?.nip ?? null },
    );
  const notApproved = s.status !== 'disetujui';

  const content: Content[] = [
    titleBlock([...skpTitleLines[layout]]),
    header(),
    identityTable(identityOf(employee, unitFallback)!, identityOf(appraiser, appraiserUnit)),
    { text: '', margin: [0, 0, 0, 8] },
    hasilKerjaTable(s),
    footnote(s.isJpt ? skpFootnotes.jpt : skpFootnotes.parent),
    { text: '', margin: [0, 0, 0, 8] },
    perilakuTable(s),
    footnote(skpFootnotes.expectations),
    signatures(),
    { ...(titleBlock(['LAMPIRAN SASARAN KINERJA PEGAWAI']) as object), pageBreak: 'before' } as Content,
    header(),
    lampiranTable(s),
    signatures(),
  ];
  const who = `${employee.name}${employee.nip ? `, NIP ${formatNip(employee.nip)}` : ''}`;
  return {
    ...a4Landscape,
    pageMargins: [30, 24, 30, 30],
    info: { title: `SKP ${s.year} - ${employee.name}`, subject: 'Sasaran Kinerja Pegawai', author: s.header.officeName },
    // A plan not yet approved says so on every page, so a draft printed for discussion is never taken for the signed one.
    ...(notApproved ? { watermark: { text: skpStatusLabels[s.status].toUpperCase(), color: '#9a9a9a', opacity: 0.12, bold: true } } : {}),
    footer: pageFooter(`Sasaran Kinerja Pegawai tahun ${s.year} - ${who}${notApproved ? ` - status ${skpStatusLabels[s.status]}` : ''}`),
    content,
  };
}

function toTitle(upper: string): string {
  return upper.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase());
}

export function renderSkpPdf(s: SkpDocumentData, o: SkpDocumentOptions): Promise<Buffer> {
  return renderPdf(skpDocDefinition(s, o));
}

/** `SKP_198501012010011011_2026.pdf` (the NIP without spaces, so the name is safe on every file system). */
export function skpPdfFileName(s: Pick<SkpDocumentData, 'employeeNip' | 'year'>): string {
  const nip = normalizeNip(s.employeeNip).replace(/[^0-9A-Za-z]/g, '') || 'pegawai';
  return `SKP_${nip}_${s.year}.pdf`;
}

/**
 * The SKP as a file for any transport: `skp.get` decides (through the session) whether the caller
 * may see it, exactly as for the screen; then it is rendered.
 */
export async function skpPdfFor(core: Core, meta: CallMeta, skpId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const detail = call(core, meta, 'skp.get', { skpId });
  const bytes = await renderSkpPdf(detail, { letterhead: letterheadOf(core), printedAt: core.now() });
  return { fileName: skpPdfFileName(detail), bytes };
}
