import { describe, expect, it } from 'vitest';
import { effectiveTree } from '@threadline/domain/goals/document';
import { treeDoc, uuid } from '@threadline/domain/goals/testing';
import { flattenTree } from './flatten.ts';

// 1 ─┬─ 2 ─── 4
//    └─ 3
// 5
const tree = effectiveTree(
  treeDoc([
    [1, null, 'Theme'],
    [2, 1, 'Team goal'],
    [3, 1, 'Other team goal'],
    [4, 2, 'Personal goal'],
    [5, null, 'Second theme'],
  ]),
);
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('the rows on screen', () => {
  it('shows only the top level when nothing is expanded', () => {
    expect(ids(flattenTree(tree, new Set(), null))).toEqual([uuid(1), uuid(5)]);
  });

  it('walks into expanded goals depth first, with levels and sibling positions', () => {
    const rows = flattenTree(tree, new Set([uuid(1), uuid(2)]), null);
    expect(rows.map((r) => [r.id, r.level, r.position, r.siblings, r.expanded])).toEqual([
      [uuid(1), 1, 1, 2, true],
      [uuid(2), 2, 1, 2, true],
      [uuid(4), 3, 1, 1, false],
      [uuid(3), 2, 2, 2, false],
      [uuid(5), 1, 2, 2, false],
    ]);
  });

  it('does not walk into a collapsed goal below an expanded one', () => {
    expect(ids(flattenTree(tree, new Set([uuid(2)]), null))).toEqual([uuid(1), uuid(5)]);
  });

  it('while filtering, shows matches with their ancestors opened and marks the context', () => {
    const filter = { matched: new Set([uuid(4)]), shown: new Set([uuid(4), uuid(2), uuid(1)]) };
    const rows = flattenTree(tree, new Set(), filter);
    expect(rows.map((r) => [r.id, r.matched, r.siblings])).toEqual([
      [uuid(1), false, 1],
      [uuid(2), false, 1],
      [uuid(4), true, 1],
    ]);
  });

  it('while filtering, an ancestor closed by hand stays closed', () => {
    const filter = { matched: new Set([uuid(4)]), shown: new Set([uuid(4), uuid(2), uuid(1)]) };
    expect(ids(flattenTree(tree, new Set(), filter, new Set([uuid(2)])))).toEqual([
      uuid(1),
      uuid(2),
    ]);
  });

  it('while filtering, a match expanded by hand shows everything below it', () => {
    const filter = { matched: new Set([uuid(1)]), shown: new Set([uuid(1)]) };
    expect(ids(flattenTree(tree, new Set(), filter))).toEqual([uuid(1)]);
    expect(ids(flattenTree(tree, new Set([uuid(1)]), filter))).toEqual([uuid(1), uuid(2), uuid(3)]);
  });
});
