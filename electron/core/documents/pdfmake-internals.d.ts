/**
 * pdfmake's server-side document class (pdfkit's PDFDocument plus font lookup), used by pdf.ts to
 * share parsed fonts between documents. Only what pdf.ts touches is declared.
 */
declare module 'pdfmake/js/PDFDocument.js' {
  interface PdfMakeDocumentClass {
    prototype: {
      provideFont(this: unknown, familyName: string, bold: boolean, italics: boolean): unknown;
    };
  }
  const PDFDocument: PdfMakeDocumentClass | { default: PdfMakeDocumentClass };
  export default PDFDocument;
}
