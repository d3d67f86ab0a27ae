import { describe, expect, it } from 'vitest';
import type { Nudge } from './model.ts';
import {
  approversOf,
  evaluateNudges,
  isoWeek,
  reconcile,
  type GoalFact,
  type NudgeFacts,
  type PersonFact,
} from './rules.ts';

const NOW = new Date('2026-12-07T09:00:00Z'); // a Monday
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const dayAgo = (days: number) => daysAgo(days).slice(0, 10);

const ceo: PersonFact = { id: 'ceo', name: 'Cee', managerId: null, isAdmin: false, active: true };
const head: PersonFact = { id: 'head', name: 'Hed', managerId: 'ceo', isAdmin: true, active: true };
const manager: PersonFact = {
  id: 'mgr',
  name: 'Sofía',
  managerId: 'head',
  isAdmin: false,
  active: true,
};
const employee: PersonFact = {
  id: 'emp',
  name: 'Kwame',
  managerId: 'mgr',
  isAdmin: false,
  active: true,
};
const people = [ceo, head, manager, employee];

function goal(fields: Partial<GoalFact> = {}): GoalFact {
  return {
    id: 'g1',
    title: 'Ship 3 releases',
    level: 'person',
    state: 'active',
    ownerId: 'emp',
    metricKind: 'number',
    lastProgressAt: daysAgo(3),
    approvedAt: daysAgo(40),
    createdAt: daysAgo(41),
    stateSince: daysAgo(40),
    deleted: false,
    activeCycle: true,
    ...fields,
  };
}

function facts(fields: Partial<NudgeFacts> = {}): NudgeFacts {
  return { people, series: [], goals: [], actions: [], mutes: [], ...fields };
}

const series = {
  id: 's1',
  managerId: 'mgr',
  employeeId: 'emp',
  cadence: 'weekly' as const,
  startsOn: '2026-09-07',
  ended: false,
  projected: true,
  lastHeld: dayAgo(7),
};

const keys = (nudges: Nudge[]) => nudges.map((n) => `${n.personId} ${n.key}`).sort();

