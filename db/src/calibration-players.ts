// What the board's player cards show of each person calibrated (PRODUCT §3, CAL42): who they are,
// where they sit in the organisation, how long they have been here, and their goal achievement
// for the session's cycle from the goal tree's projection, check-in regularity from the 1:1
// projection (CAL59) and development-plan progress (CAL60). Read only for people who may open the
// board (its page checks the document's access first). Scoped by organisation_id.
import type { Regularity } from '@threadline/domain/calibration/regularity';
import { listCheckInRegularity } from './calibration-check-ins.ts';
import type { Queryable } from './connection.ts';

export interface Player {
  id: string;
  name: string;
  title: string;
  managerId: string | null;
  managerName: string | null;
  teamName: string | null;
  /** The department the person's team sits in (the team itself when it is one). */
  departmentName: string | null;
  location: 'remote' | 'office' | 'hybrid';
  hireDate: string | null;
  /** Mean progress (0–1) of the person's active and done goals in the cycle; null: none. */
  goalAchievement: number | null;
  goalCount: number;
  /** The person's job level ('' when none): the group gaps read it (CAL56). */
  jobLevel: string;
  /** CAL59: 1:1s kept of those due in the cycle; null: nothing due ("No data"). */
  checkIns: Regularity | null;
  /** CAL60: development items done of all; null: no development plan ("No data"). */
  developmentPlan: { done: number; total: number } | null;
}

/** A player as the board's signals and analytics read them: everything but check-ins. */
export type PlayerFacts = Omit<Player, 'checkIns'>;

const todayUtc = () => new Date().toISOString().slice(0, 10);

export async function listPlayers(
  db: Queryable,
  organisationId: string,
  sessionId: string,
  cycleId: string,
  today: string = todayUtc(),
): Promise<Player[]> {
  const [players, regularity] = await Promise.all([
    listPlayerFacts(db, organisationId, sessionId, cycleId),
    listCheckInRegularity(db, organisationId, sessionId, cycleId, today),
  ]);
  return players.map((player) => ({ ...player, checkIns: regularity.get(player.id) ?? null }));
}

/** The session's players without their check-in regularity (the signals do not read it). */
export async function listPlayerFacts(
  db: Queryable,
  organisationId: string,
  sessionId: string,
  cycleId: string,
): Promise<PlayerFacts[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    title: string;
    manager_id: string | null;
    manager_name: string | null;
    team_name: string | null;
    department_name: string | null;
    location: Player['location'];
    hire_date: string | null;
    achievement: number | null;
    goal_count: number;
    job_level: string;
    items: number;
    items_done: number;
  }>(
    `SELECT p.id, p.name, p.title, m.id AS manager_id, m.name AS manager_name,
            t.name AS team_name,
            CASE WHEN t.kind = 'department' THEN t.name ELSE d.name END AS department_name,
            p.location, to_char(p.hire_date, 'YYYY-MM-DD') AS hire_date,
            g.achievement, COALESCE(g.goals, 0) AS goal_count, p.job_level,
            COALESCE(di.items, 0)::int AS items, COALESCE(di.done, 0)::int AS items_done
       FROM calibration_population pop
       JOIN people p ON p.organisation_id = pop.organisation_id AND p.id = pop.person_id
       LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
       LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
       LEFT JOIN teams d ON d.organisation_id = t.organisation_id AND d.id = t.parent_id
       LEFT JOIN goal_achievement g
         ON g.organisation_id = p.organisation_id AND g.cycle_id = $3 AND g.person_id = p.id
       LEFT JOIN LATERAL (
         SELECT count(*) AS items, count(*) FILTER (WHERE i.status = 'done') AS done
           FROM development_items i
          WHERE i.organisation_id = p.organisation_id AND i.person_id = p.id) di ON true
      WHERE pop.organisation_id = $1 AND pop.session_id = $2
      ORDER BY lower(p.name), p.id`,
    [organisationId, sessionId, cycleId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    title: row.title,
    managerId: row.manager_id,
    managerName: row.manager_name,
    teamName: row.team_name,
    departmentName: row.department_name,
    location: row.location,
    hireDate: row.hire_date,
    goalAchievement: row.achievement === null ? null : Number(row.achievement),
    goalCount: row.goal_count,
    jobLevel: row.job_level,
    developmentPlan: row.items === 0 ? null : { done: row.items_done, total: row.items },
  }));
}
