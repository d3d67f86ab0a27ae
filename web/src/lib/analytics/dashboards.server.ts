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
import type { DashboardSections, DashboardsFrame, SectionName } from './dashboards';

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The signed-in person's frame (scope, filters and their choices), read first, and a reader of
 * each section's queries: the page starts them all and sends the frame at once and each section
 * as it is answered (ANA30); a chart's CSV reads its own section alone. The calibration session
 * drawn is the address's `session` (ANA32), unless `sessionId` names another (a session chart's
 * CSV).
 */
export async function openDashboards(
  person: SessionPerson,
  url: URL,
  sessionId: string | null = url.searchParams.get('session'),
): Promise<{
  frame: DashboardsFrame;
  read: <K extends SectionName>(name: K) => Promise<DashboardSections[K]>;
}> {
  const today = todayUtc();
  const filters = parseFilters(url.searchParams, today);
  const ctx = await loadAnalyticsContext(db(), person.organisationId, person.id, filters, today);
  if (!ctx) error(403, 'Your account is not part of this organisation any more.');
  const theme = url.searchParams.get('theme');
  const readers: { [K in SectionName]: () => Promise<DashboardSections[K]> } = {
    goals: () => goalsDashboard(db(), ctx, isUuid(theme) ? theme : null),
    oneOnOnes: () => oneOnOnesDashboard(db(), ctx),
    calibration: () => calibrationDashboard(db(), ctx, isUuid(sessionId) ? sessionId : null),
    growth: () => growthDashboard(db(), ctx),
  };
  return {
    frame: {
      scope: ctx.scope.kind,
      isAdmin: ctx.viewer.role === 'admin',
      filters: ctx.filters,
      cycles: ctx.cycles.map(({ id, name, status }) => ({ id, name, status })),
      teams: ctx.teams.map(({ id, name, parentId }) => ({ id, name, parentId })),
    },
    read: (name) => readers[name](),
  };
}
