// Typed writes to the goal-tree document. Each helper is one Yjs transaction, so a change reaches
// other replicas (and the server's per-update check) whole. They do not check permissions: the UI
// asks permissions.ts first to show what is read-only, and the server refuses the rest.
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { readMetric } from './document.ts';
import type {
  CheckIn,
  Difficulty,
  Direction,
  GoalLevel,
  GoalState,
  MetricKind,
  MoveRecord,
} from './model.ts';
import { metricProgress } from './progress.ts';
import {
  GOAL_DEFAULTS,
  GOAL_FIELD,
  goalMap,
  goalsRoot,
  METRIC_DEFAULTS,
  METRIC_FIELD,
  setField,
  type GoalMap,
} from './shape.ts';
import {
  childrenOf,
  effectiveTree,
  MAX_MOVES,
  nextClock,
  orderKeyAt,
  wouldCreateCycle,
  type GoalTree,
} from './tree.ts';

/** Who writes, and when. `at` defaults to now; `origin` tags the Yjs transaction (undo, sync). */
export interface WriteContext {
  by: string;
  at?: string;
  origin?: unknown;
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

function transact(doc: Y.Doc, context: WriteContext, change: () => void): void {
  doc.transact(change, context.origin ?? null);
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
  const f = GOAL_FIELD;
  // The parts that merge (texts, metric, collections) exist from the start: created later by two
  // people at once, one of the two would be dropped (GOAL3).
  goal.set(f.title, new Y.Text(input.title));
  goal.set(f.description, new Y.Text(input.description ?? ''));
  writeMetric(goal.set(f.metric, new Y.Map<unknown>()), input.metric);
  goal.set(f.tags, newTags(input.tags ?? []));
  goal.set(f.checkIns, new Y.Array<CheckIn>());
  goal.set(f.level, input.level);
  goal.set(f.state, input.state ?? 'draft');
  const moves = goal.set(f.moves, new Y.Array<MoveRecord>());
  moves.push([{ parentId: input.parentId, clock, clientId: doc.clientID }]);
  goal.set(f.order, order);
  goal.set(f.createdBy, input.created?.by ?? context.by);
  goal.set(f.createdAt, input.created?.at ?? stamp(context));
  const d = GOAL_DEFAULTS;
  setField(goal, f.ownerId, input.ownerId, d.ownerId);
  setField(goal, f.teamId, input.teamId ?? null, d.teamId);
  setField(goal, f.startDate, input.startDate ?? null, d.startDate);
  setField(goal, f.dueDate, input.dueDate ?? null, d.dueDate);
  setField(goal, f.weight, input.weight ?? d.weight, d.weight);
  setField(goal, f.difficulty, input.difficulty ?? d.difficulty, d.difficulty);
}

function newTags(names: readonly string[]): Y.Map<true> {
  const tags = new Y.Map<true>();
  for (const name of names) tags.set(name, true);
  return tags;
}

/** Fills a metric map already in the document (reading a map before that only warns). */
function writeMetric(metric: Y.Map<unknown>, input: NewGoal['metric']): void {
  const f = METRIC_FIELD;
  const d = METRIC_DEFAULTS;
  setField(metric, f.kind, input?.kind ?? d.kind, d.kind);
  setField(metric, f.start, input?.start ?? null, d.start);
  setField(metric, f.target, input?.target ?? null, d.target);
  setField(metric, f.unit, input?.unit ?? null, d.unit);
  setField(metric, f.direction, input?.direction ?? d.direction, d.direction);
  const milestones = metric.set(f.milestones, new Y.Array<Y.Map<unknown>>());
  milestones.push((input?.milestones ?? []).map(newMilestone));
}

function newMilestone(title: string): Y.Map<unknown> {
  const milestone = new Y.Map<unknown>();
  milestone.set('id', newId());
  milestone.set('title', title);
  milestone.set('done', false);
  return milestone;
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
  transact(doc, context, () => {
    for (const [key, value] of Object.entries(patch) as [keyof GoalPatch, unknown][]) {
      if (value === undefined) continue;
      if (key === 'title' || key === 'description') {
        replaceText(goal.get(GOAL_FIELD[key]), value as string);
      } else {
        const fallback =
          key in GOAL_DEFAULTS ? GOAL_DEFAULTS[key as keyof typeof GOAL_DEFAULTS] : undefined;
        setField(goal, GOAL_FIELD[key], value, fallback);
      }
    }
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
  const text = goalMap(doc, goalId)?.get(GOAL_FIELD[field]);
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
  const current = goal.get(GOAL_FIELD.state);
  if (current === state) return { ok: true };
  if (state === 'active' && current !== 'done') return approveGoal(doc, goalId, context);
  transact(doc, context, () => goal.set(GOAL_FIELD.state, state));
  return { ok: true };
}

/** GOAL17: the owner's manager (or an admin) makes a proposed goal active, recording who and when. */
export function approveGoal(doc: Y.Doc, goalId: string, context: WriteContext): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  transact(doc, context, () => {
    goal.set(GOAL_FIELD.state, 'active');
    goal.set(GOAL_FIELD.approvedBy, context.by);
    goal.set(GOAL_FIELD.approvedAt, stamp(context));
  });
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
  if (goal.get(GOAL_FIELD.deleted) === true) return { ok: false, reason: 'deleted-goal' };
  if (target.parentId !== null) {
    const parent = goalMap(doc, target.parentId);
    if (!parent) return { ok: false, reason: 'missing-parent' };
    if (parent.get(GOAL_FIELD.deleted) === true) return { ok: false, reason: 'deleted-goal' };
  }
  if (wouldCreateCycle(tree, goalId, target.parentId)) return { ok: false, reason: 'cycle' };
  const moves = goal.get(GOAL_FIELD.moves);
  if (!(moves instanceof Y.Array)) return { ok: false, reason: 'missing-goal' };
  // Also when the goal shows somewhere its log does not name (a skipped move, a deleted parent):
  // the new place then becomes its own move, and sticks.
  const reparent =
    (tree.parent.get(goalId) ?? null) !== target.parentId || tree.adjusted.has(goalId);
  if (reparent && moves.length >= MAX_MOVES) return { ok: false, reason: 'too-many-moves' };
  transact(doc, context, () => {
    if (reparent) {
      moves.push([{ parentId: target.parentId, clock: nextClock(doc), clientId: doc.clientID }]);
    }
    const order = orderKeyAt(tree, target.parentId, target.index ?? Infinity, goalId);
    goal.set(GOAL_FIELD.order, order);
  });
  return { ok: true };
}

/**
 * GOAL18: records a new current value: sets the metric's current value, appends a check-in with
 * the progress it means, and stamps lastProgressAt (GOAL13).
 */
export function recordProgress(
  doc: Y.Doc,
  goalId: string,
  value: number,
  context: WriteContext,
): EditResult {
  const goal = goalMap(doc, goalId);
  if (!goal) return { ok: false, reason: 'missing-goal' };
  const metric = goal.get(GOAL_FIELD.metric);
  if (!(metric instanceof Y.Map)) return { ok: false, reason: 'missing-goal' };
  transact(doc, context, () => {
    metric.set(METRIC_FIELD.current, value);
    appendCheckIn(goal, value, context);
  });
  return { ok: true };
}

function appendCheckIn(goal: GoalMap, value: number, context: WriteContext): void {
  const at = stamp(context);
  const progress = metricProgress(readMetric(goal.get(GOAL_FIELD.metric))) ?? 0;
  const checkIns = goal.get(GOAL_FIELD.checkIns);
  if (checkIns instanceof Y.Array) {
    checkIns.push([{ id: newId(), value, progress, at, by: context.by } satisfies CheckIn]);
  }
  goal.set(GOAL_FIELD.lastProgressAt, at);
}

/** Changes metric settings (kind, start, target, unit, direction). */
export function updateMetric(
  doc: Y.Doc,
  goalId: string,
  patch: Partial<MetricSettings>,
  context: WriteContext,
): EditResult {
  const metric = goalMap(doc, goalId)?.get(GOAL_FIELD.metric);
  if (!(metric instanceof Y.Map)) return { ok: false, reason: 'missing-goal' };
  transact(doc, context, () => {
    for (const [key, value] of Object.entries(patch) as [keyof MetricSettings, unknown][]) {
      if (value !== undefined) setField(metric, METRIC_FIELD[key], value, METRIC_DEFAULTS[key]);
    }
  });
  return { ok: true };
}

function milestonesOf(doc: Y.Doc, goalId: string): Y.Array<Y.Map<unknown>> | null {
  const metric = goalMap(doc, goalId)?.get(GOAL_FIELD.metric);
  const milestones = metric instanceof Y.Map ? metric.get(METRIC_FIELD.milestones) : null;
  return milestones instanceof Y.Array ? milestones : null;
}

export function addMilestone(
  doc: Y.Doc,
  goalId: string,
  title: string,
  context: WriteContext,
): string | null {
  const milestones = milestonesOf(doc, goalId);
  if (!milestones) return null;
  const milestone = newMilestone(title);
  transact(doc, context, () => milestones.push([milestone]));
  return milestone.get('id') as string;
}

export function renameMilestone(
  doc: Y.Doc,
  goalId: string,
  milestoneId: string,
  title: string,
  context: WriteContext,
): EditResult {
  const milestone = findMilestone(doc, goalId, milestoneId);
  if (!milestone) return { ok: false, reason: 'missing-goal' };
  transact(doc, context, () => milestone.item.set('title', title));
  return { ok: true };
}

export function removeMilestone(
  doc: Y.Doc,
  goalId: string,
  milestoneId: string,
  context: WriteContext,
): EditResult {
  const milestone = findMilestone(doc, goalId, milestoneId);
  if (!milestone) return { ok: false, reason: 'missing-goal' };
  transact(doc, context, () => milestone.list.delete(milestone.index, 1));
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
  const milestone = findMilestone(doc, goalId, milestoneId);
  const goal = goalMap(doc, goalId);
  if (!milestone || !goal) return { ok: false, reason: 'missing-goal' };
  if (milestone.item.get('done') === done) return { ok: true };
  transact(doc, context, () => {
    milestone.item.set('done', done);
    const doneCount = readMetric(goal.get(GOAL_FIELD.metric)).milestones.filter(
      (m) => m.done,
    ).length;
    appendCheckIn(goal, doneCount, context);
  });
  return { ok: true };
}

function findMilestone(doc: Y.Doc, goalId: string, milestoneId: string) {
  const list = milestonesOf(doc, goalId);
  if (!list) return null;
  const items = list.toArray();
  const index = items.findIndex((item) => item instanceof Y.Map && item.get('id') === milestoneId);
  return index < 0 ? null : { list, index, item: items[index]! };
}

export function addTag(doc: Y.Doc, goalId: string, tag: string, context: WriteContext): EditResult {
  const tags = goalMap(doc, goalId)?.get(GOAL_FIELD.tags);
  if (!(tags instanceof Y.Map)) return { ok: false, reason: 'missing-goal' };
  const name = tag.trim().replace(/\s+/g, ' ');
  if (name !== '' && !tags.has(name)) transact(doc, context, () => tags.set(name, true));
  return { ok: true };
}

export function removeTag(
  doc: Y.Doc,
  goalId: string,
  tag: string,
  context: WriteContext,
): EditResult {
  const tags = goalMap(doc, goalId)?.get(GOAL_FIELD.tags);
  if (!(tags instanceof Y.Map)) return { ok: false, reason: 'missing-goal' };
  if (tags.has(tag)) transact(doc, context, () => tags.delete(tag));
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
  if ((goal.get(GOAL_FIELD.deleted) === true) !== deleted) {
    transact(doc, context, () =>
      setField(goal, GOAL_FIELD.deleted, deleted, GOAL_DEFAULTS.deleted),
    );
  }
  return { ok: true };
}
