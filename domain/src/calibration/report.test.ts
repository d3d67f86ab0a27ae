import { describe, expect, it } from 'vitest';
import { boardCards } from './board.ts';
import { moveCard } from './edits.ts';
import { reportDistribution } from './report.ts';
import { boardWith, FIVE_POINTS, uuid } from './testing.ts';

describe('the session report', () => {
  it('[CAL81] counts original and calibrated ratings against the guideline, with shares of each', () => {
    const doc = boardWith({
      [uuid(1)]: { rating: 3, potential: 'medium' },
      [uuid(2)]: { rating: 3, potential: 'high' },
      [uuid(3)]: { rating: 5, potential: 'high' },
      [uuid(4)]: null,
    });
    moveCard(
      doc,
      {
        moveId: uuid(100),
        personId: uuid(2),
        to: { rating: 4, potential: 'high' },
        justification: 'Led it',
      },
      FIVE_POINTS,
      { by: uuid(10) },
    );
    const report = reportDistribution(boardCards(doc, FIVE_POINTS).values(), FIVE_POINTS.scale, {
      '1': 10,
      '2': 20,
      '3': 40,
      '4': 20,
      '5': 10,
    });
    expect(report.withOriginal).toBe(3);
    expect(report.placed).toBe(3);
    expect(
      report.rows.map((row) => [row.rating, row.guideline, row.original, row.calibrated]),
    ).toEqual([
      [1, 10, 0, 0],
      [2, 20, 0, 0],
      [3, 40, 2, 1],
      [4, 20, 0, 1],
      [5, 10, 1, 1],
    ]);
    expect(report.rows[2]).toMatchObject({ originalPercent: 66.7, calibratedPercent: 33.3 });
    expect(report.boxes.unplaced).toBe(1);
    expect(report.boxes.boxes[9]).toBe(2);
  });
});
