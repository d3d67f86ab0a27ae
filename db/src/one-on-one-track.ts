// The Track section of a 1:1 (ONE21): the employee's goals as the server's projection holds them
// (goal_analytics, SYNC24), so the page never needs the whole goal tree to show or check them in.
// Scoped by organisation; only cycles that are not closed, live goals (not deleted or dropped).
import type { Queryable } from './connection.ts';

export interface TrackGoal {
  id: string;
  cycleId: string;
  title: string;
  state: string;
  metricKind: string;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string | null;
  direction: 'increasing' | 'decreasing';
  progress: number | null;
  health: 'green' | 'yellow' | 'red' | null;
  stale: boolean;
  startDate: string | null;
  dueDate: string | null;
  lastProgressAt: string | null;
  /** The cycle's days: a goal without dates of its own is judged over them (GOAL12). */
  cycle: { startsOn: string; endsOn: string };
}

interface Row {
  goal_id: string;
  cycle_id: string;
  title: string;
  state: string;
  metric_kind: string;
  metric_start: number | null;
  metric_target: number | null;
  metric_current: number | null;
  metric_unit: string | null;
  direction: 'increasing' | 'decreasing';
  progress: number | null;
  health: 'green' | 'yellow' | 'red' | null;
  stale: boolean;
  start_date: string | null;
  due_date: string | null;
  last_progress_at: Date | null;
  cycle_starts_on: string;
  cycle_ends_on: string;
}

/** The employee's own goals in the organisation's open cycles: active first, then by title. */
export async function trackGoals(
  db: Queryable,
  organisationId: string,
  employeeId: string,
): Promise<TrackGoal[]> {
  const { rows } = await db.query<Row>(
    `SELECT g.goal_id, g.cycle_id, g.title, g.state, g.metric_kind, g.metric_start,
            g.metric_target, g.metric_current, g.metric_unit, g.direction, g.progress, g.health,
            g.stale, to_char(g.start_date, 'YYYY-MM-DD') AS start_date,
            to_char(g.due_date, 'YYYY-MM-DD') AS due_date, g.last_progress_at,
            to_char(c.starts_on, 'YYYY-MM-DD') AS cycle_starts_on,
            to_char(c.ends_on, 'YYYY-MM-DD') AS cycle_ends_on
       FROM goal_analytics g
       JOIN cycles c ON c.organisation_id = g.organisation_id AND c.id = g.cycle_id
      WHERE g.organisation_id = $1 AND g.owner_id = $2 AND NOT g.deleted
        AND g.state IN ('active', 'proposed', 'draft', 'done') AND c.status <> 'closed'
      ORDER BY g.state <> 'active', g.state = 'done', g.title, g.goal_id`,
    [organisationId, employeeId],
  );
  return rows.map((row) => ({
    id: row.goal_id,
    cycleId: row.cycle_id,
    title: row.title,
    state: row.state,
    metricKind: row.metric_kind,
    start: row.metric_start,
    target: row.metric_target,
    current: row.metric_current,
    unit: row.metric_unit,
    direction: row.direction,
    progress: row.progress,
    health: row.health,
    stale: row.stale,
    startDate: row.start_date,
    dueDate: row.due_date,
    lastProgressAt: row.last_progress_at?.toISOString() ?? null,
    cycle: { startsOn: row.cycle_starts_on, endsOn: row.cycle_ends_on },
  }));
}
