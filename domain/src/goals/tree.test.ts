import { describe, expect, it } from 'vitest';
import { effectiveTree, nextClock, readGoal } from './document.ts';
import { addGoal, addGoals, deleteGoal, moveGoal, restoreGoal } from './edits.ts';
import { replica, syncBoth } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';
import {
  childrenOf,
  depthLookup,
  depthOf,
  descendantsOf,
  MAX_MOVES,
  orderKeyAt,
  pathToRoot,
  resolveTree,
  wouldCreateCycle,
  type TreeEntry,
} from './tree.ts';

const by = { by: uuid(900), at: '2026-07-01T09:00:00.000Z' };

/** A tree entry with a move log of [parent, clock, client id] triples. */
function entry(
  id: string,
  moves: [parentId: string | null, clock: number, clientId?: number][],
  { order = 'a0', deleted = false } = {},
): TreeEntry {
  return {
    id,
    order,
    deleted,
    moves: moves.map(([parentId, clock, clientId = 1]) => ({ parentId, clock, clientId })),
  };
}

describe('goal tree moves', () => {
  it('[GOAL5] logs every re-parenting with the next Lamport clock and the writer’s client id', () => {
    const doc = replica(7);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'team', ownerId: null, parentId: null }, by);
    expect(readGoal(doc, a)!.moves).toEqual([{ parentId: null, clock: 1, clientId: 7 }]);
    expect(readGoal(doc, b)!.moves).toEqual([{ parentId: null, clock: 2, clientId: 7 }]);
    expect(moveGoal(doc, b, { parentId: a }, by)).toEqual({ ok: true });
    expect(readGoal(doc, b)!.moves).toEqual([
      { parentId: null, clock: 2, clientId: 7 },
      { parentId: a, clock: 3, clientId: 7 },
    ]);
    expect(nextClock(doc)).toBe(4);
  });

  it('[GOAL5] changes only the order key when a goal moves among the same siblings', () => {
    const doc = replica(1);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'company', ownerId: null, parentId: null }, by);
    moveGoal(doc, b, { parentId: null, index: 0 }, by);
    expect(readGoal(doc, b)!.moves).toHaveLength(1);
    expect(effectiveTree(doc).roots).toEqual([b, a]);
  });

  it('[GOAL5] takes the clock past every move seen from other replicas', () => {
    const left = replica(1);
    const right = replica(2);
    const a = addGoal(left, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(left, { title: 'B', level: 'company', ownerId: null, parentId: null }, by);
    for (let i = 0; i < 5; i++) moveGoal(left, a, { parentId: i % 2 === 0 ? b : null }, by);
    syncBoth(left, right);
    const c = addGoal(right, { title: 'C', level: 'company', ownerId: null, parentId: null }, by);
    expect(readGoal(right, c)!.moves[0]!.clock).toBe(8);
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
    // Same clock; client 2 wrote the later move, so y's move is skipped: y stays under root.
    expect(tree.parent.get(x)).toBe(y);
    expect(tree.parent.get(y)).toBe(root);
    expect(tree.adjusted.get(y)).toBe('skipped');
  });

  it('[GOAL6] skips the move with the greater clock, whatever the client ids', () => {
    const tree = resolveTree([
      entry(uuid(1), [
        [null, 1],
        [uuid(2), 9, 1],
      ]),
      entry(uuid(2), [
        [null, 2],
        [uuid(1), 4, 99],
      ]),
    ]);
    expect(tree.parent.get(uuid(1))).toBe(null);
    expect(tree.parent.get(uuid(2))).toBe(uuid(1));
    expect(tree.adjusted.get(uuid(1))).toBe('skipped');
  });

  it('[GOAL6] breaks a three-way cycle by skipping only the move that would close it', () => {
    const tree = resolveTree([
      entry(uuid(1), [
        [uuid(4), 1],
        [uuid(2), 3],
      ]),
      entry(uuid(2), [
        [uuid(4), 1],
        [uuid(3), 5],
      ]),
      entry(uuid(3), [
        [uuid(4), 1],
        [uuid(1), 4],
      ]),
      entry(uuid(4), [[null, 0]]),
    ]);
    expect(Object.fromEntries(tree.parent)).toEqual({
      [uuid(1)]: uuid(2),
      [uuid(2)]: uuid(4),
      [uuid(3)]: uuid(1),
      [uuid(4)]: null,
    });
  });

  it('[GOAL6] resolves concurrent moves of one goal by stamp: the later one wins', () => {
    const left = replica(1);
    const right = replica(2);
    const p = addGoal(left, { title: 'P', level: 'company', ownerId: null, parentId: null }, by);
    const q = addGoal(left, { title: 'Q', level: 'company', ownerId: null, parentId: null }, by);
    const x = addGoal(left, { title: 'x', level: 'team', ownerId: null, parentId: null }, by);
    syncBoth(left, right);
    moveGoal(left, x, { parentId: p }, by);
    moveGoal(right, x, { parentId: q }, by);
    syncBoth(left, right);
    expect(effectiveTree(left).parent.get(x)).toBe(q);
    expect(readGoal(left, x)!.moves).toHaveLength(3);
    expect(effectiveTree(right)).toEqual(effectiveTree(left));
  });

  it('[GOAL6] keeps a skipped move skipped when a later move undoes the cycle it would have closed', () => {
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
    moveGoal(left, x, { parentId: y }, by); // client 2: the later of the two, skipped
    moveGoal(right, y, { parentId: x }, by);
    syncBoth(left, right);
    expect(effectiveTree(right).parent.get(x)).toBe(root);
    expect(effectiveTree(right).adjusted.get(x)).toBe('skipped');

    // Moving y back to the root does not revive x's old move: x stays where everyone saw it.
    moveGoal(right, y, { parentId: root }, by);
    syncBoth(left, right);
    const tree = effectiveTree(left);
    expect(tree.parent.get(x)).toBe(root);
    expect(tree.parent.get(y)).toBe(root);
    // A new move of x is a new decision.
    moveGoal(left, x, { parentId: y }, by);
    expect(effectiveTree(left).parent.get(x)).toBe(y);
  });

  it('[GOAL6] gives the same tree whatever order the entries come in', () => {
    const entries = [
      entry(uuid(1), [
        [uuid(3), 1],
        [uuid(2), 3],
      ]),
      entry(uuid(2), [
        [uuid(3), 1],
        [uuid(1), 3, 2],
      ]),
      entry(uuid(3), [[null, 0]], { order: 'a1' }),
      entry(uuid(4), [[null, 0]], { order: 'a0' }),
    ];
    expect(resolveTree([...entries].reverse())).toEqual(resolveTree(entries));
  });

  it('[GOAL6] [GOAL7] skips a move under the goal itself or under a goal not in the document', () => {
    const tree = resolveTree([
      entry(uuid(1), [
        [null, 1],
        [uuid(1), 2],
      ]),
      entry(uuid(2), [[uuid(77), 1]]),
    ]);
    expect(tree.roots).toEqual([uuid(1), uuid(2)]);
    expect(tree.adjusted.get(uuid(1))).toBe('skipped');
    expect(tree.adjusted.get(uuid(2))).toBe('missing-parent');
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

  it('[GOAL9] makes a place shown through a deleted parent stick once the goal is moved there', () => {
    const doc = replica(1);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'team', ownerId: null, parentId: a }, by);
    const c = addGoal(doc, { title: 'C', level: 'team', ownerId: null, parentId: b }, by);
    deleteGoal(doc, b, by);
    moveGoal(doc, c, { parentId: a, index: 0 }, by);
    restoreGoal(doc, b, by);
    expect(effectiveTree(doc).parent.get(c)).toBe(a);
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
      entry(uuid(5), [[null, 1]], { order: 'a0' }),
      entry(uuid(3), [[null, 1]], { order: 'a0' }),
      entry(uuid(4), [[null, 1]], { order: 'Zz' }),
    ]);
    expect(tied.roots).toEqual([uuid(4), uuid(3), uuid(5)]);
  });

  it('[GOAL8] places a goal after a run of equal keys rather than failing', () => {
    const tree = resolveTree([
      entry(uuid(1), [[null, 1]], { order: 'a0' }),
      entry(uuid(2), [[null, 1]], { order: 'a0' }),
      entry(uuid(3), [[null, 1]], { order: 'a1' }),
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
    expect(readGoal(doc, a)!.moves).toHaveLength(1);
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

  it('[GOAL9] refuses re-parenting a goal whose move log is full', () => {
    const doc = replica(1);
    const a = addGoal(doc, { title: 'A', level: 'company', ownerId: null, parentId: null }, by);
    const b = addGoal(doc, { title: 'B', level: 'company', ownerId: null, parentId: null }, by);
    for (let i = 1; i < MAX_MOVES; i++) moveGoal(doc, b, { parentId: i % 2 === 1 ? a : null }, by);
    expect(readGoal(doc, b)!.moves).toHaveLength(MAX_MOVES);
    const target = effectiveTree(doc).parent.get(b) === null ? a : null;
    expect(moveGoal(doc, b, { parentId: target }, by)).toEqual({
      ok: false,
      reason: 'too-many-moves',
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
    expect(depthOf(tree, d)).toBe(1);
    // A lookup gives the same depths whichever goal it is asked first, and none for a stranger.
    for (const order of [
      [c, a, b, d],
      [a, b, c, d],
    ]) {
      const lookup = depthLookup(tree);
      expect(order.map(lookup)).toEqual(order.map((id) => depthOf(tree, id)));
    }
    expect(depthLookup(tree)('no-such-goal')).toBeUndefined();
  });
});

describe('adding many goals at once', () => {
  it('[GOAL5] [GOAL8] adds goals after their parents’ children in input order, parents from the same list included, in one transaction', () => {
    const doc = replica(3);
    const existing = addGoal(
      doc,
      { title: 'Old', level: 'company', ownerId: null, parentId: null },
      by,
    );
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const theme = uuid(10);
    const [, first, second, third] = addGoals(
      doc,
      [
        { id: theme, title: 'Theme', level: 'company', ownerId: null, parentId: null },
        { title: 'A', level: 'team', ownerId: null, parentId: theme },
        { title: 'B', level: 'team', ownerId: null, parentId: theme },
        {
          title: 'C',
          level: 'team',
          ownerId: null,
          parentId: existing,
          created: { by: uuid(77), at: '2026-06-01T08:00:00.000Z' },
        },
      ],
      by,
    );
    expect(transactions).toBe(1);
    const tree = effectiveTree(doc);
    expect(tree.roots).toEqual([existing, theme]);
    expect(childrenOf(tree, theme)).toEqual([first, second]);
    expect(childrenOf(tree, existing)).toEqual([third]);
    expect(readGoal(doc, second!)!.moves).toEqual([{ parentId: theme, clock: 4, clientId: 3 }]);
    expect(readGoal(doc, third!)).toMatchObject({
      createdBy: uuid(77),
      createdAt: '2026-06-01T08:00:00.000Z',
    });
  });
});
