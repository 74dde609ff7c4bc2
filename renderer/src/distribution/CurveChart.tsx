import { Box, Group, Paper, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Bar, CartesianGrid, Cell, ComposedChart, LabelList, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UnitDistribution } from '../../../shared/distribution/commands';
import { majorityFloor } from '../../../shared/distribution/curve';
import type { Predikat } from '../../../shared/evaluation/predikat';
import { predikatAxis, predikatKeys } from '../evaluation/ui';
import { useI18n } from '../i18n/I18nProvider';

export interface CurveRow {
  predikat: Predikat;
  label: string;
  actual: number;
  share: number;
  /** Allowed number of employees [lowest, highest], or null when the pattern leaves it free. */
  band: [number, number] | null;
  /** The pattern's limit as a share, e.g. "paling banyak 70%". */
  bandText: string;
  /** The same in people of this unit, e.g. "(maks. 7 dari 10 pegawai)", or empty. */
  bandPeople: string;
  ok: boolean;
}

const eps = 1e-9;

/**
 * The pattern's share bands as whole employees: at least `min` means `ceil(min x total)` people,
 * at most `max` means `floor(max x total)` (the same test the backend applies to shares).
 */
export function useCurveRows(d: UnitDistribution): CurveRow[] {
  const { t, number } = useI18n();
  const pct = (v: number) => `${number(Math.round(v * 1000) / 10, 1)}%`;
  return predikatAxis.map((p) => {
    const actual = d.counts[p] ?? 0;
    const share = d.total === 0 ? 0 : actual / d.total;
    const b = d.bands?.[p];
    const constrained = !!b && (b.min > 0 || b.max < 1);
    let band: [number, number] | null = null;
    let bandText = t('dist.band.free');
    let bandPeople = '';
    let ok = true;
    if (b && constrained) {
      const lo = Math.ceil(b.min * d.total - eps);
      const hi = Math.floor(b.max * d.total + eps);
      band = [lo, hi];
      if (d.total > 0) ok = actual >= lo && actual <= hi;
      if (b.max === 0) bandText = t('dist.band.none');
      else if (b.min === majorityFloor) bandText = t('dist.band.majority', { max: pct(b.max) });
      else if (b.min > 0 && b.max < 1) bandText = t('dist.band.between', { min: pct(b.min), max: pct(b.max) });
      else if (b.min > 0) bandText = t('dist.band.atLeast', { pct: pct(b.min) });
      else bandText = t('dist.band.atMost', { pct: pct(b.max) });
      // With this unit's numbers: how many people that is.
      if (d.total > 0 && b.max > 0) {
        bandPeople =
          b.min > 0 && b.max < 1
            ? t('dist.band.rangePeople', { lo, hi, total: d.total })
            : b.min > 0
              ? t('dist.band.minPeople', { n: lo, total: d.total })
              : t('dist.band.maxPeople', { n: hi, total: d.total });
      }
    }
    return { predikat: p, label: t(predikatKeys[p]), actual, share, band, bandText, bandPeople, ok };
  });
}

/** Whole-number ticks at 1, 2, 5, 10, 20, 50 ... steps, at most about six, the top one at or above `max`. */
export function axisTicks(max: number): { top: number; ticks: number[] } {
  let step = 1;
  for (let k = 1; max / step > 6; k++) step = [1, 2, 5][k % 3]! * 10 ** Math.floor(k / 3);
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

const colors = {
  ok: 'var(--mantine-color-blue-6)',
  breach: 'var(--mantine-color-red-6)',
  band: 'var(--mantine-color-teal-5)',
  curve: 'var(--mantine-color-gray-6)',
  text: 'var(--mantine-color-text)',
  dimmed: 'var(--mantine-color-dimmed)',
  grid: 'var(--mantine-color-default-border)',
};

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: string; index: number };
  rows: CurveRow[];
  /** Narrow chart: names on two lines, the limit without the head count (the table has it). */
  compact: boolean;
}

/** "Kurang/Misconduct" -> ["Kurang/", "Misconduct"], "Good (Baik)" -> ["Good", "(Baik)"], "Butuh Perbaikan" -> ["Butuh", "Perbaikan"]. */
function twoLines(label: string): string[] {
  const paren = label.indexOf(' (');
  const cut = paren >= 0 ? paren + 1 : label.indexOf('/') >= 0 ? label.indexOf('/') + 1 : label.indexOf(' ') + 1;
  return cut > 0 ? [label.slice(0, cut).trim(), label.slice(cut).trim()] : [label];
}

