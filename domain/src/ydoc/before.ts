// What a map held before a transaction, read from inside the transaction itself (SYNC17's judging
// in place). Yjs keeps every value a map key ever had as a chain of items (the newest rightmost,
// the older ones deleted), and an item deleted by a transaction keeps its content until the
// transaction's cleanup, after its `afterTransaction` listeners: so a listener can find, for any
// key, the item that was visible before the transaction began, and read its value.
import * as Y from 'yjs';

/** Any Yjs shared type that holds keyed entries (a Y.Map, or an element's attributes). */
type Keyed = Pick<Y.AbstractType<unknown>, '_map'>;

/** True when `transaction` created `item` (its clock is past the client's clock at the start). */
function createdIn(item: Y.Item, transaction: Y.Transaction): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

/**
 * The value `map` held under `key` when `transaction` began (undefined: none). Only valid inside
 * the transaction's `afterTransaction` event (or earlier): after it, Yjs frees deleted content.
 */
export function valueBefore(map: Keyed, key: string, transaction: Y.Transaction): unknown {
  let item: Y.Item | null = map._map.get(key) ?? null;
  while (item !== null && createdIn(item, transaction)) item = item.left;
  if (item === null) return undefined;
  // Deleted before the transaction (the key was removed, or this value was already replaced).
  if (item.deleted && !Y.isDeleted(transaction.deleteSet, item.id)) return undefined;
  return item.content.getContent()[item.length - 1];
}

/** What a document waited for before an update: the changes its pending parts lack. */
export interface PendingBefore {
  deletions: boolean;
  missing: Map<number, number> | undefined;
}

export function pendingBefore(doc: Y.Doc): PendingBefore {
  const structs = doc.store.pendingStructs;
  return {
    deletions: doc.store.pendingDs !== null,
    missing: structs ? new Map(structs.missing) : undefined,
  };
}

/**
 * True when `doc` now waits for changes it was not waiting for before (`before`): an update left
 * parts behind that would enter the document later, unjudged (GOAL4; pending.ts's `leftPending`,
 * for a document judged in place).
 */
export function leftPendingSince(before: PendingBefore, doc: Y.Doc): boolean {
  if (doc.store.pendingDs !== null && !before.deletions) return true;
  const structs = doc.store.pendingStructs;
  if (structs === null) return false;
  for (const [client, clock] of structs.missing) {
    if ((before.missing?.get(client) ?? Infinity) > clock) return true;
  }
  return false;
}
