import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replicaOf } from './replica.ts';
import { clientUpdate, replica } from './testing.ts';

describe('replicaOf', () => {
  it('[SYNC17] copies content and deletions, and takes updates without changing the original', () => {
    const doc = replica(1);
    doc.getText('t').insert(0, 'hello world');
    doc.getText('t').delete(5, 6);
    const copy = replicaOf(doc);
    expect(copy.getText('t').toString()).toBe('hello');
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
    Y.applyUpdate(
      copy,
      clientUpdate(doc, 2, (client) => client.getText('t').insert(5, '!')),
    );
    expect(copy.getText('t').toString()).toBe('hello!');
    expect(doc.getText('t').toString()).toBe('hello');
  });

  it("keeps the original's garbage-collection setting", () => {
    const kept = new Y.Doc({ gc: false });
    kept.getText('t').insert(0, 'gone');
    kept.getText('t').delete(0, 4);
    expect(replicaOf(kept).gc).toBe(false);
    expect(replicaOf(new Y.Doc()).gc).toBe(true);
  });

  it('copies what the original is still waiting for', () => {
    const client = replica(2);
    client.getText('t').insert(0, 'first');
    const vector = Y.encodeStateVector(client);
    client.getText('t').insert(5, ' second');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(client, vector));
    expect(doc.store.pendingStructs).not.toBeNull();
    expect(replicaOf(doc).store.pendingStructs?.missing).toEqual(doc.store.pendingStructs!.missing);
  });
});
