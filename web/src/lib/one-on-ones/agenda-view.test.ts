import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { track } from '$lib/sync/svelte-test-runtime';
import { AgendaView } from './agenda-view.svelte.ts';

vi.mock('svelte/reactivity', async () =>
  (await import('$lib/sync/svelte-test-runtime')).clientReactivity(),
);

const MANAGER = 'a0000000-0000-4000-8000-000000000001';
const EMPLOYEE = 'a0000000-0000-4000-8000-000000000002';

function viewFor(me: string, doc = new Y.Doc(), moodDoc: Y.Doc | null = null) {
  let n = 0;
  return new AgendaView({
    doc,
    moodDoc,
    me,
    today: '2026-12-08',
    newId: () =>
      `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}${me.slice(-1)}`.slice(0, 36),
  });
}

/** Applies everything `from` has that `to` lacks, as the sync server relays it. */
const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('AgendaView', () => {
  it('[ONE8] makes the next meeting by the cadence and opens it by default', () => {
    const view = viewFor(MANAGER);
    const id = view.ensureNextMeeting({ startsOn: '2026-11-03', cadence: 'weekly' });
    expect(id).toBe('2026-12-08');
    expect(view.nextMeetingId).toBe('2026-12-08');
    expect(view.meetings.map((m) => m.date)).toEqual(['2026-12-08']);
  });

  it('[ONE10] re-reads a meeting’s agenda when the other member adds or reorders a point', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const me = viewFor(MANAGER, mine);
    const them = viewFor(EMPLOYEE, theirs);
    const meeting = me.ensureNextMeeting({ startsOn: '2026-12-08', cadence: 'weekly' });
    sync(mine, theirs);
    const seen = track(() => me.agenda(meeting).align.map((p) => p.text));
    const first = them.addPoint(meeting, 'align', 'Q1 priorities');
    them.addPoint(meeting, 'align', 'Hiring plan');
    sync(theirs, mine);
    seen.flush();
    them.movePoint(first, { section: 'align', index: 1 });
    sync(theirs, mine);
    seen.flush();
    seen.stop();
    expect(seen.values).toEqual([
      [],
      ['Q1 priorities', 'Hiring plan'],
      ['Hiring plan', 'Q1 priorities'],
    ]);
  });

  it('[ONE10] moves a point with Alt+arrows within its section and across into the next', () => {
    const view = viewFor(MANAGER);
    const meeting = view.ensureNextMeeting({ startsOn: '2026-12-08', cadence: 'weekly' });
    const a = view.addPoint(meeting, 'align', 'A');
    view.addPoint(meeting, 'align', 'B');
    view.addPoint(meeting, 'track', 'C');
    expect(view.movePointBy(meeting, a, 1)).toEqual({ section: 'align', index: 1 });
    expect(view.movePointBy(meeting, a, 1)).toEqual({ section: 'track', index: 0 });
    const agenda = view.agenda(meeting);
    expect(agenda.align.map((p) => p.text)).toEqual(['B']);
    expect(agenda.track.map((p) => p.text)).toEqual(['A', 'C']);
    expect(view.movePointBy(meeting, view.agenda(meeting).track[1]!.id, 1)).toEqual({
      section: 'achieve',
      index: 0,
    });
    const c = view.agenda(meeting).achieve[0]!.id;
    expect(view.movePointBy(meeting, c, 1)).toBeNull();
  });

  it('[ONE11] [ONE12] shows an undone item in later meetings, marked as carried and overdue', () => {
    const view = viewFor(MANAGER);
    const earlier = view.addMeeting('2026-11-24');
    const later = view.ensureNextMeeting({ startsOn: '2026-11-24', cadence: 'weekly' });
    const item = view.addAction(earlier, {
      title: 'Send the plan',
      ownerId: EMPLOYEE,
      dueDate: '2026-12-01',
    });
    const shown = view.actions(later);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ id: item, carriedFrom: '2026-11-24', overdue: true });
    expect(view.actions(earlier)[0]).toMatchObject({ carriedFrom: null });
    view.setActionDone(item, true, later);
    expect(view.actions(later)[0]).toMatchObject({ done: true, overdue: false });
  });

  it('finds meetings by the text of their points, action items and shared notes', () => {
    const doc = new Y.Doc();
    const view = viewFor(MANAGER, doc);
    const first = view.addMeeting('2026-11-24');
    const second = view.addMeeting('2026-12-01');
    view.addPoint(first, 'track', 'Migration to Postgres');
    view.addAction(second, { title: 'Book the offsite', ownerId: MANAGER, dueDate: null });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Talked about the CONFERENCE talk')]);
    doc.getXmlFragment(`notes/${second}`).insert(0, [paragraph]);
    expect(view.search('postgres')).toEqual([first]);
    expect(view.search('offsite')).toEqual([second]);
    expect(view.search('conference')).toEqual([second]);
    expect(view.search('  ')).toEqual([first, second]);
    expect(view.search('nowhere')).toEqual([]);
  });

  it('[ONE6] reads the mood only with the mood document, and follows the employee’s pick', () => {
    const moods = new Y.Doc();
    const employee = viewFor(EMPLOYEE, new Y.Doc(), moods);
    const outsider = viewFor(MANAGER, new Y.Doc(), null);
    const seen = track(() => employee.mood('2026-12-08'));
    employee.setMood('2026-12-08', 4);
    seen.flush();
    seen.stop();
    expect(seen.values).toEqual([null, 4]);
    outsider.setMood('2026-12-08', 2);
    expect(outsider.mood('2026-12-08')).toBeNull();
  });
});

describe('adding talking points', () => {
  it('[ONE10] puts each new point after the last one of its section, whoever adds it', () => {
    const view = viewFor(MANAGER);
    const meeting = view.ensureNextMeeting({ startsOn: '2026-12-08', cadence: 'weekly' });
    // Ids that sort against the order of adding: only the order keys can put them right.
    let n = 9;
    const backwards = new AgendaView({
      doc: view.doc,
      moodDoc: null,
      me: EMPLOYEE,
      today: '2026-12-08',
      newId: () => `00000000-0000-4000-8000-00000000000${n--}`,
    });
    for (const text of ['one', 'two', 'three', 'four']) backwards.addPoint(meeting, 'track', text);
    expect(view.agenda(meeting).track.map((p) => p.text)).toEqual(['one', 'two', 'three', 'four']);
  });
});
