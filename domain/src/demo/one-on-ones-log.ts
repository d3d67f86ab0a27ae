// Turns a demo 1:1 series (one-on-ones.ts) into its documents' update logs (DEMO17), written with
// the domain's own edit helpers so the documents are exactly what the app would have made:
//   one-on-one/<seriesId>       one entry per meeting per person who did something in it, in
//                               their name, at their last act: the points they prepared, the
//                               items they raised or ticked, the notes they wrote; the first
//                               entry of a meeting creates it as opening the page does (ONE8), and
//                               the person who runs the meeting ticks the points last.
//   one-on-one-mood/<seriesId>  one entry per mood, the employee's (ONE6)
//   private-notes/<id>/<person> one entry per meeting with a note, its author's (ONE5)
// So every entry passes the server's checks for its author (judgeAgendaUpdate, ONE14), and the
// history shows who prepared what and when.
import * as Y from 'yjs';
import {
  addAction,
  addPoint,
  ensureNextMeeting,
  setActionDone,
  setMood,
  setPointDone,
} from '../one-on-ones/edits.ts';
import { meetingsOf, notesOf } from '../one-on-ones/shape.ts';
import type { DemoIds, DemoLogEntry } from './goals-log.ts';
import type { DemoMeeting, DemoNotes, DemoSeries } from './one-on-ones.ts';

/** The database ids of the organisation's people, by generated key. */
type PersonIds = Pick<DemoIds, 'person'>;

/** A document's log and the document it builds. */
export interface DemoDocumentLog {
  entries: DemoLogEntry[];
  doc: Y.Doc;
}

export interface DemoSeriesLogs {
  agenda: DemoDocumentLog;
  mood: DemoDocumentLog;
  /** One per member who wrote private notes. */
  privateNotes: (DemoDocumentLog & { personId: string })[];
}

/** Something a person does in a meeting, at a time; applied inside their entry's transaction. */
interface Act {
  at: string;
  /** Tie-break within an entry: points before items, items before ticks. */
  rank: number;
  apply(doc: Y.Doc, by: string): void;
}

/** Collects one document's entries, each one Yjs transaction. */
function recorder(): DemoDocumentLog & {
  record(personId: string, at: string, edit: () => void): void;
} {
  // A guid of our own: Yjs would draw a random one a hex digit at a time, a crypto call each,
  // which made up a sixth of the 5,000-person seed's 1:1 time. The guid is never in an update.
  const doc = new Y.Doc({ guid: 'demo-one-on-one' });
  const entries: DemoLogEntry[] = [];
  let captured: Uint8Array | null = null;
  doc.on('update', (update: Uint8Array) => {
    captured = update;
  });
  return {
    doc,
    entries,
    record(personId, at, edit) {
      captured = null;
      doc.transact(edit);
      if (captured !== null) entries.push({ personId, receivedAt: new Date(at), update: captured });
    },
  };
}

/** DEMO17: the series' logs, oldest entry first in each. */
export function writeDemoSeriesLogs(series: DemoSeries, ids: PersonIds): DemoSeriesLogs {
  return {
    agenda: agendaLog(series, ids),
    mood: moodLog(series, ids),
    privateNotes: privateNotesLogs(series, ids),
  };
}

function agendaLog(series: DemoSeries, ids: PersonIds): DemoDocumentLog {
  const log = recorder();
  const schedule = { startsOn: series.startsOn, cadence: series.cadence };
  for (const meeting of series.meetings) {
    const acts = actsOf(series, meeting, ids);
    // Each person's entry for the meeting, in the order of their last acts.
    const entries = [...acts.entries()]
      .map(([personKey, list]) => ({
        personKey,
        acts: list.sort((a, b) => a.at.localeCompare(b.at) || a.rank - b.rank),
      }))
      .sort((a, b) => a.acts.at(-1)!.at.localeCompare(b.acts.at(-1)!.at));
    for (const entry of entries) {
      const by = ids.person(entry.personKey);
      const first = entry.acts[0]!.at;
      log.record(by, entry.acts.at(-1)!.at, () => {
        if (!meetingsOf(log.doc).has(meeting.day)) {
          const created = ensureNextMeeting(log.doc, schedule, first.slice(0, 10), {
            by,
            at: first,
          });
          if (created !== meeting.day) {
            throw new Error(`the cadence scheduled ${created}, the plan ${meeting.day}`);
          }
        }
        for (const act of entry.acts) act.apply(log.doc, by);
      });
    }
  }
  return { entries: log.entries, doc: log.doc };
}

