// Red / yellow / green against elapsed time (GOAL12) and staleness (GOAL13).
import type { CycleWindow, Goal } from './model.ts';

export type Health = 'green' | 'yellow' | 'red';

/** GOAL12, in percentage points behind pace (progress share minus elapsed share). */
export const HEALTH_TOLERANCE = {
  /** Green down to 10 points behind pace. */
  green: 10,
  /** Yellow down to 25 points behind pace; red below. */
  yellow: 25,
} as const;

/** GOAL13: a goal without a check-in for this long is stale. */
export const STALE_AFTER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * GOAL12: the share of the goal's time that has passed, 0..1. The goal runs from the start of its
 * start day to the end of its due day (UTC); a missing date is the cycle's. Null when neither the
 * goal nor the cycle gives a date.
 */
export function elapsedShare(
  goal: Pick<Goal, 'startDate' | 'dueDate'>,
  cycle: CycleWindow | null,
  now: Date,
): number | null {
  const startDay = goal.startDate ?? cycle?.startsOn ?? null;
  const dueDay = goal.dueDate ?? cycle?.endsOn ?? null;
  if (startDay === null || dueDay === null) return null;
  const start = Date.parse(`${startDay}T00:00:00Z`);
  const end = Date.parse(`${dueDay}T00:00:00Z`) + DAY_MS;
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  const at = now.getTime();
  if (end <= start) return at >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

/**
 * GOAL12: green when progress is at most 10 points behind the elapsed share, yellow when at most
 * 25 behind, red further behind. A done goal is green; a dropped goal, or one with no progress or
 * no dates, has no health. Compared in basis points so 0.35 − 0.25 is exactly 10 points.
 */
export function goalHealth(
  goal: Pick<Goal, 'state' | 'startDate' | 'dueDate'>,
  progress: number | null,
  cycle: CycleWindow | null,
  now: Date,
): Health | null {
  if (goal.state === 'dropped') return null;
  if (goal.state === 'done') return 'green';
  if (progress === null) return null;
  const elapsed = elapsedShare(goal, cycle, now);
  if (elapsed === null) return null;
  const behind = Math.round(elapsed * 10_000) - Math.round(progress * 10_000);
  if (behind <= HEALTH_TOLERANCE.green * 100) return 'green';
  if (behind <= HEALTH_TOLERANCE.yellow * 100) return 'yellow';
  return 'red';
}

/** What staleness reads of a goal: a live goal's fields, or a projected row's (NUD9). */
export interface StaleFacts {
  state: Goal['state'];
  metricKind: Goal['metric']['kind'];
  lastProgressAt: string | null;
  approvedAt: string | null;
  createdAt: string | null;
}

/**
 * GOAL13: an active goal with a metric of its own is stale when its last check-in (or, before the
 * first, its approval or creation) is 14 days old or more, whatever its colour. Goals that roll up
 * their children get no check-ins of their own, so their children go stale instead. The one rule:
 * the page, the projection and the nudges (NUD9, on projected rows) all ask it.
 */
export function isStaleByFacts(goal: StaleFacts, now: Date): boolean {
  if (goal.state !== 'active' || goal.metricKind === 'none') return false;
  const since = goal.lastProgressAt ?? goal.approvedAt ?? goal.createdAt;
  if (since === null) return false;
  const at = Date.parse(since);
  return !Number.isNaN(at) && now.getTime() - at >= STALE_AFTER_DAYS * DAY_MS;
}

/** GOAL13 for a goal of the document. */
export function isStale(
  goal: Pick<Goal, 'state' | 'metric' | 'lastProgressAt' | 'approvedAt' | 'createdAt'>,
  now: Date,
): boolean {
  return isStaleByFacts(
    {
      state: goal.state,
      metricKind: goal.metric.kind,
      lastProgressAt: goal.lastProgressAt,
      approvedAt: goal.approvedAt,
      createdAt: goal.createdAt,
    },
    now,
  );
}
