// The goals dashboard (ANA11–ANA15) from the goal projection (goal_analytics,
// goal_progress_events), scoped by goal owner (ANA1–ANA3, ANA6): health by team and by cycle,
// alignment coverage by team, stale goals, a theme's progress over time.
import {
  byLongestSilent,
  emptyBuckets,
  healthBucket,
  weeklyProgress,
  type HealthBucket,
} from '@threadline/domain/analytics/goals';
import { weeksBetween } from '@threadline/domain/analytics/one-on-ones';
import { NO_TEAM } from '@threadline/domain/analytics/teams';
import type { Queryable } from '../connection.ts';
import type { AnalyticsContext } from './scope.ts';

export interface HealthRow {
  label: string;
  counts: Record<HealthBucket, number>;
}

export interface CoverageRow {
  group: string;
  aligned: number;
  total: number;
}

export interface StaleGoal {
  goalId: string;
  cycleId: string;
  title: string;
  ownerName: string | null;
  lastUpdate: string | null;
}

export interface ThemeProgress {
  themes: { id: string; title: string }[];
  themeId: string | null;
  weeks: string[];
  lines: { goalId: string; title: string; values: (number | null)[] }[];
}

export interface MyGoal {
  goalId: string;
  title: string;
  state: string;
  progress: number | null;
  bucket: HealthBucket | null;
}

export interface GoalsDashboard {
  /** Active goals in scope in the filtered cycle (ANA29: zero means the section is empty). */
  goals: number;
  byTeam: HealthRow[];
  byCycle: HealthRow[];
  coverage: CoverageRow[];
  stale: { total: number; goals: StaleGoal[] };
  progress: ThemeProgress;
  /** ANA3: the personal page lists one's own goals. */
  mine: MyGoal[] | null;
}

const STALE_LIST = 25;

export async function goalsDashboard(
  db: Queryable,
  ctx: AnalyticsContext,
  themeId: string | null = null,
): Promise<GoalsDashboard> {
  const org = ctx.organisationId;
  const cycleId = ctx.filters.cycleId;
  const [byTeam, byCycle, coverage, stale, progress, mine] = await Promise.all([
    cycleId === null ? Promise.resolve([]) : healthByTeam(db, ctx, cycleId),
    healthByCycle(db, ctx),
    cycleId === null ? Promise.resolve([]) : coverageByTeam(db, ctx, cycleId),
    cycleId === null ? Promise.resolve({ total: 0, goals: [] }) : staleGoals(db, ctx, cycleId),
    cycleId === null
      ? Promise.resolve({ themes: [], themeId: null, weeks: [], lines: [] })
      : themeProgress(db, ctx, cycleId, themeId),
    ctx.scope.kind === 'personal' && cycleId !== null
      ? myGoals(db, org, cycleId, ctx.scope.personId)
      : Promise.resolve(null),
  ]);
  const goals = byTeam.reduce(
    (sum, row) => sum + Object.values(row.counts).reduce((a, b) => a + b, 0),
    0,
  );
  return { goals, byTeam, byCycle, coverage, stale, progress, mine };
}

/** Team groups by name, "No team" last. */
export function byGroupName(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_TEAM) return 1;
  if (b === NO_TEAM) return -1;
  return a.localeCompare(b);
}

interface BucketCount {
  label: string;
  state: string;
  health: string | null;
  stale: boolean;
  n: number;
}

function toHealthRows(rows: readonly BucketCount[], order: readonly string[]): HealthRow[] {
  const byLabel = new Map<string, Record<HealthBucket, number>>();
  for (const label of order) byLabel.set(label, emptyBuckets());
  for (const row of rows) {
    const bucket = healthBucket({ ...row, deleted: false });
    if (bucket === null) continue;
    const counts = byLabel.get(row.label) ?? emptyBuckets();
    counts[bucket] += row.n;
    byLabel.set(row.label, counts);
  }
  return [...byLabel]
    .map(([label, counts]) => ({ label, counts }))
    .filter((row) => Object.values(row.counts).some((n) => n > 0));
}

/** ANA11, ANA12: active goals of the cycle in scope, by health, per team group. */
async function healthByTeam(db: Queryable, ctx: AnalyticsContext, cycleId: string) {
  const { rows } = await db.query<BucketCount>(
    `SELECT COALESCE(grp.name, 'No team') AS label, ga.state, ga.health, ga.stale,
            count(*)::int AS n
       FROM goal_analytics ga
       LEFT JOIN people o ON o.organisation_id = ga.organisation_id AND o.id = ga.owner_id
       LEFT JOIN unnest($4::uuid[], $5::text[]) AS grp (team_id, name)
         ON grp.team_id = COALESCE(ga.team_id, o.team_id)
      WHERE ga.organisation_id = $1 AND ga.cycle_id = $2 AND NOT ga.deleted
        AND ga.state = 'active'
        AND ($3::uuid[] IS NULL OR ga.owner_id = ANY($3::uuid[]))
      GROUP BY 1, 2, 3, 4`,
    [ctx.organisationId, cycleId, ctx.people, ctx.groups.teamIds, ctx.groups.names],
  );
  const order = [...new Set(rows.map((row) => row.label))].sort(byGroupName);
  return toHealthRows(rows, order);
}

