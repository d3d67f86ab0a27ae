// Server side of a series' agenda history (ONE16, ONE17): reads the shared agenda's update log,
// replays it into versions, and reads the agenda as it was at the version asked for. Only the
// shared agenda `one-on-one/<seriesId>` is read, so private notes and moods never reach the page.
// Who may read it is the agenda's own access rule (document-access.ts), as its socket applies it.
import type { Pool } from '@threadline/db';
import { agendaOf, actionsShownIn, meetings } from '@threadline/domain/one-on-ones/agenda';
import {
  agendaAsOf,
  replayAgendaHistory,
  type AgendaVersion,
} from '@threadline/domain/one-on-ones/history';
import { notesText } from '@threadline/domain/one-on-ones/notes-text';
import { notesOf } from '@threadline/domain/one-on-ones/shape';
import type { AgendaSection } from '@threadline/domain/one-on-ones/model';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import type { DocumentKey } from '@threadline/sync-server/persistence/document-storage';
import * as Y from 'yjs';

/** One meeting's agenda as it was: what the history page shows beside the list of changes. */
export interface MeetingAsOf {
  id: string;
  date: string;
  points: Record<AgendaSection, { id: string; text: string; done: boolean; authorId: string }[]>;
  actions: { id: string; title: string; ownerId: string; dueDate: string | null; done: boolean }[];
  /** The shared notes, one string per block (paragraph, heading, list, …). */
  notes: string[];
}

export interface AgendaHistory {
  /** Oldest first. */
  versions: AgendaVersion[];
  /** The version shown (its upTo), or null when the agenda has no version yet. */
  shown: AgendaVersion | null;
  /** The meetings as of the version shown, earliest first. */
  meetings: { id: string; date: string }[];
  /** The meeting shown as of that version; null when there was none. */
  meeting: MeetingAsOf | null;
}

/**
 * ONE17: the history of `key`'s agenda, showing the version whose `upTo` is `version` (else the
 * latest) and, as of it, meeting `meetingId` (else the one that version changed, else the last).
 */
export async function agendaHistory(
  pool: Pool,
  key: DocumentKey,
  version: number | null,
  meetingId: string | null,
): Promise<AgendaHistory> {
  const log = await new PostgresDocumentStorage(pool).changesOf(key);
  const versions = replayAgendaHistory(log);
  const shown = versions.find((v) => v.upTo === version) ?? versions.at(-1) ?? null;
  if (!shown) return { versions, shown: null, meetings: [], meeting: null };
  const doc = agendaAsOf(log, shown.upTo);
  const list = meetings(doc).map(({ id, date }) => ({ id, date }));
  const touched = shown.changes.map((change) => change.meetingId);
  const chosen =
    list.find((m) => m.id === meetingId) ??
    list.find((m) => touched.includes(m.id)) ??
    list.at(-1) ??
    null;
  return {
    versions,
    shown,
    meetings: list,
    meeting: chosen ? meetingAsOf(doc, chosen) : null,
  };
}

function meetingAsOf(doc: Y.Doc, meeting: { id: string; date: string }): MeetingAsOf {
  const agenda = agendaOf(doc, meeting.id);
  const points = Object.fromEntries(
    Object.entries(agenda).map(([section, list]) => [
      section,
      list.map(({ id, text, done, authorId }) => ({ id, text, done, authorId })),
    ]),
  ) as MeetingAsOf['points'];
  return {
    ...meeting,
    points,
    actions: actionsShownIn(doc, meeting.id).map(({ id, title, ownerId, dueDate, done }) => ({
      id,
      title,
      ownerId,
      dueDate,
      done: done,
    })),
    notes: notesOf(doc, meeting.id)
      .toArray()
      .map((block) =>
        block instanceof Y.XmlElement || block instanceof Y.XmlText ? text(block) : '',
      )
      .filter((block) => block.trim() !== ''),
  };
}

function text(block: Y.XmlElement | Y.XmlText): string {
  if (block instanceof Y.XmlText) return block.toString();
  return notesText(block);
}
