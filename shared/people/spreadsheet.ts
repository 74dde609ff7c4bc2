import ExcelJS from 'exceljs';
import { positionLevelLabels, positionTypeLabel, positionTypeLabels, unitKindLabels } from '../org/jabatan';
import type { Position, Unit } from '../org/commands';
import type { ExportRow, ImportRow } from './commands';
import { formatDateId } from './dates';
import { employeeStatusLabels, employeeStatuses } from './fields';
import { pnsGolongan, pppkGolongan } from './golongan';
import { exportOnlyHeaders, importColumns, keyOfHeader, maxImportRows, type ImportKey, type ImportProblem } from './import';

/**
 * Employee spreadsheets: reading .xlsx and .csv into import rows (the same objects the JSON command
 * takes), the downloadable template, and the export. NIPs are always text: an 18-digit number does
 * not fit in a spreadsheet number without its last digits changing.
 *
 * In shared/ (no Node APIs) because the desktop renderer, which has no HTTP upload, parses an
 * import file itself; the template and the export are written by Node (electron/core/people/excel.ts)
 * for the HTTP routes, the desktop bridge and the CLI alike.
 */
export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ParsedFile {
  rows: ImportRow[];
  /** Problems with the file itself (no NIP column, unreadable file), not with a row's data. */
  problems: ImportProblem[];
  format: 'xlsx' | 'csv';
}

const dateKeys = new Set<ImportKey>(['birthDate', 'tmtGolongan', 'positionStart']);

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Excel's serial day number (1900 system) as a date, for date columns typed as plain numbers. */
function serialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 80_000) return null;
  return isoOf(new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000));
}

type CellValue = string | number | null;

/** A cell as the importer wants it: text, or a number only where it must be noticed (NIP). */
function cellValue(value: ExcelJS.CellValue, key: ImportKey): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoOf(value);
  if (typeof value === 'number') {
    if (dateKeys.has(key)) return serialToIso(value) ?? String(value);
    if (key === 'nip') return value;
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null, key);
    if ('error' in value) return null;
  }
  return String(value);
}

function headerProblem(found: Set<ImportKey>, headerRow: number): ImportProblem[] {
  const out: ImportProblem[] = [];
  for (const c of importColumns) {
    if (c.required && !found.has(c.key)) {
      out.push({ row: headerRow, column: c.header, reason: `Kolom ${c.header} tidak ditemukan pada baris judul. Gunakan templat impor pegawai.` });
    }
  }
  return out;
}

async function parseXlsx(data: Uint8Array): Promise<ParsedFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { rows: [], format: 'xlsx', problems: [{ row: 1, column: '', reason: 'Berkas .xlsx tidak dapat dibaca (rusak atau bukan berkas Excel).' }] };
  }
  // The template's data sheet is "Pegawai"; otherwise the first sheet that has a NIP column.
  const sheets = [...wb.worksheets].sort((a, b) => (a.name.toLowerCase() === 'pegawai' ? -1 : b.name.toLowerCase() === 'pegawai' ? 1 : 0));
  for (const ws of sheets) {
    let headerRow = 0;
    const columns = new Map<number, ImportKey>();
    for (let r = 1; r <= Math.min(10, ws.rowCount) && !headerRow; r++) {
      const row = ws.getRow(r);
      const found = new Map<number, ImportKey>();
      row.eachCell((cell, col) => {
        const text = cellValue(cell.value, 'name');
        const key = typeof text === 'string' ? keyOfHeader(text) : null;
        if (key && ![...found.values()].includes(key)) found.set(col, key);
      });
      if ([...found.values()].includes('nip')) {
        headerRow = r;
        for (const [c, k] of found) columns.set(c, k);
      }
    }
    if (!headerRow) continue;
    const rows: ImportRow[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out: Record<string, CellValue> & { row: number } = { row: r };
      let any = false;
      for (const [col, key] of columns) {
        const v = cellValue(row.getCell(col).value, key);
        const blank = v === null || (typeof v === 'string' && v.trim() === '');
        if (!blank) any = true;
        out[key] = blank ? null : v;
      }
      if (any) rows.push(out as ImportRow);
    }
    return { rows, format: 'xlsx', problems: headerProblem(new Set(columns.values()), headerRow) };
  }
  return { rows: [], format: 'xlsx', problems: [{ row: 1, column: 'NIP', reason: 'Tidak ada lembar kerja dengan kolom NIP. Gunakan templat impor pegawai.' }] };
}

