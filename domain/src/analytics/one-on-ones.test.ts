import { describe, expect, it } from 'vitest';
import {
  cadenceKept,
  isActionOverdue,
  keepsCadence,
  weeksBetween,
  wholeWeeksOf,
} from './one-on-ones.ts';

describe('1:1 dashboard rules', () => {
  it('[ANA16] a series keeps its cadence while its last meeting is recent enough', () => {
    const weekly = { cadence: 'weekly' as const, startsOn: '2026-01-05' };
    expect(keepsCadence({ ...weekly, lastHeld: '2026-11-30' }, '2026-12-07')).toBe(true);
    expect(keepsCadence({ ...weekly, lastHeld: '2026-11-30' }, '2026-12-08')).toBe(false);
    expect(keepsCadence({ ...weekly, lastHeld: null }, '2026-12-08')).toBe(false);
    expect(
      keepsCadence(
        { cadence: 'biweekly', startsOn: '2026-01-05', lastHeld: '2026-11-30' },
        '2026-12-08',
      ),
    ).toBe(true);
  });

  it('[ANA16] the share kept is over every series, or nothing without any', () => {
    const today = '2026-12-08';
    expect(cadenceKept([], today)).toEqual({ kept: 0, total: 0, share: null });
    expect(
      cadenceKept(
        [
          { cadence: 'weekly', startsOn: '2026-01-05', lastHeld: '2026-12-07' },
          { cadence: 'weekly', startsOn: '2026-01-05', lastHeld: '2026-11-01' },
        ],
        today,
      ),
    ).toEqual({ kept: 1, total: 2, share: 0.5 });
  });

  it('[ANA17] lists every week of a range by its Monday', () => {
    expect(weeksBetween('2026-11-04', '2026-11-23')).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(weeksBetween('2026-11-23', '2026-11-04')).toEqual([]);
  });

  it('[ANA18] an open action past its due day is overdue; done or deleted ones are not', () => {
    const action = { done: false, deleted: false, dueDate: '2026-12-01' };
    expect(isActionOverdue(action, '2026-12-02')).toBe(true);
    expect(isActionOverdue(action, '2026-12-01')).toBe(false);
    expect(isActionOverdue({ ...action, done: true }, '2026-12-02')).toBe(false);
    expect(isActionOverdue({ ...action, deleted: true }, '2026-12-02')).toBe(false);
    expect(isActionOverdue({ ...action, dueDate: null }, '2026-12-02')).toBe(false);
  });
});

describe('the weekly roll-up and the range', () => {
  it('[ANA31] a range reads its whole weeks from the roll-up, the cut weeks at its ends not', () => {
    // Sunday 2026-11-01 to Monday 2026-12-07: the weeks of 11-02 … 11-30 are whole.
    expect(wholeWeeksOf('2026-11-01', '2026-12-07')).toEqual({
      firstWeek: '2026-11-02',
      lastWeek: '2026-11-30',
      lastDay: '2026-12-06',
    });
    // Monday to Sunday: every week whole.
    expect(wholeWeeksOf('2026-11-02', '2026-11-15')).toEqual({
      firstWeek: '2026-11-02',
      lastWeek: '2026-11-09',
      lastDay: '2026-11-15',
    });
    // Wednesday to the next Tuesday: no whole week.
    expect(wholeWeeksOf('2026-11-04', '2026-11-10')).toBeNull();
    expect(wholeWeeksOf('2026-11-04', '2026-11-04')).toBeNull();
  });
});
