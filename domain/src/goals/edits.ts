// Typed writes to the goal-tree document. Each helper is one Yjs transaction, so a change reaches
// other replicas (and the server's per-update check) whole. They do not check permissions: the UI
// asks permissions.ts first to show what is read-only, and the server refuses the rest.
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { effectiveTree, nextClock, readGoalMap } from './document.ts';
import type {
  CheckIn,
  CheckInSource,
  Difficulty,
  Direction,
  GoalLevel,
  GoalState,
  Metric,
  MetricKind,
} from './model.ts';
import { metricProgress } from './progress.ts';
import {
  GOAL_DEFAULTS,
  GOAL_PART,
  goalLog,
  goalMap,
  goalsRoot,
  METRIC_DEFAULTS,
  type GoalEntry,
  type GoalMap,
  type MetricEntry,
} from './shape.ts';
import { childrenOf, MAX_MOVES, orderKeyAt, wouldCreateCycle, type GoalTree } from './tree.ts';

/** Who writes, and when. `at` defaults to now; `origin` tags the Yjs transaction (undo, sync). */
export interface WriteContext {
  by: string;
  at?: string;
  origin?: unknown;
  /** A check-in's own id and where it was made, when the writer knows them (a check-in from a
   *  1:1 keeps the agenda's id, so applying it again adds nothing: ONE20). */
  checkIn?: { id: string; source?: CheckInSource };
}

export interface NewGoal {
  id?: string;
  title: string;
  description?: string;
  level: GoalLevel;
  state?: GoalState;
  ownerId: string | null;
  teamId?: string | null;
  parentId: string | null;
  /** Position among the parent's live children; default last. */
  index?: number;
  startDate?: string | null;
  dueDate?: string | null;
  metric?: Partial<MetricSettings> & { milestones?: string[] };
  weight?: number;
  difficulty?: Difficulty;
  tags?: string[];
  /** Who created it and when, when not the writer now (importing, replaying a past). */
  created?: { by: string; at: string };
}

/** Metric fields a person sets directly; `current` changes through recordProgress (GOAL18). */
export interface MetricSettings {
  kind: MetricKind;
  start: number | null;
  target: number | null;
  unit: string | null;
  direction: Direction;
}

/** Plain fields of a goal that updateGoalFields may set. */
export interface GoalPatch {
  title?: string;
  description?: string;
  level?: GoalLevel;
  ownerId?: string | null;
  teamId?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  weight?: number;
  difficulty?: Difficulty;
}

export type EditResult = { ok: true } | { ok: false; reason: EditRefusal };
export type EditRefusal =
  'missing-goal' | 'deleted-goal' | 'missing-parent' | 'cycle' | 'too-many-moves';

const stamp = (context: WriteContext) => context.at ?? new Date().toISOString();
const newId = () => crypto.randomUUID();

/** GOAL18: 72 random bits as 12 base64url characters; a UUID would be 24 bytes more per check-in. */
export function newCheckInId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

function transact(doc: Y.Doc, context: WriteContext, change: () => void): void {
  doc.transact(change, context.origin ?? null);
}

/** Appends one entry to a goal's log (GOAL1), in its own transaction unless inside one. */
function append(doc: Y.Doc, map: GoalMap, entry: GoalEntry, context: WriteContext): void {
  const log = goalLog(map);
  if (log) transact(doc, context, () => log.push([entry]));
}

/** The fields of `patch` whose values differ from `current`'s: nothing else is written. */
function changedFields<P extends object>(current: object, patch: P): Partial<P> {
  const changed: Partial<P> = {};
  const now = current as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && now[key] !== value) Object.assign(changed, { [key]: value });
  }
  return changed;
}

/**
 * Adds a goal (GOAL1) under `parentId` and returns its id. The move is its first (GOAL5). Pass
 * the tree the UI already computed to save recomputing it.
 */
export function addGoal(
  doc: Y.Doc,
  input: NewGoal,
  context: WriteContext,
  tree?: GoalTree,
): string {
  const id = input.id ?? newId();
  if (input.parentId !== null && !goalMap(doc, input.parentId)) {
    throw new Error(`addGoal: no goal ${input.parentId} to add under`);
  }
  transact(doc, context, () => {
    const shown = tree ?? effectiveTree(doc);
    const order = orderKeyAt(shown, input.parentId, input.index ?? Infinity);
    writeGoal(doc, id, input, shown, order, nextClock(doc), context);
  });
  return id;
}

