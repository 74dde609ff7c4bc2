import type { Content, ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../../../shared/errors';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import type { Core } from '../core';
import { type CallMeta } from '../dispatch';
import { a4Landscape, a4Portrait, renderPdf } from '../documents/pdf';
import { type EvaluationDocumentData, type EvaluationDocumentOptions, documentOptionsOf, evaluationDocumentData } from './document-data';
import { dokumenEvaluasiContent } from './dokumen-evaluasi';
import { evaluasiFormContent } from './evaluasi-form';
import { type EvaluationForm, defaultEvaluationForm, draftWatermark, evaluationFormNames, evaluationPdfFileName, isFinal, who } from './format';

/**
 * The evaluation documents (docs/spec/documents.md §2 to §4), built from what `evaluation.get`
 * answers, so that whoever may open an evaluation on screen may print it and nobody else:
 *
 * - `dokumen`: DOKUMEN EVALUASI KINERJA PEGAWAI, the signed outcome, one portrait page;
 * - `evaluasi`: the EVALUASI KINERJA PEGAWAI form, landscape, with the distribution-curve picture,
 *   HASIL KERJA with realisasi and feedback, PERILAKU KERJA, ratings and predikat.
 *
 * Each document is a pdfmake section with its own footer, page numbers and watermark, so a batch
 * (a unit's or an office's documents for one period) is one PDF of consecutive documents, each
 * numbered `Halaman 1 dari N` on its own, a draft marked DRAF and a final one not.
 */

/**
 * Page numbers per document inside a PDF that may hold many: `Halaman 2 dari 3` counts the pages
 * of this document alone. pdfmake lays out all content before it asks for footers, and records on
 * each node the pages it landed on (`positions`), so by then every document's first page is known
 * (its title's page); a document ends where the next begins, the last one at the end of the file.
 * Should a later pdfmake stop recording positions, the footer falls back to the file's page number.
 */
class SectionPages {
  private readonly bodies: object[] = [];

  add(body: object): number {
    return this.bodies.push(body) - 1;
  }

  private firstPage(body: object): number | null {
    const positions = (body as { positions?: { pageNumber?: number }[] }).positions ?? [];
    let min: number | null = null;
    for (const p of positions) if (typeof p.pageNumber === 'number' && (min === null || p.pageNumber < min)) min = p.pageNumber;
    return min;
  }

  numbering(index: number, current: number, pageCount: number): string {
    const first = this.firstPage(this.bodies[index]!);
    if (first === null) return `Halaman ${current}`;
    const next = index + 1 < this.bodies.length ? this.firstPage(this.bodies[index + 1]!) : null;
    const last = next === null ? pageCount : next - 1;
    return `Halaman ${current - first + 1} dari ${last - first + 1}`;
  }
}

function section(d: EvaluationDocumentData, form: EvaluationForm, content: Content[], pages: SectionPages): ContentSection {
  const body = { stack: content };
  const index = pages.add(body);
  const landscape = form === 'evaluasi';
  const margin = landscape ? 30 : 40;
  const label = `${evaluationFormNames[form]} ${d.detail.periodLabel} - ${who(d)}${isFinal(d) ? '' : ' - DRAF'}`;
  return {
    section: body,
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: landscape ? [30, 24, 30, 30] : [margin, 30, margin, 32],
    footer: (current: number, pageCount: number): Content => ({
      columns: [
        { text: label, width: '*' },
        { text: pages.numbering(index, current, pageCount), width: 'auto', alignment: 'right' },
      ],
      fontSize: 7,
      color: '#444444',
      margin: [margin, 8, margin, 0],
    }),
    // `null` (not undefined) so a final document after a draft in a batch does not inherit its watermark.
    watermark: isFinal(d) ? null : draftWatermark,
  };
}

// ---------------------------------------------------------------------------------------------
// Definitions and rendering
// ---------------------------------------------------------------------------------------------

function evaluationSection(d: EvaluationDocumentData, form: EvaluationForm, o: EvaluationDocumentOptions, pages: SectionPages): ContentSection {
  return section(d, form, form === 'dokumen' ? dokumenEvaluasiContent(d, o) : evaluasiFormContent(d, o), pages);
}

/** One PDF of one or many documents, each on its own pages (a section each). */
export function evaluationDocDefinition(docs: EvaluationDocumentData[], form: EvaluationForm, o: EvaluationDocumentOptions): TDocumentDefinitions {
  if (docs.length === 0) throw new AppError('NOT_FOUND', 'Tidak ada penilaian untuk dicetak.');
  const first = docs[0]!;
  const pages = new SectionPages();
  const title =
    docs.length === 1
      ? `${evaluationFormNames[form]} ${first.detail.periodLabel} - ${first.detail.header.employee.name}`
      : `${evaluationFormNames[form]} ${first.detail.periodLabel} - ${docs.length} pegawai`;
  return {
    ...(form === 'dokumen' ? a4Portrait : a4Landscape),
    info: { title, subject: evaluationFormNames[form], author: first.detail.header.officeName },
    content: docs.map((d) => evaluationSection(d, form, o, pages)),
  };
}

export function renderEvaluationPdf(docs: EvaluationDocumentData[], form: EvaluationForm, o: EvaluationDocumentOptions): Promise<Buffer> {
  return renderPdf(evaluationDocDefinition(docs, form, o));
}

/**
 * One evaluation document as a PDF file, for any transport (HTTP, desktop bridge, CLI) and for the
 * benchmarks: reads through `evaluation.get` with the caller's session, then renders.
 */
export async function renderEvaluationDocument(
  core: Core,
  meta: CallMeta,
  input: { skpId: string; period: string; form?: EvaluationForm },
): Promise<{ fileName: string; bytes: Buffer; detail: EvaluationDetail }> {
  const form = input.form ?? defaultEvaluationForm;
  const data = evaluationDocumentData(core, meta, { ...input, form });
  const bytes = await renderEvaluationPdf([data], form, documentOptionsOf(core));
  return { fileName: evaluationPdfFileName(data.detail, form), bytes, detail: data.detail };
}
