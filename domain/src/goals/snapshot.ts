// A compact copy of the goal index (goal-index.ts) as one JSON string: what the page draws its
// first rows from while the Yjs document itself is still being read (GOAL28). Reading the
// 5,000-person document costs about a second in Chromium; parsing its snapshot a few tens of
// milliseconds. Check-ins and move logs are left out (the rows show neither: the tree comes
// resolved, and check-in history waits for the document), person, team and goal ids are written
// once and referred to by number, and goals are tuples rather than objects with keys.
//
// A snapshot may hold only some of the goals (first-screen.ts): the tree's roots, and the goals
// named with their children and progress. It reads back as a part of the tree, with the whole
// tree's live-goal count; the page draws its first screen from it before the whole is read.
import type { Adjustment, GoalTree } from './tree.ts';
import type { Goal, Metric } from './model.ts';

/** Bumped whenever the layout below changes: a snapshot of another format is ignored. */
export const SNAPSHOT_FORMAT = 2;

/** The parts of the goal index a snapshot holds (GoalIndex has these three fields). */
export interface IndexParts {
  goals: ReadonlyMap<string, Goal>;
  tree: GoalTree;
  progress: ReadonlyMap<string, number | null>;
}

/** What a snapshot reads back as: the index, minus check-ins and moves (both left empty). */
export interface SnapshotParts {
  goals: Map<string, Goal>;
  tree: GoalTree;
  progress: Map<string, number | null>;
  /** Live goals in the whole tree (a part's `tree.parent` has only the ones around its goals). */
  liveCount: number;
  /** Whether it holds every goal, or only some (GOAL29). */
  complete: boolean;
}

type MetricTuple = [
  kind: Metric['kind'],
  start: number | null,
  target: number | null,
  current: number | null,
  unit: string | null,
  direction: Metric['direction'],
  milestones: [id: string, title: string, done: 0 | 1][],
];

/** A goal, its ids replaced by their number in the snapshot's `ids` table. */
type GoalTuple = [
  id: number,
  title: string,
  description: string,
  level: Goal['level'],
  state: Goal['state'],
  ownerId: number | null,
  teamId: number | null,
  order: string,
  startDate: string | null,
  dueDate: string | null,
  metric: MetricTuple,
  weight: number,
  difficulty: Goal['difficulty'],
  tags: string[],
  lastProgressAt: string | null,
  approvedBy: number | null,
  approvedAt: string | null,
  createdBy: number,
  createdAt: string,
  deleted: 0 | 1,
];

interface SnapshotJson {
  format: typeof SNAPSHOT_FORMAT;
  /** Every id the snapshot names, once. */
  ids: string[];
  goals: GoalTuple[];
  /** Tree roots, and each goal's live children (aligned with `goals`; null for a deleted goal). */
  roots: number[];
  children: (number[] | null)[];
  adjusted: [goal: number, why: Adjustment][];
  /** Rolled-up progress, aligned with `goals`; -1 where the index has none. */
  progress: (number | null)[];
  /** Live goals in the whole tree. */
  live: number;
  /** Only some goals are written (GOAL29). */
  partial: boolean;
}

/**
 * GOAL28: the index as a snapshot string; with `only`, a part of it holding just those goals
 * (GOAL29). Tree roots and children are written as ids, so a part can name goals it leaves out.
 */
