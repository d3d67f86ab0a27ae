// The goal-tree document's schema (GOAL1, GOAL2) and its preservation rule (GOAL3), as the server
// checks them after applying a client's update to a scratch copy: a tampered client can put any
// Yjs type under any key, so the check runs on the Yjs values themselves, not on a tolerant read.
import * as Y from 'yjs';
import { z } from 'zod';
import { isCalendarDate } from '../org/calendar-date.ts';
import { DIFFICULTIES, DIRECTIONS, GOAL_LEVELS, GOAL_STATES, METRIC_KINDS } from './model.ts';
import { GOALS_ROOT, GOAL_FIELD, goalsRoot, METRIC_FIELD, sortedGoalIds } from './shape.ts';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const id = z.string().regex(UUID, 'Expected a lowercase UUID.');
const smallId = z.string().min(1).max(64);
const day = z.string().refine(isCalendarDate, 'Expected a calendar day YYYY-MM-DD.');
const instant = z.iso.datetime();
const value = z.number().min(-GOAL_LIMITS.magnitude).max(GOAL_LIMITS.magnitude);

/** Anything left over in a Yjs type that its kind ignores (list items in a map, keys in a list). */
function hasStrayContent(type: Y.Map<unknown> | Y.Array<unknown> | Y.Text): boolean {
  if (type instanceof Y.Map) return type._start !== null;
  return type._map.size > 0;
}

/** A Y.Map whose entries match `shape` exactly (GOAL2: no unknown keys). */
function yMap<T extends z.core.$ZodShape>(shape: T) {
  return z
    .instanceof(Y.Map, { error: 'Expected a Y.Map.' })
    .refine((map) => !hasStrayContent(map), 'Unexpected list content in a map.')
    .transform((map) => Object.fromEntries(map.entries()))
    .pipe(z.strictObject(shape));
}

function yArray<T extends z.ZodType>(item: T, max: number, min = 0) {
  return z
    .instanceof(Y.Array, { error: 'Expected a Y.Array.' })
    .refine((list) => !hasStrayContent(list), 'Unexpected keys in a list.')
    .transform((list) => list.toArray() as unknown[])
    .pipe(z.array(item).min(min).max(max));
}

/** Plain text in a Y.Text: no formatting, no embeds (a title is a string, not a document). */
function plainText(max: number) {
  return z
    .instanceof(Y.Text, { error: 'Expected a Y.Text.' })
    .refine((text) => !hasStrayContent(text), 'Unexpected keys in a text.')
    .refine(
      (text) =>
        text.toDelta().every((op: { insert?: unknown; attributes?: unknown }) => {
          return typeof op.insert === 'string' && op.attributes === undefined;
        }),
      'Expected plain text.',
    )
    .refine((text) => text.length <= max, `At most ${max} characters.`);
}

function uniqueIds(items: readonly { id: string }[]) {
  return new Set(items.map((item) => item.id)).size === items.length;
}

const moveSchema = z.strictObject({
  parentId: id.nullable(),
  clock: z.int().min(0),
  clientId: z.int().min(0),
});

const milestoneSchema = yMap({
  id: smallId,
  title: z.string().max(GOAL_LIMITS.milestoneTitle),
  done: z.boolean(),
});

// Optional keys (GOAL2): absent means the default of shape.ts (GOAL_DEFAULTS, METRIC_DEFAULTS).
const metricSchema = yMap({
  [METRIC_FIELD.kind]: z.enum(METRIC_KINDS).optional(),
  [METRIC_FIELD.start]: value.nullable().optional(),
  [METRIC_FIELD.target]: value.nullable().optional(),
  [METRIC_FIELD.current]: value.nullable().optional(),
  [METRIC_FIELD.unit]: z.string().max(GOAL_LIMITS.unit).nullable().optional(),
  [METRIC_FIELD.direction]: z.enum(DIRECTIONS).optional(),
  [METRIC_FIELD.milestones]: yArray(milestoneSchema, GOAL_LIMITS.milestones).refine(
    uniqueIds,
    'Milestone ids repeat.',
  ),
});

const checkInSchema = z.strictObject({
  id: smallId,
  value,
  progress: z.number().min(0).max(1),
  at: instant,
  by: id,
});

