import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replicaOf } from '../ydoc/replica.ts';
import { clientUpdate, replica } from '../ydoc/testing.ts';
import {
  addAction,
  addMeeting,
  addPoint,
  deletePoint,
  ensureNextMeeting,
  setActionDone,
  setMood,
} from './edits.ts';
import { agendaOf, meetings } from './agenda.ts';
import { actionsOf, notesOf, pointsOf } from './shape.ts';
import type { SeriesActor } from './update-check.ts';
import { judgeAgendaUpdate, judgeMoodUpdate, judgePrivateNotesUpdate } from './judged-both-ways.ts';

const manager = 'a0000000-0000-4000-8000-000000000001';
const employee = 'a0000000-0000-4000-8000-000000000002';
const stranger = 'a0000000-0000-4000-8000-000000000003';
const as = (personId: string): SeriesActor => ({
  personId,
  managerId: manager,
  employeeId: employee,
});
const id = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const meeting = '2026-12-07';

/** A live agenda with one meeting, one point and one action item. */
function liveAgenda(): Y.Doc {
  const doc = replica(100);
  addMeeting(doc, meeting, meeting, { by: manager });
  addPoint(doc, id(1), { meetingId: meeting, section: 'align', text: 'Roadmap' }, { by: manager });
  addAction(
    doc,
    id(2),
    { meetingId: meeting, title: 'Draft RFC', ownerId: employee, dueDate: null },
    { by: manager },
  );
  return doc;
}

function judge(live: Y.Doc, actor: SeriesActor, change: (client: Y.Doc) => void) {
  return judgeAgendaUpdate(live, replicaOf(live), clientUpdate(live, 7, change), actor);
}

/**
 * Both members open a series whose next meeting does not exist yet, each on a replica in sync
 * with `server` (Yjs client ids `managerClient` and `employeeClient`): each creates it (ONE8), and
 * the server judges and applies the two updates in `order`. The verdicts, and the live agenda.
 */
function bothCreateTheNextMeeting(
  managerClient: number,
  employeeClient: number,
  order: 'manager first' | 'employee first',
) {
  const series = { startsOn: '2026-11-02', cadence: 'weekly' as const };
  const server = replica(100);
  addMeeting(server, '2026-11-30', '2026-11-30', { by: manager });
  const updates = [
    {
      actor: as(manager),
      update: clientUpdate(server, managerClient, (doc) => {
        const day = ensureNextMeeting(doc, series, meeting, {
          by: manager,
          at: '2026-12-07T09:00:00Z',
        });
        addPoint(
          doc,
          id(1),
          { meetingId: day, section: 'align', text: 'Q1 priorities' },
          { by: manager },
        );
      }),
    },
    {
      actor: as(employee),
      update: clientUpdate(server, employeeClient, (doc) => {
        const day = ensureNextMeeting(doc, series, meeting, {
          by: employee,
          at: '2026-12-07T09:00:01Z',
        });
        addPoint(
          doc,
          id(2),
          { meetingId: day, section: 'align', text: 'Blocked on review' },
          { by: employee },
        );
      }),
    },
  ];
  if (order === 'employee first') updates.reverse();
  const verdicts = updates.map(({ actor, update }) => {
    const verdict = judgeAgendaUpdate(server, replicaOf(server), update, actor);
    if (verdict.ok) Y.applyUpdate(server, update);
    return verdict;
  });
  return { verdicts, server };
}

