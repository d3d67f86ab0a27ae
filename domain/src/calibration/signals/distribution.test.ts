import { describe, expect, it } from 'vitest';
import { boardCards } from '../board.ts';
import { moveCard } from '../edits.ts';
import { boardWith } from '../testing.ts';
import { distributionOf } from './distribution.ts';
import { CONFIG, uuid } from './testing.ts';

/** Four proposals and one card without; person 2 moved from 3/low to 4/high. */
function board() {
  const doc = boardWith({
    [uuid(1)]: { rating: 3, potential: 'medium' },
    [uuid(2)]: { rating: 3, potential: 'low' },
    [uuid(3)]: { rating: 1, potential: 'low' },
    [uuid(4)]: null,
    [uuid(5)]: { rating: 5, potential: 'high' },
  });
  const moved = moveCard(
    doc,
    {
      moveId: uuid(100),
      personId: uuid(2),
      to: { rating: 4, potential: 'high' },
      justification: 'Led the migration',
    },
    CONFIG,
    { by: uuid(50), at: '2026-12-07T10:00:00.000Z' },
  );
  expect(moved.ok).toBe(true);
  return doc;
}

describe('distribution against the guideline', () => {
  it('[CAL50] counts and shares per rating, original and calibrated, beside the guideline', () => {
    const distribution = distributionOf(boardCards(board(), CONFIG).values(), CONFIG);
    expect(distribution.originalPlaced).toBe(4);
    expect(distribution.calibratedPlaced).toBe(4);
    expect(
      distribution.ratings.map((r) => [
        r.rating,
        r.guidelinePercent,
        r.original,
        r.calibrated,
        r.originalShare,
        r.calibratedShare,
      ]),
    ).toEqual([
      [1, 10, 1, 1, 0.25, 0.25],
      [2, 20, 0, 0, 0, 0],
      [3, 40, 2, 1, 0.5, 0.25],
      [4, 20, 0, 1, 0, 0.25],
      [5, 10, 1, 1, 0.25, 0.25],
    ]);
    expect(distribution.ratings[2]!.label).toBe('Meets expectations');
  });

  it('[CAL51] the 9-box counts of the proposals and of where the cards sit now', () => {
    const { boxes } = distributionOf(boardCards(board(), CONFIG).values(), CONFIG);
    // 3/medium → box 5, 3/low → 4, 1/low → 1, 5/high → 9.
    expect(boxes.original).toEqual({ 1: 1, 2: 0, 3: 0, 4: 1, 5: 1, 6: 0, 7: 0, 8: 0, 9: 1 });
    // Person 2 went to 4/high → box 9.
    expect(boxes.calibrated).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 1, 6: 0, 7: 0, 8: 0, 9: 2 });
  });

  it('[CAL52] more than 80 % on the diagonal is pointed out; 75 % is not', () => {
    const { diagonal } = distributionOf(boardCards(board(), CONFIG).values(), CONFIG);
    expect(diagonal.original).toEqual({ count: 3, placed: 4, share: 0.75, flagged: false });
    expect(diagonal.calibrated).toEqual({ count: 4, placed: 4, share: 1, flagged: true });
  });

  it('[CAL52] exactly 80 % is not more than 80 %; an empty board flags nothing', () => {
    const cards = [1, 2, 3, 4, 5].map((n) => ({
      personId: uuid(n),
      original: null,
      current: { rating: n === 5 ? 4 : 3, potential: 'medium' as const },
      box: n === 5 ? (8 as const) : (5 as const),
    }));
    expect(distributionOf(cards, CONFIG).diagonal.calibrated).toEqual({
      count: 4,
      placed: 5,
      share: 0.8,
      flagged: false,
    });
    const empty = distributionOf([], CONFIG);
    expect(empty.diagonal.calibrated.flagged).toBe(false);
    expect(empty.ratings.every((r) => r.calibratedShare === 0)).toBe(true);
  });
});