/** ANA11: active goals in scope, by health, per cycle (oldest first). */
async function healthByCycle(db: Queryable, ctx: AnalyticsContext) {
  const { rows } = await db.query<BucketCount>(
    `SELECT c.name AS label, ga.state, ga.health, ga.stale, count(*)::int AS n
       FROM goal_analytics ga
       JOIN cycles c ON c.organisation_id = ga.organisation_id AND c.id = ga.cycle_id
      WHERE ga.organisation_id = $1 AND NOT ga.deleted AND ga.state = 'active'
        AND ($2::uuid[] IS NULL OR ga.owner_id = ANY($2::uuid[]))
      GROUP BY c.starts_on, 1, 2, 3, 4
      ORDER BY c.starts_on`,
    [ctx.organisationId, ctx.people],
  );
  return toHealthRows(rows, [...new Set(rows.map((row) => row.label))]);
}

/**
 * ANA13: live team and personal goals in scope and how many reach a company theme, by team. The
 * aligned goals are found walking down from the cycle's themes, one level of the tree per step
 * (a handful of steps over the cycle's goals), rather than up from every goal in scope (a step
 * per goal and level: seconds at 5,000 people). A walk stops at a company goal: each one starts
 * a walk of its own.
 */
async function coverageByTeam(db: Queryable, ctx: AnalyticsContext, cycleId: string) {
  const { rows } = await db.query<CoverageRow>(
    `WITH RECURSIVE aligned AS (
       SELECT goal_id, 0 AS steps FROM goal_analytics
        WHERE organisation_id = $1 AND cycle_id = $2 AND level = 'company' AND NOT deleted
       UNION ALL
       SELECT g.goal_id, a.steps + 1
         FROM aligned a JOIN goal_analytics g
           ON g.organisation_id = $1 AND g.cycle_id = $2 AND g.parent_id = a.goal_id
        WHERE g.level <> 'company' AND a.steps < 64
     )
     SELECT COALESCE(grp.name, 'No team') AS "group",
            count(*) FILTER (WHERE ga.goal_id IN (SELECT goal_id FROM aligned))::int AS aligned,
            count(*)::int AS total
       FROM goal_analytics ga
       LEFT JOIN people o ON o.organisation_id = ga.organisation_id AND o.id = ga.owner_id
       LEFT JOIN unnest($4::uuid[], $5::text[]) AS grp (team_id, name)
         ON grp.team_id = COALESCE(ga.team_id, o.team_id)
      WHERE ga.organisation_id = $1 AND ga.cycle_id = $2 AND NOT ga.deleted
        AND ga.level <> 'company' AND ga.state IN ('active', 'proposed', 'done')
        AND ($3::uuid[] IS NULL OR ga.owner_id = ANY($3::uuid[]))
      GROUP BY 1`,
    [ctx.organisationId, cycleId, ctx.people, ctx.groups.teamIds, ctx.groups.names],
  );
  return rows.sort((a, b) => byGroupName(a.group, b.group));
}

/** ANA14: stale active goals in scope, longest-silent first. */
async function staleGoals(db: Queryable, ctx: AnalyticsContext, cycleId: string) {
  const { rows } = await db.query<StaleGoal & { total: number }>(
    `SELECT ga.goal_id AS "goalId", ga.cycle_id AS "cycleId", ga.title, o.name AS "ownerName",
            COALESCE(ga.last_progress_at, ga.approved_at, ga.created_at) AS "lastUpdate",
            count(*) OVER ()::int AS total
       FROM goal_analytics ga
       LEFT JOIN people o ON o.organisation_id = ga.organisation_id AND o.id = ga.owner_id
      WHERE ga.organisation_id = $1 AND ga.cycle_id = $2 AND NOT ga.deleted
        AND ga.state = 'active' AND ga.stale
        AND ($3::uuid[] IS NULL OR ga.owner_id = ANY($3::uuid[]))
      ORDER BY COALESCE(ga.last_progress_at, ga.approved_at, ga.created_at) NULLS FIRST,
               ga.goal_id
      LIMIT $4`,
    [ctx.organisationId, cycleId, ctx.people, STALE_LIST],
  );
  const goals = byLongestSilent(
    rows.map((row): StaleGoal => ({
      goalId: row.goalId,
      cycleId: row.cycleId,
      title: row.title,
      ownerName: row.ownerName,
      lastUpdate: row.lastUpdate === null ? null : new Date(row.lastUpdate).toISOString(),
    })),
  );
  return { total: rows[0]?.total ?? 0, goals };
}

