// The goals dashboard's rules (ANA11, ANA13–ANA15).

export const HEALTH_BUCKETS = ['green', 'yellow', 'red', 'stale', 'unmeasured'] as const;
export type HealthBucket = (typeof HEALTH_BUCKETS)[number];

export const HEALTH_BUCKET_LABELS: Record<HealthBucket, string> = {
  green: 'On track',
  yellow: 'Behind',
  red: 'Far behind',
  stale: 'Stale',
  unmeasured: 'No measure yet',
};

/**
 * ANA11: goal health counts active goals only (GOAL12, GOAL13), each in one bucket: stale wins
 * over any colour (a goal not updated for 14 days says nothing about its pace); an active goal
 * with no colour (no metric or dates to judge it by) is "no measure yet". Other states: none.
 */
export function healthBucket(goal: {
  state: string;
  deleted: boolean;
  health: string | null;
  stale: boolean;
}): HealthBucket | null {
  if (goal.deleted || goal.state !== 'active') return null;
  if (goal.stale) return 'stale';
  if (goal.health === 'green' || goal.health === 'yellow' || goal.health === 'red') {
    return goal.health;
  }
  return 'unmeasured';
}

/** A count per bucket, all buckets present. */
export function emptyBuckets(): Record<HealthBucket, number> {
  return { green: 0, yellow: 0, red: 0, stale: 0, unmeasured: 0 };
}

/**
 * ANA13: alignment coverage is the share of live team and personal goals (active, proposed or
 * done; not company themes themselves) whose chain of parents reaches a company theme. Null when
 * there is no such goal.
 */
export function coverage(aligned: number, total: number): number | null {
  return total === 0 ? null : aligned / total;
}

/** ANA14: the stale goals list, oldest update first (a goal never updated counts from its
 *  creation), so the longest-silent goals lead. */
export function byLongestSilent<T extends { lastUpdate: string | null }>(goals: readonly T[]): T[] {
  return [...goals].sort((a, b) => (a.lastUpdate ?? '').localeCompare(b.lastUpdate ?? ''));
}

export interface ProgressPoint {
  goalId: string;
  at: string;
  progress: number;
}

/**
 * ANA15: progress over time of a theme and the goals directly cascaded from it: for each week
 * (its Monday) from the first to the last given, each goal's progress as of the week's end — its
 * latest check-in up to then, else nothing (the line starts at its first check-in).
 */
export function weeklyProgress(
  events: readonly ProgressPoint[],
  weeks: readonly string[],
): Map<string, (number | null)[]> {
  const byGoal = new Map<string, ProgressPoint[]>();
  for (const event of events) {
    const list = byGoal.get(event.goalId) ?? [];
    list.push(event);
    byGoal.set(event.goalId, list);
  }
  const result = new Map<string, (number | null)[]>();
  for (const [goalId, list] of byGoal) {
    list.sort((a, b) => a.at.localeCompare(b.at));
    let index = 0;
    let current: number | null = null;
    const line: (number | null)[] = [];
    for (const week of weeks) {
      const end = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * 86_400_000).toISOString();
      while (index < list.length && list[index]!.at < end) current = list[index++]!.progress;
      line.push(current);
    }
    result.set(goalId, line);
  }
  return result;
}
