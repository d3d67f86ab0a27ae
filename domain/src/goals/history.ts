// What changed in a goal between two versions (GOAL23): the history panel replays the update log
// and shows, per logged update, who changed which field from what to what.
import type { Goal } from './model.ts';
import { latestMove } from './tree.ts';

export type GoalChangeField =
  | 'created'
  | 'title'
  | 'description'
  | 'level'
  | 'state'
  | 'ownerId'
  | 'teamId'
  | 'parentId'
  | 'startDate'
  | 'dueDate'
  | 'weight'
  | 'difficulty'
  | 'tags'
  | 'metric.kind'
  | 'metric.start'
  | 'metric.target'
  | 'metric.current'
  | 'metric.unit'
  | 'metric.direction'
  | 'milestones'
  | 'approvedBy'
  | 'deleted';

export interface GoalChange {
  field: GoalChangeField;
  before: unknown;
  after: unknown;
}

type Reader = (goal: Goal) => unknown;

/** The fields the history shows, in the order it shows them. */
const FIELDS: readonly [GoalChangeField, Reader][] = [
  ['title', (g) => g.title],
  ['description', (g) => g.description],
  ['level', (g) => g.level],
  ['state', (g) => g.state],
  ['ownerId', (g) => g.ownerId],
  ['teamId', (g) => g.teamId],
  // The parent asked for by the latest move; where the tree shows it is effectiveTree's business.
  ['parentId', (g) => latestMove(g.moves)?.parentId ?? null],
  ['startDate', (g) => g.startDate],
  ['dueDate', (g) => g.dueDate],
  ['weight', (g) => g.weight],
  ['difficulty', (g) => g.difficulty],
  ['tags', (g) => g.tags],
  ['metric.kind', (g) => g.metric.kind],
  ['metric.start', (g) => g.metric.start],
  ['metric.target', (g) => g.metric.target],
  ['metric.current', (g) => g.metric.current],
  ['metric.unit', (g) => g.metric.unit],
  ['metric.direction', (g) => g.metric.direction],
  ['milestones', (g) => g.metric.milestones.map(({ title, done }) => ({ title, done }))],
  ['approvedBy', (g) => g.approvedBy],
  ['deleted', (g) => g.deleted],
];

/**
 * GOAL23: the fields that differ between two versions of a goal, old → new, in a fixed order. A
 * goal that did not exist before is one `created` change; order keys, check-in lists and
 * timestamps are not listed (a check-in shows as its `metric.current` change).
 */
export function goalChanges(before: Goal | null, after: Goal | null): GoalChange[] {
  if (after === null) return [];
  if (before === null) return [{ field: 'created', before: null, after: after.title }];
  const changes: GoalChange[] = [];
  for (const [field, read] of FIELDS) {
    const old = read(before);
    const now = read(after);
    if (!sameValue(old, now)) changes.push({ field, before: old, after: now });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
