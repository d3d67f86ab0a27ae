// What every panel reads about the tree: the goals, the tree the document shows, rolled-up
// progress, the organisation and "now". The tree page's GoalTreeView has all of it
// (panelContextOf); tests build it from a document.
import { treeProgress } from '@threadline/domain/goals/progress';
import type { GoalTreeSnapshot } from '@threadline/domain/goals/document';
import { goalHealth, type Health } from '@threadline/domain/goals/health';
import type { CycleWindow, Goal } from '@threadline/domain/goals/model';
import type { GoalTree } from '@threadline/domain/goals/tree';
import type { Directory } from '../org-directory.ts';

export interface PanelContext {
  goals: ReadonlyMap<string, Goal>;
  tree: GoalTree;
  /** GOAL10, GOAL11: a live goal's progress with the roll-up. */
  progressOf(id: string): number | null;
  directory: Directory;
  cycle: CycleWindow | null;
  now: Date;
}

/** The same context for a tree read from a document at some moment (the tree-as-of view). */
export function snapshotContext(
  snapshot: GoalTreeSnapshot,
  rest: Pick<PanelContext, 'directory' | 'cycle' | 'now'>,
): PanelContext {
  const progress = treeProgress(snapshot.goals, snapshot.tree);
  return { ...snapshot, progressOf: (id) => progress.get(id) ?? null, ...rest };
}

export function healthIn(context: PanelContext, goal: Goal): Health | null {
  return goalHealth(goal, context.progressOf(goal.id), context.cycle, context.now);
}