describe('nudges', () => {
  it('[NUD5] a 1:1 overdue for its cadence nudges both members, each naming the other', () => {
    const { nudges } = evaluateNudges(facts({ series: [{ ...series, lastHeld: dayAgo(8) }] }), NOW);
    expect(keys(nudges)).toEqual(['emp one-on-one-overdue:s1', 'mgr one-on-one-overdue:s1']);
    expect(nudges.find((n) => n.personId === 'emp')?.payload).toMatchObject({ otherName: 'Sofía' });
    expect(nudges[0]?.link).toBe('/one-on-ones/s1');
  });

  it('[NUD5] a series met within its cadence, or ended, raises nothing', () => {
    expect(evaluateNudges(facts({ series: [series] }), NOW).nudges).toEqual([]);
    const ended = { ...series, lastHeld: dayAgo(30), ended: true };
    const run = evaluateNudges(facts({ series: [ended] }), NOW);
    expect(run.nudges).toEqual([]);
    expect(run.subjects.has('series:s1')).toBe(true);
  });

  it('[NUD6] a series never projected is unknown: neither raised nor seen', () => {
    const unknown = { ...series, projected: false, lastHeld: null };
    const run = evaluateNudges(facts({ series: [unknown] }), NOW);
    expect(run.nudges).toEqual([]);
    expect(run.subjects.has('series:s1')).toBe(false);
  });

  it('[NUD7] an undone action item past its due day nudges its owner', () => {
    const action = {
      id: 'a1',
      seriesId: 's1',
      ownerId: 'mgr',
      dueDate: dayAgo(1),
      done: false,
      deleted: false,
    };
    const run = evaluateNudges(facts({ series: [series], actions: [action] }), NOW);
    expect(keys(run.nudges)).toEqual(['mgr action-overdue:a1']);
    expect(run.nudges[0]?.payload).toEqual({
      kind: 'action-overdue',
      otherName: 'Kwame',
      dueDate: dayAgo(1),
    });
    for (const changed of [
      { dueDate: dayAgo(0) },
      { done: true },
      { deleted: true },
      { dueDate: null },
    ]) {
      const other = evaluateNudges(
        facts({ series: [series], actions: [{ ...action, ...changed }] }),
        NOW,
      );
      expect(other.nudges).toEqual([]);
    }
  });

  it('[NUD8] an action item of an ended series nudges nobody', () => {
    const action = {
      id: 'a1',
      seriesId: 's1',
      ownerId: 'mgr',
      dueDate: dayAgo(5),
      done: false,
      deleted: false,
    };
    const run = evaluateNudges(
      facts({ series: [{ ...series, ended: true }], actions: [action] }),
      NOW,
    );
    expect(run.nudges).toEqual([]);
  });

  it('[NUD9] a goal without a check-in for 14 days nudges its owner; 13 days does not', () => {
    const stale = goal({ lastProgressAt: daysAgo(14) });
    expect(keys(evaluateNudges(facts({ goals: [stale] }), NOW).nudges)).toEqual([
      'emp goal-stale:g1',
      'mgr goal-stale-digest:2026-W50',
    ]);
    const fresh = goal({ lastProgressAt: daysAgo(13) });
    expect(evaluateNudges(facts({ goals: [fresh] }), NOW).nudges).toEqual([]);
  });

  it('[NUD9] before its first check-in a goal counts from its approval, then its creation', () => {
    const approved = goal({ lastProgressAt: null, approvedAt: daysAgo(20) });
    expect(evaluateNudges(facts({ goals: [approved] }), NOW).nudges).toHaveLength(2);
    const recent = goal({ lastProgressAt: null, approvedAt: daysAgo(2), createdAt: daysAgo(30) });
    expect(evaluateNudges(facts({ goals: [recent] }), NOW).nudges).toEqual([]);
  });

  it('[NUD10] only active goals with a metric of their own, not deleted, go stale', () => {
    for (const fields of [
      { state: 'proposed' as const, stateSince: daysAgo(1) },
      { state: 'done' as const },
      { metricKind: 'none' as const },
      { deleted: true },
      { activeCycle: false },
    ]) {
      const g = goal({ lastProgressAt: daysAgo(30), ...fields });
      expect(evaluateNudges(facts({ goals: [g] }), NOW).nudges).toEqual([]);
    }
  });

  it('[NUD11] the digest is one per manager and ISO week, listing the reports with stale goals', () => {
    const second: PersonFact = { ...employee, id: 'emp2', name: 'Ana' };
    const goals = [
      goal({ id: 'g1', lastProgressAt: daysAgo(20) }),
      goal({ id: 'g2', lastProgressAt: daysAgo(15) }),
      goal({ id: 'g3', ownerId: 'emp2', lastProgressAt: daysAgo(15) }),
    ];
    const run = evaluateNudges(facts({ people: [...people, second], goals }), NOW);
    const digests = run.nudges.filter((n) => n.kind === 'goal-stale-digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({
      personId: 'mgr',
      key: 'goal-stale-digest:2026-W50',
      payload: {
        week: '2026-W50',
        reports: [
          { personId: 'emp2', name: 'Ana', goals: 1 },
          { personId: 'emp', name: 'Kwame', goals: 2 },
        ],
      },
    });
  });

  it('[NUD11] ISO weeks: the Thursday decides the year', () => {
    expect(isoWeek(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-03T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
    expect(isoWeek(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
  });

  it('[NUD12] a goal proposed for three days nudges the owner’s manager; under three does not', () => {
    const waiting = goal({ state: 'proposed', stateSince: daysAgo(3), approvedAt: null });
    const run = evaluateNudges(facts({ goals: [waiting] }), NOW);
    expect(keys(run.nudges)).toEqual(['mgr goal-approval:g1']);
    expect(run.nudges[0]?.payload).toMatchObject({
      ownerName: 'Kwame',
      goalTitle: 'Ship 3 releases',
    });
    const young = goal({ state: 'proposed', stateSince: daysAgo(2.9), approvedAt: null });
    expect(evaluateNudges(facts({ goals: [young] }), NOW).nudges).toEqual([]);
  });

  it('[NUD13] approvers: the direct manager; with none, the admins; company goals, the leaders', () => {
    expect(approversOf(goal(), people)).toEqual(['mgr']);
    expect(approversOf(goal({ ownerId: 'ceo' }), people)).toEqual(['head']);
    expect(approversOf(goal({ level: 'company', ownerId: 'ceo' }), people)).toEqual(['head']);
    expect(approversOf(goal({ level: 'company', ownerId: 'mgr' }), people).sort()).toEqual([
      'ceo',
      'head',
    ]);
    const inactiveManager = people.map((p) => (p.id === 'mgr' ? { ...p, active: false } : p));
    expect(approversOf(goal(), inactiveManager)).toEqual(['head']);
  });

  it('[NUD16] deactivated people are not nudged', () => {
    const away = people.map((p) => (p.id === 'emp' ? { ...p, active: false } : p));
    const run = evaluateNudges(
      facts({ people: away, series: [{ ...series, lastHeld: dayAgo(9) }] }),
      NOW,
    );
    expect(keys(run.nudges)).toEqual(['mgr one-on-one-overdue:s1']);
  });

  it('[NUD20] a muted kind is not raised for that person only', () => {
    const run = evaluateNudges(
      facts({
        series: [{ ...series, lastHeld: dayAgo(9) }],
        mutes: [{ personId: 'emp', kind: 'one-on-one-overdue' }],
      }),
      NOW,
    );
    expect(keys(run.nudges)).toEqual(['mgr one-on-one-overdue:s1']);
  });
});

describe('reconciling with open notifications', () => {
  const overdue = facts({ series: [{ ...series, lastHeld: dayAgo(9) }] });

  it('[NUD2] a condition with an open notification raises nothing more', () => {
    const first = reconcile([], evaluateNudges(overdue, NOW));
    expect(first.raise).toHaveLength(2);
    const open = first.raise.map(({ personId, key, subject }) => ({ personId, key, subject }));
    expect(reconcile(open, evaluateNudges(overdue, NOW))).toEqual({ raise: [], clear: [] });
  });

  it('[NUD4] a notification whose condition ended is cleared', () => {
    const open = [{ personId: 'mgr', key: 'one-on-one-overdue:s1', subject: 'series:s1' }];
    const met = evaluateNudges(facts({ series: [series] }), NOW);
    expect(reconcile(open, met).clear).toEqual(open);
  });

  it('[NUD4] a notification about a subject the run did not see stays', () => {
    const open = [{ personId: 'mgr', key: 'goal-stale:gone', subject: 'goal:gone' }];
    expect(reconcile(open, evaluateNudges(facts(), NOW)).clear).toEqual([]);
  });

  it('[NUD11] last week’s digest is cleared when this week’s is raised', () => {
    const stale = facts({ goals: [goal({ lastProgressAt: daysAgo(20) })] });
    const open = [{ personId: 'mgr', key: 'goal-stale-digest:2026-W49', subject: 'digest:mgr' }];
    const result = reconcile(open, evaluateNudges(stale, NOW));
    expect(result.clear).toEqual(open);
    expect(result.raise.map((n) => n.key)).toContain('goal-stale-digest:2026-W50');
  });

  it('[NUD20] muting clears the open notifications of that kind at the next run', () => {
    const open = [{ personId: 'emp', key: 'one-on-one-overdue:s1', subject: 'series:s1' }];
    const muted = { ...overdue, mutes: [{ personId: 'emp', kind: 'one-on-one-overdue' as const }] };
    expect(reconcile(open, evaluateNudges(muted, NOW)).clear).toEqual(open);
  });
});

describe('digests before the goal tree is projected', () => {
  it('[NUD11] a run that saw no goal neither raises nor clears a digest', () => {
    const open = [{ personId: 'mgr', key: 'goal-stale-digest:2026-W50', subject: 'digest:mgr' }];
    expect(reconcile(open, evaluateNudges(facts(), NOW)).clear).toEqual([]);
    const fresh = facts({ goals: [goal()] });
    expect(reconcile(open, evaluateNudges(fresh, NOW)).clear).toEqual(open);
  });
});

describe('closed cycles', () => {
  it('[NUD14] a closed cycle’s goals nudge nobody, and their notifications are cleared', () => {
    const old = goal({ lastProgressAt: daysAgo(30), activeCycle: false });
    const run = evaluateNudges(facts({ goals: [old, goal({ id: 'g2' })] }), NOW);
    expect(run.nudges).toEqual([]);
    const open = [{ personId: 'emp', key: 'goal-stale:g1', subject: 'goal:g1' }];
    expect(reconcile(open, run).clear).toEqual(open);
  });
});
