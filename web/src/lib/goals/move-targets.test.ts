import { describe, expect, it } from 'vitest';
import { effectiveTree } from '@threadline/domain/goals/document';
import { treeDoc, uuid } from '@threadline/domain/goals/testing';
import { wouldCreateCycle } from '@threadline/domain/goals/tree';
import { dropPositionAt, dropTarget, keyboardMoveTarget } from './move-targets.ts';

// 1 ─┬─ 2 ─── 5
//    ├─ 3
//    └─ 4
const tree = effectiveTree(
  treeDoc([
    [1, null, 'Theme'],
    [2, 1, 'A'],
    [3, 1, 'B'],
    [4, 1, 'C'],
    [5, 2, 'A1'],
  ]),
);

describe('keyboard moves', () => {
  it('[GOAL8] moves up and down among siblings, and not past either end', () => {
    expect(keyboardMoveTarget(tree, uuid(3), 'up')).toEqual({ parentId: uuid(1), index: 0 });
    expect(keyboardMoveTarget(tree, uuid(3), 'down')).toEqual({ parentId: uuid(1), index: 2 });
    expect(keyboardMoveTarget(tree, uuid(2), 'up')).toBeNull();
    expect(keyboardMoveTarget(tree, uuid(4), 'down')).toBeNull();
  });

  it('[GOAL5] moves into the sibling above as its last child, and out next to the parent', () => {
    expect(keyboardMoveTarget(tree, uuid(3), 'into')).toEqual({
      parentId: uuid(2),
      index: Infinity,
    });
    expect(keyboardMoveTarget(tree, uuid(2), 'into')).toBeNull();
    expect(keyboardMoveTarget(tree, uuid(5), 'out')).toEqual({ parentId: uuid(1), index: 1 });
    expect(keyboardMoveTarget(tree, uuid(1), 'out')).toBeNull();
  });

  it('[GOAL8] steps over siblings a filter hides, so a goal never lands in one off screen', () => {
    const shown = new Set([uuid(1), uuid(2), uuid(4)]);
    const isShown = (id: string) => shown.has(id);
    expect(keyboardMoveTarget(tree, uuid(4), 'into', isShown)).toEqual({
      parentId: uuid(2),
      index: Infinity,
    });
    expect(keyboardMoveTarget(tree, uuid(4), 'up', isShown)).toEqual({
      parentId: uuid(1),
      index: 0,
    });
    expect(keyboardMoveTarget(tree, uuid(2), 'down', isShown)).toEqual({
      parentId: uuid(1),
      index: 2,
    });
    expect(keyboardMoveTarget(tree, uuid(2), 'up', isShown)).toBeNull();
  });
});

describe('drops', () => {
  it('[GOAL5] puts a goal inside, before or after the row it is dropped on', () => {
    expect(dropTarget(tree, uuid(4), uuid(2), 'into')).toEqual({
      parentId: uuid(2),
      index: Infinity,
    });
    expect(dropTarget(tree, uuid(4), uuid(2), 'before')).toEqual({ parentId: uuid(1), index: 0 });
    expect(dropTarget(tree, uuid(2), uuid(4), 'after')).toEqual({ parentId: uuid(1), index: 2 });
    expect(dropTarget(tree, uuid(2), uuid(2), 'into')).toBeNull();
  });

  it('[GOAL9] a drop onto one of its own sub-goals is a would-be cycle', () => {
    const target = dropTarget(tree, uuid(2), uuid(5), 'into')!;
    expect(wouldCreateCycle(tree, uuid(2), target.parentId)).toBe(true);
  });

  it('reads the drop position from the pointer: edges before and after, middle inside', () => {
    expect(dropPositionAt(2, 44)).toBe('before');
    expect(dropPositionAt(22, 44)).toBe('into');
    expect(dropPositionAt(42, 44)).toBe('after');
  });
});
