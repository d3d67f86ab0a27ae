import { describe, expect, it } from 'vitest';
import { replica } from '../ydoc/testing.ts';
import { agendaOf } from './agenda.ts';
import { addAction, addMeeting, addPoint, deletePoint, setPointDone } from './edits.ts';
import { AGENDA_SECTIONS } from './model.ts';
import { projectMeetings } from './projector.ts';
import { pointsOf } from './shape.ts';

const manager = 'a0000000-0000-4000-8000-000000000001';
const id = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('1:1 projection', () => {
  it("[ONE15] counts each meeting's shown talking points and ticked ones as the agenda shows them", () => {
    const doc = replica(1);
    addMeeting(doc, id(900), '2026-11-02', { by: manager });
    addMeeting(doc, id(901), '2026-11-09', { by: manager });
    addMeeting(doc, id(902), '2026-11-16', { by: manager });
    let n = 0;
    for (const meetingId of [id(900), id(901)]) {
      for (const section of AGENDA_SECTIONS) {
        for (let k = 0; k < 3; k++) {
          n += 1;
          addPoint(doc, id(n), { meetingId, section, text: `point ${n}` }, { by: manager });
          if (n % 2 === 0) setPointDone(doc, id(n), true);
          if (n % 5 === 0) deletePoint(doc, id(n), { by: manager });
        }
      }
    }
    // A point whose section is not one of the three is not on the agenda (ONE10).
    pointsOf(doc).get(id(1))!.set('section', 'elsewhere');
    addAction(
      doc,
      id(800),
      { meetingId: id(901), ownerId: manager, title: 'Write it up', dueDate: null },
      { by: manager },
    );

    const rows = projectMeetings(doc);
    expect(rows.map((r) => r.meetingId)).toEqual([id(900), id(901), id(902)]);
    for (const row of rows) {
      const shown = AGENDA_SECTIONS.flatMap((s) => agendaOf(doc, row.meetingId)[s]);
      expect(row.points).toBe(shown.length);
      expect(row.pointsDone).toBe(shown.filter((p) => p.done).length);
    }
    // Worked by hand: meeting 900 holds points 1–9; 5 is deleted and 1 is outside the sections,
    // leaving 7, of which 2, 4, 6 and 8 are ticked. Meeting 902 has none.
    expect(rows[0]).toMatchObject({ points: 7, pointsDone: 4, actionsRaised: 0 });
    expect(rows[1]).toMatchObject({ actionsRaised: 1 });
    expect(rows[2]).toMatchObject({ points: 0, pointsDone: 0 });
  });
});
