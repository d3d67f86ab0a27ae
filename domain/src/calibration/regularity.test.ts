import { describe, expect, it } from 'vitest';
import { cadenceDaysBetween, checkInRegularity } from './regularity.ts';

const CYCLE = { startsOn: '2026-07-01', endsOn: '2026-12-31' };
const TODAY = '2026-12-07';

describe('check-in regularity', () => {
  it('[CAL59] counts the cadence days in a window, both ends included', () => {
    // Mondays from 2026-09-07: 09-07, 09-14, 09-21, 09-28.
    expect(cadenceDaysBetween('2026-09-07', 'weekly', '2026-09-01', '2026-09-28')).toBe(4);
    expect(cadenceDaysBetween('2026-09-07', 'weekly', '2026-09-08', '2026-09-27')).toBe(2);
    expect(cadenceDaysBetween('2026-09-07', 'biweekly', '2026-09-01', '2026-10-05')).toBe(3);
    // Every four weeks: 09-07, then 10-05.
    expect(cadenceDaysBetween('2026-09-07', 'monthly', '2026-09-01', '2026-10-04')).toBe(1);
    expect(cadenceDaysBetween('2026-09-07', 'monthly', '2026-09-01', '2026-10-05')).toBe(2);
    expect(cadenceDaysBetween('2026-09-07', 'weekly', '2026-09-08', '2026-09-13')).toBe(0);
    expect(cadenceDaysBetween('2026-09-07', 'weekly', '2026-10-01', '2026-09-01')).toBe(0);
  });

  it('[CAL59] kept ÷ due from the series’ first day to yesterday, worked by hand', () => {
    // Weekly from Monday 2026-10-05 to yesterday (Sunday 12-06): 9 Mondays due (10-05 … 11-30),
    // 8 held (10-26 missed).
    const held = [
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ];
    expect(
      checkInRegularity(
        [{ cadence: 'weekly', startsOn: '2026-10-05', endedOn: null, heldDays: held }],
        CYCLE,
        TODAY,
      ),
    ).toEqual({ kept: 8, due: 9 });
  });

  it('[CAL59] meetings outside the cycle or after an ended series do not count; extras are capped', () => {
    // Every two weeks from 2026-06-01 (before the cycle), ended 2026-07-20: of 06-15, 06-29,
    // 07-13 and 07-27 only 07-13 falls between the cycle's start and the end.
    const ended = {
      cadence: 'biweekly' as const,
      startsOn: '2026-06-01',
      endedOn: '2026-07-20',
      heldDays: ['2026-06-15', '2026-06-29', '2026-07-13', '2026-07-14', '2026-08-10'],
    };
    // Due: 07-13 only; held in window 07-13 and 07-14 (2), capped at 1.
    expect(checkInRegularity([ended], CYCLE, TODAY)).toEqual({ kept: 1, due: 1 });
    // A new series with the new manager from 2026-11-02, weekly, held every week but one.
    const running = {
      cadence: 'weekly' as const,
      startsOn: '2026-11-02',
      endedOn: null,
      heldDays: ['2026-11-02', '2026-11-09', '2026-11-23', '2026-11-30', '2026-12-07'],
    };
    // Due 11-02 … 11-30: 5; held 4 (12-07 is today, not yet counted).
    expect(checkInRegularity([ended, running], CYCLE, TODAY)).toEqual({ kept: 5, due: 6 });
  });

  it('[CAL59] no series, or nothing due yet: no data', () => {
    expect(checkInRegularity([], CYCLE, TODAY)).toBeNull();
    expect(
      checkInRegularity(
        [{ cadence: 'weekly', startsOn: '2026-12-07', endedOn: null, heldDays: [] }],
        CYCLE,
        TODAY,
      ),
    ).toBeNull();
  });
});
