// How a 1:1 series lives in Y.Docs (ONE7–ONE9).
//
// The series' shared document `one-on-one/<seriesId>` has three top-level maps and one rich-text
// fragment per meeting:
//   meetings         meetingId → { date, createdBy, createdAt, cancelled? } (a plain value: a
//                    meeting's fields change together, and whole values merge last-writer-wins)
//   points           pointId → Y.Map of a talking point: meetingId, section, order (a fractional
//                    key), text (Y.Text), authorId, createdAt, done, deleted
//   actions          actionId → Y.Map of an action item: title (Y.Text), ownerId, dueDate,
//                    createdIn (a meeting), createdBy, createdAt, done, doneIn, doneAt, doneBy,
//                    deleted
//   checkIns         checkInId → { meetingId, goalId, cycleId, value, milestoneId?, by, at }
//                    (a plain value, written once: ONE18) — a goal checked in during the meeting,
//                    which the server then applies to the goal tree (ONE20)
//   dismissals       pointId → { by, at } (a plain value, written once: ONE54) — a seeded point
//                    someone dismissed
//   notes/<meetingId> the meeting's shared notes, as the rich-text editor keeps them
//
// Why this shape. A meeting scheduled by the cadence has its day as its id (ONE8), so two people
// opening the series at once, or offline on two devices, create the same meeting rather than
// two; its notes are a top-level fragment named after it, which Yjs merges by name however many
// replicas create it, where a fragment inside a meeting's map would lose one replica's typing.
// Talking points and action items are maps of their own keyed by random ids (only their author
// creates them), with fields that merge one by one: a reorder assigns `order`, a tick `done`, so
// concurrent reorders and edits never lose or duplicate a point (ONE10). An action item lives
// once in the series, not in a meeting, so ticking it in any meeting ticks the one item (ONE11).
// A seeded point is the exception to "only its author creates it": both members' devices write
// it under the same id (ONE24), and Yjs keeps one of the two maps, with its fields; a dismissal
// written as a field of the other map would go with it, so dismissals are entries of their own
// map, keyed by the point's id, which no later seeding overwrites (ONE54).
//
// The employee's private notes `private-notes/<seriesId>/<personId>` hold `notes/<meetingId>`
// fragments only; the mood document `one-on-one-mood/<seriesId>` one map, `moods`:
// meetingId → { value, at }.
import * as Y from 'yjs';
import type { AgendaSection } from './model.ts';

export const MEETINGS_ROOT = 'meetings';
export const POINTS_ROOT = 'points';
export const ACTIONS_ROOT = 'actions';
export const MOODS_ROOT = 'moods';
export const CHECK_INS_ROOT = 'checkIns';
export const DISMISSALS_ROOT = 'dismissals';
/** Prefix of each meeting's notes fragment: `notes/<meetingId>`. */
export const NOTES_PREFIX = 'notes/';

export interface MeetingValue {
  /** The day it is held, 'YYYY-MM-DD'. */
  date: string;
  createdBy: string;
  createdAt: string;
  /** Called off: it no longer shows in the timeline. */
  cancelled?: boolean;
}

/** The plain fields of a talking point's map (its text is a Y.Text under `text`). */
export interface PointFields {
  meetingId: string;
  section: AgendaSection;
  order: string;
  authorId: string;
  createdAt: string;
  done: boolean;
  deleted: boolean;
  /** ONE23: what a seeded point was seeded from (`goal:<id>`, `carried:<pointId>`, …); its id
   *  derives from the meeting and this key, so every replica seeds the same point. */
  seed?: string;
}

/** ONE18: a goal checked in during a meeting, as the agenda records it (written once). */
export interface CheckInValue {
  meetingId: string;
  goalId: string;
  /** The goal tree the goal lives in (`goals/<cycleId>`). */
  cycleId: string;
  /** The metric's new value (yes-no: 1 or 0; milestones: 1 ticks `milestoneId`, 0 unticks). */
  value: number;
  milestoneId?: string;
  by: string;
  at: string;
}

/** The plain fields of an action item's map (its title is a Y.Text under `title`). */
export interface ActionFields {
  ownerId: string;
  dueDate: string | null;
  /** The meeting it was raised in: it shows from that meeting on (ONE11). */
  createdIn: string;
  createdBy: string;
  createdAt: string;
  done: boolean;
  /** The meeting it was ticked in, if it was ticked in one. */
  doneIn: string | null;
  doneAt: string | null;
  doneBy: string | null;
  deleted: boolean;
}

/** ONE54: who dismissed a seeded point, and when. */
export interface DismissalValue {
  by: string;
  at: string;
}

export interface MoodValue {
  value: number;
  at: string;
}

export const meetingsOf = (doc: Y.Doc) => doc.getMap<MeetingValue>(MEETINGS_ROOT);
export const pointsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(POINTS_ROOT);
export const actionsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ACTIONS_ROOT);
export const moodsOf = (doc: Y.Doc) => doc.getMap<MoodValue>(MOODS_ROOT);
export const checkInsOf = (doc: Y.Doc) => doc.getMap<CheckInValue>(CHECK_INS_ROOT);
export const dismissalsOf = (doc: Y.Doc) => doc.getMap<DismissalValue>(DISMISSALS_ROOT);
export const notesOf = (doc: Y.Doc, meetingId: string) =>
  doc.getXmlFragment(`${NOTES_PREFIX}${meetingId}`);
