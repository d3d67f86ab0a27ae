import { describe, expect, it } from 'vitest';
import { elapsedShare, goalHealth, isStale, isStaleByFacts } from './health.ts';
import type { Goal, Metric } from './model.ts';

const cycle = { startsOn: '2026-07-01', endsOn: '2026-12-31' };
const numeric: Metric = {
  kind: 'number',
  start: 0,
  target: 10,
  current: null,
  unit: null,
  direction: 'increasing',
  milestones: [],
};
const goal = (patch: Partial<Goal> = {}) =>
  ({
    state: 'active',
    startDate: '2026-01-01',
    dueDate: '2026-01-10',
    metric: numeric,
    lastProgressAt: null,
    approvedAt: null,
    createdAt: '2026-07-01T09:00:00.000Z',
    ...patch,
  }) as Goal;
/** Ten days 2026-01-01 … 2026-01-10: each day is 10% of the goal's time. */
const atShare = (share: number) =>
  new Date(Date.parse('2026-01-01T00:00:00Z') + share * 10 * 86_400_000);

describe('health', () => {
  it('[GOAL12] measures elapsed time from the start of the start day to the end of the due day', () => {
    expect(elapsedShare(goal(), null, new Date('2025-12-31T12:00:00Z'))).toBe(0);
    expect(elapsedShare(goal(), null, new Date('2026-01-06T00:00:00Z'))).toBe(0.5);
    expect(elapsedShare(goal(), null, new Date('2026-01-10T23:00:00Z'))).toBeLessThan(1);
    expect(elapsedShare(goal(), null, new Date('2026-01-11T00:00:00Z'))).toBe(1);
  });

  it('[GOAL12] falls back to the cycle’s dates, and has none without any dates', () => {
    const undated = goal({ startDate: null, dueDate: null });
    const midCycle = new Date(Date.parse('2026-07-01T00:00:00Z') + 92 * 86_400_000);
    expect(elapsedShare(undated, cycle, midCycle)).toBe(0.5);
    expect(elapsedShare(undated, null, midCycle)).toBe(null);
    expect(goalHealth(undated, 0.5, null, midCycle)).toBe(null);
  });

  it('[GOAL12] is green up to 10 points behind pace, yellow up to 25, red beyond', () => {
    const now = atShare(0.5);
    expect(goalHealth(goal(), 0.9, null, now)).toBe('green');
    expect(goalHealth(goal(), 0.5, null, now)).toBe('green');
    expect(goalHealth(goal(), 0.4, null, now)).toBe('green');
    expect(goalHealth(goal(), 0.39, null, now)).toBe('yellow');
    expect(goalHealth(goal(), 0.25, null, now)).toBe('yellow');
    expect(goalHealth(goal(), 0.24, null, now)).toBe('red');
    // Exact boundaries in floating point: 0.35 behind 0.6 is 25 points, not 25.000…01.
    expect(goalHealth(goal(), 0.35, null, atShare(0.6))).toBe('yellow');
  });

  it('[GOAL12] gives a done goal green, and a dropped or unmeasured goal no health', () => {
    const now = atShare(0.9);
    expect(goalHealth(goal({ state: 'done' }), 0, null, now)).toBe('green');
    expect(goalHealth(goal({ state: 'dropped' }), 1, null, now)).toBe(null);
    expect(goalHealth(goal(), null, null, now)).toBe(null);
  });

  it('[GOAL13] flags an active goal without a check-in for 14 days, whatever its colour', () => {
    const lastProgressAt = '2026-07-01T09:00:00.000Z';
    const fresh = goal({ lastProgressAt });
    expect(isStale(fresh, new Date('2026-07-15T08:59:59.999Z'))).toBe(false);
    expect(isStale(fresh, new Date('2026-07-15T09:00:00.000Z'))).toBe(true);
    // A green goal can be stale: colour and staleness are separate.
    expect(
      goalHealth(
        goal({ startDate: '2026-07-01', dueDate: '2026-12-31' }),
        1,
        null,
        new Date('2026-08-01'),
      ),
    ).toBe('green');
    expect(isStale(fresh, new Date('2026-08-01'))).toBe(true);
  });

  it('[GOAL13] counts from approval or creation before the first check-in', () => {
    const now = new Date('2026-07-20T00:00:00Z');
    expect(isStale(goal({ createdAt: '2026-07-01T00:00:00.000Z' }), now)).toBe(true);
    expect(
      isStale(
        goal({ createdAt: '2026-07-01T00:00:00.000Z', approvedAt: '2026-07-10T00:00:00.000Z' }),
        now,
      ),
    ).toBe(false);
  });

  it('[GOAL13] never flags goals that are not active, or that roll up their children', () => {
    const now = new Date('2027-01-01');
    for (const state of ['draft', 'proposed', 'done', 'dropped'] as const) {
      expect(isStale(goal({ state }), now)).toBe(false);
    }
    expect(isStale(goal({ metric: { ...numeric, kind: 'none' } }), now)).toBe(false);
  });

  it('[GOAL13] [NUD9] a projected row’s fields give the same answer, none known none stale', () => {
    const now = new Date('2026-07-20T00:00:00Z');
    const facts = {
      state: 'active',
      metricKind: 'percent',
      lastProgressAt: null,
      approvedAt: null,
      createdAt: '2026-07-01T00:00:00.000Z',
    } as const;
    const fromGoal = goal({ createdAt: facts.createdAt });
    expect(isStaleByFacts({ ...facts, metricKind: fromGoal.metric.kind }, now)).toBe(
      isStale(fromGoal, now),
    );
    expect(isStaleByFacts(facts, now)).toBe(true);
    expect(isStaleByFacts({ ...facts, createdAt: null }, now)).toBe(false);
    expect(isStaleByFacts({ ...facts, createdAt: 'not a date' }, now)).toBe(false);
  });
});
