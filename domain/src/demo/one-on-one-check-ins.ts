// DEMO35: check-ins made in 1:1s, in the demo's goal histories. In the last held meeting of the
// chosen series, the employee checks in up to two of their active goals with a numeric target or
// milestones that are not stale (so the demo's spread of stale goals, GOAL21, stays as it was): a
// step towards the target, or the next milestone ticked. Each check-in is written as the 1:1 writes it (the agenda's `checkIns`,
// ONE18) and as the server applies it (the goal's log, with its source, ONE20), so the goal's
// history says "from the 1:1 on <day>". Pure and deterministic.
import * as Y from 'yjs';
import { readGoalMap } from '../goals/document.ts';
import { STALE_AFTER_DAYS } from '../goals/health.ts';
import { isNumericKind, type Goal } from '../goals/model.ts';
import type { Actor } from '../goals/permissions.ts';
import { goalsRoot } from '../goals/shape.ts';
import {
  applyCheckInToGoals,
  recordCheckIn,
  type AgendaCheckIn,
} from '../one-on-ones/check-ins.ts';
import { deterministicUuid } from '../one-on-ones/seeding.ts';

const DAY = 86_400_000;

/** A document as the seed holds it between its steps (db/ does not depend on Yjs itself). */
export type SeedDocument = Y.Doc;

/** The update an edit makes to `doc`, or null when it changed nothing. */
export function encodeEdit(doc: Y.Doc, edit: () => void): Uint8Array | null {
  const before = Y.encodeStateVector(doc);
  doc.transact(edit);
  const after = Y.encodeStateVector(doc);
  const same = before.length === after.length && before.every((byte, i) => byte === after[i]);
  return same ? null : Y.encodeStateAsUpdate(doc, before);
}

/** The live goals of a tree by owner (read once for many series). */
export function goalsByOwner(goalDoc: Y.Doc): Map<string, Goal[]> {
  const owners = new Map<string, Goal[]>();
  for (const [id, map] of goalsRoot(goalDoc).entries()) {
    const goal = readGoalMap(id, map);
    if (goal.deleted || goal.ownerId === null) continue;
    const list = owners.get(goal.ownerId);
    if (list) list.push(goal);
    else owners.set(goal.ownerId, [goal]);
  }
  return owners;
}

/** A goal a check-in can move: a numeric target not reached, or a milestone not done. */
function canMove(goal: Goal): boolean {
  if (goal.metric.kind === 'milestones') return goal.metric.milestones.some((m) => !m.done);
  if (!isNumericKind(goal.metric.kind) || goal.metric.target === null) return false;
  return goal.metric.current !== goal.metric.target;
}

/** A value a quarter of the way from `current` to `target`, in the metric's grain. */
function stepTowards(goal: Goal): number {
  const start = goal.metric.start ?? 0;
  const current = goal.metric.current ?? start;
  const target = goal.metric.target!;
  const next = current + (target - current) * 0.25;
  const whole = [start, target, current].every(Number.isInteger);
  return whole ? Math.round(next) : Math.round(next * 10) / 10;
}

/** DEMO35: the check-ins of one meeting (`at`: its start) for the employee's goals. */
export function planMeetingCheckIns(
  goals: readonly Goal[],
  input: { seriesId: string; meetingId: string; at: string; employeeId: string; cycleId: string },
): AgendaCheckIn[] {
  const meetingAt = Date.parse(input.at);
  const chosen = goals
    .filter((goal) => {
      if (goal.state !== 'active' || !canMove(goal)) return false;
      const last = Date.parse(goal.lastProgressAt ?? goal.approvedAt ?? goal.createdAt);
      return last < meetingAt && meetingAt - last < STALE_AFTER_DAYS * DAY;
    })
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, 2);
  return chosen.map((goal, index) => {
    const key = `${input.seriesId}/${input.meetingId}/${goal.id}`;
    const milestone = goal.metric.milestones.find((m) => !m.done);
    return {
      id: `d${deterministicUuid(key).replaceAll('-', '').slice(0, 15)}`,
      meetingId: input.meetingId,
      goalId: goal.id,
      cycleId: input.cycleId,
      // Milestones: the next one ticked.
      ...(goal.metric.kind === 'milestones'
        ? { value: 1, milestoneId: milestone!.id }
        : { value: stepTowards(goal) }),
      by: input.employeeId,
      at: new Date(meetingAt + (10 + 5 * index) * 60_000).toISOString(),
    };
  });
}

/**
 * DEMO35: writes the check-ins into the agenda and the goal tree; returns each document's update
 * (null when nothing was written).
 */
export function writeMeetingCheckIns(
  agendaDoc: Y.Doc,
  goalDoc: Y.Doc,
  checkIns: readonly AgendaCheckIn[],
  series: { seriesId: string; employeeId: string; meetingDay: string },
): { agenda: Uint8Array | null; goals: Uint8Array | null } {
  const actor: Actor = {
    personId: series.employeeId,
    isAdmin: false,
    isLeader: false,
    teamIds: new Set(),
    reportIds: new Set(),
    directReportIds: new Set(),
  };
  const agenda = encodeEdit(agendaDoc, () => {
    for (const checkIn of checkIns) {
      recordCheckIn(agendaDoc, checkIn, { by: checkIn.by, at: checkIn.at }, checkIn.id);
    }
  });
  const goals = encodeEdit(goalDoc, () => {
    for (const checkIn of checkIns) applyCheckInToGoals(goalDoc, checkIn, series, actor);
  });
  return { agenda, goals };
}
