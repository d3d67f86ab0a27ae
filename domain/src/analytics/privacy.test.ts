import { describe, expect, it } from 'vitest';
import { groupMedian, median, MIN_GROUP_SIZE, weekOf } from './privacy.ts';

describe('group aggregates', () => {
  it('[ANA7] takes the median of the values', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('[ANA7] [ANA8] shows a group’s median only from five distinct people', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    const four = ['a', 'b', 'c', 'd'].map((personId) => ({ personId, value: 4 }));
    expect(groupMedian(four)).toEqual({ shown: false, people: 4 });
    expect(groupMedian([...four, { personId: 'e', value: 1 }])).toEqual({
      shown: true,
      people: 5,
      median: 4,
    });
  });

  it('[ANA8] one person with many values counts once, so cannot make a group of five', () => {
    const values = [
      ...['a', 'b', 'c', 'd'].map((personId) => ({ personId, value: 3 })),
      { personId: 'a', value: 1 },
      { personId: 'a', value: 1 },
    ];
    expect(groupMedian(values)).toEqual({ shown: false, people: 4 });
    const five = [...values, { personId: 'e', value: 5 }];
    // a's own median is 1; the group's values are 1, 3, 3, 3, 5.
    expect(groupMedian(five)).toEqual({ shown: true, people: 5, median: 3 });
  });

  it('[ANA9] a week is the Monday that starts it', () => {
    expect(weekOf('2026-12-07')).toBe('2026-12-07');
    expect(weekOf('2026-12-13')).toBe('2026-12-07');
    expect(weekOf('2027-01-01')).toBe('2026-12-28');
    expect(weekOf(new Date('2026-12-09T23:30:00Z'))).toBe('2026-12-07');
  });
});
