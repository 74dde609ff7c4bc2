/** The one function of archiver's helper package (a dependency of exceljs' streaming writer) we replace. */
declare module 'archiver-utils' {
  const utils: { normalizeInputSource(source: unknown): unknown };
  export default utils;
}
