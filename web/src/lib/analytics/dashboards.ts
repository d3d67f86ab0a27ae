// The data /analytics receives (the page and the CSV downloads share it).
import type { CalibrationDashboard } from '@threadline/db/analytics/calibration';
import type { GoalsDashboard } from '@threadline/db/analytics/goals';
import type { GrowthDashboard } from '@threadline/db/analytics/growth';
import type { OneOnOnesDashboard } from '@threadline/db/analytics/one-on-ones';
import type { AnalyticsFilters } from '@threadline/domain/analytics/filters';
import type { AnalyticsScope } from '@threadline/domain/analytics/scope';

export interface Dashboards {
  scope: AnalyticsScope['kind'];
  isAdmin: boolean;
  filters: AnalyticsFilters;
  cycles: { id: string; name: string; status: string }[];
  teams: { id: string; name: string; parentId: string | null }[];
  goals: GoalsDashboard;
  oneOnOnes: OneOnOnesDashboard;
  calibration: CalibrationDashboard;
  growth: GrowthDashboard;
}
