// How a goal tree lives in a Y.Doc (GOAL1). One document per organisation and cycle
// (`goals/<cycleId>`), with a single top-level Y.Map `goals`: goal id → goal Y.Map.
//
// Inside a goal map every field is its own key, so two people editing different fields of one goal
// never overwrite each other; the title and description are Y.Text, so two people typing in the
// same title merge character by character instead of the last keystroke winning. The metric is a
// nested Y.Map created with the goal (never replaced, so concurrent metric edits merge), and
// milestones, tags and check-ins are collections that merge concurrent additions.
import * as Y from 'yjs';

export const GOALS_ROOT = 'goals';

/** The keys of a goal's Y.Map, and nothing else (GOAL2). */
export const GOAL_FIELD = {
  title: 'title', // Y.Text
  description: 'description', // Y.Text
  level: 'level',
  state: 'state',
  ownerId: 'ownerId',
  teamId: 'teamId',
  moves: 'moves', // Y.Array<MoveRecord>, append-only (GOAL3, GOAL5)
  order: 'order', // fractional order key among siblings (GOAL8)
  startDate: 'startDate',
  dueDate: 'dueDate',
  metric: 'metric', // Y.Map, keys METRIC_FIELD
  weight: 'weight',
  difficulty: 'difficulty',
  tags: 'tags', // Y.Map tag → true: a set, so a tag added twice concurrently is there once
  checkIns: 'checkIns', // Y.Array<CheckIn>, append-only (GOAL3)
  lastProgressAt: 'lastProgressAt',
  approvedBy: 'approvedBy',
  approvedAt: 'approvedAt',
  createdBy: 'createdBy',
  createdAt: 'createdAt',
  deleted: 'deleted',
} as const;
export type GoalField = keyof typeof GOAL_FIELD;
export const GOAL_FIELDS = Object.keys(GOAL_FIELD) as GoalField[];

export const METRIC_FIELD = {
  kind: 'kind',
  start: 'start',
  target: 'target',
  current: 'current',
  unit: 'unit',
  direction: 'direction',
  milestones: 'milestones', // Y.Array<Y.Map>, keys MILESTONE_FIELDS
} as const;
export type MetricField = keyof typeof METRIC_FIELD;
export const METRIC_FIELDS = Object.keys(METRIC_FIELD) as MetricField[];

export const MILESTONE_FIELDS = ['id', 'title', 'done'] as const;

/**
 * GOAL2: fields a goal may leave out, and the value an absent one reads as. Writes leave a field
 * out while it holds its default: a goal tree of 20,000 goals is opened whole, and every key
 * written costs a Yjs item on every replica, so a typical goal carries about half the keys.
 */
export const GOAL_DEFAULTS = {
  ownerId: null,
  teamId: null,
  startDate: null,
  dueDate: null,
  weight: 1,
  difficulty: 'medium',
  lastProgressAt: null,
  approvedBy: null,
  approvedAt: null,
  deleted: false,
} as const satisfies Partial<Record<GoalField, unknown>>;

export const METRIC_DEFAULTS = {
  kind: 'none',
  start: null,
  target: null,
  current: null,
  unit: null,
  direction: 'increasing',
} as const satisfies Partial<Record<MetricField, unknown>>;

/**
 * Writes `value` under `key`, leaving the key out when the value is the default (GOAL2), and
 * writing nothing when the map already reads as `value` (GOAL1).
 */
export function setField(
  map: Y.Map<unknown>,
  key: string,
  value: unknown,
  fallback: unknown,
): void {
  const present = map.has(key);
  if (value === fallback) {
    if (present) map.delete(key);
  } else if (!present || map.get(key) !== value) {
    map.set(key, value);
  }
}

export type GoalMap = Y.Map<unknown>;

export function goalsRoot(doc: Y.Doc): Y.Map<GoalMap> {
  return doc.getMap<GoalMap>(GOALS_ROOT);
}

/** The goal's Y.Map, or undefined when the document has no goal with that id. */
export function goalMap(doc: Y.Doc, goalId: string): GoalMap | undefined {
  const value = goalsRoot(doc).get(goalId);
  return value instanceof Y.Map ? value : undefined;
}

/** Goal ids in code-unit order: Y.Map iteration order differs between replicas, this does not. */
export function sortedGoalIds(doc: Y.Doc): string[] {
  return [...goalsRoot(doc).keys()].sort(compareStrings);
}

/** Plain code-unit comparison (never localeCompare: order keys and ids must sort the same everywhere). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
