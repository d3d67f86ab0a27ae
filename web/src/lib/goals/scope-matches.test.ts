import { describe, expect, it } from 'vitest';
import { readTree } from '@threadline/domain/goals/document';
import { deleteGoal, updateGoalFields } from '@threadline/domain/goals/edits';
import type { Goal } from '@threadline/domain/goals/model';
import { treeDoc, uuid } from '@threadline/domain/goals/testing';
import { ScopeMatches, withAncestors } from './scope-matches.ts';

const me = uuid(7);
const by = { by: me };
const mine = (goal: Goal) => goal.ownerId === me;
const sorted = (ids: Iterable<string>) => [...ids].sort();

function tree() {
  return treeDoc([
    [1, null, 'Grow revenue'],
    [2, 1, 'Reduce churn to 2%', { ownerId: me }],
    [3, 1, 'Ship the billing revamp'],
    [4, 3, 'Cut invoice bugs by half', { ownerId: me }],
  ]);
}

describe('the goals of a scope, kept up to date by change', () => {
  it('keeps the live goals the scope names, and the same set while a change moves none in or out', () => {
    const doc = tree();
    const scope = new ScopeMatches();
    const first = scope.matched(mine, ...parts(doc));
    expect(sorted(first)).toEqual([uuid(2), uuid(4)]);

    updateGoalFields(doc, uuid(2), { title: 'Reduce churn to 1.5%' }, by);
    scope.note(new Set([uuid(2)]));
    expect(scope.matched(mine, ...parts(doc))).toBe(first);
  });

  it('checks again the goals a change touched: a new owner joins, a deleted goal leaves', () => {
    const doc = tree();
    const scope = new ScopeMatches();
    scope.matched(mine, ...parts(doc));

    updateGoalFields(doc, uuid(3), { ownerId: me }, by);
    scope.note(new Set([uuid(3)]));
    expect(sorted(scope.matched(mine, ...parts(doc)))).toEqual([uuid(2), uuid(3), uuid(4)]);

    deleteGoal(doc, uuid(2), by);
    scope.note(new Set([uuid(2)]));
    expect(sorted(scope.matched(mine, ...parts(doc)))).toEqual([uuid(3), uuid(4)]);
  });

  it('passes over the whole tree again after a change that names no goals, or for another scope', () => {
    const doc = tree();
    const scope = new ScopeMatches();
    scope.matched(mine, ...parts(doc));
    // Changed without being told which: only a change naming no goals (a load, a reset) finds it.
    updateGoalFields(doc, uuid(3), { ownerId: me }, by);
    expect(sorted(scope.matched(mine, ...parts(doc)))).toEqual([uuid(2), uuid(4)]);
    scope.note(new Set());
    expect(sorted(scope.matched(mine, ...parts(doc)))).toEqual([uuid(2), uuid(3), uuid(4)]);

    const themes = (goal: Goal) => goal.title.startsWith('Grow');
    expect(sorted(scope.matched(themes, ...parts(doc)))).toEqual([uuid(1)]);
  });

  it('shows each match with the way up to its theme', () => {
    const { tree: shape } = readTree(tree());
    const result = withAncestors(new Set([uuid(4)]), shape);
    expect(sorted(result.matched)).toEqual([uuid(4)]);
    expect(sorted(result.shown)).toEqual([uuid(1), uuid(3), uuid(4)]);
  });
});

function parts(doc: ReturnType<typeof tree>) {
  const { goals, tree: shape } = readTree(doc);
  return [goals, shape] as const;
}
