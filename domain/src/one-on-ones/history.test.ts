import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaOf } from './agenda.ts';
import {
  addAction,
  addMeeting,
  addPoint,
  deletePoint,
  movePoint,
  moveMeeting,
  setActionDone,
  setPointDone,
  updateAction,
} from './edits.ts';
import {
  agendaAsOf,
  replayAgendaHistory,
  VERSION_WINDOW_MS,
  type LoggedAgendaUpdate,
} from './history.ts';
import { notesOf, pointsOf } from './shape.ts';

const MANAGER = '00000000-0000-4000-8000-00000000000a';
const EMPLOYEE = '00000000-0000-4000-8000-00000000000b';
const MEETING = '2026-12-08';
const T0 = Date.parse('2026-12-01T09:00:00Z');

/** A document whose every edit is logged as a row by `who`, `minutes` after T0. */
function loggedDoc() {
  const doc = new Y.Doc();
  const log: LoggedAgendaUpdate[] = [];
  let row: { personId: string | null; minutes: number } = { personId: null, minutes: 0 };
  doc.on('update', (update: Uint8Array) => {
    log.push({
      personId: row.personId,
      receivedAt: new Date(T0 + row.minutes * 60_000),
      update,
    });
  });
  const by = (personId: string | null, minutes: number, edit: () => void) => {
    row = { personId, minutes };
    edit();
  };
  return { doc, log, by };
}

