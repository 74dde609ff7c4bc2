import type pdfMakeDefault from 'pdfmake';
import type PdfMakeDocumentDefault from 'pdfmake/js/PDFDocument.js';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { documentFont, fontFiles, loadFonts } from './fonts';

/** pdfmake 0.3's server build keeps fonts in a virtual file system on its module-wide instance. */
interface PdfMakeServer {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
}

type PdfMake = typeof pdfMakeDefault;

/**
 * pdfmake (with pdfkit, fontkit and their Unicode tables) is loaded on the first document, not when
 * the server or the CLI starts: it is the largest thing the backend imports (about a second of a
 * cold start on a slow office PC), and most processes never print.
 */
let ready: Promise<PdfMake> | null = null;

/** A parsed font (fontkit's Font) and its shaped words, as pdfkit's EmbeddedFont holds them. */
interface ParsedFont {
  createSubset(): unknown;
  getGlyph?(id: number, codePoints?: number[]): { codePoints?: number[] } | null;
}

/**
 * fontkit keeps one glyph object per glyph id, with the characters it was first laid out for
 * (pdfkit writes them to the PDF's ToUnicode map, which text search, copy and pdftotext read).
 * Writing a document's font subset looks up the components of composite glyphs without
 * characters (Roboto's colon is built from periods), and with a font shared across documents that
 * empty glyph is what the next document's "...." or "B" gets: the page looks right but its text
 * reads without them. A later lookup with characters fills them in.
 */
function keepCodePoints(font: ParsedFont): void {
  const getGlyph = font.getGlyph?.bind(font);
  if (!getGlyph) return;
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && codePoints.length > 0 && !glyph.codePoints?.length) glyph.codePoints = codePoints;
    return glyph;
  };
}
interface EmbeddedFontLike {
  font: ParsedFont;
  subset: unknown;
  layoutCache?: Record<string, unknown>;
}
interface DocumentWithFontCache {
  fontCache: Record<string, Record<string, unknown> | undefined>;
  getFontType(bold: boolean, italics: boolean): string;
}
interface SharedFont {
  font: ParsedFont;
  layoutCache: Record<string, unknown> | undefined;
  uses: number;
}

/** Shaped words kept across documents; past this many, the cache starts afresh (names and numbers vary without end). */
const maxSharedWords = 20_000;

/**
 * Parses and shapes with each font once per process instead of once per document. pdfkit builds a
 * new fontkit font from the bytes for every document, decodes the OpenType tables again on the
 * first text, and shapes every word again (together about 100 ms of a 150 ms SKP). Here the first
 * document's parsed font and its word cache (read-only glyph runs) are kept; later documents get
 * them with a fresh subset of their own (the glyphs each PDF embeds), which is all that is per
 * document. Written against pdfmake 0.3.11 / pdfkit 0.19; should a later version change these
 * internals, the checks below leave pdfmake as it is (slower, still correct).
 */
function shareParsedFonts(PdfMakeDocumentModule: typeof PdfMakeDocumentDefault): void {
  const cls = 'default' in PdfMakeDocumentModule ? PdfMakeDocumentModule.default : PdfMakeDocumentModule;
  const proto = cls?.prototype;
  if (typeof proto?.provideFont !== 'function') return;
  const original = proto.provideFont;
  const shared = new Map<string, SharedFont>();
  proto.provideFont = function (this: DocumentWithFontCache, familyName: string, bold: boolean, italics: boolean) {
    const type = this.getFontType(bold, italics);
    const first = !this.fontCache?.[familyName]?.[type];
    const embedded = original.call(this, familyName, bold, italics) as Partial<EmbeddedFontLike> | undefined;
    if (!first || !embedded?.font || typeof embedded.font.createSubset !== 'function' || !('subset' in embedded)) return embedded;
    const key = `${familyName}/${type}`;
    const warm = shared.get(key);
    if (!warm) {
      keepCodePoints(embedded.font);
      shared.set(key, { font: embedded.font, layoutCache: embedded.layoutCache, uses: 1 });
      return embedded;
    }
    embedded.font = warm.font;
    embedded.subset = warm.font.createSubset();
    if (embedded.layoutCache && warm.layoutCache) {
      if (++warm.uses % 50 === 0 && Object.keys(warm.layoutCache).length > maxSharedWords) warm.layoutCache = Object.create(null) as Record<string, unknown>;
      embedded.layoutCache = warm.layoutCache;
    }
    return embedded;
  };
}

/**
 * Once per process: the font files go into pdfmake's virtual file system (read from disk once,
 * see fonts.ts), and pdfmake may neither fetch URLs nor read local files while laying out: every
 * document is built from data we hand it, so an image or font path in that data can never make the
 * server read or download something.
 */
function setup(): Promise<PdfMake> {
  ready ??= (async () => {
    const [{ default: pdfMake }, { default: documentModule }] = await Promise.all([import('pdfmake'), import('pdfmake/js/PDFDocument.js')]);
    const { files } = loadFonts();
    const vfs = (pdfMake as unknown as PdfMakeServer).virtualfs;
    for (const [name, data] of Object.entries(files)) vfs.writeFileSync(name, data);
    pdfMake.setFonts({ [documentFont]: { ...fontFiles } });
    pdfMake.setUrlAccessPolicy(() => false);
    pdfMake.setLocalAccessPolicy(() => false);
    shareParsedFonts(documentModule);
    return pdfMake;
  })();
  return ready;
}

export const a4Landscape = { pageSize: 'A4', pageOrientation: 'landscape' } as const;
export const a4Portrait = { pageSize: 'A4', pageOrientation: 'portrait' } as const;

/** Renders a document definition to PDF bytes with the shipped fonts (9 pt Roboto unless the definition says otherwise). */
export async function renderPdf(def: TDocumentDefinitions): Promise<Buffer> {
  const pdfMake = await setup();
  const doc = pdfMake.createPdf({
    ...def,
    pageSize: def.pageSize ?? 'A4',
    defaultStyle: { font: documentFont, fontSize: 9, lineHeight: 1.1, ...def.defaultStyle },
    info: { creator: 'Kinerja', producer: 'Kinerja', ...def.info },
  });
  return doc.getBuffer();
}
