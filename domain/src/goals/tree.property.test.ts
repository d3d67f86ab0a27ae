// Property tests for GOAL6 and GOAL7: concurrent adds, moves, deletes and restores on several
// replicas (separate Y.Docs exchanging real Yjs updates), synced in random orders, always end with
// one identical, acyclic tree that holds every live goal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { effectiveTree, readGoals } from './document.ts';
import { addGoal, deleteGoal, moveGoal, restoreGoal } from './edits.ts';
import { replica, syncAll, syncOneWay } from '../ydoc/testing.ts';
import { canonicalTree, uuid, walkFromRoots } from './testing.ts';
import { latestMove, resolveTree, type GoalTree, type TreeEntry } from './tree.ts';

type Op =
  | { kind: 'add'; replica: number; parent: number; index: number }
  | { kind: 'move'; replica: number; goal: number; parent: number; index: number }
  | { kind: 'delete'; replica: number; goal: number }
  | { kind: 'restore'; replica: number; goal: number }
  | { kind: 'sync'; from: number; to: number };

const writer = { by: uuid(999), at: '2026-07-01T09:00:00.000Z' };

function opArbitrary(replicas: number): fc.Arbitrary<Op> {
  const r = fc.nat({ max: replicas - 1 });
  const pick = fc.nat({ max: 1000 });
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        replica: r,
        parent: pick,
        index: pick,
      }),
    },
    {
      weight: 7,
      arbitrary: fc.record({
        kind: fc.constant('move' as const),
        replica: r,
        goal: pick,
        parent: pick,
        index: pick,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('delete' as const), replica: r, goal: pick }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('restore' as const), replica: r, goal: pick }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: r, to: r }) },
  );
}

/** Checks the invariants one replica's tree must hold at any moment. */
function expectSoundTree(doc: Y.Doc, tree: GoalTree): void {
  const live = [...readGoals(doc).values()].filter((goal) => !goal.deleted).map((goal) => goal.id);
  const reached = walkFromRoots(tree);
  // Every live goal reached exactly once from the roots: no cycle, no loss, no duplicate.
  expect(reached.length).toBe(live.length);
  expect(new Set(reached)).toEqual(new Set(live));
  for (const [id, parent] of tree.parent) {
    if (parent !== null) expect(tree.children.get(parent)).toContain(id);
  }
}

function apply(docs: Y.Doc[], op: Op): void {
  if (op.kind === 'sync') {
    if (op.from !== op.to) syncOneWay(docs[op.from]!, docs[op.to]!);
    return;
  }
  const doc = docs[op.replica]!;
  const goals = [...readGoals(doc).values()];
  const live = goals.filter((goal) => !goal.deleted).map((goal) => goal.id);
  const parentOf = (n: number) =>
    n % (live.length + 1) === live.length ? null : live[n % (live.length + 1)]!;
  switch (op.kind) {
    case 'add':
      addGoal(
        doc,
        {
          title: 'g',
          level: 'team',
          ownerId: null,
          parentId: parentOf(op.parent),
          index: op.index % 4,
        },
        writer,
      );
      break;
    case 'move':
      if (live.length > 0) {
        // A refused move (it would close a cycle on this replica) is a no-op, as in the UI.
        moveGoal(
          doc,
          live[op.goal % live.length]!,
          { parentId: parentOf(op.parent), index: op.index % 4 },
          writer,
        );
      }
      break;
    case 'delete':
      if (live.length > 0) deleteGoal(doc, live[op.goal % live.length]!, writer);
      break;
    case 'restore': {
      const deleted = goals.filter((goal) => goal.deleted);
      if (deleted.length > 0) restoreGoal(doc, deleted[op.goal % deleted.length]!.id, writer);
      break;
    }
  }
}

/** Runs counted across a property, to show the cases are not vacuous. */
const seen = { runs: 0, cycleResolved: 0, liveAncestor: 0 };

