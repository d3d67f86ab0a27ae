import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { leftPending } from './pending.ts';
import { replicaOf } from './replica.ts';
import { clientUpdate, replica, updateWithoutItsPredecessor } from './testing.ts';

/** Client `clientId` types "first" then " second" and sends the second alone (it needs the
 *  first, which is returned too). */
function secondEditAlone(clientId = 2) {
  const typeFirst = (client: Y.Doc) => client.getText('t').insert(0, 'first');
  const first = clientUpdate(new Y.Doc(), clientId, typeFirst);
  const second = updateWithoutItsPredecessor(new Y.Doc(), clientId, typeFirst, (client) =>
    client.getText('t').insert(5, ' second'),
  );
  return { first, second };
}

/** Applies `update` to a replica of `live`, as a check does, and asks whether it left anything. */
function leaves(live: Y.Doc, update: Uint8Array): boolean {
  const scratch = replicaOf(live);
  Y.applyUpdate(scratch, update);
  return leftPending(live, scratch);
}

describe('leftPending', () => {
  it('[SYNC17] is false for an update whose every part the document could integrate', () => {
    const { first } = secondEditAlone();
    expect(leaves(new Y.Doc(), first)).toBe(false);
  });

  it('[SYNC17] finds structs left waiting for changes the document never saw', () => {
    const { second } = secondEditAlone();
    expect(leaves(new Y.Doc(), second)).toBe(true);
  });

  it('[SYNC17] finds deletions of items the document never saw', () => {
    const deletionAlone = updateWithoutItsPredecessor(
      new Y.Doc(),
      2,
      (client) => client.getText('t').insert(0, 'abc'),
      (client) => client.getText('t').delete(0, 1),
    );
    expect(leaves(new Y.Doc(), deletionAlone)).toBe(true);
  });

  it('[SYNC17] does not blame an update for what the live document was already waiting for', () => {
    const live = new Y.Doc();
    const { second, first } = secondEditAlone();
    Y.applyUpdate(live, second);
    expect(live.store.pendingStructs).not.toBeNull();
    // Another client's complete edit leaves nothing new waiting.
    const other = replica(3);
    other.getText('t').insert(0, 'other');
    expect(leaves(live, Y.encodeStateAsUpdate(other))).toBe(false);
    // The missing edit fills the gap: nothing waits any more.
    expect(leaves(live, first)).toBe(false);
    // Another client's incomplete edit is new waiting.
    expect(leaves(live, secondEditAlone(4).second)).toBe(true);
  });
});
