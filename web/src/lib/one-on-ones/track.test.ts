import { describe, expect, it } from 'vitest';
import type { AgendaCheckIn } from '@threadline/domain/one-on-ones/check-ins';
import type { TrackGoal } from '@threadline/db/one-on-one-track';
import { checkInKind, goalStatuses, trackRows } from './track.ts';

const goal = (patch: Partial<TrackGoal> = {}): TrackGoal => ({
  id: 'g1',
  cycleId: 'c1',
  title: 'Close 100 tickets',
  state: 'active',
  metricKind: 'number',
  start: 0,
  target: 100,
  current: 10,
  unit: 'tickets',
  direction: 'increasing',
  progress: 0.1,
  health: 'red',
  stale: true,
  startDate: '2026-07-01',
  dueDate: '2026-12-31',
  lastProgressAt: '2026-11-01T10:00:00.000Z',
  cycle: { startsOn: '2026-07-01', endsOn: '2026-12-31' },
  ...patch,
});

const checkIn = (value: number, at: string): AgendaCheckIn => ({
  id: 'x',
  meetingId: '2026-12-07',
  goalId: 'g1',
  cycleId: 'c1',
  value,
  by: 'p',
  at,
});

describe('the Track section’s goals', () => {
  it('[ONE21] a newer check-in of the agenda moves progress and health at once, and ends stale', () => {
    const now = new Date('2026-12-07T12:00:00.000Z');
    const [row] = trackRows(
      [goal()],
      new Map([['g1', checkIn(95, '2026-12-07T10:00:00.000Z')]]),
      now,
    );
    expect(row).toMatchObject({ current: 95, progress: 0.95, health: 'green', stale: false });
    expect(row!.pending?.value).toBe(95);
    // One the projection already has (or older) changes nothing.
    const [old] = trackRows(
      [goal()],
      new Map([['g1', checkIn(95, '2026-10-01T10:00:00.000Z')]]),
      now,
    );
    expect(old).toMatchObject({
      current: 10,
      progress: 0.1,
      health: 'red',
      stale: true,
      pending: null,
    });
    expect(goalStatuses([old!])).toEqual([
      { id: 'g1', title: 'Close 100 tickets', state: 'active', health: 'red', stale: true },
    ]);
  });

  it('[ONE21] numbers and yes-no are checked in here; milestones and roll-ups are not', () => {
    expect(checkInKind(goal({ metricKind: 'currency' }))).toBe('number');
    expect(checkInKind(goal({ metricKind: 'yes-no' }))).toBe('yes-no');
    expect(checkInKind(goal({ metricKind: 'milestones' }))).toBeNull();
    expect(checkInKind(goal({ metricKind: 'none' }))).toBeNull();
  });
});
