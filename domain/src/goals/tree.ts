// The goal tree every replica agrees on, computed from the document alone (GOAL5–GOAL9).
//
// Each goal stores only its last move: parent pointer, previous parent, order key, and a
// (Lamport clock, Yjs client id) stamp. Concurrent moves on different replicas can make the
// pointers form a cycle (A moves x under y while B moves y under x). As in Kleppmann et al. 2021,
// "A highly-available move operation for replicated trees", the move that comes last in the
// stamp order is the one that would close the cycle, so it is the one set aside: the goal falls
// back to the parent it had before that move. Because the outcome is a function of the merged
// document (never of the order updates arrived in), every replica shows the same tree, and since
// nothing is ever removed from the pointers, no goal can be lost.
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import type { MoveRecord, SettledMove } from './model.ts';
import { compareStrings, GOAL_FIELD, goalsRoot, sortedGoalIds } from './shape.ts';

/** What the tree needs to know about a goal. */
export interface TreeEntry {
  id: string;
  move: MoveRecord;
  deleted: boolean;
}

/** Why a live goal's shown parent differs from the parent its move record names. */
export type Adjustment =
  /** Its move closed a cycle and was set aside: back under its previous parent (GOAL6). */
  | 'previous-parent'
  /** Setting the move aside was not enough (the previous parent closed a cycle too): at the root. */
  | 'root'
  /** Its parent is deleted: under the nearest live ancestor (GOAL7). */
  | 'live-ancestor'
  /** Its parent is not in the document at all (only a hand-crafted document has that). */
  | 'missing-parent';

export interface GoalTree {
  /** Live goals at the top, in sibling order (GOAL8). */
  roots: readonly string[];
  /** Live children of every live goal, in sibling order (empty array for a leaf). */
  children: ReadonlyMap<string, readonly string[]>;
  /** Shown parent of every live goal; null at the root. */
  parent: ReadonlyMap<string, string | null>;
  /** Order key of every live goal. */
  order: ReadonlyMap<string, string>;
  /** Live goals not shown under the parent their move names, and why. */
  adjusted: ReadonlyMap<string, Adjustment>;
  /** The moves of live goals set aside to break a cycle, to be settled by the next move (GOAL6). */
  setAside: readonly SettledMove[];
}

/** GOAL2: at most this many settled moves ride on one move record. */
export const MAX_SETTLED = 100;

const FALLBACK_ORDER = 'a0';

/** Reads a move record, tolerating a malformed one (the server refuses those: GOAL2). */
export function readMove(value: unknown): MoveRecord {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const id = (v: unknown) => (typeof v === 'string' ? v : null);
  const int = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : 0);
  const settled: SettledMove[] = [];
  if (Array.isArray(record.settled)) {
    for (const item of record.settled as unknown[]) {
      const move = (typeof item === 'object' && item !== null ? item : {}) as Record<
        string,
        unknown
      >;
      const goalId = id(move.goalId);
      if (goalId !== null)
        settled.push({ goalId, clock: int(move.clock), clientId: int(move.clientId) });
    }
  }
  return {
    parentId: id(record.parentId),
    previousParentId: id(record.previousParentId),
    order: typeof record.order === 'string' ? record.order : FALLBACK_ORDER,
    clock: int(record.clock),
    clientId: int(record.clientId),
    settled,
  };
}

const moveKey = (goalId: string, clock: number, clientId: number) =>
  `${goalId}@${clock}@${clientId}`;

/**
 * The move record a writer stores: `settled` carries the set-aside moves it sees (other than the
 * moving goal's own), and is left out when there are none.
 */
export function moveRecord(
  tree: GoalTree,
  goalId: string,
  move: Omit<MoveRecord, 'settled'>,
): Omit<MoveRecord, 'settled'> & { settled?: SettledMove[] } {
  const settled = tree.setAside.filter((m) => m.goalId !== goalId).slice(0, MAX_SETTLED);
  return settled.length > 0 ? { ...move, settled } : move;
}

/** The tree shown from this document (GOAL6, GOAL7, GOAL8). */
export function effectiveTree(doc: Y.Doc): GoalTree {
  return resolveTree(treeEntries(doc));
}

