// Whose goals the tree shows first (GOAL30): "My goals" (one's own, with the way up to the company
// theme open: line of sight), "My team" (one's own, one's reports' at any depth, and one's team's)
// or "Everything". Remembered in the page's address (`?show=mine`), so a link or a reload keeps it.
import type { Goal } from '@threadline/domain/goals/model';
import type { Directory } from './org-directory.ts';

export const GOAL_SCOPES = ['mine', 'team', 'everything'] as const;
export type GoalScope = (typeof GOAL_SCOPES)[number];

export const SCOPE_LABEL: Record<GoalScope, string> = {
  mine: 'My goals',
  team: 'My team',
  everything: 'Everything',
};

/** The address's search parameter. */
export const SCOPE_PARAM = 'show';

export function parseScope(value: string | null): GoalScope | null {
  return (GOAL_SCOPES as readonly string[]).includes(value ?? '') ? (value as GoalScope) : null;
}

/** The first scope of someone who has not chosen: their own goals, else their team's, else all. */
export function defaultScope(ownsGoals: boolean, managesPeople: boolean): GoalScope {
  if (ownsGoals) return 'mine';
  return managesPeople ? 'team' : 'everything';
}

/** Whether a person owns a live goal of the tree (`liveIds`: the tree's goals). */
export function ownsLiveGoal(
  goals: ReadonlyMap<string, Goal>,
  liveIds: Iterable<string>,
  personId: string,
): boolean {
  for (const id of liveIds) if (goals.get(id)?.ownerId === personId) return true;
  return false;
}

/** Which goals a scope keeps; null for "Everything" (no narrowing at all). */
export function scopePredicate(
  scope: GoalScope,
  me: { id: string; teamId: string | null },
  directory: Directory,
): ((goal: Goal) => boolean) | null {
  switch (scope) {
    case 'everything':
      return null;
    case 'mine':
      return (goal) => goal.ownerId === me.id;
    case 'team': {
      const people = directory.allReports(me.id).add(me.id);
      return (goal) =>
        (goal.ownerId !== null && people.has(goal.ownerId)) ||
        (me.teamId !== null && goal.teamId === me.teamId);
    }
  }
}
