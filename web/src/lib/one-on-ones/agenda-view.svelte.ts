// A 1:1 series' shared agenda (and the employee's moods) as reactive state: reading a meeting's
// agenda, its action items or its mood inside a template or a $derived subscribes to the
// document, so the page follows both people's edits live. The series' document is small (a few
// dozen meetings), so every read walks it again; edits are the domain's (edits.ts), one Yjs
// transaction each. Built over one Y.Doc: after a refusal reset the session builds a new view.
import { createSubscriber } from 'svelte/reactivity';
import * as Y from 'yjs';
import {
  actionsShownIn,
  agendaOf,
  isActionOverdue,
  meetings,
  type ActionItem,
  type Meeting,
  type TalkingPoint,
} from '@threadline/domain/one-on-ones/agenda';
import {
  addAction,
  addMeeting,
  addPoint,
  deletePoint,
  ensureNextMeeting,
  moveMeeting,
  movePoint,
  setActionDone,
  setMood,
  setPointDone,
  updateAction,
} from '@threadline/domain/one-on-ones/edits';
import type { AgendaSection, Cadence } from '@threadline/domain/one-on-ones/model';
import {
  agendaCheckIns,
  latestCheckIns,
  recordCheckIn,
  type AgendaCheckIn,
} from '@threadline/domain/one-on-ones/check-ins';
import { seedMeeting, type SeedSource } from '@threadline/domain/one-on-ones/seeding';
import {
  actionsOf,
  CHECK_INS_ROOT,
  MEETINGS_ROOT,
  meetingsOf,
  moodsOf,
  notesOf,
  POINTS_ROOT,
  ACTIONS_ROOT,
  pointsOf,
} from '@threadline/domain/one-on-ones/shape';
import { observeY } from '$lib/sync/reactive-y.svelte';
import { notesText } from '@threadline/domain/one-on-ones/notes-text';
import { keyboardMoveTarget, type PointSpot } from './point-moves.ts';

/** An action item as a meeting shows it (ONE11, ONE12). */
export interface ShownAction extends ActionItem {
  /** The day of the meeting it was raised in, when that is an earlier meeting (carried forward). */
  carriedFrom: string | null;
  overdue: boolean;
}

export interface AgendaViewOptions {
  doc: Y.Doc;
  /** The mood document, for the two members; null for anyone else (ONE6). */
  moodDoc: Y.Doc | null;
  /** Who edits (the signed-in member). */
  me: string;
  /** Today, 'YYYY-MM-DD'. */
  today: string;
  /** Random ids for new points, items and meetings (tests pass their own). */
  newId?: () => string;
}

export class AgendaView {
  readonly doc: Y.Doc;
  readonly moodDoc: Y.Doc | null;
  readonly today: string;
  readonly #me: string;
  readonly #newId: () => string;
  readonly #subscribe: () => void;
  readonly #subscribeMood: () => void;
  /** The meetings in order, read again only after the meetings map changes: the timeline, the
   *  selected meeting and the next one each ask for them, per row and per change. */
  #meetings: Meeting[] | null = null;

