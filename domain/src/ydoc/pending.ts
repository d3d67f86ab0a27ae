// Yjs keeps the parts of an update that depend on changes it has not seen (structs after a gap
// in a client's clock, deletions of unknown items) and integrates them later, when the gap is
// filled. A checked update must not leave such parts behind: they would enter the document
// later, inside some other update, and never be judged themselves (SYNC17, GOAL4).
import type * as Y from 'yjs';

/**
 * True when `scratch` (a replica of `live` that an update was just applied to) waits for changes
 * `live` was not already waiting for: deletions of items it lacks, or structs that need an
 * earlier change of some client than any `live` was waiting for (or of a client `live` was not
 * waiting for at all).
 */
export function leftPending(live: Y.Doc, scratch: Y.Doc): boolean {
  const structs = scratch.store.pendingStructs;
  if (scratch.store.pendingDs !== null && live.store.pendingDs === null) return true;
  if (structs === null) return false;
  const before = live.store.pendingStructs?.missing;
  for (const [client, clock] of structs.missing) {
    if ((before?.get(client) ?? Infinity) > clock) return true;
  }
  return false;
}
