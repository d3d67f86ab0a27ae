// The history of a 1:1 series' shared agenda (ONE16, ONE17), rebuilt from its update log: each
// logged update is applied in order to a fresh document, and the agenda is compared before and
// after. Only the shared agenda `one-on-one/<seriesId>` is ever replayed — private notes and
// moods live in documents of their own, so nothing of them can appear. Pure: the web server runs
// it on the log, tests on updates made in memory.
import * as Y from 'yjs';
import { readAction, readPoint, type ActionItem, type TalkingPoint } from './agenda.ts';
import type { AgendaSection } from './model.ts';
import { notesText } from './notes-text.ts';
import { actionsOf, dismissalsOf, meetingsOf, NOTES_PREFIX, pointsOf } from './shape.ts';

/** Everything the history compares, deleted points and items and cancelled meetings included. */
export interface AgendaState {
  meetings: Map<string, { date: string; cancelled: boolean }>;
  points: Map<string, TalkingPoint>;
  actions: Map<string, ActionItem>;
  /** Each meeting's shared notes as plain text. */
  notes: Map<string, string>;
}

export function readAgendaState(doc: Y.Doc): AgendaState {
  const state: AgendaState = {
    meetings: new Map(),
    points: new Map(),
    actions: new Map(),
    notes: new Map(),
  };
  for (const [id, value] of meetingsOf(doc).entries()) {
    state.meetings.set(id, { date: value.date, cancelled: value.cancelled === true });
  }
  const dismissals = dismissalsOf(doc);
  for (const [id, map] of pointsOf(doc).entries()) {
    state.points.set(id, readPoint(id, map, dismissals.has(id)));
  }
  for (const [id, map] of actionsOf(doc).entries()) state.actions.set(id, readAction(id, map));
  for (const [name, type] of doc.share) {
    if (!name.startsWith(NOTES_PREFIX)) continue;
    // A top-level type is typed by its first reader: read it as the fragment it is written as.
    const fragment = type instanceof Y.XmlFragment ? type : doc.getXmlFragment(name);
    state.notes.set(name.slice(NOTES_PREFIX.length), notesText(fragment));
  }
  return state;
}

/** One thing that changed in the agenda, in the meeting it belongs to (an item: raised in). */
export type AgendaChange =
  | { kind: 'meeting-added'; meetingId: string; to: string }
  | { kind: 'meeting-moved'; meetingId: string; from: string; to: string }
  | { kind: 'meeting-cancelled'; meetingId: string; from: string }
  | { kind: 'point-added'; meetingId: string; section: AgendaSection; to: string }
  | { kind: 'point-edited'; meetingId: string; section: AgendaSection; from: string; to: string }
  | { kind: 'point-ticked' | 'point-unticked' | 'point-deleted'; meetingId: string; to: string }
  | {
      kind: 'point-moved';
      meetingId: string;
      from: AgendaSection;
      section: AgendaSection;
      to: string;
    }
  | { kind: 'action-added'; meetingId: string; to: string; ownerId: string; dueDate: string | null }
  | { kind: 'action-edited'; meetingId: string; from: string; to: string }
  | { kind: 'action-owner'; meetingId: string; from: string; to: string; title: string }
  | {
      kind: 'action-due';
      meetingId: string;
      from: string | null;
      to: string | null;
      title: string;
    }
  | { kind: 'action-done' | 'action-reopened' | 'action-deleted'; meetingId: string; to: string }
  | { kind: 'notes-edited'; meetingId: string; from: string; to: string };

/**
 * ONE16: what differs between two states of the agenda, in a fixed order — meetings, then
 * talking points, then action items, then notes. A point or item that did not exist before is
 * one `added` change (its text as it is now); a point's reorder within its section is not
 * listed (only a move to another section), nor are timestamps.
 */
