import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readGoalMap } from '../goals/document.ts';
import { addGoal, setMilestoneDone } from '../goals/edits.ts';
import type { Actor } from '../goals/permissions.ts';
import { projectGoalTree } from '../goals/projector.ts';
import { validateGoalTree } from '../goals/schema.ts';
import { goalMap } from '../goals/shape.ts';
import { uuid } from '../goals/testing.ts';
import { replicaOf } from '../ydoc/replica.ts';
import { clientUpdate, replica, syncBoth, syncOneWay } from '../ydoc/testing.ts';
import {
  agendaCheckIns,
  applyCheckInToGoals,
  latestCheckIns,
  mayCheckIn,
  recordCheckIn,
  type CheckInRights,
  type GoalScope,
} from './check-ins.ts';
import { addMeeting } from './edits.ts';
import { validateAgendaDocument } from './schema.ts';
import { checkInsOf } from './shape.ts';
import { judgeAgendaUpdate } from './judged-both-ways.ts';
import type { SeriesActor } from './update-check.ts';

const manager = uuid(1);
const employee = uuid(2);
const peer = uuid(3);
const skip = uuid(4);
const cycle = uuid(50);
const seriesId = uuid(60);
const goal = uuid(10);
const peersGoal = uuid(11);
const milestoneGoal = uuid(12);
const meeting = '2026-12-07';
const at = '2026-12-07T10:00:00.000Z';

function goalActor(personId: string, reports: string[] = []): Actor {
  return {
    personId,
    isAdmin: false,
    isLeader: false,
    teamIds: new Set(),
    reportIds: new Set(reports),
    directReportIds: new Set(reports),
  };
}

const scopes = new Map<string, GoalScope>([
  [goal, { level: 'person', ownerId: employee, teamId: null, cycleId: cycle }],
  [peersGoal, { level: 'person', ownerId: peer, teamId: null, cycleId: cycle }],
]);
const rights = (personId: string, reports: string[] = []): CheckInRights => ({
  goalActor: goalActor(personId, reports),
  goals: scopes,
});
const as = (personId: string, reports: string[] = []): SeriesActor => ({
  personId,
  managerId: manager,
  employeeId: employee,
  checkIns: rights(personId, reports),
});

function goalTree(): Y.Doc {
  const doc = replica(1);
  const context = { by: manager, at: '2026-07-01T00:00:00.000Z' };
  addGoal(
    doc,
    {
      id: goal,
      title: 'Cut p95 latency to 200 ms',
      level: 'person',
      state: 'active',
      ownerId: employee,
      parentId: null,
      metric: { kind: 'number', start: 400, target: 200, direction: 'decreasing' },
    },
    context,
  );
  addGoal(
    doc,
    {
      id: peersGoal,
      title: 'Peer goal',
      level: 'person',
      ownerId: peer,
      parentId: null,
      metric: { kind: 'percent', start: 0, target: 100 },
    },
    context,
  );
  addGoal(
    doc,
    {
      id: milestoneGoal,
      title: 'Ship the new onboarding',
      level: 'person',
      ownerId: employee,
      parentId: null,
      metric: { kind: 'milestones', milestones: ['Design', 'Build'] },
    },
    context,
  );
  return doc;
}

function agenda(): Y.Doc {
  const doc = replica(100);
  addMeeting(doc, meeting, meeting, { by: manager });
  return doc;
}

