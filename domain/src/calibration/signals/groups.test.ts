import { describe, expect, it } from 'vitest';
import { groupGapsOf, monthsBetween, tenureBand } from './groups.ts';
import type { SignalPerson } from './input.ts';
import { card, peopleMap, person } from './testing.ts';

const TODAY = '2026-12-07';

/** Office six people at 4, remote five at 2, hybrid two at 3. */
function byLocation() {
  const rows: [number, SignalPerson['location'], number][] = [
    ...[1, 2, 3, 4, 5, 6].map((n): [number, SignalPerson['location'], number] => [n, 'office', 4]),
    ...[7, 8, 9, 10, 11].map((n): [number, SignalPerson['location'], number] => [n, 'remote', 2]),
    [12, 'hybrid', 3],
    [13, 'hybrid', 3],
  ];
  return {
    cards: rows.map(([n, , rating]) => card(n, { rating, potential: 'medium' })),
    people: peopleMap(rows.map(([n, location]) => person(n, { location }))),
  };
}

describe('group gaps', () => {
  it('[CAL56] [CAL58] by location, worked by hand, with sample sizes and intervals', () => {
    // All thirteen: Σx = 40, Σx² = 134, Σ(x − x̄)² = 134 − 1600/13 = 10.923, s = 0.95407.
    const { cards, people } = byLocation();
    const { groups } = groupGapsOf('location', cards, people, TODAY);
    expect(groups.map((g) => [g.key, g.label, g.n, g.mean, g.restN, g.verdict])).toEqual([
      ['office', 'Office', 6, 4, 7, 'above'],
      ['remote', 'Remote', 5, 2, 8, 'below'],
    ]);
    const [office, remote] = groups;
    // Office: rest (10 + 6) / 7 = 2.2857; 4 ± 2.571 · 0.95407 / √6 = ± 1.0014.
    expect(office!.restMean).toBeCloseTo(2.2857, 4);
    expect(office!.interval!.low).toBeCloseTo(2.9986, 3);
    expect(office!.gap).toBeCloseTo(4 - 16 / 7, 10);
    // Remote: rest (24 + 6) / 8 = 3.75; 2 ± 2.776 · 0.95407 / √5 = ± 1.1844.
    expect(remote!.restMean).toBe(3.75);
    expect(remote!.interval!.high).toBeCloseTo(3.1844, 3);
  });

  it('[CAL57] a group under five is not shown: its people are counted, with no mean', () => {
    const { cards, people } = byLocation();
    const breakdown = groupGapsOf('location', cards, people, TODAY);
    expect(breakdown.groups.some((g) => g.key === 'hybrid')).toBe(false);
    expect(breakdown.notShown).toEqual({ groups: 1, people: 2 });
  });

  it('[CAL56] tenure bands: under 1, 1–3, 3–5, 5 years or more, unknown', () => {
    expect(monthsBetween('2025-12-07', TODAY)).toBe(12);
    expect(monthsBetween('2025-12-08', TODAY)).toBe(11);
    expect(tenureBand('2026-06-01', TODAY)).toBe('under-1');
    expect(tenureBand('2025-12-08', TODAY)).toBe('under-1');
    expect(tenureBand('2025-12-07', TODAY)).toBe('1-3');
    expect(tenureBand('2023-12-08', TODAY)).toBe('1-3');
    expect(tenureBand('2023-12-07', TODAY)).toBe('3-5');
    expect(tenureBand('2021-12-07', TODAY)).toBe('5-plus');
    expect(tenureBand(null, TODAY)).toBe('unknown');
  });

  it('[CAL56] by tenure band and by job level, in their natural order', () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      person(i + 1, {
        hireDate: i < 10 ? '2026-03-01' : '2019-01-01',
        jobLevel: i < 5 ? 'IC10' : i < 10 ? 'IC2' : i < 15 ? 'M1' : '',
      }),
    );
    const cards = rows.map((_, i) => card(i + 1, { rating: 1 + (i % 5), potential: 'low' }));
    const people = peopleMap(rows);
    expect(groupGapsOf('tenure', cards, people, TODAY).groups.map((g) => [g.label, g.n])).toEqual([
      ['Under 1 year', 10],
      ['5 years or more', 10],
    ]);
    expect(groupGapsOf('level', cards, people, TODAY).groups.map((g) => g.label)).toEqual([
      'IC2',
      'IC10',
      'M1',
      'No level',
    ]);
  });
});
