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
import { goalLog, goalMap, goalsRoot } from './shape.ts';
import { replica } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';
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

const logOf = (map: Y.Map<unknown>) => goalLog(map) as Y.Array<unknown>;

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

  it('[GOAL2] refuses unknown keys, missing parts, entries that do not create the goal, and values of the wrong type or range', () => {
    // The child's log holds its creation and its milestone: a corrupting entry is entry 2.
    const entry = (value: unknown) => (m: Y.Map<unknown>) => logOf(m).push([value]);
    const cases: [string, (map: Y.Map<unknown>) => void, string][] = [
      ['unknown key', (m) => m.set('colour', 'red'), ': Unrecognized key: "colour"'],
      ['missing log', (m) => m.delete('log'), 'log: Expected a Y.Array.'],
      ['unknown entry key', entry({ colour: 'red' }), 'log.2: Unrecognized key: "colour"'],
      ['entry not an object', entry(7), 'log.2: Invalid input: expected object, received number'],
      [
        'null weight',
        entry({ weight: null }),
        'log.2.weight: Invalid input: expected number, received null',
      ],
      ['title as a string', (m) => m.set('title', 'plain'), 'title: Expected a Y.Text.'],
      [
        'bad level',
        entry({ level: 'galaxy' }),
        'log.2.level: Invalid option: expected one of "company"|"team"|"person"',
      ],
      [
        'bad date',
        entry({ dueDate: '2026-02-30' }),
        'log.2.dueDate: Expected a calendar day YYYY-MM-DD.',
      ],
      ['bad owner', entry({ ownerId: 'bob' }), 'log.2.ownerId: Expected a lowercase UUID.'],
      [
        'weight out of range',
        entry({ weight: 101 }),
        'log.2.weight: Too big: expected number to be <=100',
      ],
      ['bad order key', entry({ order: 'a' }), 'log.2.order: Expected a fractional order key.'],
      [
        'infinite value',
        entry({ metric: { target: Infinity } }),
        'log.2.metric.target: Invalid input: expected number, received Infinity',
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
        entry({ tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`t${i}`, true])) }),
        'log: At most 20 tags.',
      ],
      [
        'tag not a boolean',
        entry({ tags: { x: 1 } }),
        'log.2.tags.x: Invalid input: expected boolean, received number',
      ],
      [
        'bad check-in',
        entry({ checkIn: { id: 'c', value: 1, progress: 2, at: 'now', by: owner } }),
        'log.2.checkIn.progress: Too big: expected number to be <=1',
      ],
    ];
    for (const [name, corrupt, expected] of cases) {
      const { doc, map } = docWithGoal();
      corrupt(map);
      expect(messages(doc), name).toContain(expected);
    }
    // A goal whose first entry does not create it (no level, state, order, author, time, move).
    const { doc } = docWithGoal();
    const bare = new Y.Map<unknown>();
    goalsRoot(doc).set(uuid(77), bare);
    bare.set('title', new Y.Text('x'));
    bare.set('description', new Y.Text(''));
    bare.set('log', Y.Array.from([{ state: 'draft' }]));
    expect(messages(doc)).toEqual([
      'log.0.level: The first entry creates the goal.',
      'log.0.order: The first entry creates the goal.',
      'log.0.createdBy: The first entry creates the goal.',
      'log.0.createdAt: The first entry creates the goal.',
      'log.0.move: The first entry creates the goal.',
    ]);
  });

  it('[GOAL2] refuses a parent that is the goal itself or not in the document', () => {
    const self = docWithGoal();
    logOf(self.map).push([{ move: { parentId: self.id, clock: 9, clientId: 1 } }]);
    expect(messages(self.doc)).toEqual(['moves.1.parentId: A goal is not its own parent.']);
    const missing = docWithGoal();
    logOf(missing.map).push([{ move: { parentId: uuid(404), clock: 9, clientId: 1 } }]);
    expect(messages(missing.doc)).toEqual([
      'moves.1.parentId: No goal with this id in the document.',
    ]);
  });

  it('[GOAL2] checks only the goals asked for, plus the top level', () => {
    const { doc, map, parent, id } = docWithGoal();
    logOf(map).push([{ level: 'galaxy' }]);
    expect(validateGoals(doc, [parent, uuid(404)])).toEqual([]);
    expect(validateGoals(doc, [id]).map((issue) => issue.path)).toEqual(['log.2.level']);
  });

  it('[GOAL3] refuses removing or replacing a goal, replacing its title or log, or removing an entry of its log', () => {
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
        'log replaced',
        (doc) => goalMap(doc, id)!.set('log', new Y.Array()),
        'log: This part of a goal is never replaced.',
      ],
      [
        'an entry removed',
        (doc) => logOf(goalMap(doc, id)!).delete(1, 1),
        'log: Log entries are never removed.',
      ],
      [
        'an entry rewritten',
        (doc) => {
          const log = logOf(goalMap(doc, id)!);
          log.delete(1, 1);
          log.insert(1, [{ milestone: { id: 'm', title: 'changed' } }]);
        },
        'log: Log entries are never removed.',
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