describe('1:1 agenda history', () => {
  it('[ONE16] lists who changed what in the agenda, oldest first', () => {
    const { doc, log, by } = loggedDoc();
    const context = (who: string) => ({ by: who, at: new Date(T0).toISOString() });
    by(MANAGER, 0, () => addMeeting(doc, MEETING, MEETING, context(MANAGER)));
    by(EMPLOYEE, 10, () =>
      addPoint(
        doc,
        'p1',
        { meetingId: MEETING, section: 'align', text: 'Team goals' },
        context(EMPLOYEE),
      ),
    );
    by(MANAGER, 20, () => {
      addAction(
        doc,
        'a1',
        { meetingId: MEETING, title: 'Draft the RFC', ownerId: EMPLOYEE, dueDate: '2026-12-15' },
        context(MANAGER),
      );
      setPointDone(doc, 'p1', true);
    });
    by(EMPLOYEE, 30, () => {
      movePoint(doc, 'p1', 'track', 0);
      setActionDone(doc, 'a1', true, MEETING, context(EMPLOYEE));
    });
    by(MANAGER, 40, () => {
      updateAction(doc, 'a1', { dueDate: '2026-12-22' });
      moveMeeting(doc, MEETING, '2026-12-09');
      deletePoint(doc, 'p1', context(MANAGER));
    });

    const versions = replayAgendaHistory(log);
    expect(versions.map((v) => [v.byId, v.at, v.changes])).toEqual([
      [
        MANAGER,
        '2026-12-01T09:00:00.000Z',
        [{ kind: 'meeting-added', meetingId: MEETING, to: MEETING }],
      ],
      [
        EMPLOYEE,
        '2026-12-01T09:10:00.000Z',
        [{ kind: 'point-added', meetingId: MEETING, section: 'align', to: 'Team goals' }],
      ],
      [
        MANAGER,
        '2026-12-01T09:20:00.000Z',
        [
          { kind: 'point-ticked', meetingId: MEETING, to: 'Team goals' },
          {
            kind: 'action-added',
            meetingId: MEETING,
            to: 'Draft the RFC',
            ownerId: EMPLOYEE,
            dueDate: '2026-12-15',
          },
        ],
      ],
      [
        EMPLOYEE,
        '2026-12-01T09:30:00.000Z',
        [
          {
            kind: 'point-moved',
            meetingId: MEETING,
            from: 'align',
            section: 'track',
            to: 'Team goals',
          },
          { kind: 'action-done', meetingId: MEETING, to: 'Draft the RFC' },
        ],
      ],
      [
        MANAGER,
        '2026-12-01T09:40:00.000Z',
        [
          { kind: 'meeting-moved', meetingId: MEETING, from: MEETING, to: '2026-12-09' },
          { kind: 'point-deleted', meetingId: MEETING, to: 'Team goals' },
          {
            kind: 'action-due',
            meetingId: MEETING,
            from: '2026-12-15',
            to: '2026-12-22',
            title: 'Draft the RFC',
          },
        ],
      ],
    ]);
    // Every version says how many log rows make the agenda as of it.
    expect(versions.at(-1)!.upTo).toBe(log.length);
  });

  it('[ONE16] one person typing keystroke by keystroke is one version, first text → last', () => {
    const { doc, log, by } = loggedDoc();
    by(EMPLOYEE, 0, () =>
      addPoint(doc, 'p1', { meetingId: MEETING, section: 'align', text: 'Pay' }, { by: EMPLOYEE }),
    );
    const text = pointsOf(doc).get('p1')!.get('text') as Y.Text;
    by(MANAGER, 5, () => text.insert(3, ' review'));
    by(MANAGER, 6, () => text.insert(10, ' timing'));
    by(MANAGER, 7, () => text.delete(10, 7)); // typed and taken back: only " review" stays
    // Notes typed over more than the window, by the same person: two versions.
    const notes = notesOf(doc, MEETING);
    const paragraph = () => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Agreed on scope')]);
      return p;
    };
    by(MANAGER, 8, () => notes.insert(0, [paragraph()]));
    by(MANAGER, 8 + VERSION_WINDOW_MS / 60_000 + 1, () => notes.insert(1, [paragraph()]));

    const versions = replayAgendaHistory(log);
    expect(versions.map((v) => [v.byId, v.changes])).toEqual([
      [EMPLOYEE, [{ kind: 'point-added', meetingId: MEETING, section: 'align', to: 'Pay' }]],
      [
        MANAGER,
        [
          {
            kind: 'point-edited',
            meetingId: MEETING,
            section: 'align',
            from: 'Pay',
            to: 'Pay review',
          },
          { kind: 'notes-edited', meetingId: MEETING, from: '', to: 'Agreed on scope' },
        ],
      ],
      [
        MANAGER,
        [
          {
            kind: 'notes-edited',
            meetingId: MEETING,
            from: 'Agreed on scope',
            to: 'Agreed on scope Agreed on scope',
          },
        ],
      ],
    ]);
  });

  it('[ONE16] an edit typed and undone leaves no version', () => {
    const { doc, log, by } = loggedDoc();
    by(EMPLOYEE, 0, () =>
      addPoint(doc, 'p1', { meetingId: MEETING, section: 'align', text: 'Pay' }, { by: EMPLOYEE }),
    );
    const text = pointsOf(doc).get('p1')!.get('text') as Y.Text;
    by(MANAGER, 30, () => text.insert(3, '!'));
    by(MANAGER, 31, () => text.delete(3, 1));
    expect(replayAgendaHistory(log)).toHaveLength(1);
  });

  it('[ONE17] the agenda as of a version is the document made of the rows up to it', () => {
    const { doc, log, by } = loggedDoc();
    by(MANAGER, 0, () => addMeeting(doc, MEETING, MEETING, { by: MANAGER }));
    by(EMPLOYEE, 10, () =>
      addPoint(
        doc,
        'p1',
        { meetingId: MEETING, section: 'align', text: 'First' },
        { by: EMPLOYEE },
      ),
    );
    by(MANAGER, 20, () =>
      addPoint(
        doc,
        'p2',
        { meetingId: MEETING, section: 'align', text: 'Second' },
        { by: MANAGER },
      ),
    );
    const versions = replayAgendaHistory(log);
    const texts = (upTo: number) =>
      agendaOf(agendaAsOf(log, upTo), MEETING).align.map((point) => point.text);
    expect(texts(versions[1]!.upTo)).toEqual(['First']);
    expect(texts(versions[2]!.upTo)).toEqual(['First', 'Second']);
    expect(texts(0)).toEqual([]);
  });
});
