// A second Y.Doc with the same content as a first, to judge an update on without touching the
// original (SYNC17, GOAL4): Yjs cannot take an applied update back out.
import * as Y from 'yjs';

/** A fresh replica of `doc`: its content, deletions and anything it is still waiting for, with
 *  the same garbage-collection setting (so both keep or drop deleted content alike). */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}
