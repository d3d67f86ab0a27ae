import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readGoal, readTree } from '@threadline/domain/goals/document';
import { moveGoal } from '@threadline/domain/goals/edits';
import { latestMove } from '@threadline/domain/goals/tree';
import { treeDoc, uuid } from '@threadline/domain/goals/testing';
import { replica, syncBoth } from '@threadline/domain/ydoc/testing';
import { lostMoves, type OwnMove } from './lost-moves.ts';

/** Two replicas of one tree: themes 1, 2, 3 and goal 4 under theme 1. */
function twoReplicas(): [Y.Doc, Y.Doc] {
  const origin = treeDoc([
    [1, null, 'Grow revenue'],
    [2, null, 'Delight customers'],
    [3, null, 'Be a great place to work'],
    [4, 1, 'Cut invoice bugs by half'],
  ]);
  const a = replica(10);
  const b = replica(20);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(origin));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(origin));
  return [a, b];
}

function move(doc: Y.Doc, goal: number, parent: number): OwnMove {
  expect(moveGoal(doc, uuid(goal), { parentId: uuid(parent), index: 0 }, { by: 'x' }).ok).toBe(
    true,
  );
  return { goalId: uuid(goal), move: latestMove(readGoal(doc, uuid(goal))!.moves)! };
}

describe('moves another replaced (GOAL32)', () => {
  it('[GOAL32] [GOAL6] the move with the earlier stamp of two concurrent ones is lost, to the other’s client', () => {
    const [a, b] = twoReplicas();
    const mineA = move(a, 4, 2);
    const mineB = move(b, 4, 3);
    syncBoth(a, b);
    const { goals, tree } = readTree(a);
    const lost = [...lostMoves([mineA], goals, tree), ...lostMoves([mineB], goals, tree)];
    // Equal clocks: the greater client id (b, 20) wins.
    expect(lost).toEqual([{ ...mineA, winnerClientId: 20 }]);
    expect(tree.parent.get(uuid(4))).toBe(uuid(3));
  });

  it('[GOAL32] [GOAL6] a move skipped because it would close a cycle is lost, to nobody’s move of that goal', () => {
    const [a, b] = twoReplicas();
    const mineA = move(a, 1, 2); // theme 1 under theme 2
    const mineB = move(b, 2, 1); // and theme 2 under theme 1: the later one is skipped
    syncBoth(a, b);
    const { goals, tree } = readTree(a);
    const lost = lostMoves([mineA, mineB], goals, tree);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.winnerClientId).toBeNull();
  });

  it('a move nobody contested is not lost', () => {
    const [a, b] = twoReplicas();
    const mine = move(a, 4, 2);
    syncBoth(a, b);
    const { goals, tree } = readTree(b);
    expect(lostMoves([mine], goals, tree)).toEqual([]);
  });
});
