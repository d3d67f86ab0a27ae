// The goal-tree document's schema (GOAL1, GOAL2) and its preservation rule (GOAL3), as the server
// checks them after applying a client's update to a scratch copy: a tampered client can put any
// Yjs type under any key, so the check runs on the Yjs values themselves, not on a tolerant read.
import * as Y from 'yjs';
import { z } from 'zod';
import { isUuid, UUID_PATTERN } from '../ids.ts';
import { isCalendarDate } from '../org/calendar-date.ts';
import { isSameType } from '../ydoc/same-type.ts';
import { hasStrayContent, yArray, yMap, yPlainText } from '../ydoc/schema.ts';
import { DIFFICULTIES, DIRECTIONS, GOAL_LEVELS, GOAL_STATES, METRIC_KINDS } from './model.ts';
import { foldGoal } from './document.ts';
import { GOALS_ROOT, GOAL_PART, goalEntries, goalsRoot, sortedGoalIds } from './shape.ts';
import { isOrderKey, MAX_MOVES } from './tree.ts';

/** GOAL2: limits that keep one goal, and so the document, bounded. */
export const GOAL_LIMITS = {
  title: 200,
  description: 10_000,
  unit: 24,
  milestones: 100,
  milestoneTitle: 200,
  tags: 20,
  tag: 40,
  checkIns: 5_000,
  weight: 100,
  /** Entries in one goal's log: room for years of weekly check-ins and edits. */
  logEntries: 20_000,
  /** Metric values stay well inside the doubles that keep integer precision. */
  magnitude: 1e15,
} as const;

export interface SchemaIssue {
  /** The goal the issue is in; absent for issues of the document itself. */
  goalId?: string;
  /** Where in the goal, e.g. "metric.target". */
  path: string;
  message: string;
}

const id = z.string().regex(UUID_PATTERN, 'Expected a lowercase UUID.');
const smallId = z.string().min(1).max(64);
const day = z.string().refine(isCalendarDate, 'Expected a calendar day YYYY-MM-DD.');
const instant = z.iso.datetime();
const value = z.number().min(-GOAL_LIMITS.magnitude).max(GOAL_LIMITS.magnitude);

const moveSchema = z.strictObject({
  parentId: id.nullable(),
  clock: z.int().min(0),
  clientId: z.int().min(0),
});

const checkInSchema = z.strictObject({
  id: smallId,
  value,
  progress: z.number().min(0).max(1),
  at: instant,
  by: id,
  /** ONE19: made in a 1:1 (the series, the meeting's day). */
  source: z.strictObject({ oneOnOne: id, on: day }).optional(),
});

const tagName = z
  .string()
  .min(1)
  .max(GOAL_LIMITS.tag)
  .refine((tag) => tag === tag.trim(), 'Tags have no surrounding spaces.');

/** GOAL2: one entry of a goal's log; every key is optional, unknown keys are invalid. */
const entrySchema = z.strictObject({
  level: z.enum(GOAL_LEVELS).optional(),
  state: z.enum(GOAL_STATES).optional(),
  ownerId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  order: z.string().refine(isOrderKey, 'Expected a fractional order key.').optional(),
  startDate: day.nullable().optional(),
  dueDate: day.nullable().optional(),
  weight: z.number().min(0).max(GOAL_LIMITS.weight).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  lastProgressAt: instant.nullable().optional(),
  approvedBy: id.nullable().optional(),
  approvedAt: instant.nullable().optional(),
  createdBy: id.optional(),
  createdAt: instant.optional(),
  deleted: z.boolean().optional(),
  metric: z
    .strictObject({
      kind: z.enum(METRIC_KINDS).optional(),
      start: value.nullable().optional(),
      target: value.nullable().optional(),
      current: value.nullable().optional(),
      unit: z.string().max(GOAL_LIMITS.unit).nullable().optional(),
      direction: z.enum(DIRECTIONS).optional(),
    })
    .optional(),
  milestone: z
    .strictObject({
      id: smallId,
      title: z.string().max(GOAL_LIMITS.milestoneTitle).optional(),
      done: z.boolean().optional(),
      removed: z.boolean().optional(),
    })
    .optional(),
  tags: z.record(tagName, z.boolean()).optional(),
  move: moveSchema.optional(),
  checkIn: checkInSchema.optional(),
});

/** GOAL2: one goal's Y.Map: its two texts and its log. */
export const goalSchema = yMap({
  [GOAL_PART.title]: yPlainText(GOAL_LIMITS.title),
  [GOAL_PART.description]: yPlainText(GOAL_LIMITS.description),
  [GOAL_PART.log]: yArray(entrySchema, { min: 1, max: GOAL_LIMITS.logEntries }),
});

