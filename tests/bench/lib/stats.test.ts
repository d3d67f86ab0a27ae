import { describe, expect, it } from 'vitest';
import { median, medianOf, percentile, Samples, summarise } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank, so p99 of 100 samples is the 99th and p50 the 50th', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
  });

  it('gives the only sample for every p, and NaN when there is none', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('is the largest sample at p99 when fewer than 100 samples are taken', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
  });
});

describe('summarise', () => {
  it('sorts before taking percentiles', () => {
    expect(summarise([5, 1, 4, 2, 3])).toEqual({ count: 5, p50: 3, p99: 5, max: 5 });
  });

  it('reads a growable Samples buffer past its first allocation', () => {
    const samples = new Samples();
    for (let i = 3000; i >= 1; i--) samples.push(i);
    expect(samples.length).toBe(3000);
    expect(summarise(samples)).toEqual({ count: 3000, p50: 1500, p99: 2970, max: 3000 });
    expect(samples.values()[0]).toBe(3000); // insertion order kept
  });
});

describe('median', () => {
  it('is the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('skips NaN (a run without that figure) but counts Infinity (an edit never saved)', () => {
    expect(median([NaN, 5, 7])).toBe(6);
    expect(median([5, Infinity, Infinity])).toBe(Infinity);
    expect(median([NaN])).toBeNaN();
  });

  it('takes the median of each field over runs', () => {
    const runs = [
      { a: 1, b: 10 },
      { a: 3, b: 30 },
      { a: 2, b: 20 },
    ];
    expect(medianOf(runs, ['a', 'b'])).toEqual({ a: 2, b: 20 });
  });
});
