import type { Position, Unit } from '../../../shared/org/commands';
import type { ExportRow } from '../../../shared/people/commands';
import * as sheet from '../../../shared/people/spreadsheet';

/**
 * The employee spreadsheets for Node callers (HTTP file routes, CLI): the shared implementation
 * with Node Buffers at the edges.
 */
export { parseCsvText, parseEmployeeFile, xlsxMime, type ParsedFile } from '../../../shared/people/spreadsheet';

export async function buildTemplate(units: Unit[], positions: Position[], officeName: string): Promise<Buffer> {
  const bytes = await sheet.buildTemplate(units, positions, officeName);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export async function buildExport(rows: ExportRow[], meta: { officeName: string; date: string }): Promise<Buffer> {
  const bytes = await sheet.buildExport(rows, meta);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