/** Predikat name, and under it what the pattern allows for it. */
function AxisTick({ x = 0, y = 0, payload, rows, compact }: TickProps) {
  const row = rows.find((r) => r.label === payload?.value);
  const label = payload?.value ?? '';
  const name = compact || label.length > 18 ? twoLines(label) : [label];
  const lines: { text: string; bold?: boolean; color: string }[] = [
    ...name.map((text) => ({ text, bold: true, color: colors.text })),
    ...(row ? [{ text: row.bandText, color: row.band ? 'var(--mantine-color-teal-8)' : colors.dimmed }] : []),
    ...(row?.bandPeople && !compact ? [{ text: row.bandPeople, color: 'var(--mantine-color-teal-8)' }] : []),
  ];
  return (
    <g transform={`translate(${x},${y})`}>
      {lines.map((l, i) => (
        <text key={i} y={14 + i * 15} textAnchor="middle" fill={l.color} fontSize={l.bold ? (compact ? 12 : 13) : compact ? 10 : 11} fontWeight={l.bold ? 600 : 400}>
          {l.text}
        </text>
      ))}
    </g>
  );
}

function TooltipBody({ active, payload, total }: { active?: boolean; payload?: { payload: CurveRow }[]; total: number }) {
  const { t, number } = useI18n();
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <Paper withBorder shadow="sm" p="xs">
      <Text size="sm" fw={700}>
        {row.label}
      </Text>
      <Text size="sm">{t('dist.tooltip.actual', { n: row.actual, total, pct: number(Math.round(row.share * 1000) / 10, 1) })}</Text>
      <Text size="sm" c="teal">
        {t('dist.tooltip.band', { text: `${row.bandText} ${row.bandPeople}`.trim() })}
      </Text>
    </Paper>
  );
}

/**
 * The kurva distribusi: employees per predikat (bars and the curve through them) against the band
 * the organisation's rating allows (the light teal range behind each bar).
 */
export function CurveChart({ d, rows }: { d: UnitDistribution; rows: CurveRow[] }) {
  const { t } = useI18n();
  const { ref, width } = useElementSize();
  const compact = width > 0 && width < 760;
  const { top, ticks } = axisTicks(Math.max(1, ...rows.map((r) => Math.max(r.actual, r.band?.[1] ?? 0))));
  return (
    <Box>
      <Box ref={ref} h={400} data-testid="curve-chart" role="img" aria-label={t('dist.chart.aria', { unit: d.unitName, counts: rows.map((r) => `${r.label} ${r.actual}`).join(', ') })}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 24, right: 16, bottom: 30, left: 8 }} barGap={0}>
            <CartesianGrid vertical={false} stroke={colors.grid} strokeDasharray="3 3" />
            <XAxis xAxisId="band" dataKey="label" interval={0} height={80} tickLine={false} tick={(p: Omit<TickProps, 'rows' | 'compact'>) => <AxisTick {...p} rows={rows} compact={compact} />} />
            <XAxis xAxisId="actual" dataKey="label" hide />
            <YAxis
              allowDecimals={false}
              domain={[0, top]}
              ticks={ticks}
              width={64}
              tick={{ fill: colors.dimmed, fontSize: 12 }}
              label={{ value: t('dist.chart.yAxis'), angle: -90, position: 'insideLeft', offset: 10, style: { textAnchor: 'middle', fill: colors.text, fontSize: 13, fontWeight: 600 } }}
            />
            <Tooltip content={<TooltipBody total={d.total} />} cursor={{ fill: 'var(--mantine-color-gray-light)' }} />
            <Bar xAxisId="band" dataKey="band" name={t('dist.legend.band')} barSize={compact ? 72 : 120} fill={colors.band} fillOpacity={0.18} stroke={colors.band} strokeDasharray="4 3" isAnimationActive={false} />
            <Bar xAxisId="actual" dataKey="actual" name={t('dist.legend.actual')} barSize={compact ? 30 : 44} radius={[4, 4, 0, 0]} isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.predikat} fill={r.ok ? colors.ok : colors.breach} />
              ))}
              <LabelList dataKey="actual" position="top" fill={colors.text} fontSize={13} fontWeight={700} />
            </Bar>
            <Line xAxisId="actual" type="monotone" dataKey="actual" stroke={colors.curve} strokeWidth={1.5} dot={{ r: 2.5, fill: colors.curve }} activeDot={false} isAnimationActive={false} legendType="none" />
          </ComposedChart>
        </ResponsiveContainer>
      </Box>
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        <Legend swatch={<span style={{ display: 'inline-block', width: 14, height: 14, background: colors.ok, borderRadius: 2 }} />} label={t('dist.legend.actual')} />
        <Legend swatch={<span style={{ display: 'inline-block', width: 14, height: 14, background: colors.breach, borderRadius: 2 }} />} label={t('dist.legend.breach')} />
        <Legend
          swatch={<span style={{ display: 'inline-block', width: 14, height: 14, background: 'var(--mantine-color-teal-light)', border: `1px dashed ${colors.band}` }} />}
          label={t('dist.legend.band')}
        />
        <Legend swatch={<span style={{ display: 'inline-block', width: 16, height: 2, background: colors.curve, verticalAlign: 'middle' }} />} label={t('dist.legend.curve')} />
      </Group>
    </Box>
  );
}

function Legend({ swatch, label }: { swatch: ReactNode; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      {swatch}
      <Text size="xs">{label}</Text>
    </Group>
  );
}