/**
 * Adds many goals in one transaction (seeding a cycle, importing), each after its parent's
 * existing children in input order; `index` is ignored. A parent may be a goal added earlier in
 * the same list. Linear in the number of goals, where calling addGoal for each is quadratic.
 */
export function addGoals(doc: Y.Doc, inputs: readonly NewGoal[], context: WriteContext): string[] {
  const ids = inputs.map((input) => input.id ?? newId());
  transact(doc, context, () => {
    const tree = effectiveTree(doc);
    let clock = nextClock(doc);
    const lastKey = new Map<string | null, string | null>();
    inputs.forEach((input, i) => {
      const parentId = input.parentId;
      if (parentId !== null && !goalMap(doc, parentId)) {
        throw new Error(`addGoals: no goal ${parentId} to add under`);
      }
      if (!lastKey.has(parentId)) {
        const siblings = childrenOf(tree, parentId);
        const last = siblings.at(-1);
        lastKey.set(parentId, last === undefined ? null : tree.order.get(last)!);
      }
      const order = generateKeyBetween(lastKey.get(parentId) ?? null, null);
      lastKey.set(parentId, order);
      writeGoal(doc, ids[i]!, input, tree, order, clock++, context);
    });
  });
  return ids;
}

function writeGoal(
  doc: Y.Doc,
  id: string,
  input: NewGoal,
  tree: GoalTree,
  order: string,
  clock: number,
  context: WriteContext,
): void {
  const goal: GoalMap = new Y.Map();
  goalsRoot(doc).set(id, goal);
  // The three parts exist from the start: created later by two people at once, one of the two
  // would be dropped (GOAL3).
  goal.set(GOAL_PART.title, new Y.Text(input.title));
  goal.set(GOAL_PART.description, new Y.Text(input.description ?? ''));
  const log = goal.set(GOAL_PART.log, new Y.Array<GoalEntry>());
  const created: GoalEntry = {
    level: input.level,
    state: input.state ?? 'draft',
    move: { parentId: input.parentId, clock, clientId: doc.clientID },
    order,
    createdBy: input.created?.by ?? context.by,
    createdAt: input.created?.at ?? stamp(context),
  };
  // Fields at their defaults are left out (GOAL2): they read the same, in fewer bytes.
  const fields: Partial<Record<keyof typeof GOAL_DEFAULTS, unknown>> = {
    ownerId: input.ownerId,
    teamId: input.teamId,
    startDate: input.startDate,
    dueDate: input.dueDate,
    weight: input.weight,
    difficulty: input.difficulty,
  };
  for (const [key, value] of Object.entries(fields) as [keyof typeof GOAL_DEFAULTS, unknown][]) {
    if (value !== undefined && value !== GOAL_DEFAULTS[key])
      Object.assign(created, { [key]: value });
  }
  const metric = withoutDefaults(input.metric ?? {});
  if (Object.keys(metric).length > 0) created.metric = metric;
  if (input.tags && input.tags.length > 0) {
    created.tags = Object.fromEntries(input.tags.map((tag) => [tag, true]));
  }
  const milestones = (input.metric?.milestones ?? []).map((title): GoalEntry => ({
    milestone: { id: newId(), title, done: false },
  }));
  log.push([created, ...milestones]);
}

/** Metric settings that differ from their defaults (GOAL2). */
function withoutDefaults(settings: Partial<MetricSettings>): MetricEntry {
  const entry: MetricEntry = {};
  for (const key of ['kind', 'start', 'target', 'unit', 'direction'] as const) {
    const value = settings[key];
    if (value !== undefined && value !== METRIC_DEFAULTS[key])
      Object.assign(entry, { [key]: value });
  }
  return entry;
}

/** Sets plain fields; only the fields that change are written (unchanged ones add no history). */
export function updateGoalFields(
  doc: Y.Doc,
  goalId: string,
  patch: GoalPatch,
  context: WriteContext,
): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  const { title, description, ...fields } = patch;
  const changed = changedFields(readGoalMap(goalId, goal), fields);
  transact(doc, context, () => {
    if (title !== undefined) replaceText(goal.get(GOAL_PART.title), title);
    if (description !== undefined) replaceText(goal.get(GOAL_PART.description), description);
    if (Object.keys(changed).length > 0) append(doc, goal, changed, context);
  });
  return { ok: true };
}

