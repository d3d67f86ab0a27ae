// The server's verdict on one client update to a 1:1 series' documents (ONE5–ONE7, ONE9–ONE11,
// ONE14). Pure, no I/O. Two ways in, one set of rules: an update applied to a scratch replica
// handed in (equal to the live document until now) and compared with the live one; or a
// transaction that already changed the live document, judged from inside it (SYNC17's judging
// in place: the values before are read from the items the transaction deleted).
import * as Y from 'yjs';
import { valueBefore } from '../ydoc/before.ts';
import {
  addTouched,
  collectTouched,
  collectTouchedEntries,
  type ChangedTypes,
  type TouchedEntries,
} from '../ydoc/touched.ts';
import {
  validateAgendaDocument,
  validateMoodDocument,
  validatePrivateNotesDocument,
  type SchemaIssue,
} from './schema.ts';
import { mayCheckIn, type CheckInRights } from './check-ins.ts';
import { seededPointId } from './seeding.ts';
import {
  ACTIONS_ROOT,
  CHECK_INS_ROOT,
  DISMISSALS_ROOT,
  MEETINGS_ROOT,
  POINTS_ROOT,
  type CheckInValue,
  type DismissalValue,
  type MeetingValue,
} from './shape.ts';

/** Who sends the update, and the series' two members. */
export interface SeriesActor {
  personId: string;
  managerId: string;
  employeeId: string;
  /** The sender's rights to check in goals (ONE19); without them, no check-in is accepted. */
  checkIns?: CheckInRights;
}

export type OneOnOneRefusal =
  | { rule: 'ONE14' | 'ONE18' | 'ONE19' | 'ONE24' | 'ONE54'; message: string; path: string }
  | { rule: 'ONE6'; message: string }
  | {
      rule: 'ONE52';
      message: string;
      path: string;
      /** The goals checked in that the sender's rights do not know (ONE52). */
      unknownGoals: GoalRef[];
    };

/** A goal named by a check-in: its id and its cycle (whose goal tree holds it). */
export interface GoalRef {
  goalId: string;
  cycleId: string;
}

export type OneOnOneVerdict =
  | { ok: true }
  | { ok: false; reason: 'schema'; issues: SchemaIssue[] }
  | { ok: false; reason: 'forbidden'; refusal: OneOnOneRefusal };

const REMOVED = 'Entries are never removed, only marked deleted or cancelled.';

/** The entries an update touched, as they were before it and as they are after. */
interface ChangeView {
  /** The document with the update in it. */
  after: Y.Doc;
  /** A top-level map's entry before the update. */
  before(root: string, key: string): unknown;
  /** A field of `map` (an entry's map that existed before the update) as it was before. */
  fieldBefore(map: Y.Map<unknown>, field: string): unknown;
}

/** The update applied to `scratch`, a replica of `live`, which still holds the state before. */
function scratchView(live: Y.Doc, scratch: Y.Doc): ChangeView {
  return {
    after: scratch,
    before: (root, key) => live.getMap<unknown>(root).get(key),
    fieldBefore: (map, field) => map.get(field),
  };
}

/** `transaction` already changed `doc`: the values before are its deleted items' (before.ts). */
function inPlaceView(doc: Y.Doc, transaction: Y.Transaction): ChangeView {
  return {
    after: doc,
    before: (root, key) => valueBefore(doc.getMap<unknown>(root), key, transaction),
    fieldBefore: (map, field) => valueBefore(map, field, transaction),
  };
}

/** Fields fixed once an entry exists: who made it, when, and where it belongs. */
const FIXED_POINT_FIELDS = ['meetingId', 'authorId', 'createdAt'] as const;
const FIXED_ACTION_FIELDS = ['createdIn', 'createdBy', 'createdAt'] as const;

function keysOf(touched: TouchedEntries, root: string): string[] {
  return [...(touched.get(root) ?? [])].filter((key): key is string => key !== null);
}

const forbidden = (
  path: string,
  message: string,
  rule: 'ONE14' | 'ONE18' | 'ONE19' | 'ONE24' | 'ONE54' = 'ONE14',
): OneOnOneVerdict => ({
  ok: false,
  reason: 'forbidden',
  refusal: { rule, path, message },
});

