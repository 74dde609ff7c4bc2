export type RealisasiStatus = 'belum' | 'draf' | 'diajukan';

/** `350 KB`, `1,2 MB` (numbers in the reader's language). */
export function formatBytes(bytes: number, number: (v: number, digits?: number) => string): string {
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}

/**
 * The period to open when none is named: the earliest one that has ended (or ends within a week)
 * and is not yet sent, else the one running today, else the last one.
 */
export function pickPeriod(periods: { code: string; start: string; end: string; status: RealisasiStatus }[], today: string): string | null {
  const regular = periods.filter((p) => p.code !== 'tahunan');
  const weekAhead = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const due = regular.find((p) => p.status !== 'diajukan' && p.end <= weekAhead);
  if (due) return due.code;
  const current = regular.find((p) => p.start <= today && today <= p.end);
  return (current ?? regular.at(-1) ?? periods.at(-1))?.code ?? null;
}