/**
 * Makes a Y.Text read `next` by replacing only the part between the common prefix and suffix, so
 * a person typing in a title merges with another person typing elsewhere in it.
 */
export function replaceText(text: unknown, next: string): void {
  if (!(text instanceof Y.Text)) return;
  const current = text.toString();
  if (current === next) return;
  let prefix = 0;
  const shorter = Math.min(current.length, next.length);
  while (prefix < shorter && current[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    current[current.length - 1 - suffix] === next[next.length - 1 - suffix]
  ) {
    suffix++;
  }
  text.delete(prefix, current.length - prefix - suffix);
  text.insert(prefix, next.slice(prefix, next.length - suffix));
}

/** The goal's title or description Y.Text, for binding an editor to it directly. */
export function goalText(
  doc: Y.Doc,
  goalId: string,
  field: 'title' | 'description',
): Y.Text | null {
  const text = goalMap(doc, goalId)?.get(GOAL_PART[field]);
  return text instanceof Y.Text ? text : null;
}

/**
 * Changes the state. Entering `active` from draft, proposed or dropped is an approval (GOAL17) and
 * records who approved and when; done → active only reopens the goal.
 */
export function setGoalState(
  doc: Y.Doc,
  goalId: string,
  state: GoalState,
  context: WriteContext,
): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  const current = readGoalMap(goalId, goal).state;
  if (current === state) return { ok: true };
  if (state === 'active' && current !== 'done') return approveGoal(doc, goalId, context);
  append(doc, goal, { state }, context);
  return { ok: true };
}

/** GOAL17: the owner's manager (or an admin) makes a proposed goal active, recording who and when. */
export function approveGoal(doc: Y.Doc, goalId: string, context: WriteContext): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  append(
    doc,
    goal,
    { state: 'active', approvedBy: context.by, approvedAt: stamp(context) },
    context,
  );
  return { ok: true };
}

export interface MoveTarget {
  parentId: string | null;
  /** Position among the new parent's live children (the goal itself left out); default last. */
  index?: number;
}

/**
 * GOAL5, GOAL9: moves a goal under `parentId` at `index`, refusing a move that would create a
 * cycle in this replica's tree, a move into or of a deleted goal, and a move past the log's limit.
 * A new parent appends to the goal's move log; a new place among the same siblings only changes
 * its order key. Pass the tree the UI already computed to save recomputing it.
 */
export function moveGoal(
  doc: Y.Doc,
  goalId: string,
  target: MoveTarget,
  context: WriteContext,
  tree: GoalTree = effectiveTree(doc),
): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  const moving = readGoalMap(goalId, goal);
  if (moving.deleted) return { ok: false, reason: 'deleted-goal' };
  if (target.parentId !== null) {
    const parent = goalMap(doc, target.parentId);
    if (!parent) return { ok: false, reason: 'missing-parent' };
    if (readGoalMap(target.parentId, parent).deleted) return { ok: false, reason: 'deleted-goal' };
  }
  if (wouldCreateCycle(tree, goalId, target.parentId)) return { ok: false, reason: 'cycle' };
  // Also when the goal shows somewhere its log does not name (a skipped move, a deleted parent):
  // the new place then becomes its own move, and sticks.
  const reparent =
    (tree.parent.get(goalId) ?? null) !== target.parentId || tree.adjusted.has(goalId);
  if (reparent && moving.moves.length >= MAX_MOVES) return { ok: false, reason: 'too-many-moves' };
  const order = orderKeyAt(tree, target.parentId, target.index ?? Infinity, goalId);
  const entry: GoalEntry = { order };
  if (reparent) {
    entry.move = { parentId: target.parentId, clock: nextClock(doc), clientId: doc.clientID };
  }
  append(doc, goal, entry, context);
  return { ok: true };
}

/**
 * GOAL18: records a new current value: appends a check-in with the progress it means, which sets
 * the metric's current value and lastProgressAt (GOAL2, GOAL13).
 */
export function recordProgress(
  doc: Y.Doc,
  goalId: string,
  value: number,
  context: WriteContext,
): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  const metric = { ...readGoalMap(goalId, goal).metric, current: value };
  append(doc, goal, checkIn(value, metric, context), context);
  return { ok: true };
}

