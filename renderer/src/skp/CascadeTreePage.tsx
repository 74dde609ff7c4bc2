import { ActionIcon, Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CascadeNode } from '../../../shared/skp/commands';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useChosenYear, useYears, YearPicker } from '../year/ui';
import { StatusBadge } from './labels';
import { PageHeader } from '../app/PageHeader';

/** The cascade from the head of the office down (an appraiser: their own team), RHK not linked upwards flagged in words. */
export function CascadeTreePage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const years = useYears();
  const [year, chooseYear] = useChosenYear(years.data);
  return (
    <Stack>
      <PageHeader title={t('skp.tree.title')} description={hasRole('pengelola') ? t('skp.tree.introOffice') : t('skp.tree.introTeam')} />
      <QueryState query={years}>
        {(y) =>
          !year ? (
            <EmptyState message={t('year.none')} />
          ) : (
            <Stack>
              <YearPicker years={y.years} today={y.today} value={year} onChange={chooseYear} />
              <Tree key={year.id} year={year} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function hasUnlinked(n: CascadeNode): boolean {
  return n.rhk.some((r) => r.unlinked) || n.children.some(hasUnlinked);
}

function Tree({ year }: { year: PerformanceYear }) {
  const { t } = useI18n();
  const query = useCommand('skp.cascadeTree', { yearId: year.id });
  const [onlyUnlinked, setOnlyUnlinked] = useState(false);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const rhkText = useMemo(() => {
    const map = new Map<string, string>();
    const walk = (n: CascadeNode) => {
      for (const r of n.rhk) map.set(r.id, r.text);
      n.children.forEach(walk);
    };
    query.data?.roots.forEach(walk);
    return map;
  }, [query.data]);
  // The top two levels open at first; large offices stay fast because closed branches are not drawn.
  const open = useMemo(() => {
    if (expanded) return expanded;
    const s = new Set<string>();
    for (const r of query.data?.roots ?? []) {
      s.add(r.employeeId);
      if ((query.data?.roots.length ?? 0) === 1) for (const c of r.children) s.add(c.employeeId);
    }
    return s;
  }, [expanded, query.data]);
  const all = () => {
    const s = new Set<string>();
    const walk = (n: CascadeNode) => {
      if (n.children.length) s.add(n.employeeId);
      n.children.forEach(walk);
    };
    query.data?.roots.forEach(walk);
    setExpanded(s);
  };
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  return (
    <QueryState query={query}>
      {(data) =>
        data.roots.length === 0 ? (
          <EmptyState message={t('skp.tree.empty')} />
        ) : (
          <Stack>
            {data.unlinkedCount > 0 ? (
              <Alert color="orange" icon={<IconAlertTriangle />} data-testid="unlinked-count">
                {t('skp.tree.unlinked', { count: data.unlinkedCount })}
              </Alert>
            ) : (
              <Alert color="teal">{t('skp.tree.allLinked')}</Alert>
            )}
            <Group>
              <Switch label={t('skp.tree.onlyUnlinked')} checked={onlyUnlinked} onChange={(e) => setOnlyUnlinked(e.currentTarget.checked)} />
              <Button size="xs" variant="subtle" onClick={all}>
                {t('skp.tree.expandAll')}
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set())}>
                {t('skp.tree.collapseAll')}
              </Button>
            </Group>
            <FlatTree rows={visibleRows(data.roots, open, onlyUnlinked)} toggle={toggle} rhkText={rhkText} />
          </Stack>
        )
      }
    </QueryState>
  );
}

/** One employee of the tree as a row: the tree is drawn flat (aria-level), which keeps it one list to page through. */
interface Row {
  node: CascadeNode;
  depth: number;
  /** Children shown under this row's filter (0 = a leaf). */
  childCount: number;
  isOpen: boolean;
  posinset: number;
  setsize: number;
}

/** The open part of the tree in reading order (pre-order), each employee once. */
function visibleRows(roots: CascadeNode[], open: Set<string>, onlyUnlinked: boolean): Row[] {
  const rows: Row[] = [];
  const walk = (nodes: CascadeNode[], depth: number) => {
    const shown = onlyUnlinked ? nodes.filter(hasUnlinked) : nodes;
    shown.forEach((node, i) => {
      const children = onlyUnlinked ? node.children.filter(hasUnlinked) : node.children;
      const isOpen = onlyUnlinked || open.has(node.employeeId);
      rows.push({ node, depth, childCount: children.length, isOpen, posinset: i + 1, setsize: shown.length });
      if (isOpen) walk(node.children, depth + 1);
    });
  };
  walk(roots, 0);
  return rows;
}

/**
 * Rows drawn a page at a time: "Buka semua" on an office of 2,000 employees would otherwise put
 * every employee with every RHK on the screen at once and freeze the browser for many seconds
 * (docs/spec/operations.md §8). The next page is one click (or Enter) away; closing a branch shortens the list.
 */
export const treePageSize = 150;

function FlatTree({ rows, toggle, rhkText }: { rows: Row[]; toggle(id: string): void; rhkText: Map<string, string> }) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(treePageSize);
  const shown = rows.slice(0, limit);
  return (
    <Stack gap="xs">
      <Paper withBorder p="sm" role="tree" aria-label={t('skp.tree.title')}>
        {shown.map((r) => (
          <RowView key={r.node.employeeId} row={r} toggle={toggle} rhkText={rhkText} />
        ))}
      </Paper>
      {rows.length > limit && (
        <Group gap="sm">
          <Text size="sm" c="dimmed" data-testid="tree-shown">
            {t('skp.tree.shown', { shown: shown.length, total: rows.length })}
          </Text>
          <Button size="xs" variant="light" onClick={() => setLimit((l) => l + treePageSize)}>
            {t('skp.tree.more', { count: Math.min(treePageSize, rows.length - limit) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RowView({ row, toggle, rhkText }: { row: Row; toggle(id: string): void; rhkText: Map<string, string> }) {
  const { t } = useI18n();
  const { node, depth, isOpen, childCount } = row;
  return (
    <Box
      role="treeitem"
      aria-level={depth + 1}
      aria-posinset={row.posinset}
      aria-setsize={row.setsize}
      aria-expanded={childCount ? isOpen : undefined}
      aria-selected={false}
      data-testid="tree-node"
      ml={depth ? `calc(${depth} * var(--mantine-spacing-lg))` : 0}
      pl={depth ? 'xs' : 0}
      style={depth ? { borderLeft: '1px dashed var(--mantine-color-default-border)' } : undefined}
    >
      <Group gap="xs" wrap="nowrap" py={4}>
        {childCount > 0 ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => toggle(node.employeeId)}
            aria-label={isOpen ? t('skp.tree.collapse', { name: node.employeeName }) : t('skp.tree.expand', { name: node.employeeName })}
          >
            {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        {node.skpId ? (
          <Anchor component={Link} to={`/skp/${node.skpId}`} fw={600} size="sm">
            {node.employeeName}
          </Anchor>
        ) : (
          <Text fw={600} size="sm">
            {node.employeeName}
          </Text>
        )}
        <Text size="sm" c="dimmed" truncate>
          {node.position ?? ''}
        </Text>
        <StatusBadge status={node.status} size="sm" />
        {childCount > 0 && !isOpen && (
          <Badge variant="outline" color="gray" size="sm">
            {t('skp.tree.team', { count: childCount })}
          </Badge>
        )}
      </Group>
      {node.rhk.length > 0 && (
        <Stack gap={2} pl={30} pb={4}>
          {node.rhk.map((r) => (
            <Box key={r.id}>
              <Text size="sm">
                <Text span c="dimmed" size="xs">
                  {r.kind === 'utama' ? t('skp.rhk.kind.utama') : t('skp.rhk.kind.tambahan')} ·{' '}
                </Text>
                {r.text}
                {r.unlinked && (
                  <Text span c="orange" size="xs" fw={700}>
                    {' '}
                    <IconAlertTriangle size={12} style={{ verticalAlign: 'middle' }} aria-hidden /> {t('skp.tree.notLinked')}
                  </Text>
                )}
              </Text>
              {r.parentRhkId && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  ↳ {rhkText.get(r.parentRhkId) ? `${t('skp.rhk.supports')}: ${rhkText.get(r.parentRhkId)}` : t('skp.tree.linkedAbove')}
                </Text>
              )}
            </Box>
          ))}
        </Stack>
      )}
      {node.rhk.length === 0 && node.status !== 'belum_dibuat' && (
        <Text size="xs" c="dimmed" pl={30} pb={4}>
          {t('skp.tree.noRhk')}
        </Text>
      )}
    </Box>
  );
}