describe('1:1 agenda updates', () => {
  it('[ONE14] refuses re-creating a meeting in another’s name, an extra meeting, or a moved one', () => {
    const live = liveAgenda();
    const extra = id(9);
    addMeeting(live, extra, '2026-12-09', { by: manager });
    const recreated = [
      // The cadence's meeting, re-created in the name of someone who is not the sender.
      judge(live, as(employee), (doc) => addMeeting(doc, meeting, meeting, { by: stranger })),
      // An extra meeting (a UUID id) is nobody's concurrent creation: its creator stays.
      judge(live, as(employee), (doc) => addMeeting(doc, extra, '2026-12-09', { by: employee })),
      // The cadence's meeting re-created on another day.
      judge(live, as(employee), (doc) => addMeeting(doc, meeting, '2026-12-08', { by: employee })),
    ];
    for (const verdict of recreated) {
      expect(verdict).toMatchObject({ ok: false, reason: 'forbidden', refusal: { rule: 'ONE14' } });
    }
  });

  for (const [managerClient, employeeClient] of [
    [7, 8],
    [8, 7],
  ] as const) {
    for (const order of ['manager first', 'employee first'] as const) {
      it(`[ONE8] [ONE14] accepts both members creating the next meeting at once (clients ${managerClient}/${employeeClient}, ${order})`, () => {
        const { verdicts, server } = bothCreateTheNextMeeting(managerClient, employeeClient, order);
        expect(verdicts).toEqual([{ ok: true }, { ok: true }]);
        expect(meetings(server).map((m) => m.id)).toEqual(['2026-11-30', meeting]);
        expect(
          agendaOf(server, meeting)
            .align.map((p) => p.text)
            .sort(),
        ).toEqual(['Blocked on review', 'Q1 priorities']);
      });
    }
  }

  it('[ONE14] accepts what either member may do: add, edit, tick, mark deleted, type notes', () => {
    const live = liveAgenda();
    expect(
      judge(live, as(employee), (doc) =>
        addPoint(
          doc,
          id(3),
          { meetingId: meeting, section: 'achieve', text: 'Blocked' },
          { by: employee },
        ),
      ),
    ).toEqual({ ok: true });
    expect(
      judge(live, as(manager), (doc) =>
        (pointsOf(doc).get(id(1))!.get('text') as Y.Text).insert(0, 'Q1 '),
      ),
    ).toEqual({ ok: true });
    expect(
      judge(live, as(employee), (doc) =>
        setActionDone(doc, id(2), true, meeting, { by: employee }),
      ),
    ).toEqual({ ok: true });
    expect(judge(live, as(employee), (doc) => deletePoint(doc, id(1), { by: employee }))).toEqual({
      ok: true,
    });
    expect(
      judge(live, as(manager), (doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Went well')]);
        notesOf(doc, meeting).insert(0, [paragraph]);
      }),
    ).toEqual({ ok: true });
  });

  it('[ONE9] refuses unknown roots, unknown keys, oversized text and elements the editor cannot show', () => {
    const live = liveAgenda();
    const reasons = [
      judge(live, as(manager), (doc) => doc.getMap('secrets').set('x', 1)),
      judge(live, as(manager), (doc) => pointsOf(doc).get(id(1))!.set('colour', 'red')),
      judge(live, as(manager), (doc) =>
        (pointsOf(doc).get(id(1))!.get('text') as Y.Text).insert(0, 'x'.repeat(501)),
      ),
      judge(live, as(manager), (doc) =>
        notesOf(doc, meeting).insert(0, [new Y.XmlElement('script')]),
      ),
      judge(live, as(manager), (doc) =>
        doc.getXmlFragment('notes/not-a-meeting').insert(0, [new Y.XmlElement('paragraph')]),
      ),
    ].map((verdict) => (verdict.ok ? 'ok' : verdict.reason));
    expect(reasons).toEqual(['schema', 'schema', 'schema', 'schema', 'schema']);
  });

  it('[ONE9] [ONE14] refuses removing an entry: points and items are only marked deleted', () => {
    const live = liveAgenda();
    const verdict = judge(live, as(manager), (doc) => pointsOf(doc).delete(id(1)));
    expect(verdict).toMatchObject({ ok: false, reason: 'forbidden', refusal: { rule: 'ONE14' } });
  });

  it('[ONE14] refuses a point written in the other member’s name and a change of who wrote it', () => {
    const live = liveAgenda();
    expect(
      judge(live, as(employee), (doc) =>
        addPoint(doc, id(3), { meetingId: meeting, section: 'align', text: 'x' }, { by: manager }),
      ),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      judge(live, as(employee), (doc) => pointsOf(doc).get(id(1))!.set('authorId', employee)),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('[ONE11] [ONE14] refuses an action item owned by someone outside the pair, or ticked in another’s name', () => {
    const live = liveAgenda();
    expect(
      judge(live, as(manager), (doc) =>
        addAction(
          doc,
          id(3),
          { meetingId: meeting, title: 'x', ownerId: stranger, dueDate: null },
          { by: manager },
        ),
      ),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      judge(live, as(manager), (doc) => actionsOf(doc).get(id(2))!.set('ownerId', stranger)),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      judge(live, as(manager), (doc) => setActionDone(doc, id(2), true, meeting, { by: employee })),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('[ONE5] accepts notes and nothing else in private notes', () => {
    const live = replica(100);
    const notes = clientUpdate(live, 7, (doc) =>
      notesOf(doc, meeting).insert(0, [new Y.XmlElement('paragraph')]),
    );
    expect(judgePrivateNotesUpdate(live, notes)).toEqual({ ok: true });
    const points = clientUpdate(live, 7, (doc) =>
      addPoint(doc, id(3), { meetingId: meeting, section: 'align', text: 'x' }, { by: manager }),
    );
    expect(judgePrivateNotesUpdate(live, points)).toMatchObject({
      ok: false,
      reason: 'schema',
    });
  });

  it('[ONE6] takes a mood of 1–5 from the employee only', () => {
    const live = replica(100);
    const mood = (value: number) =>
      clientUpdate(live, 7, (doc) => setMood(doc, meeting, value, { by: employee }));
    expect(judgeMoodUpdate(live, replicaOf(live), mood(4), as(employee))).toEqual({ ok: true });
    expect(judgeMoodUpdate(live, replicaOf(live), mood(4), as(manager))).toMatchObject({
      ok: false,
      reason: 'forbidden',
      refusal: { rule: 'ONE6' },
    });
    expect(judgeMoodUpdate(live, replicaOf(live), mood(6), as(employee))).toMatchObject({
      ok: false,
      reason: 'schema',
    });
  });
});
