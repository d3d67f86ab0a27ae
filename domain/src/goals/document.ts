// Typed reads of the goal-tree document (shape: shape.ts, GOAL1). Reads are tolerant: a value of
// the wrong type reads as its default rather than throwing, so a UI never breaks on a document the
// server would have refused anyway (the server checks every update with schema.ts).
import * as Y from 'yjs';
import {
  DIFFICULTIES,
  DIRECTIONS,
  GOAL_LEVELS,
  GOAL_STATES,
  METRIC_KINDS,
  type CheckIn,
  type Goal,
  type Metric,
  type Milestone,
} from './model.ts';
import {
  GOAL_FIELD,
  goalMap,
  goalsRoot,
  METRIC_FIELD,
  sortedGoalIds,
  type GoalMap,
} from './shape.ts';
import { FALLBACK_ORDER, readMoves, resolveTree, type GoalTree } from './tree.ts';

export function readGoal(doc: Y.Doc, goalId: string): Goal | null {
  const map = goalMap(doc, goalId);
  return map ? readGoalMap(goalId, map) : null;
}

/** Every goal of the document, deleted ones included, by id in id order. */
export function readGoals(doc: Y.Doc): Map<string, Goal> {
  const goals = new Map<string, Goal>();
  const root = goalsRoot(doc);
  for (const id of sortedGoalIds(doc)) {
    const map = root.get(id);
    if (map instanceof Y.Map) goals.set(id, readGoalMap(id, map));
  }
  return goals;
}

export interface GoalTreeSnapshot {
  /** Every goal, deleted ones included (GOAL3). */
  goals: Map<string, Goal>;
  /** The live goals as every replica shows them (GOAL6, GOAL7). */
  tree: GoalTree;
}

/** The whole document as plain data: goals and the tree they form. */
export function readTree(doc: Y.Doc): GoalTreeSnapshot {
  const goals = readGoals(doc);
  return { goals, tree: resolveTree(goals.values()) };
}

export function readGoalMap(id: string, map: GoalMap): Goal {
  const f = GOAL_FIELD;
  return {
    id,
    title: text(map.get(f.title)),
    description: text(map.get(f.description)),
    level: oneOf(map.get(f.level), GOAL_LEVELS, 'person'),
    state: oneOf(map.get(f.state), GOAL_STATES, 'draft'),
    ownerId: string(map.get(f.ownerId)),
    teamId: string(map.get(f.teamId)),
    moves: readMoves(map.get(f.moves)),
    order: string(map.get(f.order)) ?? FALLBACK_ORDER,
    startDate: string(map.get(f.startDate)),
    dueDate: string(map.get(f.dueDate)),
    metric: readMetric(map.get(f.metric)),
    weight: finite(map.get(f.weight)) ?? 1,
    difficulty: oneOf(map.get(f.difficulty), DIFFICULTIES, 'medium'),
    tags: readTags(map.get(f.tags)),
    checkIns: readCheckIns(map.get(f.checkIns)),
    lastProgressAt: string(map.get(f.lastProgressAt)),
    approvedBy: string(map.get(f.approvedBy)),
    approvedAt: string(map.get(f.approvedAt)),
    createdBy: string(map.get(f.createdBy)) ?? '',
    createdAt: string(map.get(f.createdAt)) ?? '',
    deleted: map.get(f.deleted) === true,
  };
}

export function readMetric(value: unknown): Metric {
  const map = value instanceof Y.Map ? (value as Y.Map<unknown>) : new Map<string, unknown>();
  const f = METRIC_FIELD;
  return {
    kind: oneOf(map.get(f.kind), METRIC_KINDS, 'none'),
    start: finite(map.get(f.start)),
    target: finite(map.get(f.target)),
    current: finite(map.get(f.current)),
    unit: string(map.get(f.unit)),
    direction: oneOf(map.get(f.direction), DIRECTIONS, 'increasing'),
    milestones: readMilestones(map.get(f.milestones)),
  };
}

function readMilestones(value: unknown): Milestone[] {
  if (!(value instanceof Y.Array)) return [];
  const milestones: Milestone[] = [];
  for (const item of value.toArray() as unknown[]) {
    if (!(item instanceof Y.Map)) continue;
    const id = string(item.get('id'));
    if (id === null) continue;
    milestones.push({
      id,
      title: string(item.get('title')) ?? '',
      done: item.get('done') === true,
    });
  }
  return milestones;
}

function readTags(value: unknown): string[] {
  return value instanceof Y.Map ? [...value.keys()].sort() : [];
}

function readCheckIns(value: unknown): CheckIn[] {
  if (!(value instanceof Y.Array)) return [];
  const checkIns: CheckIn[] = [];
  for (const item of value.toArray() as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const raw = item as Record<string, unknown>;
    const id = string(raw.id);
    const at = string(raw.at);
    const checkInValue = finite(raw.value);
    if (id === null || at === null || checkInValue === null) continue;
    checkIns.push({
      id,
      value: checkInValue,
      progress: finite(raw.progress) ?? 0,
      at,
      by: string(raw.by) ?? '',
    });
  }
  return checkIns;
}

function text(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

function string(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
