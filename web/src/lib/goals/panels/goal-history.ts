// The history of every goal of a goal-tree document, rebuilt from its update log (GOAL23, GOAL24):
// each logged update is applied in order to a fresh document, and every goal it touched is compared
// before and after with the domain's goalChanges. Who and when come from the document's own
// records where it keeps them (a check-in's author and time, the approver, the creator) and
// otherwise from the log row (the person whose update it was, when the server received it; null:
// the system). Pure: the server runs it on the log, tests run it on updates made in memory.
import * as Y from 'yjs';
import { readGoal } from '@threadline/domain/goals/document';
import { goalChanges, type GoalChangeField } from '@threadline/domain/goals/history';
import type { Goal } from '@threadline/domain/goals/model';
import { collectTouched } from '@threadline/domain/goals/touched';

/** One update of the log, as the storage's changesOf returns it. */
export interface LoggedChange {
  personId: string | null;
  receivedAt: Date;
  update: Uint8Array;
}

export type HistoryField =
  | 'created'
  | 'title'
  | 'description'
  | 'level'
  | 'state'
  | 'approval'
  | 'owner'
  | 'team'
  | 'parent'
  | 'start-date'
  | 'due-date'
  | 'metric-kind'
  | 'start'
  | 'target'
  | 'current'
  | 'unit'
  | 'direction'
  | 'milestone'
  | 'weight'
  | 'difficulty'
  | 'tag'
  | 'deleted';

export type HistoryValue = string | number | boolean | null;

/** One change of one field. Owner, team, parent and approval values are ids (names come later). */
export interface RawHistoryEntry {
  /** ISO time. */
  at: string;
  /** Person id, or null for the system. */
  byId: string | null;
  field: HistoryField;
  from: HistoryValue;
  to: HistoryValue;
  /** What the value belongs to, where the field alone does not say: a milestone's title. */
  detail?: string;
  /** ONE19: a check-in made in a 1:1, the meeting's day. */
  oneOnOne?: string;
}

/** One history entry as the panel receives it (GET /goals/history), references named. */
export interface HistoryEntry {
  at: string;
  /** Null: the system (imported or seeded data). */
  by: { id: string; name: string } | null;
  field: HistoryField;
  /** Owner, team, parent and approval values are names, not ids. */
  from: HistoryValue;
  to: HistoryValue;
  detail?: string;
  /** ONE19: a check-in made in a 1:1, the meeting's day ("from the 1:1 on …"). */
  oneOnOne?: string;
}

/** Fields whose values name people, teams or goals (resolved to names for display). */
export const REFERENCE_FIELDS = {
  owner: 'person',
  approval: 'person',
  team: 'team',
  parent: 'goal',
} as const satisfies Partial<Record<HistoryField, 'person' | 'team' | 'goal'>>;

export interface ReplayedHistories {
  /** Goal id → its entries, oldest first. */
  histories: Map<string, RawHistoryEntry[]>;
  /** Goal id → its latest title, to name parents. */
  titles: Map<string, string>;
}

/**
 * GOAL24: every goal's history, oldest first, from the log in log order. Only the goals an update
 * touched are compared, so the cost follows the log, not the tree times the log.
 */
export function replayHistories(changes: Iterable<LoggedChange>): ReplayedHistories {
  const doc = new Y.Doc();
  const histories = new Map<string, RawHistoryEntry[]>();
  const last = new Map<string, Goal>();
  try {
    for (const change of changes) {
      const touched = collectTouched(doc, () => Y.applyUpdate(doc, change.update)).goalIds;
      for (const id of touched) {
        const goal = readGoal(doc, id);
        if (!goal) continue;
        const entries = histories.get(id) ?? [];
        for (const entry of diffGoal(last.get(id) ?? null, goal, change)) addEntry(entries, entry);
        histories.set(id, entries);
        last.set(id, goal);
      }
    }
  } finally {
    doc.destroy();
  }
  for (const entries of histories.values()) entries.sort((a, b) => compare(a.at, b.at));
  const titles = new Map([...last].map(([id, goal]) => [id, goal.title]));
  return { histories, titles };
}

