// The signals' invariants over random boards (CAL47, CAL49, CAL50, CAL54, CAL57).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Potential, Rated } from '../model.ts';
import { HIGH_RATING_ACHIEVEMENT_BELOW, LOW_RATING_ACHIEVEMENT_ABOVE } from './conflicts.ts';
import { GROUP_DIMENSIONS, MIN_GROUP_SIZE } from './groups.ts';
import { boardSignals } from './index.ts';
import type { SignalCard, SignalPerson } from './input.ts';
import { card, CONFIG, person, uuid } from './testing.ts';

const rated = fc.record({
  rating: fc.integer({ min: 1, max: 5 }),
  potential: fc.constantFrom<Potential>('low', 'medium', 'high'),
});

const entry = fc.record({
  current: fc.option(rated, { nil: null }),
  original: fc.option(rated, { nil: null }),
  manager: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  location: fc.constantFrom<SignalPerson['location']>('office', 'hybrid', 'remote'),
  hireYear: fc.option(fc.integer({ min: 2015, max: 2026 }), { nil: null }),
  level: fc.constantFrom('IC1', 'IC2', 'IC3', 'M1', ''),
  achievement: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});

const boards = fc.array(entry, { maxLength: 60 }).map((entries) => {
  const cards: SignalCard[] = entries.map((e, i) =>
    card(i + 1, e.current as Rated | null, e.original as Rated | null),
  );
  const people = new Map(
    entries.map((e, i) => [
      uuid(i + 1),
      person(i + 1, {
        managerId: e.manager === null ? null : uuid(800 + e.manager),
        location: e.location,
        hireDate: e.hireYear === null ? null : `${e.hireYear}-03-15`,
        jobLevel: e.level,
        goalAchievement: e.achievement,
      }),
    ]),
  );
  return { cards, people };
});

const signalsOf = (cards: SignalCard[], people: Map<string, SignalPerson>) =>
  boardSignals({ cards, people, config: CONFIG, today: '2026-12-07' });

describe('signals, for any board', () => {
  it('[CAL57] no group under five is ever shown; shown and not shown add up to the placed', () => {
    fc.assert(
      fc.property(boards, ({ cards, people }) => {
        const placed = cards.filter((c) => c.current !== null).length;
        for (const breakdown of signalsOf(cards, people).groups) {
          for (const group of breakdown.groups)
            expect(group.n).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
          const shown = breakdown.groups.reduce((sum, g) => sum + g.n, 0);
          expect(shown + breakdown.notShown.people).toBe(placed);
          if (breakdown.notShown.groups === 0) expect(breakdown.notShown.people).toBe(0);
        }
        expect(GROUP_DIMENSIONS.length).toBe(3);
      }),
    );
  });

  it('[CAL50] the counts add up to the placed cards, and shares to one', () => {
    fc.assert(
      fc.property(boards, ({ cards, people }) => {
        const { distribution } = signalsOf(cards, people);
        const sum = (pick: (r: (typeof distribution.ratings)[number]) => number) =>
          distribution.ratings.reduce((total, r) => total + pick(r), 0);
        expect(sum((r) => r.calibrated)).toBe(cards.filter((c) => c.current).length);
        expect(sum((r) => r.original)).toBe(cards.filter((c) => c.original).length);
        if (distribution.calibratedPlaced > 0)
          expect(sum((r) => r.calibratedShare)).toBeCloseTo(1, 9);
        const boxes = Object.values(distribution.boxes.calibrated).reduce((a, b) => a + b, 0);
        expect(boxes).toBe(distribution.calibratedPlaced);
      }),
    );
  });

  it('[CAL54] [CAL55] a verdict only where the interval excludes the rest’s mean', () => {
    fc.assert(
      fc.property(boards, ({ cards, people }) => {
        const { skew } = signalsOf(cards, people);
        const withManager = cards.filter(
          (c) => c.current !== null && people.get(c.personId)?.managerId,
        ).length;
        expect(skew.reduce((sum, row) => sum + row.n, 0)).toBe(withManager);
        for (const row of skew) {
          if (row.n < 2) expect(row.verdict).toBeNull();
          if (row.verdict === 'strict') expect(row.interval!.high).toBeLessThan(row.restMean);
          if (row.verdict === 'easy') expect(row.interval!.low).toBeGreaterThan(row.restMean);
          if (row.interval) {
            expect(row.interval.low).toBeLessThanOrEqual(row.mean);
            expect(row.interval.high).toBeGreaterThanOrEqual(row.mean);
          }
        }
      }),
    );
  });

  it('[CAL49] every flagged card breaks a threshold, each once, and none is missed', () => {
    fc.assert(
      fc.property(boards, ({ cards, people }) => {
        const { conflicts } = signalsOf(cards, people);
        const expected = cards.filter((c) => {
          const achievement = people.get(c.personId)?.goalAchievement ?? null;
          if (c.current === null || achievement === null) return false;
          return (
            (c.current.rating === 5 && achievement < HIGH_RATING_ACHIEVEMENT_BELOW) ||
            (c.current.rating === 1 && achievement > LOW_RATING_ACHIEVEMENT_ABOVE)
          );
        });
        expect(new Set(conflicts.map((c) => c.personId))).toEqual(
          new Set(expected.map((c) => c.personId)),
        );
        expect(conflicts.length).toBe(expected.length);
      }),
    );
  });

  it('[CAL47] the same board in any order gives the same signals (every replica agrees)', () => {
    fc.assert(
      fc.property(boards, fc.integer(), ({ cards, people }, seed) => {
        const shuffled = [...cards];
        let state = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (state * 1_103_515_245 + 12_345) >>> 0;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = signalsOf(cards, people);
        const b = signalsOf(shuffled, people);
        expect(b.conflicts).toEqual(a.conflicts);
        expect(b.distribution).toEqual(a.distribution);
        // Exactly: the cards are taken in one order, so not even the last bit differs.
        expect(b.skew).toEqual(a.skew);
        expect(b.groups).toEqual(a.groups);
      }),
    );
  });
});