const tagsSchema = z
  .instanceof(Y.Map, { error: 'Expected a Y.Map.' })
  .refine((map) => !hasStrayContent(map), 'Unexpected list content in a map.')
  .transform((map) => Object.fromEntries(map.entries()))
  .pipe(
    z.record(
      z
        .string()
        .min(1)
        .max(GOAL_LIMITS.tag)
        .refine((tag) => tag === tag.trim(), 'Tags have no surrounding spaces.'),
      z.literal(true),
    ),
  )
  .refine(
    (tags) => Object.keys(tags).length <= GOAL_LIMITS.tags,
    `At most ${GOAL_LIMITS.tags} tags.`,
  );

const f = GOAL_FIELD;
/** GOAL2: one goal's Y.Map. */
export const goalSchema = yMap({
  [f.title]: plainText(GOAL_LIMITS.title),
  [f.description]: plainText(GOAL_LIMITS.description),
  [f.level]: z.enum(GOAL_LEVELS),
  [f.state]: z.enum(GOAL_STATES),
  [f.moves]: yArray(moveSchema, MAX_MOVES, 1),
  [f.order]: z.string().refine(isOrderKey, 'Expected a fractional order key.'),
  [f.metric]: metricSchema,
  [f.tags]: tagsSchema,
  [f.checkIns]: yArray(checkInSchema, GOAL_LIMITS.checkIns).refine(
    uniqueIds,
    'Check-in ids repeat.',
  ),
  [f.createdBy]: id,
  [f.createdAt]: instant,
  [f.ownerId]: id.nullable().optional(),
  [f.teamId]: id.nullable().optional(),
  [f.startDate]: day.nullable().optional(),
  [f.dueDate]: day.nullable().optional(),
  [f.weight]: z.number().min(0).max(GOAL_LIMITS.weight).optional(),
  [f.difficulty]: z.enum(DIFFICULTIES).optional(),
  [f.lastProgressAt]: instant.nullable().optional(),
  [f.approvedBy]: id.nullable().optional(),
  [f.approvedAt]: instant.nullable().optional(),
  [f.deleted]: z.boolean().optional(),
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
    if (!UUID.test(goalId)) {
      issues.push({ goalId, path: '', message: 'Goal ids are lowercase UUIDs.' });
      continue;
    }
    if (!root.has(goalId)) continue;
    const parsed = goalSchema.safeParse(root.get(goalId));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ goalId, path: issue.path.join('.'), message: issue.message });
      }
      continue;
    }
    parsed.data.moves.forEach(({ parentId }, index) => {
      const path = `moves.${index}.parentId`;
      if (parentId === goalId) {
        issues.push({ goalId, path, message: 'A goal is not its own parent.' });
      } else if (parentId !== null && !root.has(parentId)) {
        issues.push({ goalId, path, message: 'No goal with this id in the document.' });
      }
    });
  }
  return issues;
}

/**
 * GOAL3: nothing of `goalIds` that existed before is lost: the goal is still there as the same Yjs
 * type (not replaced by a fresh one, which would drop its history and concurrent edits), and so
 * are its title, description, metric, milestones, tags, check-in list and move log. The entries of
 * the check-in list and the move log are compared by permissions.ts.
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
    if (!sameType(old, now)) {
      issues.push({ goalId, path: '', message: 'Goals are never removed or replaced.' });
      continue;
    }
    const nowMap = now as Y.Map<unknown>;
    for (const key of [f.title, f.description, f.metric, f.tags, f.checkIns, f.moves]) {
      if (!sameType(old.get(key), nowMap.get(key))) {
        issues.push({ goalId, path: key, message: 'This part of a goal is never replaced.' });
      }
    }
    const oldMetric = old.get(f.metric);
    const nowMetric = nowMap.get(f.metric);
    if (
      oldMetric instanceof Y.Map &&
      nowMetric instanceof Y.Map &&
      sameType(oldMetric, nowMetric)
    ) {
      if (
        !sameType(oldMetric.get(METRIC_FIELD.milestones), nowMetric.get(METRIC_FIELD.milestones))
      ) {
        issues.push({
          goalId,
          path: 'metric.milestones',
          message: 'Milestones are never replaced.',
        });
      }
    }
  }
  return issues;
}

/** Same Yjs type on two replicas: created by the same operation (same item id). */
function sameType(a: unknown, b: unknown): boolean {
  if (!(a instanceof Y.AbstractType)) return true;
  if (!(b instanceof Y.AbstractType) || a.constructor !== b.constructor) return false;
  const x = a._item?.id;
  const y = b._item?.id;
  return x !== undefined && y !== undefined && x.client === y.client && x.clock === y.clock;
}
