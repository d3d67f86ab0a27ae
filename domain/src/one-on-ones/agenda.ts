// Reading a 1:1 series' document: its meetings in time order, each meeting's agenda (talking points
// by section and order) and the action items that show in it (ONE8, ONE10, ONE11). Pure reads of
// the Y.Doc; the page and the server's projector share them.
import * as Y from 'yjs';
import { AGENDA_SECTIONS, type AgendaSection } from './model.ts';
import {
  actionsOf,
  dismissalsOf,
  meetingsOf,
  pointsOf,
  type ActionFields,
  type MeetingValue,
  type PointFields,
} from './shape.ts';

export interface Meeting extends MeetingValue {
  id: string;
}

export interface TalkingPoint extends PointFields {
  id: string;
  text: string;
}

export interface ActionItem extends ActionFields {
  id: string;
  title: string;
}

/** The series' meetings that are not called off, earliest first (ties by id, the same everywhere). */
export function meetings(doc: Y.Doc): Meeting[] {
  const list: Meeting[] = [];
  for (const [id, value] of meetingsOf(doc).entries()) {
    if (!value.cancelled) list.push({ ...value, id });
  }
  return list.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

function textOf(map: Y.Map<unknown>, key: string): string {
  const text = map.get(key);
  return text instanceof Y.Text ? text.toString() : '';
}

/** One talking point as plain data; `dismissed`: its id is among the agenda's dismissals
 *  (ONE54), which makes it deleted whatever its map says. */
export function readPoint(id: string, map: Y.Map<unknown>, dismissed = false): TalkingPoint {
  return {
    id,
    meetingId: map.get('meetingId') as string,
    section: map.get('section') as AgendaSection,
    order: map.get('order') as string,
    authorId: map.get('authorId') as string,
    createdAt: map.get('createdAt') as string,
    done: map.get('done') === true,
    deleted: map.get('deleted') === true || dismissed,
    text: textOf(map, 'text'),
    ...(typeof map.get('seed') === 'string' ? { seed: map.get('seed') as string } : {}),
  };
}

/** One action item as plain data. */
export function readAction(id: string, map: Y.Map<unknown>): ActionItem {
  return {
    id,
    ownerId: map.get('ownerId') as string,
    dueDate: (map.get('dueDate') as string | null | undefined) ?? null,
    createdIn: map.get('createdIn') as string,
    createdBy: map.get('createdBy') as string,
    createdAt: map.get('createdAt') as string,
    done: map.get('done') === true,
    doneIn: (map.get('doneIn') as string | null | undefined) ?? null,
    doneAt: (map.get('doneAt') as string | null | undefined) ?? null,
    doneBy: (map.get('doneBy') as string | null | undefined) ?? null,
    deleted: map.get('deleted') === true,
    title: textOf(map, 'title'),
  };
}

const byOrder = (a: TalkingPoint, b: TalkingPoint) =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id.localeCompare(b.id);

/** ONE10: a meeting's talking points by section, each in order; deleted points left out. */
export function agendaOf(doc: Y.Doc, meetingId: string): Record<AgendaSection, TalkingPoint[]> {
  const agenda = Object.fromEntries(
    AGENDA_SECTIONS.map((s) => [s, [] as TalkingPoint[]]),
  ) as Record<AgendaSection, TalkingPoint[]>;
  const dismissals = dismissalsOf(doc);
  for (const [id, map] of pointsOf(doc).entries()) {
    if (map.get('meetingId') !== meetingId) continue;
    const point = readPoint(id, map, dismissals.has(id));
    if (!point.deleted) agenda[point.section]?.push(point);
  }
  for (const section of AGENDA_SECTIONS) agenda[section].sort(byOrder);
  return agenda;
}

/** Every action item of the series that is not deleted (with `includeDeleted`, every one), in
 *  the order they were raised. */
export function actionItems(doc: Y.Doc, includeDeleted = false): ActionItem[] {
  const list: ActionItem[] = [];
  for (const [id, map] of actionsOf(doc).entries()) {
    const item = readAction(id, map);
    if (includeDeleted || !item.deleted) list.push(item);
  }
  return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * ONE11: the action items that show in meeting `meetingId`: raised in it or in an earlier
 * meeting, and not done before it — an undone item carries forward into every later meeting,
 * and a done one shows up to the meeting it was ticked in (or, ticked outside any meeting, up to
 * the day it was ticked). It is one item wherever it shows.
 */
export function actionsShownIn(doc: Y.Doc, meetingId: string): ActionItem[] {
  const dateOf = new Map(meetings(doc).map((m) => [m.id, m.date]));
  const date = dateOf.get(meetingId);
  if (date === undefined) return [];
  return actionItems(doc).filter((item) => isShownOn(item, date, dateOf));
}

/** ONE11: whether an item (not deleted) shows in the meeting held on `date`, given the day of
 *  every meeting that is not called off. */
function isShownOn(item: ActionItem, date: string, dateOf: ReadonlyMap<string, string>): boolean {
  const raised = dateOf.get(item.createdIn);
  if (raised === undefined || raised > date) return false;
  if (!item.done) return true;
  const ticked = (item.doneIn && dateOf.get(item.doneIn)) ?? item.doneAt?.slice(0, 10);
  return ticked === undefined || ticked === null || ticked >= date;
}

/** ONE12: an undone action item past its due day is overdue. */
export function isActionOverdue(item: ActionFields, today: string): boolean {
  return !item.done && item.dueDate !== null && item.dueDate < today;
}

/** How many meetings an undone (or late-ticked) item has been carried into after the one it was
 *  raised in (ONE11; projected for analytics). `all`: the series' meetings, when the caller
 *  counts many items (the projector): read once, the count is linear in the meetings, where
 *  asking `actionsShownIn` of each meeting read every meeting and item again. */
export function timesCarried(
  doc: Y.Doc,
  item: ActionItem,
  all: readonly Meeting[] = meetings(doc),
): number {
  // A deleted item shows in no meeting (actionsShownIn leaves it out).
  if (item.deleted) return 0;
  const dateOf = new Map(all.map((m) => [m.id, m.date]));
  let count = 0;
  for (const meeting of all) {
    if (meeting.id !== item.createdIn && isShownOn(item, meeting.date, dateOf)) count += 1;
  }
  return count;
}
