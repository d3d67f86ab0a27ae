import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { leftPendingSince, pendingBefore, valueBefore } from './before.ts';
import { clientUpdate, replica } from './testing.ts';

/** Applies `update` to `doc`, reading `read` inside the transaction, as a listener would. */
function readDuring<T>(doc: Y.Doc, update: Uint8Array, read: (tx: Y.Transaction) => T): T[] {
  const seen: T[] = [];
  const listen = (transaction: Y.Transaction) => seen.push(read(transaction));
  doc.on('afterTransaction', listen);
  Y.applyUpdate(doc, update);
  doc.off('afterTransaction', listen);
  return seen;
}

describe('values before a transaction (SYNC17, judging in place)', () => {
  it('[SYNC17] reads a key’s value as it was before it was set, replaced or removed', () => {
    const live = replica(100);
    const map = live.getMap<unknown>('m');
    map.set('kept', 1);
    map.set('replaced', 'old');
    map.set('removed', true);
    map.set('gone', 'x');
    map.delete('gone');
    const update = clientUpdate(live, 7, (doc) => {
      const client = doc.getMap<unknown>('m');
      client.set('replaced', 'new');
      client.delete('removed');
      client.set('added', 2);
      client.set('gone', 'back');
    });
    const [before] = readDuring(live, update, (tx) =>
      ['kept', 'replaced', 'removed', 'added', 'gone'].map((key) => valueBefore(map, key, tx)),
    );
    expect(before).toEqual([1, 'old', true, undefined, undefined]);
    expect(map.toJSON()).toEqual({ kept: 1, replaced: 'new', added: 2, gone: 'back' });
  });

  it('[SYNC17] reads the winner before a concurrent set, whichever side wins', () => {
    for (const [clientId, winner] of [
      [7, 'server'],
      [900, 'client'],
    ] as const) {
      const live = replica(100);
      const map = live.getMap<unknown>('m');
      map.set('k', 'first');
      const update = clientUpdate(live, clientId, (doc) => doc.getMap('m').set('k', 'client'));
      map.set('k', 'server'); // concurrent with the client's set
      const [before] = readDuring(live, update, (tx) => valueBefore(map, 'k', tx));
      expect(before).toBe('server');
      expect(map.get('k')).toBe(winner);
    }
  });

  it('[SYNC17] reads a field of a map the transaction replaced, and of one it changed', () => {
    const live = replica(100);
    const root = live.getMap<Y.Map<unknown>>('points');
    const point = new Y.Map<unknown>();
    point.set('author', 'a');
    root.set('p', point);
    const replacing = clientUpdate(live, 7, (doc) => {
      const fresh = new Y.Map<unknown>();
      fresh.set('author', 'b');
      doc.getMap<Y.Map<unknown>>('points').set('p', fresh);
    });
    const [seen] = readDuring(live, replacing, (tx) => {
      const before = valueBefore(root, 'p', tx) as Y.Map<unknown>;
      return { old: before, author: valueBefore(before, 'author', tx) };
    });
    const { old, author } = seen!;
    expect(old).toBe(point);
    expect(author).toBe('a');
    const changing = clientUpdate(live, 8, (doc) =>
      doc.getMap<Y.Map<unknown>>('points').get('p')!.set('author', 'c'),
    );
    const current = root.get('p')!;
    const [field] = readDuring(live, changing, (tx) => valueBefore(current, 'author', tx));
    expect(field).toBe('b');
    expect(current.get('author')).toBe('c');
  });

  it('[GOAL4] tells when an update left parts waiting for changes the document lacks', () => {
    const live = replica(100);
    const source = replica(7);
    source.getMap('m').set('a', 1);
    const first = Y.encodeStateAsUpdate(source);
    const vector = Y.encodeStateVector(source);
    source.getMap('m').set('b', 2);
    const second = Y.encodeStateAsUpdate(source, vector);
    const before = pendingBefore(live);
    Y.applyUpdate(live, second); // needs `first`, which never came
    expect(leftPendingSince(before, live)).toBe(true);
    const whole = replica(100);
    const beforeWhole = pendingBefore(whole);
    Y.applyUpdate(whole, first);
    expect(leftPendingSince(beforeWhole, whole)).toBe(false);
  });
});
