// What the 1:1 list shows a person (ONE1, ONE13): their series as manager and as employee with the
// next meeting's day, whether the series is overdue and its open action items (both from the
// analytics tables the sync server projects), ended series apart, and whom they may start a
// series with. Parameterised queries, each scoped by organisation.
import type { Queryable, SessionPerson } from '@threadline/db';
import { seriesOf } from '@threadline/db/one-on-ones';
import { isSeriesOverdue, nextScheduledDay } from '@threadline/domain/one-on-ones/cadence';
import type { SeriesList, SeriesSummary, StartCandidate } from './series-list.ts';

interface SeriesFacts {
  /** Every series the projection has written, with its last meeting held (null: none yet). A
   *  series not in it has not been projected (seeded, never opened since): unknown, not overdue. */
  lastHeld: Map<string, string | null>;
  openActions: Map<string, { open: number; overdue: number }>;
}

/** The projected facts of the given series; empty when the analytics tables are not there yet. */
async function seriesFacts(
  db: Queryable,
  organisationId: string,
  seriesIds: string[],
  today: string,
): Promise<SeriesFacts | null> {
  if (seriesIds.length === 0) return { lastHeld: new Map(), openActions: new Map() };
  try {
    const [held, actions] = await Promise.all([
      db.query<{ series_id: string; last_held: string | null }>(
        `SELECT series_id,
                to_char(max(date) FILTER (WHERE NOT cancelled AND date < $3::date), 'YYYY-MM-DD')
                  AS last_held
           FROM one_on_one_meeting_analytics
          WHERE organisation_id = $1 AND series_id = ANY($2::uuid[])
          GROUP BY series_id`,
        [organisationId, seriesIds, today],
      ),
      db.query<{ series_id: string; open: number; overdue: number }>(
        `SELECT series_id, count(*)::int AS open,
                count(*) FILTER (WHERE due_date < $3::date)::int AS overdue
           FROM one_on_one_action_analytics
          WHERE organisation_id = $1 AND series_id = ANY($2::uuid[]) AND NOT done AND NOT deleted
          GROUP BY series_id`,
        [organisationId, seriesIds, today],
      ),
    ]);
    return {
      lastHeld: new Map(held.rows.map((row) => [row.series_id, row.last_held])),
      openActions: new Map(
        actions.rows.map((row) => [row.series_id, { open: row.open, overdue: row.overdue }]),
      ),
    };
  } catch (error) {
    // 42P01: undefined table — a database migrated before the projection existed.
    if ((error as { code?: string }).code === '42P01') return null;
    throw error;
  }
}

export async function loadSeriesList(
  db: Queryable,
  person: SessionPerson,
  today: string,
): Promise<SeriesList> {
  const all = await seriesOf(db, person.organisationId, person.id);
  const facts = await seriesFacts(
    db,
    person.organisationId,
    all.map((s) => s.id),
    today,
  );
  const summaries = all.map((series): SeriesSummary => {
    const myRole = series.managerId === person.id ? 'manager' : 'employee';
    const running = series.endedAt === null;
    const projected = facts !== null && facts.lastHeld.has(series.id);
    const lastHeld = facts?.lastHeld.get(series.id) ?? null;
    const actions = facts?.openActions.get(series.id);
    return {
      ...series,
      myRole,
      other:
        myRole === 'manager'
          ? { id: series.employeeId, name: series.employeeName }
          : { id: series.managerId, name: series.managerName },
      nextDay: running ? nextScheduledDay(series.startsOn, series.cadence, today) : null,
      lastHeld,
      overdue:
        running && projected && isSeriesOverdue(lastHeld, series.startsOn, series.cadence, today),
      openActions: projected ? (actions?.open ?? 0) : null,
      overdueActions: projected ? (actions?.overdue ?? 0) : null,
    };
  });
  const [reports, candidates] = await Promise.all([
    withoutRunningSeries(db, person.organisationId, person.id),
    person.role === 'admin' ? withoutRunningSeries(db, person.organisationId, null) : [],
  ]);
  return {
    running: summaries.filter((s) => s.endedAt === null),
    ended: summaries.filter((s) => s.endedAt !== null),
    reportsWithout: reports.map(({ id, name }) => ({ id, name })),
    candidates,
  };
}

/** Active people with a manager (`managerId`'s reports, or anyone's) and no running series. */
async function withoutRunningSeries(
  db: Queryable,
  organisationId: string,
  managerId: string | null,
): Promise<StartCandidate[]> {
  const { rows } = await db.query<{ id: string; name: string; manager_name: string }>(
    `SELECT p.id, p.name, m.name AS manager_name
       FROM people p
       JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
      WHERE p.organisation_id = $1 AND p.status <> 'deactivated'
        AND ($2::uuid IS NULL OR p.manager_id = $2::uuid)
        AND NOT EXISTS (
          SELECT 1 FROM one_on_one_series s
           WHERE s.organisation_id = p.organisation_id AND s.employee_id = p.id
             AND s.manager_id = p.manager_id AND s.ended_at IS NULL)
      ORDER BY lower(p.name), p.id`,
    [organisationId, managerId],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, managerName: row.manager_name }));
}