/** Windows Excel in Indonesia saves CSV in the ANSI code page; anything not UTF-8 is read as that. */
function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** RFC 4180 with the delimiter Excel used: ";" in Indonesian locales, "," elsewhere, or a tab. */
export function parseCsvText(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delimiter = [';', ',', '\t'].sort((a, b) => count(b) - count(a))[0]!;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function parseCsv(data: Uint8Array): ParsedFile {
  const table = parseCsvText(decodeText(data));
  const headerIndex = table.findIndex((r, i) => i < 10 && r.some((c) => keyOfHeader(c) === 'nip'));
  if (headerIndex < 0) {
    return { rows: [], format: 'csv', problems: [{ row: 1, column: 'NIP', reason: 'Baris judul dengan kolom NIP tidak ditemukan. Gunakan templat impor pegawai.' }] };
  }
  const columns = new Map<number, ImportKey>();
  table[headerIndex]!.forEach((h, i) => {
    const key = keyOfHeader(h);
    if (key && ![...columns.values()].includes(key)) columns.set(i, key);
  });
  const rows: ImportRow[] = [];
  for (let r = headerIndex + 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const out: Record<string, CellValue> & { row: number } = { row: r + 1 };
    for (const [i, key] of columns) {
      const v = cells[i]?.trim() ?? '';
      out[key] = v === '' ? null : v;
    }
    rows.push(out as ImportRow);
  }
  return { rows, format: 'csv', problems: headerProblem(new Set(columns.values()), headerIndex + 1) };
}

/** Reads an uploaded employee file; the format is recognised by its content, not its name. */
export async function parseEmployeeFile(data: Uint8Array): Promise<ParsedFile> {
  if (data.length === 0) return { rows: [], format: 'csv', problems: [{ row: 1, column: '', reason: 'Berkas kosong.' }] };
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    return { rows: [], format: 'xlsx', problems: [{ row: 1, column: '', reason: 'Format .xls (Excel 97-2003) tidak didukung. Simpan ulang sebagai .xlsx atau .csv.' }] };
  }
  const parsed = data[0] === 0x50 && data[1] === 0x4b ? await parseXlsx(data) : parseCsv(data);
  if (parsed.rows.length > maxImportRows) {
    parsed.problems.push({ row: maxImportRows + 2, column: '', reason: `Berkas berisi ${parsed.rows.length} baris; maksimal ${maxImportRows} baris sekali impor.` });
  }
  if (parsed.rows.length === 0 && parsed.problems.length === 0) parsed.problems.push({ row: 2, column: '', reason: 'Berkas tidak berisi baris data di bawah baris judul.' });
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Writing

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F6F4A' } };
const headerFont: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

function styleHeader(ws: ExcelJS.Worksheet, count: number): void {
  const row = ws.getRow(1);
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.fill = headerFill;
    cell.font = headerFont;
    cell.alignment = { vertical: 'middle', wrapText: true };
  }
  row.height = 30;
}

/**
 * A sheet whose first row stays in view. Given when the sheet is created, because exceljs'
 * streaming writer writes the sheet's views as soon as the sheet exists.
 */
const headerSheet: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

const widths: Partial<Record<ImportKey, number>> = { nip: 22, name: 32, unit: 36, position: 36, email: 28, positionType: 22 };

function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The import template: the "Pegawai" sheet (headers only, NIP column formatted as text, pick
 * lists), "Petunjuk" (what each column takes, with an example) and "Referensi" (this office's
 * units and positions, spelled as the import matches them).
 */
