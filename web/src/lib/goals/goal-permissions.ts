// What the signed-in person may do with a goal, for the UI to show read-only what the server
// would refuse anyway (GOAL16, GOAL17). New goals get defaults that person may write.
import type { NewGoal } from '@threadline/domain/goals/edits';
import type { Goal, GoalLevel, GoalState } from '@threadline/domain/goals/model';
import { mayApproveGoal, mayEditGoal, type Actor } from '@threadline/domain/goals/permissions';

/** Whether this person may set company themes (add goals at the top of the tree). */
export function mayAddTheme(actor: Actor): boolean {
  return actor.isAdmin || actor.isLeader;
}

/**
 * The states a person may pick for a goal they may edit. Making a goal active from draft, proposed
 * or dropped is an approval (GOAL17), offered only to those who may approve; done → active only
 * reopens it.
 */
export function stateChoices(actor: Actor, goal: Goal): GoalState[] {
  const canApprove = mayApproveGoal(actor, goal);
  const states: GoalState[] = ['draft', 'proposed', 'active', 'done', 'dropped'];
  return states.filter(
    (state) => state !== 'active' || goal.state === 'active' || goal.state === 'done' || canApprove,
  );
}

/** Approve is offered on a proposed goal to whoever may approve it (the owner's manager, admins). */
export function mayApprove(actor: Actor, goal: Goal): boolean {
  return goal.state === 'proposed' && mayApproveGoal(actor, goal);
}

export function mayEdit(actor: Actor, goal: Goal): boolean {
  return mayEditGoal(actor, goal);
}

/**
 * Defaults for a goal added under `parent` (null: a company theme): one level down from the
 * parent, owned by the person adding it, in their team. Null when they may not add it there.
 */
export function newGoalDefaults(
  actor: Actor,
  parent: Goal | null,
  myTeamId: string | null,
): NewGoal | null {
  const level: GoalLevel =
    parent === null ? 'company' : parent.level === 'company' && myTeamId ? 'team' : 'person';
  const goal: NewGoal = {
    title: '',
    level,
    ownerId: actor.personId,
    teamId: level === 'company' ? null : myTeamId,
    parentId: parent?.id ?? null,
  };
  return mayEditGoal(actor, { level, ownerId: goal.ownerId, teamId: goal.teamId ?? null })
    ? goal
    : null;
}