/** What each person (by key) does in `meeting`. */
function actsOf(series: DemoSeries, meeting: DemoMeeting, ids: PersonIds): Map<string, Act[]> {
  const acts = new Map<string, Act[]>();
  const add = (personKey: string, act: Act) => {
    const list = acts.get(personKey);
    if (list) list.push(act);
    else acts.set(personKey, [act]);
  };
  for (const point of meeting.points) {
    add(point.authorKey, {
      at: point.at,
      rank: 0,
      apply: (doc, by) =>
        addPoint(
          doc,
          point.id,
          { meetingId: meeting.day, section: point.section, text: point.text },
          { by, at: point.at },
        ),
    });
  }
  for (const action of series.actions) {
    if (action.raisedIn === meeting.day) {
      add(action.byKey, {
        at: action.at,
        rank: 1,
        apply: (doc, by) =>
          addAction(
            doc,
            action.id,
            {
              meetingId: meeting.day,
              title: action.title,
              ownerId: ids.person(action.ownerKey),
              dueDate: action.dueDate,
            },
            { by, at: action.at },
          ),
      });
    }
    const done = action.done;
    if (done?.in === meeting.day) {
      add(done.byKey, {
        at: done.at,
        rank: 2,
        apply: (doc, by) => setActionDone(doc, action.id, true, meeting.day, { by, at: done.at }),
      });
    }
  }
  const notes = meeting.notes;
  if (notes) {
    add(notes.byKey, {
      at: notes.at,
      rank: 1,
      apply: (doc) => writeSharedNotes(notesOf(doc, meeting.day), notes),
    });
  }
  const ticked = meeting.points.filter((point) => point.done);
  if (ticked.length > 0) {
    // The person who runs the meeting ticks off what was discussed, as it wraps up.
    add(series.closerKey, {
      at: new Date(Date.parse(meeting.at) + 50 * 60_000).toISOString(),
      rank: 3,
      apply: (doc) => {
        for (const point of ticked) setPointDone(doc, point.id, true);
      },
    });
  }
  return acts;
}

function moodLog(series: DemoSeries, ids: PersonIds): DemoDocumentLog {
  const log = recorder();
  const employee = ids.person(series.employeeKey);
  for (const meeting of series.meetings) {
    const mood = meeting.mood;
    if (!mood) continue;
    log.record(employee, mood.at, () =>
      setMood(log.doc, meeting.day, mood.value, { by: employee, at: mood.at }),
    );
  }
  return { entries: log.entries, doc: log.doc };
}

function privateNotesLogs(series: DemoSeries, ids: PersonIds): DemoSeriesLogs['privateNotes'] {
  const logs = new Map<string, ReturnType<typeof recorder>>();
  for (const meeting of series.meetings) {
    for (const note of meeting.privateNotes) {
      let log = logs.get(note.byKey);
      if (!log) logs.set(note.byKey, (log = recorder()));
      const fragment = notesOf(log.doc, meeting.day);
      log.record(ids.person(note.byKey), note.at, () =>
        fragment.insert(fragment.length, [paragraph(note.text)]),
      );
    }
  }
  return [...logs].map(([key, log]) => ({
    personId: ids.person(key),
    entries: log.entries,
    doc: log.doc,
  }));
}

// Rich text as TipTap keeps it through y-prosemirror (NOTES_SCHEMA): an element per node, named
// after its type, with its attrs as attributes and its text in a Y.XmlText.

function textElement(name: string, text: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Sets an attribute that is not a string (a heading's level, a task's checked, as the editor
 *  writes them); Yjs types an element's attributes as strings unless told otherwise. */
function setAttribute(element: Y.XmlElement, name: string, value: number | boolean): void {
  (element as unknown as Y.XmlElement<Record<string, number | boolean>>).setAttribute(name, value);
}

const paragraph = (text: string) => textElement('paragraph', text);

function writeSharedNotes(fragment: Y.XmlFragment, notes: DemoNotes): void {
  const heading = textElement('heading', notes.heading);
  setAttribute(heading, 'level', 3);
  const list = new Y.XmlElement(notes.list.kind === 'bullets' ? 'bulletList' : 'taskList');
  list.insert(
    0,
    notes.list.items.map((item) => {
      const element = new Y.XmlElement(notes.list.kind === 'bullets' ? 'listItem' : 'taskItem');
      if (notes.list.kind === 'tasks') setAttribute(element, 'checked', item.checked);
      element.insert(0, [paragraph(item.text)]);
      return element;
    }),
  );
  fragment.insert(fragment.length, [heading, paragraph(notes.paragraph), list]);
}
