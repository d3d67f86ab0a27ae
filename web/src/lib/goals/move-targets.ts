// Where a keyboard move or a drop puts a goal, as the { parentId, index } moveGoal takes (index
// among the new parent's live children with the moving goal left out). Null when there is
// nowhere to go (first sibling moving up, a root moving out).
import { childrenOf, type GoalTree } from '@threadline/domain/goals/tree';
import type { MoveTarget } from '@threadline/domain/goals/edits';

export type KeyboardMove = 'up' | 'down' | 'into' | 'out';
/** Where on a row a drop lands: above it, below it, or inside it as its last child. */
export type DropPosition = 'before' | 'after' | 'into';

/**
 * `isShown` says which goals the person can see (a filter hides the rest): "up", "down" and
 * "into" step over hidden siblings, so a move never lands in or beside a goal off screen.
 */
export function keyboardMoveTarget(
  tree: GoalTree,
  goalId: string,
  move: KeyboardMove,
  isShown: (id: string) => boolean = () => true,
): MoveTarget | null {
  if (!tree.parent.has(goalId)) return null;
  const parentId = tree.parent.get(goalId) ?? null;
  const siblings = childrenOf(tree, parentId);
  const others = siblings.filter((id) => id !== goalId);
  const visible = siblings.filter((id) => id === goalId || isShown(id));
  const at = visible.indexOf(goalId);
  const previous = at > 0 ? visible[at - 1]! : null;
  const next = at < visible.length - 1 ? visible[at + 1]! : null;
  switch (move) {
    case 'up':
      return previous === null ? null : { parentId, index: others.indexOf(previous) };
    case 'down':
      return next === null ? null : { parentId, index: others.indexOf(next) + 1 };
    case 'into':
      return previous === null ? null : { parentId: previous, index: Infinity };
    case 'out': {
      if (parentId === null) return null;
      const grandparentId = tree.parent.get(parentId) ?? null;
      const parentIndex = childrenOf(tree, grandparentId).indexOf(parentId);
      return { parentId: grandparentId, index: parentIndex + 1 };
    }
  }
}

export function dropTarget(
  tree: GoalTree,
  goalId: string,
  ontoId: string,
  position: DropPosition,
): MoveTarget | null {
  if (goalId === ontoId || !tree.parent.has(ontoId)) return null;
  if (position === 'into') return { parentId: ontoId, index: Infinity };
  const parentId = tree.parent.get(ontoId) ?? null;
  const siblings = childrenOf(tree, parentId).filter((id) => id !== goalId);
  const index = siblings.indexOf(ontoId);
  return { parentId, index: position === 'before' ? index : index + 1 };
}

/** The drop position from where the pointer is on the row: top quarter, bottom quarter, middle. */
export function dropPositionAt(offsetY: number, height: number): DropPosition {
  if (offsetY < height / 4) return 'before';
  if (offsetY > (height * 3) / 4) return 'after';
  return 'into';
}
