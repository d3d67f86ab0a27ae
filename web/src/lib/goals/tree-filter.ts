// Search and filters over the goal tree. A match keeps its ancestors on screen (dimmed), so a
// found goal is always seen where it sits in the cascade.
import type { Health } from '@threadline/domain/goals/health';
import type { Goal, GoalState } from '@threadline/domain/goals/model';
import type { GoalTree } from '@threadline/domain/goals/tree';
import type { GoalFacts } from './goal-facts.ts';

export interface TreeFilter {
  search: string;
  teamId: string | null;
  ownerId: string | null;
  /** 'none': goals without a health (no progress, no dates, dropped). */
  health: Health | 'none' | null;
  staleOnly: boolean;
  state: GoalState | null;
}

export const NO_FILTER: TreeFilter = {
  search: '',
  teamId: null,
  ownerId: null,
  health: null,
  staleOnly: false,
  state: null,
};

export function isFiltering(filter: TreeFilter): boolean {
  return activeFilterCount(filter) > 0;
}

/** How many criteria are set: what the Filters button shows at phone width, where they are hidden. */
export function activeFilterCount(filter: TreeFilter): number {
  return [
    filter.search.trim() !== '',
    filter.teamId !== null,
    filter.ownerId !== null,
    filter.health !== null,
    filter.staleOnly,
    filter.state !== null,
  ].filter(Boolean).length;
}

/** Whether one goal passes every filter. `facts` is only asked for when health or stale filter. */
export function matches(goal: Goal, filter: TreeFilter, facts: () => GoalFacts): boolean {
  const term = filter.search.trim().toLocaleLowerCase();
  if (term !== '' && !goal.title.toLocaleLowerCase().includes(term)) return false;
  if (filter.teamId !== null && goal.teamId !== filter.teamId) return false;
  if (filter.ownerId !== null && goal.ownerId !== filter.ownerId) return false;
  if (filter.state !== null && goal.state !== filter.state) return false;
  if (filter.health !== null || filter.staleOnly) {
    const { health, stale } = facts();
    if (filter.health !== null && (health ?? 'none') !== filter.health) return false;
    if (filter.staleOnly && !stale) return false;
  }
  return true;
}

export interface FilterResult {
  /** Goals that pass every filter. */
  matched: Set<string>;
  /** Matches and their ancestors: what the tree shows while filtering. */
  shown: Set<string>;
}

export function applyFilter(
  goals: ReadonlyMap<string, Goal>,
  tree: GoalTree,
  filter: TreeFilter,
  factsFor: (goal: Goal) => GoalFacts,
  /** The scope chosen (GOAL30: my goals, my team): a goal outside it matches no filter. */
  inScope: ((goal: Goal) => boolean) | null = null,
): FilterResult {
  const matched = new Set<string>();
  const shown = new Set<string>();
  for (const id of tree.parent.keys()) {
    const goal = goals.get(id);
    if (!goal || (inScope && !inScope(goal)) || !matches(goal, filter, () => factsFor(goal))) {
      continue;
    }
    matched.add(id);
    for (let at: string | null = id; at !== null && !shown.has(at); at = tree.parent.get(at)!) {
      shown.add(at);
    }
  }
  return { matched, shown };
}

/**
 * Keeps a goal on screen whatever the filter (the one open in the details pane: a goal just added
 * has no title yet, and would vanish under a search).
 */
export function keepShown(result: FilterResult, tree: GoalTree, id: string | null): FilterResult {
  if (id === null || !tree.parent.has(id) || result.matched.has(id)) return result;
  const matched = new Set(result.matched).add(id);
  const shown = new Set(result.shown);
  for (let at: string | null = id; at !== null && !shown.has(at); at = tree.parent.get(at)!) {
    shown.add(at);
  }
  return { matched, shown };
}
