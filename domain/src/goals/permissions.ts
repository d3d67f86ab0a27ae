// Who may edit which goal (GOAL16), who may approve (GOAL17), and the check the server runs on
// every goal an update touched (GOAL3, GOAL16–GOAL18). The caller builds the Actor from the
// organisation's tables; these functions only decide.
import type { CheckIn, Goal, MoveRecord } from './model.ts';

export interface Actor {
  personId: string;
  /** role = admin. */
  isAdmin: boolean;
  /** May set company goals: a leader (GOAL26). */
  isLeader: boolean;
  /** Teams the person belongs to. */
  teamIds: ReadonlySet<string>;
  /** Everyone below the person in the reporting lines, at any depth. */
  reportIds: ReadonlySet<string>;
  /** The person's direct reports only. */
  directReportIds: ReadonlySet<string>;
}

type Scope = Pick<Goal, 'level' | 'ownerId' | 'teamId'>;

/**
 * GOAL16: admins edit every goal; company goals only leaders (and admins); a team or personal goal
 * its owner and the owner's managers up the chain; a team goal also every member of its team.
 */
export function mayEditGoal(actor: Actor, goal: Scope): boolean {
  if (actor.isAdmin) return true;
  if (goal.level === 'company') return actor.isLeader;
  if (goal.ownerId !== null) {
    if (goal.ownerId === actor.personId || actor.reportIds.has(goal.ownerId)) return true;
  }
  return goal.level === 'team' && goal.teamId !== null && actor.teamIds.has(goal.teamId);
}

/**
 * GOAL17: a goal becomes active when the owner's manager approves it (or an admin). Company goals
 * are set top-down, so leaders activate them.
 */
export function mayApproveGoal(actor: Actor, goal: Scope): boolean {
  if (actor.isAdmin) return true;
  if (goal.level === 'company') return actor.isLeader;
  return goal.ownerId !== null && actor.directReportIds.has(goal.ownerId);
}

/** GOAL17: entering `active` from these states is an approval; done → active only reopens. */
function isApproval(before: Goal | null, after: Goal): boolean {
  return after.state === 'active' && before?.state !== 'active' && before?.state !== 'done';
}

export type GoalRefusal = {
  rule: 'GOAL3' | 'GOAL16' | 'GOAL17' | 'GOAL18';
  goalId: string;
  message: string;
};

/**
 * What the server checks for each goal an update touched, given the goal before (null when the
 * update adds it) and after (null when the update removes it). Returns the first rule broken.
 */
export function checkGoalChange(
  actor: Actor,
  goalId: string,
  before: Goal | null,
  after: Goal | null,
): GoalRefusal | null {
  const refuse = (rule: GoalRefusal['rule'], message: string): GoalRefusal => ({
    rule,
    goalId,
    message,
  });
  if (after === null) {
    return before === null
      ? null
      : refuse('GOAL3', 'Goals are never removed, only marked deleted.');
  }
  if (before !== null && !mayEditGoal(actor, before)) {
    return refuse('GOAL16', 'You may not edit this goal.');
  }
  if (!mayEditGoal(actor, after)) {
    return refuse(
      'GOAL16',
      before ? 'You may not hand this goal over there.' : 'You may not add this goal.',
    );
  }
  // An update may carry an approval and a later change of state together (approved, then sent
  // back to proposed before syncing), so the approval fields are judged on their own: whoever
  // records one must be allowed to approve and record themselves.
  const approvalChanged =
    before === null
      ? after.approvedBy !== null || after.approvedAt !== null
      : after.approvedBy !== before.approvedBy || after.approvedAt !== before.approvedAt;
  if (isApproval(before, after) || approvalChanged) {
    if (!mayApproveGoal(actor, after)) {
      return refuse('GOAL17', "Only the owner's manager or an admin can approve this goal.");
    }
    if (after.approvedBy !== actor.personId || after.approvedAt === null) {
      return refuse('GOAL17', 'An approval records who approved and when.');
    }
  }
  if (before && (after.createdBy !== before.createdBy || after.createdAt !== before.createdAt)) {
    return refuse('GOAL3', 'Who created a goal, and when, never changes.');
  }
  if (before && !isSubsequence(before.moves, after.moves)) {
    return refuse('GOAL3', 'The move log is never rewritten.');
  }
  return checkCheckIns(actor, before?.checkIns ?? [], after.checkIns, refuse);
}

/**
 * GOAL3: every earlier move is still in the log, in the same order. Concurrent moves from other
 * replicas may land between them, so this is a subsequence test, not a prefix test.
 */
function isSubsequence(before: readonly MoveRecord[], after: readonly MoveRecord[]): boolean {
  let i = 0;
  for (const move of after) {
    const old = before[i];
    if (
      old &&
      old.parentId === move.parentId &&
      old.clock === move.clock &&
      old.clientId === move.clientId
    ) {
      i++;
    }
  }
  return i === before.length;
}

/** GOAL3, GOAL18: check-ins are never removed or rewritten; new ones are the actor's own. */
function checkCheckIns(
  actor: Actor,
  before: readonly CheckIn[],
  after: readonly CheckIn[],
  refuse: (rule: GoalRefusal['rule'], message: string) => GoalRefusal,
): GoalRefusal | null {
  const afterById = new Map(after.map((checkIn) => [checkIn.id, checkIn]));
  const beforeIds = new Set<string>();
  for (const old of before) {
    beforeIds.add(old.id);
    const now = afterById.get(old.id);
    if (!now) return refuse('GOAL3', 'Check-ins are never removed.');
    if (
      now.value !== old.value ||
      now.at !== old.at ||
      now.by !== old.by ||
      now.progress !== old.progress
    ) {
      return refuse('GOAL3', 'Check-ins are never rewritten.');
    }
  }
  for (const checkIn of after) {
    if (!beforeIds.has(checkIn.id) && checkIn.by !== actor.personId) {
      return refuse('GOAL18', 'A check-in is recorded in the name of the person sending it.');
    }
  }
  return null;
}
