// DEMO40: the facts the nudge rules read (NUD5–NUD13), taken from the demo's generated goals and
// 1:1s as they stand on the seed's day, so seeding can write the notifications the job would
// raise once the documents are projected. Ids are the database's, through the caller's lookups.
import type { NudgeFacts } from '../notifications/rules.ts';
import type { GeneratedOrganisation } from './generate.ts';
import type { DemoGoalPlan } from './goals.ts';
import type { DemoOneOnOnePlan } from './one-on-ones.ts';

export interface DemoNudgeIds {
  person(key: string): string;
  /** The series row of a manager–employee pair (by database ids). */
  series(managerId: string, employeeId: string): string | undefined;
}

export function demoNudgeFacts(
  organisation: GeneratedOrganisation,
  goals: DemoGoalPlan,
  oneOnOnes: DemoOneOnOnePlan,
  today: string,
  ids: DemoNudgeIds,
): NudgeFacts {
  const series: NudgeFacts['series'] = [];
  const actions: NudgeFacts['actions'] = [];
  for (const plan of oneOnOnes.series) {
    const managerId = ids.person(plan.managerKey);
    const employeeId = ids.person(plan.employeeKey);
    const id = ids.series(managerId, employeeId);
    if (!id) continue;
    const held = plan.meetings.filter((m) => m.held && m.day < today).map((m) => m.day);
    series.push({
      id,
      managerId,
      employeeId,
      cadence: plan.cadence,
      startsOn: plan.startsOn,
      ended: false,
      projected: true,
      lastHeld: held.length > 0 ? held[held.length - 1]! : null,
    });
    for (const action of plan.actions) {
      actions.push({
        id: action.id,
        seriesId: id,
        ownerId: ids.person(action.ownerKey),
        dueDate: action.dueDate,
        done: action.done !== null,
        deleted: false,
      });
    }
  }
  return {
    people: organisation.people.map((p) => ({
      id: ids.person(p.key),
      name: p.name,
      managerId: p.managerKey === null ? null : ids.person(p.managerKey),
      isAdmin: p.role === 'admin',
      active: true,
    })),
    series,
    goals: goals.goals.map((goal) => {
      const last = goal.checkIns[goal.checkIns.length - 1];
      const stateSince =
        goal.state === 'active'
          ? (goal.approval?.at ?? goal.created.at)
          : (goal.closed?.at ?? goal.created.at);
      return {
        id: goal.id,
        title: goal.retarget?.title ?? goal.title,
        level: goal.level,
        state: goal.state,
        ownerId: ids.person(goal.ownerKey),
        metricKind: goal.metric.kind,
        lastProgressAt: last?.at ?? null,
        approvedAt: goal.approval?.at ?? null,
        createdAt: goal.created.at,
        stateSince,
        deleted: false,
        activeCycle: true,
      };
    }),
    actions,
    mutes: [],
  };
}
