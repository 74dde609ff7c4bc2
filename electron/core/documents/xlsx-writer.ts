import archiverUtils from 'archiver-utils';
import ExcelJS from 'exceljs';

/**
 * exceljs' streaming writer zips through archiver 5, whose helper (archiver-utils 2) turns every
 * string it is given (themes, styles, [Content_Types].xml) into `new Buffer(text)`: Node prints
 * "DeprecationWarning: Buffer() is deprecated" (DEP0005) on the server's stderr at the first Excel
 * download. Same behaviour with `Buffer.from`/`Buffer.alloc`; replaced once, before the first
 * writer, since archiver looks the helper up at each call. (A newer exceljs/archiver would make
 * this unnecessary; node_modules is not ours to change here.)
 */
let patched = false;
function quietArchiver(): void {
  if (patched) return;
  patched = true;
  const original = archiverUtils.normalizeInputSource.bind(archiverUtils);
  archiverUtils.normalizeInputSource = (source: unknown) => {
    if (source === null) return Buffer.alloc(0);
    if (typeof source === 'string') return Buffer.from(source);
    return original(source);
  };
}

/** `new ExcelJS.stream.xlsx.WorkbookWriter(options)` without the deprecation warning. */
export function xlsxStreamWriter(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>): ExcelJS.stream.xlsx.WorkbookWriter {
  quietArchiver();
  return new ExcelJS.stream.xlsx.WorkbookWriter(options);
}
