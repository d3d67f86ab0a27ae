// Which goals a Yjs transaction touched (GOAL4): the server checks permissions and schema for
// exactly those; a UI can re-read just those after a remote change.
import * as Y from 'yjs';
import { GOALS_ROOT } from './shape.ts';

/** Any Yjs shared type, as Yjs itself types the keys of `transaction.changed`. */
type SharedType = Parameters<Y.Transaction['changed']['get']>[0];

export interface TouchedGoals {
  /** Goals added, or changed anywhere inside (fields, title text, metric, check-ins…). */
  goalIds: Set<string>;
  /** Top-level types other than `goals` that the transaction changed (never valid, GOAL1). */
  otherRoots: Set<string>;
  /** List content inserted into the `goals` map itself (never valid, GOAL1). */
  strayRootContent: boolean;
}

/**
 * GOAL4: from `transaction.changed`. Yjs lists there every type that existed before the
 * transaction and changed (with the changed keys for maps); a type created in the transaction is
 * not listed but its creation changed a type that existed, so walking up from every listed type
 * to the goal it sits in finds every goal touched.
 */
export function goalsTouchedBy(transaction: Y.Transaction): TouchedGoals {
  const touched: TouchedGoals = {
    goalIds: new Set(),
    otherRoots: new Set(),
    strayRootContent: false,
  };
  const doc = transaction.doc;
  const goalsRoot = doc.share.get(GOALS_ROOT);
  for (const [type, keys] of transaction.changed) {
    if (type === goalsRoot) {
      for (const key of keys) {
        if (key === null) touched.strayRootContent = true;
        else touched.goalIds.add(key);
      }
      continue;
    }
    const goalId = goalIdAbove(type, goalsRoot);
    if (goalId !== null) {
      touched.goalIds.add(goalId);
    } else {
      const name = rootName(doc, type);
      if (name !== null && name !== GOALS_ROOT) touched.otherRoots.add(name);
    }
  }
  return touched;
}

/** The id of the goal a nested type sits in: the key under which its ancestor hangs in `goals`. */
function goalIdAbove(type: SharedType, goalsRoot: SharedType | undefined): string | null {
  let at: SharedType = type;
  while (at._item !== null) {
    const parent = at._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent === goalsRoot) return at._item.parentSub;
    at = parent;
  }
  return null;
}

/** The top-level name of the root a type sits in. */
function rootName(doc: Y.Doc, type: SharedType): string | null {
  let root = type;
  while (root._item !== null && root._item.parent instanceof Y.AbstractType) {
    root = root._item.parent;
  }
  for (const [name, candidate] of doc.share) if (candidate === root) return name;
  return null;
}

/**
 * Collects the goals touched by every transaction of `doc` while `run` executes (applying one
 * update can take more than one transaction when it completes pending structs).
 */
export function collectTouched(doc: Y.Doc, run: () => void): TouchedGoals {
  const all: TouchedGoals = { goalIds: new Set(), otherRoots: new Set(), strayRootContent: false };
  const listen = (transaction: Y.Transaction) => {
    const touched = goalsTouchedBy(transaction);
    for (const id of touched.goalIds) all.goalIds.add(id);
    for (const name of touched.otherRoots) all.otherRoots.add(name);
    all.strayRootContent ||= touched.strayRootContent;
  };
  doc.on('afterTransaction', listen);
  try {
    run();
  } finally {
    doc.off('afterTransaction', listen);
  }
  return all;
}
