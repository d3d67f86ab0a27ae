import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTree } from './document.ts';
import {
  addGoal,
  deleteGoal,
  moveGoal,
  recordProgress,
  updateGoalFields,
  updateMetric,
} from './edits.ts';
import { GoalIndex, type IndexChange } from './goal-index.ts';
import { syncOneWay } from '../ydoc/testing.ts';
import { AUTHOR, canonicalTree, treeDoc, uuid } from './testing.ts';

const by = { by: AUTHOR };

function indexed(doc: Y.Doc) {
  const changes: IndexChange[] = [];
  const index = new GoalIndex(doc, (change) => changes.push(change));
  /** The index agrees with reading the whole document afresh. */
  const agrees = () => {
    const fresh = readTree(doc);
    expect(canonicalTree(index.tree)).toBe(canonicalTree(fresh.tree));
    expect([...index.goals.values()]).toEqual([...fresh.goals.values()]);
  };
  return { index, changes, agrees };
}

describe('the plain-data index of the goal document', () => {
  it('re-reads only the goal a title edit touched, without re-resolving the tree', () => {
    const doc = treeDoc([
      [1, null, 'Theme'],
      [2, 1, 'Goal'],
    ]);
    const { index, changes, agrees } = indexed(doc);
    const untouched = index.goals.get(uuid(1));
    updateGoalFields(doc, uuid(2), { title: 'Goal, renamed' }, by);
    expect(changes).toEqual([{ goals: new Set([uuid(2)]), tree: false, progress: false }]);
    expect(index.goals.get(uuid(2))?.title).toBe('Goal, renamed');
    expect(index.goals.get(uuid(1))).toBe(untouched);
    agrees();
  });

  it('[GOAL5][GOAL7] follows adds, moves and deletes into the tree', () => {
    const doc = treeDoc([
      [1, null, 'Theme'],
      [2, 1, 'A'],
      [3, 1, 'B'],
    ]);
    const { index, changes, agrees } = indexed(doc);
    addGoal(
      doc,
      { id: uuid(4), title: 'C', level: 'person', ownerId: AUTHOR, parentId: uuid(2) },
      by,
    );
    moveGoal(doc, uuid(3), { parentId: uuid(2), index: 0 }, by);
    deleteGoal(doc, uuid(2), by);
    expect(changes.map((change) => change.tree)).toEqual([true, true, true]);
    expect(index.tree.children.get(uuid(1))).toEqual([uuid(3), uuid(4)]);
    agrees();
  });

  it('[GOAL11] re-rolls progress when a metric or a check-in changes', () => {
    const doc = treeDoc([
      [1, null, 'Theme'],
      [2, 1, 'Measured'],
    ]);
    const { index, changes, agrees } = indexed(doc);
    updateMetric(doc, uuid(2), { kind: 'number', start: 0, target: 10 }, by);
    recordProgress(doc, uuid(2), 5, by);
    expect(changes.every((change) => change.progress)).toBe(true);
    expect(index.progress.get(uuid(1))).toBe(0.5);
    agrees();
  });

  it('follows changes made on another replica and synced in', () => {
    const doc = treeDoc([[1, null, 'Theme']]);
    const other = new Y.Doc();
    other.clientID = 2;
    syncOneWay(doc, other);
    const { index, agrees } = indexed(doc);
    addGoal(
      other,
      { id: uuid(2), title: 'Remote', level: 'person', ownerId: AUTHOR, parentId: uuid(1) },
      by,
    );
    updateGoalFields(other, uuid(1), { title: 'Theme, renamed remotely' }, by);
    syncOneWay(other, doc);
    expect(index.goals.get(uuid(2))?.title).toBe('Remote');
    expect(index.goals.get(uuid(1))?.title).toBe('Theme, renamed remotely');
    agrees();
  });

  it('stops following the document once destroyed', () => {
    const doc = treeDoc([[1, null, 'Theme']]);
    const { index, changes } = indexed(doc);
    index.destroy();
    updateGoalFields(doc, uuid(1), { title: 'Later' }, by);
    expect(changes).toEqual([]);
  });
});
