import type { BenchResult, Measure } from './types';

const fmt = (x: number | null | undefined, digits = 1): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(digits);
};

/** The rows of the table, as printed and as docs/performance.md shows them. */
export function tableRows(r: BenchResult): string[][] {
  const header = ['Ukuran', 'Skala', 'n', 'median', 'p95', 'CPU med', 'raw med', 'raw p95', 'rasio', 'satuan / catatan'];
  const rows = r.measures.map((m: Measure) => {
    const h = m.handler;
    const single = m.value !== undefined;
    const note = [
      m.status === 'pending' ? `TERTUNDA: ${m.note ?? ''}` : '',
      single ? `${fmt(m.value)} ${m.unit}` : m.unit,
      m.sameAnswer ? 'jawaban sama' : '',
      m.extra?.p50 !== undefined ? `p50 ${fmt(m.extra.p50 as number, 2)} / p95 ${fmt(m.extra.p95 as number, 2)} / p99 ${fmt(m.extra.p99 as number, 2)} ms` : '',
      m.extra?.peakMB !== undefined ? `puncak ${fmt(m.extra.peakMB as number)} MB` : '',
      m.id === 'changeLog.bytes'
        ? (m.extra?.perCommand as { command: string; bytes: number }[]).map((p) => `${p.command} ${p.bytes}`).join(', ')
        : '',
    ]
      .filter(Boolean)
      .join('; ');
    return [
      m.title,
      m.scale,
      h ? String(h.n) : '-',
      h ? fmt(h.median) : '-',
      h ? fmt(h.p95) : '-',
      h ? fmt(h.cpuMedian) : '-',
      m.raw ? fmt(m.raw.median) : '-',
      m.raw ? fmt(m.raw.p95) : '-',
      m.ratio ? `${fmt(m.ratio.median, 2)}x` : '-',
      note,
    ];
  });
  return [header, ...rows];
}

export function printTable(r: BenchResult): void {
  const rows = tableRows(r);
  const widths = rows[0]!.map((_, i) => Math.min(i === 0 ? 60 : i === 9 ? 70 : 24, Math.max(...rows.map((row) => row[i]!.length))));
  const line = (row: string[]) => row.map((c, i) => (c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + '…' : c.padEnd(widths[i]!))).join(' | ');
  console.log(`Waktu dalam ms (median, p95 dari waktu dinding; CPU med = waktu CPU proses ini). Mode ${r.mode}, seed ${r.seed}.`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows.slice(1)) console.log(line(row));
}

export function printGoals(r: BenchResult): void {
  console.log('Sasaran:');
  for (const g of r.goals) {
    const mark = g.met === true ? 'OK  ' : g.met === false ? 'MISS' : 'n/a ';
    console.log(`  ${mark} ${g.text}: terukur ${g.actual === null ? '-' : fmt(g.actual, 2)}${g.note ? ` (${g.note})` : ''}`);
  }
}

/** The table as Markdown, for docs/performance.md. */
export function markdownTable(r: BenchResult): string {
  const rows = tableRows(r);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${rows[0]!.map(esc).join(' | ')} |`,
    `| ${rows[0]!.map(() => '---').join(' | ')} |`,
    ...rows.slice(1).map((row) => `| ${row.map(esc).join(' | ')} |`),
  ].join('\n');
}
