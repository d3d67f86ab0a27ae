// Who is looking and what they may see (ANA1–ANA6, ANA27): the context every section's query
// takes. The people in scope are worked out here, in SQL, once per request; each section then
// filters its rows by them in its own query, so nothing outside the scope leaves the database.
import {
  analyticsScopeOf,
  type AnalyticsScope,
  type AnalyticsViewer,
} from '@threadline/domain/analytics/scope';
import type { AnalyticsFilters } from '@threadline/domain/analytics/filters';
import { teamAndBelow, teamGrouping, type TeamNode } from '@threadline/domain/analytics/teams';
import type { Queryable } from '../connection.ts';

export interface CycleOption {
  id: string;
  name: string;
  status: 'planned' | 'active' | 'closed';
  startsOn: string;
  endsOn: string;
}

export interface AnalyticsContext {
  organisationId: string;
  viewer: AnalyticsViewer;
  scope: AnalyticsScope;
  /** ANA6: the people of the scope, narrowed by the team filter; null: the whole organisation. */
  people: string[] | null;
  /** The people of the team filter alone (calibration is scoped by session, ANA4); null: none. */
  teamPeople: string[] | null;
  /**
   * ANA31: the scope as the roll-ups' keys read it: the employees of the 1:1s in scope are those
   * whose manager is in `managers` (a manager's whole reporting tree, themselves included: ANA2)
   * and whose team is in `teams` (the team filter's team and everything under it: ANA6); null
   * where the scope sets no bound. Unused on a personal page, which reads one person's rows.
   */
  keys: { managers: string[] | null; teams: string[] | null };
  filters: AnalyticsFilters & { cycleId: string | null };
  teams: TeamNode[];
  cycles: CycleOption[];
  /** ANA12: each team's group name, as arrays the queries join on (team id → group). */
  groups: { teamIds: string[]; names: string[] };
  today: string;
}

/** The signed-in person's role, whether they are the CEO, and how many report to them. */
export async function loadViewer(
  db: Queryable,
  organisationId: string,
  personId: string,
): Promise<(AnalyticsViewer & { teamId: string | null }) | null> {
  const { rows } = await db.query<{
    role: 'admin' | 'member';
    top: boolean;
    reports: number;
    team_id: string | null;
  }>(
    `SELECT p.role, (p.manager_id IS NULL AND p.status = 'active') AS top, p.team_id,
            (SELECT count(*)::int FROM people r
              WHERE r.organisation_id = p.organisation_id AND r.manager_id = p.id) AS reports
       FROM people p
      WHERE p.organisation_id = $1 AND p.id = $2`,
    [organisationId, personId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: personId,
    role: row.role,
    isTopOfOrganisation: row.top,
    directReports: row.reports,
    teamId: row.team_id,
  };
}

/**
 * The people a scope and a team filter leave (ANA2, ANA3, ANA6): a manager's reporting tree
 * (themselves included), one person, or the people of a team and every team under it.
 */
async function peopleIn(
  db: Queryable,
  organisationId: string,
  scope: AnalyticsScope,
  teamId: string | null,
): Promise<{ people: string[] | null; tree: string[] | null }> {
  if (scope.kind === 'personal') return { people: [scope.personId], tree: null };
  const managerId = scope.kind === 'tree' ? scope.managerId : null;
  if (managerId === null && teamId === null) return { people: null, tree: null };
  // The tree whole (`in_team` says who the team filter keeps): the roll-ups' keys need it.
  const { rows } = await db.query<{ id: string; in_team: boolean }>(
    `WITH RECURSIVE tree AS (
       SELECT id FROM people WHERE organisation_id = $1 AND id = $2
       UNION
       SELECT p.id FROM people p JOIN tree t ON p.manager_id = t.id WHERE p.organisation_id = $1
     ), below AS (
       SELECT id FROM teams WHERE organisation_id = $1 AND id = $3
       UNION
       SELECT t.id FROM teams t JOIN below b ON t.parent_id = b.id WHERE t.organisation_id = $1
     )
     SELECT p.id, ($3::uuid IS NULL OR p.team_id IN (SELECT id FROM below)) AS in_team
       FROM people p
      WHERE p.organisation_id = $1
        AND ($2::uuid IS NULL OR p.id IN (SELECT id FROM tree))
        AND ($2::uuid IS NOT NULL OR p.team_id IN (SELECT id FROM below))`,
    [organisationId, managerId, teamId],
  );
  return {
    people: rows.filter((row) => row.in_team).map((row) => row.id),
    tree: managerId === null ? null : rows.map((row) => row.id),
  };
}

/**
 * Everything a dashboard request needs: the viewer and their scope (ANA1–ANA3), the filters with
 * the cycle defaulted to the active one (ANA27), the people they leave (ANA6) and the team groups
 * (ANA12). Null when the person is not in the organisation.
 */
export async function loadAnalyticsContext(
  db: Queryable,
  organisationId: string,
  personId: string,
  filters: AnalyticsFilters,
  today: string,
): Promise<AnalyticsContext | null> {
  const [viewer, teams, cycles] = await Promise.all([
    loadViewer(db, organisationId, personId),
    db.query<TeamNode>(
      `SELECT id, parent_id AS "parentId", name FROM teams WHERE organisation_id = $1
        ORDER BY lower(name)`,
      [organisationId],
    ),
    db.query<CycleOption>(
      `SELECT id, name, status, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
         FROM cycles WHERE organisation_id = $1 ORDER BY starts_on DESC`,
      [organisationId],
    ),
  ]);
  if (!viewer) return null;
  const scope = analyticsScopeOf(viewer);
  const teamId =
    filters.teamId !== null && teams.rows.some((team) => team.id === filters.teamId)
      ? filters.teamId
      : null;
  const cycleId =
    filters.cycleId !== null && cycles.rows.some((cycle) => cycle.id === filters.cycleId)
      ? filters.cycleId
      : (cycles.rows.find((cycle) => cycle.status === 'active')?.id ?? cycles.rows[0]?.id ?? null);
  const [inScope, teamPeople] = await Promise.all([
    peopleIn(db, organisationId, scope, teamId),
    teamId === null
      ? Promise.resolve(null)
      : peopleIn(db, organisationId, { kind: 'organisation' }, teamId).then(
          (found) => found.people,
        ),
  ]);
  // ANA12: a manager's charts group by the teams under their own, unless a team is chosen.
  const groupOf = teamGrouping(
    teams.rows,
    teamId ?? (scope.kind === 'tree' ? viewer.teamId : null),
  );
  const { teamId: _ownTeam, ...analyticsViewer } = viewer;
  return {
    organisationId,
    viewer: analyticsViewer,
    scope,
    people: inScope.people,
    teamPeople,
    keys: {
      managers: inScope.tree,
      teams: teamId === null ? null : [...teamAndBelow(teams.rows, teamId)],
    },
    filters: { ...filters, teamId, cycleId },
    teams: teams.rows,
    cycles: cycles.rows,
    groups: {
      teamIds: teams.rows.map((team) => team.id),
      names: teams.rows.map((team) => groupOf(team.id)),
    },
    today,
  };
}