export function treeEntries(doc: Y.Doc): TreeEntry[] {
  const root = goalsRoot(doc);
  const entries: TreeEntry[] = [];
  for (const id of sortedGoalIds(doc)) {
    const goal = root.get(id);
    if (!(goal instanceof Y.Map)) continue;
    entries.push({
      id,
      move: readMove(goal.get(GOAL_FIELD.move)),
      deleted: goal.get(GOAL_FIELD.deleted) === true,
    });
  }
  return entries;
}

/** GOAL5: a new move's clock is one more than the greatest clock in the document. */
export function nextClock(doc: Y.Doc): number {
  let max = 0;
  for (const goal of goalsRoot(doc).values()) {
    if (goal instanceof Y.Map) max = Math.max(max, readMove(goal.get(GOAL_FIELD.move)).clock);
  }
  return max + 1;
}

/** Orders moves: the later one has the greater clock, then client id, then goal id. */
function isLaterMove(a: TreeEntry, b: TreeEntry): boolean {
  if (a.move.clock !== b.move.clock) return a.move.clock > b.move.clock;
  if (a.move.clientId !== b.move.clientId) return a.move.clientId > b.move.clientId;
  return a.id > b.id;
}

/**
 * GOAL6, GOAL7: the tree from the goals' move records. Pure; the same entries (in any order) give
 * the same tree.
 */
export function resolveTree(entries: Iterable<TreeEntry>): GoalTree {
  const byId = new Map<string, TreeEntry>();
  for (const entry of entries) byId.set(entry.id, entry);
  const ids = [...byId.keys()].sort(compareStrings);

  const known = (id: string | null, self: string) =>
    id !== null && id !== self && byId.has(id) ? id : null;
  // A move some writer saw set aside stays set aside (its goal under its previous parent), even
  // once the cycle it closed is gone: otherwise moving another goal of that cycle later would
  // suddenly carry it out, long after the conflict (Kleppmann's replay never applies it either).
  const settled = new Set<string>();
  for (const entry of byId.values()) {
    for (const m of entry.move.settled) settled.add(moveKey(m.goalId, m.clock, m.clientId));
  }
  const pointer = new Map<string, string | null>();
  const adjusted = new Map<string, Adjustment>();
  for (const id of ids) {
    const { move } = byId.get(id)!;
    if (settled.has(moveKey(id, move.clock, move.clientId))) {
      pointer.set(id, known(move.previousParentId, id));
      adjusted.set(id, 'previous-parent');
      continue;
    }
    pointer.set(id, known(move.parentId, id));
    if (move.parentId !== null && !byId.has(move.parentId)) adjusted.set(id, 'missing-parent');
  }

  // Break cycles until none is left. Each pass sets aside the latest move of every cycle; a goal
  // whose move was already set aside goes to the root, so each goal changes at most twice and the
  // loop ends. In a graph where every node has one pointer, cycles are disjoint, so the choice in
  // one cycle never depends on another and the visiting order does not matter.
  for (
    let cycles = findCycles(ids, pointer);
    cycles.length > 0;
    cycles = findCycles(ids, pointer)
  ) {
    for (const cycle of cycles) {
      let latest = byId.get(cycle[0]!)!;
      for (const id of cycle) {
        const entry = byId.get(id)!;
        if (isLaterMove(entry, latest)) latest = entry;
      }
      if (adjusted.get(latest.id) === 'previous-parent') {
        pointer.set(latest.id, null);
        adjusted.set(latest.id, 'root');
      } else {
        pointer.set(latest.id, known(latest.move.previousParentId, latest.id));
        adjusted.set(latest.id, 'previous-parent');
      }
    }
  }

  // GOAL7: a live goal under a deleted one shows under its nearest live ancestor.
  const parent = new Map<string, string | null>();
  const order = new Map<string, string>();
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of ids) {
    const entry = byId.get(id)!;
    if (entry.deleted) continue;
    let shown = pointer.get(id) ?? null;
    while (shown !== null && byId.get(shown)!.deleted) shown = pointer.get(shown) ?? null;
    if (shown !== pointer.get(id) && !adjusted.has(id)) adjusted.set(id, 'live-ancestor');
    parent.set(id, shown);
    order.set(id, entry.move.order);
    children.set(id, []);
  }
  for (const id of ids) {
    if (!parent.has(id)) {
      adjusted.delete(id);
      continue;
    }
    const shown = parent.get(id)!;
    if (shown === null) roots.push(id);
    else children.get(shown)!.push(id);
  }
  const bySiblingOrder = (a: string, b: string) =>
    compareStrings(order.get(a)!, order.get(b)!) || compareStrings(a, b);
  roots.sort(bySiblingOrder);
  for (const list of children.values()) list.sort(bySiblingOrder);
  const setAside: SettledMove[] = [];
  for (const [id, reason] of adjusted) {
    if (reason !== 'previous-parent' && reason !== 'root') continue;
    const { clock, clientId } = byId.get(id)!.move;
    setAside.push({ goalId: id, clock, clientId });
  }
  return { roots, children, parent, order, adjusted, setAside };
}

