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
  GOAL_DEFAULTS,
  GOAL_PART,
  goalEntries,
  goalMap,
  goalsRoot,
  METRIC_DEFAULTS,
  sortedGoalIds,
  type GoalMap,
} from './shape.ts';
import { FALLBACK_ORDER, readMove, resolveTree, type GoalTree } from './tree.ts';

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

/** The tree shown from this document (GOAL6, GOAL7, GOAL8). */
export function effectiveTree(doc: Y.Doc): GoalTree {
  return resolveTree(readGoals(doc).values());
}

/** GOAL5: a new move's clock is one more than the greatest clock in the document. */
export function nextClock(doc: Y.Doc): number {
  let max = 0;
  for (const goal of readGoals(doc).values()) {
    for (const move of goal.moves) max = Math.max(max, move.clock);
  }
  return max + 1;
}

/** The whole document as plain data: goals and the tree they form. */
export function readTree(doc: Y.Doc): GoalTreeSnapshot {
  const goals = readGoals(doc);
  return { goals, tree: resolveTree(goals.values()) };
}

/**
 * A goal read from its map: the texts, and every field as the last entry of its log that
 * assigns it (GOAL1), or its default when none does.
 */
export function readGoalMap(id: string, map: GoalMap): Goal {
  return foldGoal(
    id,
    text(map.get(GOAL_PART.title)),
    text(map.get(GOAL_PART.description)),
    goalEntries(map),
  );
}

/** Folds a goal's log entries, in log order, into the goal (tolerant: GOAL2 values only). */
export function foldGoal(
  id: string,
  title: string,
  description: string,
  entries: readonly unknown[],
): Goal {
  const goal: Goal = {
    id,
    title,
    description,
    level: 'person',
    state: 'draft',
    ownerId: GOAL_DEFAULTS.ownerId,
    teamId: GOAL_DEFAULTS.teamId,
    moves: [],
    order: FALLBACK_ORDER,
    startDate: GOAL_DEFAULTS.startDate,
    dueDate: GOAL_DEFAULTS.dueDate,
    metric: {
      kind: METRIC_DEFAULTS.kind,
      start: METRIC_DEFAULTS.start,
      target: METRIC_DEFAULTS.target,
      current: METRIC_DEFAULTS.current,
      unit: METRIC_DEFAULTS.unit,
      direction: METRIC_DEFAULTS.direction,
      milestones: [],
    },
    weight: GOAL_DEFAULTS.weight,
    difficulty: GOAL_DEFAULTS.difficulty,
    tags: [],
    checkIns: [],
    lastProgressAt: GOAL_DEFAULTS.lastProgressAt,
    approvedBy: GOAL_DEFAULTS.approvedBy,
    approvedAt: GOAL_DEFAULTS.approvedAt,
    createdBy: '',
    createdAt: '',
    deleted: GOAL_DEFAULTS.deleted,
  };
  const milestones = new Map<string, Milestone & { removed: boolean }>();
  const tags = new Set<string>();
  const checkInIds = new Set<string>();
  for (const raw of entries) {
    if (typeof raw !== 'object' || raw === null) continue;
    const entry = raw as Record<string, unknown>;
    // What a check-in assigns by itself (GOAL2) comes first: the entry's own fields, in any key
    // order, win over it.
    const implied = readCheckIn(entry.checkIn);
    // ONE51: an entry repeating a check-in id the log already holds is a replay — two nodes that
    // applied one 1:1 check-in at once each appended it — so it is ignored whole, and every
    // replica, whatever order the copies merged in, reads the first one alone.
    if (implied && checkInIds.has(implied.id)) continue;
    if (implied) {
      checkInIds.add(implied.id);
      goal.lastProgressAt = implied.at;
      if (!('milestone' in entry)) goal.metric.current = implied.value;
    }
    for (const key in entry) {
      const value = entry[key];
      switch (key) {
        case 'level':
          if (isOneOf(value, GOAL_LEVELS)) goal.level = value;
          break;
        case 'state':
          if (isOneOf(value, GOAL_STATES)) goal.state = value;
          break;
        case 'difficulty':
          if (isOneOf(value, DIFFICULTIES)) goal.difficulty = value;
          break;
        case 'ownerId':
        case 'teamId':
        case 'startDate':
        case 'dueDate':
        case 'lastProgressAt':
        case 'approvedBy':
        case 'approvedAt':
          if (value === null || typeof value === 'string') goal[key] = value;
          break;
        case 'order':
        case 'createdBy':
        case 'createdAt':
          if (typeof value === 'string') goal[key] = value;
          break;
        case 'weight':
          if (isFinite(value)) goal.weight = value;
          break;
        case 'deleted':
          if (typeof value === 'boolean') goal.deleted = value;
          break;
        case 'metric':
          foldMetric(goal.metric, value);
          break;
        case 'milestone':
          foldMilestone(milestones, value);
          break;
        case 'tags':
          if (typeof value === 'object' && value !== null) {
            for (const [tag, on] of Object.entries(value)) {
              if (on === true) tags.add(tag);
              else if (on === false) tags.delete(tag);
            }
          }
          break;
        case 'move': {
          const move = readMove(value);
          if (move) goal.moves.push(move);
          break;
        }
        case 'checkIn':
          if (implied) goal.checkIns.push(implied);
          break;
      }
    }
  }
  for (const { removed, ...milestone } of milestones.values()) {
    if (!removed) goal.metric.milestones.push(milestone);
  }
  goal.tags = [...tags].sort();
  return goal;
}

function foldMetric(metric: Metric, value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const patch = value as Record<string, unknown>;
  if (isOneOf(patch.kind, METRIC_KINDS)) metric.kind = patch.kind;
  if (isOneOf(patch.direction, DIRECTIONS)) metric.direction = patch.direction;
  for (const key of ['start', 'target', 'current'] as const) {
    const number = patch[key];
    if (number === null || isFinite(number)) metric[key] = number;
  }
  if (patch.unit === null || typeof patch.unit === 'string') metric.unit = patch.unit;
}

function foldMilestone(milestones: Map<string, Milestone & { removed: boolean }>, value: unknown) {
  if (typeof value !== 'object' || value === null) return;
  const patch = value as Record<string, unknown>;
  if (typeof patch.id !== 'string') return;
  const milestone = milestones.get(patch.id) ?? {
    id: patch.id,
    title: '',
    done: false,
    removed: false,
  };
  if (typeof patch.title === 'string') milestone.title = patch.title;
  if (typeof patch.done === 'boolean') milestone.done = patch.done;
  if (typeof patch.removed === 'boolean') milestone.removed = patch.removed;
  milestones.set(patch.id, milestone);
}

function readCheckIn(value: unknown): CheckIn | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (typeof raw.id !== 'string' || typeof raw.at !== 'string' || !isFinite(raw.value)) return null;
  const checkIn: CheckIn = {
    id: raw.id,
    value: raw.value,
    progress: isFinite(raw.progress) ? raw.progress : 0,
    at: raw.at,
    by: typeof raw.by === 'string' ? raw.by : '',
  };
  const source = raw.source as CheckIn['source'] | undefined;
  if (source && typeof source.oneOnOne === 'string' && typeof source.on === 'string') {
    checkIn.source = { oneOnOne: source.oneOnOne, on: source.on };
  }
  return checkIn;
}

function text(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : '';
}

function isFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return allowed.includes(value as T);
}
