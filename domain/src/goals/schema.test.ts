import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readGoal } from './document.ts';
import {
  addGoal,
  addMilestone,
  addTag,
  approveGoal,
  deleteGoal,
  moveGoal,
  recordProgress,
  setGoalState,
  updateGoalFields,
  updateMetric,
} from './edits.ts';
import { checkPreserved, validateGoals, validateGoalTree } from './schema.ts';
import { goalMap, goalsRoot } from './shape.ts';
import { replica, uuid } from './testing.ts';
import { collectTouched } from './touched.ts';

const owner = uuid(501);
const by = { by: owner, at: '2026-07-01T09:00:00.000Z' };

function docWithGoal() {
  const doc = replica(1);
  const parent = addGoal(
    doc,
    { title: 'Parent', level: 'company', ownerId: owner, parentId: null },
    by,
  );
  const id = addGoal(
    doc,
    {
      title: 'Child',
      level: 'team',
      ownerId: owner,
      parentId: parent,
      metric: { kind: 'milestones', milestones: ['a'] },
    },
    by,
  );
  return { doc, parent, id, map: goalMap(doc, id)! };
}

const messages = (doc: Y.Doc) =>
  validateGoalTree(doc).map((issue) => `${issue.path}: ${issue.message}`);

describe('goal-tree schema', () => {
  it('[GOAL2] accepts every document the edit helpers write', () => {
    const kinds = ['none', 'number', 'percent', 'currency', 'yes-no', 'milestones'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.constantFrom(
              'add',
              'fields',
              'metric',
              'progress',
              'milestone',
              'tag',
              'move',
              'state',
              'approve',
              'delete',
            ),
            n: fc.nat({ max: 100 }),
            kind: fc.constantFrom(...kinds),
            value: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
            text: fc.string({ maxLength: 60 }),
          }),
          { maxLength: 30 },
        ),
        (ops) => {
          const doc = replica(1);
          const ids = [
            addGoal(doc, { title: 'root', level: 'company', ownerId: owner, parentId: null }, by),
          ];
          for (const { op, n, kind, value, text } of ops) {
            const id = ids[n % ids.length]!;
            if (op === 'add')
              ids.push(
                addGoal(
                  doc,
                  {
                    title: text,
                    level: 'person',
                    ownerId: owner,
                    parentId: id,
                    metric: { kind, target: value },
                  },
                  by,
                ),
              );
            if (op === 'fields')
              updateGoalFields(
                doc,
                id,
                { title: text, description: text, dueDate: '2026-09-30', weight: n },
                by,
              );
            if (op === 'metric')
              updateMetric(doc, id, { kind, start: value, unit: text.slice(0, 10) }, by);
            if (op === 'progress') recordProgress(doc, id, value, by);
            if (op === 'milestone') addMilestone(doc, id, text, by);
            if (op === 'tag') addTag(doc, id, text.slice(0, 40), by);
            if (op === 'move')
              moveGoal(doc, id, { parentId: ids[(n * 7) % ids.length]!, index: n }, by);
            if (op === 'state')
              setGoalState(
                doc,
                id,
                (['draft', 'proposed', 'done', 'dropped'] as const)[n % 4]!,
                by,
              );
            if (op === 'approve') approveGoal(doc, id, by);
            if (op === 'delete') deleteGoal(doc, id, by);
          }
          expect(validateGoalTree(doc)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('[GOAL1] refuses unknown top-level types and goal keys that are not UUIDs', () => {
    const { doc } = docWithGoal();
    doc.getArray('extra').push([1]);
    goalsRoot(doc).set('not-a-uuid', new Y.Map());
    expect(messages(doc)).toEqual([
      'extra: Unknown top-level type.',
      ': Goal ids are lowercase UUIDs.',
    ]);
  });

  it('[GOAL2] refuses unknown keys, missing keys and values of the wrong type or range', () => {
    const cases: [string, (map: Y.Map<unknown>) => void, string][] = [
      ['unknown key', (m) => m.set('colour', 'red'), ': Unrecognized key: "colour"'],
      [
        'missing key',
        (m) => m.delete('createdAt'),
        'createdAt: Invalid input: expected string, received undefined',
      ],
      [
        'null weight',
        (m) => m.set('weight', null),
        'weight: Invalid input: expected number, received null',
      ],
      ['title as a string', (m) => m.set('title', 'plain'), 'title: Expected a Y.Text.'],
      [
        'bad level',
        (m) => m.set('level', 'galaxy'),
        'level: Invalid option: expected one of "company"|"team"|"person"',
      ],
      [
        'bad date',
        (m) => m.set('dueDate', '2026-02-30'),
        'dueDate: Expected a calendar day YYYY-MM-DD.',
      ],
      ['bad owner', (m) => m.set('ownerId', 'bob'), 'ownerId: Expected a lowercase UUID.'],
      [
        'weight out of range',
        (m) => m.set('weight', 101),
        'weight: Too big: expected number to be <=100',
      ],
      ['bad order key', (m) => m.set('order', 'a'), 'order: Expected a fractional order key.'],
      [
        'infinite value',
        (m) => (m.get('metric') as Y.Map<unknown>).set('target', Infinity),
        'metric.target: Invalid input: expected number, received Infinity',
      ],
      [
        'formatted title',
        (m) => (m.get('title') as Y.Text).format(0, 2, { bold: true }),
        'title: Expected plain text.',
      ],
      [
        'long title',
        (m) => (m.get('title') as Y.Text).insert(0, 'x'.repeat(200)),
        'title: At most 200 characters.',
      ],
      [
        'too many tags',
        (m) => {
          for (let i = 0; i < 21; i++) (m.get('tags') as Y.Map<true>).set(`t${i}`, true);
        },
        'tags: At most 20 tags.',
      ],
      [
        'tag not true',
        (m) => (m.get('tags') as Y.Map<unknown>).set('x', 1),
        'tags.x: Invalid input: expected true',
      ],
      [
        'bad check-in',
        (m) =>
          (m.get('checkIns') as Y.Array<unknown>).push([
            { id: 'c', value: 1, progress: 2, at: 'now', by: owner },
          ]),
        'checkIns.0.progress: Too big: expected number to be <=1',
      ],
      [
        'repeated milestone ids',
        (m) => {
          const list = (m.get('metric') as Y.Map<unknown>).get('milestones') as Y.Array<
            Y.Map<unknown>
          >;
          const copy = new Y.Map<unknown>();
          copy.set('id', list.get(0).get('id'));
          copy.set('title', 'b');
          copy.set('done', false);
          list.push([copy]);
        },
        'metric.milestones: Milestone ids repeat.',
      ],
    ];
    for (const [name, corrupt, expected] of cases) {
      const { doc, map } = docWithGoal();
      corrupt(map);
      expect(messages(doc), name).toContain(expected);
    }
  });

  it('[GOAL2] refuses a parent that is the goal itself or not in the document', () => {
    const { doc, map, id } = docWithGoal();
    const moves = map.get('moves') as Y.Array<unknown>;
    moves.push([{ parentId: id, clock: 9, clientId: 1 }]);
    expect(messages(doc)).toEqual(['moves.1.parentId: A goal is not its own parent.']);
    moves.delete(1, 1);
    moves.push([{ parentId: uuid(404), clock: 9, clientId: 1 }]);
    expect(messages(doc)).toEqual(['moves.1.parentId: No goal with this id in the document.']);
    moves.delete(0, 2);
    expect(messages(doc)).toEqual(['moves: Too small: expected array to have >=1 items']);
  });

  it('[GOAL2] checks only the goals asked for, plus the top level', () => {
    const { doc, map, parent, id } = docWithGoal();
    map.set('level', 'galaxy');
    expect(validateGoals(doc, [parent, uuid(404)])).toEqual([]);
    expect(validateGoals(doc, [id]).map((issue) => issue.path)).toEqual(['level']);
  });

  it('[GOAL3] refuses removing or replacing a goal, or replacing its title, metric or check-in list', () => {
    const { doc: before, id } = docWithGoal();
    const cases: [string, (doc: Y.Doc) => void, string][] = [
      ['removed', (doc) => goalsRoot(doc).delete(id), ': Goals are never removed or replaced.'],
      [
        'replaced',
        (doc) => goalsRoot(doc).set(id, new Y.Map()),
        ': Goals are never removed or replaced.',
      ],
      [
        'title replaced',
        (doc) => goalMap(doc, id)!.set('title', new Y.Text('x')),
        'title: This part of a goal is never replaced.',
      ],
      [
        'metric replaced',
        (doc) => goalMap(doc, id)!.set('metric', new Y.Map()),
        'metric: This part of a goal is never replaced.',
      ],
      [
        'move log replaced',
        (doc) => goalMap(doc, id)!.set('moves', new Y.Array()),
        'moves: This part of a goal is never replaced.',
      ],
      [
        'check-ins replaced',
        (doc) => goalMap(doc, id)!.set('checkIns', new Y.Array()),
        'checkIns: This part of a goal is never replaced.',
      ],
      [
        'milestones replaced',
        (doc) =>
          (goalMap(doc, id)!.get('metric') as Y.Map<unknown>).set('milestones', new Y.Array()),
        'metric.milestones: Milestones are never replaced.',
      ],
    ];
    for (const [name, change, expected] of cases) {
      const after = new Y.Doc();
      Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
      const touched = collectTouched(after, () => change(after));
      expect(touched.goalIds, name).toEqual(new Set([id]));
      expect(
        checkPreserved(before, after, touched.goalIds).map((i) => `${i.path}: ${i.message}`),
        name,
      ).toEqual([expected]);
    }
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    updateGoalFields(after, id, { title: 'Renamed' }, by);
    expect(checkPreserved(before, after, [id])).toEqual([]);
    expect(readGoal(after, id)!.title).toBe('Renamed');
  });
});
