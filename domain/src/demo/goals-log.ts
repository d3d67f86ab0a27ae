// Turns a demo goal plan (goals.ts) into the goal-tree document's update log (GOAL22), written with
// the domain's own edit helpers so the document is exactly what the app would have made. Events are
// replayed in time order, one Yjs transaction per log entry: the bulk of the story (goals written
// and approved, check-ins, goals closed) as system entries grouped by calendar month, and each
// target changed mid-cycle as an entry of its own in the name of the manager who changed it — so
// the history panel and the tree-as-of-a-date have a real past to show. (Every close in its own
// entry too would be truer, but thousands of small transactions triple the seeding time of the
// 5,000-person organisation; check-ins and approvals name their author inside the document anyway.)
import * as Y from 'yjs';
import { readGoal } from '../goals/document.ts';
import {
  addGoals,
  approveGoal,
  recordProgress,
  setGoalState,
  setMilestoneDone,
  updateGoalFields,
  updateMetric,
  type NewGoal,
} from '../goals/edits.ts';
import type { DemoCheckIn, DemoGoal, DemoGoalPlan } from './goals.ts';

/** The database ids of the organisation's people and teams, by generated key. */
export interface DemoIds {
  person(key: string): string;
  team(key: string): string;
}

/** One row of the document log, as the sync server's storage writes it. */
export interface DemoLogEntry {
  /** Null: written by the system (routine events replayed in bulk). */
  personId: string | null;
  receivedAt: Date;
  update: Uint8Array;
}

type EventKind = 'create' | 'approve' | 'check-in' | 'retarget' | 'close';

interface DemoEvent {
  at: number;
  /** Tie-break: plan order, so a parent written in the same minute comes first. */
  order: number;
  kind: EventKind;
  goal: DemoGoal;
  byKey: string;
  checkIn?: DemoCheckIn;
}

/** Events entered in a person's name, each its own log entry. */
const DELIBERATE = new Set<EventKind>(['retarget']);

export function demoGoalEvents(plan: DemoGoalPlan): DemoEvent[] {
  const events: DemoEvent[] = [];
  plan.goals.forEach((goal, order) => {
    const push = (kind: EventKind, at: string, byKey: string, checkIn?: DemoCheckIn) =>
      events.push({ at: Date.parse(at), order, kind, goal, byKey, checkIn });
    push('create', goal.created.at, goal.created.byKey);
    if (goal.approval) push('approve', goal.approval.at, goal.approval.byKey);
    for (const checkIn of goal.checkIns) push('check-in', checkIn.at, checkIn.byKey, checkIn);
    if (goal.retarget) push('retarget', goal.retarget.at, goal.retarget.byKey);
    if (goal.closed) push('close', goal.closed.at, goal.closed.byKey);
  });
  const rank: Record<EventKind, number> = {
    create: 0,
    approve: 1,
    retarget: 2,
    'check-in': 3,
    close: 4,
  };
  return events.sort((a, b) => a.at - b.at || a.order - b.order || rank[a.kind] - rank[b.kind]);
}

/**
 * GOAL22: replays the plan into a new document and returns the log entries that build it, oldest
 * first, and the document itself. Applying the entries in order to an empty document gives the
 * same content.
 */
export function writeDemoGoalLog(
  plan: DemoGoalPlan,
  ids: DemoIds,
): { entries: DemoLogEntry[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const entries: DemoLogEntry[] = [];
  let captured: Uint8Array | null = null;
  doc.on('update', (update: Uint8Array) => {
    captured = update;
  });

  let bucket: DemoEvent[] = [];
  const flush = (personKey: string | null) => {
    if (bucket.length === 0) return;
    const events = bucket;
    bucket = [];
    captured = null;
    doc.transact(() => apply(doc, events, ids));
    if (captured === null) return;
    entries.push({
      personId: personKey === null ? null : ids.person(personKey),
      receivedAt: new Date(events.at(-1)!.at),
      update: captured,
    });
  };
  for (const event of demoGoalEvents(plan)) {
    if (DELIBERATE.has(event.kind)) {
      flush(null);
      bucket = [event];
      flush(event.byKey);
    } else {
      if (bucket.length > 0 && monthOf(bucket[0]!.at) !== monthOf(event.at)) flush(null);
      bucket.push(event);
    }
  }
  flush(null);
  return { entries, doc };
}

function monthOf(time: number): number {
  const date = new Date(time);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** Applies one entry's events inside the caller's transaction. */
function apply(doc: Y.Doc, events: readonly DemoEvent[], ids: DemoIds): void {
  // New goals first, all in one call (addGoals is linear in the document, so once per entry),
  // each with its own author and time; a goal's own later events in the entry then find it.
  const created = events.filter((event) => event.kind === 'create');
  if (created.length > 0) {
    addGoals(
      doc,
      created.map((event) => newGoal(event.goal, ids)),
      { by: ids.person(created[0]!.byKey) },
    );
  }
  for (const event of events) {
    const context = { by: ids.person(event.byKey), at: new Date(event.at).toISOString() };
    const id = event.goal.id;
    switch (event.kind) {
      case 'create':
        break;
      case 'approve':
        approveGoal(doc, id, context);
        break;
      case 'check-in':
        checkIn(doc, event.goal, event.checkIn!, context);
        break;
      case 'retarget': {
        const retarget = event.goal.retarget!;
        updateMetric(doc, id, { target: retarget.target }, context);
        updateGoalFields(doc, id, { title: retarget.title }, context);
        break;
      }
      case 'close':
        setGoalState(doc, id, event.goal.state, context);
        break;
    }
  }
}

function newGoal(goal: DemoGoal, ids: DemoIds): NewGoal {
  return {
    id: goal.id,
    title: goal.title,
    description: goal.description,
    level: goal.level,
    // Approved goals enter active through their approval (GOAL17), as in the app.
    state: goal.approval ? 'proposed' : goal.state,
    ownerId: ids.person(goal.ownerKey),
    teamId: goal.teamKey === null ? null : ids.team(goal.teamKey),
    parentId: goal.parentId,
    startDate: goal.startDate,
    dueDate: goal.dueDate,
    metric: {
      kind: goal.metric.kind,
      start: goal.metric.start,
      target: goal.metric.target,
      unit: goal.metric.unit,
      direction: goal.metric.direction,
      milestones: goal.metric.milestones,
    },
    weight: goal.weight,
    difficulty: goal.difficulty,
    tags: goal.tags,
    created: { by: ids.person(goal.created.byKey), at: goal.created.at },
  };
}

function checkIn(
  doc: Y.Doc,
  goal: DemoGoal,
  checkIn: DemoCheckIn,
  context: { by: string; at: string },
): void {
  if (goal.metric.kind !== 'milestones') {
    recordProgress(doc, goal.id, checkIn.value, context);
    return;
  }
  // Milestones are ticked in order; the check-in's value is how many are done after it.
  const milestone = readGoal(doc, goal.id)?.metric.milestones[checkIn.value - 1];
  if (milestone) setMilestoneDone(doc, goal.id, milestone.id, true, context);
}
