// Where a goal being added goes (GOAL31), decided in the add dialog before anything is written:
// the parent it suggests, the parents it offers, and the goal written once the person confirms.
import type { NewGoal } from '@threadline/domain/goals/edits';
import type { Goal, GoalLevel } from '@threadline/domain/goals/model';
import { mayEditGoal, type Actor } from '@threadline/domain/goals/permissions';
import { pathToRoot, type GoalTree } from '@threadline/domain/goals/tree';

/** Most parents the dialog offers besides the suggested one's line of sight. */
const MAX_CHOICES = 60;

interface Me {
  id: string;
  teamId: string | null;
}

/**
 * The parent a new goal is suggested under: the goal selected, else the person's own nearest
 * goal — their team goal, else their team's, else any of their own —, else none (a theme).
 */
export function suggestedParent(
  goals: ReadonlyMap<string, Goal>,
  tree: GoalTree,
  me: Me,
  selectedId: string | null,
): string | null {
  if (selectedId !== null && tree.parent.has(selectedId)) return selectedId;
  let ownTeamGoal: string | null = null;
  let teamsGoal: string | null = null;
  let ownGoal: string | null = null;
  for (const id of tree.parent.keys()) {
    const goal = goals.get(id);
    if (!goal) continue;
    const mine = goal.ownerId === me.id;
    if (mine && goal.level === 'team') ownTeamGoal ??= id;
    if (me.teamId !== null && goal.teamId === me.teamId && goal.level === 'team') teamsGoal ??= id;
    if (mine) ownGoal ??= id;
  }
  return ownTeamGoal ?? teamsGoal ?? ownGoal;
}

/**
 * The parents offered: the suggested one and its way up to the theme, then the person's own goals
 * and their team's, then the company themes; each once, at most MAX_CHOICES besides the first.
 */
export function parentChoices(
  goals: ReadonlyMap<string, Goal>,
  tree: GoalTree,
  me: Me,
  suggested: string | null,
): string[] {
  const choices = new Set<string>(suggested === null ? [] : pathToRoot(tree, suggested));
  const limit = choices.size + MAX_CHOICES;
  const add = (id: string) => {
    if (choices.size < limit) choices.add(id);
  };
  for (const id of tree.parent.keys()) {
    const goal = goals.get(id);
    if (goal && (goal.ownerId === me.id || (me.teamId !== null && goal.teamId === me.teamId))) {
      add(id);
    }
  }
  for (const id of tree.roots) add(id);
  return [...choices];
}

/** The level suggested under a parent: one down from it (a theme at the top). */
export function levelUnder(parent: Goal | null, myTeamId: string | null): GoalLevel {
  if (parent === null) return 'company';
  return parent.level === 'company' && myTeamId !== null ? 'team' : 'person';
}

export interface NewGoalChoice {
  title: string;
  parentId: string | null;
  level: GoalLevel;
  ownerId: string | null;
}

export type NewGoalRefusal = 'untitled' | 'forbidden';

/**
 * The goal to write, or why not: never an untitled one, nor one this person may not write (the
 * server would refuse it, GOAL16). The team is the owner's, for a team or personal goal.
 */
export function newGoalFrom(
  choice: NewGoalChoice,
  actor: Actor,
  teamOf: (personId: string | null) => string | null,
): { ok: true; goal: NewGoal } | { ok: false; reason: NewGoalRefusal } {
  const title = choice.title.trim();
  if (title === '') return { ok: false, reason: 'untitled' };
  const teamId = choice.level === 'company' ? null : teamOf(choice.ownerId);
  const goal: NewGoal = {
    title,
    level: choice.level,
    ownerId: choice.ownerId,
    teamId,
    parentId: choice.parentId,
  };
  if (!mayEditGoal(actor, { level: goal.level, ownerId: goal.ownerId, teamId })) {
    return { ok: false, reason: 'forbidden' };
  }
  return { ok: true, goal };
}
