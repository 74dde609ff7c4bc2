import type { Content, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { formatNip } from '../../../shared/people/nip';

/**
 * Pieces every official document shares (docs/spec/documents.md §0): the header line, the
 * six-column identity table, signature blocks, the page footer and the ruled table layout. The SKP
 * uses them now; the evaluation forms and the Dokumen Evaluasi reuse them.
 */

/** Thin black rules on every cell, as the printed forms have. */
export const gridLayout: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** The same rules with tighter rows, for long tables of short text (the seven perilaku values). */
export const compactGridLayout: CustomTableLayout = { ...gridLayout, paddingTop: () => 2, paddingBottom: () => 2 };

/** The shading of title and column-header rows: light enough to photocopy cleanly. */
export const headerFill = '#e7e6e6';

/** A dash for an empty value, so that a blank cell is never mistaken for something forgotten. */
export function orDash(v: string | null | undefined): string {
  const t = v?.trim();
  return t ? t : '-';
}

/** `NIP. 19850101 201001 1 011`, or `NIP. -` for someone without one (an official outside the civil service). */
export function nipLine(nip: string | null | undefined): string {
  return `NIP. ${nip ? formatNip(nip) : '-'}`;
}

/**
 * The header line without borders: agency and office on the left, the period on the right
 * (`PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026`).
 */
export function headerLine(agency: string, officeName: string, periodLabel: string): Content {
  return {
    columns: [
      { width: '*', stack: [agency.toUpperCase(), officeName.toUpperCase()], bold: true },
      { width: 'auto', text: periodLabel, bold: true, alignment: 'right' },
    ],
    columnGap: 12,
    margin: [0, 6, 0, 6],
  };
}

/** A person as the identity table prints them. */
export interface IdentityPerson {
  name: string | null;
  nip: string | null;
  /** `Penata Muda Tingkat I, III/b`. */
  golongan: string | null;
  position: string | null;
  unit: string | null;
}

export const identityLabels = ['NAMA', 'NIP', 'PANGKAT/GOL. RUANG', 'JABATAN', 'UNIT KERJA'] as const;

function identityValues(p: IdentityPerson | null): string[] {
  if (!p) return identityLabels.map(() => '-');
  return [orDash(p.name), p.nip ? formatNip(p.nip) : '-', orDash(p.golongan), orDash(p.position), orDash(p.unit)];
}

/**
 * `NO | PEGAWAI YANG DINILAI (label | value) | NO | PEJABAT PENILAI KINERJA (label | value)`,
 * five numbered rows on each side.
 */
export function identityTable(left: IdentityPerson, right: IdentityPerson | null, titles: [string, string] = ['PEGAWAI YANG DINILAI', 'PEJABAT PENILAI KINERJA']): ContentTable {
  const head = (text: string, colSpan?: number): TableCell => ({ text, bold: true, alignment: 'center', verticalAlignment: 'middle', fillColor: headerFill, ...(colSpan ? { colSpan } : {}) });
  const l = identityValues(left);
  const r = identityValues(right);
  const body: TableCell[][] = [[head('NO'), head(titles[0], 2), {}, head('NO'), head(titles[1], 2), {}]];
  identityLabels.forEach((label, i) => {
    body.push([
      { text: String(i + 1), alignment: 'center' },
      label,
      { text: l[i]!, bold: i === 0 },
      { text: String(i + 1), alignment: 'center' },
      label,
      { text: r[i]!, bold: i === 0 },
    ]);
  });
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [18, 104, '*', 18, 104, '*'], body },
    layout: gridLayout,
  };
}

export interface Signer {
  /** The line above the caption: `Langsa, 2 Januari 2026`, or nothing (kept as a blank line so both captions align). */
  above?: string | null;
  /** `Pegawai yang Dinilai` or `Pejabat Penilai Kinerja`. */
  caption: string;
  name: string | null;
  nip: string | null;
}

function signatureBlock(s: Signer): Content {
  return {
    stack: [
      { text: s.above || ' ' },
      { text: s.caption },
      // Room for the signature (and the office stamp on the appraiser's side).
      { text: ' ', margin: [0, 0, 0, 40] },
      { text: s.name?.trim() || '...................................', bold: true, decoration: s.name ? 'underline' : undefined },
      { text: nipLine(s.nip) },
    ],
    alignment: 'center',
  };
}

/**
 * Signature blocks side by side: the left one or the right one may be absent (the evaluation form
 * signs on the right only). `blockWidth` 300 suits landscape pages; a portrait page (the Dokumen
 * Evaluasi, 515 pt of text width) passes a narrower one so both blocks fit.
 */
export function signatureRow(left: Signer | null, right: Signer | null, blockWidth = 300): Content {
  return {
    columns: [
      { width: blockWidth, stack: left ? [signatureBlock(left)] : [] },
      { width: '*', text: '' },
      { width: blockWidth, stack: right ? [signatureBlock(right)] : [] },
    ],
    unbreakable: true,
    margin: [0, 8, 0, 0],
  };
}

/** Page footer: what the document is on the left, `Halaman 1 dari 3` on the right. */
export function pageFooter(label: string, sideMargin = 30): (current: number, total: number) => Content {
  return (current, total) => ({
    columns: [
      { text: label, width: '*' },
      { text: `Halaman ${current} dari ${total}`, width: 'auto', alignment: 'right' },
    ],
    fontSize: 7,
    color: '#444444',
    margin: [sideMargin, 8, sideMargin, 0],
  });
}

/** A centred, bold title block (one line per entry). */
export function titleBlock(lines: string[]): Content {
  return { stack: lines, alignment: 'center', bold: true, fontSize: 11, lineHeight: 1.2, margin: [0, 0, 0, 4] };
}
