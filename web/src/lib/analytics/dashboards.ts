// The data /analytics receives (the page and the CSV downloads share it).
import type { CalibrationDashboard } from '@threadline/db/analytics/calibration';
import type { GoalsDashboard } from '@threadline/db/analytics/goals';
import type { GrowthDashboard } from '@threadline/db/analytics/growth';
import type { OneOnOnesDashboard } from '@threadline/db/analytics/one-on-ones';
import type { AnalyticsFilters } from '@threadline/domain/analytics/filters';
import type { AnalyticsScope } from '@threadline/domain/analytics/scope';

/** What every section is read for: who is looking, the filters and their choices. */
export interface DashboardsFrame {
  scope: AnalyticsScope['kind'];
  isAdmin: boolean;
  filters: AnalyticsFilters;
  cycles: { id: string; name: string; status: string }[];
  teams: { id: string; name: string; parentId: string | null }[];
}

/** Each section's data, by section. */
export interface DashboardSections {
  goals: GoalsDashboard;
  oneOnOnes: OneOnOnesDashboard;
  calibration: CalibrationDashboard;
  growth: GrowthDashboard;
}

export type SectionName = keyof DashboardSections;

/** The sections in the page's order, top to bottom. */
export const SECTION_NAMES: readonly SectionName[] = [
  'goals',
  'oneOnOnes',
  'calibration',
  'growth',
];

export type Dashboards = DashboardsFrame & DashboardSections;

/** What one section's component reads: the frame and that section's data. */
export type SectionView<K extends SectionName> = DashboardsFrame & Pick<DashboardSections, K>;
