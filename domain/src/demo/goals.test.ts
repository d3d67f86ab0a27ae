import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alignmentGaps } from '../goals/alignment.ts';
import { readTree } from '../goals/document.ts';
import { projectSnapshot } from '../goals/projector.ts';
import { generateOrganisation, type GeneratedOrganisation } from './generate.ts';
import { generateDemoGoals, type DemoGoalPlan } from './goals.ts';
import { writeDemoGoalLog } from './goals-log.ts';
import { readableIds } from './testing.ts';

const TODAY = '2026-11-22';

function organisation(people: number, seed = 7): GeneratedOrganisation {
  return generateOrganisation({ people, seed, domain: 'example.test', today: TODAY });
}

const ids = readableIds;

/** Every invariant of a plan that holds whatever the organisation and seed. */
function checkPlan(org: GeneratedOrganisation, plan: DemoGoalPlan, today: string) {
  const seen = new Map<string, number>();
  const people = new Map(org.people.map((p) => [p.key, p]));
  const ceo = org.people.find((p) => p.managerKey === null)!;
  const end = Date.parse(`${today}T00:00:00Z`);
  plan.goals.forEach((goal, index) => {
    expect(goal.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(seen.has(goal.id)).toBe(false);
    // A parent is listed before its child, so parent pointers can never form a cycle.
    if (goal.parentId !== null) expect(seen.has(goal.parentId)).toBe(true);
    seen.set(goal.id, index);
    expect(people.has(goal.ownerKey)).toBe(true);
    if (goal.level === 'company') {
      expect(goal.ownerKey).toBe(ceo.key);
      expect(goal.parentId).toBeNull();
    } else if (goal.level === 'team') {
      expect(goal.parentId).not.toBeNull();
    }
    const times = [
      goal.created.at,
      goal.approval?.at,
      ...goal.checkIns.map((c) => c.at),
      goal.retarget?.at,
      goal.closed?.at,
    ].filter((at): at is string => at !== undefined);
    for (const at of times) expect(Date.parse(at)).toBeLessThan(end);
    if (goal.approval) {
      expect(Date.parse(goal.approval.at)).toBeGreaterThan(Date.parse(goal.created.at));
      for (const c of goal.checkIns) {
        expect(Date.parse(c.at)).toBeGreaterThan(Date.parse(goal.approval.at));
      }
    } else {
      expect(['draft', 'proposed']).toContain(goal.state);
      expect(goal.checkIns).toEqual([]);
    }
    expect(goal.title.length).toBeGreaterThan(0);
    expect(goal.title.length).toBeLessThanOrEqual(200);
    expect(goal.title).not.toMatch(/[{}]/);
  });
  return seen;
}

describe('demo goals', () => {
  it('[GOAL21] the same organisation, seed and day give the same plan', () => {
    const org = organisation(150);
    const a = generateDemoGoals(org, { seed: 3, today: TODAY });
    const b = generateDemoGoals(org, { seed: 3, today: TODAY });
    expect(a).toEqual(b);
    expect(generateDemoGoals(org, { seed: 4, today: TODAY })).not.toEqual(a);
  });

  it('[GOAL21] cascades themes → department → team → personal goals, about four per person', () => {
    const org = organisation(150);
    const plan = generateDemoGoals(org, { seed: 3, today: TODAY });
    checkPlan(org, plan, TODAY);
    const byLevel = (level: string) => plan.goals.filter((g) => g.level === level);
    expect(byLevel('company').length).toBeGreaterThanOrEqual(3);
    expect(byLevel('company').length).toBeLessThanOrEqual(5);
    expect(plan.goals.length / org.people.length).toBeGreaterThan(3.5);
    expect(plan.goals.length / org.people.length).toBeLessThan(5);

    const goals = new Map(plan.goals.map((g) => [g.id, g]));
    const people = new Map(org.people.map((p) => [p.key, p]));
    const ceo = org.people.find((p) => p.managerKey === null)!;
    const departments = new Set(org.teams.filter((t) => t.kind === 'department').map((t) => t.key));
    for (const goal of byLevel('team')) {
      const parent = goals.get(goal.parentId!)!;
      const owner = people.get(goal.ownerKey)!;
      if (departments.has(goal.teamKey!)) {
        // A department goal: its head's, under a company theme.
        expect(owner.managerKey).toBe(ceo.key);
        expect(parent.level).toBe('company');
      } else {
        // A team goal: the team manager's, under one of the department's goals.
        expect(owner.teamKey).toBe(goal.teamKey);
        expect(departments.has(parent.teamKey!)).toBe(true);
      }
    }
    for (const goal of byLevel('person')) {
      expect(goal.teamKey).toBe(people.get(goal.ownerKey)!.teamKey);
    }
  });

  it('[GOAL21] mixes metric kinds, states, paces, staleness, vague titles and gaps', () => {
    const org = organisation(150);
    const plan = generateDemoGoals(org, { seed: 2026, today: TODAY });
    const { doc } = writeDemoGoalLog(plan, ids);
    const snapshot = readTree(doc);
    const rows = projectSnapshot(snapshot, {
      cycleId: 'cycle',
      cycle: { startsOn: '2026-07-01', endsOn: '2026-12-31' },
      now: new Date(`${TODAY}T00:00:00Z`),
    }).goals;
    const count = (pick: (row: (typeof rows)[number]) => unknown) => {
      const counts = new Map<unknown, number>();
      for (const row of rows) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + 1);
      return counts;
    };
    const kinds = count((r) => r.metricKind);
    for (const kind of ['number', 'percent', 'currency', 'yes-no', 'milestones', 'none']) {
      expect(kinds.get(kind)).toBeGreaterThan(0);
    }
    const states = count((r) => r.state);
    expect(states.get('active')! / rows.length).toBeGreaterThan(0.5);
    for (const state of ['proposed', 'draft', 'done', 'dropped']) {
      expect(states.get(state)).toBeGreaterThan(0);
    }
    const health = count((r) => r.health);
    expect(health.get('green')! > health.get('red')!).toBe(true);
    expect(health.get('yellow')).toBeGreaterThan(0);
    expect(health.get('red')).toBeGreaterThan(0);
    expect(count((r) => r.stale).get(true)).toBeGreaterThan(rows.length * 0.03);
    expect(count((r) => r.clarityColour).get('red')).toBeGreaterThan(rows.length * 0.03);
    expect(plan.goals.some((g) => g.retarget !== null)).toBe(true);

    const gaps = alignmentGaps(snapshot.goals, snapshot.tree, {
      activePersonIds: new Set(org.people.map((p) => ids.person(p.key))),
      teamIds: org.teams.filter((t) => t.kind === 'team').map((t) => ids.team(t.key)),
    });
    const kindsOfGap = new Set(gaps.map((gap) => gap.kind));
    expect(kindsOfGap).toEqual(new Set(['no-parent', 'not-cascaded', 'team-without-goal']));
    // Most of the tree is aligned: the gaps are the exception.
    expect(gaps.filter((g) => g.kind === 'no-parent').length / rows.length).toBeLessThan(0.15);
  });

  it('[GOAL21] keeps its invariants for any organisation size, seed and day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 25, max: 400 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('2026-05-01', '2026-07-01', '2026-08-15', TODAY, '2027-02-01'),
        (people, seed, today) => {
          const org = organisation(people, seed);
          const plan = generateDemoGoals(org, { seed, today });
          checkPlan(org, plan, today);
          expect(plan.goals.length).toBeGreaterThan(people * 2.5);
        },
      ),
      { numRuns: 25 },
    );
  }, 30_000);

  it('[GOAL22] the log replays into a document whose tree holds every planned goal where planned', () => {
    const org = organisation(150);
    const plan = generateDemoGoals(org, { seed: 11, today: TODAY });
    const { entries, doc } = writeDemoGoalLog(plan, ids);
    const replayed = new Y.Doc();
    for (const entry of entries) Y.applyUpdate(replayed, entry.update);
    expect(Y.encodeStateVector(replayed)).toEqual(Y.encodeStateVector(doc));

    const { goals, tree } = readTree(replayed);
    expect(goals.size).toBe(plan.goals.length);
    for (const planned of plan.goals) {
      const goal = goals.get(planned.id)!;
      expect(tree.parent.get(planned.id)).toBe(planned.parentId);
      expect(goal.state).toBe(planned.state);
      expect(goal.ownerId).toBe(ids.person(planned.ownerKey));
      expect(goal.createdBy).toBe(ids.person(planned.created.byKey));
      expect(goal.createdAt).toBe(planned.created.at);
      expect(goal.approvedBy).toBe(planned.approval ? ids.person(planned.approval.byKey) : null);
      expect(goal.checkIns.map((c) => [c.at, c.by])).toEqual(
        planned.checkIns.map((c) => [c.at, ids.person(c.byKey)]),
      );
      expect(goal.metric.target).toBe(planned.retarget?.target ?? planned.metric.target);
      expect(goal.title).toBe(planned.retarget?.title ?? planned.title);
    }
  });

  it('[GOAL22] log entries are in time order, target changes in their author’s name', () => {
    const org = organisation(150);
    const plan = generateDemoGoals(org, { seed: 11, today: TODAY });
    const { entries } = writeDemoGoalLog(plan, ids);
    const times = entries.map((entry) => entry.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)!).toBeLessThan(Date.parse(`${TODAY}T00:00:00Z`));
    const retargeted = plan.goals.filter((g) => g.retarget).length;
    expect(retargeted).toBeGreaterThan(0);
    expect(entries.filter((entry) => entry.personId !== null)).toHaveLength(retargeted);
    // Routine events come in at most one entry per month between deliberate ones.
    expect(entries.length).toBeLessThanOrEqual(retargeted + (retargeted + 1) + 12);
  });
});
