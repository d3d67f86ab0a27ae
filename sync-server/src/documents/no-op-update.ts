// Whether an update would change nothing in a document: a read-only client answers the server's
// sync step 1 with one (SYNC19), and Yjs always includes the sender's whole delete set, so an
// answer that adds nothing may still list deletions — the document must already have them all.
import * as Y from 'yjs';

export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  if (hasNewStructs(doc, structs)) return false;
  if (ds.clients.size === 0) return true;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const have = deleted.clients.get(client) ?? [];
    for (const { clock, len } of ranges) if (!covered(have, clock, clock + len)) return false;
  }
  return true;
}

/**
 * The cheap half of changesNothing, for every update: nothing new and no deletions at all (an
 * up-to-date client's answer to sync step 1). Skips the check, and so building the scratch
 * replica, for the connections that only read.
 */
export function isEmptyFor(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return ds.clients.size === 0 && !hasNewStructs(doc, structs);
}

function hasNewStructs(doc: Y.Doc, structs: readonly { id: Y.ID; length: number }[]): boolean {
  // A struct is new unless the document's clock for its client is already past its end. (Read
  // per client from the store: encoding the whole state vector for every update cost as much as
  // the rest of this check in a room with many clients.)
  return structs.some(
    (struct) => Y.getState(doc.store, struct.id.client) < struct.id.clock + struct.length,
  );
}

/** True when the sorted ranges `have` cover [from, to) entirely. */
function covered(have: readonly { clock: number; len: number }[], from: number, to: number) {
  let at = from;
  for (const range of have) {
    if (range.clock > at) break;
    at = Math.max(at, range.clock + range.len);
    if (at >= to) return true;
  }
  return at >= to;
}
