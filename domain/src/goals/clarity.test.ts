import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLARITY_POINTS, clarityOf, type ClarityContext } from './clarity.ts';
import type { Goal, Metric } from './model.ts';

const cycle = { startsOn: '2026-07-01', endsOn: '2026-12-31' };
const none: Metric = {
  kind: 'none',
  start: null,
  target: null,
  current: null,
  unit: null,
  direction: 'increasing',
  milestones: [],
};
type Scored = Pick<Goal, 'title' | 'metric' | 'dueDate' | 'ownerId' | 'level'>;
const goal = (patch: Partial<Scored> = {}): Scored => ({
  title: 'Improve code quality',
  metric: none,
  dueDate: null,
  ownerId: null,
  level: 'team',
  ...patch,
});
const context = (patch: Partial<ClarityContext> = {}): ClarityContext => ({
  cycle,
  parentId: null,
  childCount: 0,
  ...patch,
});

describe('clarity score', () => {
  it('[GOAL14] gives the criteria weights that add up to 100', () => {
    expect(Object.values(CLARITY_POINTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('[GOAL14] scores “Improve code quality” red, suggesting a number and a date', () => {
    const clarity = clarityOf(goal(), context());
    expect(clarity.score).toBe(5);
    expect(clarity.colour).toBe('red');
    const title = clarity.suggestions.find((s) => s.criterion === 'title')!;
    expect(title.message).toBe(
      '“Improve code quality” does not say how much or by when. Add a number and a date, e.g. “Reduce post-deployment bugs by 15% by Q4 2026”.',
    );
    expect(clarity.suggestions.map((s) => s.criterion)).toEqual([
      'metric',
      'baseline',
      'due-date',
      'owner',
      'aligned',
      'title',
    ]);
    expect(clarity.suggestions.find((s) => s.criterion === 'due-date')!.message).toBe(
      'Add a due date between 2026-07-01 and 2026-12-31.',
    );
  });

  it('[GOAL14] scores a measurable, owned, aligned, dated goal with a specific title 100, with no suggestion', () => {
    const clarity = clarityOf(
      goal({
        title: 'Reduce post-deployment bugs by 15%',
        metric: { ...none, kind: 'number', start: 40, target: 34 },
        dueDate: '2026-09-30',
        ownerId: 'someone',
      }),
      context({ parentId: 'parent' }),
    );
    expect(clarity).toMatchObject({ score: 100, colour: 'green', suggestions: [] });
  });

  it('[GOAL14] takes points away for each missing piece, with a concrete suggestion', () => {
    const full = goal({
      title: 'Reduce post-deployment bugs by 15%',
      metric: { ...none, kind: 'number', start: 40, target: 34 },
      dueDate: '2026-09-30',
      ownerId: 'someone',
    });
    const aligned = context({ parentId: 'parent' });
    expect(clarityOf({ ...full, metric: { ...full.metric, start: null } }, aligned).score).toBe(85);
    expect(
      clarityOf({ ...full, metric: { ...full.metric, target: null } }, aligned).points.metric,
    ).toBe(5);
    expect(clarityOf({ ...full, dueDate: '2027-02-01' }, aligned)).toMatchObject({
      score: 90,
      suggestions: [
        {
          criterion: 'due-date',
          message:
            'The due date 2027-02-01 is outside the cycle: pick one between 2026-07-01 and 2026-12-31.',
        },
      ],
    });
    expect(clarityOf({ ...full, ownerId: null }, aligned).score).toBe(90);
    expect(clarityOf(full, context()).score).toBe(85);
    // A company goal is a root theme: it needs no parent.
    expect(clarityOf({ ...full, level: 'company' }, context()).score).toBe(100);
  });

  it('[GOAL14] scores titles: a number and three words 20, specific words 15, vague words alone 5', () => {
    const titleScore = (title: string) => clarityOf(goal({ title }), context()).points.title;
    expect(titleScore('Reach 50 paying customers')).toBe(20);
    expect(titleScore('NPS 45')).toBe(15);
    expect(titleScore('Launch the partner portal')).toBe(15);
    expect(titleScore('Partner portal')).toBe(10);
    expect(titleScore('Better onboarding')).toBe(5);
    expect(titleScore('  ')).toBe(0);
  });

  it('[GOAL14] scores metric kinds: numeric with target and two milestones fully, yes/no partly, roll-ups through children', () => {
    const metricPoints = (metric: Metric, childCount = 0) =>
      clarityOf(goal({ metric }), context({ childCount })).points;
    expect(metricPoints({ ...none, kind: 'percent', target: 80, start: 60 })).toMatchObject({
      metric: 25,
      baseline: 15,
    });
    expect(metricPoints({ ...none, kind: 'yes-no' })).toMatchObject({ metric: 15, baseline: 15 });
    const milestone = (id: string) => ({ id, title: id, done: false });
    expect(
      metricPoints({ ...none, kind: 'milestones', milestones: [milestone('a'), milestone('b')] })
        .metric,
    ).toBe(25);
    expect(metricPoints({ ...none, kind: 'milestones', milestones: [milestone('a')] }).metric).toBe(
      10,
    );
    expect(metricPoints(none, 3)).toMatchObject({ metric: 15, baseline: 15 });
    expect(metricPoints(none, 0)).toMatchObject({ metric: 0, baseline: 0 });
  });

  it('[GOAL14] colours below 50 red, below 80 yellow, else green', () => {
    const base = goal({ title: 'Launch the partner portal', ownerId: 'o', dueDate: '2026-10-01' });
    // 0 + 0 + 15 + 10 + 15 + 15 = 55
    expect(clarityOf(base, context({ parentId: 'p' }))).toMatchObject({
      score: 55,
      colour: 'yellow',
    });
    expect(clarityOf(base, context())).toMatchObject({ score: 40, colour: 'red' });
  });

  it('[GOAL14] is deterministic and stays within 0..100', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.double({ noNaN: true }), { nil: null }),
        fc.option(fc.double({ noNaN: true }), { nil: null }),
        fc.constantFrom(
          ...(['none', 'number', 'percent', 'currency', 'yes-no', 'milestones'] as const),
        ),
        fc.option(fc.constantFrom('2026-05-01', '2026-08-01', '2027-01-01'), { nil: null }),
        fc.boolean(),
        fc.nat({ max: 3 }),
        (title, start, target, kind, dueDate, owned, childCount) => {
          const scored = goal({
            title,
            metric: { ...none, kind, start, target },
            dueDate,
            ownerId: owned ? 'o' : null,
          });
          const first = clarityOf(scored, context({ childCount }));
          expect(clarityOf(scored, context({ childCount }))).toEqual(first);
          expect(first.score >= 0 && first.score <= 100).toBe(true);
          expect(first.suggestions.length > 0).toBe(first.score < 100);
        },
      ),
      { numRuns: 300 },
    );
  });
});