/** A check-in of `value` with the progress it means for the metric as changed (GOAL18). */
function checkIn(value: number, metric: Metric, context: WriteContext): GoalEntry {
  const at = stamp(context);
  const progress = metricProgress(metric) ?? 0;
  const id = context.checkIn?.id ?? newCheckInId();
  const entry: CheckIn = { id, value, progress, at, by: context.by };
  if (context.checkIn?.source) entry.source = context.checkIn.source;
  return { checkIn: entry };
}

/** Changes metric settings (kind, start, target, unit, direction). */
export function updateMetric(
  doc: Y.Doc,
  goalId: string,
  patch: Partial<MetricSettings>,
  context: WriteContext,
): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  const changed = changedFields(readGoalMap(goalId, goal).metric, patch);
  if (Object.keys(changed).length > 0) append(doc, goal, { metric: changed }, context);
  return { ok: true };
}

export function addMilestone(
  doc: Y.Doc,
  goalId: string,
  title: string,
  context: WriteContext,
): string | null {
  const goal = goalMap(doc, goalId);
  if (!goal) return null;
  const id = newId();
  append(doc, goal, { milestone: { id, title, done: false } }, context);
  return id;
}

export function renameMilestone(
  doc: Y.Doc,
  goalId: string,
  milestoneId: string,
  title: string,
  context: WriteContext,
): EditResult {
  const found = findMilestone(doc, goalId, milestoneId);
  if (!found) return { ok: false, reason: 'missing-goal' };
  if (found.milestone.title !== title) {
    append(doc, found.goal, { milestone: { id: milestoneId, title } }, context);
  }
  return { ok: true };
}

export function removeMilestone(
  doc: Y.Doc,
  goalId: string,
  milestoneId: string,
  context: WriteContext,
): EditResult {
  const found = findMilestone(doc, goalId, milestoneId);
  if (!found) return { ok: false, reason: 'missing-goal' };
  append(doc, found.goal, { milestone: { id: milestoneId, removed: true } }, context);
  return { ok: true };
}

/** Ticks a milestone on or off; a change is a check-in (value: how many are done, GOAL18). */
export function setMilestoneDone(
  doc: Y.Doc,
  goalId: string,
  milestoneId: string,
  done: boolean,
  context: WriteContext,
): EditResult {
  const found = findMilestone(doc, goalId, milestoneId);
  if (!found) return { ok: false, reason: 'missing-goal' };
  if (found.milestone.done === done) return { ok: true };
  const milestones = found.metric.milestones.map((m) =>
    m.id === milestoneId ? { ...m, done } : m,
  );
  const doneCount = milestones.filter((m) => m.done).length;
  const metric = { ...found.metric, milestones };
  append(
    doc,
    found.goal,
    { milestone: { id: milestoneId, done }, ...checkIn(doneCount, metric, context) },
    context,
  );
  return { ok: true };
}

function findMilestone(doc: Y.Doc, goalId: string, milestoneId: string) {
  const goal = goalMap(doc, goalId);
  if (!goal) return null;
  const { metric } = readGoalMap(goalId, goal);
  const milestone = metric.milestones.find((m) => m.id === milestoneId);
  return milestone ? { goal, metric, milestone } : null;
}

export function addTag(doc: Y.Doc, goalId: string, tag: string, context: WriteContext): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  const name = tag.trim().replace(/\s+/g, ' ');
  if (name !== '' && !readGoalMap(goalId, goal).tags.includes(name)) {
    append(doc, goal, { tags: { [name]: true } }, context);
  }
  return { ok: true };
}

export function removeTag(
  doc: Y.Doc,
  goalId: string,
  tag: string,
  context: WriteContext,
): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  if (readGoalMap(goalId, goal).tags.includes(tag)) {
    append(doc, goal, { tags: { [tag]: false } }, context);
  }
  return { ok: true };
}

/**
 * GOAL3, GOAL7: marks a goal deleted. It stays in the document (restorable, its history intact);
 * its live children show under its nearest live ancestor.
 */
export function deleteGoal(doc: Y.Doc, goalId: string, context: WriteContext): EditResult {
  return setDeleted(doc, goalId, true, context);
}

export function restoreGoal(doc: Y.Doc, goalId: string, context: WriteContext): EditResult {
  return setDeleted(doc, goalId, false, context);
}

function setDeleted(
  doc: Y.Doc,
  goalId: string,
  deleted: boolean,
  context: WriteContext,
): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  if (readGoalMap(goalId, goal).deleted !== deleted) append(doc, goal, { deleted }, context);
  return { ok: true };
}
