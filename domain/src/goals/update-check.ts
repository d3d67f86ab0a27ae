// The server's verdict on one client update to a goal tree (GOAL1–GOAL4, GOAL16–GOAL18). Pure: it
// works on Y.Docs handed to it and does no I/O.
//
// Yjs cannot undo an applied update, so the update is first applied to a copy. Copying a large
// document for every update is slow; a room can instead keep a checking replica next to the live
// document (`replicaOf`): apply each update to the replica with `judgeGoalTreeUpdate`, apply it to
// the live document only when accepted, and rebuild the replica from the live document after a
// refusal.
import * as Y from 'yjs';
import { leftPending } from '../ydoc/pending.ts';
import { replicaOf } from '../ydoc/replica.ts';
import { readGoal } from './document.ts';
import { checkGoalChange, type Actor, type GoalRefusal } from './permissions.ts';
import { checkPreserved, validateGoals, type SchemaIssue } from './schema.ts';
import { collectTouched, type TouchedGoals } from './touched.ts';

export type UpdateVerdict =
  | { ok: true; touched: TouchedGoals }
  | { ok: false; reason: 'pending'; message: string }
  | { ok: false; reason: 'schema'; issues: SchemaIssue[] }
  | { ok: false; reason: 'forbidden'; refusal: GoalRefusal };

/** Checks `update` from `actor` against the live document `current`, which it leaves unchanged. */
export function checkGoalTreeUpdate(
  current: Y.Doc,
  update: Uint8Array,
  actor: Actor,
): UpdateVerdict {
  return judgeGoalTreeUpdate(current, replicaOf(current), update, actor);
}

/**
 * Applies `update` to `replica` (a copy of `current` until now) and judges the result. On a
 * refusal the replica holds the refused change and must be rebuilt with `replicaOf`.
 */
export function judgeGoalTreeUpdate(
  current: Y.Doc,
  replica: Y.Doc,
  update: Uint8Array,
  actor: Actor,
): UpdateVerdict {
  const touched = collectTouched(replica, () => Y.applyUpdate(replica, update));
  // Structs waiting for changes the server never saw would be integrated later, unchecked.
  if (leftPending(current, replica)) {
    return {
      ok: false,
      reason: 'pending',
      message: 'The update depends on changes this document does not have.',
    };
  }
  const rootIssues: SchemaIssue[] = [...touched.otherRoots].map((name) => ({
    path: name,
    message: 'Unknown top-level type.',
  }));
  if (touched.strayRootContent)
    rootIssues.push({ path: 'goals', message: 'Unexpected list content.' });
  const ids = [...touched.goalIds].sort();
  const issues = [
    ...rootIssues,
    ...validateGoals(replica, ids),
    ...checkPreserved(current, replica, ids),
  ];
  if (issues.length > 0) return { ok: false, reason: 'schema', issues };
  for (const goalId of ids) {
    const refusal = checkGoalChange(
      actor,
      goalId,
      readGoal(current, goalId),
      readGoal(replica, goalId),
    );
    if (refusal) return { ok: false, reason: 'forbidden', refusal };
  }
  return { ok: true, touched };
}
