// Who a person is, for the goal-tree edit rules (GOAL16, GOAL17): admin or not, leader or not,
// their team and everyone below them in the reporting lines. Read from the organisation's tables
// (one query) and cached by the server until its people change (SYNC21).
//
// Whether they lead is the domain's rule (GOAL26), fed from the same query (SYNC22); the web app
// applies it to the page's directory, so both agree on what is read-only.
import type { Queryable, SessionPerson } from '@threadline/db';
import { isLeader } from '@threadline/domain/goals/leaders';
import type { Actor } from '@threadline/domain/goals/permissions';

interface ActorRow {
  role: string;
  team_id: string | null;
  manager_id: string | null;
  manager_has_manager: boolean | null;
  reports: { id: string; depth: number }[] | null;
}

/** Reporting lines are kept acyclic (ORG rules); the depth cap only bounds a broken row. */
const MAX_DEPTH = 64;

export async function loadGoalActor(db: Queryable, person: SessionPerson): Promise<Actor> {
  const { rows } = await db.query<ActorRow>(
    `WITH RECURSIVE below AS (
       SELECT id, 1 AS depth FROM people WHERE organisation_id = $1 AND manager_id = $2
       UNION ALL
       SELECT p.id, b.depth + 1 FROM people p JOIN below b ON p.manager_id = b.id
        WHERE p.organisation_id = $1 AND b.depth < $3
     )
     SELECT me.role, me.team_id, me.manager_id,
            (SELECT m.manager_id IS NOT NULL FROM people m
              WHERE m.organisation_id = $1 AND m.id = me.manager_id) AS manager_has_manager,
            (SELECT json_agg(json_build_object('id', id, 'depth', depth)) FROM below) AS reports
       FROM people me
      WHERE me.organisation_id = $1 AND me.id = $2`,
    [person.organisationId, person.id, MAX_DEPTH],
  );
  const row = rows[0];
  const reports = row?.reports ?? [];
  const reportIds = new Set(reports.map((report) => report.id));
  const directReportIds = new Set(reports.filter((r) => r.depth === 1).map((r) => r.id));
  return {
    personId: person.id,
    isAdmin: row?.role === 'admin',
    isLeader:
      row !== undefined &&
      isLeader({
        hasManager: row.manager_id !== null,
        managerHasManager: row.manager_has_manager,
        directReportCount: directReportIds.size,
      }),
    teamIds: new Set(row?.team_id ? [row.team_id] : []),
    reportIds,
    directReportIds,
  };
}
