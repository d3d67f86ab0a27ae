// The goal tree every replica agrees on, computed from the document alone (GOAL5–GOAL9).
//
// Kleppmann et al. 2021, "A highly-available move operation for replicated trees": every move is
// an operation stamped with a (Lamport clock, replica id) pair; replaying all moves in stamp
// order, skipping any move that would make a goal its own ancestor, gives a tree that is always
// acyclic and the same on every replica. Here each goal keeps the log of its own re-parentings
// (an append-only Y.Array, so a concurrent move is never overwritten and a person only ever writes
// to goals they may edit), and the tree is that replay over the merged logs. Because it is a
// function of the merged document alone, never of the order updates arrived in, every replica
// shows the same tree; because no goal is ever removed, none can be lost.
import { generateKeyBetween } from 'fractional-indexing';
import type { MoveRecord } from './model.ts';
import { compareStrings } from './shape.ts';

/** What the tree needs to know about a goal. */
export interface TreeEntry {
  id: string;
  /** The goal's move log, in document order (GOAL5). */
  moves: readonly MoveRecord[];
  order: string;
  deleted: boolean;
}

/** Why a live goal is not shown under the parent its latest move names. */
export type Adjustment =
  /** Its latest move would have closed a cycle and was skipped (GOAL6). */
  | 'skipped'
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
  /** Live goals not shown under the parent their latest move names, and why. */
  adjusted: ReadonlyMap<string, Adjustment>;
}

/** GOAL2: a goal's move log holds at most this many re-parentings. */
export const MAX_MOVES = 1_000;

export const FALLBACK_ORDER = 'a0';

/** Reads one move record, or null when it is malformed (the server refuses those: GOAL2). */
export function readMove(value: unknown): MoveRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const parentId = record.parentId;
  if (parentId !== null && typeof parentId !== 'string') return null;
  if (!isStampPart(record.clock) || !isStampPart(record.clientId)) return null;
  return { parentId, clock: record.clock, clientId: record.clientId };
}

function isStampPart(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** The latest move of a log in stamp order (GOAL6), or undefined for an empty log. */
export function latestMove(moves: readonly MoveRecord[]): MoveRecord | undefined {
  let latest: MoveRecord | undefined;
  for (const move of moves) if (!latest || stampAfter(move, latest)) latest = move;
  return latest;
}

function stampAfter(a: MoveRecord, b: MoveRecord): boolean {
  return a.clock !== b.clock ? a.clock > b.clock : a.clientId > b.clientId;
}

interface Operation {
  goalId: string;
  move: MoveRecord;
  /** Position in its goal's log: the last tie-break, as the log order is the same everywhere. */
  index: number;
}

/**
 * GOAL6, GOAL7: replays every goal's moves in stamp order — (clock, client id, goal id, position
 * in the log) — skipping a move whose new parent is the goal itself, one of its descendants at
 * that point, or not in the document. Pure; the same entries in any order give the same tree.
 */
export function resolveTree(entries: Iterable<TreeEntry>): GoalTree {
  const byId = new Map<string, TreeEntry>();
  for (const entry of entries) byId.set(entry.id, entry);
  const ids = [...byId.keys()].sort(compareStrings);

  const operations: Operation[] = [];
  for (const id of ids) {
    byId.get(id)!.moves.forEach((move, index) => operations.push({ goalId: id, move, index }));
  }
  operations.sort(
    (a, b) =>
      a.move.clock - b.move.clock ||
      a.move.clientId - b.move.clientId ||
      compareStrings(a.goalId, b.goalId) ||
      a.index - b.index,
  );

  // A goal none of whose moves has applied yet sits at the root of the replay.
  const pointer = new Map<string, string | null>();
  const isAncestorOrSelf = (goalId: string, of: string) => {
    for (let at: string | null = of; at !== null; at = pointer.get(at) ?? null) {
      if (at === goalId) return true;
    }
    return false;
  };
  const adjusted = new Map<string, Adjustment>();
  for (const { goalId, move } of operations) {
    const target = move.parentId;
    if (target !== null && !byId.has(target)) {
      adjusted.set(goalId, 'missing-parent');
    } else if (target !== null && isAncestorOrSelf(goalId, target)) {
      adjusted.set(goalId, 'skipped');
    } else {
      pointer.set(goalId, target);
      adjusted.delete(goalId);
    }
  }

  // GOAL7: a live goal under a deleted one shows under its nearest live ancestor.
  const parent = new Map<string, string | null>();
  const order = new Map<string, string>();
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of ids) {
    const entry = byId.get(id)!;
    if (entry.deleted) {
      adjusted.delete(id);
      continue;
    }
    let shown = pointer.get(id) ?? null;
    while (shown !== null && byId.get(shown)!.deleted) shown = pointer.get(shown) ?? null;
    if (shown !== (pointer.get(id) ?? null) && !adjusted.has(id)) adjusted.set(id, 'live-ancestor');
    parent.set(id, shown);
    order.set(id, entry.order);
    children.set(id, []);
  }
  for (const [id, shown] of parent) {
    if (shown === null) roots.push(id);
    else children.get(shown)!.push(id);
  }
  const bySiblingOrder = (a: string, b: string) =>
    compareStrings(order.get(a)!, order.get(b)!) || compareStrings(a, b);
  roots.sort(bySiblingOrder);
  for (const list of children.values()) list.sort(bySiblingOrder);
  return { roots, children, parent, order, adjusted };
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

/**
 * Looks up the depth of live goals (0 at the root; undefined for a goal not live), each walked up
 * only as far as an ancestor already looked up: a few goals cost their paths, the whole tree one
 * pass.
 */
export function depthLookup(tree: GoalTree): (goalId: string) => number | undefined {
  const known = new Map<string, number>();
  return (goalId) => {
    if (!tree.parent.has(goalId)) return undefined;
    const path: string[] = [];
    let at: string | null = goalId;
    let depth = -1;
    while (at !== null) {
      const seen = known.get(at);
      if (seen !== undefined) {
        depth = seen;
        break;
      }
      path.push(at);
      at = tree.parent.get(at) ?? null;
    }
    for (let i = path.length - 1; i >= 0; i--) known.set(path[i]!, ++depth);
    return known.get(goalId);
  };
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