export function writeSnapshot(
  { goals, tree, progress }: IndexParts,
  only?: Iterable<string>,
): string {
  const ids: string[] = [];
  const numbers = new Map<string, number>();
  const idNumber = (id: string): number => {
    let number = numbers.get(id);
    if (number === undefined) {
      number = ids.push(id) - 1;
      numbers.set(id, number);
    }
    return number;
  };
  const maybeId = (id: string | null) => (id === null ? null : idNumber(id));
  const list = only ? [...new Set(only)].flatMap((id) => goals.get(id) ?? []) : [...goals.values()];
  const written = only ? new Set(list.map((goal) => goal.id)) : null;

  const tuples = list.map((goal): GoalTuple => {
    const { metric } = goal;
    return [
      idNumber(goal.id),
      goal.title,
      goal.description,
      goal.level,
      goal.state,
      maybeId(goal.ownerId),
      maybeId(goal.teamId),
      goal.order,
      goal.startDate,
      goal.dueDate,
      [
        metric.kind,
        metric.start,
        metric.target,
        metric.current,
        metric.unit,
        metric.direction,
        metric.milestones.map((m) => [m.id, m.title, m.done ? 1 : 0]),
      ],
      goal.weight,
      goal.difficulty,
      goal.tags,
      goal.lastProgressAt,
      maybeId(goal.approvedBy),
      goal.approvedAt,
      idNumber(goal.createdBy),
      goal.createdAt,
      goal.deleted ? 1 : 0,
    ];
  });
  const snapshot: SnapshotJson = {
    format: SNAPSHOT_FORMAT,
    ids,
    goals: tuples,
    roots: tree.roots.map(idNumber),
    children: list.map((goal) => tree.children.get(goal.id)?.map(idNumber) ?? null),
    adjusted: [...tree.adjusted]
      .filter(([id]) => !written || written.has(id))
      .map(([id, why]) => [idNumber(id), why]),
    progress: list.map((goal) => (progress.has(goal.id) ? progress.get(goal.id)! : -1)),
    live: tree.parent.size,
    partial: written !== null,
  };
  return JSON.stringify(snapshot);
}

/** GOAL28: a snapshot string read back, or null when it is not one of this format. */
export function readSnapshot(text: string): SnapshotParts | null {
  let snapshot: SnapshotJson;
  try {
    snapshot = JSON.parse(text) as SnapshotJson;
  } catch {
    return null;
  }
  if (snapshot?.format !== SNAPSHOT_FORMAT) return null;
  const { ids } = snapshot;
  const idOf = (number: number | null) => (number === null ? null : ids[number]!);
  const idAt = (number: number) => ids[number]!;
  const goals = new Map<string, Goal>();
  const goalIds = snapshot.goals.map((tuple) => {
    const goal = goalOf(tuple, ids, idOf);
    goals.set(goal.id, goal);
    return goal.id;
  });

  // The tree's maps list live goals in id order, as resolveTree builds them.
  const live: string[] = [];
  const kidsOf = new Map<string, readonly string[]>();
  snapshot.children.forEach((kids, at) => {
    if (kids === null) return;
    live.push(goalIds[at]!);
    kidsOf.set(goalIds[at]!, kids.map(idAt));
  });
  live.sort();
  const parent = new Map<string, string | null>();
  const order = new Map<string, string>();
  const children = new Map<string, readonly string[]>();
  for (const id of live) {
    parent.set(id, null);
    order.set(id, goals.get(id)!.order);
    children.set(id, kidsOf.get(id)!);
  }
  for (const [id, kids] of kidsOf) for (const kid of kids) parent.set(kid, id);
  const roots = snapshot.roots.map(idAt);
  const adjusted = new Map(snapshot.adjusted.map(([at, why]) => [idAt(at), why]));

  const progress = new Map<string, number | null>();
  snapshot.progress.forEach((value, at) => {
    if (value !== -1) progress.set(goalIds[at]!, value);
  });
  return {
    goals,
    tree: { roots, children, parent, order, adjusted },
    progress,
    liveCount: snapshot.live,
    complete: !snapshot.partial,
  };
}

function goalOf(
  tuple: GoalTuple,
  ids: readonly string[],
  idOf: (number: number | null) => string | null,
): Goal {
  const [
    id,
    title,
    description,
    level,
    state,
    ownerId,
    teamId,
    order,
    startDate,
    dueDate,
    [kind, start, target, current, unit, direction, milestones],
    weight,
    difficulty,
    tags,
    lastProgressAt,
    approvedBy,
    approvedAt,
    createdBy,
    createdAt,
    deleted,
  ] = tuple;
  return {
    id: ids[id]!,
    title,
    description,
    level,
    state,
    ownerId: idOf(ownerId),
    teamId: idOf(teamId),
    moves: [],
    order,
    startDate,
    dueDate,
    metric: {
      kind,
      start,
      target,
      current,
      unit,
      direction,
      milestones: milestones.map(([mid, mtitle, done]) => ({
        id: mid,
        title: mtitle,
        done: done === 1,
      })),
    },
    weight,
    difficulty,
    tags,
    checkIns: [],
    lastProgressAt,
    approvedBy: idOf(approvedBy),
    approvedAt,
    createdBy: ids[createdBy]!,
    createdAt,
    deleted: deleted === 1,
  };
}