/**
 * ONE24: a seeded point (its id derived from its meeting and its seed) may be written by both
 * members at once; Yjs keeps one of the two maps, so the other member's creation of that same
 * point, in their own name, may replace the first, as with the cadence's meeting (ONE14).
 */
function seededPointRecreated(
  view: ChangeView,
  key: string,
  old: Y.Map<unknown>,
  map: Y.Map<unknown>,
  actor: SeriesActor,
): boolean {
  const seed = map.get('seed');
  return (
    typeof seed === 'string' &&
    view.fieldBefore(old, 'seed') === seed &&
    view.fieldBefore(old, 'meetingId') === map.get('meetingId') &&
    key === seededPointId(map.get('meetingId') as string, seed) &&
    map.get('authorId') === actor.personId
  );
}

/** Whether a map entry now holds another map than before (the two replicas' item ids differ). */
function isReplaced(before: Y.Map<unknown>, after: Y.Map<unknown>): boolean {
  const a = before._item?.id;
  const b = after._item?.id;
  return !a || !b || a.client !== b.client || a.clock !== b.clock;
}

const sameCheckIn = (a: CheckInValue, b: CheckInValue) =>
  a.meetingId === b.meetingId &&
  a.goalId === b.goalId &&
  a.cycleId === b.cycleId &&
  a.value === b.value &&
  a.milestoneId === b.milestoneId &&
  a.by === b.by &&
  a.at === b.at;

/**
 * ONE18, ONE19: a check-in is written once, in its sender's name, on a goal of the employee's
 * that the sender may edit (GOAL16); it is never changed or removed. ONE52: one on a goal the
 * sender's rights do not know is refused with the goals they lack, so the server can learn them
 * from the goal tree itself and judge the update again.
 */
function checkCheckIns(
  view: ChangeView,
  touched: TouchedEntries,
  actor: SeriesActor,
): OneOnOneVerdict | null {
  const unknown: { path: string; goal: GoalRef }[] = [];
  for (const key of keysOf(touched, CHECK_INS_ROOT)) {
    const before = view.before(CHECK_INS_ROOT, key) as CheckInValue | undefined;
    const after = view.after.getMap<CheckInValue>(CHECK_INS_ROOT).get(key);
    const path = `${CHECK_INS_ROOT}.${key}`;
    if (after === undefined) {
      if (before !== undefined) return forbidden(path, REMOVED, 'ONE18');
      continue;
    }
    if (before !== undefined) {
      if (!sameCheckIn(before, after)) return forbidden(path, 'A check-in never changes.', 'ONE18');
      continue;
    }
    if (after.by !== actor.personId) {
      return forbidden(path, 'A check-in is made in its sender’s name.', 'ONE18');
    }
    // ONE52: a goal the rights do not know may be newer than the projection they were read
    // from; the others are judged first, so a refusal on them is never put off.
    if (actor.checkIns && !actor.checkIns.goals.has(after.goalId)) {
      unknown.push({ path, goal: { goalId: after.goalId, cycleId: after.cycleId } });
      continue;
    }
    if (!actor.checkIns || !mayCheckIn(actor.checkIns, actor.employeeId, after)) {
      return forbidden(path, 'You may not check in this goal.', 'ONE19');
    }
  }
  if (unknown.length === 0) return null;
  return {
    ok: false,
    reason: 'forbidden',
    refusal: {
      rule: 'ONE52',
      path: unknown[0]!.path,
      message: 'No goal of the employee’s known to the server.',
      unknownGoals: unknown.map(({ goal }) => goal),
    },
  };
}