describe('check-ins from a 1:1', () => {
  it('[ONE18] records a check-in once in the agenda, in its author’s name, valid by its schema', () => {
    const doc = agenda();
    const id = recordCheckIn(
      doc,
      { meetingId: meeting, goalId: goal, cycleId: cycle, value: 320 },
      { by: employee, at },
    );
    expect(agendaCheckIns(doc, meeting)).toEqual([
      { id, meetingId: meeting, goalId: goal, cycleId: cycle, value: 320, by: employee, at },
    ]);
    expect(validateAgendaDocument(doc)).toEqual([]);
    checkInsOf(doc).set('not an id!', { ...checkInsOf(doc).get(id)!, value: Number.NaN });
    expect(validateAgendaDocument(doc).map((issue) => issue.path)).toContain('checkIns.not an id!');
  });

  it('[ONE21] the latest check-in per goal overlays the projection, offline replicas merged', () => {
    const a = agenda();
    const b = replica(101);
    syncBoth(a, b);
    recordCheckIn(
      a,
      { meetingId: meeting, goalId: goal, cycleId: cycle, value: 350 },
      { by: employee, at: '2026-12-07T10:00:00.000Z' },
    );
    recordCheckIn(
      b,
      { meetingId: meeting, goalId: goal, cycleId: cycle, value: 300 },
      { by: manager, at: '2026-12-07T10:05:00.000Z' },
    );
    syncBoth(a, b);
    expect(agendaCheckIns(a)).toHaveLength(2);
    expect(latestCheckIns(a).get(goal)?.value).toBe(300);
    expect(latestCheckIns(b).get(goal)?.value).toBe(300);
  });

  it('[ONE19] the employee and their manager may check in the employee’s goals; nobody else’s', () => {
    expect(mayCheckIn(rights(employee), employee, { goalId: goal, cycleId: cycle })).toBe(true);
    expect(
      mayCheckIn(rights(manager, [employee]), employee, { goalId: goal, cycleId: cycle }),
    ).toBe(true);
    // The manager without the reporting line (GOAL16), another cycle, a peer's goal, an unknown one.
    expect(mayCheckIn(rights(manager), employee, { goalId: goal, cycleId: cycle })).toBe(false);
    expect(mayCheckIn(rights(employee), employee, { goalId: goal, cycleId: uuid(51) })).toBe(false);
    expect(mayCheckIn(rights(employee), employee, { goalId: peersGoal, cycleId: cycle })).toBe(
      false,
    );
    expect(mayCheckIn(rights(employee), employee, { goalId: uuid(99), cycleId: cycle })).toBe(
      false,
    );
  });

  it('[ONE18] [ONE19] the server accepts an allowed check-in and refuses the rest', () => {
    const live = agenda();
    const judge = (actor: SeriesActor, change: (client: Y.Doc) => void) =>
      judgeAgendaUpdate(live, replicaOf(live), clientUpdate(live, 7, change), actor);
    const input = { meetingId: meeting, goalId: goal, cycleId: cycle, value: 320 };
    expect(judge(as(employee), (c) => recordCheckIn(c, input, { by: employee, at }))).toEqual({
      ok: true,
    });
    expect(
      judge(as(manager, [employee]), (c) => recordCheckIn(c, input, { by: manager, at })),
    ).toEqual({ ok: true });
    const refused = (verdict: ReturnType<typeof judge>) =>
      verdict.ok ? 'accepted' : verdict.reason === 'forbidden' ? verdict.refusal.rule : 'schema';
    // In someone else's name.
    expect(refused(judge(as(employee), (c) => recordCheckIn(c, input, { by: manager, at })))).toBe(
      'ONE18',
    );
    // A peer's goal.
    expect(
      refused(
        judge(as(employee), (c) =>
          recordCheckIn(c, { ...input, goalId: peersGoal }, { by: employee, at }),
        ),
      ),
    ).toBe('ONE19');
    // A sender without rights loaded (a skip-level reader never gets here: ONE2).
    expect(
      refused(
        judge({ personId: skip, managerId: manager, employeeId: employee }, (c) =>
          recordCheckIn(c, input, { by: skip, at }),
        ),
      ),
    ).toBe('ONE19');
    // Changed or removed once made.
    const id = recordCheckIn(live, input, { by: employee, at });
    expect(
      refused(
        judge(as(employee), (c) => checkInsOf(c).set(id, { ...checkInsOf(c).get(id)!, value: 1 })),
      ),
    ).toBe('ONE18');
    expect(refused(judge(as(employee), (c) => checkInsOf(c).delete(id)))).toBe('ONE18');
  });

  it('[ONE52] a check-in on a goal the rights do not know is refused with that goal, after the known ones are judged', () => {
    const live = agenda();
    const judge = (change: (client: Y.Doc) => void) =>
      judgeAgendaUpdate(live, replicaOf(live), clientUpdate(live, 7, change), as(employee));
    const brandNew = { meetingId: meeting, goalId: uuid(97), cycleId: cycle, value: 3 };
    expect(judge((c) => recordCheckIn(c, brandNew, { by: employee, at }))).toMatchObject({
      ok: false,
      reason: 'forbidden',
      refusal: { rule: 'ONE52', unknownGoals: [{ goalId: uuid(97), cycleId: cycle }] },
    });
    // With a peer's goal in the same update, the refusal is ONE19's: nothing to learn.
    const verdict = judge((c) => {
      recordCheckIn(c, brandNew, { by: employee, at });
      recordCheckIn(
        c,
        { meetingId: meeting, goalId: peersGoal, cycleId: cycle, value: 1 },
        { by: employee, at },
      );
    });
    expect(verdict.ok === false && verdict.reason === 'forbidden' && verdict.refusal.rule).toBe(
      'ONE19',
    );
  });

  it('[ONE20] applies a check-in to the goal once, in its author’s name, with its source', () => {
    const tree = goalTree();
    const doc = agenda();
    const id = recordCheckIn(
      doc,
      { meetingId: meeting, goalId: goal, cycleId: cycle, value: 320 },
      { by: manager, at },
    );
    const [checkIn] = agendaCheckIns(doc);
    const series = { seriesId, employeeId: employee, meetingDay: meeting };
    const actor = goalActor(manager, [employee]);
    expect(applyCheckInToGoals(tree, checkIn!, series, actor)).toBe('applied');
    // A replay, or a second node with the goal already holding it, writes nothing.
    const before = Y.encodeStateVector(tree);
    expect(applyCheckInToGoals(tree, checkIn!, series, actor)).toBe('present');
    expect(Y.encodeStateVector(tree)).toEqual(before);
    const read = readGoalMap(goal, goalMap(tree, goal)!);
    expect(read.metric.current).toBe(320);
    expect(read.lastProgressAt).toBe(at);
    expect(read.checkIns).toEqual([
      {
        id,
        value: 320,
        progress: 0.4,
        at,
        by: manager,
        source: { oneOnOne: seriesId, on: meeting },
      },
    ]);
    expect(validateGoalTree(tree)).toEqual([]);
  });

  it('[ONE51] one check-in applied by two nodes at once is one progress event, whichever copy comes first', () => {
    // The second node's client id below or above the first's puts its copy first or last.
    for (const order of [0, 5]) {
      // Two nodes' copies of the tree, each applying the same agenda row before seeing the other's.
      const a = goalTree();
      const b = replica(order);
      syncOneWay(a, b);
      const doc = agenda();
      recordCheckIn(
        doc,
        { meetingId: meeting, goalId: goal, cycleId: cycle, value: 320 },
        { by: manager, at },
      );
      const [checkIn] = agendaCheckIns(doc);
      const series = { seriesId, employeeId: employee, meetingDay: meeting };
      const actor = goalActor(manager, [employee]);
      expect(applyCheckInToGoals(a, checkIn!, series, actor)).toBe('applied');
      expect(applyCheckInToGoals(b, checkIn!, series, actor)).toBe('applied');
      syncBoth(a, b);
      for (const merged of [a, b]) {
        const read = readGoalMap(goal, goalMap(merged, goal)!);
        expect(
          read.checkIns.map((c) => c.id),
          `client ${order}`,
        ).toEqual([checkIn!.id]);
        expect(read.metric.current).toBe(320);
        const projected = projectGoalTree(merged, {
          cycleId: cycle,
          cycle: null,
          now: new Date(at),
        });
        expect(projected.progressEvents, `client ${order}`).toHaveLength(1);
        // The goal stays valid: later edits of it are not refused for the repeat.
        expect(validateGoalTree(merged), `client ${order}`).toEqual([]);
        expect(applyCheckInToGoals(merged, checkIn!, series, actor)).toBe('present');
      }
    }
  });

  it('[ONE20] the goal tree is the authority: a goal not the employee’s, or gone, is not applied', () => {
    const tree = goalTree();
    const series = { seriesId, employeeId: employee, meetingDay: meeting };
    const base = { id: 'abc', meetingId: meeting, cycleId: cycle, value: 5, by: employee, at };
    expect(
      applyCheckInToGoals(tree, { ...base, goalId: peersGoal }, series, goalActor(employee)),
    ).toBe('forbidden');
    expect(applyCheckInToGoals(tree, { ...base, goalId: goal }, series, goalActor(skip))).toBe(
      'forbidden',
    );
    expect(
      applyCheckInToGoals(tree, { ...base, goalId: uuid(98) }, series, goalActor(employee)),
    ).toBe('missing-goal');
  });

  it('[ONE20] a milestone ticked in the 1:1 ticks it on the goal', () => {
    const tree = goalTree();
    const milestone = readGoalMap(milestoneGoal, goalMap(tree, milestoneGoal)!).metric
      .milestones[0]!;
    const series = { seriesId, employeeId: employee, meetingDay: meeting };
    const checkIn = {
      id: 'tick-1',
      meetingId: meeting,
      goalId: milestoneGoal,
      cycleId: cycle,
      value: 1,
      milestoneId: milestone.id,
      by: employee,
      at,
    };
    expect(applyCheckInToGoals(tree, checkIn, series, goalActor(employee))).toBe('applied');
    const read = readGoalMap(milestoneGoal, goalMap(tree, milestoneGoal)!);
    expect(read.metric.milestones[0]!.done).toBe(true);
    expect(read.checkIns[0]).toMatchObject({ id: 'tick-1', value: 1, progress: 0.5 });
    expect(
      applyCheckInToGoals(tree, { ...checkIn, id: 'tick-2' }, series, goalActor(employee)),
    ).toBe('unchanged');
    setMilestoneDone(tree, milestoneGoal, milestone.id, false, { by: employee });
    expect(validateGoalTree(tree)).toEqual([]);
  });
});
