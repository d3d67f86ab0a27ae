// How a person's development plan lives in a Y.Doc (ONE42). `development-plan/<personId>` has two
// top-level maps:
//   gaps    gapId → { skillId, skillName, note, flaggedBy, flaggedAt, raisedOn, deleted } (a plain
//           value: a gap is written once, and later only marked deleted)
//   items   itemId → Y.Map of a development item: gapId, skillId, skillName, type, title, ownerId,
//           dueDate, status, raisedOn, createdBy, createdAt, doneAt, deleted
//
// Why this shape. A plan is read by two people — the employee and whoever manages them now — and
// by nobody else (ONE41), which is neither a 1:1 series' pair (a plan outlives a series: the new
// manager sees it, the former one no longer does) nor anything a table could push live to an
// offline device. So it is a document of its own, opened beside the agenda by the 1:1 page and on
// the person's page. Items are maps keyed by random ids with fields that merge one by one, so
// one person moving an item to "in progress" while the other changes its due date keeps both.
// A gap names its skill by id and by the name it had when flagged: a new skill gets a new id on
// the device that flags it (offline too), and the server adds it to the organisation's list when
// it projects the plan (ONE40, ONE46). Nothing is ever removed, only marked deleted.
import type * as Y from 'yjs';
import type { DevelopmentStatus, DevelopmentType } from './model.ts';

export const GAPS_ROOT = 'gaps';
export const ITEMS_ROOT = 'items';

export interface GapValue {
  skillId: string;
  /** The skill's name when the gap was flagged (the list's current name wins when shown). */
  skillName: string;
  note: string;
  flaggedBy: string;
  flaggedAt: string;
  /** The day of the meeting it was flagged in, or the day it was flagged. */
  raisedOn: string;
  deleted: boolean;
}

export interface ItemFields {
  gapId: string | null;
  skillId: string | null;
  skillName: string | null;
  type: DevelopmentType;
  title: string;
  ownerId: string;
  dueDate: string | null;
  status: DevelopmentStatus;
  /** The day of the meeting it was picked in (it shows from that meeting on, ONE45). */
  raisedOn: string;
  createdBy: string;
  createdAt: string;
  doneAt: string | null;
  deleted: boolean;
}

export const gapsOf = (doc: Y.Doc) => doc.getMap<GapValue>(GAPS_ROOT);
export const itemsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ITEMS_ROOT);
