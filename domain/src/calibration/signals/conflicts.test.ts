import { describe, expect, it } from 'vitest';
import { conflictOf, conflictsOf } from './conflicts.ts';
import { card, CONFIG, peopleMap, person, uuid } from './testing.ts';

const bands = CONFIG.bands;

describe('conflict checks', () => {
  it('[CAL48] a high-band rating under 60 % goal achievement is flagged, with both numbers', () => {
    expect(
      conflictOf(card(1, { rating: 5, potential: 'high' }), person(1, { goalAchievement: 0.3 }), bands),
    ).toEqual({
      personId: uuid(1),
      kind: 'high-rating-low-achievement',
      rating: 5,
      achievement: 0.3,
      distance: 0.3,
    });
    // 4 is in the high band too (4–5 on five points).
    expect(
      conflictOf(card(1, { rating: 4, potential: 'low' }), person(1, { goalAchievement: 0.59 }), bands)
        ?.kind,
    ).toBe('high-rating-low-achievement');
  });

  it('[CAL48] a low-band rating over 90 % goal achievement is flagged', () => {
    const conflict = conflictOf(
      card(2, { rating: 2, potential: 'medium' }),
      person(2, { goalAchievement: 0.97 }),
      bands,
    );
    expect(conflict?.kind).toBe('low-rating-high-achievement');
    expect(conflict?.rating).toBe(2);
    expect(conflict?.distance).toBeCloseTo(0.07, 10);
  });

  it('[CAL48] exactly 60 % or 90 %, the middle band, no goals or no place: no flag', () => {
    const at = (rating: number, achievement: number | null) =>
      conflictOf(card(3, { rating, potential: 'medium' }), person(3, { goalAchievement: achievement }), bands);
    expect(at(5, 0.6)).toBeNull();
    expect(at(1, 0.9)).toBeNull();
    expect(at(3, 0.05)).toBeNull();
    expect(at(3, 1)).toBeNull();
    expect(at(5, null)).toBeNull();
    expect(conflictOf(card(3, null), person(3, { goalAchievement: 0.1 }), bands)).toBeNull();
    expect(conflictOf(card(3, { rating: 5, potential: 'high' }), undefined, bands)).toBeNull();
  });

  it('[CAL48] judges where the card sits now, not its proposal', () => {
    const moved = card(4, { rating: 3, potential: 'medium' }, { rating: 5, potential: 'high' });
    expect(conflictOf(moved, person(4, { goalAchievement: 0.2 }), bands)).toBeNull();
    const movedUp = card(4, { rating: 5, potential: 'high' }, { rating: 3, potential: 'medium' });
    expect(conflictOf(movedUp, person(4, { goalAchievement: 0.2 }), bands)?.kind).toBe(
      'high-rating-low-achievement',
    );
  });

  it('[CAL49] lists every flagged card, the widest disagreement first', () => {
    const people = peopleMap([
      person(1, { goalAchievement: 0.55 }),
      person(2, { goalAchievement: 0.97 }),
      person(3, { goalAchievement: 0.2 }),
      person(4, { goalAchievement: 0.5 }),
    ]);
    const list = conflictsOf(
      [
        card(1, { rating: 4, potential: 'medium' }),
        card(2, { rating: 1, potential: 'low' }),
        card(3, { rating: 5, potential: 'high' }),
        card(4, { rating: 3, potential: 'high' }),
        card(5, { rating: 5, potential: 'high' }),
      ],
      people,
      bands,
    );
    expect(list.map((c) => [c.personId, c.kind])).toEqual([
      [uuid(3), 'high-rating-low-achievement'],
      [uuid(2), 'low-rating-high-achievement'],
      [uuid(1), 'high-rating-low-achievement'],
    ]);
  });
});