/**
 * ANA15: the company themes (every goal tree's themes are readable by everyone in it), and for
 * the chosen one (else the first with check-ins) the progress of the theme and of the goals in
 * scope cascaded from it nearest to it (its direct children, for the whole organisation).
 */
async function themeProgress(
  db: Queryable,
  ctx: AnalyticsContext,
  cycleId: string,
  wanted: string | null,
): Promise<ThemeProgress> {
  const { rows: themes } = await db.query<{ id: string; title: string; events: number }>(
    `SELECT ga.goal_id AS id, ga.title,
            (SELECT count(*)::int FROM goal_progress_events e
              WHERE e.organisation_id = ga.organisation_id AND e.cycle_id = ga.cycle_id
                AND e.goal_id = ga.goal_id) AS events
       FROM goal_analytics ga
      WHERE ga.organisation_id = $1 AND ga.cycle_id = $2 AND ga.level = 'company'
        AND ga.parent_id IS NULL AND NOT ga.deleted AND ga.state IN ('active', 'done')
      ORDER BY lower(ga.title), ga.goal_id`,
    [ctx.organisationId, cycleId],
  );
  const themeId =
    themes.find((theme) => theme.id === wanted)?.id ??
    themes.find((theme) => theme.events > 0)?.id ??
    themes[0]?.id ??
    null;
  const empty = { themes: themes.map(({ id, title }) => ({ id, title })), themeId, weeks: [] };
  if (themeId === null) return { ...empty, lines: [] };
  const { rows: goals } = await db.query<{ goalId: string; title: string }>(
    `WITH RECURSIVE down AS (
       SELECT goal_id, parent_id, title, 0 AS depth, true AS shown
         FROM goal_analytics WHERE organisation_id = $1 AND cycle_id = $2 AND goal_id = $3
       UNION ALL
       SELECT g.goal_id, g.parent_id, g.title, d.depth + 1,
              ($4::uuid[] IS NULL OR g.owner_id = ANY($4::uuid[]))
         FROM goal_analytics g JOIN down d ON g.parent_id = d.goal_id
        WHERE g.organisation_id = $1 AND g.cycle_id = $2 AND NOT g.deleted
          AND g.state IN ('active', 'done') AND d.depth < 64
          -- below a goal shown (the theme first), nothing more is walked
          AND (d.depth = 0 OR NOT d.shown)
     )
     SELECT goal_id AS "goalId", title FROM down
      WHERE shown ORDER BY depth, lower(title) LIMIT 9`,
    [ctx.organisationId, cycleId, themeId, ctx.people],
  );
  const ids = goals.map((goal) => goal.goalId);
  const { rows: events } = await db.query<{ goalId: string; at: Date; progress: number }>(
    `SELECT goal_id AS "goalId", at, progress FROM goal_progress_events
      WHERE organisation_id = $1 AND cycle_id = $2 AND goal_id = ANY($3::uuid[])
        AND at < (($4::date + 1)::timestamp AT TIME ZONE 'UTC')
      ORDER BY at`,
    [ctx.organisationId, cycleId, ids, ctx.filters.to],
  );
  const weeks = weeksBetween(ctx.filters.from, ctx.filters.to);
  const lines = weeklyProgress(
    events.map((event) => ({ ...event, at: new Date(event.at).toISOString() })),
    weeks,
  );
  return {
    ...empty,
    weeks,
    lines: goals
      .filter((goal) => lines.has(goal.goalId))
      .map((goal) => ({ ...goal, values: lines.get(goal.goalId)! })),
  };
}

/** ANA3: one's own goals of the cycle. */
async function myGoals(db: Queryable, organisationId: string, cycleId: string, personId: string) {
  const { rows } = await db.query<{
    goalId: string;
    title: string;
    state: string;
    progress: number | null;
    health: string | null;
    stale: boolean;
  }>(
    `SELECT goal_id AS "goalId", title, state, progress, health, stale
       FROM goal_analytics
      WHERE organisation_id = $1 AND cycle_id = $2 AND owner_id = $3 AND NOT deleted
        AND state <> 'dropped'
      ORDER BY lower(title), goal_id`,
    [organisationId, cycleId, personId],
  );
  return rows.map((row): MyGoal => ({
    goalId: row.goalId,
    title: row.title,
    state: row.state,
    progress: row.progress,
    bucket: healthBucket({ ...row, deleted: false }),
  }));
}
