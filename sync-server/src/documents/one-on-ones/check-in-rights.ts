// Who may check in which goal from a 1:1 (ONE19): the sender's rights in the goal tree, and the
// series employee's goals as the projection (`goal_analytics`) knows them — reloaded at least
// every 15 seconds with the agenda's actor. A goal added since is not there yet, so an update
// checking one in is judged again with this loaded anew for the goals it names (ONE52), read
// from their goal trees as this node holds them live: the authority the projection lags behind.
import type { Queryable, SessionPerson } from '@threadline/db';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { readGoalMap } from '@threadline/domain/goals/document';
import type { GoalLevel } from '@threadline/domain/goals/model';
import { goalMap } from '@threadline/domain/goals/shape';
import { isUuid } from '@threadline/domain/ids';
import type { CheckInRights, GoalScope } from '@threadline/domain/one-on-ones/check-ins';
import type { GoalRef } from '@threadline/domain/one-on-ones/update-check';
import type { ActorContext } from '../document-kind.ts';
import { loadGoalActor } from '../goals/actor.ts';

/** ONE19: the sender's goal rights and the employee's goals in cycles that are not closed; with
 *  a hint of goals the projection lacked (ONE52), those goals as their goal trees hold them. */
export async function loadCheckInRights(
  db: Queryable,
  person: SessionPerson,
  employeeId: string,
  context?: ActorContext,
): Promise<CheckInRights> {
  const [goalActor, { rows }] = await Promise.all([
    loadGoalActor(db, person),
    db.query<{
      goal_id: string;
      level: GoalLevel;
      owner_id: string | null;
      team_id: string | null;
      cycle_id: string;
    }>(
      `SELECT g.goal_id, g.level, g.owner_id, g.team_id, g.cycle_id
         FROM goal_analytics g
         JOIN cycles c ON c.organisation_id = g.organisation_id AND c.id = g.cycle_id
        WHERE g.organisation_id = $1 AND g.owner_id = $2 AND NOT g.deleted
          AND c.status <> 'closed'`,
      [person.organisationId, employeeId],
    ),
  ]);
  const goals = new Map<string, GoalScope>();
  for (const row of rows) {
    goals.set(row.goal_id, {
      level: row.level,
      ownerId: row.owner_id,
      teamId: row.team_id,
      cycleId: row.cycle_id,
    });
  }
  const unknown = goalRefsOf(context?.hint).filter((ref) => !goals.has(ref.goalId));
  if (context && unknown.length > 0) {
    for (const [goalId, scope] of await liveGoals(db, person.organisationId, unknown, context)) {
      if (scope.ownerId === employeeId) goals.set(goalId, scope);
    }
  }
  return { goalActor, goals };
}

/** The most goals one recheck looks up (a client names them: it may not make the server read a
 *  whole tree's worth). */
const MAX_RECHECKED_GOALS = 20;

/** A recheck's hint as goal references (ONE52), whatever the client put in its update. */
function goalRefsOf(hint: unknown): GoalRef[] {
  if (!Array.isArray(hint)) return [];
  return hint
    .filter(
      (ref): ref is GoalRef =>
        typeof ref === 'object' &&
        ref !== null &&
        isUuid((ref as GoalRef).goalId) &&
        isUuid((ref as GoalRef).cycleId),
    )
    .slice(0, MAX_RECHECKED_GOALS);
}

/**
 * ONE52: goals the projection does not know yet (added seconds ago), read from their goal trees
 * as this node holds them live — the authority the projection lags behind — in the
 * organisation's cycles that are not closed. A goal missing or deleted there is left out.
 */
async function liveGoals(
  db: Queryable,
  organisationId: string,
  refs: readonly GoalRef[],
  context: ActorContext,
): Promise<Map<string, GoalScope>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM cycles WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND status <> 'closed'`,
    [organisationId, [...new Set(refs.map((ref) => ref.cycleId))]],
  );
  const found = new Map<string, GoalScope>();
  for (const { id: cycleId } of rows) {
    const wanted = refs.filter((ref) => ref.cycleId === cycleId).map((ref) => ref.goalId);
    const key = { organisationId, name: formatDocumentName({ kind: 'goals', cycleId }) };
    await context.read(key, (doc) => {
      for (const goalId of wanted) {
        const map = goalMap(doc, goalId);
        if (!map) continue;
        const goal = readGoalMap(goalId, map);
        if (goal.deleted) continue;
        found.set(goalId, {
          level: goal.level,
          ownerId: goal.ownerId,
          teamId: goal.teamId,
          cycleId,
        });
      }
    });
  }
  return found;
}