/** GOAL1, GOAL2: the whole document. */
export function validateGoalTree(doc: Y.Doc): SchemaIssue[] {
  return validateGoals(doc, sortedGoalIds(doc));
}

/**
 * GOAL1, GOAL2: the document's top level and the goals `goalIds` (those an update touched,
 * see touched.ts), including that their parents exist.
 */
export function validateGoals(doc: Y.Doc, goalIds: Iterable<string>): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const name of doc.share.keys()) {
    if (name !== GOALS_ROOT) issues.push({ path: name, message: 'Unknown top-level type.' });
  }
  const root = goalsRoot(doc);
  if (hasStrayContent(root as Y.Map<unknown>))
    issues.push({ path: GOALS_ROOT, message: 'Unexpected list content.' });
  for (const goalId of goalIds) {
    if (!isUuid(goalId)) {
      issues.push({ goalId, path: '', message: 'Goal ids are lowercase UUIDs.' });
      continue;
    }
    const map = root.get(goalId);
    if (map === undefined) continue;
    const parsed = goalSchema.safeParse(map);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ goalId, path: issue.path.join('.'), message: issue.message });
      }
      continue;
    }
    issues.push(...checkFolded(goalId, parsed.data.log, (parentId) => root.has(parentId)));
  }
  return issues;
}

/** GOAL2: what the goal reads as from its valid entries: required fields, limits, parents. */
function checkFolded(
  goalId: string,
  entries: readonly unknown[],
  exists: (goalId: string) => boolean,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ goalId, path, message });
  const first = entries[0] as Record<string, unknown>;
  for (const key of ['level', 'state', 'order', 'createdBy', 'createdAt', 'move'] as const) {
    if (first[key] === undefined) issue(`log.0.${key}`, 'The first entry creates the goal.');
  }
  const goal = foldGoal(goalId, '', '', entries);
  if (goal.moves.length > MAX_MOVES) issue('log', `At most ${MAX_MOVES} moves.`);
  if (goal.checkIns.length > GOAL_LIMITS.checkIns) {
    issue('log', `At most ${GOAL_LIMITS.checkIns} check-ins.`);
  }
  if (goal.metric.milestones.length > GOAL_LIMITS.milestones) {
    issue('log', `At most ${GOAL_LIMITS.milestones} milestones.`);
  }
  if (goal.tags.length > GOAL_LIMITS.tags) issue('log', `At most ${GOAL_LIMITS.tags} tags.`);
  goal.moves.forEach(({ parentId }, index) => {
    const path = `moves.${index}.parentId`;
    if (parentId === goalId) issue(path, 'A goal is not its own parent.');
    else if (parentId !== null && !exists(parentId)) {
      issue(path, 'No goal with this id in the document.');
    }
  });
  return issues;
}

/**
 * GOAL3: nothing of `goalIds` that existed before is lost: the goal is still there as the same Yjs
 * type (not replaced by a fresh one, which would drop its history and concurrent edits), and so
 * are its title, description and log; no entry of the log is ever removed or rewritten (others'
 * concurrent entries may land between them).
 */
export function checkPreserved(
  before: Y.Doc,
  after: Y.Doc,
  goalIds: Iterable<string>,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const beforeRoot = goalsRoot(before);
  const afterRoot = goalsRoot(after);
  for (const goalId of goalIds) {
    const old = beforeRoot.get(goalId);
    if (!(old instanceof Y.Map)) continue;
    const now = afterRoot.get(goalId);
    if (!isSameType(old, now)) {
      issues.push({ goalId, path: '', message: 'Goals are never removed or replaced.' });
      continue;
    }
    const nowMap = now as Y.Map<unknown>;
    let replaced = false;
    for (const key of [GOAL_PART.title, GOAL_PART.description, GOAL_PART.log]) {
      if (!isSameType(old.get(key), nowMap.get(key))) {
        replaced ||= key === GOAL_PART.log;
        issues.push({ goalId, path: key, message: 'This part of a goal is never replaced.' });
      }
    }
    if (!replaced && !keepsEntries(goalEntries(old), goalEntries(nowMap))) {
      issues.push({ goalId, path: GOAL_PART.log, message: 'Log entries are never removed.' });
    }
  }
  return issues;
}

/** Every entry of `before` is still in `after` (as many times), whatever came between them. */
function keepsEntries(before: readonly unknown[], after: readonly unknown[]): boolean {
  if (after.length < before.length) return false;
  const counts = new Map<string, number>();
  for (const entry of after) {
    const key = JSON.stringify(entry);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const entry of before) {
    const key = JSON.stringify(entry);
    const left = counts.get(key) ?? 0;
    if (left === 0) return false;
    counts.set(key, left - 1);
  }
  return true;
}
