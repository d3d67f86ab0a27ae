// The growth dashboard (ANA25, ANA26) from the development plans' projection (skill_gaps,
// development_items, ONE46), scoped by the person the gap or item belongs to (ANA1–ANA3, ANA6):
// the skills most people in scope have a gap in, and development items by type and status.
// Counts only: titles and notes stay in the plans' documents.
import { DEVELOPMENT_TYPES, topSkillGaps } from '@threadline/domain/analytics/growth';
import type { Queryable } from '../connection.ts';
import type { AnalyticsContext } from './scope.ts';

export interface GrowthDashboard {
  /** False while nothing is recorded for the scope (ANA29: the section says so). */
  recorded: boolean;
  skillGaps: { skill: string; people: number }[];
  items: { type: string; status: string; count: number }[];
}

const STATUS_ORDER = ['not-started', 'in-progress', 'done'];

export async function growthDashboard(
  db: Queryable,
  ctx: AnalyticsContext,
): Promise<GrowthDashboard> {
  const [gaps, items] = await Promise.all([
    db.query<{ skill: string; people: number }>(
      `SELECT s.name AS skill, count(DISTINCT g.person_id)::int AS people
         FROM skill_gaps g
         JOIN skills s ON s.organisation_id = g.organisation_id AND s.id = g.skill_id
        WHERE g.organisation_id = $1
          AND ($2::uuid[] IS NULL OR g.person_id = ANY($2::uuid[]))
        GROUP BY s.name`,
      [ctx.organisationId, ctx.people],
    ),
    db.query<{ type: string; status: string; count: number }>(
      `SELECT type, status, count(*)::int AS count
         FROM development_items
        WHERE organisation_id = $1
          AND ($2::uuid[] IS NULL OR person_id = ANY($2::uuid[]))
        GROUP BY type, status`,
      [ctx.organisationId, ctx.people],
    ),
  ]);
  const typeIndex = (type: string) => DEVELOPMENT_TYPES.indexOf(type as never);
  return {
    recorded: gaps.rows.length > 0 || items.rows.length > 0,
    skillGaps: topSkillGaps(gaps.rows),
    items: items.rows.sort(
      (a, b) =>
        typeIndex(a.type) - typeIndex(b.type) ||
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    ),
  };
}
