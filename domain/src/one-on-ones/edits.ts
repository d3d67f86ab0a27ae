// The edits people make to a 1:1 series' documents (ONE8–ONE12, ONE6), as Yjs transactions. Each
// edit changes as little as it can — one field of one map — so that two people's concurrent edits
// merge field by field (ONE10). Pure: no I/O; ids come from the caller's random source.
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { agendaOf, meetings } from './agenda.ts';
import { nextScheduledDay } from './cadence.ts';
import type { AgendaSection, Cadence } from './model.ts';
import {
  actionsOf,
  dismissalsOf,
  meetingsOf,
  moodsOf,
  pointsOf,
  type MeetingValue,
} from './shape.ts';

export interface EditContext {
  /** Who edits (a member of the series). */
  by: string;
  /** When, as an ISO instant. */
  at?: string;
}

const now = (context: EditContext) => context.at ?? new Date().toISOString();

/**
 * ONE8: makes sure the meeting the cadence schedules next (on or after `today`) exists, and
 * returns its id. Its id is its day, so replicas that create it at once create one meeting.
 */
export function ensureNextMeeting(
  doc: Y.Doc,
  series: { startsOn: string; cadence: Cadence },
  today: string,
  context: EditContext,
): string {
  const day = nextScheduledDay(series.startsOn, series.cadence, today);
  const existing = meetings(doc).find((m) => m.date >= today);
  if (existing) return existing.id;
  const map = meetingsOf(doc);
  if (!map.has(day)) {
    map.set(day, { date: day, createdBy: context.by, createdAt: now(context) });
  }
  return day;
}

/** ONE8: an extra meeting on `date`, beside the cadence's. */
export function addMeeting(doc: Y.Doc, id: string, date: string, context: EditContext): void {
  meetingsOf(doc).set(id, { date, createdBy: context.by, createdAt: now(context) });
}

/** ONE8: moves a meeting to another day (it keeps its id, its agenda and its notes). */
export function moveMeeting(doc: Y.Doc, meetingId: string, date: string): boolean {
  const map = meetingsOf(doc);
  const meeting = map.get(meetingId);
  if (!meeting) return false;
  map.set(meetingId, { ...meeting, date } satisfies MeetingValue);
  return true;
}

/** The order key that puts a point at `index` of its section (0: first). */
export function orderAt(
  doc: Y.Doc,
  meetingId: string,
  section: AgendaSection,
  index: number,
  skip?: string,
) {
  const points = agendaOf(doc, meetingId)[section].filter((p) => p.id !== skip);
  // Past the end means at the end (addPoint asks for Number.MAX_SAFE_INTEGER): after the last.
  const at = Math.max(0, Math.min(index, points.length));
  const before = points[at - 1]?.order ?? null;
  const after = points[at]?.order ?? null;
  return generateKeyBetween(before, after === before ? null : after);
}

/** ONE9, ONE10: a talking point at the end of a section, by its author. */
export function addPoint(
  doc: Y.Doc,
  id: string,
  input: { meetingId: string; section: AgendaSection; text: string },
  context: EditContext,
): void {
  doc.transact(() => {
    const order = orderAt(doc, input.meetingId, input.section, Number.MAX_SAFE_INTEGER);
    const map = new Y.Map<unknown>();
    map.set('meetingId', input.meetingId);
    map.set('section', input.section);
    map.set('order', order);
    map.set('text', new Y.Text(input.text));
    map.set('authorId', context.by);
    map.set('createdAt', now(context));
    map.set('done', false);
    map.set('deleted', false);
    pointsOf(doc).set(id, map);
  });
}

function point(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return pointsOf(doc).get(id);
}

/** ONE10: moves a point to `index` of `section` (the same or another): one order key changes. */
export function movePoint(doc: Y.Doc, id: string, section: AgendaSection, index: number): boolean {
  const map = point(doc, id);
  if (!map) return false;
  const meetingId = map.get('meetingId') as string;
  doc.transact(() => {
    map.set('order', orderAt(doc, meetingId, section, index, id));
    if (map.get('section') !== section) map.set('section', section);
  });
  return true;
}

export function setPointDone(doc: Y.Doc, id: string, done: boolean): boolean {
  const map = point(doc, id);
  if (!map) return false;
  map.set('done', done);
  return true;
}

/** ONE9: marks a point deleted; a seeded one is also dismissed in the agenda's own map (ONE54),
 *  which the other member's copy of the same point, merged later, cannot take away. */
export function deletePoint(doc: Y.Doc, id: string, context: EditContext): boolean {
  const map = point(doc, id);
  if (!map) return false;
  doc.transact(() => {
    map.set('deleted', true);
    if (typeof map.get('seed') === 'string' && !dismissalsOf(doc).has(id)) {
      dismissalsOf(doc).set(id, { by: context.by, at: now(context) });
    }
  });
  return true;
}

/** ONE11: an action item raised in a meeting, owned by one of the two members. */
export function addAction(
  doc: Y.Doc,
  id: string,
  input: { meetingId: string; title: string; ownerId: string; dueDate: string | null },
  context: EditContext,
): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('title', new Y.Text(input.title));
    map.set('ownerId', input.ownerId);
    map.set('dueDate', input.dueDate);
    map.set('createdIn', input.meetingId);
    map.set('createdBy', context.by);
    map.set('createdAt', now(context));
    map.set('done', false);
    map.set('doneIn', null);
    map.set('doneAt', null);
    map.set('doneBy', null);
    map.set('deleted', false);
    actionsOf(doc).set(id, map);
  });
}

/** ONE11: ticks (or unticks) the one action item, from whichever meeting shows it. */
export function setActionDone(
  doc: Y.Doc,
  id: string,
  done: boolean,
  meetingId: string | null,
  context: EditContext,
): boolean {
  const map = actionsOf(doc).get(id);
  if (!map) return false;
  doc.transact(() => {
    map.set('done', done);
    map.set('doneIn', done ? meetingId : null);
    map.set('doneAt', done ? now(context) : null);
    map.set('doneBy', done ? context.by : null);
  });
  return true;
}

export function updateAction(
  doc: Y.Doc,
  id: string,
  patch: { ownerId?: string; dueDate?: string | null; deleted?: boolean },
): boolean {
  const map = actionsOf(doc).get(id);
  if (!map) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && map.get(key) !== value) map.set(key, value);
    }
  });
  return true;
}

/** ONE6: the employee's mood for a meeting, 1–5. */
export function setMood(doc: Y.Doc, meetingId: string, value: number, context: EditContext): void {
  moodsOf(doc).set(meetingId, { value, at: now(context) });
}