export function agendaChanges(before: AgendaState, after: AgendaState): AgendaChange[] {
  const changes: AgendaChange[] = [];
  for (const [meetingId, now] of after.meetings) {
    const was = before.meetings.get(meetingId);
    if (!was) {
      if (!now.cancelled) changes.push({ kind: 'meeting-added', meetingId, to: now.date });
      continue;
    }
    if (now.cancelled && !was.cancelled) {
      changes.push({ kind: 'meeting-cancelled', meetingId, from: was.date });
    } else if (now.date !== was.date) {
      changes.push({ kind: 'meeting-moved', meetingId, from: was.date, to: now.date });
    }
  }
  for (const [id, now] of after.points) {
    const was = before.points.get(id);
    const { meetingId, section } = now;
    if (!was) {
      if (!now.deleted) changes.push({ kind: 'point-added', meetingId, section, to: now.text });
      continue;
    }
    if (now.deleted) {
      if (!was.deleted) changes.push({ kind: 'point-deleted', meetingId, to: was.text });
      continue;
    }
    if (now.text !== was.text) {
      changes.push({ kind: 'point-edited', meetingId, section, from: was.text, to: now.text });
    }
    if (now.section !== was.section) {
      changes.push({ kind: 'point-moved', meetingId, from: was.section, section, to: now.text });
    }
    if (now.done !== was.done) {
      changes.push({ kind: now.done ? 'point-ticked' : 'point-unticked', meetingId, to: now.text });
    }
  }
  for (const [id, now] of after.actions) {
    const was = before.actions.get(id);
    const meetingId = now.createdIn;
    if (!was) {
      if (!now.deleted) {
        changes.push({
          kind: 'action-added',
          meetingId,
          to: now.title,
          ownerId: now.ownerId,
          dueDate: now.dueDate,
        });
      }
      continue;
    }
    if (now.deleted) {
      if (!was.deleted) changes.push({ kind: 'action-deleted', meetingId, to: was.title });
      continue;
    }
    if (now.title !== was.title) {
      changes.push({ kind: 'action-edited', meetingId, from: was.title, to: now.title });
    }
    if (now.ownerId !== was.ownerId) {
      const title = now.title;
      changes.push({ kind: 'action-owner', meetingId, from: was.ownerId, to: now.ownerId, title });
    }
    if (now.dueDate !== was.dueDate) {
      const title = now.title;
      changes.push({ kind: 'action-due', meetingId, from: was.dueDate, to: now.dueDate, title });
    }
    if (now.done !== was.done) {
      changes.push({
        kind: now.done ? 'action-done' : 'action-reopened',
        meetingId,
        to: now.title,
      });
    }
  }
  for (const [meetingId, now] of after.notes) {
    const was = before.notes.get(meetingId) ?? '';
    if (now !== was) changes.push({ kind: 'notes-edited', meetingId, from: was, to: now });
  }
  return changes;
}

/** One update of the log, as the storage's changesOf returns it. */
export interface LoggedAgendaUpdate {
  personId: string | null;
  receivedAt: Date;
  update: Uint8Array;
}

/** One version of the agenda: the log rows it folds together, who and when, what changed. */
export interface AgendaVersion {
  /** How many log rows make the agenda as of this version (1-based: the first row is 1). */
  upTo: number;
  /** ISO time of its last row. */
  at: string;
  /** The person whose updates they were; null: the system. */
  byId: string | null;
  changes: AgendaChange[];
}

/** Rows by one person this close to each other are one version: typing arrives keystroke by
 *  keystroke, and a history of single letters would say nothing. */
export const VERSION_WINDOW_MS = 2 * 60_000;

/**
 * ONE16: the agenda's versions, oldest first. Consecutive rows of the log by the same person,
 * each within VERSION_WINDOW_MS of the one before, are one version; a version whose rows change
 * nothing the history shows (an edit typed and undone, a reorder, a meeting created and called
 * off at once) is left out.
 */
export function replayAgendaHistory(log: readonly LoggedAgendaUpdate[]): AgendaVersion[] {
  const doc = new Y.Doc();
  const versions: AgendaVersion[] = [];
  let before = readAgendaState(doc);
  let index = 0;
  while (index < log.length) {
    const first = log[index]!;
    let last = first;
    Y.applyUpdate(doc, first.update);
    index += 1;
    while (index < log.length) {
      const next = log[index]!;
      const sameTyping =
        next.personId === first.personId &&
        next.receivedAt.getTime() - last.receivedAt.getTime() <= VERSION_WINDOW_MS;
      if (!sameTyping) break;
      Y.applyUpdate(doc, next.update);
      last = next;
      index += 1;
    }
    const after = readAgendaState(doc);
    const changes = agendaChanges(before, after);
    if (changes.length > 0) {
      versions.push({
        upTo: index,
        at: last.receivedAt.toISOString(),
        byId: first.personId,
        changes,
      });
    }
    before = after;
  }
  return versions;
}

/** ONE17: the agenda document as it was once the log's first `upTo` rows were applied. */
export function agendaAsOf(log: readonly LoggedAgendaUpdate[], upTo: number): Y.Doc {
  const doc = new Y.Doc();
  for (const row of log.slice(0, upTo)) Y.applyUpdate(doc, row.update);
  return doc;
}
