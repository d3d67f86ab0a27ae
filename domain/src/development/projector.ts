// A development plan as analytics rows (ONE46, SYNC24): one row per skill gap (skill, person, day)
// and one per development item (kind, status, dates). Titles and notes stay in the plan: the rows
// are for counting (the most frequent gaps, a plan's progress on a calibration player card), and
// whoever reads the tables need not read what the pair wrote. Pure: the same document gives the
// same rows.
import type * as Y from 'yjs';
import { allDevelopmentItems } from './plan.ts';
import type { DevelopmentStatus, DevelopmentType } from './model.ts';
import { gapsOf } from './shape.ts';

export interface SkillGapRow {
  gapId: string;
  skillId: string;
  /** The name it was flagged with: the server adds a skill the organisation's list lacks. */
  skillName: string;
  flaggedOn: string;
  flaggedBy: string;
  deleted: boolean;
}

export interface DevelopmentItemRow {
  itemId: string;
  gapId: string | null;
  skillId: string | null;
  type: DevelopmentType;
  status: DevelopmentStatus;
  ownerId: string;
  createdAt: string;
  dueDate: string | null;
  doneAt: string | null;
  deleted: boolean;
}

export function projectSkillGaps(doc: Y.Doc): SkillGapRow[] {
  return [...gapsOf(doc).entries()].map(([gapId, gap]) => ({
    gapId,
    skillId: gap.skillId,
    skillName: gap.skillName,
    flaggedOn: gap.raisedOn,
    flaggedBy: gap.flaggedBy,
    deleted: gap.deleted,
  }));
}

export function projectDevelopmentItems(doc: Y.Doc): DevelopmentItemRow[] {
  return allDevelopmentItems(doc).map((item) => ({
    itemId: item.id,
    gapId: item.gapId,
    skillId: item.skillId,
    type: item.type,
    status: item.status,
    ownerId: item.ownerId,
    createdAt: item.createdAt,
    dueDate: item.dueDate,
    doneAt: item.doneAt,
    deleted: item.deleted,
  }));
}
