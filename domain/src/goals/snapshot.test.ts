import { describe, expect, it } from 'vitest';
import {
  addMilestone,
  addTag,
  approveGoal,
  deleteGoal,
  moveGoal,
  recordProgress,
  setMilestoneDone,
  updateMetric,
} from './edits.ts';
import { GoalIndex } from './goal-index.ts';
import { readSnapshot, writeSnapshot, SNAPSHOT_FORMAT } from './snapshot.ts';
import { readTree } from './document.ts';
import { replica, syncBoth } from '../ydoc/testing.ts';
import { AUTHOR, treeDoc, uuid } from './testing.ts';

const by = { by: AUTHOR };

/** A tree with something of everything a snapshot must carry. */
function variedTree() {
  const doc = treeDoc([
    [1, null, 'Grow revenue'],
    [2, 1, 'Sell more', { level: 'team', teamId: uuid(800), weight: 3 }],
    [3, 2, 'Close ten deals'],
    [4, 2, 'Launch in Spain', { dueDate: '2026-12-31', startDate: '2026-07-01' }],
    [5, null, 'Hire well', { state: 'proposed' }],
    [6, 5, 'Under a goal deleted below'],
    [7, 6, 'Grandchild'],
  ]);
  updateMetric(doc, uuid(3), { kind: 'number', start: 0, target: 10, unit: 'deals' }, by);
  recordProgress(doc, uuid(3), 4, by);
  recordProgress(doc, uuid(3), 6, by);
  updateMetric(doc, uuid(4), { kind: 'milestones' }, by);
  const milestone = addMilestone(doc, uuid(4), 'Hire a country lead', by)!;
  addMilestone(doc, uuid(4), 'Open the office', by);
  setMilestoneDone(doc, uuid(4), milestone, true, by);
  addTag(doc, uuid(3), 'Revenue growth', by);
  approveGoal(doc, uuid(5), { by: uuid(801) });
  // GOAL7: 7 shows under 5 once 6 is deleted (an adjustment the snapshot keeps).
  deleteGoal(doc, uuid(6), by);
  // GOAL6: two replicas move 3 under 4 and 4 under 3 at once; one of the moves is skipped.
  const other = replica(2);
  syncBoth(doc, other);
  moveGoal(doc, uuid(3), { parentId: uuid(4), index: 0 }, by, readTree(doc).tree);
  moveGoal(other, uuid(4), { parentId: uuid(3), index: 0 }, by, readTree(other).tree);
  syncBoth(doc, other);
  return doc;
}

describe('the snapshot of the goal index', () => {
  it('[GOAL28] reads back as the index, without check-ins and move logs', () => {
    const index = new GoalIndex(variedTree());
    expect(index.tree.adjusted.size).toBeGreaterThanOrEqual(2); // the test covers adjustments
    const back = readSnapshot(writeSnapshot(index))!;

    const expected = [...index.goals.values()].map((goal) => ({
      ...goal,
      checkIns: [],
      moves: [],
    }));
    expect([...back.goals.values()]).toEqual(expected);
    expect(back.goals.get(uuid(3))!.metric.current).toBe(6);
    expect(back.progress).toEqual(index.progress);
    expect(back.tree.roots).toEqual(index.tree.roots);
    for (const part of ['parent', 'children', 'order', 'adjusted'] as const) {
      // Same entries, in the same order (readers iterate these maps).
      expect([...back.tree[part]]).toEqual([...index.tree[part]]);
    }
  });

  it('[GOAL28] reads an empty tree back as an empty tree', () => {
    const index = new GoalIndex(replica(3));
    const back = readSnapshot(writeSnapshot(index))!;
    expect(back.goals.size).toBe(0);
    expect(back.tree.roots).toEqual([]);
  });

  it('[GOAL28] reads a snapshot of another format, or no snapshot at all, as null', () => {
    const text = writeSnapshot(new GoalIndex(variedTree()));
    const otherFormat = text.replace(
      `"format":${SNAPSHOT_FORMAT}`,
      `"format":${SNAPSHOT_FORMAT + 1}`,
    );
    expect(otherFormat).not.toBe(text);
    expect(readSnapshot(otherFormat)).toBeNull();
    expect(readSnapshot('{"goals": [')).toBeNull();
    expect(readSnapshot('null')).toBeNull();
  });
});
