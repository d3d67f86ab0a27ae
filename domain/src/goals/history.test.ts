import { describe, expect, it } from 'vitest';
import { readGoal } from './document.ts';
import { addGoal, moveGoal, recordProgress, updateGoalFields, updateMetric } from './edits.ts';
import { goalChanges } from './history.ts';
import { replica } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';

const owner = uuid(501);
const manager = uuid(502);
const by = { by: owner, at: '2026-07-01T09:00:00.000Z' };

describe('goal history', () => {
  it('[GOAL23] lists what changed between two versions, old → new', () => {
    const doc = replica(1);
    const parent = addGoal(
      doc,
      { title: 'P', level: 'company', ownerId: null, parentId: null },
      by,
    );
    const id = addGoal(
      doc,
      {
        title: 'Reduce bugs',
        level: 'team',
        ownerId: owner,
        parentId: null,
        metric: { kind: 'number', start: 40, target: 30 },
      },
      by,
    );
    const before = readGoal(doc, id)!;
    // A mid-cycle change by the manager: target, title, due date, parent.
    updateMetric(doc, id, { target: 25 }, { by: manager });
    updateGoalFields(
      doc,
      id,
      { title: 'Reduce bugs by 40%', dueDate: '2026-09-30' },
      { by: manager },
    );
    moveGoal(doc, id, { parentId: parent }, { by: manager });
    expect(goalChanges(before, readGoal(doc, id))).toEqual([
      { field: 'title', before: 'Reduce bugs', after: 'Reduce bugs by 40%' },
      { field: 'parentId', before: null, after: parent },
      { field: 'dueDate', before: null, after: '2026-09-30' },
      { field: 'metric.target', before: 30, after: 25 },
    ]);
    const checked = readGoal(doc, id)!;
    recordProgress(doc, id, 36, by);
    expect(goalChanges(checked, readGoal(doc, id))).toEqual([
      { field: 'metric.current', before: null, after: 36 },
    ]);
  });

  it('[GOAL23] reports a new goal as created, and nothing for an unchanged one', () => {
    const doc = replica(1);
    const id = addGoal(doc, { title: 'New', level: 'person', ownerId: owner, parentId: null }, by);
    const goal = readGoal(doc, id)!;
    expect(goalChanges(null, goal)).toEqual([{ field: 'created', before: null, after: 'New' }]);
    expect(goalChanges(goal, readGoal(doc, id))).toEqual([]);
  });
});
