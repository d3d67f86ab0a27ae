// GOAL27: projecting only the goals a change may have touched, over the rows of the previous
// projection, gives the rows of a projection of the whole tree — checked on random concurrent
// edits (adds, moves, deletes, check-ins, retargets, drops, reweights, retitles) made on two
// replicas and synced in random orders into the one that is projected, as the sync server's is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readGoals } from './document.ts';
import {
  addGoal,
  deleteGoal,
  moveGoal,
  recordProgress,
  setGoalState,
  updateGoalFields,
  updateMetric,
} from './edits.ts';
import { GoalIndex, PendingChanges } from './goal-index.ts';
import {
  goalsToReproject,
  projectGoals,
  projectGoalTree,
  type GoalProjection,
} from './projector.ts';
import { replica, syncOneWay } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';

const writer = { by: uuid(999), at: '2026-08-01T09:00:00.000Z' };
const context = {
  cycleId: uuid(700),
  cycle: { startsOn: '2026-07-01', endsOn: '2026-12-31' },
  now: new Date('2026-09-15T12:00:00.000Z'),
};

type Edit = 'add' | 'move' | 'delete' | 'check-in' | 'retarget' | 'drop' | 'reweight' | 'retitle';
const EDITS: Edit[] = [
  'add',
  'move',
  'delete',
  'check-in',
  'retarget',
  'drop',
  'reweight',
  'retitle',
];
type Op =
  | { kind: 'edit'; edit: Edit; replica: number; goal: number; parent: number; value: number }
  | { kind: 'sync'; to: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      edit: fc.constantFrom(...EDITS),
      replica: fc.nat({ max: 1 }),
      goal: fc.nat({ max: 1000 }),
      parent: fc.nat({ max: 1000 }),
      value: fc.integer({ min: 0, max: 100 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('sync' as const), to: fc.nat({ max: 1 }) }),
  },
);

function edit(doc: Y.Doc, op: Extract<Op, { kind: 'edit' }>): void {
  const live = [...readGoals(doc).values()].filter((goal) => !goal.deleted).map((g) => g.id);
  const goal = live[op.goal % Math.max(1, live.length)];
  const parentOf = (n: number) =>
    n % (live.length + 1) === live.length ? null : live[n % (live.length + 1)]!;
  if (op.edit === 'add' || goal === undefined) {
    addGoal(
      doc,
      {
        title: `Grow revenue ${op.value}`,
        level: 'team',
        ownerId: uuid(1),
        parentId: parentOf(op.parent),
        metric: op.value % 2 ? { kind: 'number', start: 0, target: 100 } : undefined,
        dueDate: '2026-12-31',
      },
      writer,
    );
    return;
  }
  switch (op.edit) {
    case 'move':
      moveGoal(doc, goal, { parentId: parentOf(op.parent), index: op.value % 3 }, writer);
      break;
    case 'delete':
      deleteGoal(doc, goal, writer);
      break;
    case 'check-in':
      updateMetric(doc, goal, { kind: 'number', start: 0, target: 100 }, writer);
      recordProgress(doc, goal, op.value, writer);
      break;
    case 'retarget':
      updateMetric(doc, goal, { target: op.value + 1 }, writer);
      break;
    case 'drop':
      setGoalState(doc, goal, op.value % 2 ? 'dropped' : 'active', writer);
      break;
    case 'reweight':
      updateGoalFields(doc, goal, { weight: 1 + (op.value % 5) }, writer);
      break;
    case 'retitle':
      updateGoalFields(doc, goal, { title: `Reach ${op.value} customers by Q4` }, writer);
      break;
  }
}

/** Rows as the server keeps them: by table and id. */
function keyed(projection: GoalProjection): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  for (const row of projection.goals) rows.set(`goal ${row.goalId}`, row);
  for (const event of projection.progressEvents) rows.set(`event ${event.eventId}`, event);
  return rows;
}

describe('projecting only what changed', () => {
  it('[GOAL27] a moved goal takes the goals below it along: their depths are projected again', () => {
    const doc = replica(1);
    const [a, b, c, d] = [1, 2, 3, 4].map(uuid) as [string, string, string, string];
    addGoal(doc, { id: a, title: 'A', level: 'company', ownerId: null, parentId: null }, writer);
    addGoal(doc, { id: b, title: 'B', level: 'team', ownerId: null, parentId: a }, writer);
    addGoal(doc, { id: c, title: 'C', level: 'person', ownerId: null, parentId: b }, writer);
    addGoal(doc, { id: d, title: 'D', level: 'company', ownerId: null, parentId: null }, writer);
    const pending = new PendingChanges();
    const index = new GoalIndex(doc, (change) => pending.add(change));
    const before = index.tree;
    moveGoal(doc, b, { parentId: null, index: 0 }, writer);
    // B left A (A's child count and roll-up), and C is one level higher; D is untouched.
    expect(goalsToReproject(pending.take(), before, index.tree)).toEqual(new Set([a, b, c]));
    index.destroy();
  });

  it('[GOAL27] after random concurrent edits synced in random orders, the rows kept up to date by partial projections equal a projection of the whole tree', () => {
    let partialRuns = 0;
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 3, maxLength: 30 }), (ops) => {
        const [server, other] = [replica(1), replica(2)];
        const pending = new PendingChanges();
        const index = new GoalIndex(server, (change) => pending.add(change));
        let projectedTree = index.tree;
        const rows = keyed(projectGoals(index, index.goals.keys(), context));
        for (const op of ops) {
          if (op.kind === 'sync') {
            syncOneWay(op.to === 0 ? other : server, op.to === 0 ? server : other);
          } else {
            edit(op.replica === 0 ? server : other, op);
          }
          const ids = goalsToReproject(pending.take(), projectedTree, index.tree);
          skipped += index.goals.size - ids.size;
          for (const [key, row] of keyed(projectGoals(index, ids, context))) rows.set(key, row);
          projectedTree = index.tree;
          partialRuns++;
          expect(rows).toEqual(keyed(projectGoalTree(server, context)));
        }
        index.destroy();
      }),
      { numRuns: 150 },
    );
    // Not vacuous: partial runs happened, and they left goals out.
    expect(partialRuns).toBeGreaterThan(500);
    expect(skipped).toBeGreaterThan(0);
  });
});