/** ONE54: a dismissal is written once, in its sender's name; it is never changed or removed. */
function checkDismissals(
  view: ChangeView,
  touched: TouchedEntries,
  actor: SeriesActor,
): OneOnOneVerdict | null {
  for (const key of keysOf(touched, DISMISSALS_ROOT)) {
    const before = view.before(DISMISSALS_ROOT, key) as DismissalValue | undefined;
    const after = view.after.getMap<DismissalValue>(DISMISSALS_ROOT).get(key);
    const path = `${DISMISSALS_ROOT}.${key}`;
    if (after === undefined) {
      if (before !== undefined) return forbidden(path, REMOVED, 'ONE54');
      continue;
    }
    if (before !== undefined) {
      if (before.by !== after.by || before.at !== after.at) {
        return forbidden(path, 'A dismissal never changes.', 'ONE54');
      }
      continue;
    }
    if (after.by !== actor.personId) {
      return forbidden(path, 'A dismissal is made in its sender’s name.', 'ONE54');
    }
  }
  return null;
}

/**
 * ONE14: a new meeting names its sender, and who added a meeting never changes — but for the
 * meeting the cadence schedules (ONE8; its id is its day). Both members may create that one at
 * once, and Yjs keeps one of the two map entries (the higher client id's, whatever the order they
 * reach the server in), so the other member's creation of the same day, in their own name, may
 * replace the first: refusing it would reset that member's replica for doing what ONE8 asks.
 */
function meetingCreatorKept(
  key: string,
  before: MeetingValue | undefined,
  after: MeetingValue,
  actor: SeriesActor,
): boolean {
  if (before === undefined) return after.createdBy === actor.personId;
  if (after.createdBy === before.createdBy) return true;
  const sameDayRecreated = before.date === key && after.date === key;
  return sameDayRecreated && after.createdBy === actor.personId;
}

/**
 * ONE14: the rules of the shared agenda beyond its schema. What a member adds carries their own
 * name (a point's author, an item's or a meeting's creator, who ticked an item); nothing is ever
 * removed (ONE9); who made an entry, when and where never changes; an action item's owner is one
 * of the two members (ONE11). Whether the sender may write at all is the access rule's (ONE2).
 */
function checkAgendaRules(
  view: ChangeView,
  touched: TouchedEntries,
  actor: SeriesActor,
): OneOnOneVerdict {
  const members = new Set([actor.managerId, actor.employeeId]);
  for (const root of [MEETINGS_ROOT, POINTS_ROOT, ACTIONS_ROOT]) {
    for (const key of keysOf(touched, root)) {
      const before = view.before(root, key);
      const after = view.after.getMap<unknown>(root).get(key);
      const path = `${root}.${key}`;
      if (after === undefined) {
        if (before !== undefined) return forbidden(path, REMOVED);
        continue;
      }
      if (root === MEETINGS_ROOT) {
        if (
          !meetingCreatorKept(key, before as MeetingValue | undefined, after as MeetingValue, actor)
        ) {
          return forbidden(path, 'A meeting names the member who added it.');
        }
        continue;
      }
      const map = after as Y.Map<unknown>;
      const old = before as Y.Map<unknown> | undefined;
      const fixed = root === POINTS_ROOT ? FIXED_POINT_FIELDS : FIXED_ACTION_FIELDS;
      if (old !== undefined && root === POINTS_ROOT && isReplaced(old, map)) {
        if (seededPointRecreated(view, key, old, map, actor)) continue;
      }
      if (
        old !== undefined &&
        fixed.some((field) => map.get(field) !== view.fieldBefore(old, field))
      ) {
        return forbidden(path, `${fixed.join(', ')} never change.`);
      }
      if (old === undefined) {
        const creator = map.get(root === POINTS_ROOT ? 'authorId' : 'createdBy');
        if (creator !== actor.personId)
          return forbidden(path, 'New entries carry their sender’s id.');
      }
      if (root === ACTIONS_ROOT) {
        if (!members.has(map.get('ownerId') as string)) {
          return forbidden(path, 'An action item is owned by one of the two members.');
        }
        const doneBy = map.get('doneBy');
        if (
          doneBy !== ((old && view.fieldBefore(old, 'doneBy')) ?? null) &&
          doneBy !== null &&
          doneBy !== actor.personId
        ) {
          return forbidden(path, 'An item is ticked by its sender.');
        }
      }
    }
  }
  return (
    checkDismissals(view, touched, actor) ?? checkCheckIns(view, touched, actor) ?? { ok: true }
  );
}

