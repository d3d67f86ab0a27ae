import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replica, syncAll, syncBoth } from '../ydoc/testing.ts';
import { actionsShownIn, agendaOf, isActionOverdue, meetings, timesCarried } from './agenda.ts';
import {
  addAction,
  addMeeting,
  addPoint,
  ensureNextMeeting,
  movePoint,
  moveMeeting,
  setActionDone,
} from './edits.ts';
import { pointsOf } from './shape.ts';

const manager = 'a0000000-0000-4000-8000-000000000001';
const employee = 'a0000000-0000-4000-8000-000000000002';
const series = { startsOn: '2026-11-02', cadence: 'weekly' as const };
const id = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const texts = (doc: Y.Doc, meetingId: string, section: 'align' | 'track' | 'achieve') =>
  agendaOf(doc, meetingId)[section].map((p) => p.text);

describe('1:1 agendas', () => {
  it('[ONE8] makes one next meeting when both members open the series at once', () => {
    const a = replica(1);
    const b = replica(2);
    const fromA = ensureNextMeeting(a, series, '2026-12-07', { by: manager });
    const fromB = ensureNextMeeting(b, series, '2026-12-07', { by: employee });
    addPoint(
      a,
      id(1),
      { meetingId: fromA, section: 'align', text: 'Q1 priorities' },
      { by: manager },
    );
    addPoint(
      b,
      id(2),
      { meetingId: fromB, section: 'achieve', text: 'Blocked on review' },
      { by: employee },
    );
    syncBoth(a, b);
    expect(fromA).toBe('2026-12-07');
    expect(fromB).toBe(fromA);
    for (const doc of [a, b]) {
      expect(meetings(doc).map((m) => m.id)).toEqual(['2026-12-07']);
      expect(texts(doc, fromA, 'align')).toEqual(['Q1 priorities']);
      expect(texts(doc, fromA, 'achieve')).toEqual(['Blocked on review']);
    }
  });

  it('[ONE8] keeps a moved meeting’s id, agenda and place in time', () => {
    const doc = replica(1);
    const next = ensureNextMeeting(doc, series, '2026-12-07', { by: manager });
    addMeeting(doc, id(9), '2026-12-09', { by: employee });
    addPoint(
      doc,
      id(1),
      { meetingId: next, section: 'track', text: 'Hiring plan' },
      { by: manager },
    );
    moveMeeting(doc, next, '2026-12-10');
    expect(meetings(doc).map((m) => [m.id, m.date])).toEqual([
      [id(9), '2026-12-09'],
      [next, '2026-12-10'],
    ]);
    expect(texts(doc, next, 'track')).toEqual(['Hiring plan']);
    // The cadence's next meeting exists (a meeting on or after today): no second one is made.
    expect(ensureNextMeeting(doc, series, '2026-12-07', { by: manager })).toBe(id(9));
  });

  it('[ONE10] merges concurrent reorders and edits without losing or duplicating a point', () => {
    const a = replica(1);
    const meetingId = ensureNextMeeting(a, series, '2026-12-07', { by: manager });
    for (const [n, text] of ['one', 'two', 'three', 'four'].entries()) {
      addPoint(a, id(n), { meetingId, section: 'align', text }, { by: manager });
    }
    const b = replica(2);
    const c = replica(3);
    syncAll([a, b, c]);
    movePoint(a, id(3), 'align', 0); // four to the top
    movePoint(b, id(3), 'achieve', 0); // four to another section
    movePoint(c, id(0), 'align', 4); // one to the bottom
    (pointsOf(b).get(id(1))!.get('text') as Y.Text).insert(3, ' (edited)');
    syncAll([a, b, c]);
    const seen = [a, b, c].map((doc) =>
      (['align', 'track', 'achieve'] as const).map((s) => texts(doc, meetingId, s)),
    );
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    const all = seen[0]!.flat();
    expect(all.sort()).toEqual(['four', 'one', 'three', 'two (edited)']);
  });

  it('[ONE11] carries an undone action item into every later meeting as one item', () => {
    const doc = replica(1);
    addMeeting(doc, '2026-11-02', '2026-11-02', { by: manager });
    addMeeting(doc, '2026-11-09', '2026-11-09', { by: manager });
    addMeeting(doc, '2026-11-16', '2026-11-16', { by: manager });
    addMeeting(doc, '2026-11-23', '2026-11-23', { by: manager });
    addAction(
      doc,
      id(1),
      { meetingId: '2026-11-09', title: 'Write the RFC', ownerId: employee, dueDate: '2026-11-13' },
      { by: manager },
    );
    addAction(
      doc,
      id(2),
      { meetingId: '2026-11-09', title: 'Book the offsite', ownerId: manager, dueDate: null },
      { by: manager },
    );
    const shown = (meetingId: string) => actionsShownIn(doc, meetingId).map((a) => a.title);
    expect(shown('2026-11-02')).toEqual([]);
    expect(shown('2026-11-23')).toEqual(['Write the RFC', 'Book the offsite']);
    // Ticked in the third meeting: it shows up to that one and not after.
    setActionDone(doc, id(1), true, '2026-11-16', { by: employee, at: '2026-11-16T10:00:00.000Z' });
    expect(shown('2026-11-16')).toEqual(['Write the RFC', 'Book the offsite']);
    expect(shown('2026-11-23')).toEqual(['Book the offsite']);
    expect(actionsShownIn(doc, '2026-11-16').find((a) => a.id === id(1))?.done).toBe(true);
    const items = actionsShownIn(doc, '2026-11-09');
    expect(timesCarried(doc, items[0]!)).toBe(1);
    expect(timesCarried(doc, items[1]!)).toBe(2);
  });

  it('[ONE12] marks an undone item past its due day as overdue', () => {
    const item = { done: false, dueDate: '2026-12-01' };
    expect(isActionOverdue({ ...item } as never, '2026-12-01')).toBe(false);
    expect(isActionOverdue({ ...item } as never, '2026-12-02')).toBe(true);
    expect(isActionOverdue({ ...item, done: true } as never, '2026-12-02')).toBe(false);
    expect(isActionOverdue({ ...item, dueDate: null } as never, '2027-01-01')).toBe(false);
  });
});
