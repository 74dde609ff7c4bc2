import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatNip } from '../../../shared/people/nip';
import { periodeText, tanggalOf } from '../documents/dates';
import { gridLayout, headerFill, headerLine, identityLabels, orDash, signatureRow, titleBlock, type IdentityPerson } from '../documents/parts';
import { type EvaluationDocumentData, type EvaluationDocumentOptions } from './document-data';
import { appealLine, blank, dokumenFootnote, evaluasiTitles, identityOf, isFinal, orgRatingPrint, predikatPrint } from './format';

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
