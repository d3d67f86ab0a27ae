import { describe, expect, it } from 'vitest';
import {
  checkInsText,
  conflictShort,
  conflictText,
  developmentText,
  groupMeanRows,
  intervalText,
  meanText,
  percent,
  skewMeanRows,
} from './signal-words.ts';

const scale = [1, 2, 3, 4, 5].map((value) => ({
  value,
  label: value === 5 ? 'Outstanding' : `R${value}`,
}));

describe('signal words', () => {
  it('[CAL48] says a conflict with its numbers', () => {
    const high = {
      personId: 'p',
      kind: 'high-rating-low-achievement',
      rating: 5,
      achievement: 0.304,
      distance: 0.3,
    } as const;
    expect(conflictText(high, scale)).toBe(
      'Rated 5 · Outstanding with 30 % goal achievement (under 60 %)',
    );
    expect(conflictShort(high)).toBe('Top rating, 30 % of goals');
    const low = {
      ...high,
      kind: 'low-rating-high-achievement',
      rating: 1,
      achievement: 0.96,
    } as const;
    expect(conflictText(low, scale)).toBe('Rated 1 · R1 with 96 % goal achievement (over 90 %)');
  });

  it('[CAL53] means and intervals to one decimal', () => {
    expect(percent(0.125)).toBe('13 %');
    expect(meanText(3.25)).toBe('3.3');
    expect(meanText(Number.NaN)).toBe('—');
    expect(intervalText({ low: 2.04, high: 3.36 })).toBe('2.0 to 3.4');
    expect(intervalText(null)).toBe('—');
  });

  it('[CAL59] [CAL60] regularity and development, or nothing to say', () => {
    expect(checkInsText({ kept: 9, due: 10 })).toBe('9 of 10 held (90 %)');
    expect(checkInsText(null)).toBeNull();
    expect(developmentText({ done: 1, total: 1 })).toBe('1 of 1 item done (100 %)');
    expect(developmentText({ done: 0, total: 0 })).toBeNull();
    expect(developmentText(null)).toBeNull();
  });

  it('[CAL55] [CAL58] a row says strict, easy, higher or lower only with a verdict', () => {
    const skew = (n: number, verdict: 'strict' | 'easy' | null) => ({
      managerId: `m${n}`,
      n,
      mean: 3,
      interval: null,
      restN: 4,
      restMean: 3,
      difference: 0,
      verdict,
    });
    const rows = skewMeanRows(
      [skew(6, 'strict'), skew(5, 'easy'), skew(4, null), skew(1, null)],
      (id) => `Manager ${id}`,
    );
    expect(rows.map((row) => [row.label, row.says])).toEqual([
      ['Manager m6', 'Strict grader'],
      ['Manager m5', 'Easy grader'],
      ['Manager m4', 'No clear difference'],
      ['Manager m1', 'Too few to tell'],
    ]);
    const group = (verdict: 'above' | 'below' | null) => ({
      key: String(verdict),
      label: 'Remote',
      n: 5,
      mean: 3,
      interval: null,
      restN: 5,
      restMean: 3,
      gap: 0,
      verdict,
    });
    expect(groupMeanRows([group('above'), group('below'), group(null)]).map((r) => r.says)).toEqual(
      ['Rated higher', 'Rated lower', 'No clear difference'],
    );
  });
});
