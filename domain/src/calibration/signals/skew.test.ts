import { describe, expect, it } from 'vitest';
import { managerSkewOf } from './skew.ts';
import { card, peopleMap, person, uuid } from './testing.ts';

const [strict, middle, easy, single] = [uuid(901), uuid(902), uuid(903), uuid(904)];

/** Four reports each rated 1 (strict), 3 (middle) and 5 (easy). */
function teams(extra: { n: number; managerId: string; rating: number }[] = []) {
  const rows = [
    ...[1, 2, 3, 4].map((n) => ({ n, managerId: strict, rating: 1 })),
    ...[5, 6, 7, 8].map((n) => ({ n, managerId: middle, rating: 3 })),
    ...[9, 10, 11, 12].map((n) => ({ n, managerId: easy, rating: 5 })),
    ...extra,
  ];
  return {
    cards: rows.map(({ n, rating }) => card(n, { rating, potential: 'medium' })),
    people: peopleMap(rows.map(({ n, managerId }) => person(n, { managerId }))),
  };
}

describe('manager skew', () => {
  it('[CAL54] [CAL55] worked by hand: strict below the rest, easy above, the middle neither', () => {
    // All twelve: mean 3, Σ(x − 3)² = 32, s = √(32/11) = 1.7056. Each manager: n 4,
    // half-width t(3) · s / 2 = 3.182 · 1.7056 / 2 = 2.7137.
    const { cards, people } = teams();
    const rows = managerSkewOf(cards, people);
    expect(rows.map((r) => [r.managerId, r.n, r.mean, r.restN, r.restMean, r.verdict])).toEqual([
      [strict, 4, 1, 8, 4, 'strict'],
      [middle, 4, 3, 8, 3, null],
      [easy, 4, 5, 8, 2, 'easy'],
    ]);
    const [s, , e] = rows;
    expect(s!.interval!.high).toBeCloseTo(1 + 2.7137, 3); // 3.7137 < 4: strict
    expect(e!.interval!.low).toBeCloseTo(5 - 2.7137, 3); // 2.2863 > 2: easy
    expect(s!.difference).toBe(-3);
  });

  it('[CAL55] one report says nothing, however far from the rest', () => {
    const { cards, people } = teams([{ n: 13, managerId: single, rating: 1 }]);
    const row = managerSkewOf(cards, people).find((r) => r.managerId === single)!;
    expect(row.n).toBe(1);
    expect(row.interval).toBeNull();
    expect(row.verdict).toBeNull();
  });

  it('[CAL55] a small team rated a little low is not called strict', () => {
    // Two reports at 2 against ten at 3–4: s of the board is used, the interval is wide.
    const rows = [
      { n: 1, managerId: strict, rating: 2 },
      { n: 2, managerId: strict, rating: 2 },
      ...Array.from({ length: 10 }, (_, i) => ({
        n: 3 + i,
        managerId: middle,
        rating: 3 + (i % 2),
      })),
    ];
    const result = managerSkewOf(
      rows.map(({ n, rating }) => card(n, { rating, potential: 'low' })),
      peopleMap(rows.map(({ n, managerId }) => person(n, { managerId }))),
    );
    expect(result.find((r) => r.managerId === strict)!.verdict).toBeNull();
  });

  it('[CAL54] counts only placed cards, and people without a manager only in the rest', () => {
    const { cards, people } = teams();
    const withOthers = [...cards, card(20, null), card(21, { rating: 3, potential: 'high' })];
    const more = new Map(people);
    more.set(uuid(20), person(20, { managerId: strict }));
    more.set(uuid(21), person(21, { managerId: null }));
    const row = managerSkewOf(withOthers, more).find((r) => r.managerId === strict)!;
    expect(row.n).toBe(4);
    expect(row.restN).toBe(9);
    expect(row.restMean).toBeCloseTo((12 + 20 + 3) / 9, 10);
  });
});
