// Progress of a goal, 0..1 (GOAL10), and the weighted roll-up for goals without a metric (GOAL11).
import type { Goal, Metric } from './model.ts';
import { isNumericKind } from './model.ts';
import type { GoalTree } from './tree.ts';

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * GOAL10: the progress a metric measures, or null when it measures nothing yet (no metric, a
 * numeric metric without target, milestones without any milestone).
 */
export function metricProgress(metric: Metric): number | null {
  if (isNumericKind(metric.kind)) {
    if (metric.target === null) return null;
    const start = metric.start ?? 0;
    const current = metric.current ?? start;
    if (metric.target === start) {
      // Nothing to travel: the target is either held or not ("keep churn at 2%").
      const held = metric.direction === 'decreasing' ? current <= start : current >= start;
      return held ? 1 : 0;
    }
    // One formula for both directions: for a decreasing target both differences are negative.
    return clamp01((current - start) / (metric.target - start));
  }
  switch (metric.kind) {
    case 'yes-no':
      return metric.current === 1 ? 1 : 0;
    case 'milestones': {
      const total = metric.milestones.length;
      if (total === 0) return null;
      return metric.milestones.filter((m) => m.done).length / total;
    }
    default:
      return null;
  }
}

/**
 * GOAL10: a goal's own progress: its metric's, or 1 for a goal marked done that has no measurable
 * metric of its own (it was declared complete).
 */
export function ownProgress(goal: Pick<Goal, 'metric' | 'state'>): number | null {
  const measured = metricProgress(goal.metric);
  if (measured === null && goal.state === 'done') return 1;
  return measured;
}

/**
 * GOAL11: progress of every live goal of the tree. A goal with progress of its own keeps it; one
 * without takes the weighted mean of its children's progress. Dropped children, children of
 * weight 0 and children with no progress yet are left out; with none left the goal has none.
 */
export function treeProgress(
  goals: ReadonlyMap<string, Goal>,
  tree: GoalTree,
): Map<string, number | null> {
  const progress = new Map<string, number | null>();
  // Children before parents: a reversed pre-order visits every child before its parent.
  const preOrder: string[] = [];
  const stack = [...tree.roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    preOrder.push(id);
    stack.push(...(tree.children.get(id) ?? []));
  }
  for (let i = preOrder.length - 1; i >= 0; i--) {
    const id = preOrder[i]!;
    const goal = goals.get(id);
    if (!goal) continue;
    const own = ownProgress(goal);
    if (own !== null) {
      progress.set(id, own);
      continue;
    }
    let weighted = 0;
    let weights = 0;
    for (const childId of tree.children.get(id) ?? []) {
      const child = goals.get(childId);
      const childProgress = progress.get(childId) ?? null;
      if (!child || child.state === 'dropped' || childProgress === null) continue;
      if (!(child.weight > 0)) continue;
      weighted += child.weight * childProgress;
      weights += child.weight;
    }
    progress.set(id, weights > 0 ? weighted / weights : null);
  }
  return progress;
}
