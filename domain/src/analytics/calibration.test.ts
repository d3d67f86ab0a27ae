import { describe, expect, it } from 'vitest';
import { conflictOf, distribution, managerSkew, movementMatrix, shares } from './calibration.ts';

const scale = [1, 2, 3, 4, 5];
const card = (managerId: string | null, original: number | null, current: number | null) => ({
  personId: `p${Math.random()}`,
  managerId,
  original,
  current,
});

describe('calibration dashboard rules', () => {
  it('[ANA20] counts cards per rating as proposed and as calibrated', () => {
    const cards = [card('m', 3, 4), card('m', 3, 3), card('m', null, 2)];
    expect(distribution(cards, scale)).toEqual([
      { rating: 1, original: 0, calibrated: 0 },
      { rating: 2, original: 0, calibrated: 1 },
      { rating: 3, original: 2, calibrated: 1 },
      { rating: 4, original: 0, calibrated: 1 },
      { rating: 5, original: 0, calibrated: 0 },
    ]);
  });

  it('[ANA21] the movement matrix has the unmoved cards on its diagonal', () => {
    const matrix = movementMatrix([card('m', 3, 4), card('m', 3, 3), card('m', null, 2)], scale);
    expect(matrix[2]).toEqual([0, 0, 1, 1, 0]);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('[ANA22] manager skew compares a manager’s proposals with the session’s, with sample size', () => {
    const cards = [
      ...Array.from({ length: 5 }, () => card('easy', 5, 4)),
      ...Array.from({ length: 5 }, () => card('strict', 1, 2)),
    ];
    const skew = managerSkew(cards);
    expect(skew).toEqual([
      { managerId: 'easy', people: 5, skew: 2, meanMove: -1, smallSample: false },
      { managerId: 'strict', people: 5, skew: -2, meanMove: 1, smallSample: false },
    ]);
    expect(managerSkew([card('m', 3, 3)])[0]!.smallSample).toBe(true);
  });

  it('[ANA23] flags a top rating under 60 % achievement and a bottom one over 90 %', () => {
    expect(conflictOf(5, 0.59, scale)).toBe('top-rating-low-achievement');
    expect(conflictOf(5, 0.6, scale)).toBeNull();
    expect(conflictOf(1, 0.91, scale)).toBe('low-rating-high-achievement');
    expect(conflictOf(1, 0.9, scale)).toBeNull();
    expect(conflictOf(3, 0.1, scale)).toBeNull();
    expect(conflictOf(5, null, scale)).toBeNull();
  });

  it('[ANA24] shares add up to one, and are zero with nothing', () => {
    expect(shares([1, 3])).toEqual([0.25, 0.75]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });
});
