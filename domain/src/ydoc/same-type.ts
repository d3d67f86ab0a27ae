// Whether two replicas hold the same Yjs type at a place, for rules that something is never
// replaced (GOAL3): a type set afresh under the same key reads alike but drops the old one's
// history and everyone's concurrent edits to it.

import * as Y from 'yjs';

/** Same Yjs type on two replicas: created by the same operation (same item id). Anything that
 *  is not a Yjs type on the first replica is the same as whatever is on the second. */
export function isSameType(a: unknown, b: unknown): boolean {
  if (!(a instanceof Y.AbstractType)) return true;
  if (!(b instanceof Y.AbstractType) || a.constructor !== b.constructor) return false;
  const x = a._item?.id;
  const y = b._item?.id;
  return x !== undefined && y !== undefined && x.client === y.client && x.clock === y.clock;
}