export async function buildTemplate(units: Unit[], positions: Position[], officeName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kinerja';
  const ws = wb.addWorksheet('Pegawai', headerSheet);
  ws.columns = importColumns.map((c) => ({ header: c.header, key: c.key, width: widths[c.key] ?? 16 }));
  styleHeader(ws, importColumns.length);
  const col = (key: ImportKey) => columnLetter(importColumns.findIndex((c) => c.key === key) + 1);
  const last = 5001;
  // NIP as text before anyone types into it, so Excel never turns it into a number.
  ws.getColumn(col('nip')).numFmt = '@';
  ws.getColumn(col('phone')).numFmt = '@';
  for (const key of ['birthDate', 'tmtGolongan', 'positionStart'] as const) ws.getColumn(col(key)).numFmt = 'dd/mm/yyyy';
  // exceljs 4.4 supports range validations at runtime but leaves them out of its typings.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const list = (key: ImportKey, values: string[]) =>
    validations.add(`${col(key)}2:${col(key)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Isian tidak dikenal',
      error: `Pilih salah satu: ${values.join(', ')}`,
    });
  list('kind', ['PNS', 'PPPK']);
  list('sex', ['L', 'P']);
  list('status', employeeStatuses.map((s) => employeeStatusLabels[s]));
  list('positionType', Object.values(positionTypeLabels));

  const help = wb.addWorksheet('Petunjuk', headerSheet);
  help.columns = [
    { header: 'Kolom', key: 'col', width: 20 },
    { header: 'Wajib', key: 'req', width: 8 },
    { header: 'Keterangan', key: 'hint', width: 90 },
    { header: 'Contoh', key: 'ex', width: 34 },
  ];
  styleHeader(help, 4);
  for (const c of importColumns) help.addRow({ col: c.header, req: c.required ? 'Ya' : '', hint: c.hint, ex: c.example });
  help.getColumn(4).numFmt = '@';
  help.addRow({});
  for (const line of [
    `Instansi: ${officeName}. Isi data pada lembar "Pegawai", satu pegawai per baris, mulai baris 2.`,
    'Semua baris diperiksa lebih dulu; bila ada satu saja yang salah, tidak ada data yang disimpan dan Anda menerima daftar baris yang perlu diperbaiki.',
    'Pegawai yang NIP-nya sudah terdaftar diperbarui (sel kosong tidak mengubah data lama), bukan ditambahkan dua kali.',
    'Golongan PNS: ' + pnsGolongan.map((g) => g.code).join(', ') + '. Golongan PPPK: ' + pppkGolongan.map((g) => g.code).join(', ') + '.',
  ]) {
    help.addRow({ hint: line });
  }
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  const ref = wb.addWorksheet('Referensi', headerSheet);
  ref.columns = [
    { header: 'Kode Unit', key: 'code', width: 14 },
    { header: 'Unit Kerja', key: 'unit', width: 44 },
    { header: 'Jenis Unit', key: 'kind', width: 18 },
    { header: 'Jabatan', key: 'position', width: 44 },
    { header: 'Jenis Jabatan', key: 'type', width: 34 },
  ];
  styleHeader(ref, 5);
  for (const u of units) {
    const inUnit = positions.filter((p) => p.unitId === u.id);
    if (inUnit.length === 0) ref.addRow({ code: u.code ?? '', unit: u.name, kind: unitKindLabels[u.kind] });
    for (const p of inUnit) {
      ref.addRow({ code: u.code ?? '', unit: u.name, kind: unitKindLabels[u.kind], position: p.name, type: positionTypeLabel(p.type, p.level) });
    }
  }
  for (const p of positions.filter((x) => !x.unitId)) ref.addRow({ unit: '(pimpinan instansi)', position: p.name, type: positionTypeLabel(p.type, p.level) });

  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The employee list's sheets, in the import's columns (so an edited export can be imported again)
 * plus read-only columns (pangkat, appraiser), with NIP cells stored as text. Written with exceljs'
 * streaming writer (electron/core/people/excel.ts): each row is committed as it is made, so it is
 * written out and forgotten; sheets are finished the same way.
 */
export function fillExport(wb: ExcelJS.stream.xlsx.WorkbookWriter, rows: ExportRow[], meta: { officeName: string; date: string }): void {
  wb.creator = 'Kinerja';
  const ws = wb.addWorksheet('Pegawai', headerSheet);
  const golIndex = importColumns.findIndex((c) => c.key === 'golongan');
  const cols: { header: string; key: string; width: number }[] = importColumns.map((c) => ({ header: c.header, key: c.key, width: widths[c.key] ?? 16 }));
  cols.splice(golIndex + 1, 0, { header: exportOnlyHeaders.pangkat, key: 'pangkat', width: 24 });
  cols.push({ header: exportOnlyHeaders.appraiserName, key: 'appraiserName', width: 32 }, { header: exportOnlyHeaders.appraiserNip, key: 'appraiserNip', width: 22 });
  ws.columns = cols;
  styleHeader(ws, cols.length);
  ws.getRow(1).commit();
  const textKeys = new Set(['nip', 'appraiserNip', 'phone']);
  const dateCols = new Set(['birthDate', 'tmtGolongan', 'positionStart']);
  // One style object per kind of column, shared by its cells: exceljs recognises a style it has
  // already seen by identity, while a style object per cell is serialised again for each of the
  // 400,000 cells of a city's list (most of the time this export took).
  const textStyle: Partial<ExcelJS.Style> = { numFmt: '@' };
  const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy' };
  const plainStyle: Partial<ExcelJS.Style> = {};
  const kinds = cols.map((c) => (textKeys.has(c.key) ? 'text' : dateCols.has(c.key) ? 'date' : 'plain'));
  for (const r of rows) {
    const values: Record<string, unknown> = {
      ...r,
      positionLevel: r.positionLevel ? (positionLevelLabels[r.positionLevel as keyof typeof positionLevelLabels] ?? r.positionLevel) : null,
    };
    for (const k of dateCols) values[k] = excelDate(values[k] as string | null);
    const row = ws.addRow(values);
    for (let i = 0; i < cols.length; i++) {
      const cell = row.getCell(i + 1);
      if (kinds[i] === 'text') {
        // Explicitly a string cell with the Text format: Excel shows all 18 digits and keeps them.
        cell.value = (values[cols[i]!.key] as string | null) ?? null;
        cell.style = textStyle;
      } else cell.style = kinds[i] === 'date' ? dateStyle : plainStyle;
    }
    row.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  ws.commit();

  const info = wb.addWorksheet('Keterangan', headerSheet);
  info.columns = [
    { header: 'Keterangan', key: 'k', width: 24 },
    { header: 'Isi', key: 'v', width: 60 },
  ];
  styleHeader(info, 2);
  info.addRow({ k: 'Instansi', v: meta.officeName });
  info.addRow({ k: 'Data per tanggal', v: formatDateId(meta.date) });
  info.addRow({ k: 'Jumlah pegawai', v: rows.length.toLocaleString('id-ID') });
  info.addRow({ k: 'Catatan', v: 'Kolom Pangkat, Pejabat Penilai dan NIP Pejabat Penilai hanya untuk dibaca; diabaikan saat impor.' });
  info.commit();
}