function schemaVerdict(issues: SchemaIssue[]): OneOnOneVerdict | null {
  return issues.length > 0 ? { ok: false, reason: 'schema', issues } : null;
}

/** Applies `update` to `scratch` and judges it as an update of the series' shared agenda. */
export function judgeAgendaUpdate(
  live: Y.Doc,
  scratch: Y.Doc,
  update: Uint8Array,
  actor: SeriesActor,
): OneOnOneVerdict {
  const { entries: touched, types } = collectTouched(scratch, () => Y.applyUpdate(scratch, update));
  return judgeAgendaChange(scratchView(live, scratch), touched, types, actor);
}

function judgeAgendaChange(
  view: ChangeView,
  touched: TouchedEntries,
  types: ChangedTypes,
  actor: SeriesActor,
): OneOnOneVerdict {
  return (
    schemaVerdict(validateAgendaDocument(view.after, touched, types)) ??
    checkAgendaRules(view, touched, actor)
  );
}

/** What `transaction` changed, for judging it in place. */
function touchedBy(transaction: Y.Transaction): { touched: TouchedEntries; types: ChangedTypes } {
  const touched: TouchedEntries = new Map();
  const types: ChangedTypes = new Map();
  addTouched(touched, transaction, types);
  return { touched, types };
}

/**
 * Judges `transaction`, which applied a client's update to the live agenda `doc`, from inside it
 * (an `afterTransaction` listener): the same rules as `judgeAgendaUpdate`, with the values before
 * read from what the transaction deleted.
 */
export function judgeAgendaTransaction(
  doc: Y.Doc,
  transaction: Y.Transaction,
  actor: SeriesActor,
): OneOnOneVerdict {
  const { touched, types } = touchedBy(transaction);
  return judgeAgendaChange(inPlaceView(doc, transaction), touched, types, actor);
}

/** ONE5: a member's private notes; only their author ever opens them (the access rule). */
export function judgePrivateNotesUpdate(scratch: Y.Doc, update: Uint8Array): OneOnOneVerdict {
  const { entries: touched, types } = collectTouched(scratch, () => Y.applyUpdate(scratch, update));
  return schemaVerdict(validatePrivateNotesDocument(scratch, touched, types)) ?? { ok: true };
}

/** `judgePrivateNotesUpdate` for a transaction that already changed the live `doc`. */
export function judgePrivateNotesTransaction(
  doc: Y.Doc,
  transaction: Y.Transaction,
): OneOnOneVerdict {
  const { touched, types } = touchedBy(transaction);
  return schemaVerdict(validatePrivateNotesDocument(doc, touched, types)) ?? { ok: true };
}

/** ONE6: only the employee sets their mood; nothing is removed. */
export function judgeMoodUpdate(
  live: Y.Doc,
  scratch: Y.Doc,
  update: Uint8Array,
  actor: SeriesActor,
): OneOnOneVerdict {
  const touched = collectTouchedEntries(scratch, () => Y.applyUpdate(scratch, update));
  return judgeMoodChange(scratchView(live, scratch), touched, actor);
}

/** `judgeMoodUpdate` for a transaction that already changed the live `doc`. */
export function judgeMoodTransaction(
  doc: Y.Doc,
  transaction: Y.Transaction,
  actor: SeriesActor,
): OneOnOneVerdict {
  return judgeMoodChange(inPlaceView(doc, transaction), touchedBy(transaction).touched, actor);
}

function judgeMoodChange(
  view: ChangeView,
  touched: TouchedEntries,
  actor: SeriesActor,
): OneOnOneVerdict {
  const schema = schemaVerdict(validateMoodDocument(view.after, touched));
  if (schema) return schema;
  if (touched.size > 0 && actor.personId !== actor.employeeId) {
    return {
      ok: false,
      reason: 'forbidden',
      refusal: { rule: 'ONE6', message: 'Only the employee sets their mood.' },
    };
  }
  for (const key of keysOf(touched, 'moods')) {
    if (view.before('moods', key) !== undefined && !view.after.getMap('moods').has(key)) {
      return forbidden(`moods.${key}`, REMOVED);
    }
  }
  return { ok: true };
}
