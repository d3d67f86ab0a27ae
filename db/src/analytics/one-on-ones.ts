// The 1:1 dashboard (ANA16–ANA19, ANA7–ANA9) from the 1:1 projection, scoped by the series'
// employee (ANA1–ANA3, ANA6): cadence kept by team and by manager, meetings per week, action
// items, and mood as weekly team medians of five people or more, the rule applied in SQL.
// Counts and aggregates only: no text of any 1:1 is read (ANA19).
import { cadenceKept } from '@threadline/domain/analytics/one-on-ones';
import { MIN_GROUP_SIZE } from '@threadline/domain/analytics/privacy';
import type { Cadence } from '@threadline/domain/one-on-ones/model';
import type { Queryable } from '../connection.ts';
import { byGroupName } from './goals.ts';
import type { AnalyticsContext } from './scope.ts';

export interface CadenceRow {
  group: string;
  kept: number;
  total: number;
}

export interface WeekCount {
  week: string;
  count: number;
}

export interface ActionWeek {
  week: string;
  opened: number;
  done: number;
}

export interface MoodPoint {
  week: string;
  group: string;
  people: number;
  /** ANA7, ANA8: null when fewer than five people gave a mood that week. */
  median: number | null;
}

export interface MySeries {
  seriesId: string;
  managerName: string;
  cadence: Cadence;
  lastHeld: string | null;
  kept: boolean;
  meetings: number;
}

export interface OneOnOnesDashboard {
  /** Running series in scope (ANA29: none means the section is empty). */
  series: number;
  /** Whether the 1:1 projection holds anything for them yet. */
  projected: boolean;
  byTeam: CadenceRow[];
  byManager: CadenceRow[];
  meetingsPerWeek: WeekCount[];
  actions: { weeks: ActionWeek[]; open: number; overdue: number };
  mood: MoodPoint[];
  /** ANA3: the personal page's own series (as the employee). */
  mine: MySeries[] | null;
}

interface SeriesFact {
  seriesId: string;
  cadence: Cadence;
  startsOn: string;
  lastHeld: string | null;
  meetings: number;
  team: string;
  managerId: string;
  managerName: string;
}

/**
 * ANA2, ANA19: whose 1:1s a scope counts, as the series' employee: for a manager, the people
 * under them (their own 1:1 with their manager is not theirs to analyse); otherwise the scope's.
 */
function employeesOf(ctx: AnalyticsContext): string[] | null {
  if (ctx.scope.kind !== 'tree' || ctx.people === null) return ctx.people;
  const managerId = ctx.scope.managerId;
  return ctx.people.filter((id) => id !== managerId);
}

/** Running series in scope with their last meeting held (before the range's end). */
async function seriesFacts(db: Queryable, ctx: AnalyticsContext): Promise<SeriesFact[]> {
  const { rows } = await db.query<SeriesFact>(
    `SELECT s.id AS "seriesId", s.cadence, to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn",
            to_char(m.last_held, 'YYYY-MM-DD') AS "lastHeld", COALESCE(m.meetings, 0)::int AS meetings,
            COALESCE(grp.name, 'No team') AS team, mgr.id AS "managerId",
            mgr.name AS "managerName"
       FROM one_on_one_series s
       JOIN people e ON e.organisation_id = s.organisation_id AND e.id = s.employee_id
       JOIN people mgr ON mgr.organisation_id = s.organisation_id AND mgr.id = s.manager_id
       LEFT JOIN unnest($5::uuid[], $6::text[]) AS grp (team_id, name) ON grp.team_id = e.team_id
       LEFT JOIN LATERAL (
         SELECT max(a.date) FILTER (WHERE a.date <= $4::date) AS last_held,
                count(*) FILTER (WHERE a.date BETWEEN $3::date AND $4::date) AS meetings
           FROM one_on_one_meeting_analytics a
          WHERE a.organisation_id = s.organisation_id AND a.series_id = s.id AND NOT a.cancelled
       ) m ON true
      WHERE s.organisation_id = $1 AND s.ended_at IS NULL
        AND ($2::uuid[] IS NULL OR s.employee_id = ANY($2::uuid[]))`,
    [
      ctx.organisationId,
      employeesOf(ctx),
      ctx.filters.from,
      ctx.filters.to,
      ctx.groups.teamIds,
      ctx.groups.names,
    ],
  );
  return rows;
}

