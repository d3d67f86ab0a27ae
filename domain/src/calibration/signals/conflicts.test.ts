import { describe, expect, it } from 'vitest';
import type { Rated } from '../model.ts';
import { conflictOf, conflictsOf, scaleEnds } from './conflicts.ts';
import { card, CONFIG, peopleMap, person, uuid } from './testing.ts';

const ends = scaleEnds(CONFIG.scale);
const judge = (rated: Rated | null, achievement: number | null) =>
  conflictOf(card(1, rated), person(1, { goalAchievement: achievement }), ends);

describe('conflict checks', () => {
  it('[CAL48] the scale’s ends: 1 and 5 on five points, whatever order the scale lists', () => {
    expect(ends).toEqual({ bottom: 1, top: 5 });
    expect(scaleEnds([...CONFIG.scale].reverse())).toEqual({ bottom: 1, top: 5 });
  });

  it('[CAL48] the top rating under 60 % goal achievement is flagged, with both numbers', () => {
    expect(judge({ rating: 5, potential: 'high' }, 0.3)).toEqual({
      personId: uuid(1),
      kind: 'high-rating-low-achievement',
      rating: 5,
      achievement: 0.3,
      distance: 0.3,
    });
  });

  it('[CAL48] the bottom rating over 90 % goal achievement is flagged', () => {
    const conflict = judge({ rating: 1, potential: 'medium' }, 0.97);
    expect(conflict?.kind).toBe('low-rating-high-achievement');
    expect(conflict?.rating).toBe(1);
    expect(conflict?.distance).toBeCloseTo(0.07, 10);
  });

  it('[CAL48] exactly 60 % or 90 %, a rating between the ends, no goals or no place: no flag', () => {
    expect(judge({ rating: 5, potential: 'high' }, 0.6)).toBeNull();
    expect(judge({ rating: 1, potential: 'low' }, 0.9)).toBeNull();
    // 4 is in the high band and 2 in the low one, but neither is an end of the scale.
    expect(judge({ rating: 4, potential: 'high' }, 0.1)).toBeNull();
    expect(judge({ rating: 2, potential: 'low' }, 1)).toBeNull();
    expect(judge({ rating: 3, potential: 'medium' }, 0.05)).toBeNull();
    expect(judge({ rating: 5, potential: 'high' }, null)).toBeNull();
    expect(judge(null, 0.1)).toBeNull();
    expect(conflictOf(card(1, { rating: 5, potential: 'high' }), undefined, ends)).toBeNull();
  });

  it('[CAL48] judges where the card sits now, not its proposal', () => {
    const weak = person(4, { goalAchievement: 0.2 });
    const movedDown = card(4, { rating: 3, potential: 'medium' }, { rating: 5, potential: 'high' });
    expect(conflictOf(movedDown, weak, ends)).toBeNull();
    const movedUp = card(4, { rating: 5, potential: 'high' }, { rating: 3, potential: 'medium' });
    expect(conflictOf(movedUp, weak, ends)?.kind).toBe('high-rating-low-achievement');
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
        card(1, { rating: 5, potential: 'medium' }),
        card(2, { rating: 1, potential: 'low' }),
        card(3, { rating: 5, potential: 'high' }),
        card(4, { rating: 3, potential: 'high' }),
        card(5, { rating: 5, potential: 'high' }),
      ],
      people,
      CONFIG.scale,
    );
    expect(list.map((c) => [c.personId, c.kind])).toEqual([
      [uuid(3), 'high-rating-low-achievement'],
      [uuid(2), 'low-rating-high-achievement'],
      [uuid(1), 'high-rating-low-achievement'],
    ]);
  });
});
