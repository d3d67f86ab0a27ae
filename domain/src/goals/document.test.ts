import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readGoal, readTree } from './document.ts';
import {
  addGoal,
  addMilestone,
  addTag,
  approveGoal,
  deleteGoal,
  goalText,
  recordProgress,
  removeMilestone,
  removeTag,
  renameMilestone,
  replaceText,
  restoreGoal,
  setGoalState,
  setMilestoneDone,
  updateGoalFields,
  updateMetric,
} from './edits.ts';
import { goalLog, goalMap } from './shape.ts';
import { replica, syncBoth } from '../ydoc/testing.ts';
import { uuid } from './testing.ts';

const owner = uuid(501);
const manager = uuid(502);
const at = '2026-07-01T09:00:00.000Z';
const by = { by: owner, at };

describe('goal-tree document', () => {
  it('[GOAL1] keeps each goal as a Y.Map under the single top-level map `goals`, title and description as Y.Text', () => {
    const doc = replica(1);
    const id = addGoal(
      doc,
      {
        title: 'Reach 50 customers',
        level: 'team',
        ownerId: owner,
        teamId: uuid(600),
        parentId: null,
      },
      by,
    );
    expect([...doc.share.keys()]).toEqual(['goals']);
    const map = goalMap(doc, id)!;
    expect([...map.keys()].sort()).toEqual(['description', 'log', 'title']);
    expect(map.get('title')).toBeInstanceOf(Y.Text);
    expect(map.get('description')).toBeInstanceOf(Y.Text);
    // One creation entry; GOAL2: fields holding their default are left out of it.
    expect(goalLog(map)!.toArray()).toEqual([
      {
        level: 'team',
        state: 'draft',
        move: { parentId: null, clock: 1, clientId: 1 },
        order: 'a0',
        createdBy: owner,
        createdAt: at,
        ownerId: owner,
        teamId: uuid(600),
      },
    ]);
    expect(readGoal(doc, id)).toEqual({
      id,
      title: 'Reach 50 customers',
      description: '',
      level: 'team',
      state: 'draft',
      ownerId: owner,
      teamId: uuid(600),
      moves: [{ parentId: null, clock: 1, clientId: 1 }],
      order: 'a0',
      startDate: null,
      dueDate: null,
      metric: {
        kind: 'none',
        start: null,
        target: null,
        current: null,
        unit: null,
        direction: 'increasing',
        milestones: [],
      },
      weight: 1,
      difficulty: 'medium',
      tags: [],
      checkIns: [],
      lastProgressAt: null,
      approvedBy: null,
      approvedAt: null,
      createdBy: owner,
      createdAt: at,
      deleted: false,
    });
    expect(readGoal(doc, uuid(404))).toBe(null);
  });

  it('[GOAL1] makes every write helper a single transaction', () => {
    const doc = replica(1);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const id = addGoal(
      doc,
      {
        title: 'T',
        level: 'person',
        ownerId: owner,
        parentId: null,
        metric: { kind: 'number', target: 10 },
        tags: ['a', 'b'],
      },
      by,
    );
    updateGoalFields(doc, id, { title: 'Title', dueDate: '2026-09-30', weight: 2 }, by);
    recordProgress(doc, id, 4, by);
    approveGoal(doc, id, { by: manager, at });
    expect(transactions).toBe(4);
  });

  it('[GOAL1] writes nothing for a field set to the value it already has', () => {
    const doc = replica(1);
    const id = addGoal(doc, { title: 'Same', level: 'person', ownerId: owner, parentId: null }, by);
    const before = Y.encodeStateVector(doc);
    updateGoalFields(doc, id, { title: 'Same', ownerId: owner, weight: 1, dueDate: null }, by);
    updateMetric(doc, id, { kind: 'none' }, by);
    restoreGoal(doc, id, by);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('[GOAL1] reads a field as the last entry of its log that assigns it, and appends only the fields that change', () => {
    const doc = replica(1);
    const id = addGoal(doc, { title: 'T', level: 'person', ownerId: owner, parentId: null }, by);
    updateGoalFields(doc, id, { weight: 3, dueDate: '2026-09-30', ownerId: owner }, by);
    updateGoalFields(doc, id, { weight: 1, dueDate: null }, by);
    expect(goalLog(goalMap(doc, id))!.toArray().slice(1)).toEqual([
      { weight: 3, dueDate: '2026-09-30' },
      { weight: 1, dueDate: null },
    ]);
    expect(readGoal(doc, id)).toMatchObject({ weight: 1, dueDate: null, ownerId: owner });
  });

  it('[GOAL1] merges two people typing in the same title, and keeps concurrent edits of different fields', () => {
    const left = replica(1);
    const right = replica(2);
    const id = addGoal(
      left,
      { title: 'Reduce bugs', level: 'team', ownerId: owner, parentId: null },
      by,
    );
    syncBoth(left, right);
    updateGoalFields(left, id, { title: 'Reduce post-deployment bugs' }, by);
    updateGoalFields(right, id, { title: 'Reduce bugs by 15%', dueDate: '2026-09-30' }, by);
    updateMetric(left, id, { kind: 'number', start: 40, target: 34 }, by);
    syncBoth(left, right);
    const goal = readGoal(left, id)!;
    expect(goal.title).toBe('Reduce post-deployment bugs by 15%');
    expect(goal.dueDate).toBe('2026-09-30');
    expect(goal.metric).toMatchObject({ kind: 'number', start: 40, target: 34 });
    expect(readGoal(right, id)).toEqual(goal);
  });

  it('replaces only the changed middle of a text', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Improve code quality');
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    replaceText(text, 'Improve test code quality');
    expect(text.toString()).toBe('Improve test code quality');
    expect(deltas).toEqual([[{ retain: 8 }, { insert: 'test ' }]]);
  });

  it('[GOAL18] records progress: current value, a check-in with its progress, and lastProgressAt', () => {
    const doc = replica(1);
    const id = addGoal(
      doc,
      {
        title: 'NPS',
        level: 'person',
        ownerId: owner,
        parentId: null,
        metric: { kind: 'number', start: 30, target: 50 },
      },
      by,
    );
    recordProgress(doc, id, 35, { by: owner, at: '2026-07-08T09:00:00.000Z' });
    recordProgress(doc, id, 40, { by: manager, at: '2026-07-15T09:00:00.000Z' });
    const goal = readGoal(doc, id)!;
    expect(goal.metric.current).toBe(40);
    expect(goal.lastProgressAt).toBe('2026-07-15T09:00:00.000Z');
    expect(
      goal.checkIns.map(({ value, progress, at, by }) => ({ value, progress, at, by })),
    ).toEqual([
      { value: 35, progress: 0.25, at: '2026-07-08T09:00:00.000Z', by: owner },
      { value: 40, progress: 0.5, at: '2026-07-15T09:00:00.000Z', by: manager },
    ]);
    expect(new Set(goal.checkIns.map((c) => c.id)).size).toBe(2);
    expect(goal.checkIns.map((c) => c.id)).toEqual([
      expect.stringMatching(/^[\w-]{12}$/),
      expect.stringMatching(/^[\w-]{12}$/),
    ]);
  });

  it('[GOAL2] [GOAL18] a check-in entry holds only the check-in: it assigns current and lastProgressAt itself', () => {
    const doc = replica(1);
    const id = addGoal(
      doc,
      { title: 'NPS', level: 'person', ownerId: owner, parentId: null, metric: { kind: 'number' } },
      by,
    );
    recordProgress(doc, id, 35, { by: owner, at: '2026-07-08T09:00:00.000Z' });
    expect(Object.keys(goalLog(goalMap(doc, id))!.toArray().at(-1)!)).toEqual(['checkIn']);

    // An assignment after the check-in wins over it, as any later one does (GOAL2).
    goalLog(goalMap(doc, id))!.push([{ metric: { current: 36 } }]);
    expect(readGoal(doc, id)!.metric.current).toBe(36);
    recordProgress(doc, id, 37, { by: owner, at: '2026-07-09T09:00:00.000Z' });
    const goal = readGoal(doc, id)!;
    expect([goal.metric.current, goal.lastProgressAt]).toEqual([37, '2026-07-09T09:00:00.000Z']);

    // Within one entry, the fields it assigns itself win, whatever their key order.
    const checkIn = {
      id: 'c1',
      value: 50,
      progress: 0.5,
      at: '2026-07-10T09:00:00.000Z',
      by: owner,
    };
    for (const entry of [
      { checkIn, metric: { current: 49 } },
      { metric: { current: 49 }, checkIn: { ...checkIn, id: 'c2' } },
    ]) {
      goalLog(goalMap(doc, id))!.push([entry]);
      expect(readGoal(doc, id)!.metric.current).toBe(49);
    }
  });

  it('[GOAL18] records a check-in for every milestone ticked, with how many are done', () => {
    const doc = replica(1);
    const id = addGoal(
      doc,
      {
        title: 'Launch',
        level: 'team',
        ownerId: owner,
        parentId: null,
        metric: { kind: 'milestones', milestones: ['beta', 'launch'] },
      },
      by,
    );
    const extra = addMilestone(doc, id, 'migrate', by)!;
    renameMilestone(doc, id, extra, 'migrate all', by);
    const [beta] = readGoal(doc, id)!.metric.milestones;
    setMilestoneDone(doc, id, beta!.id, true, by);
    setMilestoneDone(doc, id, beta!.id, true, by);
    setMilestoneDone(doc, id, extra, true, by);
    const goal = readGoal(doc, id)!;
    expect(goal.metric.milestones.map((m) => [m.title, m.done])).toEqual([
      ['beta', true],
      ['launch', false],
      ['migrate all', true],
    ]);
    expect(goal.checkIns.map((c) => [c.value, c.progress])).toEqual([
      [1, 1 / 3],
      [2, 2 / 3],
    ]);
    // A milestone check-in counts what is done; it is not the metric's current value.
    expect(goal.metric.current).toBeNull();
    expect(goal.lastProgressAt).toBe(at);
    removeMilestone(doc, id, extra, by);
    expect(readGoal(doc, id)!.metric.milestones).toHaveLength(2);
  });

  it('[ONE51] reads an entry repeating a check-in id the log holds as a replay: ignored whole', () => {
    const doc = replica(1);
    const id = addGoal(
      doc,
      { title: 'Tickets', level: 'person', ownerId: owner, parentId: null },
      by,
    );
    updateMetric(doc, id, { kind: 'number', start: 0, target: 100 }, by);
    const checkIn = { id: 'c1', value: 40, progress: 0.4, at, by: owner };
    goalLog(goalMap(doc, id))!.push([
      { checkIn },
      // The same check-in appended again (a second node), then with a later value and moment.
      { checkIn },
      { checkIn: { ...checkIn, value: 90, at: '2026-07-09T09:00:00.000Z' } },
    ]);
    const goal = readGoal(doc, id)!;
    expect(goal.checkIns.map((c) => c.id)).toEqual(['c1']);
    expect(goal.metric.current).toBe(40);
    expect(goal.lastProgressAt).toBe(at);
  });

  it('[GOAL1] keeps tags as a set: the same tag added on two replicas is there once', () => {
    const left = replica(1);
    const right = replica(2);
    const id = addGoal(left, { title: 'T', level: 'team', ownerId: owner, parentId: null }, by);
    syncBoth(left, right);
    addTag(left, id, 'Revenue growth', by);
    addTag(right, id, '  Revenue   growth ', by);
    addTag(right, id, 'Efficiency', by);
    syncBoth(left, right);
    expect(readGoal(left, id)!.tags).toEqual(['Efficiency', 'Revenue growth']);
    removeTag(left, id, 'Efficiency', by);
    expect(readGoal(left, id)!.tags).toEqual(['Revenue growth']);
  });

  it('[GOAL17] records who approved and when; entering active from proposed through setGoalState is an approval', () => {
    const doc = replica(1);
    const id = addGoal(doc, { title: 'T', level: 'person', ownerId: owner, parentId: null }, by);
    setGoalState(doc, id, 'proposed', by);
    setGoalState(doc, id, 'active', { by: manager, at: '2026-07-02T10:00:00.000Z' });
    expect(readGoal(doc, id)).toMatchObject({
      state: 'active',
      approvedBy: manager,
      approvedAt: '2026-07-02T10:00:00.000Z',
    });
    setGoalState(doc, id, 'done', by);
    setGoalState(doc, id, 'active', by);
    expect(readGoal(doc, id)).toMatchObject({ state: 'active', approvedBy: manager });
  });

  it('[GOAL3] deletes a goal as a tombstone that keeps its content and can be restored', () => {
    const doc = replica(1);
    const id = addGoal(
      doc,
      { title: 'Keep me', level: 'person', ownerId: owner, parentId: null },
      by,
    );
    recordProgress(doc, id, 1, by);
    deleteGoal(doc, id, by);
    const { goals, tree } = readTree(doc);
    expect(goals.get(id)).toMatchObject({ title: 'Keep me', deleted: true });
    expect(goals.get(id)!.checkIns).toHaveLength(1);
    expect(tree.parent.has(id)).toBe(false);
    restoreGoal(doc, id, by);
    expect(readTree(doc).tree.roots).toEqual([id]);
  });

  it('hands the title Y.Text to an editor binding', () => {
    const doc = replica(1);
    const id = addGoal(
      doc,
      { title: 'Bind me', level: 'person', ownerId: owner, parentId: null },
      by,
    );
    goalText(doc, id, 'title')!.insert(0, '» ');
    expect(readGoal(doc, id)!.title).toBe('» Bind me');
    expect(goalText(doc, uuid(404), 'title')).toBe(null);
  });

  it('reads a malformed goal with defaults instead of failing', () => {
    const doc = replica(1);
    const map = new Y.Map<unknown>();
    doc.getMap('goals').set(uuid(9), map);
    map.set('title', 42);
    const log = new Y.Array<unknown>();
    map.set('log', log);
    log.push([{ level: 'galaxy', move: 'nowhere', metric: { kind: 'abacus', target: 'ten' } }, 7]);
    expect(readGoal(doc, uuid(9))).toMatchObject({
      title: '',
      level: 'person',
      moves: [],
      order: 'a0',
      metric: { kind: 'none', milestones: [] },
    });
  });
});