function cadenceBy(
  facts: readonly SeriesFact[],
  key: (fact: SeriesFact) => string,
  label: (fact: SeriesFact) => string,
  today: string,
) {
  const groups = new Map<string, SeriesFact[]>();
  for (const fact of facts) {
    const list = groups.get(key(fact)) ?? [];
    list.push(fact);
    groups.set(key(fact), list);
  }
  return [...groups.values()].map((list): CadenceRow => {
    const { kept, total } = cadenceKept(list, today);
    return { group: label(list[0]!), kept, total };
  });
}

/** ANA17: held meetings per week of the range, for series whose employee is in scope. */
async function meetingsPerWeek(db: Queryable, ctx: AnalyticsContext): Promise<WeekCount[]> {
  const { rows } = await db.query<WeekCount>(
    `SELECT to_char(date_trunc('week', a.date::timestamp), 'YYYY-MM-DD') AS week, count(*)::int AS count
       FROM one_on_one_meeting_analytics a
       JOIN one_on_one_series s ON s.organisation_id = a.organisation_id AND s.id = a.series_id
      WHERE a.organisation_id = $1 AND a.date BETWEEN $3::date AND $4::date AND NOT a.cancelled
        AND ($2::uuid[] IS NULL OR s.employee_id = ANY($2::uuid[]))
      GROUP BY 1 ORDER BY 1`,
    [ctx.organisationId, employeesOf(ctx), ctx.filters.from, ctx.filters.to],
  );
  return rows;
}

/** ANA18: action items opened and done per week, and those open or overdue at the range's end. */
async function actions(db: Queryable, ctx: AnalyticsContext) {
  const params = [ctx.organisationId, employeesOf(ctx), ctx.filters.from, ctx.filters.to];
  const scoped = `
       FROM one_on_one_action_analytics a
       JOIN one_on_one_series s ON s.organisation_id = a.organisation_id AND s.id = a.series_id
      WHERE a.organisation_id = $1 AND NOT a.deleted
        AND ($2::uuid[] IS NULL OR s.employee_id = ANY($2::uuid[]))`;
  const [weeks, totals] = await Promise.all([
    db.query<ActionWeek>(
      `WITH opened AS (
         SELECT date_trunc('week', a.raised_on::timestamp) AS week, count(*)::int AS n ${scoped}
            AND a.raised_on BETWEEN $3::date AND $4::date GROUP BY 1
       ), done AS (
         SELECT date_trunc('week', a.done_at AT TIME ZONE 'UTC') AS week, count(*)::int AS n
          ${scoped} AND a.done AND (a.done_at AT TIME ZONE 'UTC')::date BETWEEN $3::date AND $4::date
          GROUP BY 1
       )
       SELECT to_char(COALESCE(o.week, d.week), 'YYYY-MM-DD') AS week,
              COALESCE(o.n, 0) AS opened, COALESCE(d.n, 0) AS done
         FROM opened o FULL JOIN done d ON d.week = o.week
        ORDER BY 1`,
      params,
    ),
    db.query<{ open: number; overdue: number }>(
      `SELECT count(*) FILTER (WHERE a.raised_on <= $4::date AND (NOT a.done OR
                (a.done_at AT TIME ZONE 'UTC')::date > $4::date))::int AS open,
              count(*) FILTER (WHERE a.raised_on <= $4::date AND a.due_date < $4::date
                AND (NOT a.done OR (a.done_at AT TIME ZONE 'UTC')::date > $4::date))::int AS overdue
         ${scoped} AND $3::date IS NOT NULL`,
      params,
    ),
  ]);
  return { weeks: weeks.rows, ...totals.rows[0]! };
}

