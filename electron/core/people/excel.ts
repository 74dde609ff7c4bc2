import type { Position, Unit } from '../../../shared/org/commands';
import type { ExportRow } from '../../../shared/people/commands';
import * as sheet from '../../../shared/people/spreadsheet';
import { bytesWrittenBy } from '../documents/stream-bytes';
import { xlsxStreamWriter } from '../documents/xlsx-writer';

/**
 * The employee spreadsheets for Node callers (HTTP file routes, CLI): the shared implementation
 * with Node Buffers at the edges.
 */
export { parseCsvText, parseEmployeeFile, xlsxMime, type ParsedFile } from '../../../shared/people/spreadsheet';

export async function buildTemplate(units: Unit[], positions: Position[], officeName: string): Promise<Buffer> {
  const bytes = await sheet.buildTemplate(units, positions, officeName);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The employee list as .xlsx, the same sheets as the renderer's (`fillExport`), written with
 * exceljs' streaming writer: each row is serialised as it is added and zipped by Node's native
 * zlib instead of a JavaScript deflate over a whole in-memory workbook, which roughly halves a
 * city's 20,000-row export and keeps its XML out of memory.
 */
export function buildExport(rows: ExportRow[], meta: { officeName: string; date: string }): Promise<Buffer> {
  return bytesWrittenBy(async (stream) => {
    // Level 1 deflate: a fifth larger than the default, and the zip is most of what is left.
    const wb = xlsxStreamWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
    sheet.fillExport(wb, rows, meta);
    await wb.commit();
  });
}
