// Reads of a development plan (ONE45, ONE47, ONE48): its gaps, its items, which items a 1:1
// meeting shows, which are open, and the plan's progress. Pure over the document.
import type * as Y from 'yjs';
import { DEVELOPMENT_TYPES, type DevelopmentStatus, type DevelopmentType } from './model.ts';
import { gapsOf, itemsOf, type GapValue, type ItemFields } from './shape.ts';

export interface SkillGap extends GapValue {
  id: string;
}

export interface DevelopmentItem extends ItemFields {
  id: string;
}

/** The plan's gaps (deleted ones left out), earliest first. */
export function skillGaps(doc: Y.Doc): SkillGap[] {
  return [...gapsOf(doc).entries()]
    .map(([id, gap]) => ({ ...gap, id }))
    .filter((gap) => !gap.deleted)
    .sort((a, b) => a.flaggedAt.localeCompare(b.flaggedAt) || a.id.localeCompare(b.id));
}

export function itemOf(id: string, map: Y.Map<unknown>): DevelopmentItem {
  return {
    id,
    gapId: (map.get('gapId') as string | null) ?? null,
    skillId: (map.get('skillId') as string | null) ?? null,
    skillName: (map.get('skillName') as string | null) ?? null,
    type: map.get('type') as DevelopmentType,
    title: String(map.get('title') ?? ''),
    ownerId: map.get('ownerId') as string,
    dueDate: (map.get('dueDate') as string | null) ?? null,
    status: map.get('status') as DevelopmentStatus,
    raisedOn: map.get('raisedOn') as string,
    createdBy: map.get('createdBy') as string,
    createdAt: map.get('createdAt') as string,
    doneAt: (map.get('doneAt') as string | null) ?? null,
    deleted: map.get('deleted') === true,
  };
}

/** Every item, deleted ones included, in the order raised (items picked together: experience,
 *  social, formal). */
export function allDevelopmentItems(doc: Y.Doc): DevelopmentItem[] {
  return [...itemsOf(doc).entries()]
    .map(([id, map]) => itemOf(id, map))
    .sort(
      (a, b) =>
        a.raisedOn.localeCompare(b.raisedOn) ||
        a.createdAt.localeCompare(b.createdAt) ||
        DEVELOPMENT_TYPES.indexOf(a.type) - DEVELOPMENT_TYPES.indexOf(b.type) ||
        a.id.localeCompare(b.id),
    );
}

/** The plan's items (deleted ones left out), in the order raised. */
export function developmentItems(doc: Y.Doc): DevelopmentItem[] {
  return allDevelopmentItems(doc).filter((item) => !item.deleted);
}

/** ONE45: items not done (not started or in progress). */
export function openDevelopmentItems(doc: Y.Doc): DevelopmentItem[] {
  return developmentItems(doc).filter((item) => item.status !== 'done');
}

/**
 * ONE45: the items a 1:1 meeting held on `day` shows: raised on or before that day, and not done
 * before it — so an item shows in the meeting it was picked in and every later one until done,
 * and in the meeting it was finished in.
 */
export function itemsShownOn(doc: Y.Doc, day: string): DevelopmentItem[] {
  return developmentItems(doc).filter(
    (item) => item.raisedOn <= day && (item.doneAt === null || item.doneAt.slice(0, 10) >= day),
  );
}

/** ONE45: an open item past its due day is overdue. */
export const isItemOverdue = (item: DevelopmentItem, today: string) =>
  item.status !== 'done' && item.dueDate !== null && item.dueDate < today;

export interface PlanProgress {
  total: number;
  notStarted: number;
  inProgress: number;
  done: number;
}

/** ONE48: how far a plan has come: its items by status (deleted ones left out). */
export function planProgress(items: readonly Pick<DevelopmentItem, 'status'>[]): PlanProgress {
  const progress = { total: items.length, notStarted: 0, inProgress: 0, done: 0 };
  for (const item of items) {
    if (item.status === 'done') progress.done += 1;
    else if (item.status === 'in-progress') progress.inProgress += 1;
    else progress.notStarted += 1;
  }
  return progress;
}
