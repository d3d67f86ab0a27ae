import { describe, expect, it } from 'vitest';
import { boardCards, movesInOrder } from './board.ts';
import { moveCard } from './edits.ts';
import { MOVES_HEADER, movesRows, RATINGS_HEADER, ratingsRows, safeCell } from './export.ts';
import { defaultMatrix } from './merit/matrix.ts';
import { meritSummary } from './merit/recommend.ts';
import { boardWith, FIVE_POINTS, uuid } from './testing.ts';

const kwame = uuid(1);
const ana = uuid(2);
const daniel = uuid(10);

function finalBoard() {
  const doc = boardWith({
    [kwame]: { rating: 3, potential: 'medium' },
    [ana]: { rating: 5, potential: 'high' },
  });
  const move = (moveId: string, rating: number, justification: string, at: string) =>
    moveCard(
      doc,
      { moveId, personId: kwame, to: { rating, potential: 'medium' }, justification },
      FIVE_POINTS,
      { by: daniel, at },
    );
  move(uuid(100), 4, 'Led the migration', '2026-12-07T10:00:00.000Z');
  move(uuid(101), 5, '=HYPERLINK("http://x","click")', '2026-12-07T11:00:00.000Z');
  return doc;
}

const people = new Map([
  [kwame, { name: 'Kwame Mensah', title: 'Engineer', managerName: 'Daniel Kowalski' }],
  [ana, { name: '@Ana Lima', title: '-Staff', managerName: null }],
]);

describe('exports', () => {
  it('[CAL80] prefixes a cell a spreadsheet would run as a formula with an apostrophe', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('+44 20')).toBe("'+44 20");
    expect(safeCell('-5')).toBe("'-5");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('\tx')).toBe("'\tx");
    expect(safeCell('\rx')).toBe("'\rx");
    expect(safeCell('Ana = lead')).toBe('Ana = lead');
    expect(safeCell('')).toBe('');
  });

  it('[CAL79] lists each card’s original, calibrated place, box and last justification, safe cells', () => {
    const doc = finalBoard();
    const rows = ratingsRows({
      config: FIVE_POINTS,
      cards: boardCards(doc, FIVE_POINTS).values(),
      moves: movesInOrder(doc),
      people,
    });
    expect(rows[0]).toEqual([...RATINGS_HEADER]);
    expect(rows.slice(1)).toEqual([
      ["'@Ana Lima", "'-Staff", '', 'Outstanding', 'high', 'Outstanding', 'high', '9', ''],
      [
        'Kwame Mensah',
        'Engineer',
        'Daniel Kowalski',
        'Meets expectations',
        'medium',
        'Outstanding',
        'medium',
        '8',
        `'=HYPERLINK("http://x","click")`,
      ],
    ]);
  });

  it('[CAL79] adds the recommended increase only when given the recommendations (CAL76)', () => {
    const doc = finalBoard();
    const cards = [...boardCards(doc, FIVE_POINTS).values()];
    const summary = meritSummary(
      cards.map((card) => ({
        personId: card.personId,
        rating: card.current?.rating ?? null,
        pay:
          card.personId === kwame
            ? {
                salary: 5_000_000,
                currency: 'EUR',
                rangeMin: 4_000_000,
                rangeMid: 5_000_000,
                rangeMax: 6_000_000,
              }
            : null,
      })),
      defaultMatrix(FIVE_POINTS.scale),
      3,
    );
    const rows = ratingsRows({
      config: FIVE_POINTS,
      cards,
      moves: movesInOrder(doc),
      people,
      recommendations: summary.recommendations,
    });
    expect(rows[0]!.slice(-4)).toEqual([
      'Range position',
      'Recommended increase (%)',
      'Recommended increase',
      'Currency',
    ]);
    expect(rows[1]!.slice(-4)).toEqual(['', '', '', '']);
    expect(rows[2]!.slice(-4)).toEqual(['within', '7', '3500', 'EUR']);
  });

  it('[CAL79] writes the full move history oldest first, with names', () => {
    const doc = finalBoard();
    const rows = movesRows({
      config: FIVE_POINTS,
      moves: movesInOrder(doc),
      names: new Map([
        [kwame, 'Kwame Mensah'],
        [daniel, 'Daniel Kowalski'],
      ]),
    });
    expect(rows).toEqual([
      [...MOVES_HEADER],
      [
        '2026-12-07T10:00:00.000Z',
        'Kwame Mensah',
        'Daniel Kowalski',
        'Meets expectations',
        'medium',
        'Exceeds',
        'medium',
        'Led the migration',
      ],
      [
        '2026-12-07T11:00:00.000Z',
        'Kwame Mensah',
        'Daniel Kowalski',
        'Exceeds',
        'medium',
        'Outstanding',
        'medium',
        `'=HYPERLINK("http://x","click")`,
      ],
    ]);
  });
});