/** Every cycle of the pointer graph, each as its member ids. */
function findCycles(ids: readonly string[], pointer: ReadonlyMap<string, string | null>) {
  // Each walk marks the goals it passes with its own number; meeting its own mark again is a
  // cycle, meeting an earlier walk's mark is not. Linear in the number of goals.
  const walkOf = new Map<string, number>();
  const cycles: string[][] = [];
  ids.forEach((start, walk) => {
    if (walkOf.has(start)) return;
    const path: string[] = [];
    let at: string | null = start;
    while (at !== null && !walkOf.has(at)) {
      walkOf.set(at, walk);
      path.push(at);
      at = pointer.get(at) ?? null;
    }
    if (at !== null && walkOf.get(at) === walk) cycles.push(path.slice(path.indexOf(at)));
  });
  return cycles;
}

/**
 * GOAL9: true when putting `goalId` under `newParentId` would make a goal its own ancestor. The UI
 * refuses such a move locally; concurrent ones are resolved by GOAL6.
 */
export function wouldCreateCycle(
  tree: GoalTree,
  goalId: string,
  newParentId: string | null,
): boolean {
  for (let at = newParentId; at !== null; at = tree.parent.get(at) ?? null) {
    if (at === goalId) return true;
  }
  return false;
}

/** The live children of a parent (null: the roots), in order. */
export function childrenOf(tree: GoalTree, parentId: string | null): readonly string[] {
  return parentId === null ? tree.roots : (tree.children.get(parentId) ?? []);
}

/** The path from a goal up to its root, the goal first (line of sight). */
export function pathToRoot(tree: GoalTree, goalId: string): string[] {
  const path: string[] = [];
  for (let at: string | null = goalId; at !== null && tree.parent.has(at);) {
    path.push(at);
    at = tree.parent.get(at) ?? null;
  }
  return path;
}

/** Depth of a live goal: 0 at the root. */
export function depthOf(tree: GoalTree, goalId: string): number {
  return Math.max(0, pathToRoot(tree, goalId).length - 1);
}

/** Every live goal below a goal, depth first in sibling order. */
export function descendantsOf(tree: GoalTree, goalId: string): string[] {
  const found: string[] = [];
  const stack = [...(tree.children.get(goalId) ?? [])].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    found.push(id);
    const below = tree.children.get(id) ?? [];
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
  }
  return found;
}

/** True for a key fractional-indexing can place other keys around. */
export function isOrderKey(key: string): boolean {
  if (!/^[0-9A-Za-z]{1,128}$/.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * GOAL8: an order key that puts a goal at `index` among the live children of `parentId` (the goal
 * itself left out when it is already there). Two goals inserted concurrently at one spot get the
 * same key and are ordered by id; a later insert between them lands after both.
 */
export function orderKeyAt(
  tree: GoalTree,
  parentId: string | null,
  index: number,
  movingId?: string,
): string {
  const siblings = childrenOf(tree, parentId).filter((id) => id !== movingId);
  const keys = siblings.map((id) => tree.order.get(id)!).filter(isOrderKey);
  const at = Math.max(0, Math.min(Math.trunc(index), keys.length));
  const before = at > 0 ? keys[at - 1]! : null;
  let after: string | null = null;
  for (let i = at; i < keys.length; i++) {
    if (before === null || keys[i]! > before) {
      after = keys[i]!;
      break;
    }
  }
  return generateKeyBetween(before, after);
}
