// Goal-tree document → analytics rows (GOAL19, GOAL20). Pure: the sync server upserts the rows.
import type * as Y from 'yjs';
import { clarityOf, type ClarityColour } from './clarity.ts';
import { readTree, type GoalTreeSnapshot } from './document.ts';
import type { IndexChange } from './goal-index.ts';
import { goalHealth, isStale, type Health } from './health.ts';
import type {
  CycleWindow,
  Difficulty,
  Direction,
  GoalLevel,
  GoalState,
  MetricKind,
} from './model.ts';
import { ownProgress, treeProgress } from './progress.ts';
import { depthLookup, descendantsOf, pathToRoot, type GoalTree } from './tree.ts';

export interface ProjectionContext {
  cycleId: string;
  cycle: CycleWindow | null;
  /** The moment health and staleness are judged at. */
  now: Date;
}

/** One goal as analytics read it (GOAL19). */
export interface GoalRow {
  goalId: string;
  cycleId: string;
  /** The parent the tree shows (GOAL6, GOAL7); null at the root and for deleted goals. */
  parentId: string | null;
  /** 0 at the root; null for deleted goals. */
  depth: number | null;
  title: string;
  level: GoalLevel;
  state: GoalState;
  ownerId: string | null;
  teamId: string | null;
  metricKind: MetricKind;
  metricStart: number | null;
  metricTarget: number | null;
  metricCurrent: number | null;
  metricUnit: string | null;
  direction: Direction;
  /** GOAL10, GOAL11: 0..1 with the roll-up, null when nothing measures it. */
  progress: number | null;
  health: Health | null;
  stale: boolean;
  clarity: number;
  clarityColour: ClarityColour;
  weight: number;
  difficulty: Difficulty;
  tags: string[];
  startDate: string | null;
  dueDate: string | null;
  lastProgressAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  createdBy: string;
  createdAt: string;
  deleted: boolean;
}

/** One recorded progress change (GOAL20); `eventId` is the check-in id, unique per document. */
export interface GoalProgressEvent {
  eventId: string;
  goalId: string;
  cycleId: string;
  value: number;
  progress: number;
  at: string;
  by: string;
}

export interface GoalProjection {
  goals: GoalRow[];
  progressEvents: GoalProgressEvent[];
}

export function projectGoalTree(doc: Y.Doc, context: ProjectionContext): GoalProjection {
  return projectSnapshot(readTree(doc), context);
}

/** GOAL19, GOAL20: rows for every goal (deleted ones flagged) and every check-in, in id order. */
export function projectSnapshot(
  { goals, tree }: GoalTreeSnapshot,
  context: ProjectionContext,
): GoalProjection {
  return projectGoals({ goals, tree, progress: treeProgress(goals, tree) }, goals.keys(), context);
}

/** A read goal tree with its rolled-up progress (GoalIndex keeps one up to date). */
export interface ProgressedTree extends GoalTreeSnapshot {
  progress: ReadonlyMap<string, number | null>;
}

/**
 * GOAL19, GOAL20 for some goals only: the rows of `ids` (unknown ids skipped) and their
 * check-ins, exactly as projectSnapshot gives them for those goals.
 */
export function projectGoals(
  { goals, tree, progress }: ProgressedTree,
  ids: Iterable<string>,
  context: ProjectionContext,
): GoalProjection {
  const depthOf = depthLookup(tree);
  const rows: GoalRow[] = [];
  const progressEvents: GoalProgressEvent[] = [];
  for (const id of ids) {
    const goal = goals.get(id);
    if (!goal) continue;
    const live = tree.parent.has(id);
    const parentId = live ? (tree.parent.get(id) ?? null) : null;
    const goalProgress = live ? (progress.get(id) ?? null) : ownProgress(goal);
    const childCount = (tree.children.get(id) ?? []).filter(
      (child) => goals.get(child)?.state !== 'dropped',
    ).length;
    const clarity = clarityOf(goal, { cycle: context.cycle, parentId, childCount });
    rows.push({
      goalId: id,
      cycleId: context.cycleId,
      parentId,
      // Looked up from the goal: a run after an edit projects a handful of goals, and a pass over
      // the whole tree for their depths cost far more than that, every run (BENCHMARKS.md).
      depth: depthOf(id) ?? null,
      title: goal.title,
      level: goal.level,
      state: goal.state,
      ownerId: goal.ownerId,
      teamId: goal.teamId,
      metricKind: goal.metric.kind,
      metricStart: goal.metric.start,
      metricTarget: goal.metric.target,
      metricCurrent:
        goal.metric.kind === 'milestones'
          ? goal.metric.milestones.filter((m) => m.done).length
          : goal.metric.current,
      metricUnit: goal.metric.unit,
      direction: goal.metric.direction,
      progress: goalProgress,
      health: live ? goalHealth(goal, goalProgress, context.cycle, context.now) : null,
      stale: live && isStale(goal, context.now),
      clarity: clarity.score,
      clarityColour: clarity.colour,
      weight: goal.weight,
      difficulty: goal.difficulty,
      tags: goal.tags,
      startDate: goal.startDate,
      dueDate: goal.dueDate,
      lastProgressAt: goal.lastProgressAt,
      approvedBy: goal.approvedBy,
      approvedAt: goal.approvedAt,
      createdBy: goal.createdBy,
      createdAt: goal.createdAt,
      deleted: goal.deleted,
    });
    for (const checkIn of goal.checkIns) {
      progressEvents.push({
        eventId: checkIn.id,
        goalId: id,
        cycleId: context.cycleId,
        value: checkIn.value,
        progress: checkIn.progress,
        at: checkIn.at,
        by: checkIn.by,
      });
    }
  }
  return { goals: rows, progressEvents };
}

/**
 * GOAL27: the goals whose rows may differ after `changes` — the changed goals themselves; with
 * the roll-up changed, every goal above them (progress, health); with the tree changed, also
 * every goal whose shown parent changed (a move, an addition, a deletion, or a move elsewhere
 * that made GOAL6 show it under another parent), every goal above those before and after (child
 * count, progress) and every goal below them now (depth). Projecting these, and keeping the
 * other rows, gives the rows a projection of the whole tree gives.
 */
export function goalsToReproject(
  changes: IndexChange,
  before: GoalTree,
  after: GoalTree,
): Set<string> {
  const ids = new Set<string>(changes.goals);
  const moved: string[] = [];
  if (changes.tree) {
    for (const [id, parent] of after.parent) if (before.parent.get(id) !== parent) moved.push(id);
    for (const id of before.parent.keys()) if (!after.parent.has(id)) moved.push(id);
  }
  const climbFrom = changes.progress || changes.tree ? [...ids, ...moved] : [];
  for (const id of climbFrom) {
    ids.add(id);
    for (const above of pathToRoot(after, id)) ids.add(above);
    for (const above of pathToRoot(before, id)) ids.add(above);
  }
  for (const id of moved) for (const below of descendantsOf(after, id)) ids.add(below);
  return ids;
}
