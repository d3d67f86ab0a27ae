// What /analytics and its CSV downloads read (ANA rules): the signed-in person's context and
// every section's query, run side by side. The scope is applied in the queries themselves
// (db/src/analytics/), so a page and a CSV of one person never hold more than they may see.
import { error } from '@sveltejs/kit';
import type { SessionPerson } from '@threadline/db';
import { calibrationDashboard } from '@threadline/db/analytics/calibration';
import { goalsDashboard } from '@threadline/db/analytics/goals';
import { growthDashboard } from '@threadline/db/analytics/growth';
import { oneOnOnesDashboard } from '@threadline/db/analytics/one-on-ones';
import { loadAnalyticsContext } from '@threadline/db/analytics/scope';
import { parseFilters } from '@threadline/domain/analytics/filters';
import { isUuid } from '@threadline/domain/ids';
import { db } from '$lib/server/db';
import type { Dashboards } from './dashboards';

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Every section for the signed-in person; `timings` receives each section's server time in ms
 * (the page sends them as its Server-Timing header). The calibration session drawn is the
 * address's `session` (ANA32), unless `sessionId` names another (a session chart's CSV).
 */
export async function loadDashboards(
  person: SessionPerson,
  url: URL,
  timings: Record<string, number> = {},
  sessionId: string | null = url.searchParams.get('session'),
): Promise<Dashboards> {
  const today = todayUtc();
  const filters = parseFilters(url.searchParams, today);
  const ctx = await loadAnalyticsContext(db(), person.organisationId, person.id, filters, today);
  if (!ctx) error(403, 'Your account is not part of this organisation any more.');
  const theme = url.searchParams.get('theme');
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[name] = performance.now() - started;
    }
  };
  const [goals, oneOnOnes, calibration, growth] = await Promise.all([
    timed('goals', () => goalsDashboard(db(), ctx, isUuid(theme) ? theme : null)),
    timed('one-on-ones', () => oneOnOnesDashboard(db(), ctx)),
    timed('calibration', () =>
      calibrationDashboard(db(), ctx, isUuid(sessionId) ? sessionId : null),
    ),
    timed('growth', () => growthDashboard(db(), ctx)),
  ]);
  return {
    scope: ctx.scope.kind,
    isAdmin: ctx.viewer.role === 'admin',
    filters: ctx.filters,
    cycles: ctx.cycles.map(({ id, name, status }) => ({ id, name, status })),
    teams: ctx.teams.map(({ id, name, parentId }) => ({ id, name, parentId })),
    goals,
    oneOnOnes,
    calibration,
    growth,
  };
}
