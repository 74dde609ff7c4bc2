import type { CanvasElement, Content } from 'pdfmake/interfaces';
import { checkDistribution, distributionPattern } from '../../../shared/distribution/curve';
import type { UnitDistribution } from '../../../shared/distribution/commands';
import { predikatLabels, predikats, type OrgRating, type Predikat } from '../../../shared/evaluation/predikat';
import { orgRatingPrint } from './format';

// ---------------------------------------------------------------------------------------------
// Distribution curve picture (docs/spec/documents.md §4)
// ---------------------------------------------------------------------------------------------

/** Left to right as the official picture: from Sangat Kurang to Sangat Baik. */
export const curveOrder: Predikat[] = [...predikats].reverse();

function bandText(b: { min: number; max: number }): string {
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  if (b.max === 0) return 'tidak boleh ada';
  if (b.min > 0 && b.max < 1) return `${pct(b.min)} - ${pct(b.max)}`;
  if (b.min > 0) return `min. ${pct(b.min)}`;
  if (b.max < 1) return `maks. ${pct(b.max)}`;
  return 'bebas';
}

export interface CurveOptions {
  width: number;
  /** Height of the plot area. */
  plotHeight?: number;
}

/**
 * KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI <RATING>: for each
 * predikat the band its share of employees must stay in (light bar), and, when known, the unit's
 * actual share (dark bar, with the count). Drawn with pdfmake's canvas; the words are laid over it
 * as detached text (`relativePosition`), so no SVG text and no other font is involved. The y-axis
 * is the share of the unit's evaluated employees, because the rules are shares.
 */
export function distributionCurve(rating: OrgRating, counts: Record<Predikat, number> | null, opts: CurveOptions): Content {
  const check = checkDistribution(rating, counts ?? {});
  const total = counts ? check.total : 0;
  const W = opts.width;
  const gutter = 30;
  const top = 6;
  const ph = opts.plotHeight ?? 92;
  const sw = (W - gutter) / curveOrder.length;
  const y = (v: number) => top + ph * (1 - v);
  const shapes: CanvasElement[] = [];
  const labels: Content[] = [];
  // Labels come after the canvas (so no bar covers them), placed back up over it: offsets are from the canvas's bottom.
  const canvasHeight = y(0);
  const label = (x: number, yy: number, width: number, text: string, style: object) =>
    labels.push({ relativePosition: { x, y: yy - canvasHeight }, columns: [{ width, text, ...style }] } as Content);
  for (const v of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    shapes.push({ type: 'line', x1: gutter, y1: y(v), x2: W, y2: y(v), lineWidth: 0.4, lineColor: v === 0 ? '#000000' : '#c8c8c8', ...(v === 0 ? {} : { dash: { length: 2, space: 2 } }) });
    label(0, y(v) - 4, gutter - 4, `${Math.round(v * 100)}%`, { alignment: 'right', fontSize: 6.5, color: '#333333' });
  }
  shapes.push({ type: 'line', x1: gutter, y1: top, x2: gutter, y2: y(0), lineWidth: 0.6, lineColor: '#000000' });
  curveOrder.forEach((p, i) => {
    const b = check.bands[p];
    const x0 = gutter + i * sw;
    if (b.max > 0) {
      const free = b.min === 0 && b.max === 1;
      shapes.push({
        type: 'rect',
        x: x0 + sw * 0.14,
        y: y(b.max),
        w: sw * 0.72,
        h: y(b.min) - y(b.max),
        color: free ? '#f7f7f7' : '#cfcfcf',
        lineColor: free ? '#b4b4b4' : '#6f6f6f',
        lineWidth: 0.5,
        ...(free ? { dash: { length: 2, space: 2 } } : {}),
      });
    } else {
      // Not allowed at all: a red-free mark that survives black-and-white printing.
      shapes.push({ type: 'line', x1: x0 + sw * 0.14, y1: y(0) - 1.5, x2: x0 + sw * 0.86, y2: y(0) - 1.5, lineWidth: 2, lineColor: '#6f6f6f' });
    }
    if (counts && total > 0) {
      const n = counts[p];
      const share = n / total;
      if (n > 0) shapes.push({ type: 'rect', x: x0 + sw * 0.36, y: y(share), w: sw * 0.28, h: y(0) - y(share), color: '#3a3a3a' });
      label(x0, y(share) - 9, sw, `${n} (${Math.round(share * 100)}%)`, { alignment: 'center', fontSize: 6.5, bold: true });
    }
  });
  const xLabels: Content = {
    columns: [
      { width: gutter, text: '' },
      ...curveOrder.map((p) => ({
        width: sw,
        stack: [
          { text: predikatLabels[p], bold: true, fontSize: 6.5 },
          { text: bandText(check.bands[p]), fontSize: 6.5, color: '#444444' },
        ],
        alignment: 'center' as const,
      })),
    ],
    columnGap: 0,
    margin: [0, 2, 0, 0],
  };
  return {
    width: W,
    stack: [
      { text: `KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI ${orgRatingPrint(rating)}`, bold: true, fontSize: 7.5, margin: [0, 0, 0, 3] },
      { text: 'Frekuensi Pegawai (% dari pegawai yang dinilai)', fontSize: 6.5, color: '#333333', margin: [0, 0, 0, 2] },
      { stack: [{ canvas: shapes }, ...labels] },
      xLabels,
    ],
    unbreakable: true,
  } as Content;
}

/** The words beside the curve: the rule, and the unit's actual spread with any breach. */
export function curveNotes(rating: OrgRating, dist: UnitDistribution | null): Content {
  const lines: Content[] = [
    { text: 'Pola yang diminta:', bold: true },
    { text: distributionPattern[rating], margin: [0, 1, 0, 6] },
    {
      columns: [
        { width: 10, canvas: [{ type: 'rect', x: 0, y: 1.5, w: 8, h: 6, color: '#cfcfcf', lineColor: '#6f6f6f', lineWidth: 0.5 }] },
        { width: '*', text: 'batas sebaran menurut pola (garis putus-putus: bebas)' },
      ],
      columnGap: 3,
    },
  ];
  if (dist && dist.total > 0) {
    const check = checkDistribution(rating, dist.counts);
    lines.push({
      columns: [
        { width: 10, canvas: [{ type: 'rect', x: 0, y: 1.5, w: 8, h: 6, color: '#3a3a3a' }] },
        { width: '*', text: `sebaran predikat final ${dist.unitName}: ${dist.total} pegawai` },
      ],
      columnGap: 3,
      margin: [0, 2, 0, 0],
    });
    lines.push(
      check.breaches.length
        ? { text: ['Belum sesuai pola: ', ...check.breaches.map((b) => b.replace(/^Capaian organisasi [^:]+: /, ''))].join(' '), italics: true, margin: [0, 6, 0, 0] }
        : { text: 'Sebaran sesuai pola.', italics: true, margin: [0, 6, 0, 0] },
    );
  } else {
    lines.push({ text: 'Sebaran aktual unit tidak ditampilkan (belum ada penilaian final, atau hanya dapat dilihat Pengelola Kinerja dan Pejabat Penilai).', italics: true, color: '#444444', margin: [0, 6, 0, 0] });
  }
  return { stack: lines, fontSize: 7.5 };
}
