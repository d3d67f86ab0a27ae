import { describe, expect, it } from 'vitest';
import { deleteGoal } from './edits.ts';
import { GoalIndex } from './goal-index.ts';
import { firstScreenGoals, openByDefault, writeFirstScreen } from './first-screen.ts';
import { readSnapshot, writeSnapshot } from './snapshot.ts';
import { AUTHOR, treeDoc, uuid } from './testing.ts';

const ME = uuid(700);
/** Owns no goal: the tree opens at the themes only. */
const NOBODY = uuid(701);

/**
 * Two themes; under the first, a team goal with three goals of its own, and another team goal
 * whose sub-goal holds this person's goal; under the second, one goal.
 */
function workshopTree() {
  return treeDoc([
    [1, null, 'Grow revenue'],
    [2, 1, 'Sell more'],
    [3, 2, 'Close ten deals'],
    [4, 2, 'Open Spain', { state: 'dropped' }],
    [5, 2, 'Open Italy'],
    [6, 1, 'Keep customers'],
    [7, 6, 'Cut churn'],
    [8, 7, 'Call every lapsed customer', { ownerId: ME }],
    [9, null, 'Hire well'],
    [10, 9, 'Hire a recruiter'],
  ]);
}

describe('the first screen of the goal tree', () => {
  it('[GOAL29] opens every company theme and the way down to one’s own goals', () => {
    const index = new GoalIndex(workshopTree());
    expect([...openByDefault(index, ME)].sort()).toEqual([uuid(1), uuid(6), uuid(7), uuid(9)]);
    expect([...openByDefault(index, AUTHOR)].sort()).toEqual(
      // The author owns every other goal: 7's only child, 8, is not theirs.
      [uuid(1), uuid(2), uuid(6), uuid(9)],
    );
  });

  it('[GOAL29] does not open the way to one’s deleted goals', () => {
    const doc = workshopTree();
    deleteGoal(doc, uuid(8), { by: ME });
    expect([...openByDefault(new GoalIndex(doc), ME)].sort()).toEqual([uuid(1), uuid(9)]);
  });

  it('[GOAL29] holds the first rows, depth first into open goals, and their dropped children', () => {
    const index = new GoalIndex(workshopTree());
    // Rows, opened for ME: 1, 2 (closed), 6, 7, 8, 9, 10.
    expect([...firstScreenGoals(index, NOBODY, 3)].sort()).toEqual(
      // Rows 1, 2 and 6 (closed: NOBODY owns no goal), 2's dropped child 4 (not 3, 5 or 7).
      [1, 2, 4, 6].map(uuid),
    );
    expect([...firstScreenGoals(index, ME, 5)].sort()).toEqual([1, 2, 4, 6, 7, 8].map(uuid));
    expect(firstScreenGoals(index, ME, 100).size).toBe(8);
  });

  it('[GOAL29] holds one’s own goals and the way to them, so the part opens as the whole', () => {
    const index = new GoalIndex(workshopTree());
    // ME's goal 8 is row 5: with two rows, it and its ancestors 6 and 7 come anyway.
    const ids = firstScreenGoals(index, ME, 2);
    expect([...ids].sort()).toEqual([1, 2, 4, 6, 7, 8].map(uuid));
    const part = readSnapshot(writeSnapshot(index, ids))!;
    expect(openByDefault(part, ME)).toEqual(openByDefault(index, ME));
  });

  it('[GOAL29] reads back as a part: its goals as in the whole, the live count of the whole', () => {
    const index = new GoalIndex(workshopTree());
    expect(readSnapshot(writeFirstScreen(index, ME))).toMatchObject({
      complete: false,
      liveCount: 10,
    });
    expect(readSnapshot(writeSnapshot(index))).toMatchObject({ complete: true, liveCount: 10 });

    // Three rows: goals 1, 2, 4 and 6 (see above).
    const part = readSnapshot(writeSnapshot(index, firstScreenGoals(index, NOBODY, 3)))!;
    expect([...part.goals.keys()].sort()).toEqual([1, 2, 4, 6].map(uuid));
    for (const id of part.goals.keys()) {
      expect(part.goals.get(id)).toEqual({ ...index.goals.get(id)!, checkIns: [], moves: [] });
      expect(part.progress.get(id)).toBe(index.progress.get(id));
      expect(part.tree.children.get(id)).toEqual(index.tree.children.get(id));
      expect(part.tree.parent.get(id)).toBe(index.tree.parent.get(id));
      expect(part.tree.order.get(id)).toBe(index.tree.order.get(id));
    }
    // Every root is named; the children of the goals it holds know their parent, no more.
    expect(part.tree.roots).toEqual(index.tree.roots);
    expect(part.tree.parent.get(uuid(7))).toBe(uuid(6));
    expect(part.tree.parent.get(uuid(8))).toBeUndefined();
    expect(part.tree.children.get(uuid(9))).toBeUndefined();
  });
});