  constructor(options: AgendaViewOptions) {
    this.doc = options.doc;
    this.moodDoc = options.moodDoc;
    this.today = options.today;
    this.#me = options.me;
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    const roots = [MEETINGS_ROOT, POINTS_ROOT, ACTIONS_ROOT, CHECK_INS_ROOT].map((name) =>
      observeY(this.doc.getMap(name) as Y.AbstractType<unknown>, { deep: true }),
    );
    this.#subscribe = createSubscriber((update) => {
      const stops = roots.map((start) => start(update));
      return () => stops.forEach((stop) => stop());
    });
    meetingsOf(this.doc).observe(() => (this.#meetings = null));
    const moods = this.moodDoc ? observeY(moodsOf(this.moodDoc) as Y.AbstractType<unknown>) : null;
    this.#subscribeMood = createSubscriber((update) => moods?.(update));
  }

  /** The meetings held and planned, earliest first (ONE8). */
  get meetings(): readonly Meeting[] {
    this.#subscribe();
    return (this.#meetings ??= meetings(this.doc));
  }

  /** The meeting to open by default: the next one (today's or later), else the last held. */
  get nextMeetingId(): string | null {
    const all = this.meetings;
    return (all.find((m) => m.date >= this.today) ?? all.at(-1))?.id ?? null;
  }

  meeting(id: string | null): Meeting | undefined {
    return id === null ? undefined : this.meetings.find((m) => m.id === id);
  }

  /** ONE10: a meeting's talking points by section, in order. */
  agenda(meetingId: string): Record<AgendaSection, TalkingPoint[]> {
    this.#subscribe();
    return agendaOf(this.doc, meetingId);
  }

  /** ONE11, ONE12: the action items a meeting shows, carried-forward and overdue ones marked. */
  actions(meetingId: string): ShownAction[] {
    this.#subscribe();
    const dateOf: Record<string, string> = Object.fromEntries(
      meetings(this.doc).map((m) => [m.id, m.date]),
    );
    return actionsShownIn(this.doc, meetingId).map((item) => ({
      ...item,
      carriedFrom: item.createdIn === meetingId ? null : (dateOf[item.createdIn] ?? null),
      overdue: isActionOverdue(item, this.today),
    }));
  }

  /** The employee's mood for a meeting (ONE6), or null when not set or not readable here. */
  mood(meetingId: string): number | null {
    if (!this.moodDoc) return null;
    this.#subscribeMood();
    return moodsOf(this.moodDoc).get(meetingId)?.value ?? null;
  }

  /** The ids of the meetings whose talking points, action items or shared notes hold `query`
   *  (every meeting for an empty query). */
  search(query: string): string[] {
    const needle = query.trim().toLocaleLowerCase();
    const all = this.meetings;
    if (!needle) return all.map((m) => m.id);
    const has = (text: string) => text.toLocaleLowerCase().includes(needle);
    return all
      .filter((meeting) => {
        const agenda = agendaOf(this.doc, meeting.id);
        const inPoints = Object.values(agenda).some((points) => points.some((p) => has(p.text)));
        const inActions = actionsShownIn(this.doc, meeting.id).some(
          (item) => item.createdIn === meeting.id && has(item.title),
        );
        return inPoints || inActions || has(notesText(notesOf(this.doc, meeting.id)));
      })
      .map((meeting) => meeting.id);
  }

  /** ONE18: the goals checked in during a meeting, oldest first. */
  checkIns(meetingId: string): AgendaCheckIn[] {
    this.#subscribe();
    return agendaCheckIns(this.doc, meetingId);
  }

  /** ONE21: the latest check-in per goal, over every meeting. */
  latestCheckIns(): Map<string, AgendaCheckIn> {
    this.#subscribe();
    return latestCheckIns(this.doc);
  }

  /** The Y.Text of a point's text, for binding an input to it. */
  pointText(id: string): Y.Text | null {
    const text = pointsOf(this.doc).get(id)?.get('text');
    return text instanceof Y.Text ? text : null;
  }

  actionTitle(id: string): Y.Text | null {
    const title = actionsOf(this.doc).get(id)?.get('title');
    return title instanceof Y.Text ? title : null;
  }

  // ---- Edits (ONE8–ONE12, ONE14: each carries the signed-in member's id) ----

  /** ONE8: the meeting the cadence schedules next exists; returns its id. */
  ensureNextMeeting(series: { startsOn: string; cadence: Cadence }): string {
    return ensureNextMeeting(this.doc, series, this.today, { by: this.#me });
  }

  addMeeting(date: string): string {
    const id = this.#newId();
    addMeeting(this.doc, id, date, { by: this.#me });
    return id;
  }

  moveMeeting(id: string, date: string): boolean {
    return moveMeeting(this.doc, id, date);
  }

  addPoint(meetingId: string, section: AgendaSection, text: string): string {
    const id = this.#newId();
    addPoint(this.doc, id, { meetingId, section, text }, { by: this.#me });
    return id;
  }

  movePoint(id: string, spot: PointSpot): boolean {
    return movePoint(this.doc, id, spot.section, spot.index);
  }

  /** Alt+ArrowUp/Down: one place up or down, across a section's edge into the next. */
  movePointBy(meetingId: string, id: string, direction: -1 | 1): PointSpot | null {
    const spot = keyboardMoveTarget(agendaOf(this.doc, meetingId), id, direction);
    if (spot) this.movePoint(id, spot);
    return spot;
  }

  setPointDone(id: string, done: boolean): boolean {
    return setPointDone(this.doc, id, done);
  }

  deletePoint(id: string): boolean {
    return deletePoint(this.doc, id, { by: this.#me });
  }

  addAction(
    meetingId: string,
    input: { title: string; ownerId: string; dueDate: string | null },
  ): string {
    const id = this.#newId();
    addAction(this.doc, id, { meetingId, ...input }, { by: this.#me });
    return id;
  }

  setActionDone(id: string, done: boolean, meetingId: string): boolean {
    return setActionDone(this.doc, id, done, meetingId, { by: this.#me });
  }

  updateAction(id: string, patch: { ownerId?: string; dueDate?: string | null }): boolean {
    return updateAction(this.doc, id, patch);
  }

  deleteAction(id: string): boolean {
    return updateAction(this.doc, id, { deleted: true });
  }

  /** ONE18: checks a goal in during a meeting; the server applies it to the goal (ONE20). */
  checkIn(
    meetingId: string,
    goal: { id: string; cycleId: string },
    value: number,
    milestoneId?: string,
  ): string {
    return recordCheckIn(
      this.doc,
      {
        meetingId,
        goalId: goal.id,
        cycleId: goal.cycleId,
        value,
        ...(milestoneId !== undefined ? { milestoneId } : {}),
      },
      { by: this.#me },
    );
  }

  /** ONE23–ONE25: seeds a meeting's agenda with the points its sources ask for. */
  seedMeeting(meetingId: string, sources: readonly SeedSource[]): string[] {
    return seedMeeting(this.doc, meetingId, sources, { by: this.#me });
  }

  /** ONE6: the employee's mood for a meeting (the server refuses anyone else's). */
  setMood(meetingId: string, value: number): void {
    if (this.moodDoc) setMood(this.moodDoc, meetingId, value, { by: this.#me });
  }
}
