// The growth dashboard (ANA25, ANA26) from the development plans' projection (skill_gaps,
// development_items, ONE46), scoped by the person the gap or item belongs to (ANA1–ANA3, ANA6):
// the skills most people in scope have a gap in, and development items by type and status.
// Counts only: titles and notes stay in the plans' documents. A plan opens to its person and
// their manager alone (ONE41), so its counts are group aggregates like moods: below five people
// they are cut here, in SQL, and never leave the database (ANA40).
import { DEVELOPMENT_TYPES, topSkillGaps } from '@threadline/domain/analytics/growth';
import { MIN_GROUP_SIZE } from '@threadline/domain/analytics/privacy';
import type { Queryable } from '../connection.ts';
import type { AnalyticsContext } from './scope.ts';

export interface GrowthDashboard {
  /** False while nothing is recorded for the scope (ANA29: the section says so). */
  recorded: boolean;
  skillGaps: { skill: string; people: number }[];
  items: { type: string; status: string; count: number }[];
  /** ANA40: the chart is about one to four people in scope: it shows only that (no rows). */
  tooFew: { skillGaps: boolean; items: boolean };
}

const STATUS_ORDER = ['not-started', 'in-progress', 'done'];

/** The figures of one chart and how many distinct people they are about (`people`, always one
 *  row): the figures only when those are five or more, or when they are the viewer's own. */
interface Counted<Row> {
  people: number;
  rows: Row[] | null;
}

export async function growthDashboard(
  db: Queryable,
  ctx: AnalyticsContext,
): Promise<GrowthDashboard> {
  // ANA3, ANA40: a personal page's gaps and items are the viewer's own.
  const own = ctx.scope.kind === 'personal';
  const params = [ctx.organisationId, ctx.people, MIN_GROUP_SIZE, own];
  const [gaps, items] = await Promise.all([
    db.query<Counted<{ skill: string; people: number }>>(
      `WITH scoped AS (
         SELECT DISTINCT g.person_id, s.name AS skill
           FROM skill_gaps g
           JOIN skills s ON s.organisation_id = g.organisation_id AND s.id = g.skill_id
          WHERE g.organisation_id = $1
            AND ($2::uuid[] IS NULL OR g.person_id = ANY($2::uuid[]))
       ), counted AS (SELECT count(DISTINCT person_id)::int AS people FROM scoped)
       SELECT counted.people,
              CASE WHEN counted.people >= $3 OR $4 THEN
                (SELECT COALESCE(json_agg(json_build_object('skill', skill, 'people', people)),
                                 '[]')
                   FROM (SELECT skill, count(*)::int AS people FROM scoped GROUP BY skill) per)
              END AS rows
         FROM counted`,
      params,
    ),
    db.query<Counted<{ type: string; status: string; count: number }>>(
      `WITH scoped AS (
         SELECT person_id, type, status
           FROM development_items
          WHERE organisation_id = $1
            AND ($2::uuid[] IS NULL OR person_id = ANY($2::uuid[]))
       ), counted AS (SELECT count(DISTINCT person_id)::int AS people FROM scoped)
       SELECT counted.people,
              CASE WHEN counted.people >= $3 OR $4 THEN
                (SELECT COALESCE(json_agg(json_build_object('type', type, 'status', status,
                                                            'count', count)), '[]')
                   FROM (SELECT type, status, count(*)::int AS count FROM scoped
                          GROUP BY type, status) per)
              END AS rows
         FROM counted`,
      params,
    ),
  ]);
  const gapCounts = gaps.rows[0]!;
  const itemCounts = items.rows[0]!;
  const typeIndex = (type: string) => DEVELOPMENT_TYPES.indexOf(type as never);
  return {
    recorded: gapCounts.people > 0 || itemCounts.people > 0,
    skillGaps: topSkillGaps(gapCounts.rows ?? []),
    items: (itemCounts.rows ?? []).sort(
      (a, b) =>
        typeIndex(a.type) - typeIndex(b.type) ||
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    ),
    tooFew: {
      skillGaps: gapCounts.rows === null && gapCounts.people > 0,
      items: itemCounts.rows === null && itemCounts.people > 0,
    },
  };
}
