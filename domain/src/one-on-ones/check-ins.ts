// Check-ins made in a 1:1 (ONE18–ONE22): the Track section moves the employee's goals. A check-in
// is first an entry of the shared agenda (`checkIns`, written once by its author), so it works
// offline and syncs like the rest of the agenda; the server then applies it to the goal tree as
// a check-in of the goal's log that keeps the agenda's id, so applying it again — a replay, a
// second node — adds nothing (ONE20). Pure: reads and writes of Y.Docs, no I/O.
import type * as Y from 'yjs';
import { readGoalMap } from '../goals/document.ts';
import { newCheckInId, recordProgress, setMilestoneDone } from '../goals/edits.ts';
import type { GoalLevel } from '../goals/model.ts';
import { mayEditGoal, type Actor as GoalActor } from '../goals/permissions.ts';
import { goalMap } from '../goals/shape.ts';
import { meetingsOf, checkInsOf, type CheckInValue } from './shape.ts';

export interface AgendaCheckIn extends CheckInValue {
  id: string;
}

export interface CheckInInput {
  meetingId: string;
  goalId: string;
  cycleId: string;
  value: number;
  milestoneId?: string;
}

/** ONE18: records a check-in in the agenda, in its author's name; returns its id. */
export function recordCheckIn(
  doc: Y.Doc,
  input: CheckInInput,
  context: { by: string; at?: string },
  id: string = newCheckInId(),
): string {
  const value: CheckInValue = {
    meetingId: input.meetingId,
    goalId: input.goalId,
    cycleId: input.cycleId,
    value: input.value,
    by: context.by,
    at: context.at ?? new Date().toISOString(),
  };
  if (input.milestoneId !== undefined) value.milestoneId = input.milestoneId;
  checkInsOf(doc).set(id, value);
  return id;
}

/** The agenda's check-ins (of one meeting, or all), oldest first (ties by id). */
export function agendaCheckIns(doc: Y.Doc, meetingId?: string): AgendaCheckIn[] {
  const list: AgendaCheckIn[] = [];
  for (const [id, value] of checkInsOf(doc).entries()) {
    if (meetingId === undefined || value.meetingId === meetingId) list.push({ ...value, id });
  }
  return list.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/**
 * ONE21: the latest value checked in per goal (milestones: per goal and milestone, keyed
 * `goalId/milestoneId`), so a page can show a check-in made here (or offline) before the goal's
 * projection has it.
 */
export function latestCheckIns(doc: Y.Doc): Map<string, AgendaCheckIn> {
  const latest = new Map<string, AgendaCheckIn>();
  for (const checkIn of agendaCheckIns(doc)) {
    const key = checkIn.milestoneId ? `${checkIn.goalId}/${checkIn.milestoneId}` : checkIn.goalId;
    latest.set(key, checkIn);
  }
  return latest;
}

/** What the server knows of a goal a 1:1 may check in (from its projection). */
export interface GoalScope {
  level: GoalLevel;
  ownerId: string | null;
  teamId: string | null;
  cycleId: string;
}

/** The rights of a check-in's sender: who they are for the goal tree (GOAL16), and the series
 *  employee's goals as the server's projection knows them. */
export interface CheckInRights {
  goalActor: GoalActor;
  goals: ReadonlyMap<string, GoalScope>;
}

/**
 * ONE19: a 1:1 checks in the series employee's own goals, and only a person who may edit the
 * goal (GOAL16: the employee as its owner, the manager as the owner's manager), in the goal's
 * cycle.
 */
export function mayCheckIn(
  rights: CheckInRights,
  employeeId: string,
  checkIn: Pick<CheckInValue, 'goalId' | 'cycleId'>,
): boolean {
  const goal = rights.goals.get(checkIn.goalId);
  return (
    goal !== undefined &&
    goal.cycleId === checkIn.cycleId &&
    goal.ownerId === employeeId &&
    mayEditGoal(rights.goalActor, goal)
  );
}

export type ApplyOutcome =
  /** A check-in entry was appended to the goal's log. */
  | 'applied'
  /** The goal already has it (a replay, another node): nothing written. */
  | 'present'
  /** A milestone already in the state asked for: nothing to record. */
  | 'unchanged'
  | 'missing-goal'
  | 'missing-milestone'
  /** Not the employee's goal, or its sender may not edit it (GOAL16, ONE19). */
  | 'forbidden';

/**
 * ONE20: applies an agenda check-in to the goal tree `goalDoc` as a check-in of the goal's log,
 * with the agenda's id, author and time, and its source (the series and the meeting's day, shown
 * in the goal's history, GOAL24). Judged again against the goal itself — the tree is the
 * authority on owners — with `actor`, the sender's rights in the tree.
 */
export function applyCheckInToGoals(
  goalDoc: Y.Doc,
  checkIn: AgendaCheckIn,
  series: { seriesId: string; employeeId: string; meetingDay: string },
  actor: GoalActor,
): ApplyOutcome {
  const map = goalMap(goalDoc, checkIn.goalId);
  if (!map) return 'missing-goal';
  const goal = readGoalMap(checkIn.goalId, map);
  if (goal.deleted) return 'missing-goal';
  if (goal.checkIns.some((existing) => existing.id === checkIn.id)) return 'present';
  if (goal.ownerId !== series.employeeId || !mayEditGoal(actor, goal)) return 'forbidden';
  const context = {
    by: checkIn.by,
    at: checkIn.at,
    checkIn: { id: checkIn.id, source: { oneOnOne: series.seriesId, on: series.meetingDay } },
  };
  if (checkIn.milestoneId !== undefined) {
    const milestone = goal.metric.milestones.find((m) => m.id === checkIn.milestoneId);
    if (!milestone) return 'missing-milestone';
    const done = checkIn.value === 1;
    if (milestone.done === done) return 'unchanged';
    setMilestoneDone(goalDoc, checkIn.goalId, checkIn.milestoneId, done, context);
    return 'applied';
  }
  recordProgress(goalDoc, checkIn.goalId, checkIn.value, context);
  return 'applied';
}

/** The day of the meeting a check-in was made in (meetings are never removed, ONE9; without
 *  one, the check-in's own day). */
export function meetingDayOf(doc: Y.Doc, checkIn: CheckInValue): string {
  return meetingsOf(doc).get(checkIn.meetingId)?.date ?? checkIn.at.slice(0, 10);
}