/** Text edits of one person this close together are one change (GOAL24). */
export const TYPING_WINDOW_MS = 2 * 60_000;

/**
 * Appends an entry, folding typing into one change: a title or description edit sent keystroke
 * by keystroke arrives as many logged updates. A text change by the same person within
 * TYPING_WINDOW_MS of their last change to that field extends it (first old value → last new
 * value); the title typed right after creating a goal becomes the created goal's title. An edit
 * typed and undone leaves nothing. Other fields are deliberate choices, each kept.
 */
function addEntry(entries: RawHistoryEntry[], entry: RawHistoryEntry): void {
  if (entry.field === 'title' || entry.field === 'description') {
    for (let i = entries.length - 1; i >= 0; i--) {
      const earlier = entries[i]!;
      const close =
        earlier.byId === entry.byId &&
        Date.parse(entry.at) - Date.parse(earlier.at) <= TYPING_WINDOW_MS;
      if (!close) break;
      const created = earlier.field === 'created' && entry.field === 'title';
      if (earlier.field !== entry.field && !created) continue;
      if (created || earlier.to === entry.from) {
        earlier.to = entry.to;
        earlier.at = created ? earlier.at : entry.at;
        if (!created && earlier.from === earlier.to) entries.splice(i, 1);
        return;
      }
      break;
    }
  }
  entries.push(entry);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The history's name for each of the domain's changed fields (GOAL23). */
const FIELD_OF: Record<
  Exclude<GoalChangeField, 'milestones' | 'tags' | 'metric.current' | 'approvedBy'>,
  HistoryField
> = {
  created: 'created',
  title: 'title',
  description: 'description',
  level: 'level',
  state: 'state',
  ownerId: 'owner',
  teamId: 'team',
  parentId: 'parent',
  startDate: 'start-date',
  dueDate: 'due-date',
  weight: 'weight',
  difficulty: 'difficulty',
  'metric.kind': 'metric-kind',
  'metric.start': 'start',
  'metric.target': 'target',
  'metric.unit': 'unit',
  'metric.direction': 'direction',
  deleted: 'deleted',
};

/**
 * The entries one logged update makes for one goal it touched: the domain's changes (GOAL23), with
 * check-ins, milestones and tags one entry per item, and an approval as one entry in the
 * approver's name instead of a state change and an approver change.
 */
export function diffGoal(
  before: Goal | null,
  after: Goal,
  change: LoggedChange,
): RawHistoryEntry[] {
  const at = change.receivedAt.toISOString();
  const byId = change.personId;
  const changes = goalChanges(before, after);
  if (before === null) {
    // A new goal is one entry, in its creator's name and at its creation time — plus what it
    // already holds that records its own author and time: an update written while offline, or a
    // month of imported history, can bring a goal together with its approval and check-ins.
    const entries: RawHistoryEntry[] = [
      {
        at: after.createdAt || at,
        byId: after.createdBy || byId,
        field: 'created',
        from: null,
        to: after.title,
      },
    ];
    if (after.approvedBy !== null) {
      entries.push({
        at: after.approvedAt ?? at,
        byId: after.approvedBy,
        field: 'approval',
        from: null,
        to: after.approvedBy,
      });
    }
    const empty: Goal = { ...after, checkIns: [], metric: { ...after.metric, current: null } };
    if (after.metric.kind !== 'milestones') entries.push(...checkInEntries(empty, after, change));
    return entries;
  }
  const approved = changes.some((c) => c.field === 'approvedBy') && after.approvedBy !== null;
  const entries: RawHistoryEntry[] = [];
  for (const { field, before: from, after: to } of changes) {
    switch (field) {
      case 'approvedBy':
        if (after.approvedBy !== null) {
          entries.push({
            at: after.approvedAt ?? at,
            byId: after.approvedBy,
            field: 'approval',
            from: null,
            to: after.approvedBy,
          });
        }
        break;
      case 'state':
        // An approval is the state change; listing it twice would say the same thing.
        if (!(approved && after.state === 'active')) {
          entries.push({
            at,
            byId,
            field: 'state',
            from: from as HistoryValue,
            to: to as HistoryValue,
          });
        }
        break;
      case 'metric.current':
        // Below, with the check-ins: a check-in of an unchanged value is news too.
        break;
      case 'milestones':
        entries.push(...milestoneEntries(before, after, change));
        break;
      case 'tags':
        entries.push(...tagEntries(before, after, at, byId));
        break;
      default:
        entries.push({
          at,
          byId,
          field: FIELD_OF[field],
          from: from as HistoryValue,
          to: to as HistoryValue,
        });
    }
  }
  if (after.metric.kind !== 'milestones') entries.push(...checkInEntries(before, after, change));
  return entries;
}

/**
 * New check-ins (GOAL18), each a change of the current value in its author's name. A metric whose
 * current value changed without a check-in (a hand-made update) still shows, in the row's name.
 */
function checkInEntries(before: Goal, after: Goal, change: LoggedChange): RawHistoryEntry[] {
  const known = new Set(before.checkIns.map((checkIn) => checkIn.id));
  const added = after.checkIns.filter((checkIn) => !known.has(checkIn.id));
  const entries: RawHistoryEntry[] = [];
  let previous: number | null = before.metric.current;
  for (const checkIn of added) {
    entries.push({
      at: checkIn.at,
      byId: checkIn.by,
      field: 'current',
      from: previous,
      to: checkIn.value,
      ...(checkIn.source ? { oneOnOne: checkIn.source.on } : {}),
    });
    previous = checkIn.value;
  }
  if (added.length === 0 && before.metric.current !== after.metric.current) {
    entries.push({
      at: change.receivedAt.toISOString(),
      byId: change.personId,
      field: 'current',
      from: before.metric.current,
      to: after.metric.current,
    });
  }
  return entries;
}

/** Milestones added, removed, renamed, ticked on or off; a tick in the author of its check-in. */
function milestoneEntries(before: Goal, after: Goal, change: LoggedChange): RawHistoryEntry[] {
  const entries: RawHistoryEntry[] = [];
  const old = new Map(before.metric.milestones.map((m) => [m.id, m]));
  const known = new Set(before.checkIns.map((checkIn) => checkIn.id));
  const tick = after.checkIns.find((checkIn) => !known.has(checkIn.id));
  const at = change.receivedAt.toISOString();
  const byId = change.personId;
  for (const milestone of after.metric.milestones) {
    const was = old.get(milestone.id);
    old.delete(milestone.id);
    if (!was) {
      entries.push({ at, byId, field: 'milestone', from: null, to: milestone.title });
      continue;
    }
    if (was.title !== milestone.title) {
      entries.push({ at, byId, field: 'milestone', from: was.title, to: milestone.title });
    }
    if (was.done !== milestone.done) {
      entries.push({
        at: tick?.at ?? at,
        byId: tick?.by ?? byId,
        field: 'milestone',
        from: was.done,
        to: milestone.done,
        detail: milestone.title,
        ...(tick?.source ? { oneOnOne: tick.source.on } : {}),
      });
    }
  }
  for (const removed of old.values()) {
    entries.push({ at, byId, field: 'milestone', from: removed.title, to: null });
  }
  return entries;
}

function tagEntries(before: Goal, after: Goal, at: string, byId: string | null): RawHistoryEntry[] {
  const had = new Set(before.tags);
  const has = new Set(after.tags);
  return [
    ...after.tags
      .filter((tag) => !had.has(tag))
      .map((tag) => ({ at, byId, field: 'tag' as const, from: null, to: tag })),
    ...before.tags
      .filter((tag) => !has.has(tag))
      .map((tag) => ({ at, byId, field: 'tag' as const, from: tag, to: null })),
  ];
}
