import { describe, expect, it } from 'vitest';
import { readGoal } from './document.ts';
import { addGoal, deleteGoal, moveGoal, restoreGoal } from './edits.ts';
import type { MoveRecord } from './model.ts';
import { replica, syncBoth, uuid } from './testing.ts';
import {
  childrenOf,
  depthOf,
  descendantsOf,
  effectiveTree,
  nextClock,
  orderKeyAt,
  pathToRoot,
  resolveTree,
  wouldCreateCycle,
  type TreeEntry,
} from './tree.ts';

const by = { by: uuid(900), at: '2026-07-01T09:00:00.000Z' };

function entry(id: string, move: Partial<MoveRecord>, deleted = false): TreeEntry {
  return {
    id,
    deleted,
    move: {
      parentId: null,
      previousParentId: null,
      order: 'a0',
      clock: 1,
      clientId: 1,
      ...move,
      settled: move.settled ?? [],
    },
  };
}

describe('goal tree moves', () => {
  it('[GOAL5] stamps every move with the next Lamport clock and the writer’s client id', () => {
    const doc = replica(7);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'team', ownerId: null, parentId: null }, by);
    expect(readGoal(doc, a)!.move).toMatchObject({ clock: 1, clientId: 7, parentId: null });
    expect(readGoal(doc, b)!.move.clock).toBe(2);
    expect(moveGoal(doc, b, { parentId: a }, by)).toEqual({ ok: true });
    expect(readGoal(doc, b)!.move).toMatchObject({
      parentId: a,
      previousParentId: null,
      clock: 3,
      clientId: 7,
    });
    expect(nextClock(doc)).toBe(4);
  });

  it('[GOAL5] takes the clock past every move seen from other replicas', () => {
    const left = replica(1);
    const right = replica(2);
    const a = addGoal(left, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    for (let i = 0; i < 5; i++) moveGoal(left, a, { parentId: null, index: 0 }, by);
    syncBoth(left, right);
    const b = addGoal(right, { title: 'B', level: 'company', ownerId: null, parentId: null }, by);
    expect(readGoal(right, b)!.move.clock).toBe(7);
  });

  it('[GOAL6] two replicas moving x under y and y under x concurrently end with the same tree and no cycle', () => {
    const left = replica(1);
    const right = replica(2);
    const root = addGoal(
      left,
      { title: 'Root', level: 'company', ownerId: null, parentId: null },
      by,
    );
    const x = addGoal(left, { title: 'x', level: 'team', ownerId: null, parentId: root }, by);
    const y = addGoal(left, { title: 'y', level: 'team', ownerId: null, parentId: root }, by);
    syncBoth(left, right);

    expect(moveGoal(left, x, { parentId: y }, by)).toEqual({ ok: true });
    expect(moveGoal(right, y, { parentId: x }, by)).toEqual({ ok: true });
    syncBoth(left, right);

    const tree = effectiveTree(left);
    expect(effectiveTree(right)).toEqual(tree);
    // Same clock; client 2 wrote the later move, so y's move is set aside: y stays under root.
    expect(tree.parent.get(x)).toBe(y);
    expect(tree.parent.get(y)).toBe(root);
    expect(tree.adjusted.get(y)).toBe('previous-parent');
  });

  it('[GOAL6] keeps a set-aside move set aside when a later move undoes the cycle it closed', () => {
    const left = replica(2);
    const right = replica(1);
    const root = addGoal(
      left,
      { title: 'Root', level: 'company', ownerId: null, parentId: null },
      by,
    );
    const x = addGoal(left, { title: 'x', level: 'team', ownerId: null, parentId: root }, by);
    const y = addGoal(left, { title: 'y', level: 'team', ownerId: null, parentId: root }, by);
    syncBoth(left, right);
    moveGoal(left, x, { parentId: y }, by); // client 2: the later of the two, set aside
    moveGoal(right, y, { parentId: x }, by);
    syncBoth(left, right);
    expect(effectiveTree(right).parent.get(x)).toBe(root);
    expect(effectiveTree(right).setAside).toEqual([{ goalId: x, clock: 4, clientId: 2 }]);

    // Moving y back to the root names x's move as settled: x stays where everyone saw it.
    moveGoal(right, y, { parentId: root }, by);
    syncBoth(left, right);
    const tree = effectiveTree(left);
    expect(tree.parent.get(x)).toBe(root);
    expect(tree.parent.get(y)).toBe(root);
    expect(readGoal(left, y)!.move.settled).toEqual([{ goalId: x, clock: 4, clientId: 2 }]);
    // Until x moves again: a new move of x is a new decision.
    moveGoal(left, x, { parentId: y }, by);
    expect(effectiveTree(left).parent.get(x)).toBe(y);
  });

  it('[GOAL6] sets aside the move with the greatest clock, whatever the client ids', () => {
    const tree = resolveTree([
      entry(uuid(1), { parentId: uuid(2), previousParentId: null, clock: 9, clientId: 1 }),
      entry(uuid(2), { parentId: uuid(1), previousParentId: null, clock: 4, clientId: 99 }),
    ]);
    expect(tree.parent.get(uuid(1))).toBe(null);
    expect(tree.parent.get(uuid(2))).toBe(uuid(1));
  });

  it('[GOAL6] breaks a three-way cycle by its latest move only', () => {
    const tree = resolveTree([
      entry(uuid(1), { parentId: uuid(2), previousParentId: uuid(4), clock: 3 }),
      entry(uuid(2), { parentId: uuid(3), previousParentId: uuid(4), clock: 5 }),
      entry(uuid(3), { parentId: uuid(1), previousParentId: uuid(4), clock: 4 }),
      entry(uuid(4), {}),
    ]);
    expect(Object.fromEntries(tree.parent)).toEqual({
      [uuid(1)]: uuid(2),
      [uuid(2)]: uuid(4),
      [uuid(3)]: uuid(1),
      [uuid(4)]: null,
    });
  });

  it('[GOAL6] attaches a goal to the root when its previous parent closes a cycle too', () => {
    // 1 → 2 → 1; 1's move is the latest and its previous parent is 2 again.
    const tree = resolveTree([
      entry(uuid(1), { parentId: uuid(2), previousParentId: uuid(2), clock: 8 }),
      entry(uuid(2), { parentId: uuid(1), previousParentId: null, clock: 2 }),
    ]);
    expect(tree.parent.get(uuid(1))).toBe(null);
    expect(tree.parent.get(uuid(2))).toBe(uuid(1));
    expect(tree.adjusted.get(uuid(1))).toBe('root');
  });

  it('[GOAL6] gives the same tree whatever order the entries come in', () => {
    const entries = [
      entry(uuid(1), { parentId: uuid(2), previousParentId: uuid(3), clock: 3 }),
      entry(uuid(2), { parentId: uuid(1), previousParentId: uuid(3), clock: 3, clientId: 2 }),
      entry(uuid(3), { order: 'a1' }),
      entry(uuid(4), { order: 'a0' }),
    ];
    expect(resolveTree([...entries].reverse())).toEqual(resolveTree(entries));
  });

  it('[GOAL7] shows the children of a deleted goal under its nearest live ancestor, and back when restored', () => {
    const doc = replica(1);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'team', ownerId: null, parentId: a }, by);
    const c = addGoal(doc, { title: 'C', level: 'team', ownerId: null, parentId: b }, by);
    const d = addGoal(doc, { title: 'D', level: 'person', ownerId: null, parentId: c }, by);
    deleteGoal(doc, b, by);
    deleteGoal(doc, c, by);
    let tree = effectiveTree(doc);
    expect(tree.parent.get(d)).toBe(a);
    expect(tree.parent.has(b)).toBe(false);
    expect(tree.adjusted.get(d)).toBe('live-ancestor');
    deleteGoal(doc, a, by);
    expect(effectiveTree(doc).parent.get(d)).toBe(null);
    restoreGoal(doc, c, by);
    tree = effectiveTree(doc);
    expect(tree.parent.get(d)).toBe(c);
    expect(tree.parent.get(c)).toBe(null);
  });

  it('[GOAL7] keeps a goal moved under a goal deleted at the same time', () => {
    const left = replica(1);
    const right = replica(2);
    const a = addGoal(left, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(left, { title: 'B', level: 'team', ownerId: null, parentId: a }, by);
    const c = addGoal(left, { title: 'C', level: 'team', ownerId: null, parentId: a }, by);
    syncBoth(left, right);
    deleteGoal(left, b, by);
    moveGoal(right, c, { parentId: b }, by);
    syncBoth(left, right);
    expect(effectiveTree(left).parent.get(c)).toBe(a);
    expect(effectiveTree(right)).toEqual(effectiveTree(left));
  });

  it('[GOAL7] puts a goal whose parent is missing from the document at the root', () => {
    const tree = resolveTree([entry(uuid(1), { parentId: uuid(77) })]);
    expect(tree.roots).toEqual([uuid(1)]);
    expect(tree.adjusted.get(uuid(1))).toBe('missing-parent');
  });

  it('[GOAL8] orders siblings by order key, then id, and inserts between neighbours', () => {
    const doc = replica(1);
    const root = addGoal(doc, { title: 'R', level: 'company', ownerId: null, parentId: null }, by);
    const first = addGoal(doc, { title: '1', level: 'team', ownerId: null, parentId: root }, by);
    const last = addGoal(doc, { title: '3', level: 'team', ownerId: null, parentId: root }, by);
    const middle = addGoal(
      doc,
      { title: '2', level: 'team', ownerId: null, parentId: root, index: 1 },
      by,
    );
    expect(childrenOf(effectiveTree(doc), root)).toEqual([first, middle, last]);
    moveGoal(doc, first, { parentId: root, index: 2 }, by);
    expect(childrenOf(effectiveTree(doc), root)).toEqual([middle, last, first]);
    moveGoal(doc, first, { parentId: root, index: 0 }, by);
    expect(childrenOf(effectiveTree(doc), root)).toEqual([first, middle, last]);

    const tied = resolveTree([
      entry(uuid(5), { order: 'a0' }),
      entry(uuid(3), { order: 'a0' }),
      entry(uuid(4), { order: 'Zz' }),
    ]);
    expect(tied.roots).toEqual([uuid(4), uuid(3), uuid(5)]);
  });

  it('[GOAL8] places a goal after a run of equal keys rather than failing', () => {
    const tree = resolveTree([
      entry(uuid(1), { order: 'a0' }),
      entry(uuid(2), { order: 'a0' }),
      entry(uuid(3), { order: 'a1' }),
    ]);
    const key = orderKeyAt(tree, null, 1);
    expect(key > 'a0' && key < 'a1').toBe(true);
  });

  it('[GOAL9] refuses a local move that would make a goal its own ancestor', () => {
    const doc = replica(1);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'team', ownerId: null, parentId: a }, by);
    const c = addGoal(doc, { title: 'C', level: 'person', ownerId: null, parentId: b }, by);
    const tree = effectiveTree(doc);
    expect(wouldCreateCycle(tree, a, c)).toBe(true);
    expect(wouldCreateCycle(tree, a, a)).toBe(true);
    expect(wouldCreateCycle(tree, c, a)).toBe(false);
    expect(wouldCreateCycle(tree, a, null)).toBe(false);
    expect(moveGoal(doc, a, { parentId: c }, by)).toEqual({ ok: false, reason: 'cycle' });
    expect(readGoal(doc, a)!.move.parentId).toBe(null);
  });

  it('[GOAL9] refuses moving a deleted goal or into one', () => {
    const doc = replica(1);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'team', ownerId: null, parentId: null }, by);
    deleteGoal(doc, a, by);
    expect(moveGoal(doc, b, { parentId: a }, by)).toEqual({ ok: false, reason: 'deleted-goal' });
    expect(moveGoal(doc, a, { parentId: b }, by)).toEqual({ ok: false, reason: 'deleted-goal' });
    expect(moveGoal(doc, b, { parentId: uuid(404) }, by)).toEqual({
      ok: false,
      reason: 'missing-parent',
    });
  });

  it('gives the line of sight, depth and everything aligned beneath a goal', () => {
    const doc = replica(1);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'team', ownerId: null, parentId: a }, by);
    const c = addGoal(doc, { title: 'C', level: 'person', ownerId: null, parentId: b }, by);
    const d = addGoal(doc, { title: 'D', level: 'person', ownerId: null, parentId: a }, by);
    const tree = effectiveTree(doc);
    expect(pathToRoot(tree, c)).toEqual([c, b, a]);
    expect(depthOf(tree, c)).toBe(2);
    expect(depthOf(tree, a)).toBe(0);
    expect(descendantsOf(tree, a)).toEqual([b, c, d]);
  });
});
