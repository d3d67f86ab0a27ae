// How a goal tree lives in a Y.Doc (GOAL1). One document per organisation and cycle
// (`goals/<cycleId>`), with a single top-level Y.Map `goals`: goal id → goal Y.Map.
//
// A goal's map holds three parts, all created with the goal: its `title` and `description` as
// Y.Text (two people typing in one title merge character by character) and its `log`, an
// append-only Y.Array of entries. An entry assigns some of the goal's fields ({state: 'active',
// approvedBy, approvedAt}, {metric: {target: 40}}, {move: …}, {checkIn: …}); a field reads as
// the last assignment to it in the log's order, which every replica agrees on — last writer wins
// per field, as it would with a Y.Map key per field, and two people changing different fields
// never overwrite each other.
//
// Why a log and not a key per field: the tree of a 5,000-person organisation has about 21,600
// goals, opened whole. Decoding a Y.Doc costs per Yjs item, and every key of a Y.Map is an item
// of its own (every overwrite leaves another behind), where entries appended by one client in
// one transaction merge into a single item: a goal is 5 items instead of about 30, and the tree
// opens ten times faster (tests/bench/goal-doc-shapes.ts).
import * as Y from 'yjs';
import type {
  CheckIn,
  Difficulty,
  Direction,
  GoalLevel,
  GoalState,
  MetricKind,
  MoveRecord,
} from './model.ts';

export const GOALS_ROOT = 'goals';

/** The keys of a goal's Y.Map, and nothing else (GOAL2). */
export const GOAL_PART = {
  title: 'title', // Y.Text
  description: 'description', // Y.Text
  log: 'log', // Y.Array<GoalEntry>, append-only (GOAL3)
} as const;

/** Metric fields an entry may assign (GOAL2). */
export interface MetricEntry {
  kind?: MetricKind;
  start?: number | null;
  target?: number | null;
  current?: number | null;
  unit?: string | null;
  direction?: Direction;
}

/** One milestone's fields an entry assigns; a milestone is first seen with its title. */
export interface MilestoneEntry {
  id: string;
  title?: string;
  done?: boolean;
  /** Removed: it no longer shows (its entries stay in the log). */
  removed?: boolean;
}

/**
 * One entry of a goal's log (GOAL2): the fields it assigns. `move` and `checkIn` add to the
 * goal's move log and check-ins; `milestone` assigns one milestone's fields; `tags` turns tags
 * on (true) or off (false); `metric` assigns metric fields. Everything else is a plain field.
 */
export interface GoalEntry {
  level?: GoalLevel;
  state?: GoalState;
  ownerId?: string | null;
  teamId?: string | null;
  order?: string;
  startDate?: string | null;
  dueDate?: string | null;
  weight?: number;
  difficulty?: Difficulty;
  lastProgressAt?: string | null;
  approvedBy?: string | null;
  approvedAt?: string | null;
  createdBy?: string;
  createdAt?: string;
  deleted?: boolean;
  metric?: MetricEntry;
  milestone?: MilestoneEntry;
  tags?: Record<string, boolean>;
  move?: MoveRecord;
  checkIn?: CheckIn;
}

/** Plain fields an entry may assign, with the value an unassigned one reads as (GOAL2). */
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
} as const;

export const METRIC_DEFAULTS = {
  kind: 'none',
  start: null,
  target: null,
  current: null,
  unit: null,
  direction: 'increasing',
} as const satisfies Required<{ [K in keyof MetricEntry]: MetricEntry[K] }>;

export type GoalMap = Y.Map<unknown>;

export function goalsRoot(doc: Y.Doc): Y.Map<GoalMap> {
  return doc.getMap<GoalMap>(GOALS_ROOT);
}

/** The goal's Y.Map, or undefined when the document has no goal with that id. */
export function goalMap(doc: Y.Doc, goalId: string): GoalMap | undefined {
  const value = goalsRoot(doc).get(goalId);
  return value instanceof Y.Map ? value : undefined;
}

/** The goal's log, or undefined when the goal (or its log) is missing. */
export function goalLog(map: GoalMap | undefined): Y.Array<GoalEntry> | undefined {
  const log = map?.get(GOAL_PART.log);
  return log instanceof Y.Array ? (log as Y.Array<GoalEntry>) : undefined;
}

/** The raw entries of a goal's log, in log order (what reads fold). */
export function goalEntries(map: GoalMap): unknown[] {
  return goalLog(map)?.toArray() ?? [];
}

/** Goal ids in code-unit order: Y.Map iteration order differs between replicas, this does not. */
export function sortedGoalIds(doc: Y.Doc): string[] {
  return [...goalsRoot(doc).keys()].sort(compareStrings);
}

/** Plain code-unit comparison (never localeCompare: order keys and ids must sort the same everywhere). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
