// What the tree shows about one goal beyond its fields, computed from the domain rules: progress
// with roll-up (GOAL10, GOAL11), health (GOAL12), staleness (GOAL13) and clarity (GOAL14).
import { clarityOf, type Clarity } from '@threadline/domain/goals/clarity';
import { goalHealth, isStale, type Health } from '@threadline/domain/goals/health';
import type { CycleWindow, Goal } from '@threadline/domain/goals/model';
import type { GoalTree } from '@threadline/domain/goals/tree';

export interface GoalFacts {
  progress: number | null;
  health: Health | null;
  stale: boolean;
}

export function factsOf(
  goal: Goal,
  progress: number | null,
  cycle: CycleWindow | null,
  now: Date,
): GoalFacts {
  return {
    progress,
    health: goalHealth(goal, progress, cycle, now),
    stale: isStale(goal, now),
  };
}

/** GOAL14 for a goal where the tree shows it: its parent and its open children count. */
export function clarityIn(
  goal: Goal,
  tree: GoalTree,
  goals: ReadonlyMap<string, Goal>,
  cycle: CycleWindow | null,
): Clarity {
  const children = tree.children.get(goal.id) ?? [];
  const childCount = children.filter((id) => goals.get(id)?.state !== 'dropped').length;
  return clarityOf(goal, { cycle, parentId: tree.parent.get(goal.id) ?? null, childCount });
}

export const HEALTH_LABEL: Record<Health, string> = {
  green: 'On track',
  yellow: 'Behind',
  red: 'At risk',
};

export function percent(progress: number | null): string {
  return progress === null ? '—' : `${Math.round(progress * 100)}%`;
}
