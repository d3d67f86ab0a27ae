// What the signed-in person may do with a goal, for the UI to show read-only what the server
// would refuse anyway (GOAL16, GOAL17). What a new goal may be: new-goal.ts.
import type { Goal, GoalState } from '@threadline/domain/goals/model';
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
