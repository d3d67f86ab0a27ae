// A 1:1 series' documents as analytics rows (ONE15, SYNC24): one row per meeting (its day, how many
// talking points and how many ticked, how many action items raised in it), one per action item
// (owner, due day, done, overdue as of `today`, how many later meetings it was carried into),
// and one per mood. Pure in the document: the same content and day give the same rows.
import type * as Y from 'yjs';
import { actionItems, isActionOverdue, meetings, timesCarried } from './agenda.ts';
import { agendaCheckIns, meetingDayOf } from './check-ins.ts';
import { AGENDA_SECTIONS } from './model.ts';
import { dismissalsOf, meetingsOf, moodsOf, pointsOf } from './shape.ts';

export interface MeetingRow {
  meetingId: string;
  date: string;
  cancelled: boolean;
  points: number;
  pointsDone: number;
  actionsRaised: number;
}

export interface ActionRow {
  actionId: string;
  ownerId: string;
  dueDate: string | null;
  raisedOn: string | null;
  done: boolean;
  doneAt: string | null;
  overdue: boolean;
  timesCarried: number;
  deleted: boolean;
}

export interface MoodRow {
  meetingId: string;
  value: number;
  at: string;
}

/** Every meeting, cancelled ones included (they count as not held). The talking points are
 *  counted in one pass over the series' points, reading only the fields the counts need: asking
 *  `agendaOf` per meeting read every point (and its text) once per meeting, quadratic in a
 *  series' length, and the sync server projects every edited series about once a second. */
export function projectMeetings(doc: Y.Doc): MeetingRow[] {
  const raised = new Map<string, number>();
  for (const item of actionItems(doc))
    raised.set(item.createdIn, (raised.get(item.createdIn) ?? 0) + 1);
  // ONE10's agenda: deleted points and points outside the three sections are not shown.
  const counts = new Map<string, { points: number; done: number }>();
  const dismissals = dismissalsOf(doc);
  for (const [id, map] of pointsOf(doc).entries()) {
    if (map.get('deleted') === true || !SECTIONS.has(map.get('section') as string)) continue;
    if (dismissals.has(id)) continue;
    const meetingId = map.get('meetingId') as string;
    let count = counts.get(meetingId);
    if (!count) counts.set(meetingId, (count = { points: 0, done: 0 }));
    count.points += 1;
    if (map.get('done') === true) count.done += 1;
  }
  const rows: MeetingRow[] = [];
  for (const [meetingId, meeting] of meetingsOf(doc).entries()) {
    const count = counts.get(meetingId);
    rows.push({
      meetingId,
      date: meeting.date,
      cancelled: meeting.cancelled === true,
      points: count?.points ?? 0,
      pointsDone: count?.done ?? 0,
      actionsRaised: raised.get(meetingId) ?? 0,
    });
  }
  return rows.sort((a, b) => a.meetingId.localeCompare(b.meetingId));
}

const SECTIONS: ReadonlySet<string> = new Set(AGENDA_SECTIONS);

export function projectActions(doc: Y.Doc, today: string): ActionRow[] {
  const all = meetings(doc);
  const dayOf = new Map(all.map((m) => [m.id, m.date]));
  // Deleted items too: their row says so, rather than keep what it said before.
  return actionItems(doc, true).map((item) => ({
    actionId: item.id,
    ownerId: item.ownerId,
    dueDate: item.dueDate,
    raisedOn: dayOf.get(item.createdIn) ?? null,
    done: item.done,
    doneAt: item.doneAt,
    overdue: isActionOverdue(item, today),
    timesCarried: timesCarried(doc, item, all),
    deleted: item.deleted,
  }));
}

export function projectMoods(doc: Y.Doc): MoodRow[] {
  return [...moodsOf(doc).entries()]
    .map(([meetingId, mood]) => ({ meetingId, value: mood.value, at: mood.at }))
    .sort((a, b) => a.meetingId.localeCompare(b.meetingId));
}

export interface CheckInRow {
  checkInId: string;
  meetingId: string;
  meetingDay: string;
  goalId: string;
  cycleId: string;
  milestoneId: string | null;
  value: number;
  by: string;
  at: string;
}

/** ONE22: every check-in made in the series' meetings, with the meeting's day. */
export function projectCheckIns(doc: Y.Doc): CheckInRow[] {
  return agendaCheckIns(doc).map((checkIn) => ({
    checkInId: checkIn.id,
    meetingId: checkIn.meetingId,
    meetingDay: meetingDayOf(doc, checkIn),
    goalId: checkIn.goalId,
    cycleId: checkIn.cycleId,
    milestoneId: checkIn.milestoneId ?? null,
    value: checkIn.value,
    by: checkIn.by,
    at: checkIn.at,
  }));
}
