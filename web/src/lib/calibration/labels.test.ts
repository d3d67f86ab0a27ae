import { describe, expect, it } from 'vitest';
import { placeLabel, tenureOf } from './labels.ts';

describe('calibration labels', () => {
  it('names a place with its rating label and potential', () => {
    const scale = [
      { value: 1, label: 'Low' },
      { value: 2, label: 'Solid' },
      { value: 3, label: 'Top' },
    ];
    expect(placeLabel({ rating: 2, potential: 'high' }, scale)).toBe('2 · Solid, high potential');
    expect(placeLabel({ rating: 9, potential: 'low' }, scale)).toBe('9, low potential');
  });

  it('says tenure in years and months', () => {
    const today = new Date('2026-12-07T12:00:00Z');
    expect(tenureOf('2023-10-15', today)).toBe('3 years, 2 months');
    expect(tenureOf('2025-12-01', today)).toBe('1 year');
    expect(tenureOf('2026-11-20', today)).toBe('1 month');
    expect(tenureOf('2026-12-01', today)).toBe('Less than a month');
    expect(tenureOf(null, today)).toBe('Hire date unknown');
  });
});
