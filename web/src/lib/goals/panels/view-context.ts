// The panels' context from the tree page's view (GoalTreeView): the live document's goals, tree
// and rolled-up progress, the organisation, the cycle and the minute-by-minute "now".
import type { GoalTreeView } from '../goal-tree-view.svelte.ts';
import type { PanelContext } from './panel-context.ts';

export function panelContextOf(view: GoalTreeView): PanelContext {
  const document = view.document;
  return {
    goals: document.goals,
    tree: document.tree,
    progressOf: (id) => document.progressOf(id),
    directory: view.directory,
    cycle: view.cycle,
    now: new Date(view.now.getTime()),
  };
}

/** What the panels recompute on: any change to the document, and the clock's minute. */
export function viewVersion(view: GoalTreeView): string {
  return `${view.document.contentVersion}/${view.now.getTime()}`;
}

/** Shows a goal in the tree and opens its details (a panel's link to it). */
export function openGoal(view: GoalTreeView, goalId: string): void {
  view.reveal(goalId);
  view.select(goalId);
}
