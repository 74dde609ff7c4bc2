import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../../../shared/errors';
import { guideRoleLabels, guideRoles, guideTopics, type GuideRole } from '../../../shared/help/topics';
import { a4Portrait, renderPdf } from '../documents/pdf';
import { pageFooter } from '../documents/parts';

/**
 * The printable guide of one role (docs/spec/operations.md §8): every page that role works on, with the same
 * "what to do" and "the rule" texts as the Bantuan panel (shared/help/topics.ts), so the paper
 * guide and the screen never disagree.
 */
export function parseGuideRole(value: string | undefined): GuideRole {
  if (value && (guideRoles as readonly string[]).includes(value)) return value as GuideRole;
  throw new AppError('VALIDATION', 'Peran panduan harus pegawai, penilai, atau pengelola.', { fields: { peran: 'Pilihan tidak sah.' } });
}

export function guideDefinition(role: GuideRole): TDocumentDefinitions {
  const label = guideRoleLabels[role];
  const content: Content[] = [
    { text: `Panduan Kinerja untuk ${label}`, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
    {
      text: 'Setiap bagian menjelaskan satu halaman aplikasi: apa yang dilakukan di sana dan aturan yang mendasarinya. Teks yang sama tampil di panel Bantuan pada halaman itu.',
      margin: [0, 0, 0, 12],
    },
  ];
  guideTopics(role).forEach((topic, i) => {
    // One page's section stays on one sheet (they are short).
    content.push({
      unbreakable: true,
      stack: [
        { text: `${i + 1}. ${topic.title}`, fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
        { text: 'Yang dilakukan di halaman ini', bold: true, margin: [0, 0, 0, 2] },
        // Numbered in the text itself (a pdfmake list puts its markers beside the lines, where a text
        // reader or a screen reader of the PDF meets them mid-sentence); fresh nodes, as pdfmake
        // writes its layout into the nodes it is given.
        { stack: topic.steps.map((step, n) => ({ text: `${n + 1}. ${step}`, margin: [8, 0, 0, 2] as [number, number, number, number] })), margin: [0, 0, 0, 4] },
        { text: [{ text: 'Aturannya: ', bold: true }, topic.rule] },
      ],
    });
  });
  return {
    ...a4Portrait,
    pageMargins: [50, 50, 50, 50],
    info: { title: `Panduan Kinerja untuk ${label}` },
    defaultStyle: { fontSize: 10, lineHeight: 1.25 },
    content,
    footer: pageFooter(`Panduan Kinerja untuk ${label}`, 50),
  };
}

export async function renderGuide(role: GuideRole): Promise<{ fileName: string; bytes: Buffer }> {
  return { fileName: `panduan-kinerja-${role}.pdf`, bytes: await renderPdf(guideDefinition(role)) };
}
