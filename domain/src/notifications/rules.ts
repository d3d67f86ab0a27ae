// The nudge rules (NUD5–NUD19): pure functions from what the job read (series, goals, action
// items, people, mutes) and the moment of the run to the conditions true now, and the
// reconciliation of those with the notifications already open (NUD4). The job in
// db/src/notifications-job.ts reads the facts and writes what this decides.
import { isLeader } from '../goals/leaders.ts';
import { isStaleByFacts } from '../goals/health.ts';
import type { GoalLevel, GoalState, MetricKind } from '../goals/model.ts';
import { isSeriesOverdue } from '../one-on-ones/cadence.ts';
import type { Cadence } from '../one-on-ones/model.ts';
import type { Nudge, NudgeKind, OpenNotification } from './model.ts';

/** NUD13: a proposed goal waits this long before its approver is nudged. */
export const APPROVAL_WAIT_DAYS = 3;

const DAY_MS = 86_400_000;

export interface PersonFact {
  id: string;
  name: string;
  managerId: string | null;
  isAdmin: boolean;
  /** Not deactivated: only active people are nudged (NUD16). */
  active: boolean;
}

export interface SeriesFact {
  id: string;
  managerId: string;
  employeeId: string;
  cadence: Cadence;
  startsOn: string;
  ended: boolean;
  /** Whether the agenda has been projected at all (NUD6: unknown is neither raised nor cleared). */
  projected: boolean;
  /** The last meeting held before today (not cancelled), when projected. */
  lastHeld: string | null;
}

export interface GoalFact {
  id: string;
  title: string;
  level: GoalLevel;
  state: GoalState;
  ownerId: string | null;
  metricKind: MetricKind;
  lastProgressAt: string | null;
  approvedAt: string | null;
  createdAt: string | null;
  /** When the goal entered its current state, as the projection saw it (NUD12). */
  stateSince: string | null;
  deleted: boolean;
  /** Of the active cycle (NUD14): other cycles' goals are seen, and nudge nobody. */
  activeCycle: boolean;
}

export interface ActionFact {
  id: string;
  seriesId: string;
  ownerId: string | null;
  dueDate: string | null;
  done: boolean;
  deleted: boolean;
}

export interface NudgeFacts {
  people: PersonFact[];
  series: SeriesFact[];
  /** The projected goals, of every cycle (NUD9, NUD14). */
  goals: GoalFact[];
  actions: ActionFact[];
  mutes: { personId: string; kind: NudgeKind }[];
}

