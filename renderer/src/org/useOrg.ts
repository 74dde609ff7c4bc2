import type { Position, Unit } from '../../../shared/org/commands';
import { positionTypeLabel } from '../../../shared/org/jabatan';
import { useCommand } from '../api/hooks';

export function useUnits() {
  return useCommand('org.listUnits', {}, { staleTime: 30_000 });
}

/** With holders for the Jabatan page; without (names only, much smaller) for pickers. */
export function usePositions(filter: { unitId?: string; includeHolders?: boolean } = {}) {
  return useCommand('org.listPositions', filter, { staleTime: 30_000 });
}

export function usePositionChoices() {
  return usePositions({ includeHolders: false });
}

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

/** The flat list as a tree, keeping the backend's order (sekretariat, bidang, ... then code). */
export function unitTree(units: Unit[]): UnitNode[] {
  const byParent = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(u);
    byParent.set(parent, list);
  }
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (byParent.get(parent) ?? []).map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  return build(null, 0);
}

function flatten(nodes: UnitNode[], out: UnitNode[] = []): UnitNode[] {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children, out);
  }
  return out;
}

/** Select options in tree order, indented by depth; `exclude` removes a unit and its sub-units. */
export function unitOptions(units: Unit[], exclude?: string): { value: string; label: string }[] {
  const skip = new Set<string>();
  if (exclude) {
    const walk = (n: UnitNode) => {
      skip.add(n.unit.id);
      n.children.forEach(walk);
    };
    const find = (nodes: UnitNode[]): UnitNode | undefined => {
      for (const n of nodes) {
        if (n.unit.id === exclude) return n;
        const f = find(n.children);
        if (f) return f;
      }
      return undefined;
    };
    const node = find(unitTree(units));
    if (node) walk(node);
  }
  return flatten(unitTree(units))
    .filter((n) => !skip.has(n.unit.id))
    .map((n) => ({ value: n.unit.id, label: `${'\u2003'.repeat(n.depth)}${n.unit.name}` }));
}

/** "Kepala Seksi Kurikulum — Seksi Kurikulum" so same-named positions in different units differ. */
export function positionOptions(positions: Position[], exclude?: string): { value: string; label: string }[] {
  return positions
    .filter((p) => p.id !== exclude)
    .map((p) => ({ value: p.id, label: p.unitName ? `${p.name} — ${p.unitName}` : p.name }));
}

export function positionTypeText(p: Pick<Position, 'type' | 'level'>): string {
  return positionTypeLabel(p.type, p.level);
}
