// The 1:1 dashboard (ANA16–ANA19, ANA7–ANA9) from the 1:1 projection, scoped by the series'
// employee (ANA1–ANA3, ANA6): cadence kept by team and by manager, meetings per week, action
// items, and mood as weekly team medians of five people or more, the rule applied in SQL.
// Weekly figures come from the weekly roll-up the projection keeps (ANA31, one_on_one_weeks),
// so a year of a large organisation's 1:1s is not summed per request.
// Counts and aggregates only: no text of any 1:1 is read (ANA19).
import {
  cadenceKept,
  wholeWeeksOf,
  type WholeWeeks,
} from '@threadline/domain/analytics/one-on-ones';
import { MIN_GROUP_SIZE } from '@threadline/domain/analytics/privacy';
import { addDays } from '@threadline/domain/one-on-ones/cadence';
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

/**
 * ANA16: running series in scope with their last meeting held by the range's end (one step down
 * the held-meetings index per series); the meetings held in the range only for a personal page,
 * the one place that shows them per series.
 */
async function seriesFacts(db: Queryable, ctx: AnalyticsContext): Promise<SeriesFact[]> {
  const { rows } = await db.query<SeriesFact>(
    `SELECT s.id AS "seriesId", s.cadence, to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn",
            to_char((SELECT max(a.date) FROM one_on_one_meeting_analytics a
                      WHERE a.organisation_id = s.organisation_id AND a.series_id = s.id
                        AND NOT a.cancelled AND a.date <= $4::date), 'YYYY-MM-DD') AS "lastHeld",
            CASE WHEN $7 THEN
              (SELECT count(*) FROM one_on_one_meeting_analytics a
                WHERE a.organisation_id = s.organisation_id AND a.series_id = s.id
                  AND NOT a.cancelled AND a.date BETWEEN $3::date AND $4::date)
            ELSE 0 END::int AS meetings,
            COALESCE(grp.name, 'No team') AS team, mgr.id AS "managerId",
            mgr.name AS "managerName"
       FROM one_on_one_series s
       JOIN people e ON e.organisation_id = s.organisation_id AND e.id = s.employee_id
       JOIN people mgr ON mgr.organisation_id = s.organisation_id AND mgr.id = s.manager_id
       LEFT JOIN unnest($5::uuid[], $6::text[]) AS grp (team_id, name) ON grp.team_id = e.team_id
      WHERE s.organisation_id = $1 AND s.ended_at IS NULL
        AND ($2::uuid[] IS NULL OR s.employee_id = ANY($2::uuid[]))`,
    [
      ctx.organisationId,
      employeesOf(ctx),
      ctx.filters.from,
      ctx.filters.to,
      ctx.groups.teamIds,
      ctx.groups.names,
      ctx.scope.kind === 'personal',
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

/** One week of the 1:1 dashboard: its counts, and its moods per group ("Everyone" the scope's). */
interface WeekFigures {
  meetings: WeekCount[];
  actions: ActionWeek[];
  mood: MoodPoint[];
}

/**
 * ANA31: the whole weeks of the range, from the weekly roll-up (one_on_one_weeks), scoped by its
 * keys: the employee's manager in the reporting tree (ANA2) and team under the filter (ANA6).
 * Moods (ANA7, ANA8): each group's median read from the summed histograms of its rows, and
 * nothing but the count for fewer than five people, in SQL.
 */
async function rolledUpWeeks(
  db: Queryable,
  ctx: AnalyticsContext,
  weeks: WholeWeeks,
): Promise<WeekFigures> {
  const { rows } = await db.query<{
    week: string;
    group: string | null;
    meetings: number;
    opened: number;
    done: number;
    people: number;
    median: string | null;
  }>(
    `WITH scoped AS (
       SELECT w.week, COALESCE(grp.name, 'No team') AS grp, w.meetings, w.actions_opened,
              w.actions_done, w.mood_people, w.moods
         FROM one_on_one_weeks w
         LEFT JOIN unnest($5::uuid[], $6::text[]) AS grp (team_id, name)
           ON grp.team_id = w.team_id
        WHERE w.organisation_id = $1 AND w.week BETWEEN $2::date AND $3::date
          AND ($4::uuid[] IS NULL OR w.manager_id = ANY($4::uuid[]))
          AND ($7::uuid[] IS NULL OR w.team_id = ANY($7::uuid[]))
     )
     , per_group AS (
       SELECT week, grp, sum(meetings) AS meetings, sum(actions_opened) AS opened,
              sum(actions_done) AS done, sum(mood_people) AS people,
              ARRAY[sum(moods[1]), sum(moods[2]), sum(moods[3]), sum(moods[4]), sum(moods[5]),
                    sum(moods[6]), sum(moods[7]), sum(moods[8]), sum(moods[9])] AS moods
         FROM scoped GROUP BY week, grp
     ), both_levels AS (
       SELECT * FROM per_group
       UNION ALL
       -- "Everyone": the groups' sums summed (a few hundred rows, not the roll-up's thousands).
       SELECT week, NULL, sum(meetings), sum(opened), sum(done), sum(people),
              ARRAY[sum(moods[1]), sum(moods[2]), sum(moods[3]), sum(moods[4]), sum(moods[5]),
                    sum(moods[6]), sum(moods[7]), sum(moods[8]), sum(moods[9])]::bigint[]
         FROM per_group GROUP BY week
     )
     SELECT to_char(week, 'YYYY-MM-DD') AS week, grp AS "group", meetings::int, opened::int,
            done::int, people::int,
            CASE WHEN people >= $8 THEN one_on_one_mood_median(moods) END AS median
       FROM both_levels
      ORDER BY week, grp NULLS FIRST`,
    [
      ctx.organisationId,
      weeks.firstWeek,
      weeks.lastWeek,
      ctx.keys.managers,
      ctx.groups.teamIds,
      ctx.groups.names,
      ctx.keys.teams,
      MIN_GROUP_SIZE,
    ],
  );
  const figures: WeekFigures = { meetings: [], actions: [], mood: [] };
  for (const row of rows) {
    if (row.people > 0) {
      figures.mood.push({
        week: row.week,
        group: row.group ?? 'Everyone',
        people: row.people,
        median: row.median === null ? null : Number(row.median),
      });
    }
    // The counts once a week, from its row for the whole scope.
    if (row.group !== null) continue;
    if (row.meetings > 0) figures.meetings.push({ week: row.week, count: row.meetings });
    if (row.opened > 0 || row.done > 0) {
      figures.actions.push({ week: row.week, opened: row.opened, done: row.done });
    }
  }
  return figures;
}

/**
 * The days of the range outside its whole weeks (all of it on a personal page, or when it holds
 * no whole week), read from the projected rows: `$3`–`$4` the days before the whole weeks and
 * `$5`–`$6` those after them (null: none), as two ranges an index reads directly. (Read as the
 * range less its whole weeks, the indexes walked the whole range's rows to keep a day or two.)
 */
const CUT_DAYS = (column: string) =>
  `(${column} BETWEEN $3::date AND $4::date OR ${column} BETWEEN $5::date AND $6::date)`;

/** The same days, for a timestamp column (UTC days). */
const CUT_MOMENTS = (column: string) =>
  `((${column} >= ($3::date::timestamp AT TIME ZONE 'UTC')
     AND ${column} < (($4::date + 1)::timestamp AT TIME ZONE 'UTC'))
    OR (${column} >= ($5::date::timestamp AT TIME ZONE 'UTC')
     AND ${column} < (($6::date + 1)::timestamp AT TIME ZONE 'UTC')))`;

/** The days before and after a range's whole weeks, as `[from, to]` pairs (null: none). */
type Days = [string, string] | [null, null];

function cutDays(from: string, to: string, whole: WholeWeeks | null): [...Days, ...Days] {
  if (whole === null) return [from, to, null, null];
  const before: Days = whole.firstWeek > from ? [from, addDays(whole.firstWeek, -1)] : [null, null];
  const after: Days = whole.lastDay < to ? [addDays(whole.lastDay, 1), to] : [null, null];
  return [...before, ...after];
}

/** ANA17: held meetings per week, for series whose employee is in scope. */
async function meetingsPerWeek(db: Queryable, params: unknown[]) {
  const { rows } = await db.query<WeekCount>(
    `SELECT to_char(date_trunc('week', a.date::timestamp), 'YYYY-MM-DD') AS week,
            count(*)::int AS count
       FROM one_on_one_meeting_analytics a
       JOIN one_on_one_series s ON s.organisation_id = a.organisation_id AND s.id = a.series_id
      WHERE a.organisation_id = $1 AND ${CUT_DAYS('a.date')} AND NOT a.cancelled
        AND ($2::uuid[] IS NULL OR s.employee_id = ANY($2::uuid[]))
      GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows;
}

/** ANA18: action items opened (raised) and done (ticked) per week, deleted ones not counted. */
async function actionsPerWeek(db: Queryable, params: unknown[]) {
  const scoped = `
       FROM one_on_one_action_analytics a
       JOIN one_on_one_series s ON s.organisation_id = a.organisation_id AND s.id = a.series_id
      WHERE a.organisation_id = $1 AND NOT a.deleted
        AND ($2::uuid[] IS NULL OR s.employee_id = ANY($2::uuid[]))`;
  const { rows } = await db.query<ActionWeek>(
    `WITH opened AS (
       SELECT date_trunc('week', a.raised_on::timestamp) AS week, count(*)::int AS n ${scoped}
          AND ${CUT_DAYS('a.raised_on')} GROUP BY 1
     ), done AS (
       SELECT date_trunc('week', a.done_at AT TIME ZONE 'UTC') AS week, count(*)::int AS n
        ${scoped} AND a.done AND ${CUT_MOMENTS('a.done_at')}
        GROUP BY 1
     )
     SELECT to_char(COALESCE(o.week, d.week), 'YYYY-MM-DD') AS week,
            COALESCE(o.n, 0) AS opened, COALESCE(d.n, 0) AS done
       FROM opened o FULL JOIN done d ON d.week = o.week
      ORDER BY 1`,
    params,
  );
  return rows;
}

/**
 * ANA18: the action items open, and open past their due day, as of the range's last day: only
 * those not ticked by then are read (the open-items index).
 */
async function openActions(db: Queryable, ctx: AnalyticsContext) {
  const { rows } = await db.query<{ open: number; overdue: number }>(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE a.due_date < $3::date)::int AS overdue
       FROM one_on_one_action_analytics a
       JOIN one_on_one_series s ON s.organisation_id = a.organisation_id AND s.id = a.series_id
      WHERE a.organisation_id = $1 AND NOT a.deleted AND a.raised_on <= $3::date
        AND (CASE WHEN a.done THEN a.done_at ELSE 'infinity'::timestamptz END)
              >= (($3::date + 1)::timestamp AT TIME ZONE 'UTC')
        AND ($2::uuid[] IS NULL OR s.employee_id = ANY($2::uuid[]))`,
    [ctx.organisationId, employeesOf(ctx), ctx.filters.to],
  );
  return rows[0]!;
}

/**
 * ANA7–ANA9: each team group's weekly median mood, a person counting once (their own median that
 * week), and the whole scope's as "Everyone"; a week of fewer than five people has no median.
 * The rule is applied here, in SQL, so no small group's value ever leaves the database.
 */
async function moodPerWeek(db: Queryable, ctx: AnalyticsContext, params: unknown[]) {
  const { rows } = await db.query<MoodPoint>(
    `WITH per_person AS (
       SELECT date_trunc('week', m.at AT TIME ZONE 'UTC') AS week,
              COALESCE(grp.name, 'No team') AS grp, m.employee_id,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY m.value) AS value
         FROM one_on_one_mood_analytics m
         JOIN people e ON e.organisation_id = m.organisation_id AND e.id = m.employee_id
         LEFT JOIN unnest($7::uuid[], $8::text[]) AS grp (team_id, name) ON grp.team_id = e.team_id
        WHERE m.organisation_id = $1 AND ${CUT_MOMENTS('m.at')}
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
            CASE WHEN people >= $9 THEN median END AS median
       FROM per_group ORDER BY 1, grp NULLS FIRST`,
    [...params, ctx.groups.teamIds, ctx.groups.names, MIN_GROUP_SIZE],
  );
  return rows.map((row) => ({ ...row, median: row.median === null ? null : Number(row.median) }));
}

/**
 * ANA31: the weekly figures of the range: its whole weeks from the roll-up, the days at its ends
 * from the projected rows (a personal page reads one person's rows, all from there). The two
 * never share a week, so their lists are joined in week order.
 */
async function weeklyFigures(db: Queryable, ctx: AnalyticsContext): Promise<WeekFigures> {
  const personal = ctx.scope.kind === 'personal';
  const { from, to } = ctx.filters;
  const whole = personal ? null : wholeWeeksOf(from, to);
  const rawParams = [ctx.organisationId, employeesOf(ctx), ...cutDays(from, to, whole)];
  const cut = whole === null || whole.firstWeek > from || whole.lastDay < to;
  const none: WeekFigures = { meetings: [], actions: [], mood: [] };
  const [rolled, meetings, actions, mood] = await Promise.all([
    whole === null ? Promise.resolve(none) : rolledUpWeeks(db, ctx, whole),
    cut ? meetingsPerWeek(db, rawParams) : Promise.resolve([]),
    cut ? actionsPerWeek(db, rawParams) : Promise.resolve([]),
    // ANA8: a person's own mood is never shown as analytics, not even to them.
    cut && !personal ? moodPerWeek(db, ctx, rawParams) : Promise.resolve([]),
  ]);
  const byWeek = <T extends { week: string }>(a: T[], b: T[]) =>
    [...a, ...b].sort((x, y) => (x.week < y.week ? -1 : x.week > y.week ? 1 : 0));
  return {
    meetings: byWeek(rolled.meetings, meetings),
    actions: byWeek(rolled.actions, actions),
    mood: byWeek(rolled.mood, mood),
  };
}

export async function oneOnOnesDashboard(
  db: Queryable,
  ctx: AnalyticsContext,
): Promise<OneOnOnesDashboard> {
  const personal = ctx.scope.kind === 'personal';
  const [facts, weekly, open] = await Promise.all([
    seriesFacts(db, ctx),
    weeklyFigures(db, ctx),
    openActions(db, ctx),
  ]);
  const weeks = weekly.meetings;
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
    actions: { weeks: weekly.actions, ...open },
    mood: weekly.mood,
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