/**
 * ANA7–ANA9: each team group's weekly median mood, a person counting once (their own median that
 * week), and the whole scope's as "Everyone"; a week of fewer than five people has no median.
 * The rule is applied here, in SQL, so no small group's value ever leaves the database.
 */
async function mood(db: Queryable, ctx: AnalyticsContext): Promise<MoodPoint[]> {
  const { rows } = await db.query<MoodPoint>(
    `WITH per_person AS (
       SELECT date_trunc('week', m.at AT TIME ZONE 'UTC') AS week,
              COALESCE(grp.name, 'No team') AS grp, m.employee_id,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY m.value) AS value
         FROM one_on_one_mood_analytics m
         JOIN people e ON e.organisation_id = m.organisation_id AND e.id = m.employee_id
         LEFT JOIN unnest($5::uuid[], $6::text[]) AS grp (team_id, name) ON grp.team_id = e.team_id
        WHERE m.organisation_id = $1
          AND m.at >= ($3::date::timestamp AT TIME ZONE 'UTC')
          AND m.at < (($4::date + 1)::timestamp AT TIME ZONE 'UTC')
          AND ($2::uuid[] IS NULL OR m.employee_id = ANY($2::uuid[]))
        GROUP BY 1, 2, 3
     ), per_group AS (
       SELECT week, grp, count(*)::int AS people,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median
         FROM per_person GROUP BY 1, 2
       UNION ALL
       SELECT week, NULL, count(*)::int, percentile_cont(0.5) WITHIN GROUP (ORDER BY value)
         FROM per_person GROUP BY 1
     )
     SELECT to_char(week, 'YYYY-MM-DD') AS week, COALESCE(grp, 'Everyone') AS "group", people,
            CASE WHEN people >= $7 THEN median END AS median
       FROM per_group ORDER BY 1, grp NULLS FIRST`,
    [
      ctx.organisationId,
      employeesOf(ctx),
      ctx.filters.from,
      ctx.filters.to,
      ctx.groups.teamIds,
      ctx.groups.names,
      MIN_GROUP_SIZE,
    ],
  );
  return rows.map((row) => ({ ...row, median: row.median === null ? null : Number(row.median) }));
}

export async function oneOnOnesDashboard(
  db: Queryable,
  ctx: AnalyticsContext,
): Promise<OneOnOnesDashboard> {
  const personal = ctx.scope.kind === 'personal';
  const [facts, weeks, actionFacts, moods] = await Promise.all([
    seriesFacts(db, ctx),
    meetingsPerWeek(db, ctx),
    actions(db, ctx),
    // ANA8: a person's own mood is never shown as analytics, not even to them.
    personal ? Promise.resolve([]) : mood(db, ctx),
  ]);
  const day = ctx.filters.to;
  return {
    series: facts.length,
    projected: facts.some((fact) => fact.lastHeld !== null) || weeks.length > 0,
    byTeam: cadenceBy(
      facts,
      (fact) => fact.team,
      (fact) => fact.team,
      day,
    ).sort((a, b) => byGroupName(a.group, b.group)),
    // The managers who keep their cadence least first, where follow-up helps most.
    byManager: cadenceBy(
      facts,
      (fact) => fact.managerId,
      (fact) => fact.managerName,
      day,
    ).sort((a, b) => a.kept / a.total - b.kept / b.total || a.group.localeCompare(b.group)),
    meetingsPerWeek: weeks,
    actions: actionFacts,
    mood: moods,
    mine: personal
      ? facts.map((fact) => ({
          seriesId: fact.seriesId,
          managerName: fact.managerName,
          cadence: fact.cadence,
          lastHeld: fact.lastHeld,
          kept: cadenceKept([fact], day).kept === 1,
          meetings: fact.meetings,
        }))
      : null,
  };
}