export interface Evaluation {
  nudges: Nudge[];
  /** NUD4: every subject the run saw, so a notification about it may be cleared. */
  subjects: Set<string>;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** NUD11: the ISO week of a moment (UTC), 'YYYY-Www': the digest's period. */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** NUD9: GOAL13's rule (isStaleByFacts) read from a projected row, for live goals of the
 *  active cycle only. */
export function isGoalStale(goal: GoalFact, now: Date): boolean {
  return goal.activeCycle && !goal.deleted && isStaleByFacts(goal, now);
}

/** NUD12: a live goal proposed for three days or more (since it entered `proposed`). */
export function isAwaitingApproval(goal: GoalFact, now: Date): boolean {
  if (!goal.activeCycle || goal.deleted || goal.state !== 'proposed' || goal.stateSince === null)
    return false;
  const at = Date.parse(goal.stateSince);
  return !Number.isNaN(at) && now.getTime() - at >= APPROVAL_WAIT_DAYS * DAY_MS;
}

/**
 * NUD13 (GOAL17, GOAL26): who approves a goal. A company goal: the leaders; a team or personal
 * goal: its owner's direct manager; with no manager (or no owner), the organisation's admins.
 * Only active people; never the owner themselves.
 */
export function approversOf(goal: GoalFact, people: PersonFact[]): string[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const active = (ids: string[]) =>
    ids.filter((id) => byId.get(id)?.active === true && id !== goal.ownerId);
  if (goal.level === 'company') {
    const reports = new Map<string, number>();
    for (const p of people) {
      if (p.managerId && p.active) reports.set(p.managerId, (reports.get(p.managerId) ?? 0) + 1);
    }
    const leaders = people.filter((p) => {
      const manager = p.managerId ? byId.get(p.managerId) : undefined;
      return isLeader({
        hasManager: p.managerId !== null,
        managerHasManager: manager ? manager.managerId !== null : null,
        directReportCount: reports.get(p.id) ?? 0,
      });
    });
    return active(leaders.map((p) => p.id));
  }
  const manager = goal.ownerId ? byId.get(goal.ownerId)?.managerId : null;
  if (manager && byId.get(manager)?.active) return active([manager]);
  return active(people.filter((p) => p.isAdmin).map((p) => p.id));
}

/** Evaluates every rule over the facts at `now` (NUD5–NUD16). */
export function evaluateNudges(facts: NudgeFacts, now: Date): Evaluation {
  const today = dayOf(now);
  const nudges: Nudge[] = [];
  const subjects = new Set<string>();
  const people = new Map(facts.people.map((p) => [p.id, p]));
  const nameOf = (id: string | null) => (id ? (people.get(id)?.name ?? 'someone') : 'someone');

  // NUD5, NUD6: a running series overdue for its cadence (ONE13) nudges both members.
  const seriesById = new Map(facts.series.map((s) => [s.id, s]));
  for (const series of facts.series) {
    if (!series.projected && !series.ended) continue;
    const subject = `series:${series.id}`;
    subjects.add(subject);
    if (series.ended) continue;
    if (!isSeriesOverdue(series.lastHeld, series.startsOn, series.cadence, today)) continue;
    for (const [personId, otherId] of [
      [series.managerId, series.employeeId],
      [series.employeeId, series.managerId],
    ] as const) {
      nudges.push({
        personId,
        kind: 'one-on-one-overdue',
        key: `one-on-one-overdue:${series.id}`,
        subject,
        link: `/one-on-ones/${series.id}`,
        payload: {
          kind: 'one-on-one-overdue',
          otherName: nameOf(otherId),
          lastHeld: series.lastHeld,
          cadence: series.cadence,
        },
      });
    }
  }

  // NUD7, NUD8: an undone action item past its due day (ONE12) nudges its owner, while the
  // series runs.
  for (const action of facts.actions) {
    const subject = `action:${action.id}`;
    subjects.add(subject);
    const series = seriesById.get(action.seriesId);
    if (!series || series.ended || action.done || action.deleted) continue;
    if (action.ownerId === null || action.dueDate === null || action.dueDate >= today) continue;
    const otherId = action.ownerId === series.managerId ? series.employeeId : series.managerId;
    nudges.push({
      personId: action.ownerId,
      kind: 'action-overdue',
      key: `action-overdue:${action.id}`,
      subject,
      link: `/one-on-ones/${series.id}`,
      payload: { kind: 'action-overdue', otherName: nameOf(otherId), dueDate: action.dueDate },
    });
  }

  // NUD9, NUD10: a stale goal nudges its owner; NUD11: a weekly digest to the owner's manager.
  const staleByManager = new Map<string, Map<string, number>>();
  for (const goal of facts.goals) {
    const subject = `goal:${goal.id}`;
    subjects.add(subject);
    if (goal.ownerId === null || !isGoalStale(goal, now)) continue;
    nudges.push({
      personId: goal.ownerId,
      kind: 'goal-stale',
      key: `goal-stale:${goal.id}`,
      subject,
      link: `/goals?owner=${goal.ownerId}`,
      payload: {
        kind: 'goal-stale',
        goalTitle: goal.title,
        since: goal.lastProgressAt ?? goal.approvedAt ?? goal.createdAt ?? '',
      },
    });
    const managerId = people.get(goal.ownerId)?.managerId;
    if (!managerId) continue;
    const reports = staleByManager.get(managerId) ?? new Map<string, number>();
    reports.set(goal.ownerId, (reports.get(goal.ownerId) ?? 0) + 1);
    staleByManager.set(managerId, reports);
  }
  const week = isoWeek(now);
  // A run that saw no goal (the tree not projected yet) knows nothing of any digest.
  if (facts.goals.length > 0)
    for (const person of facts.people) subjects.add(`digest:${person.id}`);
  for (const [managerId, reports] of staleByManager) {
    nudges.push({
      personId: managerId,
      kind: 'goal-stale-digest',
      key: `goal-stale-digest:${week}`,
      subject: `digest:${managerId}`,
      link: '/goals?show=team',
      payload: {
        kind: 'goal-stale-digest',
        week,
        reports: [...reports]
          .map(([personId, goals]) => ({ personId, name: nameOf(personId), goals }))
          .sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId)),
      },
    });
  }

  // NUD12, NUD13: a goal proposed for three days nudges its approvers.
  for (const goal of facts.goals) {
    if (!isAwaitingApproval(goal, now)) continue;
    for (const approver of approversOf(goal, facts.people)) {
      nudges.push({
        personId: approver,
        kind: 'goal-approval',
        key: `goal-approval:${goal.id}`,
        subject: `goal:${goal.id}`,
        link: goal.ownerId ? `/goals?owner=${goal.ownerId}` : '/goals?show=everything',
        payload: {
          kind: 'goal-approval',
          goalTitle: goal.title,
          ownerName: nameOf(goal.ownerId),
          waitingSince: goal.stateSince ?? '',
        },
      });
    }
  }

  // NUD16: only active people; NUD20: never a kind the person muted.
  const muted = new Set(facts.mutes.map((m) => `${m.personId} ${m.kind}`));
  return {
    nudges: nudges.filter(
      (n) => people.get(n.personId)?.active === true && !muted.has(`${n.personId} ${n.kind}`),
    ),
    subjects,
  };
}

export interface Reconciliation {
  /** Conditions without an open notification: raise one each. */
  raise: Nudge[];
  /** Open notifications whose condition ended (NUD4): clear them. */
  clear: OpenNotification[];
}

/**
 * NUD2, NUD4: a condition that already has an open notification raises nothing more; an open
 * notification whose subject the run saw and whose condition is not true now is cleared; one
 * about a subject the run did not see stays as it is.
 */
export function reconcile(open: OpenNotification[], evaluation: Evaluation): Reconciliation {
  const id = (n: { personId: string; key: string }) => `${n.personId} ${n.key}`;
  const openIds = new Set(open.map(id));
  const trueNow = new Set(evaluation.nudges.map(id));
  const raise: Nudge[] = [];
  const raised = new Set<string>();
  for (const nudge of evaluation.nudges) {
    const nudgeId = id(nudge);
    if (openIds.has(nudgeId) || raised.has(nudgeId)) continue;
    raised.add(nudgeId);
    raise.push(nudge);
  }
  const clear = open.filter((n) => evaluation.subjects.has(n.subject) && !trueNow.has(id(n)));
  return { raise, clear };
}
