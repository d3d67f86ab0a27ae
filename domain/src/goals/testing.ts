// Helpers for the goal tests: deterministic ids, trees from outlines, comparable trees (replicas
// and syncing are in ../ydoc/testing.ts).
import type * as Y from 'yjs';
import { replica } from '../ydoc/testing.ts';
import { addGoal, type NewGoal } from './edits.ts';
import type { GoalLevel } from './model.ts';
import type { GoalTree } from './tree.ts';

/** A lowercase UUID from a number, so tests read `uuid(3)` instead of random ids. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The tree as one comparable value: parent and children lists of every live goal, in order. */
export function canonicalTree(tree: GoalTree): string {
  const lines = [`roots: ${tree.roots.join(',')}`];
  for (const id of [...tree.parent.keys()].sort()) {
    lines.push(
      `${id} < ${tree.parent.get(id) ?? 'root'} : ${(tree.children.get(id) ?? []).join(',')}`,
    );
  }
  return lines.join('\n');
}

/**
 * The ids reached walking down from the roots. Every live goal reached exactly once means the tree
 * has no cycle (a cycle's goals are never reached from a root) and loses no goal.
 */
export function walkFromRoots(tree: GoalTree): string[] {
  const seen: string[] = [];
  const stack = [...tree.roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    seen.push(id);
    if (seen.length > tree.parent.size + 1) break;
    stack.push(...(tree.children.get(id) ?? []));
  }
  return seen;
}

/** The author of the goals treeDoc writes. */
export const AUTHOR = uuid(900);

/**
 * A document from an outline: each entry is [id number, parent id number or null, title], added
 * in order (so a parent comes before its children).
 */
export function treeDoc(
  outline: readonly [number, number | null, string, Partial<NewGoal>?][],
): Y.Doc {
  const doc = replica(1);
  for (const [id, parent, title, extra] of outline) {
    const level: GoalLevel = parent === null ? 'company' : 'person';
    addGoal(
      doc,
      {
        id: uuid(id),
        title,
        level,
        ownerId: AUTHOR,
        parentId: parent === null ? null : uuid(parent),
        ...extra,
      },
      { by: AUTHOR, at: '2026-07-01T00:00:00.000Z' },
    );
  }
  return doc;
}
