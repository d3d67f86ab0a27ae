// The tree as the list of rows on screen: a depth-first walk into expanded goals only, so the
// cost follows what is visible, not the size of the tree. The virtual list renders a window of it.
import { childrenOf, type GoalTree } from '@threadline/domain/goals/tree';
import type { FilterResult } from './tree-filter.ts';

export interface TreeRow {
  id: string;
  /** 1 at the top, as aria-level. */
  level: number;
  /** Live children (shown or not). */
  childCount: number;
  expanded: boolean;
  /** 1-based position among the siblings shown, and how many are shown (aria-posinset/setsize). */
  position: number;
  siblings: number;
  /** False for an ancestor shown only to place a match (filtering). */
  matched: boolean;
}

/**
 * Rows in display order. While filtering, only matches and their ancestors are shown and the
 * ancestors open by themselves; a match expanded by hand shows everything below it.
 */
export function flattenTree(
  tree: GoalTree,
  expanded: ReadonlySet<string>,
  filter: FilterResult | null,
  /** Goals closed by hand while filtering, which would otherwise open by themselves. */
  collapsed: ReadonlySet<string> = new Set(),
): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (parentId: string | null, level: number, narrowed: boolean) => {
    const all = childrenOf(tree, parentId);
    const shown = narrowed && filter ? all.filter((id) => filter.shown.has(id)) : all;
    shown.forEach((id, index) => {
      const children = tree.children.get(id) ?? [];
      const matched = narrowed && filter ? filter.matched.has(id) : true;
      // While filtering: open where matches lie below; a match opened by hand shows all below it.
      const unfold = narrowed ? matched && expanded.has(id) : expanded.has(id);
      const leadsToMatch = narrowed && filter !== null && children.some((c) => filter.shown.has(c));
      const open = children.length > 0 && (unfold || (leadsToMatch && !collapsed.has(id)));
      rows.push({
        id,
        level,
        childCount: children.length,
        expanded: open,
        position: index + 1,
        siblings: shown.length,
        matched,
      });
      if (open) visit(id, level + 1, narrowed && !unfold);
    });
  };
  visit(null, 1, filter !== null);
  return rows;
}

/** Each row's position in the list, by goal id. */
export function rowPositions(rows: readonly TreeRow[]): ReadonlyMap<string, number> {
  return new Map(rows.map((row, index) => [row.id, index]));
}
