// The Track section's goals (ONE21): the employee's goals as the page's server data has them (the
// projection), overlaid with the check-ins the agenda holds that the projection does not show
// yet — made on this device a moment ago, or offline, or by the other member — so a check-in
// shows at once, before the server has applied it to the goal and projected it again.
import { goalHealth, type Health } from '@threadline/domain/goals/health';
import { isNumericKind, type Metric, type MetricKind } from '@threadline/domain/goals/model';
import { metricProgress } from '@threadline/domain/goals/progress';
import type { AgendaCheckIn } from '@threadline/domain/one-on-ones/check-ins';
import type { GoalStatus } from '@threadline/domain/one-on-ones/seeding';
import type { TrackGoal } from '@threadline/db/one-on-one-track';

export interface TrackRow extends TrackGoal {
  /** The latest check-in of the agenda the projection has not caught up with, if any. */
  pending: AgendaCheckIn | null;
}

/** The metric as the goal page's inputs take it (ProgressRecorder). */
export function metricOf(goal: TrackGoal): Metric {
  return {
    kind: goal.metricKind as MetricKind,
    start: goal.start,
    target: goal.target,
    current: goal.current,
    unit: goal.unit,
    direction: goal.direction,
    milestones: [],
  };
}

/** Whether the Track section can check a goal in (numbers and yes-no; milestones on the goal). */
export function checkInKind(goal: TrackGoal): 'number' | 'yes-no' | null {
  const kind = goal.metricKind as MetricKind;
  if (isNumericKind(kind)) return 'number';
  if (kind === 'yes-no') return 'yes-no';
  return null;
}

/** ONE21: each goal with the agenda's newer check-in applied: value, progress, health, stale. */
export function trackRows(
  goals: readonly TrackGoal[],
  latest: ReadonlyMap<string, AgendaCheckIn>,
  now: Date | number,
): TrackRow[] {
  const at = typeof now === 'number' ? new Date(now) : now;
  return goals.map((goal) => {
    const checkIn = latest.get(goal.id);
    const newer =
      checkIn !== undefined &&
      checkInKind(goal) !== null &&
      (goal.lastProgressAt === null || checkIn.at > goal.lastProgressAt);
    if (!newer) return { ...goal, pending: null };
    const current = checkIn.value;
    const progress = metricProgress({ ...metricOf(goal), current });
    const health: Health | null = goalHealth(
      { state: goal.state as 'active', startDate: goal.startDate, dueDate: goal.dueDate },
      progress,
      goal.cycle,
      at,
    );
    return {
      ...goal,
      current,
      progress,
      health,
      stale: false,
      lastProgressAt: checkIn.at,
      pending: checkIn,
    };
  });
}

/** The rows as the seeding reads them (ONE23). */
export const goalStatuses = (rows: readonly TrackRow[]): GoalStatus[] =>
  rows.map((row) => ({
    id: row.id,
    title: row.title,
    state: row.state,
    health: row.health,
    stale: row.stale,
  }));
