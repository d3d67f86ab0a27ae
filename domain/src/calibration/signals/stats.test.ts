import { describe, expect, it } from 'vitest';
import { mean, meanInterval, outside, sampleSd, t975 } from './stats.ts';

describe('signal statistics', () => {
  it('[CAL53] means and sample standard deviations, worked by hand', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(Number.isNaN(mean([]))).toBe(true);
    // Σ(x − 5)² = 32 over 7 degrees of freedom.
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 10);
    expect(sampleSd([3])).toBe(0);
  });

  it('[CAL53] Student’s t for 95 %: the table, then within 0.001 of the exact quantile', () => {
    expect(t975(1)).toBe(12.706);
    expect(t975(5)).toBe(2.571);
    expect(t975(30)).toBe(2.042);
    expect(t975(40)).toBeCloseTo(2.0211, 3);
    expect(t975(60)).toBeCloseTo(2.0003, 3);
    expect(t975(120)).toBeCloseTo(1.9799, 3);
    expect(t975(100_000)).toBeCloseTo(1.96, 3);
    expect(() => t975(0)).toThrow();
  });

  it('[CAL53] the interval of a mean: t(n − 1) · s / √n, s never below the board’s', () => {
    // Two values 2 and 4: mean 3, s = √2, half-width 12.706 · √2 / √2.
    const two = meanInterval([2, 4], 0)!;
    expect(two.low).toBeCloseTo(3 - 12.706, 10);
    expect(two.high).toBeCloseTo(3 + 12.706, 10);
    // Three alike: their own s is 0, so the board's 1 is used: 4.303 / √3 = 2.4843.
    const alike = meanInterval([3, 3, 3], 1)!;
    expect(alike.low).toBeCloseTo(0.5157, 4);
    expect(alike.high).toBeCloseTo(5.4843, 4);
    expect(meanInterval([3], 1)).toBeNull();
  });

  it('[CAL53] says which side of an interval a reference falls, or nothing inside it', () => {
    expect(outside({ low: 1, high: 2 }, 3)).toBe('below');
    expect(outside({ low: 1, high: 2 }, 0.5)).toBe('above');
    expect(outside({ low: 1, high: 2 }, 2)).toBeNull();
    expect(outside(null, 2)).toBeNull();
    expect(outside({ low: 1, high: 2 }, Number.NaN)).toBeNull();
  });
});
