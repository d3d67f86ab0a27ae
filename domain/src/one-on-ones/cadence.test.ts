import { describe, expect, it } from 'vitest';
import { isSeriesOverdue, nextScheduledDay, nextWeekday, weekdayOf } from './cadence.ts';

describe('cadence', () => {
  it('[ONE8] schedules every 7, 14 or 28 days from the first day', () => {
    expect(nextScheduledDay('2026-11-02', 'weekly', '2026-11-02')).toBe('2026-11-02');
    expect(nextScheduledDay('2026-11-02', 'weekly', '2026-11-03')).toBe('2026-11-09');
    expect(nextScheduledDay('2026-11-02', 'biweekly', '2026-11-10')).toBe('2026-11-16');
    expect(nextScheduledDay('2026-11-02', 'monthly', '2026-11-30')).toBe('2026-11-30');
    expect(nextScheduledDay('2026-11-02', 'monthly', '2026-12-01')).toBe('2026-12-28');
    expect(nextScheduledDay('2026-12-14', 'weekly', '2026-12-07')).toBe('2026-12-14');
  });

  it('[ONE8] finds weekdays across month and year ends', () => {
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2027-01-03')).toBe(7);
    expect(nextWeekday('2026-12-31', 2)).toBe('2027-01-05');
  });

  it('[ONE13] calls a series overdue once its last meeting is older than its cadence', () => {
    expect(isSeriesOverdue('2026-11-30', '2026-01-05', 'weekly', '2026-12-07')).toBe(false);
    expect(isSeriesOverdue('2026-11-30', '2026-01-05', 'weekly', '2026-12-08')).toBe(true);
    expect(isSeriesOverdue('2026-11-30', '2026-01-05', 'biweekly', '2026-12-08')).toBe(false);
    expect(isSeriesOverdue(null, '2026-12-01', 'weekly', '2026-12-07')).toBe(false);
    expect(isSeriesOverdue(null, '2026-11-01', 'weekly', '2026-12-07')).toBe(true);
  });
});
