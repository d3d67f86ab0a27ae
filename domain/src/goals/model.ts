// The goal as plain data: what the UI renders, the rules compute on and the projector writes out.
// The Yjs shape that stores it is in document.ts; these types know nothing about Yjs.

export type GoalLevel = 'company' | 'team' | 'person';
export const GOAL_LEVELS: readonly GoalLevel[] = ['company', 'team', 'person'];

export type GoalState = 'draft' | 'proposed' | 'active' | 'done' | 'dropped';
export const GOAL_STATES: readonly GoalState[] = ['draft', 'proposed', 'active', 'done', 'dropped'];

/** 'none': the goal has no metric of its own and rolls up its children (GOAL11). */
export type MetricKind = 'none' | 'number' | 'percent' | 'currency' | 'yes-no' | 'milestones';
export const METRIC_KINDS: readonly MetricKind[] = [
  'none',
  'number',
  'percent',
  'currency',
  'yes-no',
  'milestones',
];

/** Number, percent and currency metrics: measured from a start value towards a target. */
export type NumericMetricKind = 'number' | 'percent' | 'currency';
export function isNumericKind(kind: MetricKind): kind is NumericMetricKind {
  return kind === 'number' || kind === 'percent' || kind === 'currency';
}

export type Direction = 'increasing' | 'decreasing';
export const DIRECTIONS: readonly Direction[] = ['increasing', 'decreasing'];

export type Difficulty = 'low' | 'medium' | 'high';
export const DIFFICULTIES: readonly Difficulty[] = ['low', 'medium', 'high'];

export interface Milestone {
  id: string;
  title: string;
  done: boolean;
}

export interface Metric {
  kind: MetricKind;
  /** Baseline; numeric kinds only. */
  start: number | null;
  target: number | null;
  /** Latest value; yes-no uses 0 (no) and 1 (yes). Milestones count their done items instead. */
  current: number | null;
  /** "bugs", "EUR", "%": shown next to the values. */
  unit: string | null;
  direction: Direction;
  milestones: Milestone[];
}

/** One recorded progress update (GOAL18): the telemetry the 1:1s and calibration read. */
export interface CheckIn {
  id: string;
  /** The metric's current value after this check-in (milestones: how many are done). */
  value: number;
  /** The goal's own progress at that moment, 0..1, so later target changes keep history true. */
  progress: number;
  /** ISO timestamp. */
  at: string;
  /** Person id of who recorded it. */
  by: string;
  /** Where it was made, when not on the goals page: a 1:1 series and the meeting's day (ONE19). */
  source?: CheckInSource;
}

/** ONE19: a check-in made in a 1:1 names the series and the day of the meeting it was made in. */
export interface CheckInSource {
  oneOnOne: string;
  on: string;
}

/**
 * One re-parenting of a goal (GOAL5), kept in the goal's move log. `parentId` null is the root.
 * `clock` is a Lamport clock over all moves of the document and `clientId` the writer's Yjs client
 * id: together they order concurrent moves the same way on every replica (GOAL6).
 */
export interface MoveRecord {
  parentId: string | null;
  clock: number;
  clientId: number;
}

export interface Goal {
  id: string;
  title: string;
  description: string;
  level: GoalLevel;
  state: GoalState;
  ownerId: string | null;
  teamId: string | null;
  /**
   * Every re-parenting, in document order; the parent the tree shows comes from effectiveTree
   * (GOAL6, GOAL7), not from the latest entry here.
   */
  moves: MoveRecord[];
  /** Fractional order key among siblings (GOAL8). */
  order: string;
  /** Calendar days, 'YYYY-MM-DD'; null means the cycle's own start or end. */
  startDate: string | null;
  dueDate: string | null;
  metric: Metric;
  /** Weight among its siblings in the parent's roll-up (GOAL11). */
  weight: number;
  difficulty: Difficulty;
  /** Strategic tags ("Revenue growth"), sorted. */
  tags: string[];
  checkIns: CheckIn[];
  /** ISO timestamp of the last check-in (GOAL13). */
  lastProgressAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  createdBy: string;
  createdAt: string;
  /** Tombstone (GOAL3): a deleted goal stays in the document and can be restored. */
  deleted: boolean;
}

/** The cycle a goal tree belongs to (from the cycles table); calendar days. */
export interface CycleWindow {
  startsOn: string;
  endsOn: string;
}
