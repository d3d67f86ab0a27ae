// Moves of this device that another's move replaced (GOAL32): after offline work, a concurrent
// move of the same goal with a later stamp wins (GOAL6), and a move that would close a cycle with
// another's is skipped. The page tells the person instead of letting their move vanish silently.
import type { Goal, MoveRecord } from '@threadline/domain/goals/model';
import { latestMove, type GoalTree } from '@threadline/domain/goals/tree';

export interface OwnMove {
  goalId: string;
  move: MoveRecord;
}

export interface LostMove extends OwnMove {
  /** The Yjs client whose later move is now the goal's latest; null when ours was skipped. */
  winnerClientId: number | null;
}

/** Only the last moves are watched: a page open all day does not keep every move it made. */
export const WATCHED_MOVES = 50;

const same = (a: MoveRecord, b: MoveRecord) => a.clock === b.clock && a.clientId === b.clientId;

/**
 * Which of `moves` no longer decide where their goal is: another move of the goal is later, or
 * ours is the latest but the tree does not show the goal under its parent (skipped, GOAL6). A
 * deleted goal, or one no longer in the tree, has lost nothing to tell about.
 */
export function lostMoves(
  moves: readonly OwnMove[],
  goals: ReadonlyMap<string, Goal>,
  tree: GoalTree,
): LostMove[] {
  const lost: LostMove[] = [];
  for (const own of moves) {
    const goal = goals.get(own.goalId);
    if (!goal || goal.deleted || !tree.parent.has(own.goalId)) continue;
    const latest = latestMove(goal.moves);
    if (!latest) continue;
    if (!same(latest, own.move)) {
      lost.push({ ...own, winnerClientId: latest.clientId });
    } else if ((tree.parent.get(own.goalId) ?? null) !== own.move.parentId) {
      lost.push({ ...own, winnerClientId: null });
    }
  }
  return lost;
}
