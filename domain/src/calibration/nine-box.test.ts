import { describe, expect, it } from 'vitest';
import { axesOf, bandOf, BOX_HINTS, boxOf, dropInBox, neighbourBox } from './nine-box.ts';
import { FIVE_POINTS } from './testing.ts';

const { bands } = FIVE_POINTS;

describe('the 9-box', () => {
  it('[CAL13] numbers boxes 3 × performance + potential + 1: box 1 low/low, box 9 high/high', () => {
    expect(boxOf({ rating: 1, potential: 'low' }, bands)).toBe(1);
    expect(boxOf({ rating: 2, potential: 'high' }, bands)).toBe(3);
    expect(boxOf({ rating: 3, potential: 'low' }, bands)).toBe(4);
    expect(boxOf({ rating: 3, potential: 'medium' }, bands)).toBe(5);
    expect(boxOf({ rating: 5, potential: 'high' }, bands)).toBe(9);
    for (let box = 1; box <= 9; box += 1) {
      const { performance, potential } = axesOf(box as 1);
      expect(boxOf({ rating: bands[performance][0]!, potential }, bands)).toBe(box);
    }
    expect(BOX_HINTS[1]).toBe('Suggest an improvement plan');
    expect(BOX_HINTS[9]).toBe('Future leader');
  });

  it('[CAL13] puts a rating outside every band in no box', () => {
    expect(bandOf(7, bands)).toBeNull();
    expect(boxOf({ rating: 7, potential: 'low' }, bands)).toBeNull();
  });

  it('[CAL13] keeps the rating when dropped in a box of its band, else takes the nearest of the band', () => {
    expect(dropInBox(6, 3, bands)).toEqual({ rating: 3, potential: 'high' });
    expect(dropInBox(8, 3, bands)).toEqual({ rating: 4, potential: 'medium' });
    expect(dropInBox(2, 5, bands)).toEqual({ rating: 2, potential: 'medium' });
    expect(dropInBox(9, 5, bands)).toEqual({ rating: 5, potential: 'high' });
    expect(dropInBox(9, null, bands)).toEqual({ rating: 4, potential: 'high' });
  });

  it('[CAL13] moves between neighbouring boxes with arrow keys and stops at the edge', () => {
    expect(neighbourBox(5, 'right')).toBe(8);
    expect(neighbourBox(5, 'left')).toBe(2);
    expect(neighbourBox(5, 'up')).toBe(6);
    expect(neighbourBox(5, 'down')).toBe(4);
    expect(neighbourBox(9, 'right')).toBeNull();
    expect(neighbourBox(1, 'down')).toBeNull();
  });
});
