import { describe, expect, it } from 'vitest';
import { readTree } from '@threadline/domain/goals/document';
import { treeDoc, uuid } from '@threadline/domain/goals/testing';
import type { GoalFacts } from './goal-facts.ts';
import {
  activeFilterCount,
  applyFilter,
  isFiltering,
  keepShown,
  NO_FILTER,
} from './tree-filter.ts';

const { goals, tree } = readTree(
  treeDoc([
    [1, null, 'Grow revenue'],
    [2, 1, 'Reduce churn to 2%', { teamId: 'sales', state: 'active' }],
    [3, 1, 'Ship the billing revamp', { teamId: 'eng', state: 'proposed' }],
    [4, 3, 'Cut invoice bugs by half', { teamId: 'eng', ownerId: uuid(7) }],
  ]),
);
const facts: Record<string, GoalFacts> = {
  [uuid(2)]: { progress: 0.1, health: 'red', stale: true },
  [uuid(4)]: { progress: 0.9, health: 'green', stale: false },
};
const factsFor = (goal: { id: string }) =>
  facts[goal.id] ?? { progress: null, health: null, stale: false };
const run = (patch: Partial<typeof NO_FILTER>) => {
  const result = applyFilter(goals, tree, { ...NO_FILTER, ...patch }, factsFor);
  return { matched: [...result.matched].sort(), shown: [...result.shown].sort() };
};

describe('search and filters', () => {
  it('is off until some criterion is set', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, search: '  ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, staleOnly: true })).toBe(true);
  });

  it('counts the criteria set, a blank search not among them', () => {
    expect(activeFilterCount(NO_FILTER)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTER, search: ' ', health: 'none' })).toBe(1);
    expect(
      activeFilterCount({
        search: 'churn',
        teamId: 't',
        ownerId: 'p',
        health: 'red',
        staleOnly: true,
        state: 'active',
      }),
    ).toBe(6);
  });

  it('finds titles case-insensitively and keeps the path to each match', () => {
    expect(run({ search: 'BUGS' })).toEqual({
      matched: [uuid(4)],
      shown: [uuid(1), uuid(3), uuid(4)],
    });
  });

  it('filters by team, owner and state together', () => {
    expect(run({ teamId: 'eng' }).matched).toEqual([uuid(3), uuid(4)]);
    expect(run({ teamId: 'eng', ownerId: uuid(7) }).matched).toEqual([uuid(4)]);
    expect(run({ state: 'proposed' }).matched).toEqual([uuid(3)]);
  });

  it('[GOAL12][GOAL13] filters by health, by no health, and by staleness', () => {
    expect(run({ health: 'red' }).matched).toEqual([uuid(2)]);
    expect(run({ health: 'none' }).matched).toEqual([uuid(1), uuid(3)]);
    expect(run({ staleOnly: true }).matched).toEqual([uuid(2)]);
  });
});

describe('the goal open in the details pane', () => {
  it('stays on screen, with its path, whatever the filter', () => {
    const result = applyFilter(goals, tree, { ...NO_FILTER, search: 'churn' }, factsFor);
    const kept = keepShown(result, tree, uuid(4));
    expect([...kept.matched].sort()).toEqual([uuid(2), uuid(4)]);
    expect([...kept.shown].sort()).toEqual([uuid(1), uuid(2), uuid(3), uuid(4)]);
    expect(keepShown(result, tree, null)).toBe(result);
  });
});
