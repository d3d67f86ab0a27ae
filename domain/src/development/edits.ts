// The edits people make to a development plan (ONE42–ONE45), as Yjs transactions. Each changes as
// little as it can, so two people's concurrent edits merge field by field. Pure: ids come from
// the caller.
import * as Y from 'yjs';
import type { DevelopmentStatus, DevelopmentType } from './model.ts';
import { gapsOf, itemsOf, type GapValue } from './shape.ts';

export interface EditContext {
  /** Who edits: the person or their manager. */
  by: string;
  /** When, as an ISO instant. */
  at?: string;
}

const now = (context: EditContext) => context.at ?? new Date().toISOString();

/** ONE42, ONE44: a skill gap flagged by `context.by`, in a meeting held on `raisedOn`. */
export function flagSkillGap(
  doc: Y.Doc,
  id: string,
  input: { skillId: string; skillName: string; note: string; raisedOn: string },
  context: EditContext,
): void {
  gapsOf(doc).set(id, {
    skillId: input.skillId,
    skillName: input.skillName,
    note: input.note,
    flaggedBy: context.by,
    flaggedAt: now(context),
    raisedOn: input.raisedOn,
    deleted: false,
  } satisfies GapValue);
}

export function deleteSkillGap(doc: Y.Doc, id: string): boolean {
  const gap = gapsOf(doc).get(id);
  if (!gap) return false;
  gapsOf(doc).set(id, { ...gap, deleted: true });
  return true;
}

export interface NewItem {
  gapId: string | null;
  skillId: string | null;
  skillName: string | null;
  type: DevelopmentType;
  title: string;
  ownerId: string;
  dueDate: string | null;
  raisedOn: string;
}

/** ONE44: a development item, not started, created by `context.by`. */
export function addDevelopmentItem(
  doc: Y.Doc,
  id: string,
  input: NewItem,
  context: EditContext,
): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(input)) map.set(key, value);
    map.set('status', 'not-started');
    map.set('createdBy', context.by);
    map.set('createdAt', now(context));
    map.set('doneAt', null);
    map.set('deleted', false);
    itemsOf(doc).set(id, map);
  });
}

/** ONE45: moves an item to a status; done records when (and leaving done clears it). */
export function setItemStatus(
  doc: Y.Doc,
  id: string,
  status: DevelopmentStatus,
  context: EditContext,
): boolean {
  const map = itemsOf(doc).get(id);
  if (!map) return false;
  if (map.get('status') === status) return true;
  doc.transact(() => {
    map.set('status', status);
    const doneAt = status === 'done' ? now(context) : null;
    if (map.get('doneAt') !== doneAt) map.set('doneAt', doneAt);
  });
  return true;
}

export function updateDevelopmentItem(
  doc: Y.Doc,
  id: string,
  patch: { title?: string; ownerId?: string; dueDate?: string | null; deleted?: boolean },
): boolean {
  const map = itemsOf(doc).get(id);
  if (!map) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && map.get(key) !== value) map.set(key, value);
    }
  });
  return true;
}