describe('concurrent goal-tree edits (property)', () => {
  it('[GOAL6] [GOAL7] random concurrent adds, moves, deletes on 3–4 replicas, synced in random orders, converge to one acyclic tree holding every live goal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 4 }).chain((replicas) =>
          fc.record({
            replicas: fc.constant(replicas),
            base: fc.integer({ min: 2, max: 6 }),
            ops: fc.array(opArbitrary(replicas), { minLength: 5, maxLength: 40 }),
            finalSyncs: fc.array(
              fc.record({ from: fc.nat({ max: replicas - 1 }), to: fc.nat({ max: replicas - 1 }) }),
              { maxLength: 12 },
            ),
          }),
        ),
        ({ replicas, base, ops, finalSyncs }) => {
          const docs = Array.from({ length: replicas }, (_, i) => replica(i + 1));
          // A shared starting tree: a chain and some siblings, known to every replica.
          let parent: string | null = null;
          for (let i = 0; i < base; i++) {
            const id = addGoal(
              docs[0]!,
              {
                title: `base ${i}`,
                level: 'team',
                ownerId: null,
                parentId: i % 2 === 0 ? parent : null,
              },
              writer,
            );
            parent = id;
          }
          syncAll(docs);

          for (const op of ops) {
            apply(docs, op);
            const doc = op.kind === 'sync' ? docs[op.to]! : docs[op.replica]!;
            expectSoundTree(doc, effectiveTree(doc));
          }
          // Deliver what is left in a random order, then everything to everyone.
          for (const { from, to } of finalSyncs)
            if (from !== to) syncOneWay(docs[from]!, docs[to]!);
          syncAll(docs);

          const trees = docs.map(effectiveTree);
          for (const [i, tree] of trees.entries()) expectSoundTree(docs[i]!, tree);
          const expected = canonicalTree(trees[0]!);
          for (const tree of trees.slice(1)) expect(canonicalTree(tree)).toBe(expected);

          seen.runs++;
          const adjustments = [...trees[0]!.adjusted.values()];
          if (adjustments.includes('skipped')) seen.cycleResolved++;
          if (adjustments.includes('live-ancestor')) seen.liveAncestor++;
        },
      ),
      { numRuns: 600 },
    );
    // The generator must actually produce concurrent cycles and deleted parents, or the property
    // would pass without testing anything.
    expect(seen.cycleResolved).toBeGreaterThan(seen.runs * 0.05);
    expect(seen.liveAncestor).toBeGreaterThan(seen.runs * 0.05);
  }, 60_000);

  it('[GOAL6] on a single replica no move is ever skipped: the tree follows every move', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary(1), { minLength: 1, maxLength: 60 }), (ops) => {
        const docs = [replica(1)];
        for (const op of ops) apply(docs, op);
        const tree = effectiveTree(docs[0]!);
        const goals = readGoals(docs[0]!);
        for (const [id, shown] of tree.parent) {
          if (tree.adjusted.get(id) === 'live-ancestor') continue;
          expect(tree.adjusted.has(id)).toBe(false);
          expect(shown).toBe(latestMove(goals.get(id)!.moves)!.parentId);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('[GOAL6] [GOAL7] any move logs at all, even hand-crafted ones, resolve to an acyclic tree holding every live goal, whatever their order', () => {
    const ids = Array.from({ length: 8 }, (_, i) => uuid(i + 1));
    const ref = fc.option(fc.constantFrom(...ids, uuid(404)), { nil: null });
    const entryArb = (id: string): fc.Arbitrary<TreeEntry> =>
      fc.record({
        id: fc.constant(id),
        deleted: fc.boolean(),
        order: fc.constantFrom('a0', 'a1', 'a0V', 'Zz'),
        moves: fc.array(
          fc.record({ parentId: ref, clock: fc.nat({ max: 4 }), clientId: fc.nat({ max: 3 }) }),
          { maxLength: 4 },
        ),
      });
    fc.assert(
      fc.property(
        fc
          .tuple(...ids.map(entryArb))
          .chain((entries) =>
            fc.tuple(
              fc.constant(entries),
              fc.shuffledSubarray(entries, { minLength: entries.length }),
            ),
          ),
        ([entries, shuffled]) => {
          const tree = resolveTree(entries);
          const live = entries.filter((e) => !e.deleted).map((e) => e.id);
          const reached = walkFromRoots(tree);
          expect(reached.length).toBe(live.length);
          expect(new Set(reached)).toEqual(new Set(live));
          expect(canonicalTree(resolveTree(shuffled))).toBe(canonicalTree(tree));
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);
});
