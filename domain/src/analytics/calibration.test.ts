import { describe, expect, it } from 'vitest';
import { movementMatrix } from './calibration.ts';

const scale = [1, 2, 3, 4, 5];
const at = (rating: number | null) =>
  rating === null ? null : { rating, potential: 'medium' as const };
const card = (original: number | null, current: number | null) => ({
  original: at(original),
  current: at(current),
});

describe('calibration dashboard rules', () => {
  it('[ANA21] the movement matrix has the unmoved cards on its diagonal', () => {
    const matrix = movementMatrix([card(3, 4), card(3, 3), card(null, 2), card(2, null)], scale);
    expect(matrix[2]).toEqual([0, 0, 1, 1, 0]);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });
});
