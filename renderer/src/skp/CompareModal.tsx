import { Badge, Box, Group, List, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { Indicator, Rhk, SkpDetail, SkpSnapshot } from '../../../shared/skp/commands';
import { perilakuValues } from '../../../shared/skp/perilaku';
import { useCommand } from '../api/hooks';
import { QueryState } from '../app/QueryState';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { annexKeys, aspekKeys, perspektifKeys } from './labels';
import { annexKinds } from '../../../shared/skp/commands';

type Change = 'added' | 'removed' | 'changed' | 'same';

const changeStyle: Record<Change, { bg?: string; color: string; label: MessageKey | null }> = {
  added: { bg: 'var(--mantine-color-teal-light)', color: 'teal', label: 'skp.compare.added' },
  removed: { bg: 'var(--mantine-color-red-light)', color: 'red', label: 'skp.compare.removed' },
  changed: { bg: 'var(--mantine-color-yellow-light)', color: 'yellow', label: 'skp.compare.changed' },
  same: { color: 'gray', label: null },
};

const sameIndicator = (a: Indicator, b: Indicator) =>
  a.aspek === b.aspek && a.perspektif === b.perspektif && a.text === b.text && a.targetLabel === b.targetLabel;

function indicatorChanges(from: Indicator[], to: Indicator[]): Map<string, Change> {
  const out = new Map<string, Change>();
  for (const i of to) {
    const old = from.find((f) => f.id === i.id);
    out.set(i.id, !old ? 'added' : sameIndicator(old, i) ? 'same' : 'changed');
  }
  for (const f of from) if (!to.some((i) => i.id === f.id)) out.set(f.id, 'removed');
  return out;
}

function rhkChange(from: Rhk | undefined, to: Rhk | undefined): Change {
  if (!from) return 'added';
  if (!to) return 'removed';
  const inds = indicatorChanges(from.indicators, to.indicators);
  const same =
    from.kind === to.kind &&
    from.text === to.text &&
    from.parentRhkId === to.parentRhkId &&
    from.pkReference === to.pkReference &&
    [...inds.values()].every((c) => c === 'same');
  return same ? 'same' : 'changed';
}

interface Row {
  key: string;
  from?: Rhk;
  to?: Rhk;
  change: Change;
}

/** RHK matched by identity across the two versions: kept ones in the newer order, removed ones after. */
export function diffRhk(a: SkpSnapshot, b: SkpSnapshot): Row[] {
  const rows: Row[] = b.rhk.map((r) => {
    const old = a.rhk.find((x) => x.id === r.id);
    return { key: r.id, from: old, to: r, change: rhkChange(old, r) };
  });
  for (const r of a.rhk) if (!b.rhk.some((x) => x.id === r.id)) rows.push({ key: r.id, from: r, change: 'removed' });
  return rows;
}

/** Two versions of the plan side by side, with what was added, removed or changed said in words and colour. */
export function CompareModal({ skp, initial, onClose }: { skp: SkpDetail; initial: { from: number; to: number }; onClose(): void }) {
  const { t, date } = useI18n();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const query = useCommand('skp.compare', { skpId: skp.id, from, to });
  const choices = [
    ...[...skp.versions].reverse().map((v) => ({ value: String(v.versionNo), label: t('skp.compare.version', { no: v.versionNo, date: date(v.approvedAt) }) })),
    { value: '0', label: t('skp.compare.current') },
  ];
  return (
    <Modal opened onClose={onClose} title={t('skp.compare.title')} size="95%">
      <Stack>
        <Group align="flex-end">
          <Select w={320} label={t('skp.compare.from')} data={choices} value={String(from)} onChange={(v) => v && setFrom(Number(v))} allowDeselect={false} data-autofocus />
          <Select w={320} label={t('skp.compare.to')} data={choices} value={String(to)} onChange={(v) => v && setTo(Number(v))} allowDeselect={false} />
          <Group gap="xs" pb={6}>
            {(['added', 'removed', 'changed'] as const).map((c) => (
              <Badge key={c} color={changeStyle[c].color} variant="light">
                {t(changeStyle[c].label!)}
              </Badge>
            ))}
          </Group>
        </Group>
        <QueryState query={query}>{(data) => <CompareBody a={data.from} b={data.to} fromLabel={localLabel(data.fromLabel, from, t, skp)} toLabel={localLabel(data.toLabel, to, t, skp)} />}</QueryState>
      </Stack>
    </Modal>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function localLabel(serverLabel: string, n: number, t: T, skp: SkpDetail): string {
  if (n === 0) return t('skp.compare.current');
  const v = skp.versions.find((x) => x.versionNo === n);
  return v ? t('skp.versions.label', { no: n }) : serverLabel;
}

function CompareBody({ a, b, fromLabel, toLabel }: { a: SkpSnapshot; b: SkpSnapshot; fromLabel: string; toLabel: string }) {
  const { t } = useI18n();
  const rows = diffRhk(a, b);
  const changedCount = rows.filter((r) => r.change !== 'same').length;
  return (
    <Stack>
      <Text size="sm" c={changedCount ? undefined : 'dimmed'} data-testid="compare-summary">
        {changedCount ? t('skp.compare.summary', { count: changedCount }) : t('skp.compare.noChange')}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders verticalSpacing="sm" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{fromLabel}</Table.Th>
              <Table.Th>{toLabel}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const inds = indicatorChanges(r.from?.indicators ?? [], r.to?.indicators ?? []);
              return (
                <Table.Tr key={r.key} data-change={r.change} data-testid="compare-row">
                  <Table.Td valign="top" bg={r.change === 'removed' || r.change === 'changed' ? changeStyle[r.change].bg : undefined}>
                    {r.from ? <RhkCell rhk={r.from} change={r.change === 'added' ? 'same' : r.change} inds={inds} side="from" isJpt={a.isJpt} /> : <Empty />}
                  </Table.Td>
                  <Table.Td valign="top" bg={r.change === 'added' || r.change === 'changed' ? changeStyle[r.change].bg : undefined}>
                    {r.to ? <RhkCell rhk={r.to} change={r.change} inds={inds} side="to" isJpt={b.isJpt} /> : <Empty />}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            <ExpectationRows a={a} b={b} />
            <AnnexRows a={a} b={b} />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Empty() {
  const { t } = useI18n();
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {t('skp.compare.absent')}
    </Text>
  );
}

function ChangeBadge({ change }: { change: Change }) {
  const { t } = useI18n();
  const s = changeStyle[change];
  if (!s.label) return null;
  return (
    <Badge color={s.color} variant="filled" size="xs">
      {t(s.label)}
    </Badge>
  );
}

function RhkCell({ rhk, change, inds, side, isJpt }: { rhk: Rhk; change: Change; inds: Map<string, Change>; side: 'from' | 'to'; isJpt: boolean }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <ChangeBadge change={change} />
        <Text size="xs" c="dimmed" tt="uppercase">
          {rhk.kind === 'utama' ? t('skp.rhk.kind.utama') : t('skp.rhk.kind.tambahan')}
        </Text>
      </Group>
      <Text size="sm" fw={600}>
        {rhk.text}
      </Text>
      {rhk.parentRhkText && (
        <Text size="xs" c="dimmed">
          {t('skp.rhk.supports')}: {rhk.parentRhkText}
        </Text>
      )}
      <List size="sm" spacing={2}>
        {rhk.indicators.map((i) => {
          const c = inds.get(i.id) ?? 'same';
          const show: Change = side === 'from' ? (c === 'added' ? 'same' : c) : c === 'removed' ? 'same' : c;
          return (
            <List.Item key={i.id}>
              <Box component="span" px={show === 'same' ? 0 : 4} style={{ borderRadius: 4 }} bg={show === 'same' ? undefined : changeStyle[show].bg}>
                {show !== 'same' && <ChangeBadge change={show} />}{' '}
                <Text span size="xs" c="dimmed">
                  {isJpt ? (i.perspektif ? t(perspektifKeys[i.perspektif]) : '') : i.aspek ? t(aspekKeys[i.aspek]) : ''}:
                </Text>{' '}
                {i.text} —{' '}
                <Text span size="sm" fw={600}>
                  {i.targetLabel}
                </Text>
              </Box>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

function SectionRow({ title }: { title: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={2} bg="var(--mantine-color-default-hover)">
        <Text fw={700} size="sm">
          {title}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function ExpectationRows({ a, b }: { a: SkpSnapshot; b: SkpSnapshot }) {
  const { t } = useI18n();
  const text = (s: SkpSnapshot, code: string) => s.expectations.find((e) => e.valueCode === code)?.text ?? '';
  const changed = perilakuValues.filter((v) => text(a, v.code) !== text(b, v.code));
  if (changed.length === 0) return null;
  return (
    <>
      <SectionRow title={t('skp.perilaku.expectation')} />
      {changed.map((v) => (
        <Table.Tr key={v.code}>
          {[a, b].map((s, n) => (
            <Table.Td key={n} valign="top" bg={changeStyle.changed.bg}>
              <Text size="xs" fw={600}>
                {v.name}
              </Text>
              <Text size="sm">{text(s, v.code) || '-'}</Text>
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}

function AnnexRows({ a, b }: { a: SkpSnapshot; b: SkpSnapshot }) {
  const { t } = useI18n();
  const kinds = annexKinds.filter((k) => a.annex[k].join('\n') !== b.annex[k].join('\n'));
  if (kinds.length === 0) return null;
  const list = (items: string[], other: string[], mark: Change): ReactNode =>
    items.length === 0 ? (
      '-'
    ) : (
      <List size="sm" spacing={2}>
        {items.map((x, n) => (
          <List.Item key={n}>
            <Box component="span" px={other.includes(x) ? 0 : 4} bg={other.includes(x) ? undefined : changeStyle[mark].bg}>
              {x}
            </Box>
          </List.Item>
        ))}
      </List>
    );
  return (
    <>
      <SectionRow title={t('skp.annex.title')} />
      {kinds.map((k) => (
        <Table.Tr key={k}>
          <Table.Td valign="top">
            <Text size="xs" fw={600}>
              {t(annexKeys[k])}
            </Text>
            {list(a.annex[k], b.annex[k], 'removed')}
          </Table.Td>
          <Table.Td valign="top">
            <Text size="xs" fw={600}>
              {t(annexKeys[k])}
            </Text>
            {list(b.annex[k], a.annex[k], 'added')}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
